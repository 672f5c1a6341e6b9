import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import type { Notification } from './notifier.ts';

/**
 * The outbox: one document per notification, in a top-level collection (so one query finds due deliveries across
 * organisations on real Firestore and on the embedded emulator alike). A delivery is attempted until LINE accepts it.
 */
export const outboxItemSchema = z.object({
  orgId: z.string(),
  key: z.string(),
  topic: z.string(),
  to: z.string(),
  /** The messages as JSON text: Firestore rejects some shapes of LINE message objects as fields (nested arrays). */
  messages: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'refused']),
  attempts: z.number().int(),
  nextAttemptAt: z.custom<{ toDate(): Date }>((v) => typeof (v as { toDate?: unknown })?.toDate === 'function').transform((v) => v.toDate()),
  createdAt: z.string(),
  sentAt: z.string().optional(),
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
      nextAttemptAt: now,
      createdAt: now.toISOString(),
    }),
  );
  return { id, created };
}

export async function getOutboxItem(db: Firestore, id: string): Promise<OutboxItem | null> {
  const snap = await outbox(db).doc(id).get();
  return snap.exists ? { id, ...outboxItemSchema.parse(snap.data()) } : null;
}

export async function listDueNotifications(db: Firestore, now: Date, limit = 100): Promise<string[]> {
  const snap = await outbox(db).where('status', '==', 'pending').where('nextAttemptAt', '<=', now).limit(limit).get();
  return snap.docs.map((d) => d.id);
}

export async function markNotificationSent(db: Firestore, id: string, attempts: number, now: Date): Promise<void> {
  await outbox(db).doc(id).update({
    status: 'sent',
    attempts,
    sentAt: now.toISOString(),
    // Kept 90 days for the record, then removed by the TTL policy on expireAt.
    expireAt: new Date(now.getTime() + 90 * 86_400_000),
  });
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
