import { z } from 'zod';

/**
 * Push-quota data of an organisation (docs/decisions/110-push-quota-and-priorities.md):
 * - `orgs/{orgId}/pushUsage/{yyyy-mm}`: the month's aggregate, written in the same commit as the outbox item it counts
 *   (notify/outboxStore.ts) and LINE's readings (quota/store.ts). One document per organisation and month.
 * - `orgs/{orgId}/quotaSettings/current`: the admin's monthly cap.
 * - `orgs/{orgId}/quotaAlerts/{yyyy-mm}-{kind}`: created once per month and kind (create-if-absent), so an alert is
 *   raised once however many deliveries meet the condition.
 */
export const QUOTA_COLLECTIONS = { usage: 'pushUsage', settings: 'quotaSettings', alerts: 'quotaAlerts' } as const;
export const SETTINGS_DOC = 'current';

const count = z.number().int().nonnegative().default(0);

const TOPIC_PREFIX = 'topic_';
const PRIORITY_PREFIX = 'pushes_';

/** Field of the per-priority count: flat (`pushes_high`), since the embedded emulator cannot increment inside a map. */
export const priorityField = (priority: 'high' | 'normal' | 'low') => `${PRIORITY_PREFIX}${priority}` as const;
/** Field of the per-topic count, `topic_complaint_new` (dots replaced: a field name must not read as a path). */
export const topicField = (topic: string) => `${TOPIC_PREFIX}${topic.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100)}`;

const storedUsageSchema = z.object({
  month: z.string(),
  pushes: count,
  pushes_high: count,
  pushes_normal: count,
  pushes_low: count,
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
}).loose();

/** The month's aggregate as the service reads it: counts per priority and per topic gathered from the flat fields. */
export const pushUsageSchema = storedUsageSchema.transform((d) => {
  const byTopic: Record<string, number> = {};
  for (const [k, v] of Object.entries(d)) if (k.startsWith(TOPIC_PREFIX) && typeof v === 'number') byTopic[k.slice(TOPIC_PREFIX.length)] = v;
  return {
    month: d.month,
    pushes: d.pushes,
    byPriority: { high: d.pushes_high, normal: d.pushes_normal, low: d.pushes_low },
    byTopic,
    capped: d.capped,
    notDelivered: d.notDelivered,
    ...(d.lineLimitReachedAt ? { lineLimitReachedAt: d.lineLimitReachedAt } : {}),
    ...(d.line ? { line: d.line } : {}),
  };
});
export type PushUsage = z.output<typeof pushUsageSchema>;

export const emptyUsage = (month: string): PushUsage => pushUsageSchema.parse({ month });

export const quotaSettingsSchema = z.object({
  monthlyCap: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
  /** Staff user id of the admin who set it (never shown to residents). */
  updatedBy: z.string(),
});
export type QuotaSettings = z.infer<typeof quotaSettingsSchema>;

export type AlertKind = 'line-limit' | 'warning';
