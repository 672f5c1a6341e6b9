import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abandonedWorkSettled } from '../../functions/src/store/deadline.ts';
import { givenOrg, newUserId, postWebhook, startTestApp, storageDownTimings, textEvent, webhookBody } from '../support/app.ts';

/**
 * Stopping the runtime (tests, `npm start` on SIGTERM/SIGINT) closes storage last: work under way — a request, the
 * event it recorded, the reply and notifications it sends, a storage call a deadline gave up on — finishes first.
 * A call on a closed Firestore client fails unhandled inside the client library, so any of them left behind shows up
 * here as an unhandled rejection.
 */
const unhandled: unknown[] = [];
const record = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', record);
});
afterEach(() => {
  process.off('unhandledRejection', record);
});

/** Lets pending promise callbacks and timers of this turn run, so a late rejection has the chance to surface. */
const aFewTurns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
};

describe('stopping the runtime', () => {
  it('answers an event received just before the stop before it closes storage', async () => {
    const t = await startTestApp();
    const org = await givenOrg(t);
    const userId = newUserId();
    const res = await postWebhook(t, org.id, webhookBody(textEvent(t, userId, 'สวัสดี')), org.channelSecret);
    expect(res.status).toBe(200);
    // No drain here: the stop itself must wait for the processing the webhook left behind.
    await t.stop();
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
    await aFewTurns();
    expect(unhandled).toEqual([]);
  });

  it('lets a request under way answer instead of dropping its connection', async () => {
    const t = await startTestApp({ storageTimings: storageDownTimings });
    const org = await givenOrg(t);
    // Storage is down, so the request waits in its handler until its storage deadline.
    await t.proxy.cut();
    const inHandler = new Promise<void>((resolve) => t.rt.server.once('request', () => resolve()));
    const pending = postWebhook(t, org.id, webhookBody(textEvent(t, newUserId(), 'สวัสดี')), org.channelSecret);
    await inHandler;
    const stopped = t.stop();
    const res = await pending;
    expect(res.status).toBe(503);
    await t.proxy.restore();
    await stopped;
    await aFewTurns();
    expect(unhandled).toEqual([]);
  });

  it('waits for a storage call abandoned at its deadline before closing the client', async () => {
    const t = await startTestApp({ storageTimings: storageDownTimings });
    const org = await givenOrg(t);
    const event = textEvent(t, newUserId(), 'สวัสดี');
    // Refused, not just unreachable: the client's retries then sit in its backoff, where closing it would fail them.
    await t.proxy.cut({ refuse: true });
    const down = await postWebhook(t, org.id, webhookBody(event), org.channelSecret);
    expect(down.status).toBeGreaterThanOrEqual(500);
    // The webhook answered 503, but the client still retries the event's write in the background.
    expect(await abandonedWorkSettled(0)).toBeGreaterThan(0);
    await t.proxy.restore();
    await t.stop();
    expect(await abandonedWorkSettled(0)).toBe(0);
    await aFewTurns();
    expect(unhandled).toEqual([]);
  });

  it('can be called twice and stops once', async () => {
    const t = await startTestApp();
    await Promise.all([t.rt.stop(), t.rt.stop()]);
    await t.stop();
  });
});
