/**
 * The ratings API as the LIFF pages read it: the types are the API's own contract (functions/src/contracts/ratings.ts,
 * imported as types only) and the survey's words are the shared table (contracts/tables/ratings.ts).
 */
import type {
  Eligibility,
  Figures,
  Group,
  Item,
  RatingComment,
  RatingForm,
  RatingSummaryView,
  SubmittedRating,
} from '../../../functions/src/contracts/ratings.ts';
import { ITEMS, ITEM_SHORT_LABELS, SOURCE_LABELS } from '../../../functions/src/contracts/tables/ratings.ts';
import { formatFixed } from '../../../functions/src/text/numbers.ts';
import { fiscalYears, formatNumber } from '../lib/format.ts';

export type { Eligibility, Figures, Group, RatingComment, RatingForm };
export type ItemId = Item;
/** 201 of POST /ratings. */
export type RatingCreated = SubmittedRating;
/** GET /ratings/summary. */
export type Summary = RatingSummaryView;
export const ITEM_IDS = ITEMS;

/** Names of the two figures, used everywhere they appear so nobody mixes them up. */
export const MEAN_NAME = 'ร้อยละความพึงพอใจ';
export const MEAN_HOW = 'ค่าเฉลี่ย ÷ 5 × 100';
export const SATISFIED_NAME = 'ร้อยละผู้ที่พึงพอใจมาก-มากที่สุด';
export const SATISFIED_HOW = 'ระดับ 4-5';

/** The API's labels are long ("ด้านกระบวนการ/ขั้นตอนการให้บริการ"); the form shows these in its legends. */
export const FORM_LABELS: Record<ItemId, string> = {
  process: 'ขั้นตอนการให้บริการ',
  staff: 'เจ้าหน้าที่ผู้ให้บริการ',
  facilities: 'สิ่งอำนวยความสะดวก',
  quality: 'คุณภาพการให้บริการ',
  overall: 'ความพึงพอใจโดยรวม',
};

/** Short names for compact lines (the API's shortLabel). */
export const SHORT_LABELS = ITEM_SHORT_LABELS;

export { SOURCE_LABELS };

/** "91.6" (Thai locale, 1 decimal, as the results page of the server prints them), or "–" without answers. */
export const pct = (v: number | null | undefined) => (v == null ? '–' : formatFixed(v, 1));
export const mean2 = (v: number | null | undefined) => (v == null ? '–' : formatFixed(v, 2));
export const count = (n: number) => formatNumber(n);

/** Periods offered by the results and comments pages: this fiscal year so far (the API's default) and the two before. */
export function periods(now = new Date()): Array<{ value: string; label: string; from?: string; to?: string }> {
  const [current, ...earlier] = fiscalYears(now, 3);
  return [
    { value: '', label: `ปีงบประมาณ ${current!.label} (ถึงวันนี้)` },
    ...earlier.map((y) => ({ value: y.label, label: `ปีงบประมาณ ${y.label} (ต.ค. ${Number(y.label) - 1} – ก.ย. ${y.label})`, from: y.from, to: y.to })),
  ];
}

export function rangeQuery(period: string, serviceId: string, extra: Record<string, string> = {}): string {
  const p = periods().find((x) => x.value === period);
  const q = new URLSearchParams();
  if (p?.from) q.set('from', p.from);
  if (p?.to) q.set('to', p.to);
  if (serviceId) q.set('serviceId', serviceId);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
