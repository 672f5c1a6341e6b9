import { fiscalYears, formatNumber } from '../lib/format.ts';
import { formatFixed } from '../../../functions/src/text/numbers.ts';

/** Shapes of the ratings API (functions/src/ratings, docs/ratings.md) as the LIFF pages read them. */
export const ITEM_IDS = ['process', 'staff', 'facilities', 'quality', 'overall'] as const;
export type ItemId = (typeof ITEM_IDS)[number];

/** GET /ratings/form. */
export interface RatingForm {
  items: Array<{ id: ItemId; label: string; shortLabel: string }>;
  scores: Array<{ value: number; label: string }>;
  ageGroups: Array<{ id: string; label: string }>;
  services: Array<{ id: string; title: string }>;
  commentMax: number;
}

/** GET /ratings/eligibility: whether this person may still rate the ticket, complaint or service (read-only). */
export interface Eligibility {
  eligible: boolean;
  /** Thai, when not eligible: the submission's own refusal. */
  reason?: string;
  /** When not eligible: the status the submission would answer (409 already rated or not yet; 403 not yours). */
  status?: 403 | 409;
}

/** 201 of POST /ratings. */
export interface RatingCreated {
  id: string;
  serviceId: string;
  serviceTitle: string;
  source: 'ticket' | 'complaint' | 'walkin';
  createdAt: string;
  message: string;
  resultsUrl: string | null;
}

export interface Figures {
  answers: number;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  mean: number | null;
  meanPercent: number | null;
  satisfiedPercent: number | null;
}

export interface Group {
  ratings: number;
  allItems: Figures | null;
  items: Record<ItemId, Figures | null>;
  sources?: Record<string, number>;
  comments?: number;
  meetsTarget: boolean | null;
}

/** GET /ratings/summary. */
export interface Summary {
  org: { id: string; name: string };
  generatedAt: string;
  range: { from: string; to: string };
  serviceId: string | null;
  target: { percent: number; basis: 'mean' | 'satisfied'; basisLabel: string; source: string; origin: 'admin' | 'plan' | 'default'; label: string };
  definitions: { meanPercent: string; satisfiedPercent: string };
  total: Group;
  byService: Array<Group & { serviceId: string; title: string }>;
  byMonth: Array<Group & { month: string; label: string }>;
}

export interface RatingComment {
  ratingId: string;
  serviceId: string;
  serviceTitle: string;
  source: 'ticket' | 'complaint' | 'walkin';
  scores: Record<ItemId, number>;
  comment: string;
  createdAt: string;
}

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
export const SHORT_LABELS: Record<ItemId, string> = {
  process: 'ขั้นตอน',
  staff: 'เจ้าหน้าที่',
  facilities: 'สิ่งอำนวยความสะดวก',
  quality: 'คุณภาพ',
  overall: 'โดยรวม',
};

export const SOURCE_LABELS: Record<RatingComment['source'], string> = {
  ticket: 'หลังรับบริการตามบัตรคิว',
  complaint: 'หลังเรื่องร้องเรียนเสร็จสิ้น',
  walkin: 'สแกน QR Code ที่จุดบริการ',
};

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
