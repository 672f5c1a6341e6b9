/**
 * The only Firestore access of chat reports. Correct without transaction isolation: the draft is created with
 * create() on a deterministic id (one per person), each photo is its own document (create-if-absent per LINE message,
 * so a redelivered or concurrent photo adds nothing twice), and filing is claimed once per draft nonce.
 *
 * orgs/{orgId}/complaintChatDrafts/{draftId}                 the draft (no photo bytes), TTL on expireAt
 * orgs/{orgId}/complaintChatDraftPhotos/{draftId}-{messageId} one photo (pending → bytes, metadata stripped), TTL on expireAt
 * orgs/{orgId}/complaintChatFilings/{nonce}                   the filing claim of one draft → tracking code, TTL on expireAt
 */
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../../store/collections.ts';
import { createIfAbsent } from '../../store/errors.ts';
import type { PhotoType } from '../photos.ts';
import type { ChatDraft, DraftPhoto } from './schema.ts';

export const CHAT_DRAFT_COLLECTIONS = {
  drafts: 'complaintChatDrafts',
  photos: 'complaintChatDraftPhotos',
  filings: 'complaintChatFilings',
} as const;

const org = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);
const drafts = (db: Firestore, orgId: string) => org(db, orgId).collection(CHAT_DRAFT_COLLECTIONS.drafts);
const photos = (db: Firestore, orgId: string) => org(db, orgId).collection(CHAT_DRAFT_COLLECTIONS.photos);
const filings = (db: Firestore, orgId: string) => org(db, orgId).collection(CHAT_DRAFT_COLLECTIONS.filings);

const asDate = (v: unknown): Date => (v instanceof Timestamp ? v.toDate() : v instanceof Date ? v : new Date(String(v)));
const asBuffer = (v: unknown): Buffer | null => (Buffer.isBuffer(v) ? v : v instanceof Uint8Array ? Buffer.from(v) : null);

function draftOf(id: string, d: FirebaseFirestore.DocumentData): ChatDraft {
  return {
    id,
    orgId: String(d.orgId),
    userId: String(d.userId),
    nonce: String(d.nonce),
    stage: d.stage === 'collecting' ? 'collecting' : 'offered',
    awaiting: d.awaiting ?? null,
    place: d.place ?? null,
    category: d.category ?? null,
    description: d.description ?? null,
    createdAt: String(d.createdAt),
    updatedAt: String(d.updatedAt),
    expireAt: asDate(d.expireAt),
  };
}

function photoOf(id: string, d: FirebaseFirestore.DocumentData): DraftPhoto {
  return {
    id,
    draftId: String(d.draftId),
    nonce: String(d.nonce),
    messageId: String(d.messageId),
    sentAt: Number(d.sentAt ?? 0),
    state: d.state === 'ready' || d.state === 'refused' ? d.state : 'pending',
    contentType: (d.contentType as PhotoType | null) ?? null,
    bytes: asBuffer(d.bytes),
    problem: d.problem ?? null,
    expireAt: asDate(d.expireAt),
  };
}

// ---------- drafts ----------

/** Creates the draft; false when the person already has one (the caller reads it). */
export async function createDraft(db: Firestore, d: ChatDraft): Promise<boolean> {
  return createIfAbsent(() => drafts(db, d.orgId).doc(d.id).create({ ...d }));
}

export async function getDraft(db: Firestore, orgId: string, id: string): Promise<ChatDraft | null> {
  const snap = await drafts(db, orgId).doc(id).get();
  return snap.exists ? draftOf(snap.id, snap.data() ?? {}) : null;
}

type DraftPatch = Partial<Pick<ChatDraft, 'stage' | 'awaiting' | 'place' | 'category' | 'description'>> & { updatedAt: string };

export async function updateDraft(db: Firestore, orgId: string, id: string, patch: DraftPatch): Promise<void> {
  await drafts(db, orgId).doc(id).update(patch);
}

