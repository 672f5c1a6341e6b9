import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotAPlanDocumentError, linkReportToPlan, parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import type { ParsedDocument } from '../../functions/src/plans/schema.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), 'utf8');
const real = (name: string) => readFileSync(new URL(`../../data/plans/${name}`, import.meta.url), 'utf8');
const sumYear = (doc: ParsedDocument, year: number, dim?: number) =>
  doc.projects.filter((p) => dim === undefined || p.dimension === dim).reduce((a, p) => a + (p.budgets[String(year)] ?? 0), 0);
const disagreements = (doc: ParsedDocument) => doc.fidelity.checks.filter((c) => !c.agrees).map((c) => `${c.subject} @${c.line}: ${c.stated} vs ${c.parsed}`);

describe('5-year template (summary table + detail sections)', () => {
  const doc = parsePlanDocument(fixture('five-year-maesot-excerpt.txt'));

  it('reads the header: organisation, district, province, title and fiscal years', () => {
    expect(doc.kind).toBe('plan');
    expect(doc.template).toBe('five-year');
    expect(doc.org).toEqual({ name: 'เทศบาลนครแม่สอด', district: 'แม่สอด', province: 'ตาก' });
    expect(doc.fiscalYears).toEqual([2566, 2567, 2568, 2569, 2570]);
  });

  it('lists every item of the summary table with number, dimension, mission and budgets per year', () => {
    expect(doc.projects).toHaveLength(35);
    const p8 = doc.projects.find((p) => p.number === '8');
    expect(p8).toMatchObject({ id: 'd1-8', name: 'โครงการโรงเรียนคุณธรรม', dimension: 1, mission: '1.3', budgets: { 2566: 50000, 2570: 50000 } });
    expect(doc.projects.find((p) => p.number === '22')).toMatchObject({ name: 'โครงการจัดทำคู่มือสำหรับประชาชนผ่านสื่ออิเล็กทรอนิกส์', dimension: 2, mission: '2.3' });
  });

  it('splits a cell listing several items and keeps one set of figures on the first item only, saying so', () => {
    const [p24, p25, p26] = ['24', '25', '26'].map((n) => doc.projects.find((p) => p.number === n));
    expect(p24?.budgets['2566']).toBe(50000);
    expect(p25?.budgets['2566']).toBe(0);
    expect(p26?.budgetShared?.projectIds).toEqual(['d3-24', 'd3-25', 'd3-26']);
  });

  it('links summary rows to their detail sections and reads the detail fields', () => {
    const p1 = doc.projects.find((p) => p.number === '1');
    expect(p1?.detail?.targetGroup).toBe('บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น จำนวน 300 คน');
    expect(p1?.detail?.method).toHaveLength(5);
    expect(p1?.detail?.budgetAmount).toBe(0);
    expect(p1?.responsibleUnit).toBe('ฝ่ายนิติการ สำนักปลัดเทศบาล เทศบาลนครแม่สอด');
    expect(p1?.detail?.outputs).toHaveLength(2);
    expect(p1?.detail?.outcomes).toHaveLength(1);
    // The excerpt holds only the first three detail sections: the rest are listed as not linked.
    expect(doc.fidelity.unlinked.projects).toHaveLength(32);
  });
});

describe('1-year template (a table per dimension)', () => {
  const doc = parsePlanDocument(fixture('one-year-maesaimitraphap-excerpt.txt'));

  it('reads each row with unit, quantity, KPI, outcome, quarters and responsible unit', () => {
    expect(doc.template).toBe('one-year');
    expect(doc.fiscalYears).toEqual([2565]);
    expect(doc.projects.map((p) => p.id)).toEqual(['d1-1', 'd1-2', 'd1-3', 'd1-4', 'd1-5', ...Array.from({ length: 14 }, (_, i) => `d2-${i + 1}`)]);
    const p = doc.projects.find((x) => x.id === 'd1-4');
    expect(p).toMatchObject({ name: 'โครงการรักน้ำ รักป่า รักแผ่นดิน เพื่อเฉลิมพระเกียรติ', budgets: { 2565: 20000 }, responsibleUnit: 'สำนักปลัด' });
    expect(p?.yearPlan).toMatchObject({ unit: 'ครั้ง', quantity: '3', quarters: [1, 2, 3, 4] });
    expect(doc.projects.find((x) => x.id === 'd2-14')?.yearPlan?.quarters).toEqual([4]);
  });
});

