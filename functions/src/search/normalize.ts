import { thaiDigitsToArabic } from '../text/thai.ts';

/**
 * Text normalisation for MATCHING (never for display). Two levels:
 * - `normalizeText`: what a reader would consider the same text — Thai digits to Arabic, OCR noise and markup removed,
 *   repeated letters ("มั้ยยย") collapsed, English lowercased, spaces around digit runs, whitespace collapsed. Still
 *   correctly spelt Thai, so `Intl.Segmenter`'s dictionary works on it.
 * - `matchKey`: the skeleton of one token — tone marks, mai taikhu and thanthakhat removed — so "ใหม"/"ใหม่",
 *   "อิเล็กทรอนิกส์"/"อิเลกทรอนิกส" and similar tone/typo variants meet.
 */

// Lao (U+0E80–0EFF) and Khmer (U+1780–17FF, U+19E0–19FF) letters appear as OCR noise inside Thai words.
const OCR_NOISE = /[\u0E80-\u0EFF\u1780-\u17FF\u19E0-\u19FF\u0400-\u04FF]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Markdown emphasis, superscripts written as ^{...}, HTML fragments.
const MARKUP = /\*\*|__|\^\{[^}]*\}|<\/?[a-z][^>]*>/gi;
// Three or more of the same letter: "มั้ยยย", "ค่าาา", "sooo". Double letters are legitimate Thai spelling (ธรรม), and
// so is a triple อ where words meet ("ชื่อออก"): อ collapses from four.
const REPEATS = /([^\P{L}อ][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*)\1{2,}|(อ)\2{3,}/gu;
const isMark = (c: number) => c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);

/**
 * A cheap necessary condition for REPEATS: the same character with the same marks three times running (any script;
 * the pattern `([^M])(M*)\1\2\1`, M a mark, as one scan). The Unicode-aware pattern is most of normalisation's time,
 * and almost no text needs it.
 */
export function mayRepeat(s: string): boolean {
  const n = s.length;
  for (let i = 0; i + 2 < n; i++) {
    const c = s.charCodeAt(i);
    if (isMark(c)) continue;
    let k = i + 1;
    while (k < n && isMark(s.charCodeAt(k))) k++;
    const marks = k - i - 1;
    // c, its marks, then c with the same marks, then c again.
    if (k + marks + 1 >= n || s.charCodeAt(k) !== c || s.charCodeAt(k + marks + 1) !== c) continue;
    let same = true;
    for (let m = 1; m <= marks && same; m++) same = s.charCodeAt(k + m) === s.charCodeAt(i + m);
    if (same) return true;
  }
  return false;
}
// Mai yamok repeats the previous word: keep it as a separate symbol.
const TONES = /[\u0E47-\u0E4C]/g;

export function normalizeText(input: string): string {
  let s = input.normalize('NFC');
  s = thaiDigitsToArabic(s);
  s = s.replace(ZERO_WIDTH, '').replace(OCR_NOISE, '').replace(MARKUP, ' ');
  // Sara am typed as nikhahit + sara aa.
  s = s.replace(/\u0E4D\u0E32/g, '\u0E33');
  s = s.toLowerCase();
  if (mayRepeat(s)) s = s.replace(REPEATS, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '');
  // Curly quotes and other decoration carry no meaning for matching.
  s = s.replace(/[“”"'‘’«»()[\]{}]/g, ' ');
  // Spaces around digit runs (keeps "2.1", "30,000" and "1.1.3(4)"-like numbering intact as one run).
  s = s.replace(/(\d+(?:[.,]\d+)*)/g, ' $1 ');
  return s.replace(/\s+/g, ' ').trim();
}

/** The skeleton of a token: no tone marks, no mai taikhu, no thanthakhat. */
export function matchKey(token: string): string {
  return token.replace(TONES, '');
}

/** True when the text has no letter or digit at all (emoji, stickers as text, punctuation). */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}
