/**
 * What one operation costs in Firestore, and how long a new process takes to answer its first webhook.
 *
 * Reads, writes and deletes are counted on the embedded emulator the way Firestore bills them (store/embedded.ts: a
 * document per get, per query result and at least one per query, one per write in a commit), on the real server in
 * local mode with the demo organisations, through the same HTTP routes LINE and the LIFF app use, and including the
 * work each operation leaves behind (event processing, reply, outbox deliveries). Each is measured after one warm-up of
 * the same kind, so per-process caches are as in a running instance; the first text message after a start is
 * reported apart (it loads the organisation's knowledge base).
 *
 * Cold start: a new `node functions/src/server.ts` process (local mode), from spawn to the first webhook answered
 * through `POST /dev/chat/maesot` — once seeding the demo into an empty data folder, once from the data that run saved —
 * beside the baseline of a bare node HTTP server's spawn to first response, in the same run. `npm run bench -- costs`; alone: `node bench/costs.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../functions/src/clock.ts';
import { loadConfig } from '../functions/src/config.ts';
import { signBody } from '../functions/src/line/sign.ts';
import { ulid } from '../functions/src/line/ulid.ts';
import { createLogger } from '../functions/src/log.ts';
import { getOrgSecrets } from '../functions/src/orgs/store.ts';
import { startRuntime, type Runtime } from '../functions/src/runtime.ts';
import type { FirestoreUsage } from '../functions/src/store/embedded.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ORG = 'maesot';
/** Monday 10:00 in Bangkok: the demo's queue services are open. */
const MONDAY_10AM = '2026-11-23T03:00:00.000Z';

export async function benchCosts(): Promise<Record<string, unknown>> {
  return { perOperation: await operationCosts(), ...(process.env.BENCH_NO_COLD ? {} : { coldStart: await coldStart() }) };
}

type Cost = FirestoreUsage & { byCollection: Record<string, string> };

async function operationCosts(): Promise<Record<string, Cost>> {
  const rt = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', LOCAL_DATA_DIR: 'none' }), {
    clock: fixedClock(MONDAY_10AM),
    log: createLogger({ level: 'silent' }),
    scheduleEveryMs: 0,
  });
  const emulator = rt.embedded;
  if (!emulator) throw new Error('local mode without the embedded emulator');
  // Per collection as "reads/writes/deletes", e.g. {"orgs/{id}/webhookEvents": "1/2/0"}.
  const measure = async (work: () => Promise<unknown>): Promise<Cost> => {
    await rt.idle();
    emulator.resetUsage();
    await work();
    await rt.idle();
    const byCollection = Object.fromEntries(
      Object.entries(emulator.usageByCollection())
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, u]) => [k, `${u.reads}/${u.writes}/${u.deletes}`]),
    );
    return { ...emulator.usage(), byCollection };
  };
  try {
    const api = client(rt);
    const secret = (await getOrgSecrets(rt.db, ORG))?.channelSecret;
    if (!secret) throw new Error('demo organisation has no channel secret');
    const demo = (await api.get('/dev/demo')) as { orgs: { id: string; staff: { userId: string; roles: string[] }[] }[] };
    const officer = demo.orgs.find((o) => o.id === ORG)?.staff.find((s) => s.roles.includes('officer'));
    if (!officer) throw new Error('demo organisation has no officer');
    const officerToken = await api.token(officer.userId);

    let users = 0;
    const newUser = () => `U${(++users).toString(16).padStart(32, '0')}`;
    const text = (t: string) => webhook(rt, secret, newUser(), t);
    const complaint = async () => {
      const token = await api.token(newUser());
      const body = { kind: 'general', category: 'street-light', title: 'ไฟถนนดับ', description: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามคืนแล้ว', place: { text: 'ซอย 3' }, consent: true };
      return (await api.post(`/api/orgs/${ORG}/complaints`, body, token, 201)) as { id: string };
    };
    const ticket = async () => api.post(`/api/orgs/${ORG}/services/civil-registration/tickets`, {}, await api.token(newUser()), 201);
    const rating = async () =>
      api.post(`/api/orgs/${ORG}/ratings`, { serviceId: 'civil-registration', scores: { process: 5, staff: 4, facilities: 4, quality: 5, overall: 5 } }, await api.token(newUser()), 201);
    const status = async (id: string) => api.post(`/api/orgs/${ORG}/staff/complaints/${id}/status`, { to: 'in_progress', note: 'ส่งช่างไปตรวจแล้ว' }, officerToken, 200);

    const question = 'โครงการโรงเรียนคุณธรรมงบเท่าไร';
    const firstText = await measure(() => text(question));
    const textMessage = await measure(() => text(question));
    await complaint();
    const [a, b] = [await complaint(), await complaint()];
    const complaintFiled = await measure(() => complaint());
    await ticket();
    const queueTicket = await measure(() => ticket());
    await rating();
    const ratingGiven = await measure(() => rating());
    await status(a.id);
    const staffStatusChange = await measure(() => status(b.id));
    return {
      'text message, webhook to reply (first after start)': firstText,
      'text message, webhook to reply': textMessage,
      'complaint filed (with staff-group notice)': complaintFiled,
      'queue ticket taken': queueTicket,
      'rating given': ratingGiven,
      'staff status change (with complainant notice)': staffStatusChange,
    };
  } finally {
    await rt.stop();
  }
}

