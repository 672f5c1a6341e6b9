/**
 * Failure classes seen on plans nobody here developed against (issue 14), each written as a small document of its
 * own (test/fixtures/plans/classes/, our own content): whole-HTML one-year plans, years read as amounts, page numbers
 * glued to names, an item on its own line in a shared cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { contradictedYears, statedBudget } from '../../functions/src/plans/parse/amounts.ts';
import { withoutPageMarks } from '../../functions/src/plans/parse/common.ts';
import { htmlBlocksToLines } from '../../functions/src/plans/sources/tables.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/classes/${name}`, import.meta.url), 'utf8');
const brief = (text: string) =>
  parsePlanDocument(text).projects.map((p) => ({ n: p.number, d: p.dimension, name: p.name, b: p.budgets, flags: (p.review ?? []).map((r) => r.field) }));

describe('a one-year plan converted wholly to HTML', () => {
  const html = fixture('one-year-html.txt');
  const expected = [
    [1, 1, 'โครงการอบรมคุณธรรมจริยธรรมแก่พนักงานเทศบาล', 20000],
    [1, 2, 'กิจกรรมประกาศเจตจำนงสุจริตของผู้บริหาร', 0],
    [1, 3, 'โครงการส่งเสริมความซื่อสัตย์ในโรงเรียน', 15000],
    [2, 1, 'มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง', 0],
    [2, 2, 'โครงการจัดทำคู่มือการปฏิบัติงาน', 20000],
    [3, 1, 'โครงการประชาคมหมู่บ้าน', 5000],
    [3, 2, 'กิจกรรมรับเรื่องร้องเรียนผ่านช่องทางออนไลน์', 0],
    [4, 1, 'กิจกรรมจัดทำรายงานการควบคุมภายใน', 0],
  ];
  const check = (text: string) => {
    const items = brief(text);
    expect(items.map((p) => [p.d, Number(p.n), p.name, p.b['2567']])).toEqual(expected);
    expect(items.every((p) => p.flags.length === 0)).toBe(true);
  };

  it('reads every table when each block has its own line (dimension headings มิติ 1 :, มิติที่ ๒, ด้านที่ 3, title only; mission rows)', () => {
    check(html);
  });

  it('reads the same plan written on one line', () => {
    check(html.replace(/\n/g, ''));
  });

  it('reads the same plan as Word saves it: tags broken over lines, attributes, comments and a head', () => {
    const word = `<html><head><style>p.MsoNormal{margin:0}</style></head><body>\n<!--[if gte mso 9]><xml></xml><![endif]-->\n${html
      .replace(/<td>/g, '<td width=80 valign=top\nstyle=\'border:solid windowtext 1.0pt\'>')
      .replace(/<p>/g, '<p class=MsoNormal\nalign=center>')}</body></html>`;
    check(word);
  });

  it('reads item numbers written (N) in the number column, and an item whose number cell is empty, numbered by position and flagged', () => {
    const parenthesised = html.replace(/<tr><td><p>(\d)<\/p><\/td>/g, '<tr><td><p>($1)</p></td>');
    expect(parenthesised).toContain('<td><p>(3)</p>');
    check(parenthesised);
    const unnumbered = brief(html.replace('<tr><td><p>3</p></td><td><p>โครงการส่งเสริมความซื่อสัตย์', '<tr><td><p></p></td><td><p>โครงการส่งเสริมความซื่อสัตย์'));
    const third = unnumbered.find((p) => p.name === 'โครงการส่งเสริมความซื่อสัตย์ในโรงเรียน');
    expect(third).toMatchObject({ n: '3', d: 1, b: { 2567: 15000 }, flags: ['number'] });
    expect(unnumbered).toHaveLength(expected.length);
  });

  it('reads the same plan as one table whose dimension headings are full-width rows (numbered, or the title only)', () => {
    const header = html.split('\n').find((l) => l.startsWith('<tr><td><p>ที่')) ?? '';
    const at = html.indexOf(header) + header.length;
    const escaped = header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rest = html.slice(at).replace(new RegExp(`</table>\\n<p><b>([^<]*)</b></p>\\n<table>\\n${escaped}`, 'g'), '<tr><td colspan="10"><p><b>$1</b></p></td></tr>');
    const oneTable = html.slice(0, at).replace(header, `<thead>${header.replace(/td>/g, 'th>')}</thead><tbody>`) + rest;
    expect(oneTable.match(/<table/g)).toHaveLength(2);
    check(oneTable);
    check(oneTable.replace(/\n/g, ''));
  });

  it("checks its table of counts and budgets per dimension, and flags a dimension's edges when a row is missing", () => {
    const doc = parsePlanDocument(html);
    expect(doc.fidelity.checks).toHaveLength(10);
    expect(doc.fidelity.checks.every((c) => c.agrees)).toBe(true);
    const lost = parsePlanDocument(html.replace(/<tr><td><p>2<\/p><\/td><td><p>กิจกรรมประกาศเจตจำนง[^\n]*\n/, ''));
    const d1 = lost.projects.filter((p) => p.dimension === 1);
    expect(d1).toHaveLength(2);
    expect(d1.every((p) => (p.review ?? []).some((r) => r.field === 'dimension' && /states 3 items/.test(r.reason)))).toBe(true);
  });

  it('leaves a text with one block per line exactly as it is (line numbers do not move)', () => {
    expect(htmlBlocksToLines(html)).toBe(html);
    const tsv = 'ที่\t<p>โครงการ</p><p>ก</p>\t<p>1,000</p>\n<p>ข</p>';
    expect(htmlBlocksToLines(tsv)).toBe(tsv);
  });
});

describe('budget texts that name years', () => {
  it('a Buddhist-era year is never an amount', () => {
    expect(statedBudget('ปีละ 25,000 บาท (พ.ศ. 2566–2570)')).toEqual({ amount: 25000, perYear: { 2566: 25000, 2567: 25000, 2568: 25000, 2569: 25000, 2570: 25000 } });
    expect(statedBudget('(พ.ศ. ๒๕๖๖ – ๒๕๗๐) ปีละ ๑๐,๐๐๐ บาท').amount).toBe(10000);
    expect(statedBudget('ปี 2567 จำนวน 60,000 บาท')).toEqual({ amount: 60000, perYear: { 2567: 60000 } });
    expect(statedBudget('ปีงบประมาณ 2568 งบประมาณ 30,000.- บาท').amount).toBe(30000);
    expect(statedBudget('ไม่ใช้งบประมาณ (พ.ศ. 2566)').amount).toBe(0);
    expect(statedBudget('ดำเนินการในปี 2566').amount).toBeNull();
    expect(statedBudget('ปี 2566-2567 ปีละ 10,000 บาท ปี 2568-2570 ปีละ 20,000 บาท').perYear).toEqual({ 2566: 10000, 2567: 10000, 2568: 20000, 2569: 20000, 2570: 20000 });
    expect(statedBudget('ปี 2567 จำนวน 60,000 บาท และปี 2568 จำนวน 70,000 บาท').perYear).toEqual({ 2567: 60000, 2568: 70000 });
    // A whole period's amount is not read as each year's.
    expect(statedBudget('พ.ศ. 2566 – 2570 จำนวน 50,000 บาท')).toEqual({ amount: 50000, perYear: null });
  });

  it('amounts tied to years are compared year by year; other years are not contradicted', () => {
    const row = { 2566: 0, 2567: 60000, 2568: 0, 2569: 0, 2570: 0 };
    expect(contradictedYears(row, 'ปี 2567 จำนวน 60,000 บาท', 60000)).toEqual([]);
    expect(contradictedYears(row, 'ปี 2567 จำนวน 50,000 บาท', 50000)).toEqual([{ year: '2567', stated: 50000, given: 60000 }]);
    expect(contradictedYears({ 2566: 0, 2567: 0 }, 'ปีละ 50,000 บาท', 50000).map((c) => c.year)).toEqual(['2566', '2567']);
  });

  it('no contradiction flag and no year as the amount in a whole plan', () => {
    const doc = parsePlanDocument(fixture('five-year-classes.txt'));
    const byNo = new Map(doc.projects.map((p) => [p.number, p]));
    expect(byNo.get('1')?.detail?.budgetAmount).toBe(25000);
    expect(byNo.get('2')?.detail?.budgetAmount).toBe(60000);
    expect(byNo.get('3')?.detail?.budgetAmount).toBe(10000);
    expect(doc.projects.flatMap((p) => p.review ?? []).filter((r) => r.field.startsWith('budgets'))).toEqual([]);
    expect(doc.fidelity.contradictions.filter((c) => /detail section/.test(c.note))).toEqual([]);
  });
});

describe('page numbers inside a summary table', () => {
  it('a page mark is never part of a name', () => {
    expect(withoutPageMarks('กิจกรรมเสริมสร้างความซื่อสัตย์ของเยาวชน หน้า 9')).toBe('กิจกรรมเสริมสร้างความซื่อสัตย์ของเยาวชน');
    expect(withoutPageMarks('หน้า 8')).toBe('');
    expect(withoutPageMarks('โครงการอบรม หน้าที่ 12 คุณธรรม')).toBe('โครงการอบรม คุณธรรม');
    expect(withoutPageMarks('- 8 - โครงการอบรม')).toBe('โครงการอบรม');
    expect(withoutPageMarks('การปฏิบัติหน้าที่ของพนักงาน')).toBe('การปฏิบัติหน้าที่ของพนักงาน');
  });

  it('the name of an item whose cell holds a page footer is the item name alone, unflagged, with or without a detail section', () => {
    const text = fixture('five-year-classes.txt');
    const item3 = brief(text).find((p) => p.n === '3');
    expect(item3).toMatchObject({ name: 'กิจกรรมเสริมสร้างความซื่อสัตย์ของเยาวชน', flags: [] });
    const summaryOnly = text.slice(0, text.indexOf('ส่วนที่ 3'));
    expect(brief(summaryOnly).find((p) => p.n === '3')?.name).toBe('กิจกรรมเสริมสร้างความซื่อสัตย์ของเยาวชน');
  });
});

describe('page numbers after a sheet name', () => {
  it('a page number printed under a detail section name (no blank line) is not part of it', () => {
    const text = fixture('five-year-classes.txt').replace('1. ชื่อโครงการ : โครงการครอบครัวพอเพียงต้านทุจริต\n', '1. ชื่อโครงการ : โครงการครอบครัวพอเพียงต้านทุจริต\n- 12 -\n');
    const doc = parsePlanDocument(text);
    expect(doc.projects.find((p) => p.number === '4')?.detail?.line).toBeDefined();
    expect(doc.projects.find((p) => p.number === '4')).toMatchObject({ name: 'โครงการครอบครัวพอเพียงต้านทุจริต', review: [] });
  });
});

describe('an item on its own line in a shared cell', () => {
  const text = fixture('five-year-classes.txt');
  const dim2 = (t: string) => brief(t).filter((p) => p.d === 2).map((p) => `${p.n} ${p.name} ${JSON.stringify(p.b)}`);
  const zero = JSON.stringify({ 2566: 0, 2567: 0, 2568: 0, 2569: 0, 2570: 0 });
  const all = [
    `5 กิจกรรมประกาศเจตจำนงต่อต้านการทุจริตของผู้บริหาร ${zero}`,
    `6 มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง ${zero}`,
    `7 กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน ${zero}`,
  ];

  it('is read before a totals row, and the stated count agrees', () => {
    expect(dim2(text)).toEqual(all);
    const doc = parsePlanDocument(text);
    expect(doc.fidelity.checks.filter((c) => /จำนวนโครงการ/.test(c.subject) && !c.agrees)).toEqual([]);
  });

  it('is read when the row is padded with empty cells, or printed without tabs', () => {
    expect(dim2(text.replace('\t\t7. กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน\n', '\t\t7. กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน\t\t\t\t\t\n'))).toEqual(all);
    expect(dim2(text.replace('\t\t7. กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน\n', '7. กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน\n'))).toEqual(all);
  });

  it('shares the figures of the cell above: a figure above zero is flagged as shared', () => {
    const withFigures = text.replace('6. มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง\t-\t-\t-\t-\t-', '6. มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง\t10,000\t10,000\t10,000\t10,000\t10,000');
    const items = brief(withFigures).filter((p) => p.d === 2);
    expect(items.map((p) => p.n)).toEqual(['5', '6', '7']);
    expect(items[2]?.flags).toContain('budgets.2566');
    expect((items[1]?.b['2566'] ?? 0) + (items[2]?.b['2566'] ?? 0)).toBe(10000);
  });

  it("when the summary table loses an item, the dimension's stated count sends the reader to its unlinked detail section (flagged)", () => {
    const lost = text.replace('\t\t7. กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน\n', '');
    const doc = parsePlanDocument(lost);
    const d2 = doc.projects.filter((p) => p.dimension === 2);
    expect(d2.map((p) => p.number)).toEqual(['5', '6', '7']);
    expect(d2[2]).toMatchObject({ name: 'กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน', budgets: JSON.parse(zero) });
    expect(d2[2]?.review?.[0]?.reason).toMatch(/not read from the summary table/);
    expect(doc.fidelity.notes.join('\n')).toMatch(/read from its detail section/);
  });

  it('an item row with no figure in any year, kept as a row of its own (a mission starts there), has its budgets flagged', () => {
    const own = text.replace('\t\t7. กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน\n', '\t2.3 มาตรการด้านการเงิน\t7. กิจกรรมจัดทำคู่มือการปฏิบัติงานด้านการเงิน\t\t\t\t\t\n');
    const item7 = brief(own).find((p) => p.n === '7');
    expect(item7?.b).toEqual({});
    expect(item7?.flags).toContain('budgets');
  });

  it('adds nothing from detail sections where the counts agree', () => {
    const doc = parsePlanDocument(text);
    expect(doc.projects.flatMap((p) => p.review ?? []).filter((r) => /not read from the summary/.test(r.reason))).toEqual([]);
  });
});
