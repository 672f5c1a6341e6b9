/**
 * Draft review storage: the draft's source text (`plans/{planId}/sourceLines/{chunk}`), its append-only review record
 * (`plans/{planId}/reviewLog/{seq}`, each entry claimed with create() on the next sequence number, so two reviewers
 * never take one number and nothing is overwritten; never changed or deleted), field edits of its projects, and the
 * publication. The record is written before the change it describes: a change is never applied unrecorded (if the
 * change then fails, the record shows an attempt and the reviewer sees the old value and tries again). The switch of `orgs/{orgId}.currentPlanId` stays one document write (orgs/store.ts setCurrentPlan).
 */
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../../store/collections.ts';
import { isAlreadyExists } from '../../store/errors.ts';
import type { Dimension } from '../schema.ts';
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

export async function listReviewEntries(db: Firestore, orgId: string, planId: string): Promise<ReviewEntry[]> {
  const snap = await logCol(db, orgId, planId).get();
  return snap.docs.map((d) => reviewEntrySchema.parse({ ...d.data(), id: d.id })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Appends an entry on the next free sequence number (create-if-absent: a lost race moves on to the next number). */
async function appendEntry(db: Firestore, orgId: string, planId: string, entry: NewReviewEntry, by: ReviewActor, now: Date): Promise<ReviewEntry> {
  const col = logCol(db, orgId, planId);
  let seq = (await col.count().get()).data().count + 1;
  for (;;) {
    const stored = reviewEntrySchema.parse({ ...entry, id: String(seq).padStart(6, '0'), at: now.toISOString(), by });
    const { id, ...data } = stored;
    try {
      await col.doc(id).create(data);
      return stored;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      seq += 1;
    }
  }
}

/**
 * Records an acceptance (nothing else changes), or an edit of a dimension's title or a mission's: the draft's
 * dimensions are the projection of these entries until publication writes them (drafts/dimensions.ts).
 */
export async function recordReview(db: Firestore, orgId: string, planId: string, entry: NewReviewEntry, by: ReviewActor, now: Date): Promise<ReviewEntry> {
  return appendEntry(db, orgId, planId, entry, by, now);
}

/** Records an edit, then changes the fields of the draft's project. */
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
  const stored = await appendEntry(db, orgId, planId, entry, by, now);
  await planRef(db, orgId, planId).collection(COLLECTIONS.projects).doc(projectId).update(changes);
  return stored;
}

/**
 * Records the publication and marks the draft published with its reviewed dimension titles and its totals recomputed
 * from the reviewed projects, in one document write. The caller then switches the organisation's current plan (one write).
 */
export async function markPublished(
  db: Firestore,
  orgId: string,
  planId: string,
  reviewed: { summary: PlanSummary; dimensions: Dimension[] },
  entry: NewReviewEntry,
  by: ReviewActor,
  now: Date,
): Promise<ReviewEntry> {
  const stored = await appendEntry(db, orgId, planId, entry, by, now);
  await planRef(db, orgId, planId).update({ publication: 'published', summary: reviewed.summary, dimensions: reviewed.dimensions, publishedAt: now.toISOString(), publishedBy: by });
  return stored;
}
