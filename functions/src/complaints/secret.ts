/**
 * The tracking secret of an anonymous report: 16 characters of Crockford base32 (80 random bits; no I, L, O or U, so
 * nothing reads as 0/1 or another letter), shown grouped for reading as XXXX-XXXX-XXXX-XXXX. Input is forgiving: any
 * case, spaces and dashes ignored, and the letters people confuse (O → 0, I/L → 1) read as Crockford says. Only a hash
 * is stored. Secrets issued before this format (24 base64url characters, case-sensitive) still match by their hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SECRET_LENGTH = 16;

/** A new secret, grouped for reading: `7K2M-9QXD-4HPA-1RTE`. */
export function newTrackingSecret(): string {
  const bytes = randomBytes(10); // 80 bits = 16 × 5
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The canonical form of a typed secret in the new format, or null when it is not one (e.g. an older secret). */
export function normalizeTrackingSecret(input: string): string | null {
  const s = input.normalize('NFKC').replace(/[\s\-‐-―_.]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === SECRET_LENGTH && [...s].every((ch) => ALPHABET.includes(ch)) ? s : null;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** What is stored for a new secret: the hash of its canonical form. */
export function hashTrackingSecret(secret: string): string {
  return sha(normalizeTrackingSecret(secret) ?? secret);
}

/**
 * Whether a typed secret matches the stored hash, in constant time whatever the input: both the canonical form (new
 * secrets) and the exact text (secrets issued before, which were case-sensitive base64url) are hashed and compared.
 */
export function trackingSecretMatches(secret: string | undefined, hash: string | null): boolean {
  const typed = secret ?? '';
  const b = Buffer.from(hash ?? '', 'hex');
  const same = (candidate: string) => {
    const a = Buffer.from(sha(candidate), 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const canonical = same(normalizeTrackingSecret(typed) ?? typed);
  const legacy = same(typed.trim());
  return (canonical || legacy) && !!typed && !!hash;
}
