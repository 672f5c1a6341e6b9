/**
 * The queue's data: services (with counters and opening hours), tickets, and the call log. Zod schemas validate what
 * comes from outside (admin API, CLI, request bodies); the stored shapes are typed and written only by store.ts.
 */
import { safeText } from '../text/clean.ts';
import { z } from 'zod';
import { isValidDay } from './day.ts';
import type { LogAction, TicketState } from './workflow.ts';

const thaiDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

export const serviceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'รหัสบริการใช้ a-z, 0-9 และ - ไม่เกิน 64 ตัว' });
export const counterIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,19}$/, { error: 'รหัสช่องบริการใช้ a-z, 0-9 และ - ไม่เกิน 20 ตัว' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'เวลาต้องอยู่ในรูปแบบ HH:MM เช่น 08:30' });

export const counterSchema = z.object({
  id: counterIdSchema,
  name: safeText({ min: 1, max: 40, tooShort: 'กรุณากรอกชื่อช่องบริการ', tooLong: 'ชื่อช่องบริการยาวเกิน 40 ตัวอักษร' }),
});
export type Counter = z.infer<typeof counterSchema>;

export const hoursSchema = z
  .object({
    days: z.array(z.number().int().min(1).max(7), { error: 'วันทำการต้องเป็นตัวเลข 1 (จันทร์) ถึง 7 (อาทิตย์)' }).min(1, { error: 'ต้องมีวันทำการอย่างน้อย 1 วัน' }).max(7),
    open: hhmm,
    close: hhmm,
  })
  .strict()
  .refine((h) => h.open < h.close, { error: 'เวลาปิดต้องหลังเวลาเปิด', path: ['close'] })
  .transform((h) => ({ ...h, days: [...new Set(h.days)].sort((a, b) => a - b) }));

/** What an admin sets for a service; `id` is fixed once created. */
export const serviceFieldsSchema = z
  .object({
    name: safeText({ min: 1, max: 80, tooShort: 'กรุณากรอกชื่อบริการ', tooLong: 'ชื่อบริการยาวเกิน 80 ตัวอักษร' }),
    description: safeText({ max: 300, multiline: true, tooLong: 'คำอธิบายยาวเกิน 300 ตัวอักษร' }).default(''),
    /** Letters before the number on the ticket and the board: A → "A007". Unique within the organisation. */
    prefix: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}$/, { error: 'อักษรนำหน้าคิวต้องเป็นตัวอักษรภาษาอังกฤษ 1-2 ตัว' }),
    counters: z
      .array(counterSchema, { error: 'counters ต้องเป็นรายการ' })
      .min(1, { error: 'ต้องมีช่องบริการอย่างน้อย 1 ช่อง' })
      .max(20, { error: 'มีช่องบริการได้ไม่เกิน 20 ช่อง' })
      .superRefine((cs, ctx) => {
        cs.forEach((c, i) => {
          if (cs.findIndex((x) => x.id === c.id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `รหัสช่องบริการ ${c.id} ซ้ำ` });
        });
      }),
    /** When citizens may take a ticket (Bangkok time); null: always. Staff may issue walk-in tickets at any time. */
    hours: hoursSchema.nullable().default(null),
    /** Service manuals (คู่มือสำหรับประชาชน) this counter serves, e.g. birth-registration. */
    manualIds: z.array(serviceIdSchema).max(30).default([]),
    /** Where it is, for the ticket page and the poster: "ชั้น 1 อาคารสำนักงาน". */
    location: safeText({ max: 120 }).default(''),
    /** Minutes one person takes, used for the waiting estimate until today's own service times exist. */
    typicalServiceMinutes: z.number().int().min(1).max(240).default(10),
    /**
     * The staff LINE groups of the section that runs this service (e.g. กองคลัง's group for tax): its low-score alerts
     * go there. Each must be a registered staff group; none: every staff group.
     */
    staffGroupIds: z
      .array(z.string().regex(/^C[0-9a-f]{32}$/, { error: 'รหัสกลุ่ม LINE ไม่ถูกต้อง (ขึ้นต้นด้วย C ตามด้วยอักษร 32 ตัว)' }), { error: 'staffGroupIds ต้องเป็นรายการ' })
      .max(5, { error: 'ระบุกลุ่มเจ้าหน้าที่ได้ไม่เกิน 5 กลุ่ม' })
      .optional(),
    active: z.boolean().default(true),
    order: z.number().int().min(0).max(1000).default(0),
  })
  .strict();

export const newServiceSchema = serviceFieldsSchema.extend({ id: serviceIdSchema }).strict();
export type NewService = z.input<typeof newServiceSchema>;
const partialFields = serviceFieldsSchema.partial();
export type ServiceUpdate = z.infer<typeof partialFields>;
/**
 * A partial update: fields left out keep their value. (Zod applies a field's default even inside `.partial()`, so
 * only the keys actually sent are kept.)
 */
