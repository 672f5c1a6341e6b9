/**
 * A summary table with a ภารกิจ column after the item's name (ที่ | โครงการ/กิจกรรม/มาตรการ | ภารกิจ | หน่วยงานรับผิดชอบ |
 * งบประมาณ (บาท) over the years): the code printed on every row or only on a mission's first row (the empty cells
 * below mean the same mission, within the dimension); a code of another dimension, or a cell that is no code, is
 * flagged; a column read for no item is flagged on every item. Running page headers repeated at page breaks are
 * never a name's continuation. Our own content.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { readMissionCell } from '../../functions/src/plans/parse/mission-column.ts';
import { readMissionCounts, toLines } from '../../functions/src/plans/parse/common.ts';
import type { Project } from '../../functions/src/plans/schema.ts';

const HEAD = ['แผนปฏิบัติการป้องกันการทุจริต ระยะ 3 ปี (พ.ศ. ๒๕๖๘ – ๒๕๗๐)', 'องค์การบริหารส่วนตำบลดอนหัน อำเภอเมือง จังหวัดขอนแก่น', ''];
const HEADER = ['ที่\tโครงการ/กิจกรรม/มาตรการ\tภารกิจ\tหน่วยงานรับผิดชอบ\tงบประมาณ (บาท)\t\t', '\t\t\t\tปี 2568\tปี 2569\tปี 2570'];
const row = (n: number, name: string, mission: string, unit = 'สำนักปลัด', figures = '10,000\t10,000\t10,000') => `${n}\t${name}\t${mission}\t${unit}\t${figures}`;
const dim = (heading: string) => `\t${heading}\t\t\t\t\t`;
const plan = (rows: string[]) => parsePlanDocument([...HEAD, ...HEADER, ...rows].join('\n'));
const flagged = (p: Project | undefined, field: string) => (p?.review ?? []).filter((f) => f.field === field);

describe('a ภารกิจ column after the name', () => {
  it('reads a code printed on a mission\'s first row only and carries it down within the dimension; a new dimension heading resets it', () => {
    const doc = plan([
      dim('มิติที่ ๑ การสร้างวัฒนธรรมสุจริต'),
      row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', '1.1'),
      row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', ''),
      row(3, 'โครงการเยาวชนต้านทุจริต', '๑.๒'),
      row(4, 'กิจกรรมวันต่อต้านคอร์รัปชันสากล', ''),
      dim('มิติที่ ๒ การบริหารราชการด้วยความโปร่งใส'),
      row(5, 'กิจกรรมประกาศผลการจัดซื้อจัดจ้าง', ''),
      row(6, 'มาตรการเปิดเผยข้อมูลข่าวสาร', '2.1'),
      row(7, 'โครงการป้ายประกาศข้อมูลประจำหมู่บ้าน', ''),
    ]);
    expect(doc.projects.map((p) => [p.number, p.dimension, p.mission])).toEqual([
      ['1', 1, '1.1'],
      ['2', 1, '1.1'],
      ['3', 1, '1.2'],
      ['4', 1, '1.2'],
      ['5', 2, null],
      ['6', 2, '2.1'],
      ['7', 2, '2.1'],
    ]);
    // Item 5: the heading reset the mission and its own cell is empty while the dimension's others have one.
    expect(flagged(doc.projects[4], 'mission')).toHaveLength(1);
    expect(doc.projects.filter((p) => flagged(p, 'mission').length > 0).map((p) => p.number)).toEqual(['5']);
    expect(doc.dimensions.find((d) => d.number === 1)?.missions.map((m) => m.code)).toEqual(['1.1', '1.2']);
  });

  it('reads a code on every row, written "ภารกิจที่ 2.2" or as a sub-mission "1.2.1"', () => {
    const doc = plan([
      dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'),
      row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', '1.2.1'),
      row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', '1.1'),
      dim('มิติที่ 2 การบริหารราชการด้วยความโปร่งใส'),
      row(3, 'กิจกรรมประกาศผลการจัดซื้อจัดจ้าง', 'ภารกิจที่ 2.2'),
    ]);
    expect(doc.projects.map((p) => p.mission)).toEqual(['1.2', '1.1', '2.2']);
    expect(doc.projects.every((p) => flagged(p, 'mission').length === 0)).toBe(true);
  });

  it('flags a code of another dimension than the heading above, keeps the heading\'s dimension, and carries the doubt to the empty cells below it', () => {
    const doc = plan([
      dim('มิติที่ 2 การบริหารราชการด้วยความโปร่งใส'),
      row(1, 'กิจกรรมประกาศผลการจัดซื้อจัดจ้าง', '2.1'),
      row(2, 'มาตรการตรวจสอบการเบิกจ่ายเงิน', '3.1'),
      row(3, 'โครงการอบรมเจ้าหน้าที่พัสดุ', ''),
      row(4, 'โครงการป้ายประกาศข้อมูลประจำหมู่บ้าน', '2.2'),
    ]);
    expect(doc.projects.map((p) => [p.dimension, p.mission])).toEqual([
      [2, '2.1'],
      [2, null],
      [2, null],
      [2, '2.2'],
    ]);
    expect(flagged(doc.projects[1], 'mission')[0]?.reason).toMatch(/3\.1.*มิติที่ 2/);
    expect(flagged(doc.projects[1], 'mission')[0]?.reasonTh).toMatch(/ช่องภารกิจระบุ 3\.1/);
    expect(flagged(doc.projects[2], 'mission')).toHaveLength(1);
    expect(flagged(doc.projects[3], 'mission')).toHaveLength(0);
  });

  it('flags every item when the column holds text but no code could be read (never silent)', () => {
    const doc = plan([
      dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'),
      row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', 'การปลูกฝังวัฒนธรรมสุจริต'),
      row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', ''),
    ]);
    expect(doc.projects.map((p) => p.mission)).toEqual([null, null]);
    expect(doc.projects.map((p) => flagged(p, 'mission').length)).toEqual([1, 1]);
    expect(flagged(doc.projects[0], 'mission')[0]?.reason).toMatch(/not a mission code/);
  });

  it('leaves a column that is empty on every row alone: the document gives no missions', () => {
    const doc = plan([dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'), row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', ''), row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', '')]);
    expect(doc.projects.map((p) => [p.mission, flagged(p, 'mission').length])).toEqual([
      [null, 0],
      [null, 0],
    ]);
  });

  it('reads a cell: a code (Thai digits already Arabic), a heading by its word, a code with its title, "-", text without a code', () => {
    expect(readMissionCell('')).toEqual({ kind: 'empty' });
    expect(readMissionCell('-')).toEqual({ kind: 'none' });
    expect(readMissionCell('2.2')).toEqual({ kind: 'code', code: '2.2', title: '' });
    expect(readMissionCell('ภารกิจที่ 1.3: การสร้างจิตสำนึก')).toEqual({ kind: 'code', code: '1.3', title: 'การสร้างจิตสำนึก' });
    expect(readMissionCell('4.1.2')).toEqual({ kind: 'code', code: '4.1', title: '' });
    expect(readMissionCell('ด้านการตรวจสอบ')).toEqual({ kind: 'unread', text: 'ด้านการตรวจสอบ' });
    // A figure is not a code.
    expect(readMissionCell('1,500').kind).toBe('unread');
  });

  it('in a 1-year table too: carried down across a page break, reset by a dimension heading, a code of another dimension flagged', () => {
    const doc = parsePlanDocument(
      [
        'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569',
        'เทศบาลตำบลหนองแวง อำเภอเมือง จังหวัดขอนแก่น',
        'ที่\tโครงการ/กิจกรรม/มาตรการ\tภารกิจ\tงบประมาณ (บาท)\tตัวชี้วัด\tหน่วยงานรับผิดชอบ',
        '\tมิติที่ 1 การสร้างวัฒนธรรมสุจริต\t\t\t\t',
        '1\tโครงการอบรมคุณธรรมแก่พนักงาน\t๑.๑\t5,000\t1 ครั้ง\tสำนักปลัด',
        '- 5 -',
        'ที่\tโครงการ/กิจกรรม/มาตรการ\tภารกิจ\tงบประมาณ (บาท)\tตัวชี้วัด\tหน่วยงานรับผิดชอบ',
        '2\tกิจกรรมวันต่อต้านคอร์รัปชันสากล\t\t-\t1 ครั้ง\tสำนักปลัด',
        '\tมิติที่ 2 การบริหารราชการด้วยความโปร่งใส\t\t\t\t',
        '3\tกิจกรรมประกาศผลการจัดซื้อจัดจ้าง\t\t-\t12 ครั้ง\tกองคลัง',
        '4\tมาตรการตรวจสอบการเบิกจ่ายเงิน\t4.1\t-\t1 ครั้ง\tกองคลัง',
        '5\tโครงการป้ายประกาศข้อมูลข่าวสาร\t2.1\t3,000\t1 ป้าย\tกองช่าง',
      ].join('\n'),
    );
    expect(doc.template).toBe('one-year');
    expect(doc.projects.map((p) => [p.number, p.dimension, p.mission, flagged(p, 'mission').length])).toEqual([
      ['1', 1, '1.1', 0],
      ['2', 1, '1.1', 0],
      ['3', 2, null, 1],
      ['4', 2, null, 1],
      ['5', 2, '2.1', 0],
    ]);
  });
});

describe('mission titles with a ภารกิจ column', () => {
  it('come from a count table by dimension and mission (bare figures under "จำนวน"), whose figures are stated counts', () => {
    const lines = toLines(
      [
        'ตารางที่ 1 จำนวนโครงการ แยกตามมิติและภารกิจ',
        'มิติ\tภารกิจ\tจำนวน',
        '1. การสร้างวัฒนธรรมสุจริต\t1.1 การปลูกฝังวัฒนธรรมสุจริตแก่บุคลากร\t4',
        '\t1.2 การสร้างจิตสำนึกในชุมชน\t3',
        'รวม\t\t7',
      ].join('\n'),
    );
    const read = readMissionCounts(lines, () => false);
    expect([...read.titles]).toEqual([
      ['1.1', 'การปลูกฝังวัฒนธรรมสุจริตแก่บุคลากร'],
      ['1.2', 'การสร้างจิตสำนึกในชุมชน'],
    ]);
    expect(read.stated.map((s) => [s.dimension, s.mission, s.value, s.line])).toEqual([
      [1, '1.1', 4, 3],
      [1, '1.2', 3, 4],
      [null, null, 7, 5],
    ]);
    // Without a "จำนวน" column a bare number is no count.
    expect(readMissionCounts(toLines('มิติ\tภารกิจ\tหมายเหตุ\n1. การสร้าง\t1.1 การปลูกฝัง\t4'), () => false).stated).toEqual([]);
  });

  it('come from the count table or from "ภารกิจที่ 1.1 <title>" headings of the detail part, for the codes the column gives', () => {
    const doc = parsePlanDocument(
      [
        ...HEAD,
        'มิติ\tภารกิจ\tจำนวน',
        '1. การสร้างวัฒนธรรมสุจริต\t1.1 การปลูกฝังวัฒนธรรมสุจริตแก่บุคลากร\t1',
        '\t1.2 การสร้างจิตสำนึกในชุมชน\t1',
        '',
        ...HEADER,
        dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'),
        row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', '1.1'),
        row(2, 'โครงการเยาวชนต้านทุจริต', '1.2'),
        dim('มิติที่ 2 การบริหารราชการด้วยความโปร่งใส'),
        row(3, 'กิจกรรมประกาศผลการจัดซื้อจัดจ้าง', '2.1'),
        'ส่วนที่ 3',
        'ภารกิจที่ 2.1 การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง',
      ].join('\n'),
    );
    expect(doc.dimensions.flatMap((d) => d.missions)).toEqual([
      { code: '1.1', title: 'การปลูกฝังวัฒนธรรมสุจริตแก่บุคลากร' },
      { code: '1.2', title: 'การสร้างจิตสำนึกในชุมชน' },
      { code: '2.1', title: 'การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง' },
    ]);
    expect(doc.dimensions.flatMap((d) => d.review ?? [])).toEqual([]);
  });
});

describe('running page headers inside the table', () => {
  const RUNNING = 'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๖๘ – ๒๕๗๐)\tอบต.ดอนหัน';

  it('are never glued to the name of the item above the page break (title ⇥ the organisation\'s short name)', () => {
    const doc = plan([dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'), row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', '1.1'), '- 8 -', RUNNING, ...HEADER, row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', '')]);
    expect(doc.projects.map((p) => [p.number, p.name, p.review])).toEqual([
      ['1', 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', []],
      ['2', 'มาตรการเผยแพร่ประมวลจริยธรรม', []],
    ]);
  });

  it('are page furniture when a line repeats at several page breaks, whatever it says', () => {
    // No title or organisation to recognise: only the repetition at each break tells.
    const running = 'ฉบับปรับปรุง ครั้งที่ 1\tบ้านดอนหัน';
    const doc = plan([
      dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'),
      row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', '1.1'),
      '- 8 -',
      running,
      ...HEADER,
      row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', ''),
      '- 9 -',
      running,
      ...HEADER,
      row(3, 'กิจกรรมวันต่อต้านคอร์รัปชันสากล', ''),
    ]);
    expect(doc.projects.map((p) => p.name)).toEqual(['โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', 'มาตรการเผยแพร่ประมวลจริยธรรม', 'กิจกรรมวันต่อต้านคอร์รัปชันสากล']);
    expect(doc.projects.flatMap((p) => p.review ?? [])).toEqual([]);
  });

  it('are page furniture printed as one line starting with the short name, and years labelled "พ.ศ. 2568" are year columns', () => {
    const header = ['ที่\tโครงการ/กิจกรรม/มาตรการ\tภารกิจ\tหน่วยงานรับผิดชอบ\tงบประมาณ (บาท)\t\t', '\t\t\t\tพ.ศ. 2568\tพ.ศ. 2569\tพ.ศ. 2570'];
    const doc = parsePlanDocument(
      [...HEAD, ...header, dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'), row(1, 'โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', '1.1'), 'อบต.ดอนหัน แผนปฏิบัติการป้องกันการทุจริต 3 ปี', ...header, row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', '')].join('\n'),
    );
    expect(doc.fiscalYears).toEqual([2568, 2569, 2570]);
    expect(doc.projects.map((p) => [p.name, p.mission, p.budgets])).toEqual([
      ['โครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล', '1.1', { 2568: 10000, 2569: 10000, 2570: 10000 }],
      ['มาตรการเผยแพร่ประมวลจริยธรรม', '1.1', { 2568: 10000, 2569: 10000, 2570: 10000 }],
    ]);
  });

  it('leave a name really continued after a page break read and flagged', () => {
    const doc = plan([
      dim('มิติที่ 1 การสร้างวัฒนธรรมสุจริต'),
      row(1, 'โครงการอบรมคุณธรรมแก่พนักงาน', '1.1'),
      '- 8 -',
      RUNNING,
      ...HEADER,
      '\tและผู้นำชุมชนในตำบล\t\t\t\t\t',
      row(2, 'มาตรการเผยแพร่ประมวลจริยธรรม', ''),
      '- 9 -',
      RUNNING,
      ...HEADER,
      row(3, 'กิจกรรมวันต่อต้านคอร์รัปชันสากล', ''),
    ]);
    // (A wrap before "และ" may stand for a space: names compare without spaces.)
    expect(doc.projects.map((p) => p.name.replace(/\s+/g, ''))).toEqual(['โครงการอบรมคุณธรรมแก่พนักงานและผู้นำชุมชนในตำบล', 'มาตรการเผยแพร่ประมวลจริยธรรม', 'กิจกรรมวันต่อต้านคอร์รัปชันสากล']);
    expect(flagged(doc.projects[0], 'name')[0]?.reason).toMatch(/page break/);
    expect(doc.projects.map((p) => p.mission)).toEqual(['1.1', '1.1', '1.1']);
  });
});
