/**
 * The answering engine on the largest demo organisation (intapramul): queries per second and p50/p99 latency of
 * `answer` (search, intent and the LINE reply), index build time, load time from the stored index and heap per
 * organisation — beside a plain
 * substring scan over the same projects and manuals in the same run (ratios, not absolute times, are the figures
 * to compare between machines). `npm run bench` calls `benchAsk()`; run alone with `node bench/ask.ts`.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { answerWith } from '../functions/src/chat/answer.ts';
import { demoProvider } from '../functions/src/chat/demoCorpus.ts';
import type { Corpus } from '../functions/src/search/corpus.ts';
import { corpusSearchDocs } from '../functions/src/search/corpus.ts';
import { encodeIndex } from '../functions/src/search/indexCodec.ts';
import { buildKnowledge } from '../functions/src/search/knowledgeBase.ts';
import { segmentMemo } from '../functions/src/search/tokenize.ts';

const ORG = 'intapramul';

/** A garbage collector to call between heap readings, also when node was started without --expose-gc. */
function collector(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Questions of every kind, in residents' phrasing. */
export const QUERIES = [
  'มาตรการ NO Gift Policy คืออะไร',
  'บัตรคิวที่ อบต. ใช้ยังไง',
  'จัดเวทีประชาชน ปี ๒๕๖๘ ใช้งบกี่บาท',
  'มิติที่ 2 มีโครงการอะไรบ้าง',
  'มิติที่๑ มีกี่โครงการ',
  'งบประมาณรวมทั้งแผนเท่าไร',
  'กองคลังรับผิดชอบอะไรบ้าง',
  'โครงการเศรษฐกิจพอเพียงมีวัตถุประสงค์อะไร',
  'แผนตรวจสอบภายในประจำปี ใครรับผิดชอบ',
  'แจ้งเกิดต้องใช้เอกสารอะไรบ้าง',
  'ภาษีป้าย',
  'อบต.มี e-service ให้ยื่นเรื่องออนไลน์มั้ยครับ',
  'โครงการกดหมายน่ารู้',
  'สวัสดีครับ',
  'ร้องเรียน',
  'ฟุตบอลโลก',
];

/** Full collection, then a pause so concurrent sweeping finishes before the heap is read. */
async function settle(gc: () => void): Promise<void> {
  for (let i = 0; i < 2; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 30));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function measure(fn: (q: string) => unknown, rounds: number) {
  for (const q of QUERIES) fn(q); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      fn(q);
      samples.push(performance.now() - t0);
    }
  }
  const total = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { qps: (samples.length / total) * 1000, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** The naive alternative: every document whose text contains any query word, by number of words contained. */
function substringScanner(corpus: Corpus) {
  const docs = corpusSearchDocs(corpus).map((d) => ({ id: d.id, text: Object.values(d.fields).join('\n').toLowerCase() }));
  return (q: string) => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return docs
      .map((d) => ({ id: d.id, n: words.filter((w) => d.text.includes(w)).length }))
      .filter((d) => d.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 5);
  };
}

/** Heap in use plus typed arrays' backing stores (kept outside the V8 heap, and most of a compact index). */
const retained = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * The build's baseline in the same run: one `Intl.Segmenter` pass over every field text of the organisation's
 * documents (no normalisation, no index) — what any tokenising build costs at least on this machine at this moment.
 */
function segmenterPassMs(corpus: Corpus): number {
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
  const texts = corpusSearchDocs(corpus).flatMap((d) => Object.values(d.fields));
  const pass = () => {
    let n = 0;
    for (const t of texts) for (const s of segmenter.segment(t)) if (s.isWordLike) n++;
    return n;
  };
  pass(); // warm-up
  return medianMs(pass);
}

/** Median of 7 timed calls (each after `before`, untimed): one call descheduled on a shared machine does not move it. */
function medianMs(fn: () => unknown, before: () => void = () => {}): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    before();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[3] as number;
}

