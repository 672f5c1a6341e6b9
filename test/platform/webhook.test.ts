import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signBody } from '../../functions/src/line/sign.ts';
import {
  countEvents,
  givenOrg,
  lineEvent,
  newUserId,
  postWebhook,
  startTestApp,
  textEvent,
  webhookBody,
  type TestApp,
} from '../support/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;

beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t, { name: 'เทศบาลตำบลทดสอบ' });
});
afterAll(async () => t.stop());
beforeEach(() => t.rt.sandbox!.clearOutbox());

const outbox = () => t.rt.sandbox!.outbox({ orgId: org.id });
const settle = () => t.rt.processor.drain();

describe('webhook signature', () => {
  it('accepts a body signed with the organisation channel secret and replies', async () => {
    const userId = newUserId();
    const res = await postWebhook(t, org.id, webhookBody(textEvent(t, userId, 'สวัสดี')), org.channelSecret);
    expect(res.status).toBe(200);
    await settle();
    const sent = t.rt.sandbox!.outbox({ to: userId });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.kind).toBe('reply');
    expect(JSON.stringify(sent[0]!.messages)).toContain('เทศบาลตำบลทดสอบ');
  });

  it.each([
    ['a wrong secret', (raw: string) => ({ raw, signature: signBody(raw, 'not-the-secret') })],
    ['an altered body', (raw: string) => ({ raw: raw.replace('สวัสดี', 'สวัสดีครับ'), signature: signBody(raw, org.channelSecret) })],
    ['no signature header', (raw: string) => ({ raw, signature: null })],
    ['an empty signature', (raw: string) => ({ raw, signature: '' })],
  ])('rejects a webhook with %s and processes nothing', async (_name, tamper) => {
    const before = await countEvents(t, org.id);
    const raw = JSON.stringify(webhookBody(textEvent(t, newUserId(), 'สวัสดี')));
    const { raw: sentRaw, signature } = tamper(raw);
    const res = await postWebhook(t, org.id, undefined, org.channelSecret, { raw: sentRaw, signature });
    expect(res.status).toBe(401);
    await settle();
    expect(await countEvents(t, org.id)).toBe(before);
    expect(outbox()).toHaveLength(0);
  });

  it("rejects a body signed with another organisation's secret", async () => {
    const other = await givenOrg(t);
    const before = await countEvents(t, org.id);
    const res = await postWebhook(t, org.id, webhookBody(textEvent(t, newUserId(), 'สวัสดี')), other.channelSecret);
    expect(res.status).toBe(401);
    expect(await countEvents(t, org.id)).toBe(before);
  });

  it('takes a rotated channel secret at once although the secret is cached, and then refuses the old one', async () => {
    const rotating = await givenOrg(t);
    const first = await postWebhook(t, rotating.id, webhookBody(textEvent(t, newUserId(), 'สวัสดี')), rotating.channelSecret);
    expect(first.status).toBe(200);
    // The old secret is now in the cache; the organisation's secret is rotated in storage.
    const rotated = 'f'.repeat(32);
    await t.rt.db.collection('orgSecrets').doc(rotating.id).set({ channelSecret: rotated }, { merge: true });
    const userId = newUserId();
    const res = await postWebhook(t, rotating.id, webhookBody(textEvent(t, userId, 'สวัสดี')), rotated);
    expect(res.status).toBe(200);
    await settle();
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
    const old = await postWebhook(t, rotating.id, webhookBody(textEvent(t, newUserId(), 'สวัสดี')), rotating.channelSecret);
    expect(old.status).toBe(401);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const res = await postWebhook(t, 'no-such-org', webhookBody(), org.channelSecret);
    expect(res.status).toBe(404);
  });

  it('answers 200 to the empty connectivity check LINE sends from the console', async () => {
    const res = await postWebhook(t, org.id, webhookBody(), org.channelSecret);
    expect(res.status).toBe(200);
  });

  it('acknowledges a signed body that is not a webhook body (LINE would redeliver a 4xx for ever) and records nothing', async () => {
    const before = await countEvents(t, org.id);
    const res = await postWebhook(t, org.id, { destination: 'U1', events: [{ type: 'message' }] }, org.channelSecret);
    expect(res.status).toBe(200);
    expect(await countEvents(t, org.id)).toBe(before);
    expect(t.logs()).toContain('webhook event dropped: cannot be parsed');
  });
});

