/**
 * Parse time of the largest plan document (intapramul), as a ratio against a baseline measured in the same run over
 * the same text: a plain line split plus one regex scan per line. `npm run bench` calls `benchParse()`; run alone
 * with `node bench/parse.ts`.
 */
import { readFileSync } from 'node:fs';
import { parsePlanDocument } from '../functions/src/plans/parse/index.ts';

const FILE = new URL('../data/plans/intapramul-plan-2566-2570.txt', import.meta.url);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => unknown, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export async function benchParse(): Promise<Record<string, number | string>> {
  const text = readFileSync(FILE, 'utf8');
  let sink = 0;
  const baseline = () => {
    for (const line of text.split('\n')) if (/โครงการ|\d{1,3}(?:,\d{3})+/.test(line)) sink++;
  };
  const parse = () => {
    sink += parsePlanDocument(text, { file: 'intapramul-plan-2566-2570.txt' }).projects.length;
  };
  // Warm up both before measuring.
  time(baseline, 3);
  time(parse, 2);
  const baselineMs = time(baseline, 15);
  const parseMs = time(parse, 7);
  if (sink < 0) throw new Error('unreachable');
  return {
    document: 'intapramul-plan-2566-2570.txt',
    bytes: Buffer.byteLength(text),
    baselineMs: Math.round(baselineMs * 100) / 100,
    parseMs: Math.round(parseMs * 100) / 100,
    ratio: Math.round((parseMs / baselineMs) * 10) / 10,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchParse();
  console.log('parse (largest plan document)');
  console.log('  metric        value');
  for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(12)}  ${v}`);
}
