import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/src/clock.ts';
import type { LineEvent } from '../../functions/src/line/events.ts';
import { createInProcessProcessor, RECORDER_START_WITHIN_MS } from '../../functions/src/line/processor.ts';
import { createLogger } from '../../functions/src/log.ts';
import { seedStandardManuals } from '../../functions/src/manuals/store.ts';
import type { Org } from '../../functions/src/orgs/schema.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { api, givenOrg, newUserId, postWebhook, startTestApp, textEvent, webhookBody, type TestApp } from '../support/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t, { name: 'เทศบาลตำบลลำดับ' });
  // The standard service manuals, so a question about one has a follow-up that needs its context.
  await seedStandardManuals(t.rt.db, (await getOrg(t.rt.db, org.id))!, t.clock.now());
});
afterAll(async () => t.stop());

const QUESTION = 'แจ้งเกิดต้องใช้เอกสารอะไรบ้าง';
const FOLLOW_UP = 'ค่าธรรมเนียมเท่าไร';

/** What the ask API answers to `texts`, asked in order in one conversation of its own (or each alone). */
async function askedInOrder(texts: string[], conversation?: string): Promise<unknown[][]> {
  const answers: unknown[][] = [];
  for (const text of texts) {
    const res = await api(t, 'POST', `/api/orgs/${org.id}/ask`, { body: { text, ...(conversation ? { conversation } : {}) } });
    expect(res.status).toBe(200);
    answers.push(res.body.messages as unknown[]);
  }
  return answers;
}

describe('processing order (local mode: the in-process queue)', () => {
  it("answers one person's messages of one delivery in order, so a follow-up reads the context its previous message left", async () => {
    const expected = await askedInOrder([QUESTION, FOLLOW_UP], `order-${Date.now()}`);
    // The follow-up means something else without its context: the order is what makes the answer right.
    const [cold] = await askedInOrder([FOLLOW_UP]);
    expect(expected[1]).not.toEqual(cold);

    const userId = newUserId();
    const res = await postWebhook(t, org.id, webhookBody(textEvent(t, userId, QUESTION), textEvent(t, userId, FOLLOW_UP)), org.channelSecret);
    expect(res.status).toBe(200);
    await t.rt.idle();
    expect(t.rt.sandbox!.outbox({ to: userId }).map((e) => e.messages)).toEqual(expected);
  });

  it('keeps each person in order while many people write at once, and answers every message once', async () => {
    const [firstAnswer, followAnswer] = await askedInOrder([QUESTION, FOLLOW_UP], `order-many-${Date.now()}`);
    const users = Array.from({ length: 12 }, () => newUserId());
    // Each person's question and follow-up come in separate deliveries, sent one after the other, all people at once.
    const statuses = await Promise.all(
      users.map(async (u) => {
        const first = await postWebhook(t, org.id, webhookBody(textEvent(t, u, QUESTION)), org.channelSecret);
        const second = await postWebhook(t, org.id, webhookBody(textEvent(t, u, FOLLOW_UP)), org.channelSecret);
        return [first.status, second.status];
      }),
    );
    expect(statuses.flat().every((s) => s === 200)).toBe(true);
    await t.rt.idle();
    for (const u of users) expect(t.rt.sandbox!.outbox({ to: u }).map((e) => e.messages)).toEqual([firstAnswer, followAnswer]);
  });
});

describe('the in-process queue: bursts and the lease of an event it holds', () => {
  const org: Org = { id: 'queue-lease' } as Org; // only the id is read by the queue
  const eventOf = (id: string, userId: string) => ({ webhookEventId: id, source: { type: 'user', userId } }) as unknown as LineEvent;

  it('leaves an event to the sweep when it waited in the queue past the first half of its lease, and processes one that did not', async () => {
    const clock = fixedClock('2026-11-22T03:00:00.000Z');
    const processed: string[] = [];
    const queue = createInProcessProcessor(
      async () => {},
      async (_org, event) => void processed.push(event.webhookEventId),
      createLogger({ level: 'silent' }),
      { clock },
    );
    const recordedAt = clock.now();
    queue.enqueueRecorded(org, eventOf('EVENT-ON-TIME-0001', 'U1'), recordedAt);
    await queue.drain();
    queue.enqueueRecorded(org, eventOf('EVENT-LATE-0000001', 'U2'), recordedAt);
    // Still waiting when the clock passes the window: the sweep will claim lease 1 and answer it once.
    clock.advance(RECORDER_START_WITHIN_MS);
    await queue.drain();
    expect(processed).toEqual(['EVENT-ON-TIME-0001']);
  });

  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('starts nothing while a burst is being acknowledged, and processes it as soon as the burst ends', async () => {
    const processed: string[] = [];
    const queue = createInProcessProcessor(
      async () => {},
      async (_org, event) => void processed.push(event.webhookEventId),
      createLogger({ level: 'silent' }),
      { clock: fixedClock('2026-11-22T03:00:00.000Z'), busyAcknowledging: 4, deferMs: 3_600_000 },
    );
    const burst = Array.from({ length: 4 }, () => queue.acknowledging());
    queue.enqueueRecorded(org, eventOf('EVENT-IN-BURST-001', 'U3'), new Date('2026-11-22T03:00:00.000Z'));
    await turns(5);
    expect(processed).toEqual([]);
    // One acknowledgement ends: 3 under way is a light load again.
    burst[0]!();
    await queue.drain();
    expect(processed).toEqual(['EVENT-IN-BURST-001']);
    for (const release of burst) release();
  });

  it('starts one event at a time once events have waited the longest a burst may hold them', async () => {
    const processed: string[] = [];
    const queue = createInProcessProcessor(
      async () => {},
      async (_org, event) => void processed.push(event.webhookEventId),
      createLogger({ level: 'silent' }),
      { clock: fixedClock('2026-11-22T03:00:00.000Z'), busyAcknowledging: 1, deferMs: 0 },
    );
    const release = queue.acknowledging();
    queue.enqueueRecorded(org, eventOf('EVENT-NOT-STARVED-1', 'U4'), new Date('2026-11-22T03:00:00.000Z'));
    await queue.drain();
    expect(processed).toEqual(['EVENT-NOT-STARVED-1']);
    release();
  });
});