describe('event types', () => {
  const replyTo = (chat: string) => {
    const sent = t.rt.sandbox!.outbox({ to: chat });
    return sent.flatMap((e) => e.messages) as { type: string; text?: string; altText?: string; quickReply?: unknown }[];
  };
  const send = async (...events: unknown[]) => {
    const res = await postWebhook(t, org.id, webhookBody(...events), org.channelSecret);
    expect(res.status).toBe(200);
    await settle();
  };

  it('greets a new follower in Thai with what the bot does and quick replies, and records the follower', async () => {
    const userId = newUserId();
    await send(lineEvent(t, 'follow', { type: 'user', userId }, { follow: { isUnblocked: false } }));
    const [greeting] = replyTo(userId);
    expect(greeting?.text).toMatch(/ยินดีต้อนรับ/);
    expect(greeting?.text).toMatch(/ร้องเรียน/);
    expect(greeting?.quickReply).toBeDefined();
    const follower = await t.rt.db.doc(`orgs/${org.id}/followers/${userId}`).get();
    expect(follower.get('following')).toBe(true);
  });

  it('marks an unfollowing user and sends nothing', async () => {
    const userId = newUserId();
    await send(lineEvent(t, 'unfollow', { type: 'user', userId }, {}, false));
    expect(replyTo(userId)).toHaveLength(0);
    expect((await t.rt.db.doc(`orgs/${org.id}/followers/${userId}`).get()).get('following')).toBe(false);
  });

  it('answers "help" with the greeting', async () => {
    const userId = newUserId();
    await send(textEvent(t, userId, 'ช่วยเหลือ'));
    expect(replyTo(userId)[0]?.text).toMatch(/ช่องทางนี้ช่วยคุณได้/);
  });

  it('thanks for a sticker', async () => {
    const userId = newUserId();
    await send(lineEvent(t, 'message', { type: 'user', userId }, { message: { id: '2', type: 'sticker', packageId: '1', stickerId: '1', stickerResourceType: 'STATIC' } }));
    expect(replyTo(userId)[0]?.text).toMatch(/สติกเกอร์/);
  });

  it('asks once whether a photo is a problem to report (issue 20)', async () => {
    const userId = newUserId();
    await send(lineEvent(t, 'message', { type: 'user', userId }, { message: { id: '3', type: 'image', contentProvider: { type: 'line' } } }));
    const [reply] = replyTo(userId);
    expect(JSON.stringify(reply)).toMatch(/แจ้งปัญหานี้ไหมคะ/);
  });

  it('asks whether a shared location is a problem to report (issue 20)', async () => {
    const userId = newUserId();
    await send(lineEvent(t, 'message', { type: 'user', userId }, { message: { id: '4', type: 'location', latitude: 16.7, longitude: 98.57, address: 'แม่สอด' } }));
    expect(JSON.stringify(replyTo(userId)[0])).toMatch(/ได้รับตำแหน่งแล้ว[\s\S]*แจ้งปัญหานี้ไหมคะ/);
  });

  it('points a video to the complaint form', async () => {
    const userId = newUserId();
    await send(lineEvent(t, 'message', { type: 'user', userId }, { message: { id: '5', type: 'video', duration: 1000, contentProvider: { type: 'line' } } }));
    expect(JSON.stringify(replyTo(userId)[0])).toContain(`/liff/${org.id}/complaints/new`);
  });

  it('answers a postback with an unknown action with the help message', async () => {
    const userId = newUserId();
    await send(lineEvent(t, 'postback', { type: 'user', userId }, { postback: { data: 'action=nothing-here' } }));
    expect(replyTo(userId)[0]?.text).toMatch(/ช่องทางนี้ช่วยคุณได้/);
  });

  it('introduces itself when it joins a group and records the group', async () => {
    const groupId = `C${newUserId().slice(1)}`;
    await send(lineEvent(t, 'join', { type: 'group', groupId }));
    expect(replyTo(groupId)[0]?.text).toMatch(/ลงทะเบียนกลุ่ม/);
    expect((await t.rt.db.doc(`orgs/${org.id}/groups/${groupId}`).get()).get('inGroup')).toBe(true);
  });

  it('records leaving a group, which ends any staff registration', async () => {
    const groupId = `C${newUserId().slice(1)}`;
    await send(lineEvent(t, 'join', { type: 'group', groupId }));
    await send(lineEvent(t, 'leave', { type: 'group', groupId }, {}, false));
    const group = await t.rt.db.doc(`orgs/${org.id}/groups/${groupId}`).get();
    expect(group.get('inGroup')).toBe(false);
    expect(group.get('staffGroup')).toBe(false);
  });

  it('welcomes new group members', async () => {
    const groupId = `C${newUserId().slice(1)}`;
    await send(lineEvent(t, 'memberJoined', { type: 'group', groupId }, { joined: { members: [{ type: 'user', userId: newUserId() }] } }));
    expect(replyTo(groupId)[0]?.text).toMatch(/ยินดีต้อนรับสมาชิกใหม่/);
  });

  it('stays quiet about casual talk in a group', async () => {
    const groupId = `C${newUserId().slice(1)}`;
    await send(lineEvent(t, 'message', { type: 'group', groupId, userId: newUserId() }, { message: { id: '5', type: 'text', text: 'กินข้าวกันไหม', quoteToken: 'q' } }));
    expect(replyTo(groupId)).toHaveLength(0);
  });

  it('records a standby-mode event but sends nothing', async () => {
    const userId = newUserId();
    const event = { ...textEvent(t, userId, 'สวัสดี'), mode: 'standby' };
    await send(event);
    expect(replyTo(userId)).toHaveLength(0);
    const stored = await t.rt.db.doc(`orgs/${org.id}/webhookEvents/${event.webhookEventId}`).get();
    expect(stored.get('status')).toBe('done');
  });
});

