import { safeText } from '../text/clean.ts';
import { z } from 'zod';
import { MANUAL_CATEGORIES, manualIdSchema, type ManualSummary } from '../contracts/manuals.ts';

/**
 * A citizen service manual (คู่มือสำหรับประชาชน), shaped after the national template that the Licensing Facilitation
 * Act (พ.ร.บ. การอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558) requires every office to publish:
 * service, legal basis, where and when, criteria, steps with the time each takes and who does it, total time,
 * documents (originals and copies), fees, complaint channels, remarks.
 *
 * All text is Thai and citizen-facing. Standard manuals are written once, with placeholders (see `content/`), and
 * filled in per organisation; an organisation then adapts its own copy (import CLI).
 */

export { MANUAL_CATEGORIES, manualIdSchema, type ManualSummary };

/** Free text of a manual (admins import it): cleaned of control and bidi characters (text/clean.ts), newlines kept. */
const text = (max: number) => safeText({ min: 1, max, multiline: true });

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'business-days'] as const;
export const DURATION_UNIT_LABELS: Record<(typeof DURATION_UNITS)[number], string> = {
  minutes: 'นาที',
  hours: 'ชั่วโมง',
  days: 'วัน',
  'business-days': 'วันทำการ',
};

/** A length of time as a number (for sorting, sums, "how long") plus the Thai wording shown to people. */
export const durationSchema = z.object({
  amount: z.number().nonnegative().max(10_000),
  unit: z.enum(DURATION_UNITS),
  /** e.g. "15 นาที", "ไม่เกิน 45 วัน", "ภายในวันที่ยื่นเรื่อง". */
  text: text(200),
});
export type Duration = z.infer<typeof durationSchema>;

export const STEP_KINDS = ['check', 'consider', 'sign', 'service'] as const;
/** The national template's step types. */
export const STEP_KIND_LABELS: Record<(typeof STEP_KINDS)[number], string> = {
  check: 'การตรวจสอบเอกสาร',
  consider: 'การพิจารณา',
  sign: 'การลงนาม/อนุมัติ',
  service: 'การให้บริการ',
};

export const stepSchema = z.object({
  kind: z.enum(STEP_KINDS).default('service'),
  /** Short, e.g. "ยื่นคำร้องและตรวจเอกสาร". */
  title: text(120),
  description: text(1000),
  /** Who does this step, e.g. "งานทะเบียนราษฎร สำนักปลัด". */
  responsibleUnit: text(200),
  duration: durationSchema,
});
export type Step = z.infer<typeof stepSchema>;

export const documentSchema = z.object({
  /** identity: เอกสารยืนยันตัวตนที่ออกโดยหน่วยงานภาครัฐ; supporting: เอกสารอื่นสำหรับยื่นเพิ่มเติม. */
  group: z.enum(['identity', 'supporting']).default('supporting'),
  name: text(300),
  /** The authority that issues it, e.g. "กรมการปกครอง"; "ผู้ยื่นคำขอ" for forms the applicant fills in. */
  issuer: text(200),
  originals: z.number().int().min(0).max(50),
  copies: z.number().int().min(0).max(50),
  /** หน่วยนับ: ฉบับ, ชุด, ฉบับ/ราย ... */
  unit: text(20).default('ฉบับ'),
  /** When it is needed, if not always: "กรณีมอบอำนาจ". */
  condition: text(300).optional(),
  note: text(500).optional(),
});
export type ManualDocument = z.infer<typeof documentSchema>;

export const feeItemSchema = z.object({
  label: text(300),
  /** Baht; 0 is free; null when the amount depends on the case or a local ordinance (explained in `note`). */
  amountBaht: z.number().nonnegative().max(100_000_000).nullable(),
  /** What the amount is for: "ต่อฉบับ", "ต่อตารางเมตร", "ต่อเดือน". */
  per: text(60).optional(),
  note: text(500).optional(),
});
export type FeeItem = z.infer<typeof feeItemSchema>;

export const feesSchema = z
  .object({
    /** True when the service itself costs nothing (fines for lateness are not fees). */
    free: z.boolean(),
    /** One Thai sentence that answers "เสียเงินไหม / เท่าไร". */
    summary: text(300),
    items: z.array(feeItemSchema).max(30).default([]),
    note: text(1000).optional(),
  })
  .refine((f) => f.free || f.items.length > 0, { message: 'a service that is not free lists its fee items', path: ['items'] });
export type Fees = z.infer<typeof feesSchema>;

