import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { givenOrg, lineEvent, newUserId, postWebhook, startTestApp, webhookBody, type TestApp, grantStaffRoles } from '../support/app.ts';
import { AUD, generalBody } from './harness.ts';

/**
 * The whole flow through the real app as app.ts composes it: filing over HTTP, the staff card reaching the sandbox
 * through the real notifier, the card's button pressed through the signed webhook, the status change reaching the
 * complainant.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

async function eventually<T>(what: string, read: () => T | undefined, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('complaints wired into the app (end to end)', () => {
  it('files, posts the card to the staff group, acknowledges from the card, tells the complainant', async () => {
    const org = await givenOrg(t);
    const now = t.clock.now();
    const officer = newUserId();
    await grantStaffRoles(t, org.id, { userId: officer, displayName: 'สมศรี เจ้าหน้าที่', roles: ['officer'] });
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, officer, now);
    const citizen = newUserId();
    const token = await t.rt.issuer!.sign({ sub: citizen, aud: AUD, now });

    const res = await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(generalBody()),
    });
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { id: string; trackingCode: string };

    const card = await eventually('the staff card', () => t.rt.sandbox!.outbox({ to: groupId }).find((e) => JSON.stringify(e.messages).includes(filed.id)));
    expect(JSON.stringify(card.messages)).toContain(`action=complaint-status&id=${filed.id}&to=acknowledged`);

    const press = lineEvent(t, 'postback', { type: 'group', groupId, userId: officer }, { postback: { data: `action=complaint-status&id=${filed.id}&to=acknowledged` } });
    expect((await postWebhook(t, org.id, webhookBody(press), org.channelSecret)).status).toBe(200);
    await t.rt.processor.drain();
    const reply = await eventually('the group reply', () => t.rt.sandbox!.outbox({ to: groupId }).find((e) => e.kind === 'reply'));
    expect(JSON.stringify(reply.messages)).toContain('สมศรี เจ้าหน้าที่ เปลี่ยนสถานะเรื่อง');
    // Nothing reaches the complainant while the change can still be undone; the sweep after the window sends it.
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    expect(t.rt.sandbox!.outbox({ to: citizen }).some((e) => JSON.stringify(e.messages).includes('เจ้าหน้าที่รับเรื่องแล้ว'))).toBe(false);
    t.clock.advance(6 * 60_000);
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    const update = await eventually('the status message', () => t.rt.sandbox!.outbox({ to: citizen }).find((e) => JSON.stringify(e.messages).includes('เจ้าหน้าที่รับเรื่องแล้ว')));
    expect(update.kind).toBe('push');
  });
  it('sends the weekly digest of open cases to the staff group from the scheduled jobs on Monday morning', async () => {
    const org = await givenOrg(t);
    const officer = newUserId();
    await grantStaffRoles(t, org.id, { userId: officer, displayName: 'สมชาย เจ้าหน้าที่', roles: ['officer'] });
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, officer, t.clock.now());
    const token = await t.rt.issuer!.sign({ sub: newUserId(), aud: AUD, now: t.clock.now() });
    const res = await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(generalBody()),
    });
    expect(res.status).toBe(201);

    const digests = () => t.rt.sandbox!.outbox({ to: groupId }).filter((e) => JSON.stringify(e.messages).includes('สรุปเรื่องร้องเรียนค้าง'));
    t.clock.set('2026-11-23T01:00:00.000Z'); // Monday 08:00 Bangkok
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    const digest = await eventually('the weekly digest', () => digests()[0]);
    expect(JSON.stringify(digest.messages)).toContain('สรุปเรื่องร้องเรียนค้าง: 1 เรื่อง');

    t.clock.advance(60 * 60_000);
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    expect(digests()).toHaveLength(1);
  });
});
