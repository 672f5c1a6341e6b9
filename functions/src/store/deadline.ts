import { UnavailableError } from '../errors.ts';

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
