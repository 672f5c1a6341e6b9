import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleEvent, type BotDeps } from '../../functions/src/bot/dispatcher.ts';
import { complaintPostbackHandlers, complaintTextHandlers } from '../../functions/src/complaints/line.ts';
import { runComplaintDeadlines } from '../../functions/src/complaints/reminders.ts';
import type { LineEvent } from '../../functions/src/line/events.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { lineEvent, newUserId } from '../support/app.ts';
import { corruptionBody, generalBody, REPORTER_LINE_NAME, REPORTER_NAME, REPORTER_PHONE, startComplaintsApp, type ComplaintsApp } from './harness.ts';
import { expectLineAccepts } from '../support/lineRules.ts';

let h: ComplaintsApp;
beforeAll(async () => {
  h = await startComplaintsApp();
});
afterAll(async () => {
  await h?.stop();
});

describe('a corruption reporter never appears in staff-visible output', () => {
  it('not in the general inbox, officer detail, group messages, integrity notices, stats, CSV, chat or logs', async () => {
    const { org, officer, admin, integrity, groupId } = await h.givenOrgWithStaff();
    const reporter = newUserId();
    const filed = await h.call('POST', `/api/orgs/${org.id}/complaints`, {
      token: await h.token(reporter, { name: REPORTER_LINE_NAME }),
      body: corruptionBody({ contact: { method: 'phone', name: REPORTER_NAME, phone: REPORTER_PHONE, email: 'whistle@example.com' } }),
    });
    expect(filed.status).toBe(201);
    const id = filed.json.id as string;
    // A general complaint in the same organisation, so the general views are not empty.
    await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(newUserId()), body: generalBody() });

    const secrets = [REPORTER_NAME, REPORTER_PHONE, '089-999-9999', REPORTER_LINE_NAME, 'whistle@example.com', reporter];
    const outputs: Array<[string, string]> = [];
    const grab = async (what: string, p: string, token?: string) => {
      const r = await h.call('GET', p, token ? { token } : {});
      outputs.push([what, r.text]);
      return r;
    };

    const inbox = await grab('officer inbox', `/api/orgs/${org.id}/staff/complaints`, await officer.token());
    expect(inbox.text).not.toContain(id);
    await grab('admin inbox', `/api/orgs/${org.id}/staff/complaints`, await admin.token());
    expect((await grab('officer detail', `/api/orgs/${org.id}/staff/complaints/${id}`, await officer.token())).status).toBe(404);
    expect((await grab('admin detail', `/api/orgs/${org.id}/staff/complaints/${id}`, await admin.token())).status).toBe(404);
    await grab('public tracking', `/api/orgs/${org.id}/complaints/track/${filed.json.trackingCode}`);
    await grab('stats', `/api/orgs/${org.id}/complaints/stats`);
    await grab('csv', `/api/orgs/${org.id}/complaints/stats.csv`);
    // Integrity officers' inbox list (the reporter block is only in the detail).
    await grab('integrity inbox', `/api/orgs/${org.id}/staff/complaints?kind=corruption`, await integrity.token());

    // Status changes by the integrity officer, and deadline reminders.
    const moved = await h.call('POST', `/api/orgs/${org.id}/staff/complaints/${id}/status`, { token: await integrity.token(), body: { to: 'in_progress', note: 'กำลังรวบรวมข้อเท็จจริง' } });
    expect(moved.status).toBe(200);
    await runComplaintDeadlines({ db: h.t.rt.db, notifier: h.notifier, orgIds: [org.id] }, new Date('2026-12-20T00:00:00Z'));

    // Chat: a stranger types the code; a staff member presses a forged card button for it.
    const o = await getOrg(h.t.rt.db, org.id);
    if (!o) throw new Error('org');
    const bot: BotDeps = { db: h.t.rt.db, textHandlers: complaintTextHandlers(h.deps), postbackHandlers: complaintPostbackHandlers(h.deps) };
    const typed = expectLineAccepts(await handleEvent(bot, o, lineEvent(h.t, 'message', { type: 'user', userId: newUserId() }, { message: { id: '1', type: 'text', text: filed.json.trackingCode, quoteToken: 'q' } }, false) as unknown as LineEvent, h.t.clock.now()));
    outputs.push(['chat tracking by a stranger', JSON.stringify(typed.messages)]);
    const pressed = expectLineAccepts(await handleEvent(bot, o, lineEvent(h.t, 'postback', { type: 'group', groupId, userId: officer.userId }, { postback: { data: `action=complaint-status&id=${id}&to=acknowledged` } }, false) as unknown as LineEvent, h.t.clock.now()));
    outputs.push(['forged group postback', JSON.stringify(pressed.messages)]);

    // Every message to anyone but the reporter: group cards, integrity notices, reminders.
    for (const n of h.notifier.sent.filter((n) => n.orgId === org.id && n.to !== reporter)) outputs.push([`notification ${n.key} to ${n.to === groupId ? 'group' : 'staff'}`, JSON.stringify(n)]);
    expect(h.notifier.sent.filter((n) => n.orgId === org.id && n.to === groupId).every((n) => !n.key.includes(id))).toBe(true);
    outputs.push(['server logs', h.t.logs()]);

    for (const [what, out] of outputs) for (const s of secrets) expect(out.includes(s), `${what} contains reporter data "${s}"`).toBe(false);

    // Positive control: the integrity officer sees who reported, in the detail only.
    // The case details never carry the reporter, even for them; it is an explicit request with a reason (logged).
    const detail = await h.call('GET', `/api/orgs/${org.id}/staff/complaints/${id}`, { token: await integrity.token() });
    expect(detail.json.reporter).toEqual({ concealed: true, anonymous: false, contactPreference: 'phone' });
    for (const s of secrets) expect(detail.text).not.toContain(s);
    const revealed = await h.call('POST', `/api/orgs/${org.id}/staff/complaints/${id}/reporter`, { token: await integrity.token(), body: { reason: 'โทรสอบถามข้อเท็จจริงเพิ่มเติม' } });
    expect(revealed.json.reporter).toMatchObject({ anonymous: false, name: REPORTER_NAME, phone: REPORTER_PHONE, lineName: REPORTER_LINE_NAME, viaLine: true });
    expect(revealed.text).not.toContain(reporter);
    // And the reporter, who filed under their LINE identity, is told of progress.
    expect(h.notifier.sent.some((n) => n.to === reporter && n.key === `complaint:${id}:update:2`)).toBe(true);
  });

  it('stats count corruption reports apart, as counts only', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.call('POST', `/api/orgs/${org.id}/complaints`, { body: corruptionBody({ anonymous: true, contact: undefined }) });
    const s = await h.call('GET', `/api/orgs/${org.id}/complaints/stats`);
    expect(s.json.corruption).toEqual({ received: 1, finished: 0, inProgress: 1, overdue: 0 });
    expect(s.json.general.totals.received).toBe(0);
    expect(s.text).not.toContain('bribery');
  });
});
