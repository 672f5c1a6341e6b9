/**
 * Issue 13 F3: five concurrent 5.8 MB deeply nested JSON bodies to `/ask` (no authentication needed), and meanwhile
 * `/healthz` and a normal `/ask`, timed — beside the same two calls with no flood, in the same run (the baseline).
 * Reports p50/max latency of both in each phase and what the flood requests got (413 expected, before any parse).
 * The attacker is bench/floodAttacker.ts in a child process. `npm run bench -- flood`; alone: `node bench/flood.ts`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../functions/src/clock.ts';
import { loadConfig } from '../functions/src/config.ts';
import { createLogger } from '../functions/src/log.ts';
import { startRuntime } from '../functions/src/runtime.ts';

const ORG = 'maesot';
const FLOOD_BYTES = 5.8 * 1024 * 1024;


async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { n: sorted.length, p50Ms: at(0.5), maxMs: at(1) };
}

export async function benchFlood(options: { rounds?: number } = {}): Promise<Record<string, unknown>> {
  const rounds = options.rounds ?? 20;
  const rt = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent' }), {
    clock: fixedClock(new Date()),
    log: createLogger({ level: 'silent' }),
    scheduleEveryMs: 0,
  });
  const base = rt.baseUrl.replace('localhost', '127.0.0.1');
  const askInit = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const normalAsk = () => timed(`${base}/api/orgs/${ORG}/ask`, askInit(JSON.stringify({ text: 'สวัสดี' })));
  const health = () => timed(`${base}/healthz`);
  const probe = async () => {
    const h: number[] = [];
    const a: number[] = [];
    for (let i = 0; i < rounds; i++) {
      h.push((await health()).ms);
      a.push((await normalAsk()).ms);
    }
    return { healthz: stats(h), ask: stats(a) };
  };
  try {
    await normalAsk(); // warm the index
    const baseline = await probe();
    // The attacker runs in its own process, as it would: the server's event loop is not shared with it.
    const attacker = spawn(process.execPath, [fileURLToPath(new URL('./floodAttacker.ts', import.meta.url)), `${base}/api/orgs/${ORG}/ask`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    attacker.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((r) => setTimeout(r, 1500));
    const underFlood = await probe();
    attacker.kill('SIGTERM');
    await new Promise((r) => attacker.once('exit', r));
    const counts = JSON.parse(out || '{}') as Record<string, number>;
    return {
      floodBodyBytes: Math.round(FLOOD_BYTES),
      floodStatuses: counts,
      baseline,
      underFlood,
      ratioHealthzP50: Math.round((underFlood.healthz.p50Ms / baseline.healthz.p50Ms) * 100) / 100,
      ratioAskP50: Math.round((underFlood.ask.p50Ms / baseline.ask.p50Ms) * 100) / 100,
    };
  } finally {
    await rt.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchFlood(), null, 2));
  process.exit(0);
}