/**
 * Build times with the process's segmentation memo (search/tokenize.ts `SegmentMemo`), measured honestly: a repeat
 * of the same organisation would find every chunk in the memo, so each timed build starts from an emptied memo,
 * either after building the other demo organisations (`buildMs`: what an organisation costs in a process that has
 * served others; the demo plans share the national template and the manuals' wording) or with nothing before it
 * (`buildColdMs`: the first organisation of a process). The heap reading is taken with the memo off (it would count
 * the memo's growth).
 */
async function measureBuild(corpus: Corpus, others: Corpus[], gc: () => void): Promise<{ docs: number; buildMs: number; buildColdMs: number; loadMs: number; segmenterMs: number; buildToSegmenter: number; heapKb: number }> {
  const memoBytes = segmentMemo.budgetBytes;
  const afterOthers = () => {
    segmentMemo.reset(memoBytes);
    for (const other of others) buildKnowledge(other);
  };
  const cold = () => segmentMemo.reset(memoBytes);
  segmentMemo.reset(0);
  for (let i = 0; i < 5; i++) buildKnowledge(corpus); // warm-up (the optimising compiler settles over several builds)
  await settle(gc);
  const before = retained();
  const held: Array<ReturnType<typeof buildKnowledge>> = [];
  for (let i = 0; i < 3; i++) held.push(buildKnowledge(corpus));
  await settle(gc);
  const heapKb = Math.max(0, retained() - before) / held.length / 1024;
  const docs = held[0]?.index.size ?? 0;
  held.length = 0; // freed before the next organisation's reading
  await settle(gc);
  segmentMemo.reset(memoBytes);
  const buildMs = medianMs(() => buildKnowledge(corpus), afterOthers);
  const buildColdMs = medianMs(() => buildKnowledge(corpus), cold);
  // The same knowledge made from the stored index (search/indexCodec.ts) instead of built: what a miss costs now.
  const first = buildKnowledge(corpus, 0, { stored: null });
  const stored = { key: first.indexKey as string, blob: encodeIndex(first.index.parts()) };
  buildKnowledge(corpus, 0, { stored }); // warm-up
  const loadMs = medianMs(() => buildKnowledge(corpus, 0, { stored }));
  const segmenterMs = segmenterPassMs(corpus);
  await settle(gc);
  return { docs, buildMs: round(buildMs), buildColdMs: round(buildColdMs), loadMs: round(loadMs), segmenterMs: round(segmenterMs), buildToSegmenter: round(buildMs / segmenterMs), heapKb: Math.round(heapKb) };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function benchAsk(options: { rounds?: number } = {}): Promise<Record<string, number | string | Record<string, unknown>>> {
  const rounds = options.rounds ?? 30;
  const provider = await demoProvider();
  const gc = collector();
  const perOrg: Record<string, Awaited<ReturnType<typeof measureBuild>>> = {};
  const demo: Array<[string, Corpus]> = [];
  for (const orgId of ['maesot', 'maesaimitraphap', 'intapramul', 'tharae']) {
    const corpus = await provider.load(orgId);
    if (corpus) demo.push([orgId, corpus]);
  }
  for (const [orgId, corpus] of demo) {
    perOrg[orgId] = await measureBuild(
      corpus,
      demo.filter(([other]) => other !== orgId).map(([, c]) => c),
      gc,
    );
  }
  const corpus = await provider.load(ORG);
  if (!corpus) throw new Error(`no demo corpus for ${ORG}`);
  const knowledge = buildKnowledge(corpus);
  const now = new Date();
  const engine = measure((q) => answerWith(knowledge, q, null, { now }), rounds);
  const scan = substringScanner(corpus);
  const baseline = measure((q) => scan(q), rounds);
  return {
    org: ORG,
    documents: knowledge.index.size,
    queries: QUERIES.length * rounds,
    engineQps: Math.round(engine.qps),
    engineP50Ms: round(engine.p50, 3),
    engineP99Ms: round(engine.p99, 3),
    baselineQps: Math.round(baseline.qps),
    baselineP50Ms: round(baseline.p50, 3),
    baselineP99Ms: round(baseline.p99, 3),
    p50Ratio: round(engine.p50 / Math.max(1e-6, baseline.p50), 1),
    qpsRatio: round(baseline.qps / Math.max(1e-6, engine.qps), 1),
    perOrg,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchAsk(), null, 2));
}
