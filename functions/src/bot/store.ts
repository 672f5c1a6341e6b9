import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';

/** Who follows the OA and which groups the bot is in: the audience pushes may go to. */
const orgDoc = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);

export async function recordFollow(db: Firestore, orgId: string, userId: string, now: Date): Promise<void> {
  await orgDoc(db, orgId).collection(COLLECTIONS.followers).doc(userId).set(
    { following: true, followedAt: now.toISOString() },
    { merge: true },
  );
}

export async function recordUnfollow(db: Firestore, orgId: string, userId: string, now: Date): Promise<void> {
  await orgDoc(db, orgId).collection(COLLECTIONS.followers).doc(userId).set(
    { following: false, unfollowedAt: now.toISOString() },
    { merge: true },
  );
}

export async function recordGroupJoined(db: Firestore, orgId: string, groupId: string, kind: 'group' | 'room', now: Date): Promise<void> {
  await orgDoc(db, orgId).collection(COLLECTIONS.groups).doc(groupId).set(
    { kind, inGroup: true, joinedAt: now.toISOString() },
    { merge: true },
  );
}

/** Leaving also ends any staff registration: a group the bot left receives nothing. */
export async function recordGroupLeft(db: Firestore, orgId: string, groupId: string, now: Date): Promise<void> {
  await orgDoc(db, orgId).collection(COLLECTIONS.groups).doc(groupId).set(
    { inGroup: false, staffGroup: false, leftAt: now.toISOString() },
    { merge: true },
  );
}
