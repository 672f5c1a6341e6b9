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
  const kept = options.dropStopwords ? words.filter((w) => !isStopword(w)) : words;
  const joined = kept.join('');
  const grams = new Set<string>();
  for (let i = 0; i + n <= joined.length; i++) grams.add(joined.slice(i, i + n));
  if (joined.length > 0 && joined.length < n) grams.add(joined);
  return grams;
}
