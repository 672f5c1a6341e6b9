import { randomInt } from 'node:crypto';
import { thaiDigitsToArabic } from '../text/numbers.ts';

/**
 * Tracking codes a person can read out on the phone: `RT-` and six characters from an alphabet without 0/O/1/I
 * (and without U/L, which are misheard), the last being a check character. A mistyped character is caught before any
 * lookup, so a wrong code typed in chat gets "check the code" rather than "not found".
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'RT';
const BODY = 5;

function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += CODE_ALPHABET.indexOf(body[i] ?? '') * (i + 2);
  return CODE_ALPHABET[sum % CODE_ALPHABET.length] ?? '2';
}

export function newTrackingCode(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < BODY; i++) body += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return `${PREFIX}-${body}${checkChar(body)}`;
}

/**
 * Reads a code as people type it: any case, Thai digits, with or without the dash or spaces, O for 0 is NOT guessed.
 * Returns the canonical `RT-XXXXXX` or null when it is not a well-formed code with a valid check character.
 */
export function parseTrackingCode(input: string): string | null {
  const s = thaiDigitsToArabic(input).toUpperCase().replace(/[\s-]/g, '');
  const m = /^RT([2-9A-Z]{6})$/.exec(s);
  if (!m?.[1]) return null;
  const chars = m[1];
  if ([...chars].some((c) => !CODE_ALPHABET.includes(c))) return null;
  const body = chars.slice(0, BODY);
  return checkChar(body) === chars.slice(BODY) ? `${PREFIX}-${chars}` : null;
}

/** Finds the first well-formed code inside a chat message ("ติดตามเรื่อง rt-7k4m2q ค่ะ"). */
export function findTrackingCode(text: string): string | null {
  // Spaces or dashes may split the code as it is displayed or read out ("RT PER SKQ", "rt-per-skq").
  const candidates = thaiDigitsToArabic(text).toUpperCase().match(/(?<![0-9A-Z])RT(?:[\s-]*[0-9A-Z]){6}(?![0-9A-Z])/g) ?? [];
  for (const c of candidates) {
    const code = parseTrackingCode(c);
    if (code) return code;
  }
  return null;
}
