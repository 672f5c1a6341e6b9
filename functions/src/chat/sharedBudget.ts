import type { SharedBudget } from '../plans/budgetConflict.ts';
import type { Project } from '../plans/schema.ts';
import { source } from './figures.ts';
import { clip, formatBaht, formatNumber, tidy } from './format.ts';
import { budgetLines } from './replies.ts';
import type { Session } from './session.ts';
import type { FigureSource } from './types.ts';

/**
 * The budget of an item whose summary row prints one set of figures for several items: the plan states no figure of
 * the item's own, so the reply says that, gives the row's figures as the row's (for all its items together, with the
 * row's line) and quotes what the item's detail section says, if anything. Never the row's figure as the item's.
 */
export function sharedBudgetLead(s: Session, p: Project, shared: SharedBudget, year?: number): { lead: string; sources: FigureSource[] } {
  const name = tidy(p.name);
  const fd = s.figureDoc();
  const baht = (n: number) => (s.lang === 'en' ? `${formatNumber(n)} baht` : formatBaht(n));
  const v = year !== undefined ? shared.budgets[String(year)] : undefined;
  if (year !== undefined && v === undefined) {
    return { lead: s.say(`${name} ไม่มีงบประมาณของปี ${year} ในแผน`, `${name} has no budget for fiscal year ${year} in the plan.`), sources: [] };
  }
  const rowFigure =
    v !== undefined
      ? s.say(`ปี ${year} ${baht(v)}`, `${baht(v)} in fiscal year ${year}`)
      : s.lang === 'en'
        ? Object.entries(shared.budgets).map(([y, n]) => `FY ${y}: ${baht(n)}`).join(', ')
        : budgetLines({ ...p, budgets: shared.budgets, budgetShared: null }).map(([k, x]) => `${k} ${x}`).join(', ');
  const said = tidy(p.detail?.budgetText);
  const detail = said
    ? s.say(`\nรายละเอียดโครงการ${p.detail?.line ? ` (บรรทัด ${p.detail.line})` : ''} ระบุงบประมาณว่า "${clip(said, 120)}"`, `\nThe project's detail section${p.detail?.line ? ` (line ${p.detail.line})` : ''} states its budget as "${clip(said, 120)}".`)
    : '';
  const lead = s.say(
    `แผนไม่ได้แยกงบประมาณของ${name}ไว้: ตารางสรุป (บรรทัด ${shared.line}) ระบุงบประมาณ ${rowFigure} รวมกันสำหรับ ${shared.count} รายการ ซึ่งรวมรายการนี้`,
    `The plan gives ${name} no budget of its own: the summary table (line ${shared.line}) states ${rowFigure} for ${shared.count} items together, this one among them.`,
  );
  const figures = v !== undefined ? [v] : [...new Set(Object.values(shared.budgets))];
  return { lead: `${lead}${detail}`, sources: fd ? figures.map((n) => source(fd, baht(n), shared.line, `one figure for ${shared.count} items`)) : [] };
}
