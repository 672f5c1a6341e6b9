/**
 * OCR look-alikes and near-misses of the template's words and of the organisation's own name: mapped and corrected
 * only where the rest of the document shows the right spelling. Pure.
 */
import { THAI_LETTER } from './lines.ts';

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
