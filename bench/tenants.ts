/**
 * The many-tenant case: 1,000 organisations (copies of the demo organisations' corpora under new ids) served by one
 * process whose heap is capped at 512 MB, requests Zipf-distributed over the organisations, through the same
 * KnowledgeBase (LRU by measured bytes) and `answer` as production, over an in-memory corpus provider that hands out
 * a fresh copy of the corpus on each load (as a Firestore read would), and an in-memory stand-in for the stored
 * indices (TenantIndexStore). Reports heap peak, hit rate, builds and loads, answer p50/p99 including the builds or
 * loads on misses, and per demo organisation build and load times and the index's bytes per structure.
 *
 * `npm run bench -- tenants` runs it in a child process with `--max-old-space-size=512`; alone:
 * `node --max-old-space-size=512 --expose-gc bench/tenants.ts --child [--orgs 1000] [--requests 5000] [--budget-mb N]
 * [--store none|built|imported] [--per-org] [--segment-memo shared|all] [--segment-memo-mb N]`.
 */
import { execFile } from 'node:child_process';
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { answer } from '../functions/src/chat/answer.ts';
import { demoProvider } from '../functions/src/chat/demoCorpus.ts';
import { defaultKnowledgeCacheBytes } from '../functions/src/config.ts';
import { corpusSearchDocs, type Corpus, type CorpusProvider } from '../functions/src/search/corpus.ts';
import { stripGenericPrefix } from '../functions/src/search/build.ts';
import { normalizeText } from '../functions/src/search/normalize.ts';
import { encodeIndex } from '../functions/src/search/indexCodec.ts';
import { buildKnowledge, KnowledgeBase, type IndexPersistence, type StoredIndex } from '../functions/src/search/knowledgeBase.ts';
import { segmentMemo } from '../functions/src/search/tokenize.ts';
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
    await setImmediate(); // a read is I/O: other work (stored indices being deflated) gets its turn, as in production
    this.loads++;
    return { ...structuredClone(base), org: { ...base.org, id: orgId } };
  }
}

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * The stored indices (search/indexStore.ts in Firestore) in memory: written deflated, inflated on every read as the
 * store does. Copies of one demo organisation have the same documents, hence the same key and bytes: the bytes are
 * kept once per key (1,000 copies would not fit the heap, and in production they are not in the heap at all).
 */
class TenantIndexStore implements IndexPersistence {
  private readonly bytes = new Map<string, { deflated: Buffer; length: number }>();
  private readonly keys = new Map<string, string>();
  reads = 0;
  writes = 0;
  async read(orgId: string): Promise<StoredIndex | null> {
    const key = this.keys.get(orgId);
    const stored = key === undefined ? undefined : this.bytes.get(key);
    await setImmediate(); // a read is I/O (see TenantProvider.load)
    if (key === undefined || !stored) return null;
    this.reads++;
    const blob = await inflate(stored.deflated);
    return blob.length === stored.length ? { key, blob } : null;
  }
  async write(orgId: string, stored: StoredIndex): Promise<void> {
    this.writes++;
    if (!this.bytes.has(stored.key)) this.bytes.set(stored.key, { deflated: await deflate(stored.blob, { level: 1 }), length: stored.blob.length });
    this.keys.set(orgId, stored.key);
  }
}

/**
 * Makes the process's segmentation memo find only chunks that at least two of the demo organisations have (see
 * `--segment-memo`): each copy then gains from the memo what a distinct organisation would, not its twin's text.
 */
