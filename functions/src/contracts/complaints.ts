/**
 * The complaints API's contract: the zod schemas of every request (routes validate with them) and the types of every
 * response (complaints/views.ts builds them; the LIFF app reads them with `import type`). Pure: zod, the shared text
 * rules (text/clean.ts, zod only; text/numbers.ts, no imports) and the tables (contracts/tables/complaints.ts). Paths are under /api/orgs/:orgId.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';
import { thaiDigitsToArabic } from '../text/numbers.ts';
import {
  COMPLAINANT_UPDATES,
  COMPLAINT_LIMITS as L,
  CONTACT_PREFERENCES,
  KINDS,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHONE_PATTERN,
  STATUSES,
  type ComplaintKind,
  type ContactPreference,
  type Status,
} from './tables/complaints.ts';
import type { DeliveryState } from './quota.ts';

export * from './tables/complaints.ts';

// ---------- shared pieces ----------

/** Free text: cleaned of control and bidi characters (text/clean.ts), trimmed, length checked. */
const text = (min: number, max: number, what: string, multiline = false) =>
  safeText({
    min,
    max,
    multiline,
    notText: `กรุณากรอก${what}`,
    tooShort: min <= 1 ? `กรุณากรอก${what}` : `${what}ต้องยาวอย่างน้อย ${min} ตัวอักษร`,
    tooLong: `${what}ยาวเกิน ${max} ตัวอักษร`,
  });

const phone = z
  .string({ error: 'เบอร์โทรศัพท์ไม่ถูกต้อง' })
  .transform((s) => thaiDigitsToArabic(s).replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(PHONE_PATTERN, { error: 'เบอร์โทรศัพท์ต้องเป็นตัวเลข 9-10 หลัก เช่น 0812345678' }));

export const categoryIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'รหัสหมวดใช้ a-z, 0-9 และ - ไม่เกิน 40 ตัว' });

/** A category as an organisation configures it (stored, and the body of PUT .../staff/complaints/categories). */
export const categorySchema = z.object({
  id: categoryIdSchema,
  title: z.string().min(1).max(80),
  kind: z.enum(KINDS),
  order: z.number().int().default(0),
  active: z.boolean().default(true),
});
export type Category = z.infer<typeof categorySchema>;

export const placeSchema = z
  .object(
    {
      lat: z.number({ error: 'ละติจูดต้องเป็นตัวเลข' }).min(-90, { error: 'ละติจูดต้องอยู่ระหว่าง -90 ถึง 90' }).max(90, { error: 'ละติจูดต้องอยู่ระหว่าง -90 ถึง 90' }).optional(),
      lng: z.number({ error: 'ลองจิจูดต้องเป็นตัวเลข' }).min(-180, { error: 'ลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180' }).max(180, { error: 'ลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180' }).optional(),
      text: safeText({ max: L.place.max, notText: 'ที่อยู่ต้องเป็นข้อความ', tooLong: `สถานที่ยาวเกิน ${L.place.max} ตัวอักษร` }).optional(),
    },
    { error: 'สถานที่ต้องเป็นพิกัดหรือที่อยู่' },
  )
  .strict()
  .superRefine((p, ctx) => {
    if ((p.lat === undefined) !== (p.lng === undefined)) ctx.addIssue({ code: 'custom', path: [p.lat === undefined ? 'lat' : 'lng'], message: 'ต้องระบุทั้งละติจูดและลองจิจูด' });
    if (p.lat === undefined && !p.text) ctx.addIssue({ code: 'custom', path: [], message: 'กรุณาปักหมุดบนแผนที่หรือพิมพ์ที่อยู่/จุดสังเกต' });
  });

export interface Place {
  lat?: number | undefined;
  lng?: number | undefined;
  /** Address or landmark as the person wrote it. */
  text?: string | undefined;
}

const PHOTO_TEXT_MAX = Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 200;

