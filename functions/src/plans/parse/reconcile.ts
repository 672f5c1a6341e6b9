/**
 * Reconciling a summary-table item with its detail section (5-year template) before each field is chosen: names,
 * dimension and budgets are compared, and every disagreement becomes a review flag on the field. Figures are never
 * adjusted: the summary's stay, the flag says what the detail section states.
 */
import { contradictedYears } from './amounts.ts';
import { matchKey, similarity } from '../normalize.ts';
import type { Budgets, ReviewFlag } from '../schema.ts';
import { why } from './reasons.ts';

export interface ReconcileInput {
  name: string;
  dimension: number;
  budgets: Budgets;
  line: number;
  review: ReviewFlag[];
  shared: boolean;
  /** The unit the summary row names (its own column), if any. */
  unit?: string | null;
}

export interface ReconcileSection {
  name: string;
  line: number;
  dimension: number | null;
  budgetAmount: number | null;
  budgetText: string;
  responsibleUnit?: string;
  /** Where the section's budget and unit text start (else its heading's line). */
  budgetLine?: number | null;
  unitLine?: number | null;
}

export interface Reconciled {
  name: string;
  dimension: number;
  review: ReviewFlag[];
}

/** Chooses name and dimension from the two witnesses and flags what they disagree on. */
export function reconcile(item: ReconcileInput, section: ReconcileSection | null, sectionsExist: boolean): Reconciled {
  const review = [...item.review];
  let { name, dimension } = item;
  if (!section) {
    if (sectionsExist) review.push({ field: 'name', ...why.noDetailSection(), line: item.line });
    const odd = nameLooksWrong(name, item.line);
    if (odd && !review.some((f) => f.field === 'name')) review.push(odd);
    return { name, dimension, review: dedupe(review) };
  }
  const a = matchKey(name);
  const b = matchKey(section.name);
  if (a === '' && b !== '') {
    name = section.name;
    review.push({ field: 'name', ...why.summaryGivesNoName(), line: section.line });
  } else if (a !== b) {
    // A summary name that holds the detail section's and much more has swallowed a heading or another item.
    if (b.length >= 6 && a.includes(b) && (a.length > b.length * 1.3 || a.startsWith(b))) {
      name = section.name;
      review.push({ field: 'name', ...why.summaryHoldsMore(item.name), line: section.line });
    } else if (a.length >= 6 && b.startsWith(a) && b.length > a.length) {
      // The detail section's name goes on where the summary's stops: the summary's was cut where its cell wrapped
      // when it ends on a word that needs what follows; otherwise either may be right.
      if (nameLooksWrong(name, item.line)) {
        name = section.name;
        review.push({ field: 'name', ...why.summaryNameShort(item.name), line: section.line });
      } else review.push({ field: 'name', ...why.detailNameGoesOn(section.name), line: section.line });
    } else if (similarity(a, b) < 0.8) {
      review.push({ field: 'name', ...why.detailNamesIt(section.name), line: section.line });
    }
  }
  const odd = nameLooksWrong(name, item.line);
  if (odd && !review.some((f) => f.field === 'name')) review.push(odd);
  if (section.dimension !== null && section.dimension !== dimension) {
    const inferred = review.some((f) => f.field === 'dimension');
    if (inferred) dimension = section.dimension;
    review.push({ field: 'dimension', ...why.dimensionsDiffer(item.dimension, section.dimension), line: section.line });
  }
  const amount = section.budgetAmount;
  if (!item.shared) {
    for (const c of contradictedYears(item.budgets, section.budgetText, amount)) {
      review.push({ field: `budgets.${c.year}`, ...why.budgetsDiffer(c.stated, c.given), line: section.budgetLine ?? section.line });
    }
  }
  const unitFlag = unitsDiffer(item.unit ?? null, section.responsibleUnit ?? '', section.unitLine ?? section.line);
  if (unitFlag) review.push(unitFlag);
  return { name, dimension, review: dedupe(review) };
}

