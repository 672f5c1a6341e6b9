import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedFirestore } from '../../functions/src/store/embedded.ts';
import { givenOrg, newUserId, postWebhook, startTestApp, storageDownTimings, textEvent, webhookBody, type TestApp } from '../support/app.ts';

/** Issue 13 F6: when storage is down the server says so at once, and its health check tells the truth. */
let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;

beforeAll(async () => {
  t = await startTestApp({ storageTimings: storageDownTimings, ownEmulator: true });
  org = await givenOrg(t);
});
let restarted: Awaited<ReturnType<typeof startEmbeddedFirestore>> | undefined;
afterAll(async () => {
  await t.stop();
  restarted?.stop();
});

/** The guard only keeps a broken build from hanging the suite; the assertions are about the answer, not its time. */
const get = (path: string, init: RequestInit = {}) => fetch(`${t.rt.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });

async function whileStorageIsDown<T>(work: () => Promise<T>): Promise<T> {
  await t.proxy.cut();
  try {
    return await work();
  } finally {
    await t.proxy.restore();
  }
}

describe('storage down', () => {
  it('answers API reads 503 with Retry-After instead of hanging', async () => {
    const res = await whileStorageIsDown(() => get(`/api/orgs/${org.id}/complaints/categories`));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()) as { error: string }).toEqual({ error: 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง' });
  });

  it('answers a question to /ask 503 with Retry-After', async () => {
    const res = await whileStorageIsDown(() =>
      get(`/api/orgs/${org.id}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'สวัสดี' }) }),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).not.toBeNull();
  });

  it('answers the webhook 5xx, so LINE redelivers', async () => {
    const res = await whileStorageIsDown(() => postWebhook(t, org.id, webhookBody(textEvent(t, newUserId(), 'สวัสดี')), org.channelSecret));
    expect(res.status).toBe(503);
  });

  it('serves again once storage is back (after the client has reconnected)', async () => {
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await get(`/api/orgs/${org.id}/complaints/categories`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});

describe('health check', () => {
  it('is not ok after the database restarts empty, and is again once the organisations are back', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const port = Number(t.emulator.host.split(':')[1]);
    t.emulator.stop();
    restarted = await startEmbeddedFirestore(port);
    const res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { status: string }).status).toBe('unavailable');
    await givenOrg(t, { id: org.id });
    expect((await get('/healthz')).status).toBe(200);
  });
});
