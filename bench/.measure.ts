import v8 from 'node:v8';
import { demoProvider } from '../functions/src/chat/demoCorpus.ts';
import { buildKnowledge } from '../functions/src/search/knowledgeBase.ts';
const gc = globalThis.gc as () => void;
const settle = async () => { for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setTimeout(r, 20)); } };
const p = await demoProvider();
for (const org of ['maesot', 'maesaimitraphap', 'intapramul', 'tharae']) {
  const c = (await p.load(org))!;
  buildKnowledge(c);
  await settle();
  const b0 = v8.getHeapStatistics().used_heap_size;
  const held = [];
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) held.push(buildKnowledge(c));
  const ms = (performance.now() - t0) / 5;
  await settle();
  const kb = (v8.getHeapStatistics().used_heap_size - b0) / 5 / 1024;
  // corpus size: a structured clone's retained heap
  await settle();
  const c0 = v8.getHeapStatistics().used_heap_size;
  const clones = [structuredClone({ ...c, manuals: c.manuals.map((m) => ({ ...m, source: m.source })) })];
  await settle();
  const ckb = (v8.getHeapStatistics().used_heap_size - c0) / 1024;
  console.log(org, held[0]!.index.size, 'docs', ms.toFixed(1), 'ms', Math.round(kb), 'KB knowledge; corpus clone', Math.round(ckb), 'KB', clones.length);
}
