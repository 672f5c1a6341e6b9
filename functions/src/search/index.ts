import { isStopword } from './stopwords.ts';
import { synonymPairs, synonymsOf } from './synonyms.ts';
import { buildIndexParts, type DocType, type FieldSpec, type IndexedDoc, type IndexParts, type SearchDoc } from './build.ts';
import { DeletionTable, type Ids, type Vocabulary } from './compact.ts';
import { charNgrams, tokenizeParts } from './tokenize.ts';

/**
 * A per-organisation in-memory search index: BM25F over weighted fields (word terms + adjacent-word compounds), plus
 * character-trigram similarity to the document's name (misspellings, missing spaces, half-remembered names), plus
 * one-edit expansion of query words the index does not know ("ปะมาณ" → "ประมาณ").
 */

export type { DocType, FieldSpec, IndexedDoc, IndexParts, SearchDoc } from './build.ts';
export { stripGenericPrefix } from './build.ts';

export interface SearchHit {
  doc: IndexedDoc;
  score: number;
  /** Best character-trigram similarity of the query to one of the document's names, 0..1. */
  nameSimilarity: number;
  /** Share of the query's information (idf mass) that this document matched, 0..1. */
  coverage: number;
}

export interface SearchOptions {
  limit?: number;
  types?: DocType[];
  filter?: (doc: IndexedDoc) => boolean;
  /** Only these query terms count (score and coverage), e.g. a question's content words without its framing. */
  onlyTerms?: (term: string, optional: boolean) => boolean;
  /** Multiplier per document type, e.g. when the question says "โครงการ". */
  typeBoost?: Partial<Record<DocType, number>>;
}

export const FIELD_SPECS: Record<string, FieldSpec> = {
  name: { weight: 5, b: 0.3 },
  aliases: { weight: 4, b: 0.3 },
  summary: { weight: 1.5, b: 0.6 },
  objectives: { weight: 1.2, b: 0.7 },
  target: { weight: 0.8, b: 0.7 },
  unit: { weight: 0.8, b: 0.3 },
  mission: { weight: 0.4, b: 0.5 },
  method: { weight: 0.6, b: 0.75 },
  rationale: { weight: 0.5, b: 0.75 },
  results: { weight: 0.7, b: 0.75 },
  details: { weight: 0.5, b: 0.75 },
};

const K1 = 1.2;
const BIGRAM_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.6;
const SPLIT_WEIGHT = 0.8;
const SYNONYM_WEIGHT = 0.6;
const NAME_SIM_WEIGHT = 6;

interface QueryTerm {
  term: string;
  weight: number;
  /** A synonym of a query word: a match counts, its absence does not lower coverage. */
  optional?: boolean;
}

