import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenOrg, newUserId, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t, { name: 'เทศบาลตำบลบ้านทดลอง' });
});
afterAll(async () => t.stop());

const post = (path: string, body: unknown) =>
  fetch(`${t.rt.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('LINE sandbox', () => {
  it('sends a chat message through the real webhook and returns the reply, which is also in the outbox', async () => {
    const userId = newUserId();
    const res = await post(`/dev/chat/${org.id}`, { userId, text: 'สวัสดีครับ' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { webhookStatus: number; messages: { text?: string }[] };
    expect(body.webhookStatus).toBe(200);
    expect(body.messages[0]?.text).toContain('เทศบาลตำบลบ้านทดลอง');

    const outbox = (await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${userId}`)).json()) as { to: string[]; kind: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'reply', to: [userId] });
  });

  it('replays raw events as given: a redelivered event with the same id changes nothing twice', async () => {
    const userId = newUserId();
    const event = {
      type: 'follow',
      mode: 'active',
      timestamp: Date.now(),
      webhookEventId: '01JSANDBOXREPLAY000000001',
      deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId },
      replyToken: 'pending',
      follow: { isUnblocked: false },
    };
    const first = (await (await post(`/dev/chat/${org.id}`, { events: [event] })).json()) as { messages: unknown[] };
    expect(first.messages).toHaveLength(1);
    const again = (await (await post(`/dev/chat/${org.id}`, { events: [{ ...event, deliveryContext: { isRedelivery: true } }] })).json()) as { messages: unknown[] };
    expect(again.messages).toHaveLength(0);
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
  });

  it('takes group events and answers in the group', async () => {
    const groupId = `C${newUserId().slice(1)}`;
    const res = await post(`/dev/chat/${org.id}`, {
      events: [{ type: 'join', mode: 'active', timestamp: Date.now(), webhookEventId: '01JSANDBOXGROUPJOIN000001', deliveryContext: { isRedelivery: false }, source: { type: 'group', groupId }, replyToken: 'pending' }],
    });
    const body = (await res.json()) as { replies: { to: string }[] };
    expect(body.replies[0]?.to).toBe(groupId);
  });

  it('empties the outbox on DELETE', async () => {
    await post(`/dev/chat/${org.id}`, { userId: newUserId(), text: 'help' });
    const del = await fetch(`${t.rt.baseUrl}/dev/line/outbox`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await (await fetch(`${t.rt.baseUrl}/dev/line/outbox`)).json()).toEqual([]);
  });

  it('rejects a chat request without text and sends nothing', async () => {
    t.rt.sandbox!.clearOutbox();
    const res = await post(`/dev/chat/${org.id}`, { userId: newUserId() });
    expect(res.status).toBe(400);
    expect(t.rt.sandbox!.outbox()).toHaveLength(0);
  });

  it('refuses a Messaging API call with an unknown access token, as LINE does', async () => {
    const res = await fetch(`${t.rt.lineApiBaseUrl}/v2/bot/message/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: JSON.stringify({ to: newUserId(), messages: [{ type: 'text', text: 'x' }] }),
    });
    expect(res.status).toBe(401);
  });

  it('serves the dev chat page and lists the organisations with the emulator address', async () => {
    const page = await fetch(`${t.rt.baseUrl}/dev/chat`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('LINE sandbox');
    const demo = (await (await fetch(`${t.rt.baseUrl}/dev/demo`)).json()) as { firestoreEmulatorHost: string; orgs: { id: string }[] };
    expect(demo.firestoreEmulatorHost).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(demo.orgs.map((o) => o.id)).toContain(org.id);
    expect(JSON.stringify(demo)).not.toContain(org.channelSecret);
    expect(JSON.stringify(demo)).not.toContain(org.channelAccessToken);
  });
});

describe('health', () => {
  it('answers 200 when the server and storage are up and 503 when storage is down', async () => {
    expect((await fetch(`${t.rt.baseUrl}/healthz`)).status).toBe(200);
    await t.proxy.cut();
    try {
      expect((await fetch(`${t.rt.baseUrl}/healthz`)).status).toBe(503);
    } finally {
      await t.proxy.restore();
    }
  });
});
