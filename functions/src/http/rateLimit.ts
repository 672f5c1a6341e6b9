import type { Clock } from '../clock.ts';

/**
 * In-memory token buckets, one per key (organisation + LINE user from the verified token, or organisation + IP when
 * there is none). Each bucket holds `capacity` requests and regains one every `refillMs`. Per process: several Cloud
 * Functions instances each keep their own buckets, which is acceptable for the purpose (stopping a flood from one
 * phone or a looping script, not a determined attacker; the once-only keys stop duplicates). Complaint filing
 * (docs/decisions/042-filing-rate-limit.md) and rating submission (docs/decisions/082-ratings-rate-limit.md) use it.
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
      if (refilled < 1) {
        buckets.set(key, { tokens: refilled, at: now });
        return false;
      }
      buckets.delete(key);
      buckets.set(key, { tokens: refilled - 1, at: now });
      // Oldest-touched keys go first when the map is full (Map keeps insertion order).
      while (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest === undefined) break;
        buckets.delete(oldest);
      }
      return true;
    },
  };
}
