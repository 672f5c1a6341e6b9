import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { givenOrg, grantStaffRoles, lineEvent, newUserId, postWebhook, startTestApp, webhookBody, type TestApp } from '../support/app.ts';
import { AUD, generalBody } from './harness.ts';

/**
 * What one complaint costs in LINE messages, counted where LINE would count them: the sandbox's push requests, through
 * the real app (form over HTTP, staff card buttons over the signed webhook, the outbox swept by the scheduled jobs).
 * Before issue 23 a complaint filed -> accepted -> in progress -> resolved cost 5 push requests (the staff card, the
 * receipt, one per status change); replies to what someone just wrote or tapped are free.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

async function sweep(minutes: number) {
  t.clock.advance(minutes * 60_000);
  await t.rt.runScheduledJobs();
  await t.rt.idle();
}

describe('LINE messages per complaint lifecycle (real app, sandbox counts)', () => {
  it('filed -> accepted -> in progress -> resolved costs 3 pushes of one message each; every tap in the group is answered by reply', async () => {
    const org = await givenOrg(t);
    const officer = newUserId();
    await grantStaffRoles(t, org.id, { userId: officer, displayName: 'สมศรี เจ้าหน้าที่', roles: ['officer'] });
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, officer, t.clock.now());
    // This week's digest of open cases (weekly, not per complaint) is done before the complaint exists: nothing open.
    await t.rt.runScheduledJobs();
    const citizen = newUserId();
    const token = await t.rt.issuer!.sign({ sub: citizen, aud: AUD, now: t.clock.now() });
    const pushes = () => t.rt.sandbox!.outbox({ orgId: org.id }).filter((e) => e.kind !== 'reply');
    const repliesTo = (to: string) => t.rt.sandbox!.outbox({ orgId: org.id }).filter((e) => e.kind === 'reply' && e.to.includes(to));

    const res = await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(generalBody()),
    });
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { id: string; trackingCode: string };
    await t.rt.idle();
    // One card to the staff group; the form's own answer is the complainant's receipt.
    expect(pushes().map((e) => e.to[0])).toEqual([groupId]);

    const tap = async (data: string) => {
      const event = lineEvent(t, 'postback', { type: 'group', groupId, userId: officer }, { postback: { data } });
      expect((await postWebhook(t, org.id, webhookBody(event), org.channelSecret)).status).toBe(200);
      await t.rt.processor.drain();
    };
    const say = async (text: string) => {
      const event = lineEvent(t, 'message', { type: 'group', groupId, userId: officer }, { message: { id: '1', type: 'text', text, quoteToken: 'q' } });
      expect((await postWebhook(t, org.id, webhookBody(event), org.channelSecret)).status).toBe(200);
      await t.rt.processor.drain();
    };

    await tap(`action=complaint-status&id=${filed.id}&to=acknowledged`);
    await sweep(6);
    await tap(`action=complaint-status&id=${filed.id}&to=in_progress`);
    await sweep(6);
    await tap(`action=complaint-status&id=${filed.id}&to=resolved`); // asks to confirm, with the note
    await say(`ปิดเรื่อง ${filed.trackingCode} บันทึก: เปลี่ยนหลอดไฟใหม่แล้ว`);
    await sweep(6);

    // Each tap and the closing command were answered in the group by reply (free): 4 replies, no push.
    expect(repliesTo(groupId)).toHaveLength(4);
    const toCitizen = pushes().filter((e) => e.to[0] === citizen);
    expect(toCitizen.map((e) => JSON.stringify(e.messages))).toEqual([expect.stringContaining('เจ้าหน้าที่รับเรื่องแล้ว'), expect.stringContaining('ดำเนินการแล้วเสร็จ')]);
    const all = pushes();
    expect(all).toHaveLength(3);
    expect(all.reduce((n, e) => n + e.messages.length, 0)).toBe(3);
    // "In progress" reached the complainant in LIFF tracking, not as a push.
    const tracked = await (await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/complaints/track/${filed.trackingCode}`, { headers: { authorization: `Bearer ${token}` } })).json() as { history: { status: string }[] };
    expect(tracked.history.map((h) => h.status)).toEqual(['received', 'acknowledged', 'in_progress', 'resolved']);
  });

  it('a tracking code typed in chat is answered by reply, not a push', async () => {
    const org = await givenOrg(t);
    const citizen = newUserId();
    const token = await t.rt.issuer!.sign({ sub: citizen, aud: AUD, now: t.clock.now() });
    const res = await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(generalBody()),
    });
    const filed = (await res.json()) as { trackingCode: string };
    const before = t.rt.sandbox!.outbox({ orgId: org.id }).length;
    const event = lineEvent(t, 'message', { type: 'user', userId: citizen }, { message: { id: '1', type: 'text', text: filed.trackingCode, quoteToken: 'q' } });
    expect((await postWebhook(t, org.id, webhookBody(event), org.channelSecret)).status).toBe(200);
    await t.rt.processor.drain();
    await t.rt.idle();
    const sent = t.rt.sandbox!.outbox({ orgId: org.id }).slice(before);
    expect(sent.map((e) => e.kind)).toEqual(['reply']);
    expect(JSON.stringify(sent[0]!.messages)).toContain(filed.trackingCode);
  });

  it('an update LINE could not deliver (the month quota spent) is marked so in the complainant tracking', async () => {
    const org = await givenOrg(t);
    const officer = newUserId();
    await grantStaffRoles(t, org.id, { userId: officer, displayName: 'สมศรี เจ้าหน้าที่', roles: ['officer'] });
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, officer, t.clock.now());
    const citizen = newUserId();
    const token = await t.rt.issuer!.sign({ sub: citizen, aud: AUD, now: t.clock.now() });
    const res = await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(generalBody()),
    });
    const filed = (await res.json()) as { id: string; trackingCode: string };
    await t.rt.idle();
    // The staff card went out; then the month's quota is spent.
    t.rt.sandbox!.quota.setMonthlyQuota(org.id, t.rt.sandbox!.quota.consumption(org.id));
    const event = lineEvent(t, 'postback', { type: 'group', groupId, userId: officer }, { postback: { data: `action=complaint-status&id=${filed.id}&to=acknowledged` } });
    expect((await postWebhook(t, org.id, webhookBody(event), org.channelSecret)).status).toBe(200);
    await t.rt.processor.drain();
    await sweep(6);
    expect(t.rt.sandbox!.outbox({ orgId: org.id }).filter((e) => e.kind !== 'reply' && e.to[0] === citizen)).toEqual([]);

    const track = async (auth: Record<string, string>) =>
      (await (await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/complaints/track/${filed.trackingCode}`, { headers: auth })).json()) as {
        history: { status: string; notDelivered?: { status: string; label: string } }[];
      };
    const mine = await track({ authorization: `Bearer ${token}` });
    expect(mine.history.map((h) => [h.status, h.notDelivered?.status ?? null])).toEqual([['received', null], ['acknowledged', 'quota']]);
    expect(mine.history[1]!.notDelivered!.label).toContain('หมดโควตา');
    // Someone else with the code sees the status only, never what was sent to whom.
    expect((await track({})).history.every((h) => h.notDelivered === undefined)).toBe(true);
  });
});
