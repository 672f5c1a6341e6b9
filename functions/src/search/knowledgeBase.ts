import type { Project } from '../plans/schema.ts';
import { corpusSearchDocs, type Corpus, type CorpusManual, type CorpusProvider } from './corpus.ts';
import { FIELD_SPECS, SearchIndex } from './index.ts';
import { decodeIndex, encodeIndex, indexKey } from './indexCodec.ts';
import { normalizeText } from './normalize.ts';

/** One organisation's corpus with its index and look-up tables, immutable once built. */
export interface Knowledge {
  corpus: Corpus;
  index: SearchIndex;
  projects: Map<string, Project>;
  manuals: Map<string, CorpusManual>;
  /** Responsible units named in the plan ("กองคลัง", "สำนักปลัด"), longest first, in matching form (no spaces). */
  units: string[];
  builtAt: number;
  /** Time to make the index and tables: a build, or a load of the stored index (`from`). */
  buildMs: number;
  /** Built from the documents, or loaded from its stored form (see `IndexPersistence`). */
  from: 'build' | 'store';
  /** The key of the documents it was made from (`indexKey`), when the knowledge base persists indices. */
  indexKey?: string;
  /** Measured bytes this entry keeps alive: the index's structures plus an estimate of the corpus (see `corpusBytes`). */
  bytes: number;
}

/** Unit names are the กอง…/สำนัก…/งาน…/ฝ่าย… words of the responsible-unit fields. */
const UNIT_WORD = /(สำนัก(?:งาน)?ปลัด|สำนัก[^\s,/()]+|กอง[^\s,/()]+|งาน[^\s,/()]+|ฝ่าย[^\s,/()]+|หน่วย(?:งาน)?ตรวจสอบภายใน|ทุกส่วนราชการ|ทุกกอง|ทุกสำนัก)/gu;
const ORG_SUFFIX = /(เทศบาล|องค์การบริหารส่วน|อบต|ตำบล).*$/u;

export function unitKey(text: string): string {
  return normalizeText(text).replace(/[\s.]/g, '');
}