/** A photo as a data URL, or as `{ contentType, data }` with bare base64; both become a data URL. */
const photoInput = z.union(
  [
    // Bounded like everything else: a 300 KB photo is about 400,000 base64 characters (MAX_PHOTO_BYTES checks exactly).
    z.string().max(PHOTO_TEXT_MAX, { error: 'รูปภาพใหญ่เกินไป (ไม่เกิน 300 KB ต่อรูป)' }),
    z
      .object({ contentType: z.string().max(40), data: z.string().max(PHOTO_TEXT_MAX, { error: 'รูปภาพใหญ่เกินไป (ไม่เกิน 300 KB ต่อรูป)' }) })
      .transform((p) => `data:${p.contentType};base64,${p.data}`),
  ],
  { error: 'รูปภาพต้องเป็น data URL หรือ { contentType, data }' },
);

export const contactSchema = z
  .object(
    {
      method: z.enum(CONTACT_PREFERENCES, { error: 'ช่องทางติดต่อกลับต้องเป็น line, phone, email หรือ none' }).optional(),
      name: safeText({ max: 100, notText: 'ชื่อต้องเป็นข้อความ', tooLong: 'ชื่อยาวเกิน 100 ตัวอักษร' }).optional(),
      phone: phone.optional(),
      email: z.email({ error: 'อีเมลไม่ถูกต้อง' }).max(200, { error: 'อีเมลยาวเกิน 200 ตัวอักษร' }).optional(),
    },
    { error: 'ข้อมูลติดต่อไม่ถูกต้อง' },
  )
  .strict();

// ---------- requests ----------

/** POST /complaints. Rules that need the caller (token or not) are in the service. */
export const fileComplaintSchema = z
  .object(
    {
      kind: z.enum(KINDS, { error: 'ประเภทต้องเป็น general (ร้องเรียนทั่วไป) หรือ corruption (แจ้งเบาะแสทุจริต)' }),
      category: z.string({ error: 'กรุณาเลือกหมวดเรื่อง' }).min(1, { error: 'กรุณาเลือกหมวดเรื่อง' }).max(40, { error: 'หมวดเรื่องไม่ถูกต้อง' }),
      title: text(L.title.min, L.title.max, 'หัวข้อ'),
      description: text(L.description.min, L.description.max, 'รายละเอียด', true),
      place: placeSchema.optional(),
      photos: z
        .array(photoInput, { error: 'รูปภาพต้องเป็นรายการ' })
        .max(MAX_PHOTOS, { error: `แนบรูปได้ไม่เกิน ${MAX_PHOTOS} รูป` })
        .default([]),
      contact: contactSchema.optional(),
      anonymous: z.boolean({ error: 'ต้องเป็น true หรือ false' }).default(false),
      consent: z.boolean({ error: 'กรุณายืนยันการยินยอมให้เก็บข้อมูลส่วนบุคคล' }).default(false),
      /** What reaches the complainant in LINE (tables/complaints.ts COMPLAINANT_UPDATES); default 'important'. */
      updates: z.enum(COMPLAINANT_UPDATES, { error: 'การแจ้งความคืบหน้าต้องเป็น important หรือ all' }).default('important'),
    },
    { error: 'ข้อมูลต้องเป็น JSON object' },
  )
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'general' && b.anonymous) ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'เรื่องร้องเรียนทั่วไปต้องระบุตัวตน เลือกไม่เปิดเผยตัวตนได้เฉพาะการแจ้งเบาะแสทุจริต' });
    const hasContact = !!(b.contact?.name || b.contact?.phone || b.contact?.email);
    const method = b.contact?.method;
    if (b.anonymous && hasContact) ctx.addIssue({ code: 'custom', path: ['contact'], message: 'เลือกไม่เปิดเผยตัวตนแล้ว จึงไม่ต้องกรอกข้อมูลติดต่อ' });
    if (b.anonymous && method && method !== 'none') ctx.addIssue({ code: 'custom', path: ['contact', 'method'], message: 'เลือกไม่เปิดเผยตัวตนแล้ว ระบบจะไม่ติดต่อกลับ ติดตามเรื่องด้วยรหัสติดตามและรหัสลับ' });
    if (method === 'phone' && !b.contact?.phone) ctx.addIssue({ code: 'custom', path: ['contact', 'phone'], message: 'ต้องการให้ติดต่อกลับทางโทรศัพท์ กรุณากรอกเบอร์โทรศัพท์' });
    if (method === 'email' && !b.contact?.email) ctx.addIssue({ code: 'custom', path: ['contact', 'email'], message: 'ต้องการให้ติดต่อกลับทางอีเมล กรุณากรอกอีเมล' });
  });
