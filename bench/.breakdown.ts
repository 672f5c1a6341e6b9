import { demoProvider } from '../functions/src/chat/demoCorpus.ts';
import { buildKnowledge } from '../functions/src/search/knowledgeBase.ts';
const gc = globalThis.gc as () => void;
const settle = async () => { for (let i = 0; i < 4; i++) { gc(); await new Promise((r) => setTimeout(r, 30)); } };
const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const p = await demoProvider();
const N = 8;
const parts = process.argv.slice(2);
for (const org of [process.env.ORG!]) {
  const c = (await p.load(org))!;
  for (let i = 0; i < 3; i++) buildKnowledge(c);
  await settle();
  let base = used();
  const held: any[] = [];
  const times: number[] = [];
  for (let i = 0; i < N; i++) { const t0 = performance.now(); held.push(buildKnowledge(c)); times.push(performance.now() - t0); }
  await settle();
  const total = (used() - base) / N / 1024;
  const row: Record<string, number> = { total: Math.round(total) };
  for (const part of parts) {
    base = used();
    for (const k of held) { const idx = k.index; if (part === 'docs') idx.docs.length = 0; else if (idx[part] instanceof Map) idx[part] = null; else if (idx[part]) idx[part] = null; else k[part] = null; }
    await settle();
    row[part] = Math.round((base - used()) / N / 1024);
  }
  times.sort((a, b) => a - b);
  console.log(org, held[0].index.size, 'docs, build median ms', times[Math.floor(N / 2)]!.toFixed(1), JSON.stringify(row));
}