describe('progress report', () => {
  const doc = parsePlanDocument(fixture('report-tharae-excerpt.txt'));

  it('reads the per-dimension table', () => {
    expect(doc.kind).toBe('report');
    expect(doc.report?.dimensions).toHaveLength(4);
    expect(doc.report?.dimensions[1]).toMatchObject({ dimension: 2, projectsPlanned: 28, projectsDone: 23, budgetPlanned: 40000, budgetByOrdinance: 15000, budgetSpent: 15000, percentProjects: 82.14, percentBudget: 37.5 });
    expect(doc.report?.total).toMatchObject({ projectsPlanned: 65, projectsDone: 45, budgetPlanned: 160000 });
  });

  it('reads numbered activities with their steps and results', () => {
    const a = doc.projects[0];
    expect(a?.name).toBe('มาตรการ “ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมของเทศบาลตำบลท่าแร่”');
    expect(a?.activity?.steps).toHaveLength(2);
    expect(a?.activity?.results.length).toBeGreaterThan(0);
  });

  it('leaves budgets and responsible units empty where the report does not give them, and says so', () => {
    // tharae states budgets per dimension only (lines 70-97) and names no unit per activity: nothing is inferred.
    const full = parsePlanDocument(real('tharae-report-2564.txt'));
    expect(full.projects).toHaveLength(45);
    for (const a of full.projects) {
      expect(a.budgets, a.id).toEqual({});
      expect(a.responsibleUnit, a.id).toBeNull();
    }
    expect(full.fidelity.notes).toContain('the report states no budget per activity (its budget figures are per dimension: report.dimensions); activity budgets are left empty');
    expect(full.fidelity.notes).toContain('the report names no responsible unit per activity; responsibleUnit is left empty');
  });

  it("reads an activity's budget and responsible unit where a report of the template states them on labelled lines", () => {
    // The real excerpt, with the labelled lines other organisations' reports add to an activity (budget for the
    // report's fiscal year 2564; "ไม่ใช้งบประมาณ" = 0; the unit on its own line after the label).
    const text = fixture('report-tharae-excerpt.txt')
      .replace('- จัดประชุมประจำเดือน และให้ความรู้เรื่องผลประโยชน์ทับซ้อน\n', '- จัดประชุมประจำเดือน และให้ความรู้เรื่องผลประโยชน์ทับซ้อน\n\nงบประมาณ ๑๕,๐๐๐ บาท\n\nผู้รับผิดชอบ : สำนักปลัดเทศบาล\n')
      .replace('๕. แจกจ่ายให้บุคลากร\n', '๕. แจกจ่ายให้บุคลากร\n\nงบประมาณ : ไม่ใช้งบประมาณ\n\nหน่วยงานที่รับผิดชอบ\nงานนิติการ สำนักปลัดเทศบาล\n');
    const doc = parsePlanDocument(text);
    const a5 = doc.projects.find((p) => p.number === '5');
    expect(a5).toMatchObject({ budgets: { 2564: 15000 }, responsibleUnit: 'สำนักปลัดเทศบาล' });
    expect(a5?.activity?.steps).toEqual(['จัดประชุมประจำเดือน และให้ความรู้เรื่องผลประโยชน์ทับซ้อน']);
    const a6 = doc.projects.find((p) => p.number === '6');
    expect(a6).toMatchObject({ budgets: { 2564: 0 }, responsibleUnit: 'งานนิติการ สำนักปลัดเทศบาล' });
    expect(a6?.activity?.steps).toHaveLength(5);
    // A step or result that merely mentions a budget is not a budget line.
    expect(doc.projects.find((p) => p.number === '1')?.budgets).toEqual({});
  });
});

describe('a file that is not a plan', () => {
  it('is refused with a clear error', () => {
    expect(() => parsePlanDocument('บันทึกข้อความ\nเรื่อง ขออนุมัติเดินทางไปราชการ\n')).toThrow(NotAPlanDocumentError);
    expect(() => parsePlanDocument('')).toThrow(/no summary table/);
  });
});

