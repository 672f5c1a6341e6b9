import { csr, DeletionTable, IntBuffer, narrow, Vocabulary, type DeletionParts, type Ids } from './compact.ts';
import { normalizeText } from './normalize.ts';
import { gramsOfKeys, segmentChunks, segmentKeysMany } from './tokenize.ts';

/**
 * Building a `SearchIndex`'s arrays from documents (index.ts keeps the searching). The arrays are the whole index:
 * `SearchIndex` can be made from them again without the documents (indexCodec.ts writes and reads them).
 */

export type DocType = 'project' | 'manual';

export interface FieldSpec {
  /** Relative importance of a match in this field (name ≫ body). */
  weight: number;
  /** BM25 length normalisation for this field (0: none, 1: full). */
  b: number;
}

export interface SearchDoc {
  id: string;
  type: DocType;
  title: string;
  /** Text used for name similarity: the title and other names, without generic prefixes. */
  names: string[];
  fields: Record<string, string>;
}

/** What the index keeps of a document once built: its identity (the searchable text lives in the arrays). */
export type IndexedDoc = Pick<SearchDoc, 'id' | 'type' | 'title'>;

/** Everything a built index is: documents' identities and typed arrays (see `SearchIndex` for their meaning). */
export interface IndexParts {
  docs: IndexedDoc[];
  vocabulary: Vocabulary;
  postStart: Int32Array;
  postDocs: Ids;
  postTfw: Float32Array;
  /** Name trigrams in gram-id order. */
  grams: string[];
  docNames: Int32Array;
  nameStart: Int32Array;
  nameGrams: Ids;
  gramStart: Int32Array;
  gramDocs: Ids;
  deletions: DeletionParts;
}

const MAX_FUZZY_KEY = 24;

/** Words that introduce names and say nothing about them. */
const GENERIC_PREFIX = /^(โครงการ|กิจกรรม|มาตรการ|คู่มือ(สำหรับ)?ประชาชน|การ)\s*/u;

