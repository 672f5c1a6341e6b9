/**
 * The satisfaction-ratings API (functions/src/ratings/routes.ts, docs/ratings.md): the survey's items, scale and
 * labels, what a submission and the queries take, and what the API answers. The routes validate with these schemas;
 * the LIFF pages (liff-app/src/ratings) read these types with `import type`.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';
import { thaiDigitsToArabic } from '../text/numbers.ts';
import { isValidDate, lastDayOfMonth } from '../time/bangkok.ts';
import { toGregorianYear } from '../time/fiscalYear.ts';

import {
  ITEMS,
  type Item,
  ITEM_LABELS,
  ITEM_SHORT_LABELS,
  SCORES,
  type Score,
  SCORE_LABELS,
  LOW_SCORE,
  AGE_GROUPS,
  type AgeGroup,
  AGE_GROUP_LABELS,
  SOURCES,
  type Source,
  SOURCE_LABELS,
  COMPLAINT_SERVICE_ID,
  COMPLAINT_SERVICE_TITLE,
  COMMENT_MAX,
} from './tables/ratings.ts';

export {
  ITEMS,
  type Item,
  ITEM_LABELS,
  ITEM_SHORT_LABELS,
  SCORES,
  type Score,
  SCORE_LABELS,
  LOW_SCORE,
  AGE_GROUPS,
  type AgeGroup,
  AGE_GROUP_LABELS,
  SOURCES,
  type Source,
  SOURCE_LABELS,
  COMPLAINT_SERVICE_ID,
  COMPLAINT_SERVICE_TITLE,
  COMMENT_MAX,
};



/** The queue's service ids: a-z, 0-9 and -, at most 64. */
export const serviceIdSchema = z
  .string({ error: 'กรุณาเลือกบริการที่ต้องการประเมิน' })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'รหัสบริการไม่ถูกต้อง' });
/** The queue's public ticket id `{serviceId}-{yyyymmdd}-{number}` (any id-safe text is let through to the lookup). */
export const ticketIdSchema = z.string({ error: 'รหัสบัตรคิวไม่ถูกต้อง' }).regex(/^[A-Za-z0-9_-]{1,90}$/, { error: 'รหัสบัตรคิวไม่ถูกต้อง' });
export const complaintIdSchema = z.string({ error: 'รหัสเรื่องร้องเรียนไม่ถูกต้อง' }).regex(/^[0-9A-Z]{26}$/, { error: 'รหัสเรื่องร้องเรียนไม่ถูกต้อง' });

/** 1-5 as a number, or as text in Arabic or Thai digits ("๕"). */
const score = (item: Item) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*[0-9๐-๙]\s*$/.test(v) ? Number(thaiDigitsToArabic(v.trim())) : v),
    z
      .number({ error: `กรุณาให้คะแนน${ITEM_LABELS[item]} (1-5)` })
      .int({ error: `คะแนน${ITEM_LABELS[item]}ต้องเป็นจำนวนเต็ม 1-5` })
      .min(1, { error: `คะแนน${ITEM_LABELS[item]}ต้องอยู่ระหว่าง 1-5` })
      .max(5, { error: `คะแนน${ITEM_LABELS[item]}ต้องอยู่ระหว่าง 1-5` }),
  );

export const scoresSchema = z
  .object(
    {
      process: score('process'),
      staff: score('staff'),
      facilities: score('facilities'),
      quality: score('quality'),
      overall: score('overall'),
    },
    { error: 'กรุณาให้คะแนนทั้ง 5 ด้าน' },
  )
  .strict();
export type Scores = Record<Item, number>;


export const submitRatingSchema = z
  .object(
    {
      serviceId: serviceIdSchema.optional(),
      scores: scoresSchema,
      // Control and bidi characters dropped (text/clean.ts); newlines kept; the rest as written.
      comment: safeText({ max: COMMENT_MAX, multiline: true, notText: 'ความคิดเห็นต้องเป็นข้อความ', tooLong: `ความคิดเห็นยาวเกิน ${COMMENT_MAX} ตัวอักษร` }).optional(),
      ageGroup: z.enum(AGE_GROUPS, { error: `ช่วงอายุต้องเป็นหนึ่งใน ${AGE_GROUPS.join(', ')}` }).optional(),
      ticketId: ticketIdSchema.optional(),
      complaintId: complaintIdSchema.optional(),
    },
    { error: 'ข้อมูลแบบประเมินไม่ถูกต้อง' },
  )
  .strict()
  .superRefine(whatIsRated);
