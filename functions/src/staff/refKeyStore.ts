import { randomBytes } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';

/**
 * The organisation's key for staff references (staff/refs.ts, decision 114):
 * `orgSecrets/{orgId}/keys/staffRef { key: base64 of 32 random bytes, createdAt }`. Apart from `orgs`, like the
 * channel credentials, so no query for an organisation returns it. Created once by whoever needs it first
 * (create-if-absent: two instances racing end up with the one stored key); never changed.
 */
const keyDoc = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgSecrets).doc(orgId).collection(COLLECTIONS.orgKeys).doc('staffRef');

async function readKey(db: Firestore, orgId: string): Promise<Buffer | null> {
  const snap = await keyDoc(db, orgId).get();
  const key = snap.exists ? snap.get('key') : undefined;
  return typeof key === 'string' && key.length > 0 ? Buffer.from(key, 'base64') : null;
}

export async function getOrCreateStaffRefKey(db: Firestore, orgId: string, now: Date): Promise<Buffer> {
  const stored = await readKey(db, orgId);
  if (stored) return stored;
  const fresh = randomBytes(32);
  if (await createIfAbsent(() => keyDoc(db, orgId).create({ key: fresh.toString('base64'), createdAt: now.toISOString() }))) return fresh;
  const winner = await readKey(db, orgId);
  if (!winner) throw new Error('staff reference key: created elsewhere but not readable');
  return winner;
}
