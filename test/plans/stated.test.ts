import { describe, expect, it } from 'vitest';
import { readStatedBudgetLines, toLines } from '../../functions/src/plans/parse/common.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';

const read = (text: string, years: number[]) => readStatedBudgetLines(toLines(text), () => false, years).map((s) => [s.dimension, s.year, s.value, s.line]);

describe('budget totals a plan states in its text, outside its tables', () => {
  it('reads a dimension total and the whole plan total of a 1-year plan, with their lines', () => {
    const text = 'เทศบาลได้จัดทำโครงการตามกรอบ 4 มิติ รวม 30 โครงการ งบประมาณรวมทั้งสิ้น 170,000 บาท\nรวมมิติที่ 1 จำนวน 5 โครงการ งบประมาณ 125,000 บาท\nมิติที่ 2 รวม 14 โครงการ งบประมาณ ๑๕,๐๐๐ บาท';
    expect(read(text, [2565])).toEqual([
      [null, 2565, 170000, 1],
      [1, 2565, 125000, 2],
      [2, 2565, 15000, 3],
    ]);
  });

  it('ties each amount of a 5-year plan to the year printed before it, and states nothing for an amount of several years', () => {
    const years = [2566, 2567, 2568, 2569, 2570];
    expect(read('รวมทั้งสิ้น 35 โครงการ ปี 2566 จำนวน 360,000 บาท ปี 2567 จำนวน 360,000 บาท', years)).toEqual([
      [null, 2566, 360000, 1],
      [null, 2567, 360000, 1],
    ]);
    expect(read('รวมทั้งสิ้น 35 โครงการ งบประมาณ 1,800,000 บาท', years)).toEqual([]);
    expect(read('รวม 5 ปี เป็นเงิน 150,000 บาท', [2566])).toEqual([]);
  });

  it('reads the all-years total an introduction states after the yearly amounts, as a total of no single year', () => {
    const years = [2568, 2569, 2570];
    const intro = (text: string) => readStatedBudgetLines(toLines(text), () => false, years, 10).map((s) => [s.dimension, s.year, s.value, s.line]);
    expect(intro('แผนฉบับนี้ใช้งบประมาณ ปี 2568 จำนวน 321,500 บาท ปี 2569 จำนวน 337,000 บาท และปี 2570 จำนวน 372,000 บาท รวม 3 ปี เป็นเงินทั้งสิ้น 1,030,500 บาท')).toEqual([
      [null, 2568, 321500, 1],
      [null, 2569, 337000, 1],
      [null, 2570, 372000, 1],
      [null, null, 1030500, 1],
    ]);
    // "ทั้งสิ้น" after the yearly amounts, without "รวม N ปี"; "รวม 3 ปี" alone in a 3-year plan.
    expect(intro('ใช้งบประมาณ ปี 2568 จำนวน 10,000 บาท ปี 2569 จำนวน 20,000 บาท ปี 2570 จำนวน 30,000 บาท เป็นเงินทั้งสิ้น 60,000 บาท').at(-1)).toEqual([null, null, 60000, 1]);
    expect(intro('ตลอดแผนใช้งบประมาณ รวม 3 ปี เป็นเงินทั้งสิ้น 90,000 บาท')).toEqual([[null, null, 90000, 1]]);
  });

  it('does not read an amount over fewer years than the plan\'s, nor a sentence after the introduction without its scope, as the plan\'s total', () => {
    const years = [2568, 2569, 2570];
    const intro = (text: string) => readStatedBudgetLines(toLines(text), () => false, years, 2).map((s) => [s.dimension, s.year, s.value, s.line]);
    expect(intro('ใช้งบประมาณ รวม 2 ปี เป็นเงินทั้งสิ้น 40,000 บาท')).toEqual([]);
    // Line 2 is past the introduction (a project sheet's budget).
    expect(intro('บทนำ\nงบประมาณ ปี 2568 จำนวน 20,000 บาท ปี 2569 จำนวน 20,000 บาท รวม 3 ปี เป็นเงินทั้งสิ้น 60,000 บาท')).toEqual([]);
  });

  it('is not a total without its scope: an item\'s budget sentence is not read', () => {
    expect(read('งบประมาณ 50,000 บาท รวมค่าวัสดุ', [2565])).toEqual([]);
  });
});

