/**
 * Staff references: how the LIFF app names a person it may act on (remove a role, revoke the integrity role) and how
 * the audit trail tells people apart, without the LINE user id (decision 114). A reference is an HMAC of the LINE
 * user id under the organisation's own random key (refKeyStore.ts): stable for a person within the organisation,
 * different across organisations, meaningless without the key, and never stored. The server turns one back into a
 * person by computing the references of the candidates it already has (the organisation's staff: tens of people).
 */
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Firestore } from '../store/firestore.ts';
import { getOrCreateStaffRefKey } from './refKeyStore.ts';

/** 22 base64url characters: 132 bits of the HMAC-SHA-256 (the contract's `staffRefSchema` checks the shape). */
const REF_CHARS = 22;

export interface StaffRefs {
  /** The reference of a LINE user id; null for none (an invitation not redeemed yet, the operator). */
  of(userId: string | null | undefined): string | null;
  /** The candidate the reference names, if any. */
  find<T extends { userId: string }>(ref: string, among: readonly T[]): T | undefined;
}

export function staffRefsWithKey(key: Buffer): StaffRefs {
  const memo = new Map<string, string>();
  const of = (userId: string | null | undefined): string | null => {
    if (!userId) return null;
    let ref = memo.get(userId);
    if (!ref) {
      ref = createHmac('sha256', key).update(userId, 'utf8').digest('base64url').slice(0, REF_CHARS);
      memo.set(userId, ref);
    }
    return ref;
  };
  return { of, find: (ref, among) => among.find((m) => of(m.userId) === ref) };
}

/** Keys per Firestore instance and organisation, read once per process (a key never changes once created). */
const keys = new WeakMap<Firestore, Map<string, Promise<Buffer>>>();

export async function staffRefsFor(deps: { db: Firestore; clock: Clock }, orgId: string): Promise<StaffRefs> {
  let perOrg = keys.get(deps.db);
  if (!perOrg) keys.set(deps.db, (perOrg = new Map()));
  let key = perOrg.get(orgId);
  if (!key) {
    key = getOrCreateStaffRefKey(deps.db, orgId, deps.clock.now());
    perOrg.set(orgId, key);
    // A failed read is not kept: the next request tries again.
    key.catch(() => perOrg.delete(orgId));
  }
  return staffRefsWithKey(await key);
}
