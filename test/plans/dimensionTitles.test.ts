/**
 * Dimension titles however the heading is written, and a dimension with none flagged; mission codes in a 1-year
 * table's number column. Our own content (a 1-year plan, tab-separated tables).
 */
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';

const T = '\t';
const header = ['ที่', 'โครงการ/กิจกรรม/มาตรการ', 'หน่วยนับ', 'ปริมาณงาน', 'งบประมาณ (บาท)', 'ตัวชี้วัด', 'ผลลัพธ์', 'ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4', 'หน่วยงานรับผิดชอบ'].join(T);
const row = (n: string, name: string, budget: string, unit: string) => [n, name, 'ครั้ง', '1', budget, 'ร้อยละ 80', 'ประชาชนพึงพอใจ', '✓', '', '', '', unit].join(T);
const blank = (text: string, at = 0) => Array.from({ length: 12 }, (_, i) => (i === at ? text : '')).join(T);

const doc = [
  'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568',
  'เทศบาลตำบลบ้านสวน',
  '',
  header,
  // A heading row in the table without its title; the title (a wording of this plan's own) in the row below.
  blank('มิติที่ 1'),
  blank('ด้านการปลูกจิตสำนึกสุจริตแก่บุคลากรและประชาชน', 1),
  // The mission's code alone in the number column, its title in the name column.
  ['1.1', 'การสร้างจิตสำนึกแก่บุคลากร', ...new Array<string>(10).fill('')].join(T),
  row('1', 'โครงการอบรมคุณธรรมพนักงาน', '10,000', 'สำนักปลัด'),
  ['1.2', 'การสร้างจิตสำนึกแก่ประชาชน', ...new Array<string>(10).fill('')].join(T),
  row('2', 'กิจกรรมรณรงค์ต่อต้านการทุจริตในชุมชน', '-', 'สำนักปลัด'),
  '',
  // A heading whose title is on the next line.
  'ด้านที่ 2 :',
  'การบริหารราชการเพื่อป้องกันการทุจริต',
  header,
  row('1', 'มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง', '-', 'กองคลัง'),
  '',
  // A heading with no title anywhere.
  'มิติที่ 3',
  header,
  row('1', 'โครงการประชาคมหมู่บ้าน', '5,000', 'สำนักปลัด'),
].join('\n');

describe('dimension titles however the heading is written', () => {
  const plan = parsePlanDocument(doc);

  it('reads a title from the row or line below its heading, whatever its wording, and flags a dimension without one', () => {
    expect(plan.dimensions.map((d) => [d.number, d.title, (d.review ?? []).map((f) => f.field)])).toEqual([
      [1, 'ด้านการปลูกจิตสำนึกสุจริตแก่บุคลากรและประชาชน', []],
      [2, 'การบริหารราชการเพื่อป้องกันการทุจริต', []],
      [3, '', ['title']],
    ]);
  });

  it('reads a mission code printed in the number column as the heading of the items below it', () => {
    expect(plan.projects.map((p) => [p.dimension, p.number, p.mission])).toEqual([
      [1, '1', '1.1'],
      [1, '2', '1.2'],
      [2, '1', null],
      [3, '1', null],
    ]);
    expect(plan.dimensions[0]?.missions).toEqual([
      { code: '1.1', title: 'การสร้างจิตสำนึกแก่บุคลากร' },
      { code: '1.2', title: 'การสร้างจิตสำนึกแก่ประชาชน' },
    ]);
    expect(plan.projects.every((p) => (p.review ?? []).length === 0)).toBe(true);
  });
});

describe('a dimension title abbreviated in a summary-table cell', () => {
  // Our own content: the plan lists its dimensions in full in prose, and its narrow summary-table cell prints the same
  // dimension wrapped and abbreviated ("อปท."). The heading's full wording is the title; the cell's is not.
  const fiveYear = [
    'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566 – 2570)',
    'เทศบาลตำบลบ้านสวน',
    '',
    'มิติที่ 4 การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น จำนวน 2 โครงการ',
    '',
    ['มิติ', 'ภารกิจตามมิติ', 'โครงการ/กิจกรรม/มาตรการ', 'ปี 2566', 'ปี 2567', 'ปี 2568', 'ปี 2569', 'ปี 2570', 'หน่วยงานรับผิดชอบ'].join(T),
    ['มิติ 4 การยกระดับ กลไกการตรวจสอบ ของ อปท.', '4.1 การตรวจสอบภายใน', '1. โครงการจัดทำแผนการตรวจสอบภายใน', '-', '-', '-', '-', '-', 'หน่วยตรวจสอบภายใน'].join(T),
    ['', '', '2. กิจกรรมรายงานผลการควบคุมภายใน', '-', '-', '-', '-', '-', 'หน่วยตรวจสอบภายใน'].join(T),
    ['', 'รวมมิติที่ 4', '2 โครงการ', '0', '0', '0', '0', '0', ''].join(T),
  ].join('\n');

  it('takes the title the heading spells out, not the cell\'s abbreviation, and flags the difference', () => {
    const plan = parsePlanDocument(fiveYear);
    expect(plan.projects.map((p) => [p.dimension, p.name])).toEqual([
      [4, 'โครงการจัดทำแผนการตรวจสอบภายใน'],
      [4, 'กิจกรรมรายงานผลการควบคุมภายใน'],
    ]);
    expect(plan.dimensions.map((d) => [d.number, d.title])).toEqual([[4, 'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น']]);
    expect(plan.dimensions[0]?.review).toEqual([{ field: 'title', reason: expect.stringContaining('อปท.') as unknown as string, reasonTh: expect.stringMatching(/^หัวข้อมิติพิมพ์ว่า .*อปท\./) as unknown as string, line: 4 }]);
  });
});

describe('a dimension heading wrapped in its table cell (a PDF prints a long title over two lines)', () => {
  it('is still the heading of the rows below, and its title is read whole', () => {
    const parsed = parsePlanDocument(
      [
        'แผนปฏิบัติการป้องกันการทุจริต ระยะ 3 ปี (พ.ศ. 2568 – 2570)',
        'องค์การบริหารส่วนตำบลดอนหัน อำเภอเมือง จังหวัดขอนแก่น',
        'ที่\tโครงการ/กิจกรรม/มาตรการ\tหน่วยงานรับผิดชอบ\tปี 2568\tปี 2569\tปี 2570',
        '\tมิติที่ 1 การสร้างวัฒนธรรมสุจริต',
        '1\tโครงการอบรมคุณธรรมแก่พนักงานส่วนตำบล\tสำนักปลัด\t10,000\t10,000\t10,000',
        '\tมิติที่ 3 การส่งเสริมบทบาทและการมีส่วนร่วมของภาค',
        '\tประชาชน',
        '2\tโครงการประชุมประชาคมหมู่บ้าน\tสำนักปลัด\t5,000\t5,000\t5,000',
      ].join('\n'),
    );
    expect(parsed.projects.map((p) => p.dimension)).toEqual([1, 3]);
    // (The wrap may stand for a space: titles compare without spaces, as the keys do.)
    expect(parsed.dimensions.find((d) => d.number === 3)?.title.replace(/\s+/g, '')).toBe('การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน');
  });
});
