import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { projectsOfYear } from '../../functions/src/progress/projects.ts';
import type { ProgressChange } from '../../functions/src/progress/schema.ts';
import { buildReport, PERIODS } from '../../functions/src/reports/build.ts';
import { reportText } from '../../functions/src/reports/text.ts';

/**
 * Every demo document, every fiscal year it covers, both periods: the generated report's text, read by the importer,
 * gives back the figures it was generated with, the names of the projects carried out, and no fidelity disagreement.
 * Staff text that looks like the template's headings ("มิติที่ 2 …", "1. โครงการ …") stays text.
 */
const dir = new URL('../../data/plans/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const figures = (r: { dimension: number | null; projectsPlanned: number; projectsDone: number; budgetPlanned: number; budgetByOrdinance: number; budgetSpent: number; percentProjects: number; percentBudget: number }) =>
  [r.dimension, r.projectsPlanned, r.projectsDone, r.budgetPlanned, r.budgetByOrdinance, r.budgetSpent, r.percentProjects, r.percentBudget];

describe.each(files)('the report of %s', (file) => {
  const doc = parsePlanDocument(readFileSync(new URL(file, dir), 'utf8'), { file });
  it.each(doc.fiscalYears.flatMap((y) => PERIODS.map((p) => [y, p] as const)))('for %i (%s) imports back to the same figures', (year, period) => {
    const projects = projectsOfYear(doc, doc.projects, year);
    const start = year - 544;
    // Every third project done in November, with spending, an ordinance amount on some, tricky staff text on one.
    const changes: ProgressChange[] = projects
      .filter((_, i) => i % 3 === 0)
      .map((p, i) => ({
        recordId: `${year}_${p.id}`,
        fiscalYear: year,
        projectId: p.id,
        seq: 1,
        at: `${start}-11-0${1 + (i % 9)}T03:00:00.000Z`,
        by: { userId: 'Uxx', displayName: 'เจ้าหน้าที่' },
        before: null,
        after: {
          status: 'done',
          reason: null,
          spentBaht: 1250.5 * (i + 1),
          approvedBaht: i % 2 ? 5000 : null,
          startedOn: null,
          finishedOn: `${start}-11-01`,
          outputs: i === 0 ? 'มิติที่ 2 การบริหารราชการ\n1. โครงการที่ไม่มีอยู่จริง' : '',
          results: i === 0 ? 'การดำเนินการ\nผลการดำเนินการ ดีมาก\n2.1 ข้อที่หนึ่ง' : `ผลข้อ ${i + 1}`,
          files: [],
        },
        planId: 'p',
        projectName: p.name,
        dimension: p.dimension,
        nextFileN: 1,
      }));
    const model = buildReport({
      org: { id: 'x', name: doc.org.name, district: doc.org.district, province: doc.org.province },
      fiscalYear: year,
      period,
      asOf: `${start + 1}-04-05`,
      now: new Date(`${start + 1}-04-05T03:00:00.000Z`),
      plan: { id: 'p', title: doc.title, dimensions: doc.dimensions },
      projects,
      changes,
      text: { problems: 'มิติที่ 3 ยังไม่ได้เริ่ม\n3. โครงการล่าช้า', suggestions: '' },
    });
    const back = parsePlanDocument(reportText(model), { file: 'generated.txt' });
    expect(back).toMatchObject({ kind: 'report', fiscalYears: [year], org: { name: doc.org.name } });
    expect(back.report?.period).toBe(period === 'six-month' ? 'รอบ 6 เดือน' : 'รอบ 12 เดือน');
    expect(back.report?.dimensions.map(figures)).toEqual(model.dimensions.map(figures));
    expect(figures(back.report!.total!)).toEqual(figures(model.total));
    expect(back.fidelity.disagreements).toBe(0);
    const done = model.projects.filter((p) => p.status === 'done');
    // Activity budgets are whole baht in the importer's schema: satang round away there (the tables keep them).
    expect(back.projects.map((p) => [p.dimension, p.name, p.budgets[String(year)]])).toEqual(done.map((p) => [p.dimension, p.name, Math.round(p.spentBaht)]));
    // Staff text that looks like the template's structure comes back as text of its project.
    expect(back.projects[0]?.activity?.results).toEqual(['“การดำเนินการ”', '“ผลการดำเนินการ ดีมาก”', '“2.1 ข้อที่หนึ่ง”']);
  });
});
