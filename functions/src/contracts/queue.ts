/**
 * The queue API's contract: every request it takes and every response it gives, as zod schemas and the types inferred
 * from them. Routes validate requests with these schemas; the LIFF pages import the types (`import type`, so nothing
 * of zod reaches the LIFF bundle). Pure: zod and the shared pure rules (clean text, Thai digits, Bangkok dates) only;
 * no node, no Firestore.
 * Routes and fields: docs/queue.md.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';
import { thaiDigitsToArabic } from '../text/numbers.ts';
import { isValidDate } from '../time/bangkok.ts';
import { deliveryStateSchema } from './quota.ts';

// ---------- the words of a ticket's life (the transition table is queue/workflow.ts) ----------

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export const ticketStateSchema = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof ticketStateSchema>;

export const LOG_ACTIONS = ['issue', 'call', 'recall', 'start', 'complete', 'skip', 'cancel', 'reinstate'] as const;
export const logActionSchema = z.enum(LOG_ACTIONS);
export type LogAction = z.infer<typeof logActionSchema>;

/** Where a staff action came from: the LIFF page, the staff web page, the staff LINE group, the command line. */
export const VIAS = ['liff', 'staff-page', 'group', 'cli'] as const;
export type Via = (typeof VIAS)[number];

// ---------- ids and days ----------

export const serviceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'รหัสบริการใช้ a-z, 0-9 และ - ไม่เกิน 64 ตัว' });
export const counterIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,19}$/, { error: 'รหัสช่องบริการใช้ a-z, 0-9 และ - ไม่เกิน 20 ตัว' });

/** `{serviceId}-{yyyymmdd}-{number}`. */
export const ticketIdSchema = z
  .string()
  .max(90)
  .regex(/^[a-z0-9][a-z0-9-]{0,63}-\d{8}-\d{1,5}$/, { error: 'รหัสบัตรคิวไม่ถูกต้อง' });

/** A Bangkok day in a path or query, Thai digits accepted. */
export const dayParam = z
  .string()
  .transform(thaiDigitsToArabic)
  .refine(isValidDate, { error: 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)' });

// ---------- services (admin requests) ----------

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
/** 1 = Monday … 7 = Sunday; `HH:MM` Bangkok time, tickets from `open` until `close`. */
export type OpeningHours = z.infer<typeof hoursSchema>;

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

/** A service as stored and as operators list it (`GET …/staff/queue/services`). */
export interface QueueService extends z.infer<typeof serviceFieldsSchema> {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** A day the office is closed (วันหยุดราชการ, วันหยุดพิเศษ): citizens cannot take tickets from LINE that day. */
export const closedDaySchema = z
  .object({
    day: dayParam,
    name: safeText({ min: 1, max: 60, notText: 'กรุณาระบุชื่อวันหยุด', tooShort: 'กรุณาระบุชื่อวันหยุด', tooLong: 'ชื่อวันหยุดยาวเกิน 60 ตัวอักษร' }),
  })
  .strict();
export const closedDayBody = closedDaySchema.omit({ day: true });

// ---------- citizen and staff requests ----------

const reason = safeText({ min: 3, max: 200, notText: 'กรุณาระบุเหตุผล', tooShort: 'กรุณาระบุเหตุผลอย่างน้อย 3 ตัวอักษร', tooLong: 'เหตุผลยาวเกิน 200 ตัวอักษร' });
export const REASON_MAX = 200;

export const viaSchema = z.enum(VIAS).default('staff-page');

/**
 * Taking a ticket. `notifyNear`: the citizen asks for a LINE message when their turn is near (it costs a message of
 * the organisation's monthly quota, so it is off unless asked for); being called always reaches them.
 */
export const takeTicketBody = z.object({ notifyNear: z.boolean().default(false) }).strict();
export type TakeTicketRequest = z.input<typeof takeTicketBody>;
export const cancelMyTicketBody = z.object({}).strict();

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
export type CallNextRequest = z.input<typeof callNextBody>;
export type CallTicketRequest = z.input<typeof callTicketBody>;
export type RecallRequest = z.input<typeof recallBody>;
export type ReasonRequest = z.input<typeof reasonBody>;
export type WalkInRequest = z.input<typeof walkInBody>;

export const serviceParams = z.object({ serviceId: serviceIdSchema });
export const ticketParams = z.object({ ticketId: ticketIdSchema });
export const dayQuery = z.object({ day: dayParam.optional() });
export const closedDayParams = z.object({ day: dayParam });
export const statsQuery = z.object({ from: dayParam.optional(), to: dayParam.optional(), service: serviceIdSchema.optional() });
export const boardQuery = z.object({
  services: z
    .string()
    .max(1000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(serviceIdSchema).max(30))
    .optional(),
});

// ---------- responses ----------

const nowCalling = z.array(z.object({ label: z.string(), counter: z.string() }));
const storedCounter = z.object({ id: z.string(), name: z.string() });
const storedHours = z.object({ days: z.array(z.number()), open: z.string(), close: z.string() });

/** What citizens see of a service (`GET /services`); `closedToday` is today's closed day, which shuts every service. */
export const publicServiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  prefix: z.string(),
  location: z.string(),
  counters: z.array(storedCounter),
  hours: storedHours.nullable(),
  hoursText: z.string(),
  openNow: z.boolean(),
  closedToday: z.object({ name: z.string() }).nullable(),
  manualIds: z.array(z.string()),
});
export type PublicService = z.infer<typeof publicServiceSchema>;

