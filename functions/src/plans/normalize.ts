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

// ---------------------------------------------------------------------------------------------------------------
// OCR look-alikes

/**
 * Letters of other scripts that the OCR read for the Thai letter they look like, where the twin is unambiguous:
 * the Lao vowels and tone marks (the Lao block mirrors the Thai block, 0x80 higher: ເ→เ, າ→า, ່→่ …), the Khmer
 * vowel sign AA (ា) and the Devanagari vowel sign AA (ा), both a plain vertical stroke like า. Lao and Khmer
 * consonants are not mapped: their Thai look-alikes are not unique.
 */
const OCR_TWINS: Record<string, string> = {
  '\u17b6': 'า', // Khmer AA
  '\u093e': 'า', // Devanagari AA
};
for (const [lao, thai] of [
  [0x0eb0, 0x0e30], [0x0eb1, 0x0e31], [0x0eb2, 0x0e32], [0x0eb3, 0x0e33], [0x0eb4, 0x0e34], [0x0eb5, 0x0e35],
  [0x0eb6, 0x0e36], [0x0eb7, 0x0e37], [0x0eb8, 0x0e38], [0x0eb9, 0x0e39], [0x0ec0, 0x0e40], [0x0ec1, 0x0e41],
  [0x0ec2, 0x0e42], [0x0ec3, 0x0e43], [0x0ec4, 0x0e44], [0x0ec6, 0x0e46], [0x0ec8, 0x0e48], [0x0ec9, 0x0e49],
  [0x0eca, 0x0e4a], [0x0ecb, 0x0e4b],
] as const) {
  OCR_TWINS[String.fromCodePoint(lao)] = String.fromCodePoint(thai);
}
const OCR_TWIN_RE = new RegExp(`[${Object.keys(OCR_TWINS).join('')}]`, 'gu');

