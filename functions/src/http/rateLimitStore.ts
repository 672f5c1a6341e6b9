import { FieldPath, FieldValue, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';

/**
 * Admits a request to a fixed window if it is among the window's first `limit` requests. Each request records one hit
 * (`rateLimits/{window}/hits/{random id}`, server timestamp), then reads the window's first `limit` hits in server
 * order (ties by document id): every instance reads the same order, so exactly `limit` requests are admitted however
 * many race — on real Firestore and on the embedded emulator alike, with no transaction. (A counter incremented and
 * read back would refuse every racer after the first: each reads the others' increments.) Hits expire by TTL on
 * `expireAt`.
 */
export async function admitInWindow(db: Firestore, windowId: string, limit: number, expireAt: Date): Promise<boolean> {
  const hits = db.collection(COLLECTIONS.rateLimits).doc(windowId).collection(COLLECTIONS.rateLimitHits);
  const mine = hits.doc();
  await mine.create({ at: FieldValue.serverTimestamp(), expireAt });
  const first = await hits.orderBy('at').orderBy(FieldPath.documentId()).limit(limit).select().get();
  return first.docs.some((d) => d.id === mine.id);
}
