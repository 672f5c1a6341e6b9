import { statedBudget } from './parse/amounts.ts';
import type { Project } from './schema.ts';

/**
 * Whether an item's detail section states a budget that its summary row does not give: the rule the fidelity report
 * lists as a contradiction and the chat says beside the row's figure (the document says both; neither is chosen
 * silently). A detail figure split across several items (`budgetShared`) is not compared: no one row is its own.
 */
export function detailBudgetConflict(p: Pick<Project, 'budgets' | 'budgetShared' | 'detail'>): boolean {
  const amount = p.detail?.budgetAmount;
  if (amount === undefined || amount === null || p.budgetShared) return false;
  const values = Object.values(p.budgets);
  if (values.length === 0) return false;
  const perYear = statedBudget(p.detail?.budgetText ?? '').perYear;
  return perYear && amount !== 0 ? Object.entries(p.budgets).some(([y, v]) => perYear[y] !== undefined && perYear[y] !== v) : !values.includes(amount);
}

/** A row's one set of figures for several items: the figures per year as the row prints them, how many items, its line. */
export interface SharedBudget {
  budgets: Record<string, number>;
  count: number;
  line: number;
}

/**
 * The shared row an item's budget belongs to (`budgetShared`), or null when the item has figures of its own. The
 * importer keeps a shared row's figures on its first item (so every sum stays the document's); they are the row's,
 * not that item's, so a reply about any item of the row gives them as the row's, for all its items together.
 */
export function sharedBudgetOf(p: Pick<Project, 'budgetShared'>, projects: readonly Pick<Project, 'budgetShared' | 'budgets'>[]): SharedBudget | null {
  const row = p.budgetShared;
  if (!row) return null;
  const group = projects.filter((q) => q.budgetShared?.line === row.line);
  const budgets: Record<string, number> = {};
  for (const q of group) for (const [y, v] of Object.entries(q.budgets)) budgets[y] = (budgets[y] ?? 0) + v;
  return { budgets, count: Math.max(group.length, row.projectIds.length), line: row.line };
}
