import { UnavailableError } from '../errors.ts';

/**
 * Gives up on a storage call after `ms`. The Firestore client retries an unreachable backend for up to a minute; a
 * caller that must answer in time (LINE waits 2 seconds) answers 503 instead, and LINE's redelivery tries again.
 */
export async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`${what} (no answer in ${ms} ms)`)), ms);
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
