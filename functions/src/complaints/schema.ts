import { safeText } from '../text/clean.ts';
import { z } from 'zod';
import { KINDS, type ComplaintKind } from './categories.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './photos.ts';
import { STATUSES, type Status } from './workflow.ts';

export type { ComplaintKind, Status };

const THAI_DIGITS = /[๐-๙]/g;
export const arabicDigits = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));

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
  .transform((s) => arabicDigits(s).replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^(?:\+66|0)\d{8,9}$/, { error: 'เบอร์โทรศัพท์ต้องเป็นตัวเลข 9-10 หลัก เช่น 0812345678' }));

export const placeSchema = z
  .object(
    {
      lat: z.number({ error: 'ละติจูดต้องเป็นตัวเลข' }).min(-90, { error: 'ละติจูดต้องอยู่ระหว่าง -90 ถึง 90' }).max(90, { error: 'ละติจูดต้องอยู่ระหว่าง -90 ถึง 90' }).optional(),
      lng: z.number({ error: 'ลองจิจูดต้องเป็นตัวเลข' }).min(-180, { error: 'ลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180' }).max(180, { error: 'ลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180' }).optional(),
      text: safeText({ max: 500, notText: 'ที่อยู่ต้องเป็นข้อความ', tooLong: 'สถานที่ยาวเกิน 500 ตัวอักษร' }).optional(),
    },
    { error: 'สถานที่ต้องเป็นพิกัดหรือที่อยู่' },
  )
  .strict()
  .superRefine((p, ctx) => {
    if ((p.lat === undefined) !== (p.lng === undefined)) ctx.addIssue({ code: 'custom', path: [p.lat === undefined ? 'lat' : 'lng'], message: 'ต้องระบุทั้งละติจูดและลองจิจูด' });
    if (p.lat === undefined && !p.text) ctx.addIssue({ code: 'custom', path: [], message: 'กรุณาปักหมุดบนแผนที่หรือพิมพ์ที่อยู่/จุดสังเกต' });
  });

export const CONTACT_PREFERENCES = ['line', 'phone', 'email', 'none'] as const;

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

/** The body of POST /api/orgs/:orgId/complaints. Rules that need the caller (token or not) are in the service. */
export const fileComplaintSchema = z
  .object(
    {
      kind: z.enum(KINDS, { error: 'ประเภทต้องเป็น general (ร้องเรียนทั่วไป) หรือ corruption (แจ้งเบาะแสทุจริต)' }),
      category: z.string({ error: 'กรุณาเลือกหมวดเรื่อง' }).min(1, { error: 'กรุณาเลือกหมวดเรื่อง' }).max(40, { error: 'หมวดเรื่องไม่ถูกต้อง' }),
      title: text(3, 120, 'หัวข้อ'),
      description: text(10, 4000, 'รายละเอียด', true),
      place: placeSchema.optional(),
      photos: z
        .array(photoInput, { error: 'รูปภาพต้องเป็นรายการ' })
        .max(MAX_PHOTOS, { error: `แนบรูปได้ไม่เกิน ${MAX_PHOTOS} รูป` })
        .default([]),
      contact: contactSchema.optional(),
      anonymous: z.boolean({ error: 'ต้องเป็น true หรือ false' }).default(false),
      consent: z.boolean({ error: 'กรุณายืนยันการยินยอมให้เก็บข้อมูลส่วนบุคคล' }).default(false),
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
export type FileComplaintInput = z.infer<typeof fileComplaintSchema>;

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

/** The body of POST .../complaints/track/:trackingCode/reopen (the complainant's "not fixed"). */
export const reopenSchema = z
  .object(
    {
      reason: text(5, 500, 'เหตุผลที่ยังไม่ได้รับการแก้ไข', true),
      secret: z.string({ error: 'รหัสลับไม่ถูกต้อง' }).max(100, { error: 'รหัสลับไม่ถูกต้อง' }).optional(),
    },
    { error: 'ข้อมูลต้องเป็น JSON object' },
  )
  .strict();
export type ReopenInput = z.infer<typeof reopenSchema>;

// ---------- stored documents ----------

export interface Place {
  lat?: number | undefined;
  lng?: number | undefined;
  /** Address or landmark as the person wrote it. */
  text?: string | undefined;
}

/** A complaint as stored: the case only. Who filed it is in the reporters collection, photos in their own. */
export interface Complaint {
  id: string;
  orgId: string;
  kind: ComplaintKind;
  category: string;
  title: string;
  description: string;
  place: Place | null;
  photoCount: number;
  contactPreference: (typeof CONTACT_PREFERENCES)[number];
  /** True when nobody can be told of progress in LINE (anonymous, or filed without a LINE login). */
  anonymous: boolean;
  trackingCode: string;
  /** SHA-256 of the tracking secret, when one was issued. */
  secretHash: string | null;
  status: Status;
  /** Number of the last history record (updates/{seq}). */
  seq: number;
  receivedAt: string;
  dueAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The latest note written to the complainant (for the deadline explanation). */
  lastNote: string | null;
  /** Reminders already sent, by kind (see reminders.ts). */
  reminders: { dueSoon?: string; overdue?: string };
}

export type Actor =
  | { type: 'citizen' }
  | { type: 'staff'; userId: string; displayName: string }
  | { type: 'system' };

/** One history record, never changed once written. */
export interface ComplaintUpdate {
  seq: number;
  at: string;
  from: Status | null;
  to: Status;
  note: string | null;
  reason: string | null;
  forwardedTo: string | null;
  actor: Actor;
}

/** Who filed a complaint and how to reach them: readable by officers (general) or integrity officers (corruption). */
export interface Reporter {
  complaintId: string;
  kind: ComplaintKind;
  /** The verified LINE user id, or null (anonymous, or no LINE login). */
  userId: string | null;
  /** Name from the verified ID token, kept only with consent. */
  lineName: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  consent: boolean;
  consentAt: string | null;
  createdAt: string;
}

