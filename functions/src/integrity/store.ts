/**
 * The only module of the integrity feature that touches Firestore.
 *
 * orgs/{orgId}/integrityAudit/{seq}             append-only audit log: seq zero-padded (10 digits), claimed with
 *                                               create() (two writers cannot take one number; the loser takes the
 *                                               next), each entry chained to the previous by hash. There is no
 *                                               update or delete of it anywhere in the code, and firestore.rules deny
 *                                               all client access.
 * orgs/{orgId}/integrityGrants/{id}             grant requests (a projection: status follows the decision)
 * orgs/{orgId}/integrityGrants/{id}/decision/only   the one decision, created with create(): one approver wins
 * orgs/{orgId}/integrityGrants/{id}/decision/entry  who writes the decision's audit entry (create(): one attempt),
 *                                               then the entry's seq: a double tap or retry reuses that entry
 */
import { createHash } from 'node:crypto';
import type { DocumentData, Firestore, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent, isAlreadyExists } from '../store/errors.ts';
import type { AuditEntry, IntegrityGrant, NewAuditEntry } from './schema.ts';

export const INTEGRITY_COLLECTIONS = { audit: 'integrityAudit', grants: 'integrityGrants' } as const;

function plain<T>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (v) => v as DocumentData,
    // Written only by this module, from typed values.
    fromFirestore: (snap: QueryDocumentSnapshot) => snap.data() as T,
  };
}

const org = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);
const auditOf = (db: Firestore, orgId: string) => org(db, orgId).collection(INTEGRITY_COLLECTIONS.audit).withConverter(plain<AuditEntry>());
const grantsOf = (db: Firestore, orgId: string) => org(db, orgId).collection(INTEGRITY_COLLECTIONS.grants).withConverter(plain<IntegrityGrant>());

export const auditDocId = (seq: number) => String(seq).padStart(10, '0');
const GENESIS = '0'.repeat(64);

/** The hash of an entry: its content (everything but `hash`) chained to the previous entry's hash. */
export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  const content = JSON.stringify([e.seq, e.at, e.action, e.actor, e.subject, e.grantId, e.complaintId, e.trackingCode, e.reason, e.prevHash]);
  return createHash('sha256').update(content).digest('hex');
}

async function lastEntry(db: Firestore, orgId: string): Promise<AuditEntry | null> {
  const snap = await auditOf(db, orgId).orderBy('seq', 'desc').limit(1).get();
  return snap.docs[0]?.data() ?? null;
}

/**
 * Appends an entry with the next sequence number. The number is claimed by create(), so two concurrent writers never
 * share one; a loser re-reads the last entry and tries the next number (no transaction needed).
 */
export async function appendAudit(db: Firestore, orgId: string, entry: NewAuditEntry, now: Date): Promise<AuditEntry> {
  for (let attempt = 0; attempt < 100; attempt++) {
    // After a lost race, a short random pause spreads the retries of many writers at once.
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.floor(Math.random() * Math.min(200, 10 * attempt))));
    const last = await lastEntry(db, orgId);
    const base: Omit<AuditEntry, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: now.toISOString(),
      action: entry.action,
      actor: entry.actor,
      subject: entry.subject ?? null,
      grantId: entry.grantId ?? null,
      complaintId: entry.complaintId ?? null,
      trackingCode: entry.trackingCode ?? null,
      reason: entry.reason ?? null,
      prevHash: last?.hash ?? GENESIS,
    };
    const full: AuditEntry = { ...base, hash: auditHash(base) };
    try {
      await auditOf(db, orgId).doc(auditDocId(full.seq)).create(full);
      return full;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }
  throw new Error('audit log: no free sequence number after 100 attempts');
}

/** Newest first: up to `limit` entries with seq below `before` (when given). */
export async function listAudit(db: Firestore, orgId: string, o: { limit: number; before?: number | undefined }): Promise<AuditEntry[]> {
  let q = auditOf(db, orgId).orderBy('seq', 'desc');
  if (o.before !== undefined) q = q.where('seq', '<', o.before);
  return (await q.limit(o.limit).get()).docs.map((d) => d.data());
}

