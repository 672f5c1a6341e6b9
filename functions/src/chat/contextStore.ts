import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { CONTEXT_TTL_MS, type ConversationContext } from './types.ts';

/** Per-user conversation memory between two messages. `null` clears it. */
export interface ContextStore {
  get(orgId: string, userId: string): Promise<ConversationContext | null>;
  set(orgId: string, userId: string, context: ConversationContext | null): Promise<void>;
}

export class InMemoryContextStore implements ContextStore {
  private readonly map = new Map<string, ConversationContext>();
  async get(orgId: string, userId: string): Promise<ConversationContext | null> {
    return this.map.get(`${orgId}/${userId}`) ?? null;
  }
  async set(orgId: string, userId: string, context: ConversationContext | null): Promise<void> {
    if (context) this.map.set(`${orgId}/${userId}`, context);
    else this.map.delete(`${orgId}/${userId}`);
  }
}

/** The collection under orgs/{orgId}; its documents carry `expiresAt` for a Firestore TTL policy. */
export const CHAT_CONTEXTS = 'chatContexts';

/**
 * `orgs/{orgId}/chatContexts/{userId}`: `{ context, expiresAt }`. Configure a TTL policy on `expiresAt` (collection
 * group chatContexts) so old contexts are deleted; the engine ignores stale ones itself (TTL deletion lags), by the
 * injected clock.
 * Last write wins: one user's messages are answered in order, and a lost context only costs a follow-up.
 */
export class FirestoreContextStore implements ContextStore {
  private readonly db: Firestore;
  constructor(db: Firestore) {
    this.db = db;
  }
  private ref(orgId: string, userId: string) {
    return this.db.collection(COLLECTIONS.orgs).doc(orgId).collection(CHAT_CONTEXTS).doc(userId);
  }
  async get(orgId: string, userId: string): Promise<ConversationContext | null> {
    const snap = await this.ref(orgId, userId).get();
    const data = snap.data() as { context?: ConversationContext; expiresAt?: Timestamp } | undefined;
    // Staleness is judged by the answer against the injected clock (answer.ts `fresh`), not by this machine's time.
    return data?.context ?? null;
  }
  async set(orgId: string, userId: string, context: ConversationContext | null): Promise<void> {
    if (!context) {
      await this.ref(orgId, userId).delete();
      return;
    }
    const expiresAt = Timestamp.fromMillis(Date.parse(context.at) + CONTEXT_TTL_MS);
    // Stored as JSON-safe data; undefined fields dropped.
    await this.ref(orgId, userId).set({ context: JSON.parse(JSON.stringify(context)) as ConversationContext, expiresAt });
  }
}