function client(rt: Runtime) {
  const call = async (method: string, p: string, body?: unknown, token?: string, expected?: number) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${rt.baseUrl}${p}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const json: unknown = await res.json();
    if (expected !== undefined && res.status !== expected) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  return {
    get: (p: string) => call('GET', p),
    post: (p: string, body: unknown, token: string, expected: number) => call('POST', p, body, token, expected),
    token: async (sub: string) => ((await call('POST', '/dev/id-token', { sub, name: 'ผู้ทดสอบ' }, undefined, 200)) as { idToken: string }).idToken,
  };
}

/** One signed text event through the real webhook route, as LINE sends it. */
async function webhook(rt: Runtime, secret: string, userId: string, text: string): Promise<void> {
  const now = Date.now();
  const body = JSON.stringify({
    destination: 'Ubench',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: now,
        webhookEventId: ulid(now),
        deliveryContext: { isRedelivery: false },
        source: { type: 'user', userId },
        replyToken: rt.sandbox!.issueReplyToken(userId),
        message: { id: String(now), type: 'text', text, quoteToken: 'q' },
      },
    ],
  });
  const res = await fetch(`${rt.baseUrl}/line/webhook/${ORG}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': signBody(body, secret) },
    body,
  });
  if (res.status !== 200) throw new Error(`webhook: ${res.status}`);
}

/** Spawns `args` and times it from spawn to a URL on stdout, then to the first answer `ask(url)` gets. */
async function timeToFirstAnswer(args: string[], env: Record<string, string>, ask: (baseUrl: string) => Promise<boolean>) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${out.slice(-500)}`)));
    });
    const listeningMs = performance.now() - started;
    if (!(await ask(baseUrl))) throw new Error('no answer');
    return { listeningMs: Math.round(listeningMs), firstAnswerMs: Math.round(performance.now() - started) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function coldStart(): Promise<Record<string, unknown>> {
  const bareServer = `const s = require('node:http').createServer((q, r) => r.end('ok')); s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));`;
  const bareRun = await timeToFirstAnswer(['-e', bareServer], {}, async (url) => (await fetch(url)).ok);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-local-data-'));
  try {
    const env = { MODE: 'local', PORT: '0', LOG_LEVEL: 'warn', LOCAL_DATA_DIR: path.join(dataDir, 'local') };
    const answer = async (url: string) => {
      const res = await fetch(`${url}/dev/chat/${ORG}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: `U${'c'.repeat(32)}`, text: 'โครงการโรงเรียนคุณธรรมงบเท่าไร' }),
      });
      const json = (await res.json()) as { replies?: unknown[] };
      return res.ok && (json.replies?.length ?? 0) > 0;
    };
    const seeding = await timeToFirstAnswer(['functions/src/server.ts'], env, answer);
    // The first run saved its data on SIGTERM: the second starts from the folder, as a developer's next start does.
    const fromSaved = await timeToFirstAnswer(['functions/src/server.ts'], env, answer);
    const ratio = (ms: number) => Math.round((ms / bareRun.firstAnswerMs) * 10) / 10;
    return {
      baselineBareNodeServer: bareRun,
      localStartSeedingTheDemo: { ...seeding, ratio: ratio(seeding.firstAnswerMs) },
      localStartFromSavedData: { ...fromSaved, ratio: ratio(fromSaved.firstAnswerMs) },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCosts(), null, 2));
  process.exit(0);
}
