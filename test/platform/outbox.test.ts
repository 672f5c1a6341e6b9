import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/config.ts';
import { backoffMs, MAX_ATTEMPTS } from '../../functions/src/notify/delivery.ts';
import { outboxId } from '../../functions/src/notify/outbox.ts';
import { createLogger } from '../../functions/src/log.ts';
import { startRuntime } from '../../functions/src/runtime.ts';
import { givenOrg, newUserId, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp({ env: {} });
  org = await givenOrg(t);
});
afterAll(async () => t.stop());

const note = (to: string, key: string) => ({
  orgId: org.id,
  to,
  key,
  topic: 'test',
  messages: [{ type: 'text' as const, text: 'แจ้งเตือนทดสอบ' }],
});
const item = async (key: string) => (await t.rt.db.collection('outbox').doc(outboxId(org.id, key)).get()).data();

describe('notification outbox', () => {
  it('delivers a notification at once and only once however often it is asked for', async () => {
    const to = newUserId();
    await t.rt.notifier.notify(note(to, 'once'));
    await t.rt.notifier.notify(note(to, 'once'));
    await t.rt.idle();
    await t.rt.runScheduledJobs();
    expect(t.rt.sandbox!.outbox({ to })).toHaveLength(1);
    expect(await item('once')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('holds a notification until its time, and a cancel before then withdraws it for good', async () => {
    const to = newUserId();
    const later = new Date(t.clock.now().getTime() + 5 * 60_000);
    await t.rt.notifier.notify({ ...note(to, 'later'), notBefore: later });
    await t.rt.notifier.notify({ ...note(to, 'withdrawn'), notBefore: later });
    await t.rt.idle();
    await t.rt.runScheduledJobs();
    expect(t.rt.sandbox!.outbox({ to })).toHaveLength(0);
    expect(await t.rt.notifier.cancel!(org.id, 'withdrawn')).toBe('cancelled');
    t.clock.advance(5 * 60_000);
    await t.rt.runScheduledJobs();
    expect(t.rt.sandbox!.outbox({ to })).toHaveLength(1);
    expect(await item('later')).toMatchObject({ status: 'sent' });
    expect(await item('withdrawn')).toMatchObject({ status: 'cancelled' });
    expect(await t.rt.notifier.cancel!(org.id, 'later')).toBe('too-late');
    expect(await t.rt.notifier.cancel!(org.id, 'never-queued')).toBe('absent');
  });

  it('keeps a notification through 3 failed LINE calls and delivers it on the 4th, with backoff', async () => {
    const to = newUserId();
    t.rt.sandbox!.failNext(3, 500);
    await t.rt.notifier.notify(note(to, 'flaky'));
    await t.rt.idle();
    expect(await item('flaky')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'LINE answered 500' });

    // Not due yet: a sweep before the backoff has passed leaves it alone.
    await t.rt.runScheduledJobs();
    expect((await item('flaky'))?.attempts).toBe(1);

    for (const failed of [1, 2, 3]) {
      t.clock.advance(backoffMs(failed));
      await t.rt.runScheduledJobs();
    }
    expect(t.rt.sandbox!.outbox({ to })).toHaveLength(1);
    expect(await item('flaky')).toMatchObject({ status: 'sent', attempts: 4 });
  });

  it('is delivered by another process after a restart', async () => {
    const to = newUserId();
    t.rt.sandbox!.failNext(1, 503);
    await t.rt.notifier.notify(note(to, 'restart'));
    await t.rt.idle();
    expect((await item('restart'))?.status).toBe('pending');

    // A second server on the same storage (the first may have died) finds the pending delivery and sends it.
    const second = await startRuntime(
      loadConfig({ MODE: 'local', PORT: '0', FIRESTORE_EMULATOR_HOST: t.emulator.host, PROJECT_ID: t.rt.config.projectId, LOG_LEVEL: 'silent' }),
      { clock: t.clock, log: createLogger({ level: 'silent' }), seedDemo: false, scheduleEveryMs: 0 },
    );
    try {
      second.sandbox!.registerChannel(org.id, org.channelAccessToken);
      t.clock.advance(backoffMs(1));
      await second.runScheduledJobs();
      expect(second.sandbox!.outbox({ to })).toHaveLength(1);
      expect((await item('restart'))?.status).toBe('sent');
    } finally {
      await second.stop();
    }
  });

  it('gives up on a message LINE rejects as malformed instead of retrying it forever', async () => {
    t.rt.sandbox!.failNext(1, 400);
    await t.rt.notifier.notify(note(newUserId(), 'bad'));
    await t.rt.idle();
    expect(await item('bad')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('backs off exponentially up to half an hour, and gives up only after about a day', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(30)).toBe(30 * 60_000);
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(23 * 3600_000);
    expect(total).toBeLessThan(26 * 3600_000);
  });
});
