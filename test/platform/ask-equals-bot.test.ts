import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, givenOrg, newUserId, postWebhook, startTestApp, textEvent, webhookBody, type TestApp } from '../support/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t, { name: 'เทศบาลตำบลเดียวกัน', liffId: '1234567890-same' });
});
afterAll(async () => t.stop());

/** What the bot replied, in LINE, to one first message from a new person. */
async function botReply(text: string): Promise<unknown[]> {
  const userId = newUserId();
  expect((await postWebhook(t, org.id, webhookBody(textEvent(t, userId, text)), org.channelSecret)).status).toBe(200);
  await t.rt.idle();
  return t.rt.sandbox!.outbox({ to: userId }).flatMap((e) => e.messages);
}

describe('the ask API and the bot', () => {
  it.each([
    ['a greeting', 'สวัสดีครับ'],
    ['a manual question', 'แจ้งเกิดต้องใช้เอกสารอะไรบ้าง'],
    ['a request to complain', 'อยากร้องเรียนเรื่องไฟถนนดับ'],
    ['a tracking code nobody filed', 'RT-7K4M2Q'],
    ['a satisfaction question', 'ความพึงพอใจเป็นอย่างไร'],
    ['emoji only', '🙏😊'],
  ])('answer %s with exactly the same messages', async (_what, text) => {
    const asked = await api(t, 'POST', `/api/orgs/${org.id}/ask`, { body: { text } });
    expect(asked.status).toBe(200);
    expect(asked.body.messages.length).toBeGreaterThan(0);
    expect(await botReply(text)).toEqual(asked.body.messages);
  });
});
