/**
 * Summary tables whose header is printed on two lines (issue 14, a check on an unseen plan): column names split over
 * two rows and repeated after each page break, a responsible-unit column before the years, a total-over-the-years
 * column, an item's name continued alone after a page break, merged "ไม่ใช้งบประมาณ" cells. Our own content.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { isHeaderContinuation } from '../../functions/src/plans/parse/summary-find.ts';

const T = '\t';
const H1 = ['ลำดับ', 'ชื่อโครงการ/กิจกรรม/มาตรการ', 'หน่วยงานที่', 'งบประมาณ', '', '', 'รวมงบประมาณ'].join(T);
const H2 = ['', '', 'รับผิดชอบ', '2568', '2569', '2570', '3 ปี (บาท)'].join(T);
const plan = [
  'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2568 - 2570)',
  'องค์การบริหารส่วนตำบลหนองแวง',
  'อำเภอเมือง จังหวัดร้อยเอ็ด',
  '',
  'มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต',
  H1,
  H2,
  ['1', 'โครงการอบรมธรรมะสำหรับพนักงานส่วนตำบล', 'สำนักปลัด', '5,000', '5,000', '5,000', '15,000'].join(T),
  ['2', 'กิจกรรมปลูกต้นไม้เพื่อแผ่นดิน', 'กองส่งเสริมการเกษตรและ', '๓,๐๐๐', '-', '-', '๓,๐๐๐'].join(T),
  ['', '', 'ทรัพยากรธรรมชาติ', '', '', '', ''].join(T),
  ['3', 'โครงการเด็กดีมีคุณธรรม', 'กองการศึกษา', '10,000', '10,000', '10,000', '25,000'].join(T),
  ['4', 'มาตรการงดรับของขวัญและของกำนัลทุกชนิด', 'สำนักปลัด', 'ไม่ใช้งบประมาณ'].join(T),
  ['5', 'โครงการตลาดนัดชุมชน', 'กองคลัง', '2,000.-', '2,000.-', '2,000.-', '6,000'].join(T),
  '',
  '- 3 -',
  'แผนปฏิบัติการป้องกันการทุจริต องค์การบริหารส่วนตำบลหนองแวง',
  H1,
  H2,
  'ปลอดภัยไร้ทุจริต',
  ['', 'รวมมิติที่ 1 จำนวน 5 โครงการ', '', '20,000', '17,000', '17,000', '54,000'].join(T),
  ['', 'รวมทั้งสิ้น 5 โครงการ', '', '20,000', '17,000', '17,000', '54,000'].join(T),
].join('\n');

describe('a summary table whose header is printed on two lines', () => {
  const doc = parsePlanDocument(plan);
  const flags = (n: string) => (doc.projects.find((p) => p.number === n)?.review ?? []).map((f) => f.field);

  it('reads the second header line as the header\'s, never as an item, also when repeated after a page break', () => {
    expect(isHeaderContinuation(H2)).toBe(true);
    expect(isHeaderContinuation(['3', 'โครงการเด็กดี', 'กองการศึกษา', '10,000'].join(T))).toBe(false);
    expect(doc.projects.map((p) => [p.number, p.dimension, p.name.replace(/\s/g, '')])).toEqual([
      ['1', 1, 'โครงการอบรมธรรมะสำหรับพนักงานส่วนตำบล'],
      ['2', 1, 'กิจกรรมปลูกต้นไม้เพื่อแผ่นดิน'],
      ['3', 1, 'โครงการเด็กดีมีคุณธรรม'],
      ['4', 1, 'มาตรการงดรับของขวัญและของกำนัลทุกชนิด'],
      ['5', 1, 'โครงการตลาดนัดชุมชนปลอดภัยไร้ทุจริต'],
    ]);
    expect(doc.fiscalYears).toEqual([2568, 2569, 2570]);
  });

  it('reads a running header that starts with the organisation as page furniture, not as the rest of a name', () => {
    const other = parsePlanDocument(plan.replace('แผนปฏิบัติการป้องกันการทุจริต องค์การบริหารส่วนตำบลหนองแวง', 'องค์การบริหารส่วนตำบลหนองแวง แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2568 - 2570)'));
    expect(other.projects.map((p) => p.name)).toEqual(doc.projects.map((p) => p.name));
  });

  it('reads the unit column before the years, a unit wrapped onto the next line included', () => {
    expect(doc.projects.map((p) => p.responsibleUnit?.replace(/\s/g, ''))).toEqual(['สำนักปลัด', 'กองส่งเสริมการเกษตรและทรัพยากรธรรมชาติ', 'กองการศึกษา', 'สำนักปลัด', 'กองคลัง']);
  });

  it('reads the years, not the total column, as budgets; a merged "ไม่ใช้งบประมาณ" is no budget in every year', () => {
    expect(doc.projects.map((p) => p.budgets)).toEqual([
      { 2568: 5000, 2569: 5000, 2570: 5000 },
      { 2568: 3000, 2569: 0, 2570: 0 },
      { 2568: 10000, 2569: 10000, 2570: 10000 },
      { 2568: 0, 2569: 0, 2570: 0 },
      { 2568: 2000, 2569: 2000, 2570: 2000 },
    ]);
  });

  it('reads the totals rows\' yearly and 3-year figures as stated totals (year null = over all years)', () => {
    const budget = doc.stated.filter((s) => s.measure === 'budget').map((s) => [s.dimension, s.year, s.value]);
    expect(budget).toEqual([
      [1, 2568, 20000], [1, 2569, 17000], [1, 2570, 17000], [1, null, 54000],
      [null, 2568, 20000], [null, 2569, 17000], [null, 2570, 17000], [null, null, 54000],
    ]);
    // Over all years the rows give 15,000 + 3,000 + 30,000 + 0 + 6,000 = 54,000.
    expect(doc.fidelity.checks.filter((c) => c.subject === 'งบประมาณ ทั้งแผน').map((c) => [c.stated, c.parsed, c.agrees])).toEqual([[54000, 54000, true]]);
  });

  it('flags a name continued after a page break, and a row whose total is not the sum of its years', () => {
    expect(flags('5')).toContain('name');
    expect(flags('3')).toContain('budgets');
    expect(['1', '2', '4'].map(flags)).toEqual([[], [], []]);
  });
});

describe('a unit column left unread', () => {
  it('flags every item without a unit when the header names a unit the columns do not show', () => {
    const text = [
      'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2568 - 2570)',
      'องค์การบริหารส่วนตำบลหนองแวง',
      '',
      'มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต',
      ['ที่', 'โครงการ/กิจกรรม/มาตรการ และหน่วยงานรับผิดชอบ', 'ปี 2568', 'ปี 2569', 'ปี 2570'].join(T),
      ['1', 'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง (กองคลัง)', '-', '-', '-'].join(T),
    ].join('\n');
    const doc = parsePlanDocument(text);
    expect(doc.projects.map((p) => [p.responsibleUnit, (p.review ?? []).map((f) => f.field)])).toEqual([[null, ['responsibleUnit']]]);
  });
});

describe('a unit cell continued after a page break', () => {
  const head = ['แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2568 - 2570)', 'องค์การบริหารส่วนตำบลหนองแวง', '', 'มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต'];
  const pageBreak = ['', 'หน้า 4', 'แผนปฏิบัติการป้องกันการทุจริต องค์การบริหารส่วนตำบลหนองแวง'];

  it('joins the rest of a unit printed before the years to the item above the break, flagged', () => {
    const text = [...head, H1, H2,
      ['1', 'โครงการหน้าบ้านน่ามอง', 'กองสาธารณสุขและ', '5,000', '5,000', '5,000', '15,000'].join(T),
      ...pageBreak, H1, H2,
      ['', '', 'สิ่งแวดล้อม', '', '', '', ''].join(T),
      ['2', 'กิจกรรมคัดแยกขยะ', 'กองคลัง', '-', '-', '-', '-'].join(T),
    ].join('\n');
    const doc = parsePlanDocument(text);
    expect(doc.projects.map((p) => [p.number, p.responsibleUnit?.replace(/\s/g, ''), (p.review ?? []).map((f) => f.field)])).toEqual([
      ['1', 'กองสาธารณสุขและสิ่งแวดล้อม', ['responsibleUnit']],
      ['2', 'กองคลัง', []],
    ]);
  });

  it('joins the rest of a unit printed after the years and the total', () => {
    const h1 = ['ที่', 'โครงการ/กิจกรรม/มาตรการ', 'งบประมาณ (บาท)', '', '', 'รวม', 'ผู้รับ'].join(T);
    const h2 = ['', '', 'ปี 2568', 'ปี 2569', 'ปี 2570', '3 ปี', 'ผิดชอบ'].join(T);
    const text = [...head, h1, h2,
      ['1', 'โครงการสำรวจความพึงพอใจ', '5,000', '5,000', '5,000', '15,000', 'กองยุทธศาสตร์และ'].join(T),
      ...pageBreak, h1, h2,
      ['', '', '', '', '', '', 'งบประมาณ'].join(T),
      ['2', 'กิจกรรมเปิดเผยข้อมูล', '-', '-', '-', '-', 'กองคลัง'].join(T),
    ].join('\n');
    const doc = parsePlanDocument(text);
    expect(doc.projects.map((p) => [p.number, p.responsibleUnit?.replace(/\s/g, ''), (p.review ?? []).map((f) => f.field)])).toEqual([
      ['1', 'กองยุทธศาสตร์และงบประมาณ', ['responsibleUnit']],
      ['2', 'กองคลัง', []],
    ]);
  });
});
