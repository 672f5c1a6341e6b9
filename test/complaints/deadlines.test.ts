import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runComplaintDeadlines } from '../../functions/src/complaints/reminders.ts';
import { newUserId } from '../support/app.ts';
import { corruptionBody, generalBody, LIFF_BASE, startComplaintsApp, type ComplaintsApp } from './harness.ts';

// 22 Nov 2026 00:30 Bangkok = 21 Nov 17:30 UTC: the Bangkok date, not the UTC one, counts.
let h: ComplaintsApp;
beforeAll(async () => {
  h = await startComplaintsApp({ at: '2026-11-21T17:30:00.000Z' });
});
afterAll(async () => {
  await h?.stop();
});

describe('deadlines (fixed clock, across Bangkok midnight)', () => {
  it('reminds staff 3 days before and when overdue in one digest per run, explains to the complainant at the deadline, each once', async () => {
    const { org, officer, integrity, groupId } = await h.givenOrgWithStaff();
    const citizen = newUserId();
    const general = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(citizen), body: generalBody() })).json;
    const corruption = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    const done = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(newUserId()), body: generalBody() })).json;
    expect(general.dueAt).toBe('2026-12-07T16:59:59.999Z');
    await h.call('POST', `/api/orgs/${org.id}/staff/complaints/${done.id}/status`, { token: await officer.token(), body: { to: 'resolved', note: 'ซ่อมแล้ว' } });
    await h.call('POST', `/api/orgs/${org.id}/staff/complaints/${general.id}/status`, {
      token: await officer.token(),
      body: { to: 'in_progress', note: 'รออะไหล่หลอดไฟจากผู้รับจ้าง คาดว่าได้รับภายในสัปดาห์หน้า' },
    });
    const run = (at: string) => runComplaintDeadlines({ db: h.t.rt.db, notifier: h.notifier, liffLocalBase: LIFF_BASE, orgIds: [org.id] }, new Date(at));
    const keysFor = (id: string) => h.notifier.sent.filter((n) => n.key.startsWith(`complaint:${id}:`)).map((n) => n.key);
    const second = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(newUserId()), body: generalBody({ title: 'ขยะไม่ได้เก็บสามวันแล้ว', category: 'garbage' }) })).json;
    const reminders = (to: string) => h.notifier.sent.filter((n) => n.to === to && n.key.startsWith('complaints:reminders:'));

    expect(await run('2026-12-03T16:59:59.999Z')).toMatchObject({ dueSoon: 0, overdue: 0 });
    // 4 Dec 00:00 Bangkok: 3 days before 7 Dec.
    expect(await run('2026-12-03T17:00:00.000Z')).toMatchObject({ checked: 3, dueSoon: 3, overdue: 0 });
    // One message to the staff group for both general cases, one content-free notice to the integrity officer.
    expect(reminders(groupId)).toHaveLength(1);
    const digest = reminders(groupId)[0]!;
    expect(digest.topic).toBe('complaint.reminder.digest');
    const digestJson = JSON.stringify(digest.messages);
    for (const c of [general, second]) expect(digestJson).toContain(c.trackingCode);
    expect(digestJson).toContain('ใกล้ครบกำหนด (ภายใน 3 วัน) 2 เรื่อง');
    expect(digestJson).not.toContain(done.trackingCode);
    expect(digestJson).not.toContain(corruption.trackingCode);
    expect(reminders(integrity.userId)).toHaveLength(1);
    expect(reminders(integrity.userId)[0]!.topic).toBe('complaint.corruption.reminder');
    expect(JSON.stringify(reminders(integrity.userId)[0]!.messages)).toContain('ใกล้ครบกำหนดภายใน 3 วัน 1 เรื่อง');
    expect(JSON.stringify(reminders(integrity.userId)[0]!.messages)).not.toContain(corruption.trackingCode);
    expect(keysFor(corruption.id)).toEqual([`complaint:${corruption.id}:new:${integrity.userId}`]);
    const again = await run('2026-12-04T03:00:00.000Z');
    expect(again).toMatchObject({ dueSoon: 0, overdue: 0 });

    // A UTC-day calculation would call it overdue from 7 Dec 00:00 UTC; Bangkok's 7 Dec lasts until 16:59:59.999 UTC.
    expect(await run('2026-12-07T16:59:59.999Z')).toMatchObject({ overdue: 0 });
    const before = h.notifier.sent.length;
    expect(await run('2026-12-07T17:00:00.000Z')).toMatchObject({ overdue: 3, explained: 2 });
    const explanation = h.notifier.sent.slice(before).find((n) => n.to === citizen);
    expect(explanation?.key).toBe(`complaint:${general.id}:deadline-explanation`);
    // One message: the text and its button in one bubble (each message of a push counts against the quota).
    expect(explanation?.messages).toHaveLength(1);
    const said = JSON.stringify(explanation?.messages);
    expect(said).toContain('ยังอยู่ระหว่างดำเนินการ');
    expect(said).toContain('เหตุผล: รออะไหล่หลอดไฟ');
    expect(said).toContain('ผ่านมา 16 วัน');
    const overdueDigests = h.notifier.sent.slice(before).filter((n) => n.to === groupId);
    expect(overdueDigests).toHaveLength(1);
    expect(JSON.stringify(overdueDigests[0]!.messages)).toContain('เกินกำหนดแล้ว 2 เรื่อง');
    const corruptionOverdue = h.notifier.sent.slice(before).find((n) => n.to === integrity.userId);
    expect(JSON.stringify(corruptionOverdue?.messages)).toContain('เกินกำหนดแล้ว 1 เรื่อง');
    expect(JSON.stringify(corruptionOverdue?.messages)).not.toContain('สามพันบาท');
    expect(await run('2026-12-08T03:00:00.000Z')).toMatchObject({ dueSoon: 0, overdue: 0, explained: 0 });

    // The inbox agrees.
    h.t.clock.set('2026-12-07T17:00:00.000Z');
    const overdue = await h.call('GET', `/api/orgs/${org.id}/staff/complaints?overdue=true`, { token: await officer.token() });
    expect(overdue.json.complaints.map((c: { id: string }) => c.id).sort()).toEqual([general.id, second.id].sort());
  });
});
