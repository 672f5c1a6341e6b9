import { isStopword } from './stopwords.ts';
import { synonymsOf } from './synonyms.ts';
import { charNgrams, tokenize, tokenizeParts } from './tokenize.ts';

/**
 * A per-organisation in-memory search index: BM25F over weighted fields (word terms + adjacent-word compounds), plus
 * character-trigram similarity to the document's name (misspellings, missing spaces, half-remembered names), plus
 * one-edit expansion of query words the index does not know ("ปะมาณ" → "ประมาณ").
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

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Best character-trigram similarity of the query to one of the document's names, 0..1. */
  nameSimilarity: number;
  /** Share of the query's information (idf mass) that this document matched, 0..1. */
  coverage: number;
}

export interface SearchOptions {
  limit?: number;
  types?: DocType[];
  filter?: (doc: SearchDoc) => boolean;
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
const MAX_FUZZY_KEY = 24;

/** Documents containing a term, with the term's BM25F-weighted frequency in each (precomputed: it is static). */
interface Postings {
  docs: Int32Array;
  tfw: Float32Array;
}

interface QueryTerm {
  term: string;
  weight: number;
  /** A synonym of a query word: a match counts, its absence does not lower coverage. */
  optional?: boolean;
}

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

function deletes(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

export class SearchIndex {
  readonly docs: SearchDoc[];
  private readonly postings = new Map<string, Postings>();
  private readonly nameGrams: Array<Array<Set<string>>>;
  private readonly gramIndex = new Map<string, number[]>();
  private readonly deleteIndex = new Map<string, string[]>();

  constructor(docs: SearchDoc[], specs: Record<string, FieldSpec> = FIELD_SPECS) {
    this.docs = docs;
    const fields = Object.entries(specs);
    // Average length per field, for BM25 length normalisation.
    const tokenized = docs.map((doc) => fields.map(([field]) => (doc.fields[field] ? tokenize(doc.fields[field] as string) : [])));
    const avg = fields.map((_, f) => Math.max(1, tokenized.reduce((a, t) => a + (t[f]?.length ?? 0), 0) / Math.max(1, docs.length)));
    const building = new Map<string, { docs: number[]; tfw: number[] }>();
    const fuzzyTerms = new Set<string>();
    tokenized.forEach((perField, d) => {
      const weighted = new Map<string, number>();
      perField.forEach((terms, f) => {
        const [, spec] = fields[f] as [string, FieldSpec];
        const norm = 1 - spec.b + (spec.b * terms.length) / (avg[f] as number);
        for (const t of terms) {
          weighted.set(t, (weighted.get(t) ?? 0) + spec.weight / norm);
          if (spec.weight >= 1) fuzzyTerms.add(t);
        }
      });
      for (const [term, w] of weighted) {
        let p = building.get(term);
        if (!p) building.set(term, (p = { docs: [], tfw: [] }));
        p.docs.push(d);
        p.tfw.push(w);
      }
    });
    for (const [term, p] of building) this.postings.set(term, { docs: Int32Array.from(p.docs), tfw: Float32Array.from(p.tfw) });

    // Names: trigram sets, and an inverted trigram index to find candidates quickly.
    this.nameGrams = docs.map((doc, d) => {
      const sets = doc.names.map((n) => charNgrams(stripGenericPrefix(n)));
      const all = new Set<string>();
      for (const s of sets) for (const g of s) all.add(g);
      for (const g of all) {
        let list = this.gramIndex.get(g);
        if (!list) this.gramIndex.set(g, (list = []));
        list.push(d);
      }
      return sets;
    });

    // One-deletion neighbourhoods of the names' and summaries' vocabulary for typo expansion (SymSpell).
    for (const term of fuzzyTerms) {
      if (term.length < 3 || term.length > MAX_FUZZY_KEY || /\d/.test(term)) continue;
      for (const key of [term, ...deletes(term)]) {
        let list = this.deleteIndex.get(key);
        if (!list) this.deleteIndex.set(key, (list = []));
        if (list.length < 16) list.push(term);
      }
    }
  }

  get size(): number {
    return this.docs.length;
  }

  /** Number of documents containing the term (any field). */
  df(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
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
      for (const cand of this.deleteIndex.get(key) ?? []) if (cand !== term) found.add(cand);
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

  /** Query terms with their weights, and the information of query words the index does not know at all. */
  queryTerms(query: string): { terms: QueryTerm[]; unknownMass: number } {
    const { words, compounds } = tokenizeParts(query, { dropStopwords: true });
    const terms = new Map<string, number>();
    const synonyms = new Map<string, number>();
    let unknownMass = 0;
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
    for (const w of words) {
      for (const syn of synonymsOf(w)) if (this.df(syn) > 0 && !terms.has(syn)) synonyms.set(syn, Math.max(synonyms.get(syn) ?? 0, SYNONYM_WEIGHT));
      if (add(w, 1) || w.length <= 1 || /^\d/.test(w)) continue;
      // A word the dictionary cut differently from the documents ("ออกไป" for "ออก"): its known parts.
      const parts = this.knownParts(w);
      for (const part of parts) terms.set(part, Math.max(terms.get(part) ?? 0, SPLIT_WEIGHT));
      if (parts.length === 0) unknownMass += maxIdf;
    }
    for (const c of compounds) {
      for (const syn of synonymsOf(c)) if (this.df(syn) > 0 && !terms.has(syn)) synonyms.set(syn, Math.max(synonyms.get(syn) ?? 0, SYNONYM_WEIGHT * BIGRAM_WEIGHT));
      add(c, BIGRAM_WEIGHT);
    }
    for (const t of terms.keys()) synonyms.delete(t);
    return { terms: [...[...terms].map(([term, weight]) => ({ term, weight })), ...[...synonyms].map(([term, weight]) => ({ term, weight, optional: true }))], unknownMass };
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const { terms: qterms, unknownMass } = this.queryTerms(query);
    const scores = new Float64Array(this.docs.length);
    const matched = new Float64Array(this.docs.length);
    let idfMass = unknownMass;
    for (const { term, weight, optional } of qterms) {
      if (options.onlyTerms && !options.onlyTerms(term, optional === true)) continue;
      const idf = this.idf(term) * weight;
      if (!optional) idfMass += idf;
      const p = this.postings.get(term);
      if (!p) continue;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i] as number;
        const tfw = p.tfw[i] as number;
        scores[d] = (scores[d] as number) + (idf * (tfw * (K1 + 1))) / (K1 + tfw);
        matched[d] = (matched[d] as number) + idf;
      }
    }

    // Name similarity through the trigram index.
    const qgrams = charNgrams(query, 3, { dropStopwords: true });
    const shared = new Map<number, number>();
    for (const g of qgrams) for (const d of this.gramIndex.get(g) ?? []) shared.set(d, (shared.get(d) ?? 0) + 1);
    const nameSim = new Float64Array(this.docs.length);
    for (const d of shared.keys()) {
      let best = 0;
      for (const set of this.nameGrams[d] ?? []) {
        if (set.size === 0) continue;
        let common = 0;
        for (const g of set) if (qgrams.has(g)) common++;
        // How much of the name the query contains, tempered by how much of the query is about that name.
        const nameCover = common / set.size;
        const queryCover = common / Math.max(1, qgrams.size);
        const sim = 0.7 * nameCover + 0.3 * queryCover;
        if (sim > best) best = sim;
      }
      nameSim[d] = best;
    }

    const hits: SearchHit[] = [];
    for (let d = 0; d < this.docs.length; d++) {
      const doc = this.docs[d] as SearchDoc;
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
