/**
 * Queue ticket issuing under concurrency on the embedded Firestore (over gRPC, as in local mode), beside a baseline in
 * the same run: the same number of plain create() calls of independent documents, also all at once. Reports per mode
 * throughput (tickets/s) and p50/p99 latency, their ratios to the baseline, and how many create() attempts the number
 * claims made (200 per 200 tickets means no wasted work). Modes:
 *   serialised  — the shipped design: one claimer per process, claims of a service-day in a promise chain
 *   instances4  — four claimers (as four Cloud Functions instances) sharing the load
 *   naive       — every request races on its own (re-reading the highest number after each conflict)
 * `npm run bench -- queue` once registered in bench/run.ts; alone: `node bench/queue.ts`.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { fixedClock } from '../functions/src/clock.ts';
import { recordingNotifier } from '../functions/src/notify/notifier.ts';
import type { Org } from '../functions/src/orgs/schema.ts';
import { createNumberClaimer, type NumberClaimer } from '../functions/src/queue/numbering.ts';
import { addService, createQueueDeps, issueTicket, type QueueDeps } from '../functions/src/queue/service.ts';
import { createQueueStore } from '../functions/src/queue/store.ts';
import { startEmbeddedFirestore } from '../functions/src/store/embedded.ts';
import { openFirestore } from '../functions/src/store/firestore.ts';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

async function timed(n: number, one: (i: number) => Promise<unknown>) {
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const s = performance.now();
      await one(i);
      lat.push(performance.now() - s);
    }),
  );
  const ms = performance.now() - t0;
  return { perSecond: r2((n / ms) * 1000), p50Ms: r2(pct(lat, 50)), p99Ms: r2(pct(lat, 99)), totalMs: r2(ms) };
}

export async function benchQueue(options: { tickets?: number; rounds?: number } = {}): Promise<Record<string, unknown>> {
  const n = options.tickets ?? 200;
  const rounds = options.rounds ?? 1;
  const emulator = await startEmbeddedFirestore();
  const db: Firestore = openFirestore({ projectId: 'bench-queue', emulatorHost: emulator.host });
  const clock = fixedClock('2026-11-23T03:00:00.000Z');
  const org = { id: 'bench', name: 'เทศบาลทดสอบ', line: {} } as Org;
  const notifier = recordingNotifier();
  let serial = 0;
  const newService = async (deps: QueueDeps) => {
    const id = `svc-${++serial}`;
    await addService(deps, org.id, { id, name: 'บริการทดสอบ', prefix: `${String.fromCharCode(65 + (serial % 26))}${String.fromCharCode(65 + Math.floor(serial / 26))}`, counters: [{ id: '1', name: 'ช่อง 1' }], hours: null });
    return id;
  };
  const depsWith = (claimer: NumberClaimer) => createQueueDeps({ store: createQueueStore(db), notifier, clock, claimer });

  try {
    // Warm up the gRPC channel and the emulator.
    await timed(50, (i) => db.collection('warm').doc(`w${i}`).create({ i }));
    const results: Record<string, ReturnType<typeof timed> extends Promise<infer R> ? R & { attempts?: number } : never>[] = [];
    for (let round = 0; round < rounds; round++) {
      const row: (typeof results)[number] = {};
      row.baseline = await timed(n, (i) => db.collection(`baseline${round}`).doc(`d${i}`).create({ i, at: new Date().toISOString() }));

      const one = createNumberClaimer();
      const d1 = depsWith(one);
      const s1 = await newService(d1);
      row.serialised = { ...(await timed(n, (i) => issueTicket(d1, org, s1, `U${round}s${i}`))), attempts: one.stats().attempts };

      const four = Array.from({ length: 4 }, () => createNumberClaimer());
      const d4 = four.map(depsWith);
      const s4 = await newService(d4[0]!);
      row.instances4 = { ...(await timed(n, (i) => issueTicket(d4[i % 4]!, org, s4, `U${round}f${i}`))), attempts: four.reduce((a, c) => a + c.stats().attempts, 0) };

      const naive = createNumberClaimer({ serialize: false });
      const dn = depsWith(naive);
      const sn = await newService(dn);
      row.naive = { ...(await timed(n, (i) => issueTicket(dn, org, sn, `U${round}n${i}`))), attempts: naive.stats().attempts };
      results.push(row);
    }
    const last = results[results.length - 1]!;
    const base = last.baseline!;
    const ratios = Object.fromEntries(
      Object.entries(last)
        .filter(([k]) => k !== 'baseline')
        .map(([k, v]) => [k, { throughputVsBaseline: r2(v.perSecond / base.perSecond), p99VsBaseline: r2(v.p99Ms / base.p99Ms), createAttemptsPerTicket: r2((v.attempts ?? 0) / n) }]),
    );
    return { tickets: n, note: 'each ticket: holder create + number create + holder update + position count; baseline: one create', rounds: results, ratios };
  } finally {
    await db.terminate();
    emulator.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchQueue(), null, 2));
  process.exit(0);
}
