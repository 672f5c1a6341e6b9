import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import { asLineEvent, webhookEventSchema, type LineEvent } from './events.ts';

/** How long a recorded event is kept (a Firestore TTL policy on `expireAt` deletes it; see docs/deploy.md). */
const RETENTION_DAYS = 30;

const storedEventSchema = z.object({
  orgId: z.string(),
  type: z.string(),
  status: z.enum(['received', 'done', 'failed']),
  /** The event exactly as LINE sent it, as JSON text (Firestore would reject some of its shapes as fields). */
  payload: z.string(),
  receivedAt: z.string(),
  processedAt: z.string().optional(),
  outcome: z.string().optional(),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

const eventsOf = (db: Firestore, orgId: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.webhookEvents);

export type RecordResult = 'new' | 'pending' | 'done';

/**
 * Records an event under its `webhookEventId` if absent: a redelivery finds the record. An event recorded but not yet
 * processed (e.g. the write landed after we answered 5xx) is reported `pending`, so it is processed now.
 */
export async function recordEvent(db: Firestore, orgId: string, event: LineEvent, now: Date): Promise<RecordResult> {
  const ref = eventsOf(db, orgId).doc(event.webhookEventId);
  const created = await createIfAbsent(() =>
    ref.create({
      orgId,
      type: event.type,
      status: 'received',
      payload: JSON.stringify(event),
      receivedAt: now.toISOString(),
      expireAt: new Date(now.getTime() + RETENTION_DAYS * 86_400_000),
    }),
  );
  if (created) return 'new';
  const snap = await ref.get();
  return snap.get('status') === 'received' ? 'pending' : 'done';
}

export async function getStoredEvent(db: Firestore, orgId: string, eventId: string): Promise<{ record: StoredEvent; event: LineEvent } | null> {
  const snap = await eventsOf(db, orgId).doc(eventId).get();
  if (!snap.exists) return null;
  const record = storedEventSchema.parse(snap.data());
  return { record, event: asLineEvent(webhookEventSchema.parse(JSON.parse(record.payload))) };
}

/** The processing claim: created once per event, by whichever processor (in-process or trigger) gets there first. */
export async function claimEvent(db: Firestore, orgId: string, eventId: string, now: Date): Promise<boolean> {
  const ref = db
    .collection(COLLECTIONS.orgs)
    .doc(orgId)
    .collection(COLLECTIONS.webhookEventClaims)
    .doc(eventId);
  return createIfAbsent(() =>
    ref.create({ claimedAt: now.toISOString(), expireAt: new Date(now.getTime() + RETENTION_DAYS * 86_400_000) }),
  );
}

export async function completeEvent(
  db: Firestore,
  orgId: string,
  eventId: string,
  result: { status: 'done' | 'failed'; outcome: string },
  now: Date,
): Promise<void> {
  await eventsOf(db, orgId).doc(eventId).update({ ...result, processedAt: now.toISOString() });
}