export type SubmitRatingInput = z.infer<typeof submitRatingSchema>;

/** What one rating is about: a ticket, a complaint, or a service (QR), with the same rules for submitting and asking. */
function whatIsRated(b: { serviceId?: string | undefined; ticketId?: string | undefined; complaintId?: string | undefined }, ctx: z.RefinementCtx): void {
  if (b.ticketId && b.complaintId) ctx.addIssue({ code: 'custom', path: ['complaintId'], message: 'ประเมินได้ครั้งละหนึ่งเรื่อง: บัตรคิวหรือเรื่องร้องเรียนอย่างใดอย่างหนึ่ง' });
  if (!b.ticketId && !b.complaintId && !b.serviceId) ctx.addIssue({ code: 'custom', path: ['serviceId'], message: 'กรุณาเลือกบริการที่ต้องการประเมิน' });
  if (b.complaintId && b.serviceId && b.serviceId !== COMPLAINT_SERVICE_ID) ctx.addIssue({ code: 'custom', path: ['serviceId'], message: `การประเมินเรื่องร้องเรียนใช้บริการ ${COMPLAINT_SERVICE_ID}` });
  if (!b.complaintId && b.serviceId === COMPLAINT_SERVICE_ID) ctx.addIssue({ code: 'custom', path: ['complaintId'], message: 'การประเมินการจัดการเรื่องร้องเรียนต้องมาจากลิงก์ที่ได้รับเมื่อเรื่องเสร็จสิ้น' });
}

/** `GET …/ratings/eligibility?serviceId=|ticketId=|complaintId=`: the subject of a rating, as the form would send it. */
export const eligibilityQuerySchema = z
  .object(
    {
      serviceId: serviceIdSchema.optional(),
      ticketId: ticketIdSchema.optional(),
      complaintId: complaintIdSchema.optional(),
    },
    { error: 'ข้อมูลที่ส่งมาไม่ถูกต้อง' },
  )
  .superRefine(whatIsRated);
export type EligibilityQuery = z.infer<typeof eligibilityQuerySchema>;


/** The comment of a rating, kept apart so only the staff route reads it. */
export interface RatingComment {
  ratingId: string;
  serviceId: string;
  serviceTitle: string;
  source: Source;
  scores: Scores;
  comment: string;
  createdAt: string;
}

