/** Report use cases: build a fiscal year's six-month or annual report from the plan and the progress log; edit its text. */
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { getCurrentPlan } from '../plans/store.ts';
import { projectsOfYear } from '../progress/projects.ts';
import { listChangesOfYear } from '../progress/store.ts';
import { bangkokDate } from '../time/bangkok.ts';
import { buildReport, periodRange, type Period, type ReportModel } from './build.ts';
import { getReportText, saveReportText, type ReportText } from './store.ts';

export interface ReportDeps {
  db: Firestore;
  clock: Clock;
}

/** The report as of the end of `asOf` (a Bangkok date; default today): later changes are left out. */
export async function orgReport(deps: ReportDeps, org: Org, year: number, period: Period, asOf?: string): Promise<ReportModel> {
  const now = deps.clock.now();
  const today = bangkokDate(now);
  const range = periodRange(year, period);
  if (!asOf && today < range.from) throw new NotFoundError(`report ${year} ${period}`, `ปีงบประมาณ ${year} ยังไม่เริ่ม จึงยังไม่มีรายงาน`);
  const date = asOf ?? today;
  if (date < range.from) throw new ValidationError([{ path: 'asOf', message: `วันที่ข้อมูลต้องไม่ก่อนวันเริ่มช่วงรายงาน (${range.from})` }]);
  if (date > today) throw new ValidationError([{ path: 'asOf', message: 'วันที่ข้อมูลต้องไม่เลยวันนี้' }]);
  const current = await getCurrentPlan(deps.db, org.id);
  if (!current) throw new NotFoundError(`plan of ${org.id}`, 'หน่วยงานนี้ยังไม่ได้นำเข้าแผนปฏิบัติการ');
  const projects = projectsOfYear(current.plan, current.projects, year);
  if (projects.length === 0) throw new NotFoundError(`projects of ${org.id} in ${year}`, `แผนปัจจุบันไม่มีโครงการของปีงบประมาณ ${year}`);
  const [changes, text] = await Promise.all([listChangesOfYear(deps.db, org.id, year), getReportText(deps.db, org.id, year, period)]);
  return buildReport({
    org: { id: org.id, name: org.name, district: org.district, province: org.province },
    fiscalYear: year,
    period,
    asOf: date,
    now,
    plan: { id: current.plan.id, title: current.plan.title, dimensions: current.plan.dimensions },
    projects,
    changes,
    text,
  });
}

/** Fiscal years of the current plan, for the list of reports. */
export async function reportYears(deps: ReportDeps, org: Org): Promise<number[]> {
  const current = await getCurrentPlan(deps.db, org.id);
  return current ? [...current.plan.fiscalYears].sort() : [];
}

export async function editReportText(deps: ReportDeps, org: Org, year: number, period: Period, by: string, input: { problems: string; suggestions: string }): Promise<ReportText> {
  const text: ReportText = { ...input, updatedAt: deps.clock.now().toISOString(), updatedBy: by };
  await saveReportText(deps.db, org.id, year, period, text);
  return text;
}