/** Every entry, oldest first (chain verification; small per organisation). */
export async function listWholeAudit(db: Firestore, orgId: string): Promise<AuditEntry[]> {
  return (await auditOf(db, orgId).orderBy('seq', 'asc').get()).docs.map((d) => d.data());
}

// ---------- grants ----------

export async function createGrant(db: Firestore, orgId: string, grant: IntegrityGrant): Promise<void> {
  await grantsOf(db, orgId).doc(grant.id).create(grant);
}

export async function getGrant(db: Firestore, orgId: string, id: string): Promise<IntegrityGrant | null> {
  const snap = await grantsOf(db, orgId).doc(id).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

export async function listGrants(db: Firestore, orgId: string, limit = 100): Promise<IntegrityGrant[]> {
  return (await grantsOf(db, orgId).orderBy('requestedAt', 'desc').limit(limit).get()).docs.map((d) => d.data());
}

/** Claims the one decision of a grant; false when someone decided it already. */
export async function claimDecision(db: Firestore, orgId: string, id: string, decision: { status: 'approved' | 'rejected'; by: string; at: string }): Promise<boolean> {
  return createIfAbsent(() => grantsOf(db, orgId).doc(id).collection('decision').doc('only').create(decision));
}

export async function getDecision(db: Firestore, orgId: string, id: string): Promise<{ status: 'approved' | 'rejected'; by: string; at: string } | null> {
  const snap = await grantsOf(db, orgId).doc(id).collection('decision').doc('only').get();
  return snap.exists ? (snap.data() as { status: 'approved' | 'rejected'; by: string; at: string }) : null;
}

/** The entry of a grant's decision, when it was written (to finish a decision interrupted half-way, once). */
export async function findGrantEntry(db: Firestore, orgId: string, grantId: string, action: AuditEntry['action']): Promise<AuditEntry | null> {
  const snap = await auditOf(db, orgId).where('grantId', '==', grantId).where('action', '==', action).limit(1).get();
  return snap.docs[0]?.data() ?? null;
}

/** The grant's projection of its decision. */
export async function recordDecision(db: Firestore, orgId: string, grant: IntegrityGrant): Promise<void> {
  await grantsOf(db, orgId).doc(grant.id).set(grant);
}

// ---------- the decision's one audit entry ----------

export interface DecisionEntryClaim {
  attempt: string;
  at: string;
  /** The audit entry written for the decision; null while the attempt that claimed it is writing it. */
  seq: number | null;
}

const entryClaimOf = (db: Firestore, orgId: string, grantId: string) => grantsOf(db, orgId).doc(grantId).collection('decision').doc('entry');

/** Claims the writing of a decision's audit entry; false when another attempt (a double tap, a retry) has it. */
export async function claimDecisionEntry(db: Firestore, orgId: string, grantId: string, claim: { attempt: string; at: string }): Promise<boolean> {
  return createIfAbsent(() => entryClaimOf(db, orgId, grantId).create({ ...claim, seq: null }));
}

export async function getDecisionEntryClaim(db: Firestore, orgId: string, grantId: string): Promise<DecisionEntryClaim | null> {
  const snap = await entryClaimOf(db, orgId, grantId).get();
  return snap.exists ? (snap.data() as DecisionEntryClaim) : null;
}

export async function markDecisionEntry(db: Firestore, orgId: string, grantId: string, seq: number): Promise<void> {
  await entryClaimOf(db, orgId, grantId).update({ seq });
}

export async function getAuditEntry(db: Firestore, orgId: string, seq: number): Promise<AuditEntry | null> {
  const snap = await auditOf(db, orgId).doc(auditDocId(seq)).get();
  return snap.exists ? (snap.data() ?? null) : null;
}
