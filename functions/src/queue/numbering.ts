/**
 * Gapless, unique ticket numbers per service per Bangkok day, without transactions.
 *
 * A number N is claimed by create() of the ticket document `.../days/{day}/tickets/{N}`: Firestore checks "must not
 * exist" atomically per document, so exactly one request gets N, on real Firestore and on the embedded emulator alike.
 * A claimer only ever tries N = K + 1 where K is known to exist (it created K, or read K as the highest, or failed to
 * create K because it existed), so by induction 1..N all exist when N does: no gaps, and no number is ever deleted.
 *
 * Contention: all requests of a day race for the same next number. Inside one process the claims of a service-day
 * are serialised (a promise chain), and the process remembers the last number it saw, so 200 concurrent requests on
 * one instance make 200 create() calls, not ~200²/2. Several instances still race; a loser re-reads the highest
 * number (one ordered read of one document) and jumps straight past everything claimed meanwhile.
 * `bench/queue.ts` measures both modes.
 */
import { UnavailableError } from '../errors.ts';

export interface NumberSource {
  /** The highest number taken so far (0 for none). */
  highest(): Promise<number>;
  /** Creates the document claiming `n`; false when it exists. */
  tryCreate(n: number): Promise<boolean>;
}

export interface Claim {
  number: number;
  /** create() calls this claim made (1 without contention). */
  attempts: number;
}

export interface NumberClaimer {
  claim(key: string, source: NumberSource): Promise<Claim>;
  /** create() calls made so far, and how many found their number taken (for the bench). */
  stats(): { attempts: number; conflicts: number };
}

const MAX_ATTEMPTS = 200;
const MAX_KEYS = 2_000;

/**
 * One claimer per process. `serialize: false` lets every request race on its own (the naive design; bench only).
 */
export function createNumberClaimer(options: { serialize?: boolean } = {}): NumberClaimer {
  const serialize = options.serialize ?? true;
  const known = new Map<string, number>();
  const tails = new Map<string, Promise<unknown>>();
  let attempts = 0;
  let conflicts = 0;

  const remember = (key: string, n: number) => {
    if (!known.has(key) && known.size >= MAX_KEYS) known.clear();
    if ((known.get(key) ?? 0) < n) known.set(key, n);
  };

  async function claimNow(key: string, source: NumberSource): Promise<Claim> {
    let base = serialize ? (known.get(key) ?? (await source.highest())) : await source.highest();
    for (let tries = 1; tries <= MAX_ATTEMPTS; tries++) {
      const n = base + 1;
      attempts++;
      if (await source.tryCreate(n)) {
        remember(key, n);
        return { number: n, attempts: tries };
      }
      conflicts++;
      // n exists; whatever is highest now exists too, and so does everything below it.
      base = Math.max(n, await source.highest());
      remember(key, base);
    }
    throw new UnavailableError(`ticket number for ${key}: ${MAX_ATTEMPTS} attempts`, 'มีผู้รับบัตรคิวพร้อมกันจำนวนมาก กรุณาลองใหม่อีกครั้ง');
  }

  return {
    claim(key, source) {
      if (!serialize) return claimNow(key, source);
      const previous = tails.get(key) ?? Promise.resolve();
      const mine = previous.then(() => claimNow(key, source), () => claimNow(key, source));
      const tail = mine.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return mine;
    },
    stats: () => ({ attempts, conflicts }),
  };
}
