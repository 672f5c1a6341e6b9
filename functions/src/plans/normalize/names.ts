/**
 * Names ready to show and to compare: the rules of every stage applied to a name (`cleanName`), the name as
 * written kept when it differs, repair from a second witness, and name similarity. Pure.
 */
import { normalizeLine } from './lines.ts';
import { correctOrgWords, editDistance, mapOcrTwins } from './nearMisses.ts';
import { NO_EVIDENCE, removeWrapSpaces, words, type WrapEvidence } from './wraps.ts';

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
