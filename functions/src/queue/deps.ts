/**
 * What the queue's use cases are given (app.ts makes one per process and hands it to the router and the LINE
 * handlers): the store, the notifier, the clock, and the process-wide pieces that must be shared — one number claimer,
 * one read cache, one map of ticket requests under way.
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { TicketView } from '../contracts/queue.ts';
import { createNumberClaimer, type NumberClaimer } from './numbering.ts';
import type { Via } from './schema.ts';
import type { QueueStore } from './store.ts';

export interface QueueDeps {
  store: QueueStore;
  notifier: Notifier;
  clock: Clock;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** One per process: serialises this process's number claims (numbering.ts). */
  claimer: NumberClaimer;
  /** Short-lived reads shared by pages that poll (ticket pages, boards). */
  cache: ReadCache;
  /** One per process: each person's ticket request under way, per service-day, that a second request joins. */
  issuing?: Map<string, Promise<{ ticket: TicketView; created: boolean }>>;
}

export function createQueueDeps(deps: Omit<QueueDeps, 'claimer' | 'cache' | 'issuing'> & { claimer?: NumberClaimer | undefined }): QueueDeps {
  return { ...deps, claimer: deps.claimer ?? createNumberClaimer(), cache: createReadCache(), issuing: new Map() };
}

/** Who acts: the citizen (their verified LINE id), a staff member, or the system. */
export interface Actor {
  userId: string | null;
  name: string;
  kind: 'citizen' | 'staff' | 'system';
  via: Via;
}

// ---------- a tiny read cache: polling pages must not each read Firestore every second ----------

export interface ReadCache {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Forget everything under a prefix (this process changed it). */
  drop(prefix: string): void;
}

function createReadCache(): ReadCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      // Real time, not the injected clock: a fixed test clock must not freeze the cache forever.
      const t = Date.now();
      if (hit && t - hit.at < ttlMs) return hit.value as Promise<T>;
      if (entries.size > 5_000) entries.clear();
      const value = load();
      entries.set(key, { at: t, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    drop(prefix) {
      for (const k of entries.keys()) if (k.startsWith(prefix)) entries.delete(k);
    },
  };
}

export const dayKey = (orgId: string, serviceId: string, day: string) => `${orgId}/${serviceId}/${day}`;
