/**
 * The monitoring report (รายงานผลการนำแผนไปปฏิบัติ) of a fiscal year, in the national template's shape: per dimension
 * the projects planned and done, the budget planned, allotted by the ordinance and spent, both percentages; then each
 * project's result; then problems and suggestions. Pure: the plan, the progress change log and the dates come in.
 *
 * Rules (every figure traces to a stored field):
 * - planned projects: the plan's projects of the year (projects/projectsOfYear); budget planned: their budgets.
 * - the state of a project is the last change recorded on or before the end of `asOf` (Bangkok); none: not started.
 * - done: status "done" with a finish date within the period (a project finished after the period counts as in
 *   progress for it); spent and allotted: the amounts recorded in that state.
 * - percentages: done ÷ planned × 100 and spent ÷ planned budget × 100, two decimals; 0.00 when the divisor is 0.
 */
import type { ProgressChange, ProgressState, ProgressStatus } from '../progress/schema.ts';
import { PROGRESS_STATUS_LABELS } from '../progress/schema.ts';
import type { YearProject } from '../progress/projects.ts';
import { addDays, startOfBangkokDay } from '../time/bangkok.ts';
import { firstHalfEnd, fiscalYearDates } from '../time/fiscalYear.ts';
import { PERIOD_LABELS, PERIODS, type DimensionFigures, type Period, type ReportModel, type ReportProject } from '../contracts/reports.ts';

/** The API's shapes live in contracts/reports.ts; re-exported for the feature's own modules. */
export { PERIOD_LABELS, PERIODS, type DimensionFigures, type Period, type ReportModel, type ReportProject };


/** Gregorian dates (Bangkok) of a period of a Buddhist-era fiscal year: six-month 1 Oct – 31 Mar, annual 1 Oct – 30 Sep. */
export function periodRange(fiscalYear: number, period: Period): { from: string; to: string } {
  const { from, to } = fiscalYearDates(fiscalYear);
  return { from, to: period === 'six-month' ? firstHalfEnd(fiscalYear) : to };
}

export interface BuildInput {
  org: ReportModel['org'];
  fiscalYear: number;
  period: Period;
  asOf: string;
  now: Date;
  plan: { id: string; title: string; dimensions: Array<{ number: number; title: string }> };
  projects: YearProject[];
  changes: ProgressChange[];
  text: { problems: string; suggestions: string };
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const percent = (part: number, whole: number) => (whole > 0 ? round2((part / whole) * 100) : 0);

/** The end of a Bangkok calendar day as an ISO instant bound (exclusive): the start of the next day. */
const endOfBangkokDay = (date: string) => startOfBangkokDay(addDays(date, 1)).toISOString();

/** Each project's state at the end of `asOf`, from the change log. */
export function statesAsOf(changes: readonly ProgressChange[], asOf: string): Map<string, { state: ProgressState; at: string }> {
  const bound = endOfBangkokDay(asOf);
  const out = new Map<string, { state: ProgressState; at: string; seq: number }>();
  for (const c of changes) {
    if (c.at >= bound) continue;
    const prev = out.get(c.projectId);
    if (!prev || c.seq > prev.seq) out.set(c.projectId, { state: c.after, at: c.at, seq: c.seq });
  }
  return out;
}

function figures(dimension: number | null, title: string, projects: ReportProject[], periodEnd: string): DimensionFigures {
  const done = projects.filter((p) => isDone(p, periodEnd)).length;
  const cancelled = projects.filter((p) => p.status === 'cancelled').length;
  const notStarted = projects.filter((p) => p.status === 'not_started').length;
  const budgetPlanned = round2(projects.reduce((a, p) => a + (p.budgetBaht ?? 0), 0));
  const budgetSpent = round2(projects.reduce((a, p) => a + p.spentBaht, 0));
  return {
    dimension,
    title,
    projectsPlanned: projects.length,
    projectsDone: done,
    projectsInProgress: projects.length - done - cancelled - notStarted,
    projectsNotStarted: notStarted,
    projectsCancelled: cancelled,
    budgetPlanned,
    budgetByOrdinance: round2(projects.reduce((a, p) => a + (p.approvedBaht ?? 0), 0)),
    ordinanceMissing: projects.filter((p) => p.approvedBaht === null).length,
    budgetSpent,
    percentProjects: percent(done, projects.length),
    percentBudget: percent(budgetSpent, budgetPlanned),
  };
}

export const isDone = (p: Pick<ReportProject, 'status' | 'finishedOn'>, periodEnd: string) => p.status === 'done' && !!p.finishedOn && p.finishedOn <= periodEnd;

export function buildReport(input: BuildInput): ReportModel {
  const range = periodRange(input.fiscalYear, input.period);
  const states = statesAsOf(input.changes, input.asOf);
  const projects: ReportProject[] = input.projects.map((p) => {
    const s = states.get(p.id);
    const st = s?.state;
    const status = st?.status ?? 'not_started';
    // A project finished after the period was, for the period, still in progress.
    const shownStatus: ProgressStatus = status === 'done' && st?.finishedOn && st.finishedOn > range.to ? 'in_progress' : status;
    return {
      ...p,
      status: shownStatus,
      statusLabel: PROGRESS_STATUS_LABELS[shownStatus],
      reason: st?.reason ?? null,
      spentBaht: st?.spentBaht ?? 0,
      approvedBaht: st ? (st.approvedBaht ?? null) : null,
      startedOn: st?.startedOn ?? null,
      finishedOn: st?.finishedOn ?? null,
      outputs: st?.outputs ?? '',
      results: st?.results ?? '',
      evidenceFiles: st?.files.length ?? 0,
      recordedAt: s?.at ?? null,
    };
  });
  const titleOf = (n: number) => input.plan.dimensions.find((d) => d.number === n)?.title ?? '';
  const numbers = [...new Set([...input.plan.dimensions.map((d) => d.number), ...projects.map((p) => p.dimension)])].sort();
  return {
    org: input.org,
    fiscalYear: input.fiscalYear,
    period: input.period,
    periodLabel: PERIOD_LABELS[input.period],
    range,
    asOf: input.asOf,
    generatedAt: input.now.toISOString(),
    plan: { id: input.plan.id, title: input.plan.title },
    dimensions: numbers.map((n) => figures(n, titleOf(n), projects.filter((p) => p.dimension === n), range.to)),
    total: figures(null, 'รวม', projects, range.to),
    projects,
    problems: input.text.problems,
    suggestions: input.text.suggestions,
  };
}
