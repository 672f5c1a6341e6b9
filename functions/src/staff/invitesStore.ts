import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import { roleSchema, type Role } from './schema.ts';

/**
 * One-time codes: staff invitations (roles for whoever redeems it) and staff-group registrations. Stored under the
 * hash of the code; redeemed by creating a claim document, so two people racing with one code cannot both win.
 */
const codeSchema = z.object({
  /** An opaque id for listing and revoking an invitation (neither the code nor its hash ever leaves the server). */
  id: z.string().optional(),
  purpose: z.enum(['staff-invite', 'staff-group']),
  roles: z.array(roleSchema).default([]),
  displayName: z.string().default(''),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type OneTimeCode = z.infer<typeof codeSchema>;

const codesOf = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.staffCodes);

export async function saveCode(db: Firestore, orgId: string, hash: string, code: OneTimeCode): Promise<void> {
  await codesOf(db, orgId).doc(hash).create(code);
}

export async function getCode(db: Firestore, orgId: string, hash: string): Promise<OneTimeCode | null> {
  const snap = await codesOf(db, orgId).doc(hash).get();
  return snap.exists ? codeSchema.parse(snap.data()) : null;
}

/** True for the one caller that redeems the code. */
export async function claimCode(db: Firestore, orgId: string, hash: string, by: string, now: Date): Promise<boolean> {
  return createIfAbsent(() => codesOf(db, orgId).doc(hash).collection('claim').doc('used').create({ by, at: now.toISOString() }));
}

/** Invitations not yet redeemed, revoked or expired, oldest first. */
export async function listPendingInvites(db: Firestore, orgId: string, now: Date): Promise<Array<OneTimeCode & { hash: string }>> {
  const snap = await codesOf(db, orgId).where('purpose', '==', 'staff-invite').get();
  const open = snap.docs.map((d) => ({ ...codeSchema.parse(d.data()), hash: d.id })).filter((c) => c.expiresAt > now.toISOString());
  const claimed = await Promise.all(open.map(async (c) => (await codesOf(db, orgId).doc(c.hash).collection('claim').doc('used').get()).exists));
  return open.filter((_, i) => !claimed[i]).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The stored hash of the invitation with this id, or null. */
export async function findInviteHash(db: Firestore, orgId: string, id: string): Promise<string | null> {
  const snap = await codesOf(db, orgId).where('id', '==', id).limit(1).get();
  return snap.docs[0]?.id ?? null;
}

export type { Role };
