/**
 * Remembers found values for a short time, to spare storage reads on hot paths (every webhook reads its organisation
 * and channel secret). Misses are not remembered: something created a moment ago is found at once.
 */
export function ttlCache<T>(load: (key: string) => Promise<T | null>, ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { value: T; at: number }>();
  return async (key: string): Promise<T | null> => {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = await load(key);
    if (value === null) entries.delete(key);
    else entries.set(key, { value, at: now() });
    return value;
  };
}
