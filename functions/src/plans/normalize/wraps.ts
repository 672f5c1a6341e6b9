/**
 * Line-wrap spaces: where a PDF cell or line wrapped inside a word, the space the conversion left is not the text's.
 * The wrap marks of a table cell, the evidence (the same words elsewhere in the document), and the joins. Pure.
 */
import type { TableRow } from './figures.ts';
import { THAI_LETTER } from './lines.ts';

/** Thai characters that cannot begin a syllable: following vowels, tone marks, thanthakhat, mai yamok. */
const CANNOT_START = /^[\u0e30-\u0e3a\u0e45-\u0e4e]/;
/** Leading vowels (เ แ โ ใ ไ) cannot end a syllable. */
const CANNOT_END = /[\u0e40-\u0e44]$/;


// ---------------------------------------------------------------------------------------------------------------
// Line-wrap spaces

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
export const words = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

/** Width of Thai text on a printed line: above/below vowels and tone marks take no width of their own. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const c of text) if (!/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(c)) n++;
  return n;
}

/** The wrap width of a table column: the widest piece between spaces of any of its cells (a full printed line). */
export function columnWrapWidth(cells: string[]): number {
  let w = 0;
  for (const c of cells) for (const piece of c.split(/\s+/)) w = Math.max(w, displayWidth(piece));
  return w;
}

/**
 * A space inside a flattened table cell that fitted on its printed line: most likely the author's, but the column
 * width is only estimated, so the document's own evidence may still join it (see `removeWrapSpaces`).
 */
export const CELL_SPACE = '\u2028';

/**
 * The conversion flattened a table cell's printed lines into one line with a space between them. Given the
 * column's width, a space is a line wrap where the first word after it would not have fitted on the printed line
 * before it (greedy line filling, as the PDF's renderer did); those spaces become "\n". The other spaces fitted on
 * the line and become CELL_SPACE. A single-piece cell is returned as it was.
 */
export function markWraps(cell: string, width: number): string {
  const pieces = cell.split(' ');
  if (pieces.length < 2 || width <= 0) return cell;
  let out = pieces[0] ?? '';
  let line = displayWidth(out.split('\n').at(-1) ?? '');
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    const first = words(piece)[0] ?? piece;
    if (piece !== '' && line + 1 + displayWidth(first) > width) {
      out += `\n${piece}`;
      line = displayWidth(piece.split('\n').at(-1) ?? '');
    } else {
      out += `${CELL_SPACE}${piece}`;
      line += 1 + displayWidth(piece);
    }
  }
  return out;
}

/** Marks the wraps of the given columns of one table (rows between two header lines), column width per column. */
export function markTableWraps(rows: TableRow[], columns: number[]): TableRow[] {
  const widths = new Map(columns.map((c) => [c, columnWrapWidth(rows.map((r) => r.cells[c] ?? ''))]));
  return rows.map((r) => ({
    line: r.line,
    cells: r.cells.map((cell, i) => {
      const w = widths.get(i);
      return w === undefined ? cell : markWraps(cell.trim(), w);
    }),
  }));
}

/**
 * What the document tells about its own words, for line-wrap spaces and name repair: `has` — the letters occur
 * joined in its running text; `count` — occurrences in the whole document (tables too); `orgName` — the
 * organisation's name from the header.
 */
export interface WrapEvidence {
  has(joined: string): boolean;
  count?(text: string): number;
  orgName?: string;
}

export function wrapEvidenceFrom(text: string, options: { fullText?: string; orgName?: string } = {}): WrapEvidence {
  const cache = new Map<string, boolean>();
  const counts = new Map<string, number>();
  const full = options.fullText ?? text;
  return {
    has(joined) {
      let hit = cache.get(joined);
      if (hit === undefined) {
        hit = text.includes(joined);
        cache.set(joined, hit);
      }
      return hit;
    },
    count(needle) {
      let n = counts.get(needle);
      if (n === undefined) {
        n = 0;
        if (needle !== '') for (let at = full.indexOf(needle); at >= 0; at = full.indexOf(needle, at + needle.length)) n++;
        counts.set(needle, n);
      }
      return n;
    },
    ...(options.orgName ? { orgName: options.orgName } : {}),
  };
}

export const NO_EVIDENCE: WrapEvidence = { has: () => false };

/** Words that need what follows them: prefixes, prepositions, conjunctions. A line never ends a phrase on them. */
const LEFT_BOUND = new Set(['การ', 'ความ', 'ของ', 'และ', 'แก่', 'ใน', 'ให้แก่', 'กับ', 'ต่อ', 'จาก', 'สู่', 'ซึ่ง', 'เพื่อ', 'ด้วย', 'โดย', 'ตาม', 'สำหรับ', 'ระหว่าง', 'เกี่ยวกับ', 'ผ่าน', 'หรือ', 'ทั้ง', 'ผู้', 'ที่']);
/** Words that attach to the noun before them and never begin a list item: "…สมานฉันท์ ของ…", "ความสงบ ภายใน". */
const RIGHT_BOUND = new Set(['ของ', 'แก่', 'ภายใน', 'ภายนอก']);
/** The organisation kinds of the national template. A name never puts a space before them inside a phrase. */
const ORG_KIND = /^(?:เทศบาล|องค์การบริหารส่วน|องค์กรบริหารส่วน)/;
/** Compounds of the template that the ICU dictionary splits, so the document itself may not prove them. */
const LEXICON = new Set(['ใช้จ่าย', 'ดูงาน', 'ศึกษาดูงาน', 'จัดซื้อ', 'จัดจ้าง', 'เบิกจ่าย', 'ร้องทุกข์', 'ร้องเรียน', 'พนักงานจ้าง', 'ควบคุมภายใน', 'ตรวจสอบภายใน']);

