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

/**
 * `segmentKeys` of many normalised texts at once: each distinct space-separated chunk is segmented once, in one
 * segmenter pass over all of them joined by newlines. A word never spans a space or a newline (both are word
 * boundaries, and the dictionary segmentation of Thai runs stops at them), so every text gets the keys
 * `segmentKeys` gives it; plans repeat their phrases, so a fifth of the characters need no segmenting.
 */
export function segmentKeysMany(normalized: readonly string[]): string[][] {
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
  const keys: string[][] = chunks.map(() => []);
  if (chunks.length > 0) {
    const ends: number[] = [];
    let at = 0;
    for (const c of chunks) ends.push((at += c.length + 1));
    let k = 0;
    let current = keys[0] as string[];
    for (const s of segmenter.segment(chunks.join('\n'))) {
      if (!s.isWordLike) continue;
      while (s.index >= (ends[k] as number)) current = keys[++k] as string[];
      const key = matchKey(s.segment);
      if (key) current.push(key);
    }
  }
  return textChunks.map((ids) => (ids.length === 1 ? (keys[ids[0] as number] as string[]) : ids.flatMap((id) => keys[id] as string[])));
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
