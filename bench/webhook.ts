/**
 * Sustained load of signed text events (16 connections) on the real server (local mode: embedded Firestore, LINE
 * sandbox), beside two baselines in the same run: bare express answering 200 (what HTTP costs), and a minimal durable
 * webhook on the same emulator (express, LINE signature check, one Firestore `create` per event keyed by its
 * webhookEventId, then 200 — the least a webhook that never loses an event can do). The baseline and the product take
 * turns (`rounds` pairs of `seconds` each, the product's processing drained between turns), so a change in the shared
 * machine's load hits both: each round's ratio is reported, and their median. Reports acknowledged events/s and
 * p50/p99, the end-to-end latency (request sent → reply reaching the LINE sandbox) after those bursts and again at a
 * steady 0.7 × the baseline's median rate (the target), the Firestore operations per text message (reads, writes,
 * deletes as billed, counted by the embedded emulator, by collection), and how many replies LINE would refuse.
 *
 * `productionHandOver` models production's split, which local mode cannot show: on Cloud Functions the webhook
 * instance only acknowledges (the record is the hand-over) and the trigger processes each record in another
 * invocation. It runs the webhook's own router (line/webhook.ts) with production's trigger hand-over against the same
 * emulator, turn about with the baseline; then processes the recorded events with the trigger's own code
 * (`processStoredEvent`: read the record, claim lease 0, answer, mark done), 16 at a time, and counts its round-trips.
 * What it cannot model: the trigger's delivery latency, other instances' CPUs, or Firestore's network round-trip.
 *
 * `npm run bench` calls `benchWebhook()`; alone: `npm run bench -- webhook`.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { validateSignature } from '@line/bot-sdk';
import express from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import { fixedClock } from '../functions/src/clock.ts';
import { loadConfig } from '../functions/src/config.ts';
import { createLineGateway, firestoreCredentials } from '../functions/src/line/credentials.ts';
import { createTriggerProcessor } from '../functions/src/line/processor.ts';
import { signBody } from '../functions/src/line/sign.ts';
import { webhookRouter } from '../functions/src/line/webhook.ts';
import { ulid } from '../functions/src/line/ulid.ts';
import { createLogger } from '../functions/src/log.ts';
import { getOrgSecrets } from '../functions/src/orgs/store.ts';
import { startRuntime, type Runtime } from '../functions/src/runtime.ts';
import { autocannon, type LoadResult } from './load.ts';

const QUESTIONS = ['สวัสดี', 'โครงการโรงเรียนคุณธรรมงบเท่าไร', 'ปี 2567 มีโครงการอะไรบ้าง', 'แจ้งเกิดใช้เอกสารอะไร', 'ขอบคุณค่ะ'];

/** The minimal durable webhook: signature, one create-if-absent per event, 200 (a redelivery's create fails: still 200). */
function durableWebhook(db: Firestore, orgId: string, secret: string) {
  return express().post('/line/webhook/:orgId', express.raw({ type: () => true }), async (req, res) => {
    const raw = req.body as Buffer;
    if (!validateSignature(raw, secret, req.get('x-line-signature') ?? '')) return void res.status(401).json({});
    const { events } = JSON.parse(raw.toString('utf8')) as { events: { webhookEventId: string }[] };
    try {
      await Promise.all(
        events.map((e) =>
          db.collection('orgs').doc(orgId).collection('benchDurableEvents').doc(e.webhookEventId).create({ payload: JSON.stringify(e), receivedAt: new Date().toISOString() }),
        ),
      );
      res.status(200).json({});
    } catch {
      res.status(503).json({});
    }
  });
}

async function listen(app: express.Express) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return server;
}

