import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineGateway, firestoreCredentials } from '../../functions/src/line/credentials.ts';
import type { LineEvent } from '../../functions/src/line/events.ts';
import { recordEvent } from '../../functions/src/line/eventStore.ts';
import { processStoredEvent, type ProcessDeps } from '../../functions/src/line/processor.ts';
import { createRefusalCounter } from '../../functions/src/line/refusals.ts';
import { createLogger } from '../../functions/src/log.ts';
import { outboxId } from '../../functions/src/notify/outboxStore.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { givenOrg, lineEvent, newUserId, postWebhook, startTestApp, textEvent, webhookBody, type TestApp } from '../support/app.ts';

/** A message LINE refuses: its one action label is 21 UTF-16 units (issue 22's label). */
const SECRET_WORDS = 'ข้อความส่วนตัวของผู้ร้อง';
const refusedMessage = {
  type: 'template',
  altText: SECRET_WORDS,
  template: { type: 'buttons', text: SECRET_WORDS, actions: [{ type: 'uri', label: 'เปิดแบบฟอร์มร้องเรียน', uri: 'https://example.com/form' }] },
};

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t);
});
afterAll(async () => t.stop());

describe('a reply LINE refuses is a bug surfaced, not retried', () => {
  it('marks the event failed, pushes nothing instead, logs the shape without the text and counts it', async () => {
    let logText = '';
    const sink = new Writable({ write(chunk, _enc, done) { logText += String(chunk); done(); } });
    const refusals = createRefusalCounter();
    const deps: ProcessDeps = {
      db: t.rt.db,
      findOrg: (id) => getOrg(t.rt.db, id),
      line: createLineGateway(firestoreCredentials(t.rt.db), () => t.rt.lineApiBaseUrl),
      clock: t.clock,
      log: createLogger({ level: 'debug', destination: sink }),
      refusals,
      handle: async () => ({ messages: [refusedMessage as never], outcome: 'test' }),
    };
    const userId = newUserId();
    const event = textEvent(t, userId, 'สวัสดี') as unknown as LineEvent;
    await recordEvent(t.rt.db, org.id, event, t.clock.now());

    await processStoredEvent(deps, org.id, event.webhookEventId);

    const taken = t.rt.sandbox!.takeRefusals();
    expect(taken.map((r) => r.kind)).toEqual(['reply']); // refused once: no push of the same body after it
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(0);
    const record = (await t.rt.db.collection('orgs').doc(org.id).collection('webhookEvents').doc(event.webhookEventId).get()).data();
    expect(record).toMatchObject({ status: 'failed' });
    expect(String(record?.outcome)).toContain('messages[0].template.actions[0].label');
    expect(refusals.snapshot()).toEqual({ total: 1, byWhere: { reply: 1 } });

    const line = JSON.parse(logText.split('\n').find((l) => l.includes('LINE refused'))!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'error',
      where: 'reply',
      lineRefusalsSoFar: 1,
      details: [{ property: 'messages[0].template.actions[0].label' }],
      shapes: [{ type: 'template', template: 'buttons', actions: 1, labels: '21', altText: SECRET_WORDS.length }],
    });
    expect(logText).not.toContain(SECRET_WORDS);
    expect(logText).not.toContain('เปิดแบบฟอร์ม');
    expect(logText).not.toContain(userId);
    expect(logText).not.toContain('example.com/form');
  });
});

describe('a notification LINE refuses', () => {
  it('is recorded on the outbox as refused with LINE\'s details, never retried, logged by shape and counted', async () => {
    const to = newUserId();
    const before = t.rt.lineRefusals.snapshot().total;
    await t.rt.notifier.notify({ orgId: org.id, to, key: 'refused-once', topic: 'test', messages: [refusedMessage as never] });
    await t.rt.idle();

    const item = async () => (await t.rt.db.collection('outbox').doc(outboxId(org.id, 'refused-once')).get()).data();
    expect(await item()).toMatchObject({
      status: 'refused',
      attempts: 1,
      refusal: { message: 'The request body has 1 error(s)', details: [{ property: 'messages[0].template.actions[0].label' }] },
    });
    expect(t.rt.lineRefusals.snapshot()).toMatchObject({ total: before + 1, byWhere: { notification: 1 } });

    // Sweeps long after leave it alone: a refused message is not sent again.
    t.clock.advance(3_600_000);
    await t.rt.runScheduledJobs();
    expect(await item()).toMatchObject({ status: 'refused', attempts: 1 });
    expect(t.rt.sandbox!.takeRefusals()).toHaveLength(1);
    expect(t.rt.sandbox!.outbox({ to })).toHaveLength(0);
    expect(t.logs()).toContain('LINE refused a message we built');
    expect(t.logs()).not.toContain(SECRET_WORDS);
  });
});

describe('the sandbox shows refusals to developers', () => {
  it('lists a refused send at /dev/line/refusals with LINE\'s error body, and not in the outbox', async () => {
    const to = newUserId();
    const res = await fetch(`${t.rt.lineApiBaseUrl}/v2/bot/message/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.channelAccessToken}` },
      body: JSON.stringify({ to, messages: [refusedMessage] }),
    });
    expect(res.status).toBe(400);
    const listed = (await (await fetch(`${t.rt.baseUrl}/dev/line/refusals?orgId=${org.id}`)).json()) as Array<{ kind: string; to: string[]; error: unknown }>;
    expect(listed.filter((r) => r.to.includes(to))).toEqual([
      expect.objectContaining({ kind: 'push', error: { message: 'The request body has 1 error(s)', details: [{ property: 'messages[0].template.actions[0].label', message: 'Length must be between 1 and 20' }] } }),
    ]);
    expect(t.rt.sandbox!.outbox({ to })).toHaveLength(0);
    t.rt.sandbox!.takeRefusals();
  });
});

// A photo or a place starts a report in chat instead (issue 20: test/complaints/chatReport.test.ts).
describe('the answer to a voice message, a video or a file (issue 22)', () => {
  it.each([
    ['audio', { type: 'audio', duration: 1000, contentProvider: { type: 'line' } }],
    ['video', { type: 'video', duration: 1000, contentProvider: { type: 'line' } }],
    ['file', { type: 'file', fileName: 'a.pdf', fileSize: 10 }],
  ])('reaches the resident (%s): LINE accepts it and its button opens the complaint form', async (_kind, message) => {
    const userId = newUserId();
    const res = await postWebhook(t, org.id, webhookBody(lineEvent(t, 'message', { type: 'user', userId }, { message: { id: '1', ...message } })), org.channelSecret);
    expect(res.status).toBe(200);
    await t.rt.idle();
    expect(t.rt.sandbox!.refusals({ orgId: org.id })).toEqual([]);
    const [reply] = t.rt.sandbox!.outbox({ to: userId });
    const template = (reply?.messages[0] as { template?: { actions: Array<{ label: string; uri: string }> } }).template;
    expect(template?.actions[0]?.uri).toContain(`/liff/${org.id}/complaints/new`);
    expect(template!.actions[0]!.label.length).toBeLessThanOrEqual(20);
  });
});
