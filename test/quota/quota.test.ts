import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../../functions/src/notify/delivery.ts';
import { outboxId } from '../../functions/src/notify/outboxStore.ts';
import { priorityOf } from '../../functions/src/notify/priorities.ts';
import { deliveryStates } from '../../functions/src/quota/service.ts';
import { createSchemaValidator, type OpenApiDocument } from '../../functions/src/line/sandbox/openapi.ts';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { generalBody } from '../complaints/harness.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

type Org = Awaited<ReturnType<typeof givenOrg>>;
const push = (org: Org, key: string, topic = 'complaint.acknowledged', to = newUserId()) =>
  t.rt.notifier.notify({ orgId: org.id, to, key, topic, messages: [{ type: 'text', text: `แจ้งเตือน ${key}` }] });
const pushAll = async (org: Org, items: Array<[key: string, topic?: string]>) => {
  for (const [key, topic] of items) {
    await push(org, key, topic);
    await t.rt.idle();
  }
};
const item = async (org: Org, key: string) => (await t.rt.db.collection('outbox').doc(outboxId(org.id, key)).get()).data();
const usage = async (org: Org) => (await t.rt.db.doc(`orgs/${org.id}/pushUsage/2026-11`).get()).data();
const sandbox = () => t.rt.sandbox!;
const pushesTo = (org: Org) => sandbox().outbox({ orgId: org.id }).filter((e) => e.kind === 'push').length;

describe('push quota: counting', () => {
  it('counts each delivered push once for the organisation and the Bangkok month, with its priority and topic', async () => {
    const org = await givenOrg(t);
    await pushAll(org, [['a', 'complaint.acknowledged'], ['b', 'queue.called'], ['c', 'queue.near']]);
    await push(org, 'a'); // the same key again: queued once, sent once, counted once
    await t.rt.idle();
    await t.rt.runScheduledJobs();
    expect(pushesTo(org)).toBe(3);
    expect(await usage(org)).toMatchObject({
      month: '2026-11',
      pushes: 3,
      pushes_high: 1,
      pushes_normal: 1,
      pushes_low: 1,
      topic_complaint_acknowledged: 1,
      topic_queue_called: 1,
      topic_queue_near: 1,
    });
    const admin = await givenStaff(t, org.id, ['admin']);
    expect((await api(t, 'GET', `/api/orgs/${org.id}/quota`, { token: admin.token })).body).toMatchObject({ pushes: 3, byPriority: { high: 1, normal: 1, low: 1 } });
    expect(sandbox().quota.consumption(org.id)).toBe(3);
  });

  it('counts the pushes a complaint filed through the API makes, under their topics', async () => {
    const org = await givenOrg(t);
    await markStaffGroup(t.rt.db, org.id, `C${newUserId().slice(1)}`, newUserId(), t.clock.now());
    const resident = newUserId();
    expect((await api(t, 'POST', `/api/orgs/${org.id}/complaints`, { token: await idTokenFor(t, resident), body: generalBody() })).status).toBe(201);
    await t.rt.idle();
    // The staff group's card is pushed; the resident's receipt is the form's answer (no push).
    expect(pushesTo(org)).toBeGreaterThan(0);
    expect(sandbox().outbox({ orgId: org.id, to: resident }).filter((e) => e.kind === 'push')).toHaveLength(0);
    const counted = await usage(org);
    expect(counted?.pushes).toBe(pushesTo(org));
    expect(counted?.pushes).toBe(sandbox().quota.consumption(org.id));
  });

  it('counts a push delivered at 23:30 Bangkok on the last day of the month in that month, not the next', async () => {
    const local = await startTestApp({ at: '2026-11-30T16:30:00.000Z' }); // 23:30 on 30 Nov in Bangkok
    try {
      const org = await givenOrg(local);
      await local.rt.notifier.notify({ orgId: org.id, to: newUserId(), key: 'late', topic: 'complaint.resolved', messages: [{ type: 'text', text: 'ปิดเรื่องแล้ว' }] });
      await local.rt.idle();
      expect((await local.rt.db.doc(`orgs/${org.id}/pushUsage/2026-11`).get()).get('pushes')).toBe(1);
      local.clock.advance(60 * 60_000); // 00:30 on 1 Dec in Bangkok
      await local.rt.notifier.notify({ orgId: org.id, to: newUserId(), key: 'next', topic: 'complaint.resolved', messages: [{ type: 'text', text: 'ปิดเรื่องแล้ว' }] });
      await local.rt.idle();
      expect((await local.rt.db.doc(`orgs/${org.id}/pushUsage/2026-12`).get()).get('pushes')).toBe(1);
    } finally {
      await local.stop();
    }
  });
});