export const locationSchema = z.object({
  place: text(500),
  hours: text(300),
  note: text(500).optional(),
});
export type ManualLocation = z.infer<typeof locationSchema>;

export const complaintChannelSchema = z.object({
  name: text(200),
  detail: text(500),
});
export type ComplaintChannel = z.infer<typeof complaintChannelSchema>;

export const contactSchema = z.object({
  unit: text(200),
  /** May be empty when the organisation has not given a number. */
  phone: safeText({ max: 100 }).default(''),
  address: safeText({ max: 500, multiline: true }).default(''),
});
export type ManualContact = z.infer<typeof contactSchema>;

export const MANUAL_CATEGORY_LABELS: Record<(typeof MANUAL_CATEGORIES)[number], string> = {
  registration: 'งานทะเบียนราษฎรและบัตร',
  permit: 'การขออนุญาต',
  tax: 'ภาษีท้องถิ่น',
  welfare: 'สวัสดิการและการช่วยเหลือ',
  'public-service': 'บริการสาธารณะ',
  rights: 'สิทธิของประชาชน',
};

/** Everything an organisation writes about a service. */
export const manualContentSchema = z.object({
  id: manualIdSchema,
  title: text(200),
  category: z.enum(MANUAL_CATEGORIES),
  /** Other names people use: "แจ้งเกิด", "ใบเกิด", "สูติบัตร". Used by search. */
  keywords: z.array(text(100)).max(60).default([]),
  /** One line for lists and search results. */
  summary: text(300),
  description: text(3000),
  /** หน่วยงานที่รับผิดชอบ. */
  responsibleUnit: text(200),
  /** The counter or desk where the service is given. */
  counter: text(300),
  /** Who may apply (ผู้มีสิทธิ์ยื่นคำขอ). */
  eligibility: z.array(text(500)).min(1).max(20),
  /** หลักเกณฑ์ วิธีการ เงื่อนไข: deadlines, conditions. */
  conditions: z.array(text(1000)).max(20).default([]),
  legalBasis: z.array(text(300)).min(1).max(20),
  locations: z.array(locationSchema).min(1).max(10),
  steps: z.array(stepSchema).min(1).max(20),
  totalTime: durationSchema,
  documents: z.array(documentSchema).max(40),
  fees: feesSchema,
  complaintChannels: z.array(complaintChannelSchema).min(1).max(10),
  contact: contactSchema,
  /**
   * The queue service (บัตรคิว) for this manual's counter, if the organisation runs one. Null rather than absent, so
   * every stored manual has every top-level field (a whole-document write then clears it on every Firestore).
   */
  queueServiceId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).nullable().default(null),
  /** Pages of the organisation's LIFF app that do this service online (e.g. the complaint form). */
  online: z
    .array(
      z.object({
        /** A button label: LINE cuts labels past 20 characters. */
        label: text(20),
        /** Path inside the LIFF app, e.g. "complaints/new". */
        liffPath: z.string().regex(/^[a-z0-9][a-z0-9/_=&?-]{0,99}$/, 'LIFF path: lowercase path and query'),
      }),
    )
    .max(3)
    .default([]),
  remarks: z.array(text(1000)).max(20).default([]),
});
export type ManualContent = z.infer<typeof manualContentSchema>;
/** What content authors write (defaults may be left out). */
export type ManualContentInput = z.input<typeof manualContentSchema>;

export const manualSchema = manualContentSchema.extend({
  /** standard: as instantiated from the national templates; organisation: edited by the organisation. */
  source: z.enum(['standard', 'organisation']),
  /** Version of the standard templates this manual started from. */
  templateVersion: z.number().int().positive(),
  /** ISO 8601. */
  updatedAt: z.string().datetime({ offset: true }),
});
export type Manual = z.infer<typeof manualSchema>;

/** The list view (contracts/manuals.ts). */

export function summarizeManual(manual: Manual): ManualSummary {
  return {
    id: manual.id,
    title: manual.title,
    summary: manual.summary,
    category: manual.category,
    totalTime: manual.totalTime.text,
    fee: manual.fees.summary,
  };
}

/** Duration in minutes, for ordering and comparison only (a day, working or not, counts as 24 hours). */
export function durationInMinutes(d: Duration): number {
  switch (d.unit) {
    case 'minutes':
      return d.amount;
    case 'hours':
      return d.amount * 60;
    case 'days':
    case 'business-days':
      return d.amount * 24 * 60;
  }
}
