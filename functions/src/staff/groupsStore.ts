import type { Firestore } from '../store/firestore.ts';
import { COLLECTIONS } from '../store/collections.ts';

/**
 * Staff LINE groups. A group the bot is in (bot/store.ts records join and leave) becomes a staff group only when an
 * admin registers it with a one-time code; an unregistered group receives nothing.
 */
const groupsOf = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.groups);

export async function listStaffGroupIds(db: Firestore, orgId: string): Promise<string[]> {
  const snap = await groupsOf(db, orgId).where('staffGroup', '==', true).get();
  return snap.docs.filter((d) => d.get('inGroup') !== false).map((d) => d.id);
}

export async function isStaffGroup(db: Firestore, orgId: string, groupId: string): Promise<boolean> {
  const snap = await groupsOf(db, orgId).doc(groupId).get();
  return snap.exists && snap.get('staffGroup') === true && snap.get('inGroup') !== false;
}

export async function markStaffGroup(db: Firestore, orgId: string, groupId: string, registeredBy: string, now: Date): Promise<void> {
  await groupsOf(db, orgId).doc(groupId).set(
    { staffGroup: true, inGroup: true, registeredBy, registeredAt: now.toISOString() },
    { merge: true },
  );
}