/** Why a wrap space between `left` and `right` is an artefact, or null to keep it. Exported for the docs' examples and tests. */
export function wrapJoinReason(left: string, right: string, evidence: WrapEvidence = NO_EVIDENCE, kind: 'wrap' | 'cell' = 'wrap'): string | null {
  const leftChar = left.slice(-1);
  const rightChar = right.slice(0, 1);
  if (leftChar === '/' || rightChar === '/') return /\p{sc=Thai}/u.test(left.slice(-2) + right.slice(0, 2)) ? 'slash' : null;
  if (!THAI_LETTER.test(leftChar) || !THAI_LETTER.test(rightChar) || /[0-9๐-๙]/.test(leftChar + rightChar)) return null;
  const lw = words(left);
  const rw = words(right);
  const lastWord = lw.at(-1) ?? '';
  const firstWord = rw[0] ?? '';
  // An abbreviation follows ("ตาม พ.ร.บ."): Thai writes a space before it.
  if (/^[^\s.]{1,3}\./.test(right)) return null;
  // Before a conjunction ("หมู่บ้าน และตำบล") or a nominalised phrase that continues a list, only the document's
  // own evidence below may join: the structural rules do not apply.
  const listy = /^(?:และ|หรือ|รวมทั้ง|รวมถึง|ตลอดจน)/.test(right);
  const structural = kind === 'wrap' && !listy;
  if (structural && LEFT_BOUND.has(lastWord)) return `"${lastWord}" needs what follows`;
  // Also inside a table cell: Thai never spaces before these.
  if (!listy && RIGHT_BOUND.has(firstWord)) return `"${firstWord}" attaches to the word before`;
  if (structural && (ORG_KIND.test(right) || (evidence.orgName && right.startsWith(evidence.orgName)))) return 'organisation name after a noun';
  // A nominalised phrase after the wrap is a new list item only when the item before is one too.
  if (structural && /^(?:การ|ความ)/.test(right)) {
    const nominaliser = right.startsWith('การ') ? 'การ' : 'ความ';
    // The item before is the text since the last space the author wrote.
    const authorItem = left.slice(Math.max(left.lastIndexOf(' '), left.lastIndexOf(CELL_SPACE)) + 1).replace(/\n/g, '');
    if (!words(authorItem).includes(nominaliser)) return `"${nominaliser}…" is the object of "${lastWord}"`;
  }
  if (listy) {
    // "จิตสำนึก และความตระหนัก": join only when the document writes these words joined more often than spaced.
    if (!evidence.count) return null;
    const next = rw.slice(0, 2).join('');
    const joinedCount = evidence.count(lastWord + next);
    return joinedCount >= 2 && joinedCount > evidence.count(`${lastWord} ${next}`) ? `the document writes "${lastWord + next}"` : null;
  }
  // The compound across the wrap is a word of the template or one the document writes joined more often than
  // spaced; function words are left to the rules above.
  const functionWord = (w: string) => LEFT_BOUND.has(w) || RIGHT_BOUND.has(w);
  for (const l of functionWord(firstWord) || functionWord(lastWord) ? [] : [lastWord, lw.slice(-2).join('')]) {
    const joined = l + firstWord;
    if (LEXICON.has(joined)) return `"${joined}" is one word`;
    // Joined more often than spaced (the spaced count includes other flattened wraps).
    if (evidence.count && joined.length >= 4 && evidence.count(joined) > evidence.count(`${l} ${firstWord}`)) return `the document writes "${joined}"`;
  }
  const tail = [...left].slice(-4).join('');
  const head = [...right].slice(0, 4).join('');
  if (tail.length >= 2 && head.length >= 2 && evidence.has(tail + head)) return `the document writes "${tail + head}"`;
  return null;
}

/**
 * Removes line-wrap spaces. Three kinds of space reach a name: "\n" where the source wrapped the text (a row or a
 * name continued on the next line, or a flattened table cell's printed lines, see `markWraps`), CELL_SPACE (a
 * space in a flattened cell that fitted on its line) and " " that the author typed in running text. Any space is
 * removed where it cannot be a word boundary (a following vowel or tone mark after it, a leading vowel before it).
 * A wrap is removed when `wrapJoinReason` finds a reason; a CELL_SPACE only on the document's own evidence (it
 * writes the letters joined elsewhere); the author's spaces stay.
 */
export function removeWrapSpaces(text: string, evidence: WrapEvidence = NO_EVIDENCE): string {
  const parts = text.split(/( |\n|\u2028)/);
  if (parts.length === 1) return text;
  let out = parts[0] ?? '';
  for (let i = 2; i < parts.length; i += 2) {
    const sep = parts[i - 1] ?? ' ';
    const right = parts[i] ?? '';
    const leftChar = out.slice(-1);
    const rightChar = right.slice(0, 1);
    const bothThai = THAI_LETTER.test(leftChar) && THAI_LETTER.test(rightChar) && !/[0-9๐-๙]/.test(leftChar + rightChar);
    let join = bothThai && (CANNOT_START.test(right) || CANNOT_END.test(out));
    if (!join && sep !== ' ') {
      const rest = parts.slice(i).join('');
      join = wrapJoinReason(out, rest, evidence, sep === '\n' ? 'wrap' : 'cell') !== null;
    }
    out += join ? right : ` ${right}`;
  }
  return out;
}
