/**
 * Sustained load of signed text events (16 connections, ~8 s) on the real server (local mode: embedded Firestore, LINE
 * sandbox), beside two baselines in the same run: bare express answering 200 (what HTTP costs), and a minimal durable
 * webhook on the same emulator (express, LINE signature check, one Firestore `create` per event keyed by its
 * webhookEventId, then 200 — the least a webhook that never loses an event can do). Reports acknowledged events/s and
 * p50/p99 for each, the product's ratios to the durable baseline, the end-to-end latency (request sent → reply reaching
 * the LINE sandbox) p50/p99 under that load and again at a steady 0.7 × the durable baseline's rate (the target), the Firestore
 * operations per text message (reads, writes, deletes as billed, counted by the embedded emulator, by
 * collection), and how many replies LINE would refuse. `npm run bench` calls `benchWebhook()`; alone:
 * `npm run bench -- webhook`.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { validateSignature } from '@line/bot-sdk';
import express from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import { fixedClock } from '../functions/src/clock.ts';
import { loadConfig } from '../functions/src/config.ts';
import { signBody } from '../functions/src/line/sign.ts';
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

export async function benchWebhook(options: { seconds?: number; connections?: number } = {}): Promise<Record<string, unknown>> {
  const seconds = options.seconds ?? 8;
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
    let timing = false;
    const event = (text: string) => {
      n++;
      const userId = `U${n.toString(16).padStart(32, '0')}`;
      const replyToken = sandbox.issueReplyToken(userId);
      if (timing) sentAt.set(replyToken, performance.now());
      return {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: ulid(),
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

    // Warm the index, caches and connections of both, then measure.
    await autocannon({ url: realUrl, seconds: 1, connections: 4, makeBody });
    await autocannon({ url: urlOf(durableServer), seconds: 1, connections: 4, makeBody });
    await rt.idle();
    const bare = await autocannon({ url: urlOf(bareServer), seconds, connections, makeBody });
    const durable = await autocannon({ url: urlOf(durableServer), seconds, connections, makeBody });
    // Saturation: each connection sends as fast as it is answered; replies are timed too.
    const saturated = await timed(() => autocannon({ url: realUrl, seconds, connections, makeBody }));
    // The target load: 0.7 × the durable baseline's rate, offered at a steady rate: is every event acknowledged, and
    // does its reply reach LINE within a second?
    const targetRate = Math.max(1, Math.round(0.7 * durable.requestsPerSecond));
    const atTarget = await timed(() => autocannon({ url: realUrl, seconds, connections, overallRate: targetRate, makeBody }));
    unsubscribe();

    // Round-trips per text message, one message at a time after the load (caches warm, as in steady service).
    const perMessage = await countPerMessage(rt, realUrl, secret.channelSecret, event);

    return {
      connections,
      seconds,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100),
      bareExpress: summary(bare),
      durableBaseline: summary(durable),
      webhook: summary(saturated.result),
      ratioToDurable: {
        eventsPerSecond: round(saturated.result.requestsPerSecond / durable.requestsPerSecond),
        p99: round(saturated.result.p99 / Math.max(1, durable.p99)),
      },
      endToEnd: saturated.endToEnd,
      atTargetLoad: {
        offeredEventsPerSecond: targetRate,
        webhook: summary(atTarget.result),
        endToEnd: atTarget.endToEnd,
      },
      firestorePerTextMessage: perMessage,
      errors: saturated.result.errors + saturated.result.non2xx + atTarget.result.errors + atTarget.result.non2xx,
      // Replies LINE would refuse (the sandbox checks LINE's schema and limits): anything but 0 is a bug.
      lineRefusals: rt.lineRefusals.snapshot(),
    };
  } finally {
    await rt.stop();
    bareServer.close();
    durableServer.close();
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