describe('a 1-year table\'s totals rows', () => {
  it('keep the grand total for the whole plan, not for the last dimension', () => {
    const doc = parsePlanDocument(
      [
        'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565',
        'เทศบาลตำบลตัวอย่าง อำเภอเมือง จังหวัดเชียงราย',
        'มิติที่ 4 การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น',
        'ที่\tโครงการ/กิจกรรม\tงบประมาณ (บาท)\tระยะเวลา\tผู้รับผิดชอบ',
        '1.\tกิจกรรมจัดทำรายงานการควบคุมภายในประจำปี\t5,000\tก.ค. 65\tกองคลัง',
        '\tรวม มิติที่ 4 จำนวน 1 โครงการ\t5,000\t\t',
        '\tรวมทั้งสิ้น 30 โครงการ\t170,000\t\t',
      ].join('\n'),
    );
    expect(doc.stated.map((s) => [s.measure, s.dimension, s.value, s.line])).toEqual([
      ['projects', 4, 1, 6],
      ['budget', 4, 5000, 6],
      ['projects', null, 30, 7],
      ['budget', null, 170000, 7],
    ]);
  });
});

describe('a progress report\'s project-status table', () => {
  const report = (status: string[]) =>
    parsePlanDocument(
      [
        'เทศบาลตำบลตัวอย่าง อำเภอเมือง จังหวัดสกลนคร',
        'รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2564 รอบ 6 เดือน',
        'ชื่อ อปท.\tมิติ\tโครงการ\t\tงบประมาณ\t\t\tร้อยละดำเนินการ\t',
        '\t\tตามแผน\tดำเนินการแล้ว\tตามแผน\tตามข้อบัญญัติ\tใช้จริง\tโครงการ\tงบประมาณ',
        'เทศบาลตำบลตัวอย่าง\t1\t2\t1\t10,000.00\t0.00\t0.00\t50.00\t0.00',
        'รวม\t\t2\t1\t10,000.00\t0.00\t0.00\t50.00\t0.00',
        '',
        '"สถานะโครงการ/กิจกรรม/มาตรการ"',
        ...status,
        '',
        'มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต',
        '1. กิจกรรมส่งเสริมคุณธรรมของบุคลากร',
        'การดำเนินการ',
        '- จัดอบรม',
        'ผลการดำเนินการ',
        '- ผู้เข้าร่วม 30 คน',
      ].join('\n'),
    );

  it('is read into report.status with its line, whatever the order of its columns, and its figures are checked', () => {
    const doc = report([
      'ดำเนินการ แล้วเสร็จ\tโครงการ ตั้งต้น\tโครงการ ทั้งหมด\tอยู่ระหว่าง ดำเนินการ\tไม่สามารถ ดำเนินการได้\tผลการนำแผนฯ ไปปฏิบัติ คิดจาก โครงการตั้งต้น\tระดับการนำ แผนไปปฏิบัติ',
      '1\t2\t2\t1\t0\t50.00\tปานกลาง',
    ]);
    expect(doc.report?.status).toMatchObject({ done: 1, baselineProjects: 2, totalProjects: 2, inProgress: 1, notPossible: 0, percentImplemented: 50, level: 'ปานกลาง', inOrdinance: null, line: 10, unread: [] });
    expect(doc.stated.filter((s) => s.line === 10).map((s) => [s.measure, s.value])).toEqual([
      ['projectsBaseline', 2],
      ['projects', 2],
      ['projectsInProgress', 1],
      ['projectsDone', 1],
      ['projectsNotPossible', 0],
      ['percentImplemented', 50],
    ]);
    expect(doc.fidelity.checks.find((c) => /ร้อยละการนำแผน/.test(c.subject))).toMatchObject({ stated: 50, parsed: 50, agrees: true });
  });

  it('says what it could not read instead of guessing', () => {
    const doc = report(['ดำเนินการ แล้วเสร็จ\tอยู่ระหว่าง ดำเนินการ\tไม่สามารถ ดำเนินการได้\tหมายเหตุพิเศษ', '1\t1\tไม่มี\tx']);
    expect(doc.report?.status).toMatchObject({ done: 1, inProgress: 1, notPossible: null });
    expect(doc.fidelity.notes).toEqual(expect.arrayContaining([expect.stringMatching(/not read: หมายเหตุพิเศษ/), expect.stringMatching(/ไม่สามารถ ดำเนินการได้: "ไม่มี" is not a figure/)]));
    const none = report(['ยังไม่มีข้อมูล']);
    expect(none.report?.status).toBeNull();
    expect(none.fidelity.notes).toEqual(expect.arrayContaining([expect.stringMatching(/line 8: a project-status heading, but no status table/)]));
  });
});