describe('the four real documents against the totals they state', () => {
  it('maesot: every count agrees; the budget disagreements are the document\'s own (dimension 3 subtotal)', () => {
    const doc = parsePlanDocument(real('maesot-plan-2566-2570.txt'));
    expect(doc.projects).toHaveLength(35);
    expect(doc.fidelity.unlinked).toEqual({ projects: [], sections: [] });
    expect([1, 2, 3, 4].map((d) => doc.projects.filter((p) => p.dimension === d).length)).toEqual([8, 15, 5, 7]);
    expect([1, 2, 3, 4].map((d) => sumYear(doc, 2566, d))).toEqual([230000, 0, 100000, 80000]);
    // Line 150 states 50,000 for dimension 3 while its rows (147: 50,000, 149: 50,000) give 100,000; line 162 states 360,000.
    expect(disagreements(doc)).toEqual(
      [2566, 2567, 2568, 2569, 2570]
        .map((y) => `งบประมาณ มิติที่ 3 ปี ${y} @150: 50000 vs 100000`)
        .concat([2566, 2567, 2568, 2569, 2570].map((y) => `งบประมาณ ทั้งแผน ปี ${y} @162: 360000 vs 410000`)),
    );
  });

  it('intapramul: 60 items all linked; dimension 2 states 16,000 that no row carries', () => {
    const doc = parsePlanDocument(real('intapramul-plan-2566-2570.txt'));
    expect(doc.projects).toHaveLength(60);
    expect(doc.fidelity.unlinked).toEqual({ projects: [], sections: [] });
    expect([1, 2, 3, 4].map((d) => doc.projects.filter((p) => p.dimension === d).length)).toEqual([17, 29, 7, 7]);
    expect(disagreements(doc)).toEqual(
      ['งบประมาณ มิติที่ 2 ปี 2566 @194: 16000 vs 0']
        .concat([2566, 2567, 2568, 2569, 2570].map((y) => `งบประมาณ ทั้งแผน ปี ${y} @212: 256000 vs 240000`))
        // The count table (lines 221-248) per mission: 3.1 states 4 for the 3 items of line 198, and names its
        // sub-mission 3.1.2 "3.3.2" (2 items; 3.3.2 has 1 and is stated again as 1 at line 239).
        .concat(['จำนวนโครงการ ภารกิจ 3.1 @237: 4 vs 3', 'จำนวนโครงการ ภารกิจ 3.3.2 @237: 2 vs 1']),
    );
    expect(doc.fidelity.contradictions.some((c) => c.line === 2074 && /16,000/.test(c.note))).toBe(true);
  });

  it('intapramul: every per-mission count of its count table is checked', () => {
    const doc = parsePlanDocument(real('intapramul-plan-2566-2570.txt'));
    const missionChecks = doc.fidelity.checks.filter((c) => c.subject.includes('ภารกิจ'));
    // 12 mission and 28 sub-mission figures on lines 222-246; 3.2's row gives one figure for 4 codes (3.2 only).
    expect(missionChecks).toHaveLength(40);
    expect(missionChecks.filter((c) => c.agrees)).toHaveLength(38);
    expect(missionChecks.find((c) => c.subject === 'จำนวนโครงการ ภารกิจ 2.2.2')).toMatchObject({ stated: 17, parsed: 17, line: 231 });
    expect(missionChecks.find((c) => c.subject === 'จำนวนโครงการ ภารกิจ 3.2')).toMatchObject({ stated: 1, parsed: 1, line: 238 });
    const notes = doc.fidelity.contradictions.map((c) => c.note);
    expect(notes).toContain('จำนวนโครงการ ภารกิจ 3.3.2 is 1 at line 239 but 2 at line 237');
    expect(notes.some((n) => n.startsWith('จำนวนโครงการ มิติที่ 3 is stated as 7 at line 201') && n.includes('add up to 8'))).toBe(true);
    expect(doc.projects.every((p) => !/[<>*^{}]/.test(p.name))).toBe(true);
  });

  it('maesaimitraphap: 30 rows in four tables, no totals stated', () => {
    const doc = parsePlanDocument(real('maesaimitraphap-plan-2565.txt'));
    expect([1, 2, 3, 4].map((d) => doc.projects.filter((p) => p.dimension === d).length)).toEqual([5, 14, 7, 4]);
    expect(sumYear(doc, 2565)).toBe(170000);
    expect(doc.fidelity.checks).toEqual([]);
  });

  it('tharae: figures agree; activity counts per dimension and the 100 % budget of dimension 4 are the report\'s own', () => {
    const doc = parsePlanDocument(real('tharae-report-2564.txt'));
    expect(doc.projects).toHaveLength(45);
    expect(disagreements(doc)).toEqual([
      'โครงการที่ดำเนินการแล้ว มิติที่ 1 @70: 9 vs 6',
      'โครงการที่ดำเนินการแล้ว มิติที่ 3 @72: 8 vs 11',
      'ร้อยละงบประมาณ มิติที่ 4 @73: 100 vs 0',
    ]);
  });

  it('links a report\'s activities to a plan\'s projects by name', () => {
    const plan = parsePlanDocument(real('maesot-plan-2566-2570.txt'));
    const report = parsePlanDocument(real('tharae-report-2564.txt'));
    expect(linkReportToPlan(report, plan)).toBeGreaterThan(5);
    const queue = report.projects.find((p) => p.name === 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ');
    expect(queue?.activity?.planProjectId).toBe('d2-18');
  });
});
