/**
 * Which projects of a plan belong to a fiscal year (and to one half of it), and what each planned to spend. Pure.
 * A project belongs to a year when the plan states a budget for that year (0 for "ไม่ใช้งบประมาณ"), or when the
 * document covers that year alone (a one-year plan or a report). A half (1: Oct-Mar, 2: Apr-Sep) is read from the
 * quarters a one-year plan ticks; a project without quarters belongs to both halves.
 */
import type { Project } from '../plans/schema.ts';

import type { YearProject } from '../contracts/progress.ts';

export type { YearProject };

export function projectsOfYear(plan: { fiscalYears: number[] }, projects: readonly Project[], year: number): YearProject[] {
  const onlyThisYear = plan.fiscalYears.length === 1 && plan.fiscalYears[0] === year;
  return projects
    .filter((p) => onlyThisYear || Object.hasOwn(p.budgets, String(year)))
    .map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      dimension: p.dimension,
      mission: p.mission,
      budgetBaht: p.budgets[String(year)] ?? null,
      responsibleUnit: p.responsibleUnit ?? p.detail?.responsibleUnit ?? null,
      quarters: p.yearPlan?.quarters.length ? [...p.yearPlan.quarters] : null,
      line: p.line,
    }));
}

export function inHalf(p: Pick<YearProject, 'quarters'>, half: 1 | 2): boolean {
  if (!p.quarters) return true;
  return p.quarters.some((q) => (half === 1 ? q <= 2 : q >= 3));
}
