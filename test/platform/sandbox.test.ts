import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleImage } from '../../functions/src/dev/sampleImage.ts';
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

  it('plays LINE for photos: /dev/chat sends a sample photo and a place, the data API serves its bytes, and a report is made in chat (issue 20)', async () => {
    const userId = newUserId();
    type Reply = { messages: Array<{ text?: string; quickReply?: { items: Array<{ action: { label: string; data?: string } }> } }> };
    const chat = async (body: unknown) => (await (await post(`/dev/chat/${org.id}`, body)).json()) as Reply;
    const pick = (r: Reply, label: string) => r.messages.at(-1)!.quickReply!.items.find((i) => i.action.label === label)!.action.data!;
    const press = (data: string) => chat({ events: [{ type: 'postback', mode: 'active', timestamp: Date.now(), webhookEventId: `01JSANDBOXPB${Date.now()}${Math.random().toString(36).slice(2, 8)}`.toUpperCase().slice(0, 26), deliveryContext: { isRedelivery: false }, source: { type: 'user', userId }, replyToken: 'pending', postback: { data } }] });

    const offered = await chat({ userId, image: 'sample' });
    expect(offered.messages[0]?.text).toContain('แจ้งปัญหานี้ไหมคะ');
    const located = await chat({ userId, location: { latitude: 16.71372, longitude: 98.57461, title: 'หน้าตลาดเทศบาล' } });
    const asked = await press(pick(located, 'แจ้งปัญหา'));
    const described = await press(pick(asked, 'ถนน/ทางเท้า'));
    expect(described.messages[0]?.text).toContain('เล่าปัญหา');
    const consent = await chat({ userId, text: 'ถนนเป็นหลุมลึกหน้าตลาดเทศบาล' });
    const filed = await press(pick(consent, 'ยินยอมและส่งเรื่อง'));
    expect(filed.messages[0]?.text).toMatch(/รหัสติดตาม: RT-[0-9A-Z]{6}/);

    const [kept] = (await t.rt.db.collection(`orgs/${org.id}/complaintPhotos`).get()).docs;
    expect(kept?.get('contentType')).toBe('image/jpeg');

    // The data API as LINE serves it: the bytes to the channel the message was sent to, 404 to any other.
    t.rt.sandbox!.putContent(org.id, '424242', { contentType: 'image/jpeg', bytes: sampleImage() });
    const content = (token: string) => fetch(`${t.rt.lineApiBaseUrl}/v2/bot/message/424242/content`, { headers: { authorization: `Bearer ${token}` } });
    const served = await content(org.channelAccessToken);
    expect(served.headers.get('content-type')).toContain('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(sampleImage())).toBe(true);
    const other = await givenOrg(t);
    expect((await content(other.channelAccessToken)).status).toBe(404);
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