/** Maps OCR look-alikes (Lao vowels and tone marks, Khmer/Devanagari AA) inside Thai text to their Thai twins. */
export function mapOcrTwins(text: string): string {
  return text.replace(OCR_TWIN_RE, (c, offset: number, whole: string) => {
    // Only inside Thai text: a twin next to a Thai letter (a whole Lao or Khmer word is left alone).
    const near = whole.slice(Math.max(0, offset - 2), offset) + whole.slice(offset + 1, offset + 3);
    return THAI_LETTER.test(near) ? (OCR_TWINS[c] ?? c) : c;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Line-wrap spaces

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const words = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

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

const NO_EVIDENCE: WrapEvidence = { has: () => false };

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

// ---------------------------------------------------------------------------------------------------------------
// Near-misses of the template's words and of the organisation's own name

/** Noise letters (other scripts) cost half a substitution: the OCR put them where a Thai letter was. */
const noiseCache = new Map<string, boolean>();
const isNoise = (c: string): boolean => {
  let hit = noiseCache.get(c);
  if (hit === undefined) {
    hit = /[\p{L}\p{M}]/u.test(c) && !/[\p{sc=Thai}\p{sc=Latin}\p{sc=Common}\p{sc=Inherited}]/u.test(c);
    noiseCache.set(c, hit);
  }
  return hit;
};

/** Edit distance of two strings (code points), noise letters in `a` costing half a substitution. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const c = x[i - 1] ?? '';
      const sub = c === y[j - 1] ? 0 : isNoise(c) ? 0.5 : 1;
      cur.push(Math.min((prev[j - 1] ?? 0) + sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

interface ApproxMatch {
  start: number;
  end: number;
  distance: number;
}

/**
 * Approximate occurrences of `pattern` in `text` (Sellers' algorithm: edit distance with a free start), spaces in
 * the text skipped at no cost, at most `maxDistance` edits. Non-overlapping, best first from the left.
 */
export function findApprox(text: string, pattern: string, maxDistance: number): ApproxMatch[] {
  const p = [...pattern];
  const chars: { c: string; at: number; next: number; noise: boolean }[] = [];
  let at = 0;
  for (const c of text) {
    if (!/\s/.test(c)) chars.push({ c, at, next: at + c.length, noise: isNoise(c) });
    at += c.length;
  }
  const m = p.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  let prevStart = Array.from({ length: m + 1 }, () => 0);
  const ends: { j: number; d: number; start: number }[] = [];
  for (let j = 0; j < chars.length; j++) {
    const t = chars[j]?.c ?? '';
    const tNoise = chars[j]?.noise ?? false;
    const cur = [0];
    const curStart = [j + 1];
    for (let i = 1; i <= m; i++) {
      const sub = p[i - 1] === t ? 0 : tNoise ? 0.5 : 1;
      const diag = (prev[i - 1] ?? 0) + sub;
      const up = (cur[i - 1] ?? 0) + 1;
      const left = (prev[i] ?? 0) + 1;
      const best = Math.min(diag, up, left);
      cur.push(best);
      curStart.push(best === diag ? (prevStart[i - 1] ?? 0) : best === left ? (prevStart[i] ?? 0) : (curStart[i - 1] ?? 0));
    }
    // curStart[0] is the start of a match that begins at j + 1; a match's start is its first matched char.
    ends.push({ j, d: cur[m] ?? Infinity, start: curStart[m] ?? 0 });
    prev = cur;
    prevStart = curStart;
  }
  const out: ApproxMatch[] = [];
  let after = -1;
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k];
    if (!e || e.d > maxDistance || e.start <= after) continue;
    // The best end nearby (a lower distance a little further on).
    let best = e;
    for (let q = k + 1; q < Math.min(ends.length, k + Math.ceil(m / 2)); q++) {
      const f = ends[q];
      if (f && f.d < best.d) best = f;
    }
    const startChar = chars[best.start];
    const endChar = chars[best.j];
    if (!startChar || !endChar) continue;
    out.push({ start: startChar.at, end: endChar.next, distance: best.d });
    after = best.j;
    k = best.j;
  }
  return out;
}

/** The template's own words for organisations, as the law spells them. */
const TEMPLATE_PHRASES = ['องค์การบริหารส่วนตำบล', 'องค์การบริหารส่วนจังหวัด', 'องค์กรปกครองส่วนท้องถิ่น', 'เทศบาลตำบล', 'เทศบาลเมือง', 'เทศบาลนคร'];
const ORG_KINDS = ['องค์การบริหารส่วนตำบล', 'องค์การบริหารส่วนจังหวัด', 'เทศบาลตำบล', 'เทศบาลเมือง', 'เทศบาลนคร'];

function replaceMatches(text: string, matches: ApproxMatch[], replacement: string): string {
  let out = text;
  for (const m of [...matches].sort((a, b) => b.start - a.start)) out = out.slice(0, m.start) + replacement + out.slice(m.end);
  return out;
}

/**
 * Near-misses of the template's organisation words ("องค์กรบริหารส่วนตำบล" → "องค์การบริหารส่วนตำบล", one edit;
 * two for the long "องค์กรปกครองส่วนท้องถิ่น"), then of the organisation's own name from the header (kind +
 * place name: at most 15 % edits overall; edits in the place name only when it is 8 letters or longer, at most
 * 30 % of it, or when the text there is OCR noise). A space inside a matched name is removed.
 */
export function correctOrgWords(text: string, orgName?: string): string {
  let out = text;
  // Every phrase has "ส่วน" or "บาล" (or a near-miss of it keeping two of its letters): nothing to do without them.
  if (!/ส่ว|่วน|บาล|ศบา|ทศบ/.test(out)) return out;
  for (const phrase of TEMPLATE_PHRASES) {
    const max = [...phrase].length >= 20 ? 2 : 1;
    const matches = findApprox(out, phrase, max).filter((m) => {
      const found = out.slice(m.start, m.end).replace(/\s/g, '');
      return found !== phrase && !TEMPLATE_PHRASES.some((other) => other !== phrase && found.startsWith(other));
    });
    out = replaceMatches(out, matches, phrase);
  }
  if (!orgName) return out;
  const kind = ORG_KINDS.find((k) => orgName.startsWith(k));
  const place = kind ? orgName.slice(kind.length) : '';
  if (!kind || place === '') return out;
  const placeLen = [...place].length;
  const max = Math.floor(0.15 * [...orgName].length);
  const matches = findApprox(out, orgName, max).filter((m) => {
    const found = out.slice(m.start, m.end);
    if (found === orgName) return false;
    const compact = found.replace(/\s/g, '');
    if (compact === orgName) return true;
    // The kind must be there as written (after the template correction): only the place name may differ.
    if (!compact.startsWith(kind)) return false;
    const foundPlace = compact.slice(kind.length);
    const placeEdits = editDistance(foundPlace, place);
    if (placeEdits === 0) return true;
    if ([...foundPlace].some(isNoise)) return true;
    return placeLen >= 8 && placeEdits <= Math.floor(0.3 * placeLen);
  });
  return replaceMatches(out, matches, orgName);
}

/**
 * Two witnesses of one name (the summary row and its detail section): where they differ in one short place, and
 * the summary's letters there occur nowhere else in the document while the detail's occur elsewhere too, the
 * summary has an OCR error ("ความเปร่ำใส่" beside "ความโปร่งใส"). Returns the repaired name, or the name as it was.
 */
export function repairFromWitness(name: string, witness: string, evidence: WrapEvidence): string {
  if (!evidence.count || name === witness) return name;
  const a = [...name];
  const b = [...witness];
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  // Widen the differing place to whole words of the name.
  const ws = words(name);
  let pos = 0;
  let from = 0;
  let to = a.length;
  for (const w of ws) {
    const len = [...w].length;
    if (pos + len <= pre) from = pos + len;
    if (pos >= a.length - suf && to === a.length) to = pos;
    pos += len;
  }
  const aMid = a.slice(from, to).join('');
  const bMid = b.slice(from, b.length - (a.length - to)).join('');
  if (aMid === '' || bMid === '' || [...aMid].length > 12 || [...bMid].length > 12) return name;
  const edits = editDistance(aMid, bMid);
  if (edits > Math.max(2, Math.ceil(0.45 * Math.max([...aMid].length, [...bMid].length)))) return name;
  if (evidence.count(aMid) > 1 || evidence.count(bMid) < 2) return name;
  return a.slice(0, from).join('') + bMid + a.slice(to).join('');
}

/**
 * A name ready to show: line rules applied, OCR look-alikes mapped, wrap spaces removed (see `removeWrapSpaces`;
 * "\n" in `raw` marks where the source wrapped), near-misses of the organisation's words corrected when
 * `evidence` names the organisation, spaces inside quotes and brackets trimmed.
 */
export function cleanName(raw: string, evidence: WrapEvidence = NO_EVIDENCE): string {
  const text = normalizeLine(raw.replace(/\t/g, ' ').replace(/\s*\n\s*/g, '\n'))
    .replace(/ *\n */g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
  // Organisation words are corrected in what the document names (names, units, titles: text read with the
  // document's evidence), not in long prose.
  const corrected = evidence.orgName ? correctOrgWords(mapOcrTwins(text), evidence.orgName) : mapOcrTwins(text);
  return removeWrapSpaces(corrected, evidence)
    .replace(/\s+/g, ' ')
    .replace(/\s+([”")])/g, '$1')
    .replace(/([“"(])\s+/g, '$1')
    .trim();
}

/** The text as the document writes it, for audit: line rules applied, whitespace (wraps too) collapsed to one space. */
export function asWritten(raw: string): string {
  return normalizeLine(raw.replace(/\s+/g, ' ')).trim();
}

/** `{ nameAsWritten }` when the clean name differs from the document's text, else nothing. */
export function writtenIfDifferent(raw: string, name: string): { nameAsWritten?: string } {
  const written = asWritten(raw);
  return written !== name ? { nameAsWritten: written } : {};
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
        cells[textColumn] = `${cells[textColumn] ?? ''}\n${row.cells[0] ?? ''}`.trim();
      } else {
        row.cells.forEach((c, i) => {
          if (c.trim() !== '') cells[i] = `${cells[i] ?? ''}\n${c}`.trim();
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
