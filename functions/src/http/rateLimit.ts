import { createHash } from 'node:crypto';
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { withDeadline } from '../store/deadline.ts';
import { admitInWindow } from './rateLimitStore.ts';

/**
 * Request limits that hold across instances: fixed windows kept in Firestore (`rateLimits/{hash}/hits`, TTL on
 * `expireAt`; see rateLimitStore.ts), so every Cloud Functions instance sees the same count (an in-memory limiter is per instance: N
 * instances allow N times the limit). The key (organisation + verified LINE user, or + client address when there is
 * no token) is stored only as a hash. `limit` requests per `windowMs`; a window boundary may let up to 2 × limit
 * through in a short span, which is acceptable for the purpose (stopping floods and enumeration, not metering).
 * Used by complaint filing, rating submission and tracking-code lookups (docs/security.md).
 */
export interface RateLimiter {
  take(key: string): Promise<boolean>;
}

export interface WindowLimit {
  limit: number;
  windowMs: number;
}

const STORAGE_DEADLINE_MS = 1500;

export function createRateLimiter(options: WindowLimit & { name: string; db: Firestore; clock: Clock }): RateLimiter {
  return {
    async take(key) {
      const now = options.clock.now().getTime();
      const start = now - (now % options.windowMs);
      const id = createHash('sha256').update(`${options.name}|${key}|${start}`).digest('hex').slice(0, 40);
      const expireAt = new Date(start + options.windowMs + 60_000);
      return withDeadline('rate limit', STORAGE_DEADLINE_MS, admitInWindow(options.db, id, options.limit, expireAt));
    },
  };
}