function deletes(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** Bytes per structure of a built index (typed arrays exactly; strings at 2 bytes per code unit plus a header). */
export interface IndexFootprint {
  vocabulary: number;
  postings: number;
  nameGrams: number;
  deletions: number;
  documents: number;
  total: number;
}

const STRING_OVERHEAD = 16;
const MAP_ENTRY = 24;
const stringBytes = (s: string) => STRING_OVERHEAD + 2 * s.length;

export class SearchIndex {
  readonly docs: IndexedDoc[];
  /** Term ↔ id. Postings of term t: docs/tfw[postStart[t] .. postStart[t+1]), by document. */
  private readonly vocabulary: Vocabulary;
  private readonly postStart: Int32Array;
  private readonly postDocs: Ids;
  /** BM25F-weighted frequency of the term in the document (precomputed: it is static). */
  private readonly postTfw: Float32Array;
  /** Name trigrams: gram → id; per document its names `docNames[d] .. docNames[d+1]`, per name its gram ids. */
  private readonly gramIds = new Map<string, number>();
  private readonly grams: string[];
  private readonly docNames: Int32Array;
  private readonly nameStart: Int32Array;
  private readonly nameGrams: Ids;
  /** Documents whose names contain a gram: gramDocs[gramStart[g] .. gramStart[g+1]). */
  private readonly gramStart: Int32Array;
  private readonly gramDocs: Ids;
  private readonly deletions: DeletionTable;

  /** Built from documents, or made again from a built index's parts (`parts()`, as indexCodec.ts stores them). */
  constructor(source: SearchDoc[] | IndexParts, specs: Record<string, FieldSpec> = FIELD_SPECS) {
    const parts = Array.isArray(source) ? buildIndexParts(source, specs) : source;
    this.docs = parts.docs;
    this.vocabulary = parts.vocabulary;
    this.postStart = parts.postStart;
    this.postDocs = parts.postDocs;
    this.postTfw = parts.postTfw;
    parts.grams.forEach((g, i) => this.gramIds.set(g, i));
    this.grams = parts.grams;
    this.docNames = parts.docNames;
    this.nameStart = parts.nameStart;
    this.nameGrams = parts.nameGrams;
    this.gramStart = parts.gramStart;
    this.gramDocs = parts.gramDocs;
    this.deletions = new DeletionTable(parts.deletions);
  }

  /** The index's arrays, shared (not copied): what indexCodec.ts writes. */
  parts(): IndexParts {
    return {
      docs: this.docs,
      vocabulary: this.vocabulary,
      postStart: this.postStart,
      postDocs: this.postDocs,
      postTfw: this.postTfw,
      grams: this.grams,
      docNames: this.docNames,
      nameStart: this.nameStart,
      nameGrams: this.nameGrams,
      gramStart: this.gramStart,
      gramDocs: this.gramDocs,
      deletions: this.deletions.parts(),
    };
  }

  get size(): number {
    return this.docs.length;
  }

  /** Measured bytes of the index's structures (for the cache's budget and the bench's breakdown). */
  footprint(): IndexFootprint {
    let vocabulary = this.vocabulary.bytes;
    for (const g of this.gramIds.keys()) vocabulary += stringBytes(g) + MAP_ENTRY;
    const postings = this.postStart.byteLength + this.postDocs.byteLength + this.postTfw.byteLength;
    const nameGrams = this.docNames.byteLength + this.nameStart.byteLength + this.nameGrams.byteLength + this.gramStart.byteLength + this.gramDocs.byteLength;
    const deletions = this.deletions.bytes;
    let documents = 0;
    for (const d of this.docs) documents += 48 + stringBytes(d.id) + stringBytes(d.title);
    return { vocabulary, postings, nameGrams, deletions, documents, total: vocabulary + postings + nameGrams + deletions + documents };
  }

  /** Number of documents containing the term (any field). */
  df(term: string): number {
    const id = this.vocabulary.id(term);
    return id < 0 ? 0 : (this.postStart[id + 1] as number) - (this.postStart[id] as number);
  }

  idf(term: string): number {
    const n = this.docs.length;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Vocabulary terms one edit away (insert, delete, substitute, adjacent swap) from an unknown word. */
  private fuzzy(term: string): string[] {
    if (term.length < 4 || /\d/.test(term)) return [];
    const found = new Set<string>();
    for (const key of [term, ...deletes(term)]) {
      this.deletions.lookup(key, (id) => this.vocabulary.term(id), (id) => {
        const cand = this.vocabulary.term(id);
        if (cand !== term) found.add(cand);
      });
    }
    return [...found];
  }

  /** The best split of an unknown word into two pieces, keeping the pieces the index knows (not particles). */
  private knownParts(word: string): string[] {
    let best: string[] = [];
    for (let i = 2; i <= word.length - 1; i++) {
      const parts = [word.slice(0, i), word.slice(i)].filter((p) => p.length >= 2 && this.df(p) > 0 && !isStopword(p));
      if (parts.join('').length > best.join('').length) best = parts;
    }
    return best;
  }

  /**
   * The index term of a synonym: itself when the documents use it, else — a phrase of 3+ words, indexed only as
   * neighbouring pairs — its most specific pair the documents use ("ยาเสพติด" → "เสพติด"). Null when they use neither.
   */
  private synonymTerm(syn: string): string | null {
    if (this.df(syn) > 0) return syn;
    const pairs = synonymPairs(syn).filter((x) => this.df(x) > 0).sort((a, b) => this.df(a) - this.df(b));
    return pairs[0] ?? null;
  }

  /** Query terms with their weights, and the information of query words the index does not know at all. */
  queryTerms(query: string): { terms: QueryTerm[]; unknownMass: number; unknownWords: string[] } {
    const { words, compounds } = tokenizeParts(query, { dropStopwords: true });
    const terms = new Map<string, number>();
    const synonyms = new Map<string, number>();
    let unknownMass = 0;
    const unknownWords: string[] = [];
    const maxIdf = Math.log(1 + (this.docs.length + 0.5) / 0.5);
    const add = (t: string, base: number) => {
      if (this.df(t) > 0) {
        terms.set(t, Math.max(terms.get(t) ?? 0, base));
        return true;
      }
      const near = this.fuzzy(t);
      for (const c of near) terms.set(c, Math.max(terms.get(c) ?? 0, base * FUZZY_WEIGHT));
      return near.length > 0;
    };
    // Words the organisation's documents say otherwise: a word, or a word with its neighbour ("ชาว|บ้าน"), whose
    // synonym the documents use is understood, not unknown.
    const saidOtherwise = (t: string) => synonymsOf(t).some((x) => this.synonymTerm(x) !== null);
    const said = (t: string) => [...new Set(synonymsOf(t).map((x) => this.synonymTerm(x)).filter((x): x is string => x !== null))];
    const understood = new Set<number>();
    // Words of a pair said otherwise ("คน|แก่" → ผู้สูงอายุ) weigh half on their own: alone they mean other things
    // ("แก่" is also "to").
    const inPair = new Set<number>();
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (saidOtherwise(w)) understood.add(i);
      if (next !== undefined && this.df(w + next) === 0 && saidOtherwise(w + next)) {
        understood.add(i).add(i + 1);
        inPair.add(i).add(i + 1);
      }
    });
    words.forEach((w, i) => {
      for (const syn of said(w)) if (!terms.has(syn)) synonyms.set(syn, Math.max(synonyms.get(syn) ?? 0, SYNONYM_WEIGHT));
      if (add(w, inPair.has(i) ? 0.5 : 1) || w.length <= 1 || /^\d/.test(w)) return;
      // A word the documents never use but say otherwise ("เว็บ" for "เว็บไซต์"): the documents' word for
      // it stands in for it (a required term, so a document about it covers the question); the most specific one.
      const stand = said(w).sort((a, b) => this.df(a) - this.df(b))[0];
      if (stand) {
        terms.set(stand, Math.max(terms.get(stand) ?? 0, SYNONYM_WEIGHT));
        return;
      }
      // A word the dictionary cut differently from the documents ("ออกไป" for "ออก"): its known parts.
      const parts = this.knownParts(w);
      for (const part of parts) terms.set(part, Math.max(terms.get(part) ?? 0, SPLIT_WEIGHT));
      if (parts.length === 0 && !understood.has(i)) {
        unknownMass += maxIdf;
        unknownWords.push(w);
      }
    });
    for (const c of compounds) {
      for (const syn of said(c)) if (!terms.has(syn)) synonyms.set(syn, Math.max(synonyms.get(syn) ?? 0, SYNONYM_WEIGHT * BIGRAM_WEIGHT));
      if (add(c, BIGRAM_WEIGHT)) continue;
      // Two words the documents never use together but say otherwise ("เสียง|ดัง" → "เดือดร้อนรำคาญ"): as for a word.
      const stand = said(c).sort((a, b) => this.df(a) - this.df(b))[0];
      if (stand) terms.set(stand, Math.max(terms.get(stand) ?? 0, SYNONYM_WEIGHT));
    }
    // Three words that are one word of a synonym group ("ตรวจ|สอบ|ภายใน" → ควบคุมภายใน): its synonyms, as for a pair.
    for (let i = 0; i + 2 < words.length; i++) {
      for (const syn of said(words.slice(i, i + 3).join(''))) if (!terms.has(syn)) synonyms.set(syn, Math.max(synonyms.get(syn) ?? 0, SYNONYM_WEIGHT * BIGRAM_WEIGHT));
    }
    for (const t of terms.keys()) synonyms.delete(t);
    return { terms: [...[...terms].map(([term, weight]) => ({ term, weight })), ...[...synonyms].map(([term, weight]) => ({ term, weight, optional: true }))], unknownMass, unknownWords };
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const { terms: qterms, unknownMass, unknownWords } = this.queryTerms(query);
    const scores = new Float64Array(this.docs.length);
    const matched = new Float64Array(this.docs.length);
    // Words no document uses count against coverage — with `onlyTerms`, only those it keeps.
    const kept = options.onlyTerms ? unknownWords.filter((w) => options.onlyTerms?.(w, false)).length : unknownWords.length;
    let idfMass = unknownWords.length ? (unknownMass * kept) / unknownWords.length : 0;
    for (const { term, weight, optional } of qterms) {
      if (options.onlyTerms && !options.onlyTerms(term, optional === true)) continue;
      const idf = this.idf(term) * weight;
      if (!optional) idfMass += idf;
      const id = this.vocabulary.id(term);
      if (id < 0) continue;
      for (let i = this.postStart[id] as number, end = this.postStart[id + 1] as number; i < end; i++) {
        const d = this.postDocs[i] as number;
        const tfw = this.postTfw[i] as number;
        scores[d] = (scores[d] as number) + (idf * (tfw * (K1 + 1))) / (K1 + tfw);
        matched[d] = (matched[d] as number) + idf;
      }
    }

    // Name similarity through the trigram index.
    const qgrams = charNgrams(query, 3, { dropStopwords: true });
    const qids = new Set<number>();
    for (const g of qgrams) {
      const id = this.gramIds.get(g);
      if (id !== undefined) qids.add(id);
    }
    const shared = new Set<number>();
    for (const g of qids) for (let i = this.gramStart[g] as number, end = this.gramStart[g + 1] as number; i < end; i++) shared.add(this.gramDocs[i] as number);
    const nameSim = new Float64Array(this.docs.length);
    for (const d of shared) {
      let best = 0;
      for (let n = this.docNames[d] as number, lastName = this.docNames[d + 1] as number; n < lastName; n++) {
        const from = this.nameStart[n] as number;
        const size = (this.nameStart[n + 1] as number) - from;
        if (size === 0) continue;
        let common = 0;
        for (let i = from; i < from + size; i++) if (qids.has(this.nameGrams[i] as number)) common++;
        // How much of the name the query contains, tempered by how much of the query is about that name.
        const nameCover = common / size;
        const queryCover = common / Math.max(1, qgrams.size);
        const sim = 0.7 * nameCover + 0.3 * queryCover;
        if (sim > best) best = sim;
      }
      nameSim[d] = best;
    }

    const hits: SearchHit[] = [];
    for (let d = 0; d < this.docs.length; d++) {
      const doc = this.docs[d] as IndexedDoc;
      const base = (scores[d] as number) + NAME_SIM_WEIGHT * (nameSim[d] as number) ** 2;
      if (base <= 0) continue;
      if (options.types && !options.types.includes(doc.type)) continue;
      if (options.filter && !options.filter(doc)) continue;
      const boost = options.typeBoost?.[doc.type] ?? 1;
      hits.push({
        doc,
        score: base * boost,
        nameSimilarity: nameSim[d] as number,
        coverage: idfMass > 0 ? Math.min(1, (matched[d] as number) / idfMass) : 0,
      });
    }
    hits.sort((a, b) => b.score - a.score || a.doc.title.localeCompare(b.doc.title));
    return hits.slice(0, limit);
  }
}
