/**
 * The only module of progress that touches Firestore. Correct without transaction isolation: a change claims its
 * sequence number by creating `progressChanges/{year}_{projectId}_{seq}` (create-if-absent: of two editors who saw
 * the same version one wins, the other is told), then the record (a projection of the log) is written. A record
 * that lags its log (a crash between the two writes) is rebuilt from the newer change when read.
 */
import type { DocumentData, Firestore, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import type { ProgressChange, ProgressRecord } from './schema.ts';

export const PROGRESS_COLLECTIONS = {
  records: 'progress',
  changes: 'progressChanges',
  files: 'progressFiles',
} as const;

function plain<T>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (v) => v as DocumentData,
    // Documents are written only through this module from typed values.
    fromFirestore: (snap: QueryDocumentSnapshot) => snap.data() as T,
  };
}

const org = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);
const records = (db: Firestore, orgId: string) => org(db, orgId).collection(PROGRESS_COLLECTIONS.records).withConverter(plain<ProgressRecord>());
const changes = (db: Firestore, orgId: string) => org(db, orgId).collection(PROGRESS_COLLECTIONS.changes).withConverter(plain<ProgressChange>());
const files = (db: Firestore, orgId: string) => org(db, orgId).collection(PROGRESS_COLLECTIONS.files);

export const changeId = (recordId: string, seq: number) => `${recordId}_${String(seq).padStart(6, '0')}`;

function projectionOf(orgId: string, c: ProgressChange): ProgressRecord {
  return {
    ...c.after,
    orgId,
    fiscalYear: c.fiscalYear,
    projectId: c.projectId,
    planId: c.planId,
    projectName: c.projectName,
    dimension: c.dimension,
    seq: c.seq,
    nextFileN: c.nextFileN,
    updatedAt: c.at,
    updatedBy: c.by,
  };
}

/** The record, brought up to date with its log when a change was claimed but its projection never written. */
export async function getRecord(db: Firestore, orgId: string, recordId: string): Promise<ProgressRecord | null> {
  const snap = await records(db, orgId).doc(recordId).get();
  let record = snap.exists ? (snap.data() ?? null) : null;
  for (let i = 0; i < 5; i++) {
    const next = await changes(db, orgId).doc(changeId(recordId, (record?.seq ?? 0) + 1)).get();
    const change = next.exists ? next.data() : undefined;
    if (!change) break;
    record = projectionOf(orgId, change);
    await records(db, orgId).doc(recordId).set(record);
  }
  return record;
}

export async function listRecords(db: Firestore, orgId: string, fiscalYear: number): Promise<ProgressRecord[]> {
  const snap = await records(db, orgId).where('fiscalYear', '==', fiscalYear).get();
  return snap.docs.map((d) => d.data());
}

/** Every year's record of one project, newest year first. */
export async function listRecordsOfProject(db: Firestore, orgId: string, projectId: string): Promise<ProgressRecord[]> {
  const snap = await records(db, orgId).where('projectId', '==', projectId).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => b.fiscalYear - a.fiscalYear);
}

/** Claims the change's sequence number; false when another edit claimed it first. */
export async function claimChange(db: Firestore, orgId: string, change: ProgressChange): Promise<boolean> {
  return createIfAbsent(() => changes(db, orgId).doc(changeId(change.recordId, change.seq)).create(change));
}

/** Writes the record as the projection of a claimed change. */
export async function applyChange(db: Firestore, orgId: string, change: ProgressChange): Promise<ProgressRecord> {
  const record = projectionOf(orgId, change);
  await records(db, orgId).doc(change.recordId).set(record);
  return record;
}

export async function listChangesOfRecord(db: Firestore, orgId: string, recordId: string): Promise<ProgressChange[]> {
  const snap = await changes(db, orgId).where('recordId', '==', recordId).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.seq - b.seq);
}

/** Every change of a fiscal year (all projects), oldest first: reports rebuild the state at a date from these. */
export async function listChangesOfYear(db: Firestore, orgId: string, fiscalYear: number): Promise<ProgressChange[]> {
  const snap = await changes(db, orgId).where('fiscalYear', '==', fiscalYear).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
}

export async function saveFile(db: Firestore, orgId: string, recordId: string, n: number, file: { contentType: string; bytes: Buffer; name: string | null }, now: Date): Promise<void> {
  await files(db, orgId).doc(`${recordId}_${n}`).set({ recordId, n, contentType: file.contentType, bytes: file.bytes, size: file.bytes.length, name: file.name, createdAt: now.toISOString() });
}

export async function getFile(db: Firestore, orgId: string, recordId: string, n: number): Promise<{ contentType: string; bytes: Buffer } | null> {
  const snap = await files(db, orgId).doc(`${recordId}_${n}`).get();
  if (!snap.exists) return null;
  const bytes: unknown = snap.get('bytes');
  const contentType: unknown = snap.get('contentType');
  if (typeof contentType !== 'string') return null;
  if (Buffer.isBuffer(bytes)) return { contentType, bytes };
  if (bytes instanceof Uint8Array) return { contentType, bytes: Buffer.from(bytes) };
  return null;
}
