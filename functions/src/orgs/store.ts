import type { Firestore, FirestoreDataConverter } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import { orgSchema, orgSecretsSchema, type NewOrg, type Org, type OrgSecrets } from './schema.ts';

const orgConverter: FirestoreDataConverter<Org> = {
  toFirestore: (org) => org,
  fromFirestore: (snap) => orgSchema.parse({ ...snap.data(), id: snap.id }),
};

const secretsConverter: FirestoreDataConverter<OrgSecrets> = {
  toFirestore: (s) => s,
  fromFirestore: (snap) => orgSecretsSchema.parse(snap.data()),
};

const orgRef = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId).withConverter(orgConverter);

export async function getOrg(db: Firestore, orgId: string): Promise<Org | null> {
  const snap = await orgRef(db, orgId).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

export async function listOrgs(db: Firestore): Promise<Org[]> {
  const snap = await db.collection(COLLECTIONS.orgs).withConverter(orgConverter).get();
  return snap.docs.map((d) => d.data());
}

/**
 * How many of `ids` exist as organisations; with no ids, whether any organisation exists (0 or 1). One read either
 * way (ids are read by name, never listed). The health check's test that storage holds the data it serves.
 */
export async function countExistingOrgs(db: Firestore, ids: string[]): Promise<number> {
  if (ids.length === 0) return (await db.collection(COLLECTIONS.orgs).limit(1).select().get()).size;
  const snaps = await db.getAll(...ids.map((id) => db.collection(COLLECTIONS.orgs).doc(id)), { fieldMask: [] });
  return snaps.filter((s) => s.exists).length;
}

/** Creates the organisation unless it exists (deterministic id: safe to repeat and to race). Returns true if created. */
export async function createOrgIfAbsent(db: Firestore, input: NewOrg): Promise<boolean> {
  const org = orgSchema.parse(input);
  return createIfAbsent(() => orgRef(db, org.id).create(org));
}

export async function updateOrg(db: Firestore, orgId: string, changes: Partial<Omit<Org, 'id' | 'createdAt'>>, now: Date): Promise<void> {
  await db.collection(COLLECTIONS.orgs).doc(orgId).update({ ...changes, updatedAt: now.toISOString() });
}

/** Makes a fully written plan version the one readers see: a single-document write, so it is all-or-nothing. */
export async function setCurrentPlan(db: Firestore, orgId: string, planId: string, now: Date): Promise<void> {
  await updateOrg(db, orgId, { currentPlanId: planId }, now);
}

export async function getOrgSecrets(db: Firestore, orgId: string): Promise<OrgSecrets | null> {
  const snap = await db.collection(COLLECTIONS.orgSecrets).doc(orgId).withConverter(secretsConverter).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

export async function setOrgSecretsIfAbsent(db: Firestore, orgId: string, secrets: OrgSecrets): Promise<boolean> {
  return createIfAbsent(() => db.collection(COLLECTIONS.orgSecrets).doc(orgId).withConverter(secretsConverter).create(secrets));
}
