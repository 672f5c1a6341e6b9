/**
 * The only module of the feature that touches Firestore. Correct without transaction isolation (the embedded emulator
 * has none): tracking codes and history records are claimed with create() on deterministic ids, and the complaint
 * document is written last when filing, so a half-filed complaint is invisible.
 */
import type { DocumentData, Firestore, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import { categorySchema, DEFAULT_CATEGORIES, type Category, type ComplaintKind, type Status } from '../contracts/complaints.ts';
import { COMPLAINT_COLLECTIONS as C } from './collections.ts';
import type { PhotoType } from './photos.ts';
import type { Complaint, ComplaintUpdate, Reporter } from './schema.ts';

function plain<T>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (v) => v as DocumentData,
    // Documents are written only through this module from typed values.
    fromFirestore: (snap: QueryDocumentSnapshot) => snap.data() as T,
  };
}

const complaintConverter: FirestoreDataConverter<Complaint> = {
  toFirestore: (c) => c as DocumentData,
  fromFirestore: (snap) => {
    const d = snap.data() as Complaint;
    return { ...d, id: snap.id, reminders: d.reminders ?? {}, lastNote: d.lastNote ?? null };
  },
};

const org = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);
const complaintsOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.complaints).withConverter(complaintConverter);
const updatesOf = (db: Firestore, orgId: string, id: string) =>
  org(db, orgId).collection(C.complaints).doc(id).collection(C.updates).withConverter(plain<ComplaintUpdate>());
const reportersOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.reporters).withConverter(plain<Reporter>());
const trackingOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.tracking);
const photosOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.photos);

export const seqId = (seq: number) => String(seq).padStart(6, '0');

// ---------- tracking codes ----------

/** Claims a tracking code for a complaint; false when the code is taken (the caller draws another). */
export async function reserveTrackingCode(db: Firestore, orgId: string, code: string, complaintId: string, now: Date): Promise<boolean> {
  return createIfAbsent(() => trackingOf(db, orgId).doc(code).create({ complaintId, createdAt: now.toISOString() }));
}

export async function getComplaintIdByCode(db: Firestore, orgId: string, code: string): Promise<string | null> {
  const snap = await trackingOf(db, orgId).doc(code).get();
  const id = snap.exists ? snap.get('complaintId') : null;
  return typeof id === 'string' ? id : null;
}

// ---------- complaints ----------

export async function createComplaint(db: Firestore, complaint: Complaint): Promise<void> {
  await complaintsOf(db, complaint.orgId).doc(complaint.id).create(complaint);
}

export async function getComplaint(db: Firestore, orgId: string, id: string): Promise<Complaint | null> {
  const snap = await complaintsOf(db, orgId).doc(id).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

export async function getComplaints(db: Firestore, orgId: string, ids: string[]): Promise<Complaint[]> {
  if (ids.length === 0) return [];
  const snaps = await db.getAll(...ids.map((id) => complaintsOf(db, orgId).doc(id)));
  return snaps.filter((s) => s.exists).map((s) => s.data()).filter((c): c is Complaint => !!c);
}

/**
 * Complaints of one organisation, optionally of one kind and/or in some states. Sorted newest first in memory: an
 * organisation's complaints number in the thousands, and no composite index is needed.
 */
export async function listComplaints(db: Firestore, orgId: string, filter: { kind?: ComplaintKind; statuses?: Status[] } = {}): Promise<Complaint[]> {
  let q: FirebaseFirestore.Query<Complaint> = complaintsOf(db, orgId);
  if (filter.kind) q = q.where('kind', '==', filter.kind);
  if (filter.statuses && filter.statuses.length > 0) q = q.where('status', 'in', filter.statuses);
  const snap = await q.get();
  return snap.docs.map((d) => d.data()).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/**
 * Moves the complaint document to a history record already claimed with `claimUpdate`. Guarded on `seq` so a slower
 * writer of an older record never overwrites a newer state.
 */
export async function applyUpdate(db: Firestore, orgId: string, id: string, update: ComplaintUpdate, finishedAt: string | null, restoreLastNote?: { lastNote: string | null }): Promise<void> {
  const ref = complaintsOf(db, orgId).doc(id);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const current = snap.data();
    if (!current || current.seq >= update.seq) return;
    tx.update(ref, {
      status: update.to,
      seq: update.seq,
      updatedAt: update.at,
      finishedAt,
      // lastNote is what staff last told the complainant (a complainant's own "not fixed" reason is not).
      // The complainant's "not fixed" (resolved -> in_progress by the citizen) marks the case reopened.
      ...(update.actor.type === 'citizen' && update.from === 'resolved' ? { reopenedAt: update.at } : {}),
      ...(restoreLastNote ? restoreLastNote : update.actor.type !== 'citizen' && (update.note || update.reason) ? { lastNote: update.note ?? update.reason } : {}),
    });
  });
}

