/**
 * The many-tenant case: 1,000 organisations (copies of the demo organisations' corpora under new ids) served by one
 * process whose heap is capped at 512 MB, requests Zipf-distributed over the organisations, through the same
 * KnowledgeBase (LRU by measured bytes) and `answer` as production, over an in-memory corpus provider that hands out
 * a fresh copy of the corpus on each load (as a Firestore read would). Reports heap peak, hit rate, builds per
 * second, answer p50/p99 including the builds on misses, and per demo organisation the index's bytes per structure.
 *
 * `npm run bench -- tenants` runs it in a child process with `--max-old-space-size=512`; alone:
 * `node --max-old-space-size=512 --expose-gc bench/tenants.ts --child [--orgs 1000] [--requests 5000] [--budget-mb N]`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { answer } from '../functions/src/chat/answer.ts';
import { demoProvider } from '../functions/src/chat/demoCorpus.ts';
import { defaultKnowledgeCacheBytes } from '../functions/src/config.ts';
import type { Corpus, CorpusProvider } from '../functions/src/search/corpus.ts';
import { buildKnowledge, KnowledgeBase } from '../functions/src/search/knowledgeBase.ts';
import { QUERIES } from './ask.ts';

const DEMO_ORGS = ['maesot', 'maesaimitraphap', 'intapramul', 'tharae'];
const HEAP_CAP_MB = 512;

/** Organisation `t0042` is a copy of demo organisation 42 mod 4; every load returns a new deep copy. */
class TenantProvider implements CorpusProvider {
  private readonly bases: Corpus[];
  private readonly count: number;
  constructor(bases: Corpus[], count: number) {
    this.bases = bases;
    this.count = count;
  }
  loads = 0;
  private base(orgId: string): Corpus | null {
    const n = Number(orgId.slice(1));
    if (!orgId.startsWith('t') || !Number.isInteger(n) || n < 0 || n >= this.count) return null;
    return this.bases[n % this.bases.length] ?? null;
  }
  async version(orgId: string): Promise<string | null> {
    return this.base(orgId)?.version ?? null;
  }
  async load(orgId: string): Promise<Corpus | null> {
    const base = this.base(orgId);
    if (!base) return null;
    this.loads++;
    return { ...structuredClone(base), org: { ...base.org, id: orgId } };
  }
}

/** Seeded random numbers (mulberry32): the same request sequence on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf(s) over ranks 0..n-1 by inverse CDF; ranks are mapped to organisations by a seeded shuffle. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1) ** s;
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
  }
  return () => {
    const u = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return perm[lo] as number;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const mb = (bytes: number) => round(bytes / 1048576, 1);
const heapNow = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, arrayBuffers: m.arrayBuffers };
};

async function settle(): Promise<void> {
  const gc = globalThis.gc;
  for (let i = 0; i < 3 && gc; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Per demo organisation: build time (median of 8), bytes per structure, and retained heap measured after a full GC. */
async function perOrg(bases: Corpus[]) {
  const out: Record<string, unknown> = {};
  for (const corpus of bases) {
    for (let i = 0; i < 2; i++) buildKnowledge(corpus);
    await settle();
    const before = heapNow();
    const held = [];
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      held.push(buildKnowledge(corpus));
      times.push(performance.now() - t0);
    }
    await settle();
    const after = heapNow();
    times.sort((a, b) => a - b);
    const k = held[0];
    const retainedKb = Math.round((after.heap - before.heap + after.arrayBuffers - before.arrayBuffers) / held.length / 1024);
    held.length = 0; // freed before the next organisation's reading
    await settle();
    if (!k) continue;
    out[corpus.org.id] = {
      docs: k.index.size,
      buildMs: round(percentile(times, 50)),
      retainedKb,
      footprintKb: Object.fromEntries(Object.entries(k.index.footprint()).map(([key, v]) => [key, Math.round(v / 1024)])),
      corpusEstimateKb: Math.round((k.bytes - k.index.footprint().total) / 1024),
    };
  }
  return out;
}

async function child(): Promise<void> {
  const { values } = parseArgs({ options: { child: { type: 'boolean' }, orgs: { type: 'string' }, requests: { type: 'string' }, 'budget-mb': { type: 'string' }, s: { type: 'string' } } });
  const orgs = Number(values.orgs ?? 1000);
  const requests = Number(values.requests ?? 5000);
  const s = Number(values.s ?? 1);
  const demo = await demoProvider();
  const bases = (await Promise.all(DEMO_ORGS.map((id) => demo.load(id)))).filter((c): c is Corpus => c !== null);
  const structures = await perOrg(bases);
  const budget = values['budget-mb'] ? Number(values['budget-mb']) * 1048576 : defaultKnowledgeCacheBytes();
  const provider = new TenantProvider(bases, orgs);
  const kb = new KnowledgeBase(provider, { budgetBytes: budget, checkIntervalMs: Number.POSITIVE_INFINITY });
  const rand = random(42);
  const nextOrg = zipf(orgs, s, rand);
  const now = new Date('2026-12-02T12:00:00+07:00');
  await settle();
  const base = heapNow();
  let peak = base.heap + base.arrayBuffers;
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const org = `t${nextOrg()}`;
    const q = QUERIES[Math.floor(rand() * QUERIES.length)] as string;
    const t0 = performance.now();
    await answer(kb, org, q, null, { now });
    samples.push(performance.now() - t0);
    if (i % 20 === 0) {
      const h = heapNow();
      peak = Math.max(peak, h.heap + h.arrayBuffers);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const st = kb.stats();
  console.log(
    JSON.stringify({
      organisations: orgs,
      requests,
      zipfS: s,
      maxOldSpaceMb: HEAP_CAP_MB,
      heapLimitMb: Math.round(v8.getHeapStatistics().heap_size_limit / 1048576),
      cacheBudgetMb: mb(budget),
      cacheBytesMb: mb(st.bytes),
      cachedOrgs: st.entries,
      heapPeakMb: mb(peak),
      heapAtStartMb: mb(base.heap + base.arrayBuffers),
      hitRate: round(st.hits / Math.max(1, st.hits + st.misses), 3),
      builds: st.builds,
      evictions: st.evictions,
      buildsPerSecond: round(st.builds / seconds),
      requestsPerSecond: Math.round(requests / seconds),
      answerP50Ms: round(percentile(samples, 50), 2),
      answerP99Ms: round(percentile(samples, 99), 2),
      answerMaxMs: round(samples.at(-1) ?? 0, 2),
      perDemoOrg: structures,
    }),
  );
}

/** Runs the child under the heap cap and returns its report. */
export async function benchTenants(args: string[] = []): Promise<unknown> {
  const file = fileURLToPath(import.meta.url);
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--expose-gc', file, '--child', ...args], { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`tenants bench failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as unknown;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--child')) await child();
  else console.log(JSON.stringify(await benchTenants(process.argv.slice(2)), null, 2));
}