export function extractUnits(projects: Project[]): string[] {
  const found = new Set<string>();
  for (const p of projects) {
    const text = [p.responsibleUnit, p.detail?.responsibleUnit, p.yearPlan?.unit].filter(Boolean).join(' ');
    for (const m of normalizeText(text).matchAll(UNIT_WORD)) {
      const u = m[0].replace(ORG_SUFFIX, '').replace(/(และ|ร่วมกับ|กับ)$/u, '');
      if (u.length >= 5) found.add(u);
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * Heap bytes of a corpus, estimated from its JSON form (two bytes per character: Thai text is stored as two-byte
 * strings; object headers roughly cancel the JSON punctuation). Used for the cache budget, not for billing.
 */
export function corpusBytes(corpus: Corpus): number {
  const { manuals, ...rest } = corpus;
  let chars = JSON.stringify(rest).length;
  // A manual's `source` is the manuals module's own object: the card's text, of the same order as the manual.
  for (const m of manuals) chars += 2 * JSON.stringify({ ...m, source: undefined }).length;
  return 2 * chars;
}

/** A built index in stored form (indexCodec.ts) with the key of the documents it was built from. */
export interface StoredIndex {
  key: string;
  blob: Uint8Array;
}

/**
 * Where built indices are kept between processes (search/indexStore.ts in Firestore): a cold instance or a cache
 * miss loads the index instead of building it again. Written after a build, read on every miss.
 */
export interface IndexPersistence {
  read(orgId: string): Promise<StoredIndex | null>;
  write(orgId: string, stored: StoredIndex): Promise<void>;
}

/**
 * The organisation's knowledge from its corpus. With `persisted`, the index is made from the stored one when it was
 * built from exactly these documents (same `indexKey`), else built; `indexKey` is set either way.
 */
export function buildKnowledge(corpus: Corpus, now = Date.now(), persisted?: { stored: StoredIndex | null }): Knowledge {
  const started = performance.now();
  const projects = corpus.document?.projects ?? [];
  const docs = corpusSearchDocs(corpus);
  const key = persisted ? indexKey(docs, FIELD_SPECS) : undefined;
  let index: SearchIndex | null = null;
  if (persisted?.stored && persisted.stored.key === key) {
    try {
      index = new SearchIndex(decodeIndex(persisted.stored.blob));
    } catch {
      index = null; // another format or damaged bytes: build (and store again)
    }
  }
  const from = index ? 'store' : 'build';
  index ??= new SearchIndex(docs);
  return {
    bytes: index.footprint().total + corpusBytes(corpus),
    corpus,
    index,
    projects: new Map(projects.map((p) => [p.id, p])),
    manuals: new Map(corpus.manuals.map((m) => [m.id, m])),
    units: extractUnits(projects),
    builtAt: now,
    buildMs: performance.now() - started,
    from,
    ...(key ? { indexKey: key } : {}),
  };
}

export interface KnowledgeBaseOptions {
  /** How long a built index is trusted before the provider's version is checked again. Default 2 s. */
  checkIntervalMs?: number;
  /** Bytes of built organisations kept; least recently used ones beyond it are evicted. Default: unbounded. */
  budgetBytes?: number;
  /** Where built indices are stored and loaded from (search/indexStore.ts); none: every miss builds. */
  persisted?: IndexPersistence;
  /**
   * Where builds, loads of stored indices, evictions and storage failures are told, with the running counts
   * (English, no personal data: org ids only).
   */
  log?: (event: KnowledgeEvent, fields: Record<string, number | string>) => void;
  now?: () => number;
}

export type KnowledgeEvent = 'knowledge.build' | 'knowledge.load' | 'knowledge.evict' | 'knowledge.storeFailed';

export interface KnowledgeStats {
  hits: number;
  misses: number;
  builds: number;
  /** Indices loaded from their stored form instead of built. */
  loads: number;
  /** Indices written to the store after a build. */
  stored: number;
  evictions: number;
  entries: number;
  bytes: number;
  budgetBytes: number;
}

interface Entry {
  version: string;
  checkedAt: number;
  knowledge: Knowledge;
}

/**
 * Per-organisation indexes kept in memory. `get(orgId)` returns the built index and, at most once every
 * `checkIntervalMs`, asks the provider for the organisation's version (one small read); when it changed — a plan
 * imported, a manual edited — the index is rebuilt, without a restart. Concurrent callers share one load.
 * The entries are a least-recently-used cache bounded by `budgetBytes` of measured size (`Knowledge.bytes`): one
 * deployment serves many organisations, and only the busy ones stay built.
 */
export class KnowledgeBase {
  private readonly provider: CorpusProvider;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Knowledge | null>>();
  private readonly budget: number;
  private readonly log: KnowledgeBaseOptions['log'];
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, builds: 0, loads: 0, stored: 0, evictions: 0 };
  private readonly persisted: IndexPersistence | undefined;
  private readonly writes = new Set<Promise<void>>();

  constructor(provider: CorpusProvider, options: KnowledgeBaseOptions = {}) {
    this.provider = provider;
    this.interval = options.checkIntervalMs ?? 2000;
    this.now = options.now ?? Date.now;
    this.budget = options.budgetBytes ?? Number.POSITIVE_INFINITY;
    this.log = options.log;
    this.persisted = options.persisted;
  }

  /** Waits for indices being written to the store (before closing it; CLIs that exit after a build), up to `maxMs`. */
  async flush(maxMs = Number.POSITIVE_INFINITY): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (this.writes.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const late = Number.isFinite(maxMs) ? new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now())))) : null;
      await Promise.race([Promise.all([...this.writes]), ...(late ? [late] : [])]);
      clearTimeout(timer);
    }
  }

  stats(): KnowledgeStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes, budgetBytes: this.budget };
  }

  async get(orgId: string): Promise<Knowledge | null> {
    const entry = this.entries.get(orgId);
    if (entry) {
      // Most recently used last: Map iteration order is the eviction order.
      this.entries.delete(orgId);
      this.entries.set(orgId, entry);
    }
    if (entry && this.now() - entry.checkedAt < this.interval) {
      this.counts.hits++;
      return entry.knowledge;
    }
    let p = this.pending.get(orgId);
    if (!p) {
      if (entry) this.counts.hits++;
      else this.counts.misses++;
      p = this.refresh(orgId, entry).finally(() => this.pending.delete(orgId));
      this.pending.set(orgId, p);
    }
    return p;
  }

  /** The organisation's search index (null when the organisation is unknown). */
  async getIndex(orgId: string): Promise<SearchIndex | null> {
    return (await this.get(orgId))?.index ?? null;
  }

  /** Forget an organisation's index (e.g. right after an import in the same process). */
  invalidate(orgId: string): void {
    this.remove(orgId);
  }

  private remove(orgId: string): void {
    const entry = this.entries.get(orgId);
    if (!entry) return;
    this.entries.delete(orgId);
    this.bytes -= entry.knowledge.bytes;
  }

  /** Adds or replaces an entry, then evicts the least recently used others until the budget holds. */
  private store(orgId: string, entry: Entry): void {
    this.remove(orgId);
    this.entries.set(orgId, entry);
    this.bytes += entry.knowledge.bytes;
    for (const [id, e] of this.entries) {
      if (this.bytes <= this.budget) break;
      if (id === orgId) continue;
      this.remove(id);
      this.counts.evictions++;
      this.log?.('knowledge.evict', { orgId: id, entryBytes: e.knowledge.bytes, ...this.stats() });
    }
  }

  private async refresh(orgId: string, entry: Entry | undefined): Promise<Knowledge | null> {
    const version = await this.provider.version(orgId);
    if (version === null) {
      this.remove(orgId);
      return null;
    }
    if (entry && entry.version === version) {
      entry.checkedAt = this.now();
      return entry.knowledge;
    }
    // The stored index is read beside the corpus (not after it): a miss costs one round trip more, not two.
    const [corpus, stored] = await Promise.all([this.provider.load(orgId), this.readStored(orgId)]);
    if (!corpus) {
      this.remove(orgId);
      return null;
    }
    const knowledge = buildKnowledge(corpus, this.now(), this.persisted ? { stored } : undefined);
    if (knowledge.from === 'store') this.counts.loads++;
    else this.counts.builds++;
    // The version read before loading: if data changed meanwhile, the next check rebuilds again.
    this.store(orgId, { version, checkedAt: this.now(), knowledge });
    this.log?.(knowledge.from === 'store' ? 'knowledge.load' : 'knowledge.build', { orgId, buildMs: Math.round(knowledge.buildMs), entryBytes: knowledge.bytes, ...this.stats() });
    if (knowledge.from === 'build' && knowledge.indexKey) this.writeStored(orgId, { key: knowledge.indexKey, blob: encodeIndex(knowledge.index.parts()) });
    return knowledge;
  }

  private async readStored(orgId: string): Promise<StoredIndex | null> {
    if (!this.persisted) return null;
    try {
      return await this.persisted.read(orgId);
    } catch (err) {
      this.log?.('knowledge.storeFailed', { orgId, op: 'read', error: err instanceof Error ? err.message : String(err) });
      return null;
    }
  }

  /** Stores a built index without holding up the answer; a failure is logged, the next cold miss builds again. */
  private writeStored(orgId: string, stored: StoredIndex): void {
    const persisted = this.persisted;
    if (!persisted) return;
    const write = persisted
      .write(orgId, stored)
      .then(() => {
        this.counts.stored++;
      })
      .catch((err: unknown) => {
        this.log?.('knowledge.storeFailed', { orgId, op: 'write', error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }
}

/** A provider over corpora held in memory (tests, the CLI on parsed files). */
export class StaticCorpusProvider implements CorpusProvider {
  private readonly corpora = new Map<string, Corpus>();
  constructor(corpora: Corpus[] = []) {
    for (const c of corpora) this.corpora.set(c.org.id, c);
  }
  set(corpus: Corpus): void {
    this.corpora.set(corpus.org.id, corpus);
  }
  async version(orgId: string): Promise<string | null> {
    return this.corpora.get(orgId)?.version ?? null;
  }
  async load(orgId: string): Promise<Corpus | null> {
    return this.corpora.get(orgId) ?? null;
  }
}
