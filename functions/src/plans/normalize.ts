/**
 * Normalisation rules for plan documents converted from PDF. Each rule is a pure function with its own tests
 * (test/plans/normalize.test.ts, fixtures cut from the real files). The parsers apply them line by line through
 * `normalizeLine`, and `cleanName` for names.
 */
import { thaiDigitsToArabic } from '../text/thai.ts';

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

const THAI_LETTER = /\p{sc=Thai}/u;
/** Thai characters that cannot begin a syllable: following vowels, tone marks, thanthakhat, mai yamok. */
const CANNOT_START = /^[\u0e30-\u0e3a\u0e45-\u0e4e]/;
/** Leading vowels (เ แ โ ใ ไ) cannot end a syllable. */
const CANNOT_END = /[\u0e40-\u0e44]$/;

/**
 * Evidence for line-wrap spaces: the document's own running text. A space inside a name is a wrap artefact when
 * the same letters occur joined elsewhere in the document ("ส่วน ท้องถิ่น" ↔ "ส่วนท้องถิ่น").
 */
export interface WrapEvidence {
  has(joined: string): boolean;
}

export function wrapEvidenceFrom(text: string): WrapEvidence {
  const cache = new Map<string, boolean>();
  return {
    has(joined) {
      let hit = cache.get(joined);
      if (hit === undefined) {
        hit = text.includes(joined);
        cache.set(joined, hit);
      }
      return hit;
    },
  };
}

const NO_EVIDENCE: WrapEvidence = { has: () => false };

/**
 * Removes line-wrap spaces between two Thai letters: always where the split cannot be a word boundary (a following
 * vowel or tone mark after the space, a leading vowel before it), and where the document writes the same letters
 * joined elsewhere (`evidence`). Spaces between words that the document itself spaces are kept.
 */
export function removeWrapSpaces(text: string, evidence: WrapEvidence = NO_EVIDENCE): string {
  const parts = text.split(' ');
  if (parts.length === 1) return text;
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const right = parts[i] ?? '';
    const leftChar = out.slice(-1);
    const rightChar = right.slice(0, 1);
    const bothThai = THAI_LETTER.test(leftChar) && THAI_LETTER.test(rightChar) && !/[0-9๐-๙]/.test(leftChar + rightChar);
    let join = false;
    if (bothThai) {
      if (CANNOT_START.test(right) || CANNOT_END.test(out)) join = true;
      else {
        const tail = [...out].slice(-4).join('');
        const head = [...right].slice(0, 4).join('');
        join = tail.length >= 2 && head.length >= 2 && evidence.has(tail + head);
      }
    }
    out += join ? right : ` ${right}`;
  }
  return out;
}

/** A name ready to show: line rules applied, list bullets and quotes-only wrappers kept, wrap spaces removed, trimmed. */
export function cleanName(raw: string, evidence: WrapEvidence = NO_EVIDENCE): string {
  const line = normalizeLine(raw.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' '));
  return removeWrapSpaces(line.replace(/\s+/g, ' ').trim(), evidence)
    .replace(/\s+([”")])/g, '$1')
    .replace(/([“"(])\s+/g, '$1')
    .trim();
}

/** Parses one money figure as the documents write it: "50,000", "230,000.", "16,000.00", "๑๖,๐๐๐". Returns null if there is none. */
export function parseBaht(text: string): number | null {
  const m = thaiDigitsToArabic(text).match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/);
  if (!m) return null;
  const value = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** Words the documents use for "no budget": 0. */
export const NO_BUDGET = /ไม่ใช้งบ|ไม่ใช่งบ|ไม่มีงบ|ไม่ระบุงบ|ไม่มีใช้งบ|ไม่ได้ใช้งบ|ไม่ต้องใช้งบ/;

/**
 * The values in one budget cell, in order: numbers, and 0 for "-", "0" or "ไม่ใช้งบประมาณ". A cell of a row that
 * lists several items may hold several values ("10,000 -").
 */
export function budgetCellValues(cell: string): number[] {
  const text = thaiDigitsToArabic(cell).replace(/จำนวน|บาท/g, ' ').trim();
  if (text === '') return [];
  if (NO_BUDGET.test(text)) return [0];
  const values: number[] = [];
  for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|[-–—]/g)) {
    const token = m[0];
    if (/^[-–—]$/.test(token)) values.push(0);
    else values.push(Math.round(Number(token.replace(/,/g, '').replace(/\.$/, ''))));
  }
  return values;
}

/** A table row: its cells and the 1-based source line where it starts. */
export interface TableRow {
  cells: string[];
  line: number;
}

/**
 * Re-joins table rows that the conversion wrapped onto several lines: a line with fewer than `minCells` cells (it
 * does not reach the figure columns) continues the row above; its cells are appended to the row's cells from the
 * left, except a single cell, which continues `textColumn` (the name column).
 */
export function joinWrappedRows(rows: TableRow[], minCells: number, textColumn: number): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    const prev = out.at(-1);
    const filled = row.cells.filter((c) => c.trim() !== '').length;
    if (prev && row.cells.length < minCells && filled > 0) {
      const cells = [...prev.cells];
      while (cells.length < minCells) cells.push('');
      if (row.cells.length === 1) {
        cells[textColumn] = `${cells[textColumn] ?? ''} ${row.cells[0] ?? ''}`.trim();
      } else {
        row.cells.forEach((c, i) => {
          if (c.trim() !== '') cells[i] = `${cells[i] ?? ''} ${c}`.trim();
        });
      }
      out[out.length - 1] = { cells, line: prev.line };
    } else {
      out.push({ cells: [...row.cells], line: row.line });
    }
  }
  return out;
}

/** Bigram (Dice) similarity of two match keys, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let both = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      both++;
      grams.set(g, n - 1);
    }
  }
  return (2 * both) / (a.length - 1 + (b.length - 1));
}