/** The body as parsed (what the service gets). */
export type FileComplaintInput = z.infer<typeof fileComplaintSchema>;
/** The body as sent (what the LIFF form posts). */
export type FileComplaintBody = z.input<typeof fileComplaintSchema>;

/** POST /staff/complaints/:id/status. */
export const changeStatusSchema = z
  .object(
    {
      to: z.enum(STATUSES, { error: `สถานะต้องเป็นหนึ่งใน ${STATUSES.join(', ')}` }),
      note: safeText({ max: 1000, multiline: true, notText: 'ข้อความถึงผู้ร้องต้องเป็นข้อความ', tooLong: 'ข้อความยาวเกิน 1000 ตัวอักษร' }).optional(),
      reason: safeText({ max: 1000, multiline: true, notText: 'เหตุผลต้องเป็นข้อความ', tooLong: 'เหตุผลยาวเกิน 1000 ตัวอักษร' }).optional(),
      forwardedTo: safeText({ max: 200, notText: 'หน่วยงานที่ส่งต่อต้องเป็นข้อความ', tooLong: 'ชื่อหน่วยงานยาวเกิน 200 ตัวอักษร' }).optional(),
    },
    { error: 'ข้อมูลต้องเป็น JSON object' },
  )
  .strict();
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;
export type ChangeStatusBody = z.input<typeof changeStatusSchema>;

/** POST /complaints/track/:trackingCode/reopen (the complainant's "not fixed"). */
export const reopenSchema = z
  .object(
    {
      reason: text(L.reopenReason.min, L.reopenReason.max, 'เหตุผลที่ยังไม่ได้รับการแก้ไข', true),
      secret: z.string({ error: 'รหัสลับไม่ถูกต้อง' }).max(100, { error: 'รหัสลับไม่ถูกต้อง' }).optional(),
    },
    { error: 'ข้อมูลต้องเป็น JSON object' },
  )
  .strict();
export type ReopenInput = z.infer<typeof reopenSchema>;
export type ReopenBody = z.input<typeof reopenSchema>;

/** POST /staff/complaints/:id/undo. */
export const undoBodySchema = z.object({ seq: z.number({ message: 'กรุณาระบุรายการที่จะย้อนกลับ' }).int().min(2, 'รายการนี้ย้อนกลับไม่ได้') }).strict();
export type UndoBody = z.input<typeof undoBodySchema>;

/** PUT /staff/complaints/categories (admins): the whole list; ones left out become inactive. */
export const categoriesBodySchema = z
  .object({
    categories: z
      .array(categorySchema.extend({
        id: categoryIdSchema,
        title: safeText({ min: 1, max: 80, tooShort: 'กรุณากรอกชื่อหมวด', tooLong: 'ชื่อหมวดยาวเกิน 80 ตัวอักษร' }),
      }), { error: 'categories ต้องเป็นรายการ' })
      .max(50, { error: 'มีได้ไม่เกิน 50 หมวด' }),
  })
  .strict()
  .superRefine((b, ctx) => {
    for (const kind of KINDS) {
      if (!b.categories.some((c) => c.kind === kind && c.active)) ctx.addIssue({ code: 'custom', path: ['categories'], message: kind === 'general' ? 'ต้องมีหมวดเรื่องร้องเรียนทั่วไปอย่างน้อย 1 หมวด' : 'ต้องมีหมวดแจ้งเบาะแสทุจริตอย่างน้อย 1 หมวด' });
    }
    const ids = b.categories.map((c) => c.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: `รหัสหมวด ${id} ซ้ำ` });
    });
  });

