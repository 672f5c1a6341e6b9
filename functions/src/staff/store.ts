import type { Firestore, FirestoreDataConverter } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { staffMemberSchema, type Role, type StaffMember } from './schema.ts';

const converter: FirestoreDataConverter<StaffMember> = {
  toFirestore: (m) => m,
  fromFirestore: (snap) => staffMemberSchema.parse(snap.data()),
};

const staffOf = (db: Firestore, orgId: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.staff).withConverter(converter);

export async function getStaffMember(db: Firestore, orgId: string, userId: string): Promise<StaffMember | null> {
  const snap = await staffOf(db, orgId).doc(userId).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

export async function listStaff(db: Firestore, orgId: string): Promise<StaffMember[]> {
  return (await staffOf(db, orgId).get()).docs.map((d) => d.data());
}

/** Active staff holding any of the roles (e.g. the integrity officers a corruption notice goes to). */
export async function listStaffWithRole(db: Firestore, orgId: string, role: Role): Promise<StaffMember[]> {
  const snap = await staffOf(db, orgId).where('roles', 'array-contains', role).get();
  return snap.docs.map((d) => d.data()).filter((m) => m.active);
}

/** Adds roles to a staff member (creating the member); never removes roles. */
export async function grantRoles(
  db: Firestore,
  orgId: string,
  member: { userId: string; displayName?: string; roles: Role[] },
  now: Date,
): Promise<StaffMember> {
  const existing = await getStaffMember(db, orgId, member.userId);
  const roles = [...new Set([...(existing?.roles ?? []), ...member.roles])];
  const next = staffMemberSchema.parse({
    userId: member.userId,
    displayName: member.displayName ?? existing?.displayName ?? '',
    roles,
    active: true,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await staffOf(db, orgId).doc(member.userId).set(next);
  return next;
}
