/**
 * Sustained load of signed text events on the real server (local mode: embedded Firestore, LINE sandbox), beside a bare
 * express server answering 200, in the same run. Reports accepted events/s with p50/p99 latency for both, their ratio,
 * and end-to-end throughput (until every event is processed and answered), and how many replies LINE would refuse. `npm run bench` calls `benchWebhook()`;
 * alone: `node bench/webhook.ts`.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { fixedClock } from '../functions/src/clock.ts';
import { loadConfig } from '../functions/src/config.ts';
import { signBody } from '../functions/src/line/sign.ts';
import { ulid } from '../functions/src/line/ulid.ts';
import { createLogger } from '../functions/src/log.ts';
import { getOrgSecrets } from '../functions/src/orgs/store.ts';
import { startRuntime } from '../functions/src/runtime.ts';
import { autocannon, type LoadResult } from './load.ts';

const QUESTIONS = ['สวัสดี', 'โครงการโรงเรียนคุณธรรมงบเท่าไร', 'ปี 2567 มีโครงการอะไรบ้าง', 'แจ้งเกิดใช้เอกสารอะไร', 'ขอบคุณค่ะ'];

export async function benchWebhook(options: { seconds?: number; connections?: number } = {}): Promise<Record<string, unknown>> {
  const seconds = options.seconds ?? 8;
  const connections = options.connections ?? 16;

  // Baseline: the same machine and load tool against express doing nothing.
  const bare = express().post('/line/webhook/:orgId', express.raw({ type: () => true }), (_req, res) => void res.status(200).json({}));
  const bareServer = bare.listen(0);
  await new Promise((r) => bareServer.once('listening', r));

  const rt = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent' }), {
    clock: fixedClock(new Date()),
    log: createLogger({ level: 'silent' }),
    scheduleEveryMs: 0,
  });
  try {
    const orgId = 'maesot';
    const secret = await getOrgSecrets(rt.db, orgId);
    if (!secret) throw new Error('demo organisation missing');
    let n = 0;
    const makeBody = () => {
      n++;
      const userId = `U${n.toString(16).padStart(32, '0')}`;
      const body = JSON.stringify({
        destination: 'Ubench',
        events: [
          {
            type: 'message',
            mode: 'active',
            timestamp: Date.now(),
            webhookEventId: ulid(),
            deliveryContext: { isRedelivery: false },
            source: { type: 'user', userId },
            replyToken: rt.sandbox!.issueReplyToken(userId),
            message: { id: String(n), type: 'text', text: QUESTIONS[n % QUESTIONS.length], quoteToken: 'q' },
          },
        ],
      });
      return { body, headers: { 'content-type': 'application/json', 'x-line-signature': signBody(body, secret.channelSecret) } };
    };

    const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/line/webhook/${orgId}`;
    const realUrl = `${rt.baseUrl.replace('localhost', '127.0.0.1')}/line/webhook/${orgId}`;
    // Warm the index and connections, then measure.
    await autocannon({ url: realUrl, seconds: 1, connections: 4, makeBody });
    await rt.idle();
    const baseline = await autocannon({ url: bareUrl, seconds, connections, makeBody });
    const started = performance.now();
    const before = n;
    const real = await autocannon({ url: realUrl, seconds, connections, makeBody });
    await rt.idle();
    const endToEndSeconds = (performance.now() - started) / 1000;
    const answered = rt.sandbox!.outbox({ orgId }).length;
    return {
      connections,
      seconds,
      baseline: summary(baseline),
      webhook: summary(real),
      ratio: Math.round((real.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 1000,
      endToEndEventsPerSecond: Math.round((n - before) / endToEndSeconds),
      errors: real.errors + real.non2xx,
      answered,
      // Replies LINE would refuse (the sandbox checks LINE's schema and limits): anything but 0 is a bug.
      lineRefusals: rt.lineRefusals.snapshot(),
    };
  } finally {
    await rt.stop();
    bareServer.close();
  }
}

function summary(r: LoadResult) {
  return { eventsPerSecond: Math.round(r.requestsPerSecond), p50Ms: r.p50, p99Ms: r.p99 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchWebhook(), null, 2));
}