export const serviceUpdateSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'ต้องเป็นออบเจกต์ JSON' })
  .transform((raw, ctx): ServiceUpdate => {
    const r = partialFields.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
      return z.NEVER;
    }
    return Object.fromEntries(Object.entries(r.data).filter(([k]) => k in raw)) as ServiceUpdate;
  });

export interface QueueService extends z.infer<typeof serviceFieldsSchema> {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** A ticket as stored: the document that claimed its number (see docs/queue.md, "Numbering"). */
export interface Ticket {
  /** Public id `{serviceId}-{yyyymmdd}-{number}`: where the document lives, derivable without a lookup. */
  id: string;
  orgId: string;
  serviceId: string;
  /** Bangkok day `yyyy-mm-dd` the number belongs to. */
  day: string;
  number: number;
  label: string;
  state: TicketState;
  /** The LINE user who took it; null for a walk-in ticket issued by staff. */
  userId: string | null;
  /** The holder record `{userId}~{k}` that allowed this person this ticket (one active ticket per person). */
  holder: string | null;
  walkIn: boolean;
  issuedAt: string;
  issuedBy: string | null;
  /** First call (waiting time ends), last call, start of service, end (done, no-show, cancelled). */
  calledAt: string | null;
  lastCalledAt: string | null;
  servingAt: string | null;
  finishedAt: string | null;
  counterId: string | null;
  /** How often it was called (1 + recalls). */
  calls: number;
  /** Sequence of the last call-log entry applied to this document (0: none). */
  seq: number;
}

/** One entry of the call log: append-only evidence of who did what to which ticket, when, at which counter. */
export interface LogEntry {
  /** `{number:5}-{seq:3}`: deterministic, so one transition of a ticket is claimed exactly once. */
  id: string;
  ticketId: string;
  serviceId: string;
  day: string;
  number: number;
  label: string;
  seq: number;
  action: LogAction;
  from: TicketState | null;
  to: TicketState;
  counterId: string | null;
  counterName: string | null;
  at: string;
  by: { userId: string | null; name: string; kind: 'citizen' | 'staff' | 'system' };
  via: Via;
  /** Called before a lower waiting number: the lowest waiting number at that moment, and the stated reason. */
  outOfOrder: boolean;
  firstWaiting: number | null;
  reason: string | null;
  /** Done by the system on the operator's behalf (the counter's previous ticket completed by "call next"). */
  auto: boolean;
}

export const VIAS = ['liff', 'staff-page', 'group', 'cli'] as const;
export type Via = (typeof VIAS)[number];

// ---------- request bodies ----------

const reason = safeText({ min: 3, max: 200, notText: 'กรุณาระบุเหตุผล', tooShort: 'กรุณาระบุเหตุผลอย่างน้อย 3 ตัวอักษร', tooLong: 'เหตุผลยาวเกิน 200 ตัวอักษร' });

export const viaSchema = z.enum(VIAS).default('staff-page');

export const callNextBody = z.object({ counterId: counterIdSchema, via: viaSchema }).strict();
export const callTicketBody = z.object({ counterId: counterIdSchema, reason: reason.optional(), via: viaSchema }).strict();
export const plainActionBody = z.object({ via: viaSchema }).strict();
/** Recall: `calls` is how often the ticket had been called when the operator pressed (one press, one announcement). */
export const recallBody = z.object({ via: viaSchema, calls: z.number().int().min(1).max(1000).optional() }).strict();
export const skipBody = z.object({ reason: reason.optional(), via: viaSchema }).strict();
export const reasonBody = z.object({ reason, via: viaSchema }).strict();
export const walkInBody = z
  .object({
    /** A short note for staff (e.g. "ผู้สูงอายุ ไม่มี LINE"); no names or ID numbers. */
    note: safeText({ max: 60, tooLong: 'หมายเหตุยาวเกิน 60 ตัวอักษร' }).optional(),
    via: viaSchema,
  })
  .strict();

export const dayParam = z
  .string()
  .transform(thaiDigits)
  .refine(isValidDay, { error: 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)' });

/** A day the office is closed (วันหยุดราชการ, วันหยุดพิเศษ): citizens cannot take tickets from LINE that day. */
export const closedDaySchema = z
  .object({
    day: dayParam,
    name: safeText({ min: 1, max: 60, notText: 'กรุณาระบุชื่อวันหยุด', tooShort: 'กรุณาระบุชื่อวันหยุด', tooLong: 'ชื่อวันหยุดยาวเกิน 60 ตัวอักษร' }),
  })
  .strict();
export interface ClosedDay {
  day: string;
  name: string;
  setBy: string;
  setAt: string;
}

/** `{serviceId}-{yyyymmdd}-{number}`. */
export const ticketIdSchema = z
  .string()
  .max(90)
  .regex(/^[a-z0-9][a-z0-9-]{0,63}-\d{8}-\d{1,5}$/, { error: 'รหัสบัตรคิวไม่ถูกต้อง' });

export const REASON_MAX = 200;
