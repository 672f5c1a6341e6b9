/**
 * The webhook bench's product load alone, for profiling: starts the runtime in local mode, warms it, sends signed text
 * events on 16 connections for `LOAD_SECONDS` (default 8; `LOAD_RATE` for a steady offered rate instead of as fast as answered),
 * waits until every event is answered and prints the load's result. Not part of `npm run bench`. Run it under the npm
 * `node` 24 with a CPU profile, then open the `.cpuprofile` in Chrome DevTools:
 *
 *   node_modules/.bin/node --cpu-prof --cpu-prof-dir=/tmp/prof bench/webhookProfile.ts
 */
import { fixedClock } from '../functions/src/clock.ts';
import { loadConfig } from '../functions/src/config.ts';
import { signBody } from '../functions/src/line/sign.ts';
import { ulid } from '../functions/src/line/ulid.ts';
import { createLogger } from '../functions/src/log.ts';
import { getOrgSecrets } from '../functions/src/orgs/store.ts';
import { startRuntime } from '../functions/src/runtime.ts';
import { autocannon } from './load.ts';

const QUESTIONS = ['สวัสดี', 'โครงการโรงเรียนคุณธรรมงบเท่าไร', 'ปี 2567 มีโครงการอะไรบ้าง', 'แจ้งเกิดใช้เอกสารอะไร', 'ขอบคุณค่ะ'];

const rt = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', LOCAL_DATA_DIR: 'none' }), {
  clock: fixedClock(new Date()),
  log: createLogger({ level: 'silent' }),
  scheduleEveryMs: 0,
});
const secret = await getOrgSecrets(rt.db, 'maesot');
if (!secret) throw new Error('demo organisation missing');
const sandbox = rt.sandbox!;
let n = 0;
const makeBody = () => {
  n++;
  const userId = `U${n.toString(16).padStart(32, '0')}`;
  const event = {
    type: 'message',
    mode: 'active',
    timestamp: Date.now(),
    webhookEventId: ulid(),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId },
    replyToken: sandbox.issueReplyToken(userId),
    message: { id: String(n), type: 'text', text: QUESTIONS[n % QUESTIONS.length]!, quoteToken: 'q' },
  };
  const body = JSON.stringify({ destination: 'Ubench', events: [event] });
  return { body, headers: { 'content-type': 'application/json', 'x-line-signature': signBody(body, secret.channelSecret) } };
};
const url = `${rt.baseUrl.replace('localhost', '127.0.0.1')}/line/webhook/maesot`;
await autocannon({ url, seconds: 1, connections: 4, makeBody });
await rt.idle();
const started = performance.now();
const rate = Number(process.env.LOAD_RATE ?? 0);
const result = await autocannon({ url, seconds: Number(process.env.LOAD_SECONDS ?? 8), connections: 16, ...(rate > 0 ? { overallRate: rate } : {}), makeBody });
await rt.idle();
console.log(JSON.stringify({ ...result, events: n, answeredAfterSeconds: Math.round((performance.now() - started) / 100) / 10 }));
await rt.stop();
process.exit(0);
