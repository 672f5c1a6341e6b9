import { z } from 'zod';

/**
 * The push-quota API (staff home): this month's pushes counted by the product, LINE's quota and consumption when
 * read, the organisation's own cap, and where they stand. Pure: zod only; the LIFF app imports the types.
 */
export const pushPrioritySchema = z.enum(['high', 'normal', 'low']);

export const quotaViewSchema = z.object({
  /** `yyyy-mm`, Bangkok time. */
  month: z.string(),
  /** Push requests LINE accepted this month, counted by the product when each was delivered. */
  pushes: z.number().int(),
  byPriority: z.object({ high: z.number().int(), normal: z.number().int(), low: z.number().int() }),
  /** Pushes not sent because the month's limit was near (low priority) or reached (normal priority). */
  capped: z.number().int(),
  /** Pushes LINE refused with its monthly-limit 429 (marked `quota` on the outbox item). */
  notDelivered: z.number().int(),
  /** LINE's own figures as last read (daily): its monthly limit (`null`: none set) and messages counted. */
  line: z.object({ limit: z.number().int().nullable(), consumption: z.number().int(), readAt: z.string() }).nullable(),
  /** The organisation's monthly cap set by an admin (`null`: none). */
  cap: z.number().int().nullable(),
  /** The limit in force: the smaller of the cap and LINE's quota; null when neither is set. */
  limit: z.number().int().nullable(),
  /** Best estimate of messages spent this month: LINE's last reading plus our pushes since, or our count if larger. */
  used: z.number().int(),
  /** used / limit in whole percent; null without a limit. */
  percent: z.number().int().nullable(),
  /** At or past 80 % of the limit. */
  warning: z.boolean(),
  /** Low-priority pushes (digests, weekly summaries, "your turn is near") are being skipped. */
  lowPrioritySkipped: z.boolean(),
  /** When LINE last answered "You have reached your monthly limit." this month. */
  lineLimitReachedAt: z.string().nullable(),
  /** A Thai sentence for the staff home when something needs attention, else null. */
  notice: z.string().nullable(),
});
export type QuotaView = z.infer<typeof quotaViewSchema>;

/** PUT /api/orgs/:orgId/quota/cap (admin): a whole number of messages per month, or null for none. */
export const setCapSchema = z.object({
  monthlyCap: z
    .number({ error: 'ใส่จำนวนข้อความต่อเดือนเป็นตัวเลข' })
    .int('ใส่จำนวนเต็ม')
    .min(0, 'ต้องไม่ติดลบ')
    .max(10_000_000, 'มากเกินไป')
    .nullable(),
}).strict();
export type SetCap = z.infer<typeof setCapSchema>;

/**
 * What became of one notification (outbox item), for tracking pages: `quota` = not delivered, LINE's monthly quota
 * was used up; `capped` = not sent, the organisation's monthly cap was near or reached.
 */
export const deliveryStatusSchema = z.enum(['pending', 'sent', 'failed', 'refused', 'cancelled', 'quota', 'capped']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;
export const deliveryStateSchema = z.object({ status: deliveryStatusSchema, label: z.string(), at: z.string().nullable() });
export type DeliveryState = z.infer<typeof deliveryStateSchema>;
/** The states in which the person was not told by LINE: the tracking pages say so, because nobody else will. */
export const NOT_DELIVERED: readonly DeliveryStatus[] = ['failed', 'refused', 'quota', 'capped'];
export const isNotDelivered = (s: DeliveryState | undefined): s is DeliveryState => !!s && NOT_DELIVERED.includes(s.status);
