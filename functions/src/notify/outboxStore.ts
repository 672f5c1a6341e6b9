import { createHash } from 'node:crypto';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { DeliveryStatus } from '../contracts/quota.ts';
import { priorityField, QUOTA_COLLECTIONS, topicField } from '../quota/schema.ts';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import type { CancelOutcome, Notification } from './notifier.ts';
import type { PushPriority } from './priorities.ts';

/**
 * The outbox: one document per notification, in a top-level collection (so one query finds due deliveries across
 * organisations on real Firestore and on the embedded emulator alike). A delivery is attempted until LINE accepts it.
 * The only Firestore code of notify/: each final mark of a delivery writes the item and the month's push aggregate
 * (`orgs/{orgId}/pushUsage/{yyyy-mm}`, quota/schema.ts) in one commit, so the count summarises exactly the items.
 */
export const outboxItemSchema = z.object({
  orgId: z.string(),
  key: z.string(),
  topic: z.string(),
  to: z.string(),
  /** The messages as JSON text: Firestore rejects some shapes of LINE message objects as fields (nested arrays). */
  messages: z.string(),
  /** `quota`: LINE refused it, monthly quota used up (not retried); `capped`: skipped near the organisation's cap. */
  status: z.enum(['pending', 'sent', 'failed', 'refused', 'cancelled', 'quota', 'capped']),
  attempts: z.number().int(),
  nextAttemptAt: z.custom<{ toDate(): Date }>((v) => typeof (v as { toDate?: unknown })?.toDate === 'function').transform((v) => v.toDate()),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  /** When it became final without being delivered (`quota`, `capped`). */
  notDeliveredAt: z.string().optional(),
  lastError: z.string().optional(),
  /** LINE refused the messages (400): where and why, in LINE's words (property paths, no content). */
  refusal: z.object({ message: z.string(), details: z.array(z.object({ property: z.string(), message: z.string() })) }).optional(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema> & { id: string };

const outbox = (db: Firestore) => db.collection(COLLECTIONS.outbox);

/** Deterministic id: the same (organisation, key) is one document, so asking twice queues once. */
export function outboxId(orgId: string, key: string): string {
  return `${orgId}-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

export async function enqueueNotification(db: Firestore, n: Notification, now: Date): Promise<{ id: string; created: boolean }> {
  const id = outboxId(n.orgId, n.key);
  const created = await createIfAbsent(() =>
    outbox(db).doc(id).create({
      orgId: n.orgId,
      key: n.key,
      topic: n.topic,
      to: n.to,
      messages: JSON.stringify(n.messages),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: n.notBefore && n.notBefore > now ? n.notBefore : now,
      createdAt: now.toISOString(),
    }),
  );
  return { id, created };
}

/**
 * Withdraws a notification that has not gone out (a change undone within its window). The item stays, marked
 * `cancelled`, for the record. A sweep that read the item as pending just before may still push it: the undo window
 * ends before `notBefore`, so a cancel arrives well before the delivery is due (see complaints/undo.ts).
 */
export async function cancelNotification(db: Firestore, orgId: string, key: string, now: Date): Promise<CancelOutcome> {
  const ref = outbox(db).doc(outboxId(orgId, key));
  const snap = await ref.get();
  if (!snap.exists) return 'absent';
  if (snap.get('status') !== 'pending') return snap.get('status') === 'cancelled' ? 'cancelled' : 'too-late';
  await ref.update({ status: 'cancelled', cancelledAt: now.toISOString(), expireAt: new Date(now.getTime() + 90 * 86_400_000) });
  return 'cancelled';
}

export async function getOutboxItem(db: Firestore, id: string): Promise<OutboxItem | null> {
  const snap = await outbox(db).doc(id).get();
  return snap.exists ? { id, ...outboxItemSchema.parse(snap.data()) } : null;
}

export async function listDueNotifications(db: Firestore, now: Date, limit = 100): Promise<string[]> {
  const snap = await outbox(db).where('status', '==', 'pending').where('nextAttemptAt', '<=', now).limit(limit).get();
  return snap.docs.map((d) => d.id);
}

/** Where a delivery is counted: the organisation's month (Bangkok) and the push's topic and priority. */
export interface UsageKey {
  orgId: string;
  month: string;
  topic: string;
  priority: PushPriority;
}

const usageRef = (db: Firestore, u: UsageKey) => db.collection(COLLECTIONS.orgs).doc(u.orgId).collection(QUOTA_COLLECTIONS.usage).doc(u.month);
const KEEP_MS = 90 * 86_400_000;

/**
 * Delivered. `counted`: this call's push was the one LINE accepted (not a 409 for a retry key another deliverer
 * used), so it is added to the month's aggregate — in the same commit as the item, so the two agree on real
 * Firestore (a batch is atomic there; the embedded emulator applies it write by write).
 */
export async function markNotificationSent(db: Firestore, id: string, attempts: number, now: Date, counted?: UsageKey): Promise<void> {
  const batch = db.batch();
  batch.update(outbox(db).doc(id), {
    status: 'sent',
    attempts,
    sentAt: now.toISOString(),
    // Kept 90 days for the record, then removed by the TTL policy on expireAt.
    expireAt: new Date(now.getTime() + KEEP_MS),
  });
  if (counted) {
    batch.set(
      usageRef(db, counted),
      {
        month: counted.month,
        pushes: FieldValue.increment(1),
        // Flat fields: an increment inside a nested map is not supported by the embedded emulator.
        [priorityField(counted.priority)]: FieldValue.increment(1),
        [topicField(counted.topic)]: FieldValue.increment(1),
      },
      { merge: true },
    );
  }
  await batch.commit();
}

/**
 * Final without delivery: `quota` (LINE's monthly limit: never retried, the month's `notDelivered` grows and the
 * time LINE said so is kept) or `capped` (skipped near the organisation's cap: `capped` grows).
 */
export async function markNotificationNotDelivered(
  db: Firestore,
  id: string,
  update: { status: 'quota' | 'capped'; attempts: number; now: Date; usage: UsageKey; lastError: string },
): Promise<void> {
  const batch = db.batch();
  batch.update(outbox(db).doc(id), {
    status: update.status,
    attempts: update.attempts,
    lastError: update.lastError,
    notDeliveredAt: update.now.toISOString(),
    expireAt: new Date(update.now.getTime() + KEEP_MS),
  });
  batch.set(
    usageRef(db, update.usage),
    update.status === 'quota'
      ? { month: update.usage.month, notDelivered: FieldValue.increment(1), lineLimitReachedAt: update.now.toISOString() }
      : { month: update.usage.month, capped: FieldValue.increment(1) },
    { merge: true },
  );
  await batch.commit();
}

/**
 * What became of notifications, by their keys (a complaint update's `complainantUpdateKey`, a ticket's
 * `ticket:{id}:called:{n}`…): the outbox item's status and when it became final; absent keys are left out.
 * One round trip (getAll) however many keys.
 */
export async function getDeliveryStatuses(
  db: Firestore,
  orgId: string,
  keys: string[],
): Promise<Map<string, { status: DeliveryStatus; at: string | null }>> {
  const out = new Map<string, { status: DeliveryStatus; at: string | null }>();
  if (keys.length === 0) return out;
  const snaps = await db.getAll(...keys.map((k) => outbox(db).doc(outboxId(orgId, k))));
  snaps.forEach((snap, i) => {
    if (!snap.exists) return;
    const item = outboxItemSchema.safeParse(snap.data());
    if (!item.success) return;
    out.set(keys[i]!, { status: item.data.status, at: item.data.sentAt ?? item.data.notDeliveredAt ?? null });
  });
  return out;
}

export async function markNotificationFailed(
  db: Firestore,
  id: string,
  update: { attempts: number; nextAttemptAt: Date; lastError: string; giveUp: boolean },
): Promise<void> {
  await outbox(db).doc(id).update({
    status: update.giveUp ? 'failed' : 'pending',
    attempts: update.attempts,
    nextAttemptAt: update.nextAttemptAt,
    lastError: update.lastError,
  });
}

/** LINE refused the messages as built: final, kept with LINE's details for whoever fixes the builder. */
export async function markNotificationRefused(
  db: Firestore,
  id: string,
  update: { attempts: number; refusal: { message: string; details: Array<{ property: string; message: string }> } },
): Promise<void> {
  await outbox(db).doc(id).update({
    status: 'refused',
    attempts: update.attempts,
    lastError: `LINE answered 400: ${update.refusal.message}`.slice(0, 200),
    refusal: update.refusal,
  });
}