/** A service and its queue right now (`GET /services/:serviceId`): the "take a ticket" page. */
export const serviceStatusSchema = publicServiceSchema.extend({
  day: z.string(),
  waiting: z.number(),
  nowCalling,
  estimatedWaitMinutes: z.number(),
  takeTicketUrl: z.string().nullable(),
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;

/** A ticket as its page shows it. */
export const ticketViewSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  location: z.string(),
  day: z.string(),
  number: z.number(),
  label: z.string(),
  state: ticketStateSchema,
  stateLabel: z.string(),
  /** 1 = next to be called; null when not waiting. */
  position: z.number().nullable(),
  ahead: z.number().nullable(),
  estimatedWaitMinutes: z.number().nullable(),
  counter: storedCounter.nullable(),
  walkIn: z.boolean(),
  /** The citizen asked to be told by LINE when their turn is near. */
  notifyNear: z.boolean(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  lastCalledAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** How often it has been called (1 + recalls); a recall button carries it (one press, one announcement). */
  calls: z.number(),
  /** What the counters are calling now, e.g. [{ label: "A004", counter: "ช่อง 1" }]. */
  nowCalling,
  pageUrl: z.string().nullable(),
  /** After service: the satisfaction form for this visit. */
  ratingUrl: z.string().nullable(),
  /** How soon the page should ask again (0: finished). */
  pollAfterSeconds: z.number(),
  /** On the ticket's own page while it is called: the LINE message about the call did not reach the citizen. */
  callNotDelivered: deliveryStateSchema.optional(),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

/** `POST /services/:serviceId/tickets`: 201 a new ticket, 200 the one the caller already holds. */
export const takeTicketResponseSchema = ticketViewSchema.extend({ created: z.boolean() });
export type TakeTicketResponse = z.infer<typeof takeTicketResponseSchema>;

export const myTicketsSchema = z.object({ tickets: z.array(ticketViewSchema) });
export type MyTickets = z.infer<typeof myTicketsSchema>;

/** `call-next` and `call`: the ticket now called (null: nobody waits) and the counter's previous one, completed. */
export const callResultSchema = z.object({ called: ticketViewSchema.nullable(), completed: ticketViewSchema.nullable(), waiting: z.number() });
export type CallResult = z.infer<typeof callResultSchema>;

/** A ticket in the operator's lists. */
export const ticketBriefSchema = z.object({
  id: z.string(),
  label: z.string(),
  number: z.number(),
  state: ticketStateSchema,
  walkIn: z.boolean(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  calls: z.number(),
  counterId: z.string().nullable(),
});
export type TicketBrief = z.infer<typeof ticketBriefSchema>;

/** `GET …/staff/queue/services/:serviceId`: the operator's desk. */
export const operatorViewSchema = z.object({
  service: publicServiceSchema,
  day: z.string(),
  counters: z.array(storedCounter.extend({ current: z.array(ticketBriefSchema) })),
  waiting: z.array(ticketBriefSchema.extend({ ahead: z.number() })),
  finished: z.array(ticketBriefSchema),
  counts: z.object({ issued: z.number(), waiting: z.number(), done: z.number(), noShow: z.number() }),
  estimatedWaitMinutes: z.number(),
});
export type OperatorView = z.infer<typeof operatorViewSchema>;

/** One entry of the call log: append-only evidence of who did what to which ticket, when, at which counter. */
export const logEntrySchema = z.object({
  /** `{number:5}-{seq:3}`: deterministic, so one transition of a ticket is claimed exactly once. */
  id: z.string(),
  ticketId: z.string(),
  serviceId: z.string(),
  day: z.string(),
  number: z.number(),
  label: z.string(),
  seq: z.number(),
  action: logActionSchema,
  from: ticketStateSchema.nullable(),
  to: ticketStateSchema,
  counterId: z.string().nullable(),
  counterName: z.string().nullable(),
  at: z.string(),
  by: z.object({ userId: z.string().nullable(), name: z.string(), kind: z.enum(['citizen', 'staff', 'system']) }),
  via: z.enum(VIAS),
  /** Called before a lower waiting number: the lowest waiting number at that moment, and the stated reason. */
  outOfOrder: z.boolean(),
  firstWaiting: z.number().nullable(),
  reason: z.string().nullable(),
  /** Done by the system on the operator's behalf (the counter's previous ticket completed by "call next"). */
  auto: z.boolean(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/**
 * An entry as staff read it (the desk's log, GET …/log): who acted by name and kind only. The stored entry's LINE user
 * id (a citizen's, or a staff member's) never leaves the server (decision 114); the route answers through this schema,
 * which drops it.
 */
export const logEntryViewSchema = logEntrySchema.extend({ by: z.object({ name: z.string(), kind: z.enum(['citizen', 'staff', 'system']) }) });
export type LogEntryView = z.infer<typeof logEntryViewSchema>;

export const callLogResponseSchema = z.object({ serviceId: z.string(), day: z.string(), entries: z.array(logEntryViewSchema) });
export type CallLogResponse = z.infer<typeof callLogResponseSchema>;

/** `GET /queue/board`: what the TV board shows. `calls[].key` changes with every call and recall. */
export const boardDataSchema = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  day: z.string(),
  generatedAt: z.string(),
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      prefix: z.string(),
      location: z.string(),
      counters: z.array(z.object({ id: z.string(), name: z.string(), current: z.object({ label: z.string(), state: ticketStateSchema, calls: z.number() }).nullable() })),
      next: z.array(z.string()),
      waiting: z.number(),
    }),
  ),
  calls: z.array(z.object({ key: z.string(), label: z.string(), counter: z.string(), service: z.string(), at: z.string() })),
});
export type BoardData = z.infer<typeof boardDataSchema>;

/** `GET …/staff/queue/services` (each a `QueueService`, inactive ones too), and what adding or changing one answers. */
export const queueServiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  prefix: z.string(),
  counters: z.array(storedCounter),
  hours: storedHours.nullable(),
  manualIds: z.array(z.string()),
  location: z.string(),
  typicalServiceMinutes: z.number(),
  staffGroupIds: z.array(z.string()).optional(),
  active: z.boolean(),
  order: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// The stored service is what the answer's schema says (a type error here means the two drifted apart).
const _queueServiceAgrees: QueueService extends z.infer<typeof queueServiceSchema> ? true : never = true;

/** `GET /queue/closed-days`. */
export const closedDaysResponseSchema = z.array(z.object({ day: z.string(), name: z.string() }));

const statsFigures = {
  issued: z.number(),
  walkIns: z.number(),
  served: z.number(),
  noShows: z.number(),
  cancelled: z.number(),
  /** Still waiting, called or serving when the statistics were read. */
  open: z.number(),
  waitMedianMinutes: z.number().nullable(),
  waitP90Minutes: z.number().nullable(),
  serviceMedianMinutes: z.number().nullable(),
  serviceP90Minutes: z.number().nullable(),
  /** Tickets issued per Bangkok hour ("08" → 12). */
  issuedByHour: z.record(z.string(), z.number()),
  /** Calls made before a lower waiting number, each with a reason in the call log. */
  outOfOrderCalls: z.number(),
};
export const dayStatsSchema = z.object({ day: z.string(), serviceId: z.string(), serviceName: z.string(), ...statsFigures });
export type DayStats = z.infer<typeof dayStatsSchema>;

/** `GET /queue/stats`: per day and service, per service over the range, and in total. */
export const queueStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(dayStatsSchema),
  byService: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), ...statsFigures })),
  totals: z.object(statsFigures),
});
export type QueueStats = z.infer<typeof queueStatsSchema>;
