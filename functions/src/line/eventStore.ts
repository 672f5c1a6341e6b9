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
  /**
   * The process that recorded the event holds its first lease and processes it from memory right after answering (the
   * in-process queue of local and emulator modes): the record is the lease-0 claim, so no claim document is written.
   */
  heldByRecorder: z.boolean().optional(),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

const eventsOf = (db: Firestore, orgId: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.webhookEvents);

export type RecordResult = 'new' | 'pending' | 'done';

/**
 * Records an event under its `webhookEventId` if absent: a redelivery finds the record. An event recorded but not yet
 * processed (e.g. the write landed after we answered 5xx) is reported `pending`, so it is processed now.
 * `heldByRecorder`: the caller will process the event itself if this call creates the record (it then holds lease 0).
 */
export async function recordEvent(db: Firestore, orgId: string, event: LineEvent, now: Date, options: { heldByRecorder?: boolean } = {}): Promise<RecordResult> {
  const ref = eventsOf(db, orgId).doc(event.webhookEventId);
  const created = await createIfAbsent(() =>
    ref.create({
      orgId,
      type: event.type,
      status: 'received',
      payload: JSON.stringify(event),
      receivedAt: now.toISOString(),
      expireAt: new Date(now.getTime() + RETENTION_DAYS * 86_400_000),
      ...(options.heldByRecorder ? { heldByRecorder: true } : {}),
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

/**
 * How long a processing claim lasts. A processor that has not finished by then is taken for dead (its instance was
 * stopped or crashed) and the event may be claimed again. The trigger's timeout (index.ts) is shorter than this.
 */
export const CLAIM_LEASE_MS = 60_000;
/** After this many leases an event is given up (marked failed and logged), not retried for ever. */
export const MAX_CLAIMS = 10;

/**
 * The lease an event is in at `now`: 0 during its first minute after it was recorded, then 1, 2, … Each lease has its
 * own claim document, so one processor can win each lease and a later lease can take over from a dead processor.
 */
export function leaseOf(receivedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(receivedAt)) / CLAIM_LEASE_MS));
}

/**
 * The processing claim of the event's current lease: `webhookEventClaims/{eventId}` for the first, `{eventId}~{n}`
 * after. Created once per lease (create-if-absent) by whichever processor (in-process queue, trigger, sweep) gets there
 * first: exactly one processes the event within a lease, without transactions. Lease 0 of a record `heldByRecorder`
 * belongs to its recorder (the record's own creation was the claim): nobody else may take it.
 */
export async function claimEvent(db: Firestore, orgId: string, eventId: string, lease: number, now: Date, record?: Pick<StoredEvent, 'heldByRecorder'>): Promise<boolean> {
  if (lease === 0 && record?.heldByRecorder) return false;
  const ref = db
    .collection(COLLECTIONS.orgs)
    .doc(orgId)
    .collection(COLLECTIONS.webhookEventClaims)
    .doc(lease === 0 ? eventId : `${eventId}~${lease}`);
  return createIfAbsent(() =>
    ref.create({
      lease,
      claimedAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
      expireAt: new Date(now.getTime() + RETENTION_DAYS * 86_400_000),
    }),
  );
}

/**
 * Events recorded but not done, recorded between `since` and `before` (oldest first, at most `limit`): what the sweep
 * picks up. Uses the (status, receivedAt) index of webhookEvents (firestore.indexes.json).
 */
export async function listUnfinishedEvents(db: Firestore, orgId: string, since: Date, before: Date, limit: number): Promise<{ id: string; receivedAt: string }[]> {
  const snap = await eventsOf(db, orgId)
    .where('status', '==', 'received')
    .where('receivedAt', '>=', since.toISOString())
    .where('receivedAt', '<', before.toISOString())
    .orderBy('receivedAt')
    .limit(limit)
    .select('receivedAt')
    .get();
  return snap.docs.map((d) => ({ id: d.id, receivedAt: String(d.get('receivedAt')) }));
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

type Completion = { orgId: string; eventId: string; result: { status: 'done' | 'failed'; outcome: string }; now: Date };

/**
 * Marks events done or failed with group commits: at most one commit in flight; completions that arrive meanwhile go
 * together in the next one. Under load many events finish at once, and one round-trip then records them all instead
 * of one each; alone, an event's completion is written at once. Each is an update of an existing record, so a batch
 * can only fail as a whole for a storage error: then each is written on its own, and each caller sees its own outcome.
 */
export function createCompletionWriter(db: Firestore): (orgId: string, eventId: string, result: Completion['result'], now: Date) => Promise<void> {
  let waiting: { completion: Completion; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let inFlight = false;
  const flush = async (): Promise<void> => {
    if (inFlight || waiting.length === 0) return;
    inFlight = true;
    const group = waiting.slice(0, 500);
    waiting = waiting.slice(group.length);
    try {
      if (group.length === 1) {
        const { orgId, eventId, result, now } = group[0]!.completion;
        await completeEvent(db, orgId, eventId, result, now).then(group[0]!.resolve, group[0]!.reject);
      } else {
        const batch = db.batch();
        for (const { completion: c } of group) batch.update(eventsOf(db, c.orgId).doc(c.eventId), { ...c.result, processedAt: c.now.toISOString() });
        try {
          await batch.commit();
          for (const g of group) g.resolve();
        } catch {
          await Promise.all(group.map((g) => completeEvent(db, g.completion.orgId, g.completion.eventId, g.completion.result, g.completion.now).then(g.resolve, g.reject)));
        }
      }
    } finally {
      inFlight = false;
      void flush();
    }
  };
  return (orgId, eventId, result, now) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ completion: { orgId, eventId, result, now }, resolve, reject });
      void flush();
    });
}