export const complaintIdParams = z.object({ id: z.string().regex(/^[0-9A-Z]{26}$/, { error: 'รหัสเรื่องไม่ถูกต้อง' }) });
export const photoParams = complaintIdParams.extend({
  n: z.coerce.number({ error: 'ลำดับรูปไม่ถูกต้อง' }).int({ error: 'ลำดับรูปไม่ถูกต้อง' }).min(1, { error: 'ลำดับรูปต้องเป็น 1-3' }).max(MAX_PHOTOS, { error: 'ลำดับรูปต้องเป็น 1-3' }),
});
export const trackParams = z.object({ trackingCode: z.string().max(20, { error: 'รหัสติดตามไม่ถูกต้อง' }) });
/** GET /complaints/track/:trackingCode?secret= */
export const trackQuery = z.object({ secret: z.string().max(100, { error: 'รหัสลับไม่ถูกต้อง' }).optional() });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'เดือนต้องอยู่ในรูปแบบ YYYY-MM (ค.ศ.)' });
/** GET /complaints/stats and stats.csv: months of receipt, from..to inclusive. */
export const statsQuery = z.object({ from: month.optional(), to: month.optional() });
const flag = z.enum(['true', 'false'], { error: 'ต้องเป็น true หรือ false' }).transform((v) => v === 'true');
/** GET /staff/complaints */
export const inboxQuery = z.object({
  kind: z.enum(KINDS, { error: 'ประเภทต้องเป็น general หรือ corruption' }).optional(),
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(STATUSES, { error: `สถานะต้องเป็นหนึ่งใน ${STATUSES.join(', ')}` })).max(6))
    .optional(),
  category: z.string().max(40).optional(),
  overdue: flag.optional(),
  reopened: flag.optional(),
});
export type InboxFilter = z.infer<typeof inboxQuery>;
/** GET/DELETE /complaints/chat-drafts/:draftId */
export const draftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'รหัสร่างเรื่องไม่ถูกต้อง' });
export const chatDraftParams = z.object({ draftId: draftIdSchema });

// ---------- responses ----------

/** GET /complaints/categories, PUT /staff/complaints/categories */
export interface CategoryItem {
  id: string;
  title: string;
  kind: ComplaintKind;
}

/** POST /complaints (201). `trackingSecret` only when one was issued (no LINE identity kept): shown once. */
export interface FiledComplaint {
  id: string;
  trackingCode: string;
  kind: ComplaintKind;
  category: string;
  status: Status;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  anonymous: boolean;
  contactPreference: ContactPreference;
  trackingSecret?: string;
}

interface StatusPart {
  status: Status;
  statusLabel: string;
}

interface Timing {
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  overdue: boolean;
  /** Whole Bangkok days since receipt. */
  daysElapsed: number;
}

export interface PublicHistoryEntry extends StatusPart {
  seq: number;
  at: string;
  forwardedTo?: string | null;
}

/** GET /complaints/track/:code for anyone with the code of a general complaint: status and dates, no content. */
export interface PublicComplaintView extends StatusPart, Timing {
  trackingCode: string;
  kind: ComplaintKind;
  category: string;
  categoryTitle: string;
  access: 'public';
  history: PublicHistoryEntry[];
}

export interface OwnerHistoryEntry extends PublicHistoryEntry {
  note: string | null;
  reason: string | null;
  forwardedTo: string | null;
  by: 'เจ้าหน้าที่' | 'ผู้แจ้ง' | 'ระบบ';
  /** Present when the LINE message about this change did not reach the complainant (quota spent, cap, refused). */
  notDelivered?: DeliveryState;
}

/** GET /complaints/track/:code for the owner (LINE login) or the holder of the secret; also after a reopen. */
export interface OwnerComplaintView extends Omit<PublicComplaintView, 'access' | 'history'> {
  id: string;
  access: 'owner';
  title: string;
  description: string;
  place: Place | null;
  photoCount: number;
  anonymous: boolean;
  /** Until when the complainant may say "not fixed", or null. */
  reopenUntil: string | null;
  history: OwnerHistoryEntry[];
}