describe('push quota: LINE monthly limit', () => {
  it('marks a push LINE refuses for the monthly limit "quota", never retries it, and shows it in tracking and on the staff home', async () => {
    const org = await givenOrg(t);
    sandbox().quota.setMonthlyQuota(org.id, 2);
    await pushAll(org, [['one'], ['two'], ['three'], ['four']]);
    expect(pushesTo(org)).toBe(2);
    expect(await item(org, 'three')).toMatchObject({ status: 'quota', attempts: 1, lastError: 'LINE answered 429: monthly limit' });

    // A day of sweeps later it has not been tried again.
    for (let i = 0; i < 5; i++) {
      t.clock.advance(30 * 60_000);
      await t.rt.runScheduledJobs();
    }
    expect(sandbox().quota.limitRefusals(org.id)).toBe(1);
    expect(await item(org, 'three')).toMatchObject({ status: 'quota', attempts: 1 });
    // Once LINE's figures say the quota is spent, a normal push is not even tried: the same news, `quota`.
    expect(await item(org, 'four')).toMatchObject({ status: 'quota', attempts: 0 });

    // Tracking reads each notification's state by its key.
    const states = await deliveryStates(t.rt.db, org.id, ['one', 'three', 'never-sent']);
    expect(states.one).toMatchObject({ status: 'sent' });
    expect(states.three).toMatchObject({ status: 'quota' });
    expect(states.three?.label).toContain('หมดโควตา');
    expect(states['never-sent']).toBeUndefined();

    // The admin is told once a month: by the staff home (a push to the admins could not be paid for) and one log line.
    const admin = await givenStaff(t, org.id, ['admin']);
    const home = await api(t, 'GET', `/api/orgs/${org.id}/quota`, { token: admin.token });
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ pushes: 2, notDelivered: 2, line: { limit: 2, consumption: 2 }, limit: 2, used: 2, percent: 100, warning: true });
    expect(home.body.lineLimitReachedAt).toBeTruthy();
    expect(home.body.notice).toContain('ครบโควตา');
    expect(t.logs().split('LINE monthly message limit reached').length - 1).toBe(1);
  });

  it('keeps backing off and retrying a rate-limit 429, which passes', async () => {
    const org = await givenOrg(t);
    sandbox().failNext(2, 429);
    await pushAll(org, [['busy']]);
    expect(await item(org, 'busy')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'LINE answered 429' });
    for (const failed of [1, 2]) {
      t.clock.advance(backoffMs(failed));
      await t.rt.runScheduledJobs();
    }
    expect(await item(org, 'busy')).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await usage(org))?.pushes).toBe(1);
  });
});

describe('push quota: cap and priorities', () => {
  it('near the cap skips low-priority pushes (marked, not dropped), at the cap also normal ones; corruption alerts and "called" still go', async () => {
    const org = await givenOrg(t);
    const admin = await givenStaff(t, org.id, ['admin']);
    expect((await api(t, 'PUT', `/api/orgs/${org.id}/quota/cap`, { token: admin.token, body: { monthlyCap: 10 } })).status).toBe(200);

    await pushAll(org, Array.from({ length: 9 }, (_, i) => [`n${i}`, 'complaint.in_progress'] as [string, string]));
    // 9 of 10: 90 %.
    await pushAll(org, [['near', 'queue.near'], ['digest', 'complaint.digest'], ['weekly', 'rating.weekly'], ['normal', 'complaint.resolved']]);
    expect(await item(org, 'near')).toMatchObject({ status: 'capped' });
    expect(await item(org, 'digest')).toMatchObject({ status: 'capped' });
    expect(await item(org, 'weekly')).toMatchObject({ status: 'capped' });
    expect(await item(org, 'normal')).toMatchObject({ status: 'sent' });
    // 10 of 10: the cap.
    await pushAll(org, [['after', 'complaint.resolved'], ['called', 'queue.called'], ['bribe', 'complaint.corruption.new'], ['grant', 'integrity.grant_requested']]);
    expect(await item(org, 'after')).toMatchObject({ status: 'capped' });
    expect(await item(org, 'called')).toMatchObject({ status: 'sent' });
    expect(await item(org, 'bribe')).toMatchObject({ status: 'sent' });
    expect(await item(org, 'grant')).toMatchObject({ status: 'sent' });
    expect(pushesTo(org)).toBe(13);
    expect(await usage(org)).toMatchObject({ pushes: 13, capped: 4 });
    expect((await deliveryStates(t.rt.db, org.id, ['near'])).near?.label).toContain('จำกัดจำนวนข้อความ');

    // Lifting the cap lets normal pushes go again.
    await api(t, 'PUT', `/api/orgs/${org.id}/quota/cap`, { token: admin.token, body: { monthlyCap: null } });
    await pushAll(org, [['lifted', 'complaint.resolved']]);
    expect(await item(org, 'lifted')).toMatchObject({ status: 'sent' });
  });

  it('derives priorities from the topic by one table', () => {
    expect(['complaint.corruption.new', 'complaint.corruption.reminder.overdue', 'integrity.grant_approved', 'queue.called', 'rating.low.corruption'].map(priorityOf)).toEqual(['high', 'high', 'high', 'high', 'high']);
    expect(['complaint.digest', 'rating.weekly', 'queue.near'].map(priorityOf)).toEqual(['low', 'low', 'low']);
    expect(['complaint.new', 'complaint.resolved', 'queue.done', 'rating.low'].map(priorityOf)).toEqual(['normal', 'normal', 'normal', 'normal']);
  });
});