/**
 * The row's unit against the detail section's: the same unit when one holds the other once spaces, punctuation
 * and the organisation's words are set aside ("สำนักปลัด" / "สำนักปลัดเทศบาล เทศบาล…"); otherwise a flag.
 */
export function unitsDiffer(rowUnit: string | null, detailUnit: string, line: number): ReviewFlag | null {
  const unitKey = (u: string) => matchKey(u.replace(/(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วน(?:ตำบล|จังหวัด))\S*/g, ' '));
  const a = unitKey(rowUnit ?? '');
  const b = unitKey(detailUnit);
  if (a === '' || b === '' || a === b || a.includes(b) || b.includes(a)) return null;
  return { field: 'responsibleUnit', ...why.unitsDiffer(detailUnit, rowUnit ?? ''), line };
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

/** Words a name does not end with: a name ending with one was cut where its line wrapped. */
const DANGLING = /^(?:และ|หรือ|ของ|แก่|ใน|การ|เพื่อ|ด้วย|โดย|ตาม|กับ|ต่อ|จาก|สู่|ให้|แห่ง|ความ|ระหว่าง|ที่|ซึ่ง|อย่าง|เป็น|เกี่ยวกับ|สำหรับ)$/;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const lastWord = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).at(-1)?.segment ?? '';
/** Text that belongs to the table around a name, not to the name: figures, units, headings, page furniture. */
const FOREIGN = /\d{1,3},\d{3}|บาท|ภารกิจ|ม(?:ิ)?ติที่|รวม\s*\d|หน้า\s*\d|^[-–]\s*\d|ไตรมาส|(?:^|\s)[1-4]\.\d{1,2}(?:\.\d{1,2})?\s|แผนปฏิบัติการป้องกันการทุจริต(?:เพื่อยกระดับ)?\s*\(?พ\.ศ/;

/**
 * A name that looks cut or merged whatever the layout: ending on a word that needs what follows, holding table text
 * (figures, headings, page headers), or too short to be a project's name. Returns the flag, or null when it looks whole.
 */
export function nameLooksWrong(name: string, line: number | null): ReviewFlag | null {
  const n = name.trim();
  if ([...n].length < 8) return { field: 'name', ...why.veryShortName(), line };
  if (DANGLING.test(lastWord(n.replace(/["”“)\s]+$/, '')))) return { field: 'name', ...why.nameCutAtWrap(), line };
  if (FOREIGN.test(n)) return { field: 'name', ...why.nameHoldsTableText(), line };
  return null;
}

/**
 * The document's own count of items per dimension against the items read: where they differ, the items at the
 * dimension's edges may belong to the next dimension (a missed heading), and an item may be two merged or a heading
 * read as an item. The edge items get a dimension flag and, when fewer items were read than stated, the longest
 * names get a name flag. Changes nothing else.
 */
export function flagCountMismatches(projects: { dimension: number; name: string; line: number | null; review?: ReviewFlag[] }[], stated: { measure: string; dimension: number | null; mission: string | null; value: number }[]): void {
  for (const d of [1, 2, 3, 4]) {
    const claim = stated.find((s) => s.measure === 'projects' && s.dimension === d && s.mission === null);
    const items = projects.filter((p) => p.dimension === d);
    if (!claim || items.length === 0 || claim.value === items.length) continue;
    const edges = [items[0], items.at(-1)].filter((p) => p !== undefined);
    for (const p of edges) (p.review ??= []).push({ field: 'dimension', ...why.countMismatch(claim.value, d, items.length), line: p.line });
    if (items.length < claim.value) {
      const longest = [...items].sort((a, b) => b.name.length - a.name.length).slice(0, claim.value - items.length);
      for (const p of longest) (p.review ??= []).push({ field: 'name', ...why.countMismatchLongName(claim.value, d, items.length), line: p.line });
    }
  }
}
