import type { Project } from '../plans/schema.ts';
import { corpusSearchDocs, type Corpus, type CorpusManual, type CorpusProvider } from './corpus.ts';
import { SearchIndex } from './index.ts';
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
  buildMs: number;
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

export function buildKnowledge(corpus: Corpus, now = Date.now()): Knowledge {
  const started = performance.now();
  const projects = corpus.document?.projects ?? [];
  const index = new SearchIndex(corpusSearchDocs(corpus));
  return {
    corpus,
    index,
    projects: new Map(projects.map((p) => [p.id, p])),
    manuals: new Map(corpus.manuals.map((m) => [m.id, m])),
    units: extractUnits(projects),
    builtAt: now,
    buildMs: performance.now() - started,
  };
}

export interface KnowledgeBaseOptions {
  /** How long a built index is trusted before the provider's version is checked again. Default 2 s. */
  checkIntervalMs?: number;
  now?: () => number;
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
 */
export class KnowledgeBase {
  private readonly provider: CorpusProvider;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Knowledge | null>>();

  constructor(provider: CorpusProvider, options: KnowledgeBaseOptions = {}) {
    this.provider = provider;
    this.interval = options.checkIntervalMs ?? 2000;
    this.now = options.now ?? Date.now;
  }

  async get(orgId: string): Promise<Knowledge | null> {
    const entry = this.entries.get(orgId);
    if (entry && this.now() - entry.checkedAt < this.interval) return entry.knowledge;
    let p = this.pending.get(orgId);
    if (!p) {
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
    this.entries.delete(orgId);
  }

  private async refresh(orgId: string, entry: Entry | undefined): Promise<Knowledge | null> {
    const version = await this.provider.version(orgId);
    if (version === null) {
      this.entries.delete(orgId);
      return null;
    }
    if (entry && entry.version === version) {
      entry.checkedAt = this.now();
      return entry.knowledge;
    }
    const corpus = await this.provider.load(orgId);
    if (!corpus) {
      this.entries.delete(orgId);
      return null;
    }
    const knowledge = buildKnowledge(corpus, this.now());
    // The version read before loading: if data changed meanwhile, the next check rebuilds again.
    this.entries.set(orgId, { version, checkedAt: this.now(), knowledge });
    return knowledge;
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