describe('push quota: staff home API', () => {
  it('shows this month\'s consumption against LINE\'s quota and the cap, warning from 80 %', async () => {
    const org = await givenOrg(t);
    sandbox().quota.setMonthlyQuota(org.id, 100);
    const admin = await givenStaff(t, org.id, ['admin']);
    const officer = await givenStaff(t, org.id, ['officer']);
    await pushAll(org, [['x1'], ['x2'], ['x3'], ['x4']]);

    const before = await api(t, 'GET', `/api/orgs/${org.id}/quota`, { token: officer.token });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ month: '2026-11', pushes: 4, line: { limit: 100, consumption: 4 }, cap: null, limit: 100, used: 4, percent: 4, warning: false, notice: null });

    // An officer may look but not set the cap; bad input is refused with field issues and changes nothing.
    expect((await api(t, 'PUT', `/api/orgs/${org.id}/quota/cap`, { token: officer.token, body: { monthlyCap: 5 } })).status).toBe(403);
    const bad = await api(t, 'PUT', `/api/orgs/${org.id}/quota/cap`, { token: admin.token, body: { monthlyCap: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('monthlyCap');
    expect((await api(t, 'GET', `/api/orgs/${org.id}/quota`)).status).toBe(401);

    const set = await api(t, 'PUT', `/api/orgs/${org.id}/quota/cap`, { token: admin.token, body: { monthlyCap: 5 } });
    expect(set.body).toMatchObject({ cap: 5, limit: 5, used: 4, percent: 80, warning: true });
    expect(set.body.notice).toContain('80%');
  });

  it('reads LINE\'s quota and consumption once a day from the scheduled jobs, in LINE\'s published response shapes', async () => {
    const org = await givenOrg(t);
    sandbox().quota.setMonthlyQuota(org.id, 300);
    sandbox().quota.setChatMembers('Cstaffgroup0001', 6);
    await pushAll(org, [['g1']]);
    await t.rt.notifier.notify({ orgId: org.id, to: 'Cstaffgroup0001', key: 'group', topic: 'complaint.new', messages: [{ type: 'text', text: 'เรื่องใหม่' }] });
    await t.rt.idle();
    t.clock.advance(24 * 3_600_000);
    await t.rt.runScheduledJobs();
    // LINE counts the group push once per member: 1 + 6.
    expect((await usage(org))?.line).toMatchObject({ limit: 300, consumption: 7, pushesAtRead: 2 });

    const doc = parse(readFileSync(new URL('../../functions/src/line/sandbox/line-openapi/messaging-api.yml', import.meta.url), 'utf8')) as OpenApiDocument;
    const schema = createSchemaValidator(doc, ['MessageQuotaResponse', 'QuotaConsumptionResponse']);
    const get = async (path: string) => (await fetch(`${t.rt.lineApiBaseUrl}${path}`, { headers: { authorization: `Bearer ${org.channelAccessToken}` } })).json();
    expect(schema.validate('MessageQuotaResponse', await get('/v2/bot/message/quota'))).toEqual([]);
    expect(schema.validate('QuotaConsumptionResponse', await get('/v2/bot/message/quota/consumption'))).toEqual([]);
    expect(await get('/v2/bot/message/quota')).toEqual({ type: 'limited', value: 300 });
  });
});