describe('exactly-once effects', () => {
  it('yields one effect when the same event is delivered 20 times', async () => {
    const userId = newUserId();
    const event = lineEvent(t, 'follow', { type: 'user', userId }, { follow: { isUnblocked: false } });
    const redelivered = { ...event, deliveryContext: { isRedelivery: true } };
    const statuses = [];
    statuses.push((await postWebhook(t, org.id, webhookBody(event), org.channelSecret)).status);
    const rest = await Promise.all(
      Array.from({ length: 19 }, () => postWebhook(t, org.id, webhookBody(redelivered), org.channelSecret)),
    );
    statuses.push(...rest.map((r) => r.status));
    await settle();
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
    // The first lease was held by the call that recorded the event (the record is the claim), and no other call took it.
    const record = await t.rt.db.doc(`orgs/${org.id}/webhookEvents/${event.webhookEventId}`).get();
    expect(record.get('heldByRecorder')).toBe(true);
    expect(record.get('status')).toBe('done');
    const claims = await t.rt.db.collection(`orgs/${org.id}/webhookEventClaims`).where('claimedAt', '!=', '').get();
    expect(claims.docs.filter((d) => d.id.startsWith(event.webhookEventId))).toHaveLength(0);
  });

  it('answers 50 concurrent distinct events once each', async () => {
    const users = Array.from({ length: 50 }, () => newUserId());
    const responses = await Promise.all(
      users.map((u) => postWebhook(t, org.id, webhookBody(textEvent(t, u, 'สวัสดี')), org.channelSecret)),
    );
    expect(responses.map((r) => r.status)).toEqual(users.map(() => 200));
    await settle();
    for (const u of users) expect(t.rt.sandbox!.outbox({ to: u })).toHaveLength(1);
  });

  it('marks each of 40 events finishing together done, with its own outcome', async () => {
    const events = Array.from({ length: 40 }, (_, i) => textEvent(t, newUserId(), i % 2 ? 'สวัสดี' : 'ขอบคุณค่ะ'));
    await Promise.all(events.map((e) => postWebhook(t, org.id, webhookBody(e), org.channelSecret)));
    await settle();
    const records = await Promise.all(events.map((e) => t.rt.db.doc(`orgs/${org.id}/webhookEvents/${e.webhookEventId}`).get()));
    expect(records.map((r) => r.get('status'))).toEqual(events.map(() => 'done'));
    expect(records.every((r) => typeof r.get('processedAt') === 'string' && String(r.get('outcome')).startsWith('text: '))).toBe(true);
  });

  it('answers 503 while storage is down and processes the redelivered event once when it returns', async () => {
    const userId = newUserId();
    const event = textEvent(t, userId, 'สวัสดี');
    await t.proxy.cut();
    const down = await postWebhook(t, org.id, webhookBody(event), org.channelSecret);
    expect(down.status).toBeGreaterThanOrEqual(500);
    await t.proxy.restore();
    await waitForHealthy(t);

    const redelivery = { ...event, deliveryContext: { isRedelivery: true } };
    const again = await postWebhook(t, org.id, webhookBody(redelivery), org.channelSecret);
    expect(again.status).toBe(200);
    await postWebhook(t, org.id, webhookBody(redelivery), org.channelSecret);
    await settle();
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
  });
});

describe('logging', () => {
  it('never logs channel secrets, access tokens, signatures or user ids', async () => {
    const userId = newUserId();
    await postWebhook(t, org.id, webhookBody(textEvent(t, userId, 'สวัสดี')), org.channelSecret);
    await postWebhook(t, org.id, webhookBody(textEvent(t, userId, 'x')), 'wrong-secret');
    await settle();
    const logs = t.logs();
    expect(logs).toContain('webhook received');
    expect(logs).not.toContain(userId);
    expect(logs).not.toContain(org.channelSecret);
    expect(logs).not.toContain(org.channelAccessToken);
  });
});

async function waitForHealthy(app: TestApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${app.rt.baseUrl}/healthz`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('storage did not come back');
}