export const TARGET_BASES = ['mean', 'satisfied'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export interface RatingSettings {
  /** The plan's target, e.g. 80 (%). */
  targetPercent: number;
  /** Which figure the target is compared with: the mean as a percentage (Thai reports) or the share of 4s and 5s. */
  targetBasis: TargetBasis;
  /** Where the target comes from, e.g. "แผนปฏิบัติการป้องกันการทุจริต 2566-2570 มาตรการ 2.2.1" (shown on results). */
  targetSource: string;
  /** admin: set by an admin (wins); plan: read from the current plan's indicators; default: neither says, 80 %. */
  origin: 'admin' | 'plan' | 'default';
  updatedAt: string | null;
}


export const settingsSchema = z
  .object({
    targetPercent: z.number({ error: 'เป้าหมายต้องเป็นตัวเลขร้อยละ' }).min(1, { error: 'เป้าหมายต้องอยู่ระหว่าง 1-100' }).max(100, { error: 'เป้าหมายต้องอยู่ระหว่าง 1-100' }),
    targetBasis: z.enum(TARGET_BASES, { error: 'เกณฑ์ต้องเป็น mean หรือ satisfied' }).default('mean'),
    targetSource: safeText({ max: 200, notText: 'ที่มาของเป้าหมายต้องเป็นข้อความ', tooLong: 'ที่มาของเป้าหมายยาวเกิน 200 ตัวอักษร' }).default(''),
  })
  .strict();

// ---------- query of results and comments ----------

/**
 * A date for a results filter: YYYY-MM-DD or YYYY-MM, Arabic or Thai digits, Christian or Buddhist era (a year above
 * 2400 is BE: 2569-11 is 2026-11). A month means its first day as `from` and its last day as `to`.
 */
const dateParam = (end: 'from' | 'to') =>
  z
    .string()
    .transform((s) => thaiDigitsToArabic(s.trim()))
    .pipe(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { error: 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD หรือ YYYY-MM' }))
    .transform((s) => {
      const year = Number(s.slice(0, 4));
      const ce = `${year > 2400 ? toGregorianYear(year) : year}${s.slice(4)}`;
      if (ce.length === 10) return ce;
      return end === 'from' ? `${ce}-01` : lastDayOfMonth(ce);
    })
    .refine(isValidDate, { error: 'ไม่มีวันที่นี้ในปฏิทิน' });

export const rangeQuerySchema = z.object({
  from: dateParam('from').optional(),
  to: dateParam('to').optional(),
  serviceId: serviceIdSchema.optional(),
});

export const commentsQuerySchema = rangeQuerySchema.extend({
  limit: z.coerce.number({ error: 'limit ต้องเป็นตัวเลข' }).int({ error: 'limit ต้องเป็นจำนวนเต็ม' }).min(1, { error: 'limit ต้องอยู่ระหว่าง 1-500' }).max(500, { error: 'limit ต้องอยู่ระหว่าง 1-500' }).optional(),
});

// ---------- answers ----------

/** GET /ratings/form: what the form shows. */
export interface RatingForm {
  items: Array<{ id: Item; label: string; shortLabel: string }>;
  scores: Array<{ value: Score; label: string }>;
  ageGroups: Array<{ id: AgeGroup; label: string }>;
  services: Array<{ id: string; title: string }>;
  commentMax: number;
}

/** 201 of POST /ratings. */
export interface SubmittedRating {
  id: string;
  serviceId: string;
  serviceTitle: string;
  source: Source;
  createdAt: string;
  message: string;
  resultsUrl: string | null;
}

/** GET /ratings/eligibility: whether this person may still rate the ticket, complaint or service (read-only). */
export interface Eligibility {
  eligible: boolean;
  /** Thai, when not eligible: the words the submission would refuse with. */
  reason?: string;
  /** When not eligible: the status the submission would answer (409 already rated / not yet; 403 not the caller's). */
  status?: 403 | 409;
}

export interface Figures {
  /** Answers counted (for one item: ratings; for all items: 5 per rating). */
  answers: number;
  /** How many answers gave each score. */
  distribution: { '1': number; '2': number; '3': number; '4': number; '5': number };
  /** Mean score out of 5, 2 decimals; null without answers. */
  mean: number | null;
  /** ร้อยละความพึงพอใจ as most Thai reports compute it: mean ÷ 5 × 100, 2 decimals. */
  meanPercent: number | null;
  /** Share of answers scoring 4 or 5 (satisfied or very satisfied), %, 2 decimals. */
  satisfiedPercent: number | null;
}

export interface Group {
  /** Forms submitted. */
  ratings: number;
  /** All five items pooled (each rating counts five answers): the headline figures. */
  allItems: Figures;
  items: Record<Item, Figures>;
  ageGroups: Record<AgeGroup | 'unknown', number>;
  sources: Record<Source, number>;
  /** Ratings that came with a comment (the comments themselves are for staff only). */
  comments: number;
  /** Whether the headline figure on the target's basis reaches the target; null without ratings. */
  meetsTarget: boolean | null;
}

export interface ServiceGroup extends Group { serviceId: string; title: string }
export interface MonthGroup extends Group { month: string; label: string }
export interface WeekGroup extends Group { week: string; from: string; to: string; label: string; /** the week reaches outside the range asked for */ partial: boolean }
export interface ServiceMonthGroup extends Group { serviceId: string; title: string; month: string; label: string }

export interface RatingSummary {
  range: { from: string; to: string };
  serviceId: string | null;
  target: { percent: number; basis: RatingSettings['targetBasis']; basisLabel: string; source: string; origin: RatingSettings['origin']; label: string };
  definitions: { meanPercent: string; satisfiedPercent: string };
  total: Group;
  byService: ServiceGroup[];
  byMonth: MonthGroup[];
  byWeek: WeekGroup[];
  byServiceMonth: ServiceMonthGroup[];
}

/** GET /ratings/summary (and the CSV and results page built from it). */
export interface RatingSummaryView extends RatingSummary {
  org: { id: string; name: string };
  generatedAt: string;
}

/** GET /staff/ratings/comments. */
export interface RatingCommentList {
  range: { from: string; to: string };
  comments: RatingComment[];
}
