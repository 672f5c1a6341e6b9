/**
 * Line rules: what the conversion left in every line (digits, markdown emphasis, superscripts, HTML, spaces, letters
 * of other scripts), and the key names are matched by. Pure.
 */
import { thaiDigitsToArabic } from '../../text/numbers.ts';

export { thaiDigitsToArabic };

/** Markdown emphasis left by the conversion: `**bold**`, `__bold__`. The text inside is kept. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '');
}

const SUPERSCRIPT = /\^\{([^{}]*)\}|\^([0-9๐-๙]+)/g;

/**
 * `^{…}` superscripts. The conversion raises two kinds of text: footnote markers (`^๑`, `^{2}`) and pieces of a
 * wrapped cell (`จำนวนคนเข้าร่วม ^{โครงการตาม} เป้าหมาย`), sometimes a duplicate of the word before it
 * (`ขัดกันแห่ง ^{กัน} ผลประโยชน์`). Markers and duplicates are dropped; raised text is kept without its markup.
 */
export function stripSuperscripts(text: string): string {
  return text.replace(SUPERSCRIPT, (_match, braced: string | undefined, bare: string | undefined, offset: number, whole: string) => {
    const inner = (braced ?? bare ?? '').trim();
    if (inner === '' || /^[0-9๐-๙*\u2020\u2021]+$/.test(inner) || [...inner].length <= 2) return '';
    // A raised copy of letters just written ("ขัดกันแห่ง ^{กัน}") is a duplicate.
    const before = whole.slice(0, offset).trimEnd();
    if (before.slice(-(inner.length + 8)).includes(inner)) return '';
    return ` ${inner} `;
  });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** HTML fragments: tags such as `<p>`, `</p>`, `<br/>` become a space; `<https://…>` autolinks keep the address; entities are decoded. */
export function stripHtml(text: string): string {
  return text
    .replace(/<((?:https?:\/\/|www\.)[^<>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e);
}

/** Spaces: runs of spaces (not tabs: tabs separate table cells) become one; no-break and zero-width spaces are removed or made plain. */
export function collapseSpaces(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/[\u00a0\u2002-\u200a\u202f]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\t */g, '\t')
    .replace(/ +$/, '');
}

/** All line rules together: digits, emphasis, superscripts, HTML, spaces. Cells (tabs) are preserved. */
export function normalizeLine(raw: string): string {
  return collapseSpaces(stripHtml(stripSuperscripts(stripEmphasis(thaiDigitsToArabic(raw)))));
}

/**
 * OCR noise: letters of scripts other than Thai and Latin (Lao, Khmer, Myanmar, Tamil, Cyrillic…) that the OCR put
 * inside Thai words ("สภាដ้านท้องถิ่น", "แยกແພດ"). Kept in the text, ignored when matching.
 */
const NOISE = /[[\p{L}\p{M}]--[\p{sc=Thai}\p{sc=Latin}\p{sc=Inherited}\p{sc=Common}]]/gv;

export function hasOcrNoise(text: string): boolean {
  NOISE.lastIndex = 0;
  const found = NOISE.test(text);
  NOISE.lastIndex = 0;
  return found;
}

export function removeOcrNoise(text: string): string {
  return text.replace(NOISE, '');
}

/** Key for matching names: OCR noise, spaces, punctuation and quotes removed; digits Arabic; Latin lower-case. */
export function matchKey(text: string): string {
  return removeOcrNoise(thaiDigitsToArabic(stripHtml(stripEmphasis(text))))
    .toLowerCase()
    .replace(/[^\p{sc=Thai}a-z0-9]/gu, '')
    .replace(/[๐-๙]/g, '');
}

/** A Thai letter (any character of the Thai script). */
export const THAI_LETTER = /\p{sc=Thai}/u;