export function stripGenericPrefix(name: string): string {
  let s = name.trim();
  for (let i = 0; i < 3; i++) {
    const next = s.replace(GENERIC_PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s || name;
}

const startsWithDigit = (s: string) => {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/** Term ids of joined pairs by their two word ids: open addressing over typed arrays (no boxed number keys). */
class PairTable {
  private first = new Int32Array(1024).fill(-1);
  private second = new Int32Array(1024);
  private value = new Int32Array(1024);
  private size = 0;

  private slot(a: number, b: number): number {
    const mask = this.first.length - 1;
    let at = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    while (this.first[at] !== -1 && (this.first[at] !== a || this.second[at] !== b)) at = (at + 1) & mask;
    return at;
  }

  /** The pair's id, or -1. */
  get(a: number, b: number): number {
    const at = this.slot(a, b);
    return this.first[at] === -1 ? -1 : (this.value[at] as number);
  }

  set(a: number, b: number, id: number): void {
    if ((this.size + 1) * 2 > this.first.length) this.grow();
    const at = this.slot(a, b);
    if (this.first[at] === -1) this.size++;
    this.first[at] = a;
    this.second[at] = b;
    this.value[at] = id;
  }

  private grow(): void {
    const { first, second, value } = this;
    this.first = new Int32Array(first.length * 2).fill(-1);
    this.second = new Int32Array(first.length * 2);
    this.value = new Int32Array(first.length * 2);
    for (let i = 0; i < first.length; i++) {
      const a = first[i] as number;
      if (a === -1) continue;
      const at = this.slot(a, second[i] as number);
      this.first[at] = a;
      this.second[at] = second[i] as number;
      this.value[at] = value[i] as number;
    }
  }
}

/**
 * Term ids while building, in first-seen order. A text's terms are its word keys then every two neighbouring words
 * joined (as `tokenize`); a joined pair is found by its two word ids, so its string is made and hashed only the
 * first time. A text seen before in this build (templates repeat whole fields) is tokenised once.
 */
class TermTable {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly pairs = new PairTable();
  private readonly digit: boolean[] = [];
  private readonly texts = new Map<string, Int32Array>();
  /** Texts segmented by `prepare` and not yet made terms: their chunks (ids into `chunkKeys`). */
  private readonly pending = new Map<string, number[]>();
  private chunkKeys: Array<readonly string[]> = [];
  /** Term ids of each chunk's words, made the first time a text has the chunk. */
  private chunkTerms: Array<Int32Array | undefined> = [];

  /** Segments every text not seen yet in one pass (see `segmentChunks`); `ofText` then only looks them up. */
  prepare(texts: Iterable<string>): void {
    const fresh = [...new Set(texts)].filter((t) => !this.pending.has(t) && !this.texts.has(t));
    const { chunkKeys, textChunks } = segmentChunks(fresh.map(normalizeText));
    const base = this.chunkKeys.length;
    this.chunkKeys = this.chunkKeys.concat(chunkKeys);
    this.chunkTerms.length = this.chunkKeys.length;
    fresh.forEach((t, i) => this.pending.set(t, base === 0 ? (textChunks[i] as number[]) : (textChunks[i] as number[]).map((c) => c + base)));
  }

  id(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(t, id);
      this.terms.push(t);
      this.digit.push(startsWithDigit(t));
    }
    return id;
  }

  private pair(a: number, b: number): number {
    let id = this.pairs.get(a, b);
    if (id < 0) {
      id = this.id((this.terms[a] as string) + (this.terms[b] as string));
      this.pairs.set(a, b, id);
    }
    return id;
  }

  private ofChunk(c: number): Int32Array {
    let ids = this.chunkTerms[c];
    if (ids === undefined) {
      const words = this.chunkKeys[c] as readonly string[];
      ids = new Int32Array(words.length);
      for (let i = 0; i < words.length; i++) ids[i] = this.id(words[i] as string);
      this.chunkTerms[c] = ids;
    }
    return ids;
  }

  /** The text's term ids: words, then joined neighbours not starting with a digit (the order `tokenize` gives). */
  ofText(text: string): Int32Array {
    const seen = this.texts.get(text);
    if (seen) return seen;
    let chunks = this.pending.get(text);
    if (chunks === undefined) {
      this.prepare([text]);
      chunks = this.pending.get(text) as number[];
    }
    this.pending.delete(text);
    let words = 0;
    for (const c of chunks) words += (this.chunkKeys[c] as readonly string[]).length;
    const ids = new Int32Array(words * 2);
    let n = 0;
    for (const c of chunks) {
      const part = this.ofChunk(c);
      ids.set(part, n);
      n += part.length;
    }
    for (let i = 0; i + 1 < words; i++) {
      const a = ids[i] as number;
      const b = ids[i + 1] as number;
      if (this.digit[a] || this.digit[b]) continue;
      ids[n++] = this.pair(a, b);
    }
    const out = ids.subarray(0, n);
    this.texts.set(text, out);
    return out;
  }
}

const EMPTY = new Int32Array(0);

/** The index's arrays for `docs`, each field weighted by `specs` (BM25F with per-field length normalisation). */
export function buildIndexParts(docs: SearchDoc[], specs: Record<string, FieldSpec>): IndexParts {
  const fields = Object.entries(specs);
  const table = new TermTable();
  table.prepare(docs.flatMap((doc) => fields.map(([field]) => doc.fields[field] ?? '').filter(Boolean)));
  const tokenized = docs.map((doc) => fields.map(([field]) => (doc.fields[field] ? table.ofText(doc.fields[field] as string) : EMPTY)));
  // Average length per field, for BM25 length normalisation.
  const avg = fields.map((_, f) => Math.max(1, tokenized.reduce((a, t) => a + (t[f]?.length ?? 0), 0) / Math.max(1, docs.length)));
  const terms = table.terms;
  const pTerm = new IntBuffer(4096);
  const pDoc = new IntBuffer(4096);
  const pTfw: number[] = [];
  const fuzzyTerms = new Set<number>();
  // Per document: weight per term id, and the ids touched in first-seen order (a dense scratch array, reset after).
  const weight = new Float64Array(terms.length);
  const touched: number[] = [];
  tokenized.forEach((perField, d) => {
    perField.forEach((fieldTerms, f) => {
      const [, spec] = fields[f] as [string, FieldSpec];
      const norm = 1 - spec.b + (spec.b * fieldTerms.length) / (avg[f] as number);
      const w = spec.weight / norm;
      const fuzzy = spec.weight >= 1;
      for (let i = 0; i < fieldTerms.length; i++) {
        const id = fieldTerms[i] as number;
        if (weight[id] === 0) touched.push(id);
        weight[id] = (weight[id] as number) + w;
        if (fuzzy) fuzzyTerms.add(id);
      }
    });
    for (const id of touched) {
      pTerm.push(id);
      pDoc.push(d);
      pTfw.push(weight[id] as number);
      weight[id] = 0;
    }
    touched.length = 0;
  });
  const posts = csr(pTerm.toArray(), terms.length);
  const postDocs = new Int32Array(posts.order.length);
  const postTfw = new Float32Array(posts.order.length);
  posts.order.forEach((i, k) => {
    postDocs[k] = pDoc.data[i] as number;
    postTfw[k] = pTfw[i] as number;
  });

  // Names: trigram ids per name, and an inverted trigram index to find candidates quickly.
  const gramIds = new Map<string, number>();
  const gramOf = (g: string): number => {
    let id = gramIds.get(g);
    if (id === undefined) gramIds.set(g, (id = gramIds.size));
    return id;
  };
  const docNames = new IntBuffer(docs.length + 1);
  const nameStart = new IntBuffer(docs.length * 2 + 1);
  const nameGrams = new IntBuffer(4096);
  const gDoc = new IntBuffer(4096);
  const gGram = new IntBuffer(4096);
  // Every name's words in one segmenter pass (as `charNgrams(stripGenericPrefix(name))` would segment each).
  const nameKeys = segmentKeysMany(docs.flatMap((doc) => doc.names.map((n) => normalizeText(stripGenericPrefix(n)))));
  let nameAt = 0;
  docs.forEach((doc, d) => {
    docNames.push(nameStart.length);
    const all = new Set<number>();
    for (let k = 0; k < doc.names.length; k++) {
      nameStart.push(nameGrams.length);
      for (const g of gramsOfKeys(nameKeys[nameAt++] as string[])) {
        const id = gramOf(g);
        nameGrams.push(id);
        all.add(id);
      }
    }
    for (const g of all) {
      gGram.push(g);
      gDoc.push(d);
    }
  });
  docNames.push(nameStart.length);
  nameStart.push(nameGrams.length);
  const grams = csr(gGram.toArray(), gramIds.size);

  // One-deletion neighbourhoods of the names' and summaries' vocabulary for typo expansion (SymSpell).
  const fuzzyIds: number[] = [];
  for (const id of fuzzyTerms) {
    const term = terms[id] as string;
    if (term.length < 3 || term.length > MAX_FUZZY_KEY || /\d/.test(term)) continue;
    fuzzyIds.push(id);
  }
  return {
    docs: docs.map((d) => ({ id: d.id, type: d.type, title: d.title })),
    vocabulary: new Vocabulary(terms),
    postStart: posts.offsets,
    postDocs: narrow(postDocs, docs.length),
    postTfw,
    grams: [...gramIds.keys()],
    docNames: docNames.toArray(),
    nameStart: nameStart.toArray(),
    nameGrams: narrow(nameGrams.toArray(), gramIds.size),
    gramStart: grams.offsets,
    gramDocs: narrow(grams.order.map((i) => gDoc.data[i] as number), docs.length),
    deletions: new DeletionTable((id) => terms[id] as string, fuzzyIds).parts(),
  };
}
