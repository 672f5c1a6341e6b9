import type { Firestore, FirestoreDataConverter } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { staffMemberSchema, type OrdinaryRole, type Role, type StaffMember } from './schema.ts';

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

/**
 * Adds ordinary roles to a staff member (creating the member); never removes roles. It refuses `integrity_officer`:
 * that role is only ever added by `addIntegrityRole`, which the integrity feature calls after a second person
 * approved the grant (or the operator CLI set up the first officer), with an audit entry (integrity/service.ts).
 * A member who was inactive comes back with the new roles only, so an old integrity role is never revived by an
 * ordinary invitation.
 */
export async function grantRoles(
  db: Firestore,
  orgId: string,
  member: { userId: string; displayName?: string; roles: OrdinaryRole[] },
  now: Date,
): Promise<StaffMember> {
  if ((member.roles as Role[]).includes('integrity_officer')) throw new Error('integrity_officer is granted only through an approved integrity grant');
  const existing = await getStaffMember(db, orgId, member.userId);
  const kept = existing?.active ? existing.roles : [];
  const roles = [...new Set([...kept, ...member.roles])];
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

/**
 * Adds the integrity-officer role. Only the integrity feature calls this (integrity/service.ts), after an approved
 * grant or the operator's first-officer setup, each written to the audit log first.
 */
export async function addIntegrityRole(db: Firestore, orgId: string, member: { userId: string; displayName: string }, now: Date): Promise<StaffMember> {
  const existing = await getStaffMember(db, orgId, member.userId);
  const kept = existing?.active ? existing.roles : [];
  const next = staffMemberSchema.parse({
    userId: member.userId,
    displayName: existing?.active && existing.displayName ? existing.displayName : member.displayName,
    roles: [...new Set([...kept, 'integrity_officer'])],
    active: true,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await staffOf(db, orgId).doc(member.userId).set(next);
  return next;
}

/** Takes a role away; a member left without roles becomes inactive. Returns null when they did not hold it. */
export async function removeRole(db: Firestore, orgId: string, userId: string, role: Role, now: Date): Promise<StaffMember | null> {
  const existing = await getStaffMember(db, orgId, userId);
  if (!existing || !existing.active || !existing.roles.includes(role)) return null;
  const roles = existing.roles.filter((r) => r !== role);
  // The schema needs one role: a member left without any keeps the removed one on record, inactive (hasRole() is false).
  const next: StaffMember = roles.length
    ? { ...existing, roles, updatedAt: now.toISOString() }
    : { ...existing, roles: [role], active: false, updatedAt: now.toISOString() };
  await staffOf(db, orgId).doc(userId).set(next);
  return next;
}
