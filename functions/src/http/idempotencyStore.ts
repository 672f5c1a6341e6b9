import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';

/** How long an answered request is remembered: a retry comes within seconds; a day covers a phone left offline. */
const KEEP_MS = 24 * 3_600_000;

export type StoredRequest = { state: 'pending' } | { state: 'done'; status: number; body: string };

const ref = (db: Firestore, orgId: string, id: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.requestKeys).doc(id);

/** Claims the key (create-if-absent): true for the first request, false when it was seen before. */
export function claimRequestKey(db: Firestore, orgId: string, id: string, now: Date): Promise<boolean> {
  return createIfAbsent(() =>
    ref(db, orgId, id).create({ state: 'pending', createdAt: now.toISOString(), expireAt: new Date(now.getTime() + KEEP_MS) }),
  );
}

export async function getRequestKey(db: Firestore, orgId: string, id: string): Promise<StoredRequest | null> {
  const snap = await ref(db, orgId, id).get();
  if (!snap.exists) return null;
  if (snap.get('state') !== 'done') return { state: 'pending' };
  return { state: 'done', status: Number(snap.get('status')), body: String(snap.get('body') ?? '') };
}

export async function completeRequestKey(db: Firestore, orgId: string, id: string, status: number, body: string): Promise<void> {
  await ref(db, orgId, id).update({ state: 'done', status, body });
}

/** Forgets a key whose request did not finish (a 5xx, a refused token): a retry must run it again. */
export async function releaseRequestKey(db: Firestore, orgId: string, id: string): Promise<void> {
  await ref(db, orgId, id).delete();
}
