import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import type { IndexPersistence, StoredIndex } from './knowledgeBase.ts';

/**
 * The organisation's built answer index in Firestore, so a cold instance or a cache miss loads it (a few ms) instead
 * of building it again: `orgs/{orgId}/searchIndex/current` holds the key it was built under (indexCodec.ts
 * `indexKey`: a hash of the documents and the engine) and the number of chunks; `…/current/chunks/{n}` hold the
 * deflated bytes (indexCodec.ts), each under Firestore's 1 MiB document limit. Head and chunks are written in one
 * batch; a reader checks every chunk carries the head's key, so it never mixes two versions.
 */

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** Bytes per chunk document: under the 1 MiB document limit with room for the other fields. */
export const INDEX_CHUNK_BYTES = 900 * 1024;
/** At most this many chunks (about 7 MiB deflated, some 14 times the largest demo index); a larger one is not stored. */
export const MAX_INDEX_CHUNKS = 8;

const headRef = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.searchIndex).doc('current');
const chunksRef = (db: Firestore, orgId: string) => headRef(db, orgId).collection(COLLECTIONS.searchIndexChunks);

interface Head {
  key: string;
  chunks: number;
  bytes: number;
  storedAt: string;
}

function isHead(v: unknown): v is Head {
  const h = v as Partial<Head> | undefined;
  return typeof h?.key === 'string' && typeof h.chunks === 'number' && typeof h.bytes === 'number';
}

const asBytes = (v: unknown): Uint8Array | null => (v instanceof Uint8Array ? v : null);

/** The stored index of the organisation (null when none, or when its chunks do not agree with its head). */
export async function readSearchIndex(db: Firestore, orgId: string): Promise<StoredIndex | null> {
  const [head, chunks] = await Promise.all([headRef(db, orgId).get(), chunksRef(db, orgId).get()]);
  const h: unknown = head.data();
  if (!isHead(h)) return null;
  const parts: Uint8Array[] = [];
  for (const snap of chunks.docs) {
    const n: unknown = snap.get('n');
    const data = asBytes(snap.get('data'));
    if (typeof n !== 'number' || n >= h.chunks) continue;
    if (snap.get('key') !== h.key || !data) return null;
    parts[n] = data;
  }
  for (let n = 0; n < h.chunks; n++) if (!parts[n]) return null;
  const deflated = Buffer.concat(parts);
  const blob = await inflate(deflated);
  return blob.length === h.bytes ? { key: h.key, blob } : null;
}

/**
 * Stores the organisation's index under its key, replacing the one before. One batch and no read (a write can run
 * after the answer, and reads never settle once the client is closed): chunks beyond the new count, up to
 * `MAX_INDEX_CHUNKS`, are deleted whether they exist or not.
 */
export async function writeSearchIndex(db: Firestore, orgId: string, stored: StoredIndex, now: Date, chunkBytes = INDEX_CHUNK_BYTES): Promise<void> {
  const deflated = await deflate(stored.blob, { level: 1 });
  const count = Math.max(1, Math.ceil(deflated.length / chunkBytes));
  if (count > MAX_INDEX_CHUNKS) throw new Error(`search index of ${deflated.length} bytes deflated is over ${MAX_INDEX_CHUNKS} chunks`);
  const batch = db.batch();
  for (let n = 0; n < count; n++) {
    batch.set(chunksRef(db, orgId).doc(String(n)), { key: stored.key, n, data: deflated.subarray(n * chunkBytes, (n + 1) * chunkBytes) });
  }
  for (let n = count; n < MAX_INDEX_CHUNKS; n++) batch.delete(chunksRef(db, orgId).doc(String(n)));
  const head: Head = { key: stored.key, chunks: count, bytes: stored.blob.length, storedAt: now.toISOString() };
  batch.set(headRef(db, orgId), head);
  await batch.commit();
}

/** `IndexPersistence` over Firestore, for `KnowledgeBase`. */
export function firestoreIndexStore(db: Firestore, options: { chunkBytes?: number; now?: () => Date } = {}): IndexPersistence {
  return {
    read: (orgId) => readSearchIndex(db, orgId),
    write: (orgId, stored) => writeSearchIndex(db, orgId, stored, options.now?.() ?? new Date(), options.chunkBytes),
  };
}
