/**
 * A plan published as its project sheets only (ส่วนที่ 3 without the summary table): each detail section is an
 * item. Its number is the section's own ("โครงการที่ 6", "ลำดับที่ 6", "ข้อโครงการ 6") or its position (flagged);
 * its dimension the heading above it; its budgets per fiscal year read from the section's budget text.
 */
import { statedBudget } from './amounts.ts';
import { matchKey, NO_BUDGET, writtenIfDifferent } from '../normalize.ts';
import type { Budgets, Project, ReviewFlag } from '../schema.ts';
import { projectIdFactory } from './common.ts';
import { nameLooksWrong } from './reconcile.ts';
import { why } from './reasons.ts';
import type { DetailSection } from './five-year.ts';

const AMOUNT = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const amount = (s: string) => Number(s.replace(/,/g, ''));

/**
 * Budgets per fiscal year from a detail section's budget text: "ไม่ใช้งบประมาณ" or "-" → 0 each year; a per-year
 * table ("2566 30,000 2567 30,000 …") → its figures; "ปีละ 50,000 บาท" → 50,000 each year; a bare amount → that
 * amount each year, flagged (per year or for the whole period is not stated). Nothing readable → no figure, flagged.
 */
export function budgetsFromText(text: string, years: number[], line: number): { budgets: Budgets; review: ReviewFlag[] } {
  const t = text.trim();
  const each = (v: number): Budgets => Object.fromEntries(years.map((y) => [String(y), v]));
  if (t === '' ) return { budgets: {}, review: [{ field: 'budgets', ...why.detailStatesNoBudget(), line }] };
  if (NO_BUDGET.test(t) || /^[-–—]+$/.test(t)) return { budgets: each(0), review: [] };
  const pairs = [...t.matchAll(/(?:^|\s)(25\d\d)\s+(\d{1,3}(?:,\d{3})+|\d+|[-–—])(?=\s|$)/g)].filter((m) => years.includes(Number(m[1])));
  if (pairs.length >= 2) {
    const budgets: Budgets = {};
    for (const m of pairs) budgets[m[1] ?? ''] = /^[-–—]$/.test(m[2] ?? '') ? 0 : amount(m[2] ?? '0');
    const missing = years.filter((y) => budgets[String(y)] === undefined);
    return { budgets, review: missing.map((y) => ({ field: `budgets.${y}`, ...why.sectionTableNoFigure(y), line })) };
  }
  const perYear = t.match(new RegExp(`ปีละ\\s*${AMOUNT.source}`));
  if (perYear?.[1]) return { budgets: each(amount(perYear[1])), review: [] };
  // Years named beside the amount are never amounts; amounts tied to single years are those years' own.
  const stated = statedBudget(t);
  if (stated.perYear && /บาท/.test(t)) {
    const budgets: Budgets = Object.fromEntries(Object.entries(stated.perYear).filter(([y]) => years.includes(Number(y))));
    if (Object.keys(budgets).length > 0) {
      const missing = years.filter((y) => budgets[String(y)] === undefined);
      return { budgets, review: missing.map((y) => ({ field: `budgets.${y}`, ...why.sheetNoAmount(y), line })) };
    }
  }
  if (stated.amount !== null && /บาท/.test(t)) {
    // One fiscal year: the amount is that year's. Several: per year or for the whole period is not stated.
    return { budgets: each(stated.amount), review: years.length === 1 ? [] : [{ field: 'budgets', ...why.perYearOrWholeUnstated(t), line }] };
  }
  return { budgets: {}, review: [{ field: 'budgets', ...why.budgetTextUnread(t), line }] };
}

export function projectsFromSections(sections: DetailSection[], years: number[]): Project[] {
  const nextId = projectIdFactory();
  let lastNumber = 0;
  return sections.map((s, i) => {
    const review: ReviewFlag[] = [];
    let number = s.number;
    if (!number) {
      number = String(lastNumber + 1);
      review.push({ field: 'number', ...why.sectionWithoutNumber(), line: s.line });
    }
    lastNumber = Number(number) || lastNumber + 1;
    let dimension = s.dimension;
    if (dimension === null) {
      dimension = 1;
      review.push({ field: 'dimension', ...why.noDimensionBeforeSection(), line: s.line });
    } else if (s.dimensionInferred) review.push({ field: 'dimension', ...why.dimensionFromWords(), line: s.line });
    const { budgets, review: budgetFlags } = budgetsFromText(s.budgetText, years, s.line);
    const { number: _n, dimension: _d, dimensionInferred: _i, mission, key: _k, ...detail } = s;
    return {
      id: nextId(dimension, number),
      number,
      seq: i + 1,
      name: s.name,
      ...writtenIfDifferent(s.name, s.name),
      nameKey: matchKey(s.name),
      dimension: dimension as 1 | 2 | 3 | 4,
      mission,
      budgets,
      budgetShared: null,
      responsibleUnit: s.responsibleUnit || null,
      detail,
      yearPlan: null,
      activity: null,
      line: s.line,
      review: [...review, ...[nameLooksWrong(s.name, s.line)].filter((f) => f !== null), ...budgetFlags],
    };
  });
}
