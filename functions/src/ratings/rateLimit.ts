import type { Clock } from '../clock.ts';

/**
 * In-memory token buckets, one per organisation + LINE user (from the verified token). Each bucket holds `capacity`
 * submissions and regains one every `refillMs`. Per process: several Cloud Functions instances each keep their own
 * buckets, which is acceptable here (the once-only keys already stop duplicates; this stops a loop or a script from
 * flooding the staff group with low-score alerts across many services). docs/decisions/082-ratings-rate-limit.md.
 */
export interface RateLimiter {
  take(key: string): boolean;
}

export function createRateLimiter(options: { capacity: number; refillMs: number; clock: Clock; maxKeys?: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    take(key) {
      const now = options.clock.now().getTime();
      const b = buckets.get(key) ?? { tokens: options.capacity, at: now };
      const refilled = Math.min(options.capacity, b.tokens + Math.max(0, now - b.at) / options.refillMs);
      buckets.delete(key);
      const ok = refilled >= 1;
      buckets.set(key, { tokens: ok ? refilled - 1 : refilled, at: now });
      // Least recently used keys go first when the map is full (Map keeps insertion order).
      while (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest === undefined) break;
        buckets.delete(oldest);
      }
      return ok;
    },
  };
}
