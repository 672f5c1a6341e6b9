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
