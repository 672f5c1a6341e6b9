import { matchKey, normalizeText } from './normalize.ts';
import { isStopword } from './stopwords.ts';

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Word keys of already-normalised text, in order (ICU dictionary segmentation; punctuation dropped). */
export function segmentKeys(normalized: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalized)) {
    if (!s.isWordLike) continue;
    const key = matchKey(s.segment);
    if (key) out.push(key);
  }
  return out;
}

/** A copy of `s` that does not keep alive the text it was cut from (V8 may keep a substring as a slice of it). */
const flatCopy = (s: string): string => (' ' + s).slice(1);

/**
 * The word keys of space-separated chunks segmented before, for the whole process and every organisation, bounded
 * by bytes: plans share their template's phrases and service manuals their wording, so an organisation's build
 * finds many of its chunks segmented by another's. Two generations: entries are added to the young one and found in
 * either (a hit in the old one is copied into the young one); when the young one reaches half the budget, the old
 * one is dropped and the young one becomes old. Keys and words are flat copies, so an entry keeps only its own text.
 */
export class SegmentMemo {
  private young = new Map<string, readonly string[]>();
  private old = new Map<string, readonly string[]>();
  private youngBytes = 0;
  private oldBytes = 0;
  private budget: number;
  hits = 0;
  misses = 0;

  constructor(budgetBytes: number) {
    this.budget = budgetBytes;
  }

  /** Bytes the entries are estimated to hold (strings at 2 bytes per code unit, with their headers and the map's). */
  get bytes(): number {
    return this.youngBytes + this.oldBytes;
  }

  get budgetBytes(): number {
    return this.budget;
  }

  /** A new budget (0: keep nothing); drops every entry. */
  reset(budgetBytes = this.budget): void {
    this.budget = budgetBytes;
    this.young = new Map();
    this.old = new Map();
    this.youngBytes = this.oldBytes = 0;
    this.hits = this.misses = 0;
  }

  get(chunk: string): readonly string[] | undefined {
    const found = this.young.get(chunk);
    if (found !== undefined) {
      this.hits++;
      return found;
    }
    const aged = this.old.get(chunk);
    if (aged === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (this.budget > 0) this.add(chunk, aged);
    return aged;
  }

  set(chunk: string, keys: readonly string[]): void {
    if (this.budget > 0) this.add(flatCopy(chunk), keys.map(flatCopy));
  }

  private add(chunk: string, keys: readonly string[]): void {
    let size = 64 + 2 * chunk.length;
    for (const k of keys) size += 24 + 2 * k.length;
    this.young.set(chunk, keys);
    this.youngBytes += size;
    if (this.youngBytes * 2 >= this.budget) {
      this.old = this.young;
      this.oldBytes = this.youngBytes;
      this.young = new Map();
      this.youngBytes = 0;
    }
  }
}

/** The process's memo (see `SegmentMemo`): 8 MB, `KNOWLEDGE_SEGMENT_MEMO_MB` at start-up (0: none). */
export const segmentMemo = new SegmentMemo(8 * 1024 * 1024);

/** Distinct chunks' word keys, and each text as its chunks (ids into `chunkKeys`), from `segmentChunks`. */
export interface SegmentedTexts {
  chunkKeys: Array<readonly string[]>;
  textChunks: number[][];
}

/**
 * Word keys of many normalised texts at once, by space-separated chunk: each distinct chunk is segmented once, in
 * one segmenter pass over all of them joined by newlines, unless `memo` has it. A word never spans a space or a
 * newline (both are word boundaries, and the dictionary segmentation of Thai runs stops at them), so a text's
 * chunks' keys in order are the keys `segmentKeys` gives it; plans repeat their phrases, so a fifth of the
 * characters of an organisation need no segmenting, and more when others have been segmented before.
 */
export function segmentChunks(normalized: readonly string[], memo: SegmentMemo | null = segmentMemo): SegmentedTexts {
  const chunkIds = new Map<string, number>();
  const chunks: string[] = [];
  const textChunks = normalized.map((t) =>
    t.split(' ').map((c) => {
      let id = chunkIds.get(c);
      if (id === undefined) {
        chunkIds.set(c, (id = chunks.length));
        chunks.push(c);
      }
      return id;
    }),
  );
  const chunkKeys: Array<readonly string[]> = new Array<readonly string[]>(chunks.length);
  const fresh: number[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const known = memo?.get(chunks[i] as string);
    if (known) chunkKeys[i] = known;
    else fresh.push(i);
  }
  if (fresh.length > 0) {
    const ends: number[] = [];
    let at = 0;
    for (const i of fresh) ends.push((at += (chunks[i] as string).length + 1));
    const out: string[][] = fresh.map(() => []);
    let k = 0;
    let current = out[0] as string[];
    for (const s of segmenter.segment(fresh.map((i) => chunks[i] as string).join('\n'))) {
      if (!s.isWordLike) continue;
      while (s.index >= (ends[k] as number)) current = out[++k] as string[];
      const key = matchKey(s.segment);
      if (key) current.push(key);
    }
    fresh.forEach((i, j) => {
      chunkKeys[i] = out[j] as string[];
      memo?.set(chunks[i] as string, out[j] as string[]);
    });
  }
  return { chunkKeys, textChunks };
}

/** `segmentKeys` of each of many normalised texts (see `segmentChunks`). */
export function segmentKeysMany(normalized: readonly string[], memo: SegmentMemo | null = segmentMemo): string[][] {
  const { chunkKeys, textChunks } = segmentChunks(normalized, memo);
  return textChunks.map((ids) => (ids.length === 1 ? [...(chunkKeys[ids[0] as number] as readonly string[])] : ids.flatMap((id) => chunkKeys[id] as readonly string[])));
}

export interface TokenizeOptions {
  /** Drop topic-less words (particles, question words). Used for queries. */
  dropStopwords?: boolean;
}

/**
 * Index terms of a text: word keys plus the concatenation of every two adjacent words. The segmenter splits some
 * compounds (งบ|ประมาณ, ใบ|อนุญาต, ตรวจ|สอบ) and not others; joining neighbours makes "งบประมาณ" a term whichever way a
 * text was cut, so both forms meet. Digits stay their own terms.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const { words, compounds } = tokenizeParts(text, options);
  return [...words, ...compounds];
}

/** `tokenize`, with single words and joined neighbours apart (queries weigh them differently). */
export function tokenizeParts(text: string, options: TokenizeOptions = {}): { words: string[]; compounds: string[] } {
  const all = segmentKeys(normalizeText(text));
  const words = options.dropStopwords ? all.filter((w) => !isStopword(w)) : all;
  const compounds: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as string;
    const b = words[i + 1] as string;
    if (/^\d/.test(a) || /^\d/.test(b)) continue;
    compounds.push(a + b);
  }
  return { words, compounds };
}

/** Character trigrams of a text's skeleton without spaces (misspellings, missing or extra spaces). */
export function charNgrams(text: string, n = 3, options: TokenizeOptions = {}): Set<string> {
  const words = segmentKeys(normalizeText(text));
  return gramsOfKeys(options.dropStopwords ? words.filter((w) => !isStopword(w)) : words, n);
}

/** `charNgrams` of a text from its word keys. */
export function gramsOfKeys(words: readonly string[], n = 3): Set<string> {
  const joined = words.join('');
  const grams = new Set<string>();
  for (let i = 0; i + n <= joined.length; i++) grams.add(joined.slice(i, i + n));
  if (joined.length > 0 && joined.length < n) grams.add(joined);
  return grams;
}
