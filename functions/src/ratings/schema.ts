/**
 * The satisfaction rating model: the five items Thai local governments survey on a 5-point scale, the body of a
 * submission, what is stored, and the per-organisation settings (target). Pure: no I/O.
 */
import { safeText } from '../text/clean.ts';
import { thaiDigitsToArabic } from '../text/numbers.ts';
import { isValidDate, lastDayOfMonth } from '../time/bangkok.ts';
import { toGregorianYear } from '../time/fiscalYear.ts';
import { z } from 'zod';

/** Survey items, in the order forms and reports show them. */
export const ITEMS = ['process', 'staff', 'facilities', 'quality', 'overall'] as const;
export type Item = (typeof ITEMS)[number];

export const ITEM_LABELS: Record<Item, string> = {
  process: 'ด้านกระบวนการ/ขั้นตอนการให้บริการ',
  staff: 'ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ',
  facilities: 'ด้านสิ่งอำนวยความสะดวก',
  quality: 'ด้านคุณภาพของการให้บริการ',
  overall: 'ความพึงพอใจโดยรวม',
};

/** Short labels for cards and chart axes. */
export const ITEM_SHORT_LABELS: Record<Item, string> = {
  process: 'ขั้นตอน',
  staff: 'เจ้าหน้าที่',
  facilities: 'สิ่งอำนวยความสะดวก',
  quality: 'คุณภาพ',
  overall: 'โดยรวม',
};

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export const SCORE_LABELS: Record<Score, string> = {
  1: 'น้อยที่สุด',
  2: 'น้อย',
  3: 'ปานกลาง',
  4: 'มาก',
  5: 'มากที่สุด',
};

/** A score at or below this notifies the service's staff at once. */
export const LOW_SCORE = 2;

export const AGE_GROUPS = ['under-20', '20-29', '30-39', '40-49', '50-59', '60-plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  'under-20': 'ต่ำกว่า 20 ปี',
  '20-29': '20-29 ปี',
  '30-39': '30-39 ปี',
  '40-49': '40-49 ปี',
  '50-59': '50-59 ปี',
  '60-plus': '60 ปีขึ้นไป',
};

/** How the rater came to the form; each has its own "once only" rule (docs/ratings.md). */
export const SOURCES = ['ticket', 'complaint', 'walkin'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = {
  ticket: 'หลังรับบริการตามบัตรคิว',
  complaint: 'หลังเรื่องร้องเรียนเสร็จสิ้น',
  walkin: 'สแกน QR Code ที่จุดบริการ',
};

/**
 * The "service" a complaint rating is about: how the organisation handled the complaint. It has the id of the
 * national complaint-process manual, needs no queue service, and takes ratings only with a complaint id.
 */
export const COMPLAINT_SERVICE_ID = 'complaint-process';
export const COMPLAINT_SERVICE_TITLE = 'การจัดการเรื่องร้องเรียน/ร้องทุกข์';

export const COMMENT_MAX = 500;


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

/** A stored rating. Append-only: written once with create(), never updated. No LINE user id, no comment text. */
export interface Rating {
  id: string;
  orgId: string;
  serviceId: string;
  serviceTitle: string;
  source: Source;
  ticketId: string | null;
  complaintId: string | null;
  /**
   * The kind of the rated complaint. A corruption case's rating follows the case's access rule: its comment is kept in
   * `corruptionRatingComments` (integrity officers only, through the case), and its alerts go to integrity officers.
   */
  caseKind?: 'general' | 'corruption' | null;
  scores: Scores;
  ageGroup: AgeGroup | null;
  hasComment: boolean;
  /** Pseudonymous rater: sha-256 of organisation + LINE user id (docs/ratings.md, privacy). */
  raterHash: string;
  createdAt: string;
  /** Bangkok calendar date, month and ISO week of createdAt. */
  day: string;
  month: string;
  week: string;
}

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

export const DEFAULT_SETTINGS: RatingSettings = { targetPercent: 80, targetBasis: 'mean', targetSource: '', origin: 'default', updatedAt: null };

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
