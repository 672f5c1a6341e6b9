import { createHash } from 'node:crypto';

/**
 * A UUID (version-5 layout) derived from a stable name, for LINE's X-Line-Retry-Key: the same delivery always
 * carries the same key, so LINE accepts it once and answers 409 to every repeat, from any process.
 */
export function retryKeyFor(name: string): string {
  const h = createHash('sha1').update(`line-retry:${name}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
