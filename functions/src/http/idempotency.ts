import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { withDeadline } from '../store/deadline.ts';
import { claimRequestKey, completeRequestKey, getRequestKey, releaseRequestKey } from './idempotencyStore.ts';

/** The header a client sets on a state-changing call; the LIFF app sends a fresh one per button press. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY = /^[A-Za-z0-9_-]{16,100}$/;
/** A duplicate that arrives while the first is still running waits this long for its answer. */
const WAIT_MS = 4000;
const POLL_MS = 100;
/** Answers larger than this are not kept (a replay then says the request was already done). */
const MAX_KEPT = 100_000;
const STORAGE_DEADLINE_MS = 1500;

/**
 * Idempotent state changes: a POST/PUT/PATCH/DELETE under `/api/orgs/:orgId` that carries `Idempotency-Key` (and a
 * bearer token) runs once. The first request claims the key (create-if-absent on `orgs/{orgId}/requestKeys/{hash}`, so two racing copies
 * cannot both win, on real Firestore and the embedded emulator alike), runs, and stores its answer; a copy (double tap,
 * a retry after a lost answer) gets the same answer, marked `Idempotent-Replayed: true`, without running again. A copy
 * that arrives while the first still runs waits for it. 5xx and 401 answers are not kept, so a retry runs again.
 */
export function idempotency(deps: { db: Firestore; clock: Clock; log: Logger }): RequestHandler {
  return async (req, res, next) => {
    const key = req.get(IDEMPOTENCY_HEADER);
    if (key === undefined || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    // Only for callers who identify themselves (staff and residents with a LINE token): an anonymous caller's key is
    // ignored, so nobody can make the server write key records without a token.
    if (!req.get('authorization')) return next();
    if (!KEY.test(key)) throw new ValidationError([{ path: IDEMPOTENCY_HEADER, message: 'ต้องเป็นรหัส 16-100 ตัว (A-Z a-z 0-9 _ -)' }]);
    const orgId = orgIdSchema.safeParse(req.params.orgId);
    if (!orgId.success) return next();
    // The key is scoped to the method and path: the same key on another action is another request.
    const id = createHash('sha256').update(`${req.method} ${req.originalUrl.split('?')[0]} ${key}`).digest('hex').slice(0, 40);
    const { db } = deps;
    const claimed = await withDeadline('idempotency key', STORAGE_DEADLINE_MS, claimRequestKey(db, orgId.data, id, deps.clock.now()));
    if (!claimed) return replay(res, await waitForAnswer(db, orgId.data, id));
    keepAnswer(res, async (status, body) => {
      try {
        if (status >= 500 || status === 401 || status === 429) await releaseRequestKey(db, orgId.data, id);
        else await completeRequestKey(db, orgId.data, id, status, body.length <= MAX_KEPT ? body : '');
      } catch (err) {
        deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'idempotency key not updated');
      }
    });
    next();
  };
}

async function waitForAnswer(db: Firestore, orgId: string, id: string) {
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    const stored = await withDeadline('idempotency key', STORAGE_DEADLINE_MS, getRequestKey(db, orgId, id));
    if (stored?.state === 'done') return stored;
    if (!stored) break; // the first attempt failed and let go of the key: this copy may try again later
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new ConflictError('request with this idempotency key still running', 'คำขอเดียวกันกำลังดำเนินการอยู่ กรุณารอสักครู่แล้วโหลดข้อมูลใหม่');
}

function replay(res: Response, stored: { status: number; body: string }) {
  res.set('Idempotent-Replayed', 'true');
  res.status(stored.status);
  if (stored.body) res.type('application/json').send(stored.body);
  else res.json({ replayed: true });
}

/** Stores the answer before it goes out, so a copy that arrives after the client saw it always finds it. */
function keepAnswer(res: Response, save: (status: number, body: string) => Promise<void>) {
  const json = res.json.bind(res);
  let saved = false;
  res.json = (body: unknown) => {
    if (saved) return json(body);
    saved = true;
    void save(res.statusCode, JSON.stringify(body ?? null)).finally(() => json(body));
    return res;
  };
  // An answer that is not JSON (or none at all) leaves no record: let the key go when the response ends.
  res.on('close', () => {
    if (!saved) {
      saved = true;
      void save(res.statusCode >= 400 ? res.statusCode : 500, '');
    }
  });
}