function onlySharedChunks(bases: Corpus[]): void {
  const seen = new Map<string, number>();
  for (const corpus of bases) {
    const texts = corpusSearchDocs(corpus).flatMap((d) => [...Object.values(d.fields), ...d.names.map(stripGenericPrefix)]);
    for (const chunk of new Set(texts.flatMap((t) => normalizeText(t).split(' ')))) seen.set(chunk, (seen.get(chunk) ?? 0) + 1);
  }
  const find = segmentMemo.get.bind(segmentMemo);
  segmentMemo.get = (chunk: string) => ((seen.get(chunk) ?? 0) >= 2 ? find(chunk) : (segmentMemo.misses++, undefined));
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
    // Loading the stored index instead (decode + tables), median of 8.
    const first = buildKnowledge(corpus, 0, { stored: null });
    const stored = { key: first.indexKey as string, blob: encodeIndex(first.index.parts()) };
    const loads: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      buildKnowledge(corpus, 0, { stored });
      loads.push(performance.now() - t0);
    }
    loads.sort((a, b) => a - b);
    const retainedKb = Math.round((after.heap - before.heap + after.arrayBuffers - before.arrayBuffers) / held.length / 1024);
    held.length = 0; // freed before the next organisation's reading
    await settle();
    if (!k) continue;
    out[corpus.org.id] = {
      docs: k.index.size,
      buildMs: round(percentile(times, 50)),
      loadMs: round(percentile(loads, 50)),
      storedKb: Math.round(stored.blob.length / 1024),
      retainedKb,
      footprintKb: Object.fromEntries(Object.entries(k.index.footprint()).map(([key, v]) => [key, Math.round(v / 1024)])),
      corpusEstimateKb: Math.round((k.bytes - k.index.footprint().total) / 1024),
    };
  }
  return out;
}