export async function benchWebhook(options: { seconds?: number; rounds?: number; connections?: number } = {}): Promise<Record<string, unknown>> {
  const seconds = options.seconds ?? 4;
  const rounds = options.rounds ?? 3;
  const connections = options.connections ?? 16;
  const loadBefore = os.loadavg().map((l) => Math.round(l * 100) / 100);

  const rt = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', LOCAL_DATA_DIR: 'none' }), {
    clock: fixedClock(new Date()),
    log: createLogger({ level: 'silent' }),
    scheduleEveryMs: 0,
  });
  const orgId = 'maesot';
  const secret = await getOrgSecrets(rt.db, orgId);
  if (!secret) throw new Error('demo organisation missing');
  const bareServer = await listen(express().post('/line/webhook/:orgId', express.raw({ type: () => true }), (_req, res) => void res.status(200).json({})));
  const durableServer = await listen(durableWebhook(rt.db, orgId, secret.channelSecret));
  // Production's acknowledgement: the product's webhook router with the trigger hand-over (records not held by a
  // recorder, nothing processed here), on the same storage and channel secret as the runtime.
  const log = createLogger({ level: 'silent' });
  const handOverApp = express();
  handOverApp.use(
    webhookRouter({
      db: rt.db,
      line: createLineGateway(firestoreCredentials(rt.db), () => rt.lineApiBaseUrl),
      clock: fixedClock(new Date()),
      log,
      processor: createTriggerProcessor(log),
    }),
  );
  const handOverServer = await listen(handOverApp);
  try {
    const sandbox = rt.sandbox!;
    // End to end: when each request was sent (by its reply token), and how long until its reply reached the sandbox.
    const sentAt = new Map<string, number>();
    const endToEnd: number[] = [];
    const unsubscribe = sandbox.onDelivered((entry) => {
      const at = entry.replyToken ? sentAt.get(entry.replyToken) : undefined;
      if (at !== undefined) endToEnd.push(performance.now() - at);
    });
    let n = 0;
    let lastEventId = '';
    let timing = false;
    const event = (text: string) => {
      n++;
      const userId = `U${n.toString(16).padStart(32, '0')}`;
      const replyToken = sandbox.issueReplyToken(userId);
      if (timing) sentAt.set(replyToken, performance.now());
      lastEventId = ulid();
      return {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: lastEventId,
        deliveryContext: { isRedelivery: false },
        source: { type: 'user', userId },
        replyToken,
        message: { id: String(n), type: 'text', text, quoteToken: 'q' },
      };
    };
    const makeBody = () => {
      const body = JSON.stringify({ destination: 'Ubench', events: [event(QUESTIONS[n % QUESTIONS.length]!)] });
      return { body, headers: { 'content-type': 'application/json', 'x-line-signature': signBody(body, secret.channelSecret) } };
    };
    /** Runs a load with reply timing on, then waits until every event sent is processed and answered. */
    const timed = async (load: () => Promise<LoadResult>) => {
      endToEnd.length = 0;
      timing = true;
      const before = n;
      const started = performance.now();
      const result = await load();
      timing = false;
      await rt.idle();
      const drainedSeconds = (performance.now() - started) / 1000;
      const sorted = [...endToEnd].sort((a, b) => a - b);
      return {
        result,
        samples: sorted,
        endToEnd: {
          events: n - before,
          replied: sorted.length,
          p50Ms: Math.round(percentile(sorted, 0.5)),
          p99Ms: Math.round(percentile(sorted, 0.99)),
          // Until every event sent under load was processed and answered.
          eventsPerSecond: Math.round((n - before) / drainedSeconds),
        },
      };
    };
    const urlOf = (server: { address(): unknown }) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/line/webhook/${orgId}`;
    const realUrl = `${rt.baseUrl.replace('localhost', '127.0.0.1')}/line/webhook/${orgId}`;

    // Warm the index, caches and connections of each, then measure.
    for (const url of [realUrl, urlOf(durableServer), urlOf(handOverServer)]) await autocannon({ url, seconds: 1, connections: 4, makeBody });
    await rt.idle();
    const bare = await autocannon({ url: urlOf(bareServer), seconds, connections, makeBody });
    // Saturation, baseline and product turn about: each connection sends as fast as it is answered; the product's
    // replies are timed, and its processing drained before the next turn.
    const turns: { durable: LoadResult; product: Awaited<ReturnType<typeof timed>> }[] = [];
    for (let round = 0; round < rounds; round++) {
      const durable = await autocannon({ url: urlOf(durableServer), seconds, connections, makeBody });
      const product = await timed(() => autocannon({ url: realUrl, seconds, connections, makeBody }));
      turns.push({ durable, product });
    }
    const durableRate = median(turns.map((t) => t.durable.requestsPerSecond));
    // The target load: 0.7 × the durable baseline's rate, offered at a steady rate: is every event acknowledged, and
    // does its reply reach LINE within a second?
    const targetRate = Math.max(1, Math.round(0.7 * durableRate));
    const atTarget = await timed(() => autocannon({ url: realUrl, seconds: 2 * seconds, connections, overallRate: targetRate, makeBody }));
    // A steady load the in-process processing can keep up with: 0.7 × the rate it answered at after the bursts.
    const processingRate = median(turns.map((t) => t.product.endToEnd.eventsPerSecond));
    const keptUpRate = Math.max(1, Math.round(0.7 * processingRate));
    const keptUp = await timed(() => autocannon({ url: realUrl, seconds: 2 * seconds, connections, overallRate: keptUpRate, makeBody }));
    unsubscribe();

    // Round-trips per text message, one message at a time after the load (caches warm, as in steady service).
    const perMessage = await countPerMessage(rt, realUrl, secret.channelSecret, event);
    const handOver = await productionHandOver(rt, { urlOf: () => urlOf(handOverServer), durableUrl: urlOf(durableServer), seconds, rounds, connections, makeBody, event, lastEventId: () => lastEventId, channelSecret: secret.channelSecret });

    const allEndToEnd = turns.flatMap((t) => t.product.samples).sort((a, b) => a - b);
    const saturatedErrors = turns.reduce((n, t) => n + t.product.result.errors + t.product.result.non2xx, 0);
    return {
      connections,
      seconds,
      rounds,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100),
      bareExpress: summary(bare),
      durableBaseline: turns.map((t) => summary(t.durable)),
      webhook: turns.map((t) => summary(t.product.result)),
      ratioToDurable: {
        eventsPerSecondByRound: turns.map((t) => round(t.product.result.requestsPerSecond / t.durable.requestsPerSecond)),
        p99ByRound: turns.map((t) => round(t.product.result.p99 / Math.max(1, t.durable.p99))),
        eventsPerSecond: median(turns.map((t) => round(t.product.result.requestsPerSecond / t.durable.requestsPerSecond))),
        p99: median(turns.map((t) => round(t.product.result.p99 / Math.max(1, t.durable.p99)))),
      },
      // After each saturating burst: when the replies reached LINE (the burst is acknowledged first, then processed).
      endToEnd: {
        events: turns.reduce((n, t) => n + t.product.endToEnd.events, 0),
        replied: allEndToEnd.length,
        p50Ms: Math.round(percentile(allEndToEnd, 0.5)),
        p99Ms: Math.round(percentile(allEndToEnd, 0.99)),
        eventsPerSecondByRound: turns.map((t) => t.product.endToEnd.eventsPerSecond),
      },
      atTargetLoad: {
        offeredEventsPerSecond: targetRate,
        webhook: summary(atTarget.result),
        endToEnd: atTarget.endToEnd,
      },
      // What the end-to-end latency is when the offered load stays within what this process can answer.
      atProcessingCapacity: {
        offeredEventsPerSecond: keptUpRate,
        webhook: summary(keptUp.result),
        endToEnd: keptUp.endToEnd,
      },
      firestorePerTextMessage: perMessage,
      productionHandOver: handOver,
      errors: saturatedErrors + atTarget.result.errors + atTarget.result.non2xx + keptUp.result.errors + keptUp.result.non2xx,
      // Replies LINE would refuse (the sandbox checks LINE's schema and limits): anything but 0 is a bug.
      lineRefusals: rt.lineRefusals.snapshot(),
    };
  } finally {
    await rt.stop();
    bareServer.close();
    durableServer.close();
    handOverServer.close();
  }
}

/**
 * Sends each engine question once (each from a new user), waiting until answered, and counts what Firestore bills on
 * the embedded emulator (store/embedded.ts `usage()`: a document per get found or not, per query result and at least
 * one per query, one per write in a commit), per message and by collection.
 */
async function countPerMessage(rt: Runtime, url: string, channelSecret: string, event: (text: string) => Record<string, unknown>) {
  const emulator = rt.embedded;
  if (!emulator) throw new Error('local mode without the embedded emulator');
  const messages = QUESTIONS.filter((q) => q !== 'สวัสดี' && q !== 'ขอบคุณค่ะ');
  const post = async (text: string) => {
    const body = JSON.stringify({ destination: 'Ubench', events: [event(text)] });
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-line-signature': signBody(body, channelSecret) } });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await rt.idle();
  };
  await rt.idle();
  emulator.resetUsage();
  for (const text of messages) await post(text);
  const per = (x: number) => round(x / messages.length);
  const usage = emulator.usage();
  return {
    messages: messages.length,
    reads: per(usage.reads),
    writes: per(usage.writes),
    deletes: per(usage.deletes),
    // Per collection as "reads/writes/deletes" per message.
    byCollection: Object.fromEntries(
      Object.entries(emulator.usageByCollection())
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([k, u]) => [k, `${per(u.reads)}/${per(u.writes)}/${per(u.deletes)}`]),
    ),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Production's split, modelled (see the header): acknowledgements by the webhook router with the trigger hand-over,
 * turn about with the durable baseline; then the recorded events processed by the trigger's code, 16 at a time, with
 * its throughput and its Firestore operations per text message (it reads the record and writes the lease-0 claim,
 * which the in-process path does not need).
 */
async function productionHandOver(
  rt: Runtime,
  o: {
    urlOf: () => string;
    durableUrl: string;
    seconds: number;
    rounds: number;
    connections: number;
    makeBody: () => { body: string; headers: Record<string, string> };
    event: (text: string) => Record<string, unknown>;
    /** The webhookEventId of the last event made. */
    lastEventId: () => string;
    channelSecret: string;
  },
) {
  const emulator = rt.embedded!;
  const recorded: string[] = [];
  const makeBody = () => {
    const made = o.makeBody();
    recorded.push(o.lastEventId());
    return made;
  };
  const turns: { durable: LoadResult; handOver: LoadResult }[] = [];
  for (let r = 0; r < o.rounds; r++) {
    const durable = await autocannon({ url: o.durableUrl, seconds: o.seconds, connections: o.connections, makeBody: o.makeBody });
    const handOver = await autocannon({ url: o.urlOf(), seconds: o.seconds, connections: o.connections, makeBody });
    turns.push({ durable, handOver });
  }
  // The trigger's work on what was recorded: read, claim, answer, mark done (each event once, 16 at a time), on the
  // last 2,000 recorded (the rest stay recorded: nothing sweeps in the bench).
  const ids = recorded.slice(-2000);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ids.length) await rt.processEvent('maesot', ids[next++]!);
    }),
  );
  await rt.idle();
  const processedPerSecond = Math.round(ids.length / ((performance.now() - started) / 1000));
  // Round-trips of the trigger's path per text message, one at a time (caches warm).
  const messages = QUESTIONS.filter((q) => q !== 'สวัสดี' && q !== 'ขอบคุณค่ะ');
  emulator.resetUsage();
  for (const text of messages) {
    const e = o.event(text);
    const body = JSON.stringify({ destination: 'Ubench', events: [e] });
    const res = await fetch(o.urlOf(), { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-line-signature': signBody(body, o.channelSecret) } });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await rt.processEvent('maesot', String(e.webhookEventId));
    await rt.idle();
  }
  const usage = emulator.usage();
  const per = (x: number) => round(x / messages.length);
  return {
    durableBaseline: turns.map((t) => summary(t.durable)),
    webhook: turns.map((t) => summary(t.handOver)),
    ratioToDurable: {
      eventsPerSecondByRound: turns.map((t) => round(t.handOver.requestsPerSecond / t.durable.requestsPerSecond)),
      p99ByRound: turns.map((t) => round(t.handOver.p99 / Math.max(1, t.durable.p99))),
      eventsPerSecond: median(turns.map((t) => round(t.handOver.requestsPerSecond / t.durable.requestsPerSecond))),
      p99: median(turns.map((t) => round(t.handOver.p99 / Math.max(1, t.durable.p99)))),
    },
    trigger: {
      events: ids.length,
      processedPerSecond,
      firestorePerTextMessage: { reads: per(usage.reads), writes: per(usage.writes), deletes: per(usage.deletes) },
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function summary(r: LoadResult) {
  return { eventsPerSecond: Math.round(r.requestsPerSecond), p50Ms: r.p50, p99Ms: r.p99, errors: r.errors + r.non2xx };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchWebhook(), null, 2));
  process.exit(0);
}
