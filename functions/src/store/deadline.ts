import { UnavailableError } from '../errors.ts';

/**
 * How long the server waits on storage before it answers 503, and on work under way before a stop closes anyway.
 * Production uses `storageTimings` as is; tests that take storage down pass shorter values (runtime option
 * `storageTimings`) so the same paths run without seconds of real waiting.
 */
export interface StorageTimings {
  /** A storage call on a path that must answer in time (the webhook: LINE waits 2 seconds). */
  callMs: number;
  /** The health check's storage read. */
  healthMs: number;
  /** The probe read made for an API request that has not answered yet. */
  probeMs: number;
  /** An API request that has not started answering after this long gets storage probed (and again as often). */
  requestCheckMs: number;
  /** How long a stop waits for requests and abandoned storage calls before closing anyway. */
  shutdownGraceMs: number;
}

export const storageTimings: StorageTimings = { callMs: 1500, healthMs: 1500, probeMs: 900, requestCheckMs: 1000, shutdownGraceMs: 10_000 };

/**
 * Gives up on a storage call after `ms`. The Firestore client retries an unreachable backend for up to a minute; a
 * caller that must answer in time (LINE waits 2 seconds) answers 503 instead, and LINE's redelivery tries again.
 */
export async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandon(work);
      reject(new UnavailableError(`${what} (no answer in ${ms} ms)`));
    }, ms);
  });
  // The work goes on after a timeout; its late failure was already answered as 503, so it must not surface unhandled.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } catch (err) {
    if (err instanceof UnavailableError) throw err;
    throw new UnavailableError(`${what}: ${err instanceof Error ? err.message : 'failed'}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Storage calls that a deadline gave up on but that still run (the client keeps retrying them). */
const abandoned = new Set<Promise<unknown>>();

/** Also used for a whole request answered 503 while its handler still waits on storage (http/health.ts). */
export function abandon(work: Promise<unknown>): void {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  abandoned.add(settled);
  void settled.then(() => abandoned.delete(settled));
}

/**
 * Waits (at most `ms`) for the storage calls abandoned at a deadline to finish: a shutdown must not close the Firestore
 * client under them (a call issued on a closed client fails unhandled inside the client library). Returns how many are
 * still running when it gives up.
 */
export async function abandonedWorkSettled(ms: number): Promise<number> {
  const until = Date.now() + ms;
  while (abandoned.size > 0 && Date.now() < until) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([...abandoned]), new Promise((r) => (timer = setTimeout(r, until - Date.now())))]);
    clearTimeout(timer);
  }
  return abandoned.size;
}
