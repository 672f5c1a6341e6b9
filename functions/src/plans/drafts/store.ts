/**
 * Draft review storage: the draft's source text (`plans/{planId}/sourceLines/{chunk}`), its append-only review record
 * (`plans/{planId}/reviewLog/{seq}`, each entry claimed with create() on the number after the highest its writer read,
 * so two reviewers never take one number and nothing is overwritten; never changed or deleted), and the publication.
 * Until publication the record is the review: an edit or acceptance is one write, its entry (drafts/projects.ts and
 * drafts/dimensions.ts project it onto the imported values), and the publication writes what the record says. Once the
 * publication's entry is recorded no entry follows it (docs/decisions/113). The switch of `orgs/{orgId}.currentPlanId`
 * stays one document write (orgs/store.ts setCurrentPlan).
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

/** The number the next entry takes: one past the highest recorded (entries are numbered 1, 2, … without gaps). */
export const nextSeq = (log: ReviewEntry[]): number => log.reduce((max, e) => Math.max(max, Number(e.id)), 0) + 1;

/**
 * Records an entry as number `seq` if no entry has that number yet (create-if-absent, which every Firestore enforces
 * atomically per document), or answers null: someone recorded since the caller read the record, and the caller reads
 * again and decides again. Callers claim one past the highest number they read, so an entry's number says that its
 * writer saw every entry before it, and an entry recorded after the publication's was written by someone who saw it.
 */
export async function claimReviewEntry(
  db: Firestore,
  orgId: string,
  planId: string,
  seq: number,
  entry: NewReviewEntry,
  by: ReviewActor,
  now: Date,
): Promise<ReviewEntry | null> {
  const stored = reviewEntrySchema.parse({ ...entry, id: String(seq).padStart(6, '0'), at: now.toISOString(), by });
  const { id, ...data } = stored;
  try {
    await logCol(db, orgId, planId).doc(id).create(data);
    return stored;
  } catch (err) {
    if (isAlreadyExists(err)) return null;
    throw err;
  }
}

/**
 * Writes a publication already recorded in the review record: the reviewed fields of the edited projects, then the
 * version marked published with its reviewed dimension titles and its totals recomputed from the reviewed projects
 * (one document write; readers serve the version from then on). The caller then switches the organisation's current
 * plan (one write). Running it again writes the same values (a publication interrupted half-way is completed so).
 */
export async function writePublication(
  db: Firestore,
  orgId: string,
  planId: string,
  reviewed: { summary: PlanSummary; dimensions: Dimension[]; projectChanges: Map<string, Record<string, unknown>> },
  publishedAt: string,
  by: ReviewActor,
): Promise<void> {
  const plan = planRef(db, orgId, planId);
  const changes = [...reviewed.projectChanges];
  for (let i = 0; i < changes.length; i += 400) {
    const batch = db.batch();
    for (const [projectId, fields] of changes.slice(i, i + 400)) batch.update(plan.collection(COLLECTIONS.projects).doc(projectId), fields);
    await batch.commit();
  }
  await plan.update({ publication: 'published', summary: reviewed.summary, dimensions: reviewed.dimensions, publishedAt, publishedBy: by });
}
