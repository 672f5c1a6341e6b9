import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimEvent, recordEvent } from '../../functions/src/line/eventStore.ts';
import type { LineEvent } from '../../functions/src/line/events.ts';
import { givenOrg, newUserId, postWebhook, startTestApp, textEvent, webhookBody, type TestApp } from '../support/app.ts';

/**
 * Issue 13 F7: a webhook event recorded as `received` is answered even when the processor dies between recording it
 * and replying — exactly once.
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;

beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t);
});
afterAll(async () => t.stop());
beforeEach(() => t.rt.sandbox!.clearOutbox());

const statusOf = async (eventId: string) =>
  (await t.rt.db.collection('orgs').doc(org.id).collection('webhookEvents').doc(eventId).get()).get('status') as string;

/** A minute and a bit later, the scheduler ticks (Cloud Scheduler every minute in production). */
async function aMinuteLater() {
  t.clock.advance(61_000);
  await t.rt.runScheduledJobs();
  await t.rt.idle();
}

/** A redelivery of `event` by LINE, processed to the end. */
async function redeliver(event: ReturnType<typeof textEvent>) {
  expect((await postWebhook(t, org.id, webhookBody({ ...event, deliveryContext: { isRedelivery: true } }), org.channelSecret)).status).toBe(200);
  await t.rt.idle();
}

/** A minute on, the sweep answers the event once, by push (its reply token expired); later sweeps and redeliveries add nothing. */
async function expectAnsweredOnceBySweep(event: ReturnType<typeof textEvent>, userId: string) {
  await aMinuteLater();
  const sent = t.rt.sandbox!.outbox({ to: userId });
  expect(sent).toHaveLength(1);
  expect(sent[0]!.kind).toBe('push');
  expect(sent[0]!.retryKey).toBeTruthy();
  expect(await statusOf(event.webhookEventId)).toBe('done');
  await aMinuteLater();
  await redeliver(event);
  expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
}

describe('an event whose processor died', () => {
  it('after claiming it (an instance stopped before replying): the sweep answers once the claim has expired, once', async () => {
    const userId = newUserId();
    const event = textEvent(t, userId, 'สวัสดี');
    // A trigger (production) claimed the recorded event's first lease and died: the state it leaves behind. LINE then
    // redelivers the event within that lease.
    const received = t.clock.now();
    expect(await recordEvent(t.rt.db, org.id, event as unknown as LineEvent, received)).toBe('new');
    expect(await claimEvent(t.rt.db, org.id, event.webhookEventId, 0, received)).toBe(true);
    await redeliver(event);
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(0);
    expect(await statusOf(event.webhookEventId)).toBe('received');

    // The reply token had expired: the answer is pushed, with a retry key derived from the event.
    await expectAnsweredOnceBySweep(event, userId);
    expect(t.logs()).toContain('webhook events overdue');
  });

  it('recorded by an instance that held it and stopped before replying: a redelivery leaves it, the sweep answers once', async () => {
    const userId = newUserId();
    const event = textEvent(t, userId, 'สวัสดี');
    // The in-process webhook records the event holding its first lease, then this instance died before processing.
    expect(await recordEvent(t.rt.db, org.id, event as unknown as LineEvent, t.clock.now(), { heldByRecorder: true })).toBe('new');
    await redeliver(event);
    // Within the first lease only its recorder may process it: the redelivery changes nothing.
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(0);
    expect(await statusOf(event.webhookEventId)).toBe('received');

    await expectAnsweredOnceBySweep(event, userId);
  });

  it('before claiming it (recorded, then the instance stopped): the sweep answers it once', async () => {
    const userId = newUserId();
    const event = textEvent(t, userId, 'สวัสดี') as unknown as LineEvent;
    // What the webhook does before answering 200, without the hand-over that would have followed.
    expect(await recordEvent(t.rt.db, org.id, event, t.clock.now())).toBe('new');
    await aMinuteLater();
    await aMinuteLater();
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
    expect(await statusOf(event.webhookEventId)).toBe('done');
  });

  it('leaves alone an event that is still within its first minute (its processor may be alive)', async () => {
    const userId = newUserId();
    const event = textEvent(t, userId, 'สวัสดี') as unknown as LineEvent;
    await recordEvent(t.rt.db, org.id, event, t.clock.now());
    t.clock.advance(30_000);
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(0);
    expect(await statusOf(event.webhookEventId)).toBe('received');
  });
});
