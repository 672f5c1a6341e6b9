/**
 * Draft review storage: the draft's source text (`plans/{planId}/sourceLines/{chunk}`), its append-only review record
 * (`plans/{planId}/reviewLog/{id}`, created with create() and never changed), field edits of its projects, and the
 * publication. The switch of `orgs/{orgId}.currentPlanId` stays one document write (orgs/store.ts setCurrentPlan).
 */
import { randomUUID } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../../store/collections.ts';
import { SOURCE_CHUNK_LINES, type PlanSummary } from '../store.ts';
import { reviewEntrySchema, type ReviewActor, type ReviewEntry } from './schema.ts';

const planRef = (db: Firestore, orgId: string, planId: string) => db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.plans).doc(planId);
const logCol = (db: Firestore, orgId: string, planId: string) => planRef(db, orgId, planId).collection(COLLECTIONS.reviewLog);

/** The text of the wanted lines (1-based) that the version kept; lines it does not have are left out. */
export async function readSourceLines(db: Firestore, orgId: string, planId: string, wanted: Iterable<number>): Promise<Map<number, string>> {
  const chunks = new Map<number, number[]>();
  for (const line of wanted) {
    if (!Number.isInteger(line) || line < 1) continue;
    const chunk = Math.floor((line - 1) / SOURCE_CHUNK_LINES);
    chunks.set(chunk, [...(chunks.get(chunk) ?? []), line]);
  }
  const out = new Map<number, string>();
  const col = planRef(db, orgId, planId).collection(COLLECTIONS.sourceLines);
  await Promise.all(
    [...chunks].map(async ([chunk, lines]) => {
      const snap = await col.doc(String(chunk).padStart(4, '0')).get();
      if (!snap.exists) return;
      const { from, lines: text } = snap.data() as { from: number; lines: string[] };
      for (const line of lines) {
        const t = text[line - from];
        if (t !== undefined) out.set(line, t);
      }
    }),
  );
  return out;
}

export type NewReviewEntry = Omit<ReviewEntry, 'id' | 'at' | 'by'>;

/** Ids sort by time; the random tail keeps two entries of the same millisecond apart. */
const entryId = (at: Date) => `${String(at.getTime()).padStart(15, '0')}-${randomUUID().slice(0, 8)}`;

function entryOf(entry: NewReviewEntry, by: ReviewActor, now: Date): ReviewEntry {
  return reviewEntrySchema.parse({ ...entry, id: entryId(now), at: now.toISOString(), by });
}

export async function listReviewEntries(db: Firestore, orgId: string, planId: string): Promise<ReviewEntry[]> {
  const snap = await logCol(db, orgId, planId).get();
  return snap.docs.map((d) => reviewEntrySchema.parse({ ...d.data(), id: d.id })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Records an acceptance (nothing else changes). */
export async function recordReview(db: Firestore, orgId: string, planId: string, entry: NewReviewEntry, by: ReviewActor, now: Date): Promise<ReviewEntry> {
  const stored = entryOf(entry, by, now);
  const { id, ...data } = stored;
  await logCol(db, orgId, planId).doc(id).create(data);
  return stored;
}

/**
 * Changes fields of one project of the draft and records the edit, in one batch (atomic on Firestore; on the
 * embedded emulator the record is written first, so an edit is never applied unrecorded).
 */
export async function applyProjectEdit(
  db: Firestore,
  orgId: string,
  planId: string,
  projectId: string,
  changes: Record<string, unknown>,
  entry: NewReviewEntry,
  by: ReviewActor,
  now: Date,
): Promise<ReviewEntry> {
  const stored = entryOf(entry, by, now);
  const { id, ...data } = stored;
  const batch = db.batch();
  batch.create(logCol(db, orgId, planId).doc(id), data);
  batch.update(planRef(db, orgId, planId).collection(COLLECTIONS.projects).doc(projectId), changes);
  await batch.commit();
  return stored;
}

/**
 * Marks the draft published with its totals recomputed from the reviewed projects, and records it. The caller then
 * switches the organisation's current plan (one write).
 */
export async function markPublished(
  db: Firestore,
  orgId: string,
  planId: string,
  summary: PlanSummary,
  entry: NewReviewEntry,
  by: ReviewActor,
  now: Date,
): Promise<ReviewEntry> {
  const stored = entryOf(entry, by, now);
  const { id, ...data } = stored;
  const batch = db.batch();
  batch.create(logCol(db, orgId, planId).doc(id), data);
  batch.update(planRef(db, orgId, planId), { publication: 'published', summary, publishedAt: now.toISOString(), publishedBy: by });
  await batch.commit();
  return stored;
}