export type TrackedComplaint = PublicComplaintView | OwnerComplaintView;

/** One line of GET /complaints/mine ({ complaints: MineItem[] }). */
export interface MineItem extends StatusPart, Timing {
  id: string;
  trackingCode: string;
  kind: ComplaintKind;
  category: string;
  categoryTitle: string;
  title: string;
  updatedAt: string;
}
export interface MineResponse {
  complaints: MineItem[];
}

/** One line of GET /staff/complaints ({ complaints: StaffInboxItem[] }). */
export interface StaffInboxItem extends MineItem {
  place: Place | null;
  photoCount: number;
  anonymous: boolean;
  /** The complainant said "not fixed" and the case is open again. */
  reopened: boolean;
  reopenedAt: string | null;
}
export interface StaffInboxResponse {
  complaints: StaffInboxItem[];
}

export interface StaffHistoryEntry extends StatusPart {
  seq: number;
  from: Status | null;
  at: string;
  note: string | null;
  reason: string | null;
  forwardedTo: string | null;
  by: { type: 'staff'; displayName: string } | { type: 'citizen' | 'system' };
  /** This record takes back record N (undo). */
  undoes?: number;
  /** This record was taken back. */
  undone: boolean;
}

/** Who filed a general complaint (officers), or a revealed corruption reporter (integrity officers, logged). */
export type ReporterView =
  | { anonymous: true; viaLine: false; name: null; phone: null; email: null; lineName: null; contactPreference: ContactPreference }
  | { anonymous: false; viaLine: boolean; name: string | null; phone: string | null; email: string | null; lineName: string | null; contactPreference: ContactPreference };
/** A corruption case's reporter in the details: only whether they stayed anonymous. */
export interface ConcealedReporter {
  concealed: true;
  anonymous: boolean;
  contactPreference: ContactPreference;
}
export type ReporterBlock = ReporterView | ConcealedReporter;

/** GET /staff/complaints/:id, and the answer of POST .../undo. */
export interface StaffComplaintDetail extends StaffInboxItem {
  description: string;
  contactPreference: ContactPreference;
  photos: { n: number; url: string }[];
  allowedTransitions: Status[];
  history: StaffHistoryEntry[];
  reporter: ReporterBlock;
  /** The complainant's rating of how the case was handled. */
  rating: { scores: Record<string, number>; comment: string | null; createdAt: string } | null;
}

/** POST /staff/complaints/:id/status: the details, and until when the one who made the change may take it back. */
export interface StatusChangeResponse extends StaffComplaintDetail {
  undo: { seq: number; until: string };
}

/** POST /staff/complaints/:id/reporter (integrity officers; logged before shown). */
export interface RevealedReporter {
  complaintId: string;
  trackingCode: string;
  auditSeq: number;
  reporter: ReporterView;
}

export interface StatsCounts {
  received: number;
  finished: number;
  inProgress: number;
  overdue: number;
  resolved: number;
  rejected: number;
  forwarded: number;
  /** Finished on or before the due time, of those finished. */
  finishedOnTime: number;
  /** Median days from receipt to finish (one decimal), null when nothing is finished. */
  medianDaysToFinish: number | null;
}

/** GET /complaints/stats: cohorts by month of receipt (Bangkok); corruption as bare counts. */
export interface ComplaintStats {
  generatedAt: string;
  timeZone: 'Asia/Bangkok';
  range: { from: string | null; to: string | null };
  general: {
    totals: StatsCounts;
    byMonth: Array<{ month: string } & StatsCounts>;
    byCategory: Array<{ category: string; title: string } & StatsCounts>;
    byMonthAndCategory: Array<{ month: string; category: string; title: string } & StatsCounts>;
  };
  corruption: { received: number; finished: number; inProgress: number; overdue: number };
}

/** GET /complaints/chat-drafts/:draftId: a report started in chat, for the form (photos already stripped). */
export interface ChatDraftView {
  id: string;
  category: string | null;
  title: string;
  description: string;
  place: Place | null;
  photos: { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; data: string }[];
  expiresAt: string;
}