async function child(): Promise<void> {
  const { values } = parseArgs({
    options: { child: { type: 'boolean' }, orgs: { type: 'string' }, requests: { type: 'string' }, 'budget-mb': { type: 'string' }, s: { type: 'string' }, store: { type: 'string' }, 'per-org': { type: 'boolean' }, 'segment-memo-mb': { type: 'string' }, 'segment-memo': { type: 'string' } },
  });
  // none: every miss builds (before stored indices); built: an index is stored when first built, later misses load
  // it; imported: every organisation's index was stored beforehand (at import, or built once by any instance).
  const mode = values.store ?? 'imported';
  if (!['none', 'built', 'imported'].includes(mode)) throw new Error(`--store none|built|imported, not ${mode}`);
  const orgs = Number(values.orgs ?? 1000);
  // The process's memo of segmented chunks (search/tokenize.ts). The organisations here are copies of four, so after
  // the first four builds every chunk would be found in it, which no real organisation sees; by default (`shared`)
  // a chunk is found only when another demo organisation has it too (the template's and manuals' phrases: what
  // distinct organisations share), `--segment-memo all` lets copies find everything, `--segment-memo-mb 0` is none.
  if (values['segment-memo-mb'] !== undefined) segmentMemo.reset(Math.floor(Number(values['segment-memo-mb']) * 1048576));
  const memoMode = values['segment-memo'] ?? 'shared';
  if (memoMode !== 'shared' && memoMode !== 'all') throw new Error(`--segment-memo shared|all, not ${memoMode}`);
  const requests = Number(values.requests ?? 5000);
  const s = Number(values.s ?? 1);
  const demo = await demoProvider();
  const bases = (await Promise.all(DEMO_ORGS.map((id) => demo.load(id)))).filter((c): c is Corpus => c !== null);
  if (memoMode === 'shared') onlySharedChunks(bases);
  const structures = values['per-org'] ? await perOrg(bases) : undefined;
  segmentMemo.reset();
  const budget = values['budget-mb'] ? Number(values['budget-mb']) * 1048576 : defaultKnowledgeCacheBytes();
  const provider = new TenantProvider(bases, orgs);
  const store = new TenantIndexStore();
  if (mode === 'imported') {
    const built = bases.map((c) => buildKnowledge(c, 0, { stored: null }));
    for (let n = 0; n < orgs; n++) {
      const k = built[n % built.length] as (typeof built)[number];
      await store.write(`t${n}`, { key: k.indexKey as string, blob: encodeIndex(k.index.parts()) });
    }
    store.writes = 0;
  }
  const kb = new KnowledgeBase(provider, { budgetBytes: budget, checkIntervalMs: Number.POSITIVE_INFINITY, ...(mode === 'none' ? {} : { persisted: store }) });
  const rand = random(42);
  const nextOrg = zipf(orgs, s, rand);
  const now = new Date('2026-12-02T12:00:00+07:00');
  await settle();
  const base = heapNow();
  let peak = base.heap + base.arrayBuffers;
  const samples: number[] = [];
  // Requests that found their organisation's index missing (built or loaded on the way).
  const missSamples: number[] = [];
  // CPU time of the process during each request (user + system, all threads: inflating runs on the thread pool):
  // on a shared machine wall time includes waiting for a core; this is what the request itself cost.
  const cpuSamples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const org = `t${nextOrg()}`;
    const q = QUERIES[Math.floor(rand() * QUERIES.length)] as string;
    const missesBefore = kb.stats().misses;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await answer(kb, org, q, null, { now });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
    samples.push(ms);
    if (kb.stats().misses > missesBefore) missSamples.push(ms);
    if (i % 20 === 0) {
      const h = heapNow();
      peak = Math.max(peak, h.heap + h.arrayBuffers);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await kb.flush();
  samples.sort((a, b) => a - b);
  missSamples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  const st = kb.stats();
  console.log(
    JSON.stringify({
      store: mode,
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
      loads: st.loads,
      stored: st.stored,
      storeReads: store.reads,
      evictions: st.evictions,
      segmentMemoMb: mb(segmentMemo.budgetBytes),
      segmentMemo: memoMode,
      segmentMemoHitRate: round(segmentMemo.hits / Math.max(1, segmentMemo.hits + segmentMemo.misses), 3),
      buildsPerSecond: round(st.builds / seconds),
      requestsPerSecond: Math.round(requests / seconds),
      answerP50Ms: round(percentile(samples, 50), 2),
      answerP99Ms: round(percentile(samples, 99), 2),
      answerMaxMs: round(samples.at(-1) ?? 0, 2),
      missP50Ms: round(percentile(missSamples, 50), 2),
      missP90Ms: round(percentile(missSamples, 90), 2),
      missP99Ms: round(percentile(missSamples, 99), 2),
      answerCpuP50Ms: round(percentile(cpuSamples, 50), 2),
      answerCpuP99Ms: round(percentile(cpuSamples, 99), 2),
      requestsOver50Ms: samples.filter((x) => x > 50).length,
      ...(structures ? { perDemoOrg: structures } : {}),
    }),
  );
}

/** Runs the child under the heap cap and returns its report. */
async function runChild(args: string[]): Promise<Record<string, unknown>> {
  const file = fileURLToPath(import.meta.url);
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--expose-gc', file, '--child', ...args], { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`tenants bench failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Record<string, unknown>;
}

/**
 * The same request sequence three times, each in a fresh capped process: without stored indices (the baseline:
 * every miss builds), with indices stored when first built, and with every index stored beforehand. `--store MODE`
 * runs one.
 */
export async function benchTenants(args: string[] = []): Promise<unknown> {
  if (args.includes('--store')) return runChild([...args, '--per-org']);
  const none = await runChild([...args, '--store', 'none', '--per-org']);
  const built = await runChild([...args, '--store', 'built']);
  const imported = await runChild([...args, '--store', 'imported']);
  const { perDemoOrg, ...baseline } = none;
  const p99 = (r: Record<string, unknown>) => Number(r.answerP99Ms);
  const cpu99 = (r: Record<string, unknown>) => Number(r.answerCpuP99Ms);
  return {
    none: baseline,
    built,
    imported,
    p99RatioBuiltToNone: Math.round((p99(built) / p99(baseline)) * 100) / 100,
    p99RatioImportedToNone: Math.round((p99(imported) / p99(baseline)) * 100) / 100,
    cpuP99RatioImportedToNone: Math.round((cpu99(imported) / cpu99(baseline)) * 100) / 100,
    perDemoOrg,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--child')) await child();
  else console.log(JSON.stringify(await benchTenants(process.argv.slice(2)), null, 2));
}
