import { z } from 'zod';

/**
 * Push-quota data of an organisation (docs/decisions/100-push-quota-and-priorities.md):
 * - `orgs/{orgId}/pushUsage/{yyyy-mm}`: the month's aggregate, written in the same commit as the outbox item it counts
 *   (notify/outboxStore.ts) and LINE's readings (quota/store.ts). One document per organisation and month.
 * - `orgs/{orgId}/quotaSettings/current`: the admin's monthly cap.
 * - `orgs/{orgId}/quotaAlerts/{yyyy-mm}-{kind}`: created once per month and kind (create-if-absent), so an alert is
 *   raised once however many deliveries meet the condition.
 */
export const QUOTA_COLLECTIONS = { usage: 'pushUsage', settings: 'quotaSettings', alerts: 'quotaAlerts' } as const;
export const SETTINGS_DOC = 'current';

/** The Bangkok calendar month of an instant, `yyyy-mm` (UTC+7 all year). */
export function bangkokMonth(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** The Bangkok calendar day of an instant, `yyyy-mm-dd`. */
export function bangkokDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const count = z.number().int().nonnegative().default(0);

export const pushUsageSchema = z.object({
  month: z.string(),
  pushes: count,
  byPriority: z.object({ high: count, normal: count, low: count }).default({ high: 0, normal: 0, low: 0 }),
  /** Counted per topic, dots replaced by `_` (a Firestore field name must not hold a path). */
  byTopic: z.record(z.string(), z.number().int()).default({}),
  capped: count,
  notDelivered: count,
  lineLimitReachedAt: z.string().optional(),
  line: z
    .object({
      limit: z.number().int().nullable(),
      consumption: z.number().int(),
      readAt: z.string(),
      /** Our `pushes` when LINE was read: pushes since then are added to LINE's figure for the estimate. */
      pushesAtRead: z.number().int(),
    })
    .optional(),
});
export type PushUsage = z.infer<typeof pushUsageSchema>;

export const emptyUsage = (month: string): PushUsage => pushUsageSchema.parse({ month });

export const quotaSettingsSchema = z.object({
  monthlyCap: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
  /** Staff user id of the admin who set it (never shown to residents). */
  updatedBy: z.string(),
});
export type QuotaSettings = z.infer<typeof quotaSettingsSchema>;

export type AlertKind = 'line-limit' | 'warning';

/** Field-safe form of a topic for `byTopic`. */
export const topicField = (topic: string) => topic.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100);
