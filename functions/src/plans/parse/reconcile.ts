/**
 * Reconciling a summary-table item with its detail section (5-year template) before each field is chosen: names,
 * dimension and budgets are compared, and every disagreement becomes a review flag on the field. Figures are never
 * adjusted: the summary's stay, the flag says what the detail section states.
 */
import { matchKey, similarity } from '../normalize.ts';
import type { Budgets, ReviewFlag } from '../schema.ts';

export interface ReconcileInput {
  name: string;
  dimension: number;
  budgets: Budgets;
  line: number;
  review: ReviewFlag[];
  shared: boolean;
}

export interface ReconcileSection {
  name: string;
  line: number;
  dimension: number | null;
  budgetAmount: number | null;
  budgetText: string;
}

export interface Reconciled {
  name: string;
  dimension: number;
  review: ReviewFlag[];
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Chooses name and dimension from the two witnesses and flags what they disagree on. */
export function reconcile(item: ReconcileInput, section: ReconcileSection | null, sectionsExist: boolean): Reconciled {
  const review = [...item.review];
  let { name, dimension } = item;
  if (!section) {
    if (sectionsExist) review.push({ field: 'name', reason: 'no detail section matches this item: its name could not be checked', line: item.line });
    return { name, dimension, review };
  }
  const a = matchKey(name);
  const b = matchKey(section.name);
  if (a === '' && b !== '') {
    name = section.name;
    review.push({ field: 'name', reason: 'the summary gives no name: the detail section\'s is used', line: section.line });
  } else if (a !== b) {
    // A summary name that holds the detail section's and much more has swallowed a heading or another item.
    if (b.length >= 6 && a.includes(b) && a.length > b.length * 1.3) {
      name = section.name;
      review.push({ field: 'name', reason: `the summary's text holds more than the item ("${item.name.slice(0, 80)}"): the detail section's name is used`, line: section.line });
    } else if (similarity(a, b) < 0.8) {
      review.push({ field: 'name', reason: `the detail section names it "${section.name.slice(0, 120)}"`, line: section.line });
    }
  }
  if (section.dimension !== null && section.dimension !== dimension) {
    const inferred = review.some((f) => f.field === 'dimension');
    if (inferred) dimension = section.dimension;
    review.push({ field: 'dimension', reason: `the summary places it in มิติที่ ${item.dimension}, its detail section under มิติที่ ${section.dimension}`, line: section.line });
  }
  const amount = section.budgetAmount;
  const years = Object.entries(item.budgets);
  if (amount !== null && years.length > 0 && !item.shared) {
    const sum = years.reduce((s, [, v]) => s + v, 0);
    const agrees = years.every(([, v]) => v === amount) || sum === amount || (amount > 0 && years.every(([, v]) => v === amount || v === 0) && years.some(([, v]) => v === amount));
    if (!agrees) {
      const what = amount === 0 ? 'ไม่ใช้งบประมาณ (no budget)' : `${fmt(amount)} baht`;
      for (const [y, v] of years) {
        if (v !== amount) review.push({ field: `budgets.${y}`, reason: `the detail section states ${what}; the summary row gives ${fmt(v)}`, line: section.line });
      }
    }
  }
  return { name, dimension, review: dedupe(review) };
}

function dedupe(flags: ReviewFlag[]): ReviewFlag[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const k = `${f.field}|${f.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
