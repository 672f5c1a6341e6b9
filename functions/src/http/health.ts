import { Router, type RequestHandler, type Response } from 'express';
import type { Firestore } from '../store/firestore.ts';
import type { Logger } from '../log.ts';
import { countExistingOrgs } from '../orgs/store.ts';
import { abandon, storageTimings, withDeadline, type StorageTimings } from '../store/deadline.ts';

/** What a 503 asks the client to wait before retrying, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * `GET /healthz`: 200 only when storage answers within its deadline AND holds the organisations this server serves
 * (`servedOrgs`: the LINE_CHANNELS organisations in production, the demo organisations locally; with none known, at
 * least one organisation). A restarted, empty database is not "ok".
 */
export function healthRouter(deps: { db: Firestore; mode: string; servedOrgs: string[]; timings?: StorageTimings }): Router {
  const { healthMs } = deps.timings ?? storageTimings;
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const present = await withDeadline('health check', healthMs, countExistingOrgs(deps.db, deps.servedOrgs));
    const expected = Math.max(1, deps.servedOrgs.length);
    if (present < expected) {
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      return void res.status(503).json({ status: 'unavailable', reason: `storage holds ${present} of the ${expected} organisations served`, mode: deps.mode });
    }
    res.json({ status: 'ok', mode: deps.mode, orgs: present });
  });
  return router;
}

/** The longest a handler answered 503 is waited for at shutdown (the Firestore client gives up after about 45 s). */
const ABANDONED_HANDLER_MS = 60_000;

/**
 * The handler of a request answered 503 goes on waiting for storage. Its late answer is swallowed (not an error), and
 * until it comes (or the handler fails into the error handler) it counts as abandoned storage work, so a shutdown
 * does not close the Firestore client under it (store/deadline.ts abandonedWorkSettled).
 */
function abandonHandler(res: Response): void {
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const timer = setTimeout(done, ABANDONED_HANDLER_MS);
  timer.unref();
  const late = () => {
    clearTimeout(timer);
    done();
    return res;
  };
  res.json = late;
  res.send = late;
  (res.locals as LateAnswer).lateAnswer = late;
  abandon(finished);
}

/** Set on a response already answered 503 by the storage deadline; the error handler calls it for a late failure. */
export interface LateAnswer {
  lateAnswer?: () => void;
}

/**
 * The deadline of every API request's storage work. The Firestore client retries an unreachable backend for about
 * 45 seconds per call; a request that has not started answering after 1 s has storage probed (one read, 0.9 s
 * deadline; requests waiting at the same moment share one probe, so a burst of slow requests does not pile probes on a
 * busy database): if storage does not answer, the request is answered 503 with Retry-After at once (under 2 s in all;
 * its own storage calls fail later, unseen). A request that is slow for another reason while storage answers goes
 * on, and is checked again every second. A 503 leaves the outcome of a write unknown; an Idempotency-Key makes the
 * retry safe.
 */
export function storageDeadline(deps: { db: Firestore; log: Logger; timings?: StorageTimings }): RequestHandler {
  const { probeMs, requestCheckMs } = deps.timings ?? storageTimings;
  let inFlight: Promise<boolean> | undefined;
  const probe = (): Promise<boolean> =>
    (inFlight ??= withDeadline('storage probe', probeMs, countExistingOrgs(deps.db, []))
      .then(() => true, () => false)
      .finally(() => {
        inFlight = undefined;
      }));
  return (req, res, next) => {
    let timer: NodeJS.Timeout | undefined;
    const check = async () => {
      if (res.headersSent) return;
      const up = await probe();
      if (res.headersSent) return;
      if (up) {
        timer = setTimeout(() => void check(), requestCheckMs);
        timer.unref();
        return;
      }
      deps.log.error({ method: req.method, path: req.route?.path ?? req.path.replace(/\/U[0-9a-f]{32}/g, '/U…') }, 'storage did not answer in time: 503');
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ error: 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง' });
      abandonHandler(res);
    };
    timer = setTimeout(() => void check(), requestCheckMs);
    timer.unref();
    const stop = () => clearTimeout(timer);
    res.on('finish', stop).on('close', stop);
    next();
  };
}