/** Deletes a draft and every photo stored under its id (of this and any earlier draft of the person). */
export async function deleteDraft(db: Firestore, orgId: string, id: string): Promise<void> {
  const snap = await photos(db, orgId).where('draftId', '==', id).get();
  for (const doc of snap.docs) await doc.ref.delete();
  await drafts(db, orgId).doc(id).delete();
}

// ---------- photos ----------

/** Records a photo message of a draft (not fetched yet); false when it was recorded before (a redelivery). */
export async function addPendingPhoto(db: Firestore, orgId: string, p: Pick<DraftPhoto, 'draftId' | 'nonce' | 'messageId' | 'sentAt' | 'expireAt'>): Promise<boolean> {
  const id = `${p.draftId}-${p.messageId}`;
  return createIfAbsent(() => photos(db, orgId).doc(id).create({ ...p, state: 'pending', contentType: null, bytes: null, problem: null }));
}

export async function setPhotoResult(db: Firestore, orgId: string, id: string, result: { contentType: PhotoType; bytes: Buffer } | { problem: string }): Promise<void> {
  await photos(db, orgId)
    .doc(id)
    .update('problem' in result ? { state: 'refused', problem: result.problem } : { state: 'ready', contentType: result.contentType, bytes: result.bytes, size: result.bytes.length });
}

/** The photos of one draft (its nonce), oldest first. */
export async function listPhotos(db: Firestore, orgId: string, draftId: string, nonce: string): Promise<DraftPhoto[]> {
  const snap = await photos(db, orgId).where('draftId', '==', draftId).get();
  return snap.docs
    .map((doc) => photoOf(doc.id, doc.data()))
    .filter((p) => p.nonce === nonce)
    .sort((a, b) => a.sentAt - b.sentAt || a.messageId.localeCompare(b.messageId));
}

// ---------- filing ----------

/** Claims the filing of one draft (its nonce): exactly one consent files it. */
export async function claimFiling(db: Firestore, orgId: string, nonce: string, now: Date, expireAt: Date): Promise<boolean> {
  return createIfAbsent(() => filings(db, orgId).doc(nonce).create({ claimedAt: now.toISOString(), trackingCode: null, expireAt }));
}

export async function recordFiling(db: Firestore, orgId: string, nonce: string, trackingCode: string): Promise<void> {
  await filings(db, orgId).doc(nonce).update({ trackingCode });
}

/** A claimed filing that failed (the form's rules refused it): released so the resident can answer and try again. */
export async function releaseFiling(db: Firestore, orgId: string, nonce: string): Promise<void> {
  await filings(db, orgId).doc(nonce).delete();
}

export async function getFiling(db: Firestore, orgId: string, nonce: string): Promise<{ trackingCode: string | null } | null> {
  const snap = await filings(db, orgId).doc(nonce).get();
  if (!snap.exists) return null;
  const code: unknown = snap.get('trackingCode');
  return { trackingCode: typeof code === 'string' ? code : null };
}

// ---------- expiry ----------

/**
 * Deletes what expired: drafts, their photos (bytes are personal data; a TTL policy may take up to a day to act),
 * and filing claims. Returns the counts.
 */
export async function deleteExpired(db: Firestore, orgId: string, now: Date): Promise<{ drafts: number; photos: number; filings: number }> {
  const counts = { drafts: 0, photos: 0, filings: 0 };
  const expiredDrafts = await drafts(db, orgId).where('expireAt', '<=', now).get();
  for (const doc of expiredDrafts.docs) {
    await deleteDraft(db, orgId, doc.id);
    counts.drafts++;
  }
  const expiredPhotos = await photos(db, orgId).where('expireAt', '<=', now).get();
  for (const doc of expiredPhotos.docs) {
    await doc.ref.delete();
    counts.photos++;
  }
  const expiredFilings = await filings(db, orgId).where('expireAt', '<=', now).get();
  for (const doc of expiredFilings.docs) {
    await doc.ref.delete();
    counts.filings++;
  }
  return counts;
}
