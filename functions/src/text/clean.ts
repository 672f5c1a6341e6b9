import { z } from 'zod';

/**
 * Clean text in, clean text out. Every free-text field that comes from outside (citizens, staff, LINE profiles, LINE
 * messages) goes through `cleanText` — in schemas through `safeText` — before it is stored or shown to anyone:
 *
 * - C0 controls (U+0000-U+001F) except, in multi-line text, newline and tab; DEL and C1 controls (U+007F-U+009F);
 * - bidirectional formatting: LRM/RLM (U+200E/F), ALM (U+061C), embeddings and overrides (U+202A-U+202E), isolates
 *   (U+2066-U+2069): a name cannot be made to display reversed in a staff card;
 * - line/paragraph separators (U+2028/9, become newlines or spaces), the BOM/ZWNBSP (U+FEFF), invisible operators
 *   (U+2061-U+2064), interlinear annotation (U+FFF9-U+FFFB), and unpaired surrogates.
 *
 * Kept: every letter of every script (Thai, Burmese, Lao, …), combining marks, emoji with their joiners (ZWJ U+200D,
 * variation selectors), ZWNJ (U+200C) and the zero-width space (U+200B) Thai word processors put between words.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const ALWAYS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2061-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  let s = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n').replace(ALWAYS, '').replace(LONE_SURROGATE, '');
  if (options.multiline) {
    // Trailing spaces on each line and runs of blank lines are noise; three newlines at most in a row.
    s = s.replace(/[ \t]+\n/g, '\n').replace(/\n{4,}/g, '\n\n\n');
  } else {
    s = s.replace(/[\n\t]+/g, ' ');
  }
  return s.trim();
}

export interface SafeTextOptions {
  max: number;
  min?: number;
  multiline?: boolean;
  /** Thai messages: when it is not a string, too short (or empty), too long. */
  notText?: string;
  tooShort?: string;
  tooLong?: string;
}

/**
 * The one zod schema for free text from outside: cleaned (see above), trimmed, then its length checked. A raw value
 * far longer than the cap is refused before any cleaning work.
 */
export function safeText(o: SafeTextOptions) {
  const tooLong = o.tooLong ?? `ยาวเกิน ${o.max} ตัวอักษร`;
  const min = o.min ?? 0;
  const inner = z.string().max(o.max, { error: tooLong });
  return z
    .string({ error: o.notText ?? 'ต้องเป็นข้อความ' })
    .max(o.max * 2 + 64, { error: tooLong })
    .transform((s) => cleanText(s, { multiline: o.multiline ?? false }))
    .pipe(min > 0 ? inner.min(min, { error: o.tooShort ?? (min <= 1 ? 'กรุณากรอกข้อความ' : `ต้องยาวอย่างน้อย ${min} ตัวอักษร`) }) : inner);
}