export async function markReminderSent(db: Firestore, orgId: string, id: string, kind: 'dueSoon' | 'overdue', at: Date): Promise<void> {
  await complaintsOf(db, orgId).doc(id).update({ [`reminders.${kind}`]: at.toISOString() });
}

// ---------- weekly digest run markers ----------

const digestsOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.digests);

export async function isDigestDone(db: Firestore, orgId: string, week: string): Promise<boolean> {
  return (await digestsOf(db, orgId).doc(week).get()).exists;
}

/** Records that the week's digest went out (or had nothing to say): numbers only. */
export async function markDigestDone(db: Firestore, orgId: string, week: string, summary: { open: number; groups: number }, now: Date): Promise<void> {
  await digestsOf(db, orgId).doc(week).set({ week, ...summary, doneAt: now.toISOString() });
}

// ---------- history ----------

/** Claims history record `seq`; false when another change claimed it first. */
export async function claimUpdate(db: Firestore, orgId: string, id: string, update: ComplaintUpdate): Promise<boolean> {
  return createIfAbsent(() => updatesOf(db, orgId, id).doc(seqId(update.seq)).create(update));
}

export async function listUpdates(db: Firestore, orgId: string, id: string): Promise<ComplaintUpdate[]> {
  const snap = await updatesOf(db, orgId, id).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.seq - b.seq);
}

// ---------- reporters ----------

export async function createReporter(db: Firestore, orgId: string, reporter: Reporter): Promise<void> {
  await reportersOf(db, orgId).doc(reporter.complaintId).create(reporter);
}

export async function getReporter(db: Firestore, orgId: string, complaintId: string): Promise<Reporter | null> {
  const snap = await reportersOf(db, orgId).doc(complaintId).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** Ids of the complaints a LINE user filed under their own name. */
export async function listComplaintIdsOfUser(db: Firestore, orgId: string, userId: string): Promise<string[]> {
  const snap = await reportersOf(db, orgId).where('userId', '==', userId).get();
  return snap.docs.map((d) => d.data().complaintId);
}

// ---------- photos ----------

export async function savePhoto(db: Firestore, orgId: string, complaintId: string, n: number, photo: { contentType: PhotoType; bytes: Buffer }, now: Date): Promise<void> {
  await photosOf(db, orgId).doc(`${complaintId}-${n}`).set({ complaintId, n, contentType: photo.contentType, bytes: photo.bytes, size: photo.bytes.length, createdAt: now.toISOString() });
}

export async function getPhoto(db: Firestore, orgId: string, complaintId: string, n: number): Promise<{ contentType: string; bytes: Buffer } | null> {
  const snap = await photosOf(db, orgId).doc(`${complaintId}-${n}`).get();
  if (!snap.exists) return null;
  const bytes: unknown = snap.get('bytes');
  const contentType: unknown = snap.get('contentType');
  if (typeof contentType !== 'string') return null;
  if (Buffer.isBuffer(bytes)) return { contentType, bytes };
  if (bytes instanceof Uint8Array) return { contentType, bytes: Buffer.from(bytes) };
  return null;
}

// ---------- categories ----------

const categoriesOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.categories);

/** The organisation's active categories, in display order; the defaults when it has configured none. */
export async function listCategories(db: Firestore, orgId: string): Promise<Category[]> {
  const snap = await categoriesOf(db, orgId).get();
  const configured = snap.docs.map((d) => categorySchema.parse({ ...d.data(), id: d.id }));
  const all = configured.length > 0 ? configured : [...DEFAULT_CATEGORIES];
  return all.filter((c) => c.active).sort((a, b) => a.order - b.order);
}

/**
 * Replaces the organisation's categories. Categories are never deleted (old complaints keep their titles): ones left
 * out are marked inactive.
 */
export async function setCategories(db: Firestore, orgId: string, categories: Category[]): Promise<void> {
  const parsed = categories.map((c) => categorySchema.parse(c));
  const existing = await categoriesOf(db, orgId).get();
  const keep = new Set(parsed.map((c) => c.id));
  for (const d of existing.docs) if (!keep.has(d.id)) await d.ref.set({ active: false }, { merge: true });
  for (const c of parsed) await categoriesOf(db, orgId).doc(c.id).set(c);
}

/** Title of a category id, including inactive and default ones (for old complaints and statistics). */
export async function categoryTitles(db: Firestore, orgId: string): Promise<Map<string, string>> {
  const snap = await categoriesOf(db, orgId).get();
  const titles = new Map(DEFAULT_CATEGORIES.map((c) => [c.id, c.title] as const));
  for (const d of snap.docs) {
    const title = d.get('title');
    if (typeof title === 'string') titles.set(d.id, title);
  }
  return titles;
}
