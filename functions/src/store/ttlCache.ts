/**
 * Remembers found values for a short time, to spare storage reads on hot paths (every webhook reads its organisation
 * and channel secret). Misses are not remembered: something created a moment ago is found at once. `reload(key)`
 * reads the value again now, at most once per `minReloadMs` per key (a caller that can be made to ask for reloads, such
 * as a request with a bad signature, cannot turn every request into a storage read); otherwise it gives the cached one.
 */
export interface TtlCache<T> {
  (key: string): Promise<T | null>;
  reload(key: string): Promise<T | null>;
}

export function ttlCache<T>(load: (key: string) => Promise<T | null>, ttlMs: number, now: () => number = Date.now, minReloadMs = 10_000): TtlCache<T> {
  const entries = new Map<string, { value: T; at: number }>();
  const reloadedAt = new Map<string, number>();
  const fetch = async (key: string): Promise<T | null> => {
    const value = await load(key);
    if (value === null) entries.delete(key);
    else entries.set(key, { value, at: now() });
    return value;
  };
  const get = async (key: string): Promise<T | null> => {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    return fetch(key);
  };
  return Object.assign(get, {
    async reload(key: string): Promise<T | null> {
      const last = reloadedAt.get(key);
      if (last !== undefined && now() - last < minReloadMs) return get(key);
      reloadedAt.set(key, now());
      return fetch(key);
    },
  });
}
