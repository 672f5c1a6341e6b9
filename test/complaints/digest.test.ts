import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestWeek, runWeeklyComplaintDigest } from '../../functions/src/complaints/index.ts';
import type { Notification } from '../../functions/src/notify/notifier.ts';
import { givenOrg, newUserId } from '../support/app.ts';
import { corruptionBody, generalBody, LIFF_BASE, startComplaintsApp, type ComplaintsApp } from './harness.ts';

let h: ComplaintsApp;
beforeAll(async () => {
  h = await startComplaintsApp({ at: '2026-11-01T03:00:00.000Z' });
});
afterAll(async () => {
  await h?.stop();
});

/** 10:00 Bangkok on a November 2026 day. */
const nov = (day: number) => `2026-11-${String(day).padStart(2, '0')}T03:00:00.000Z`;
const MONDAY_0759 = '2026-11-23T00:59:59.999Z'; // Monday 23 Nov (ISO week 48) 07:59:59.999 Bangkok
const MONDAY_0800 = '2026-11-23T01:00:00.000Z';

/** label -> value of the card's two-column rows, and every text of the card in order. */
function readCard(n: Notification | undefined) {
  const rows = new Map<string, string>();
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const o = node as { type?: string; layout?: string; text?: string; contents?: unknown };
    if (o.type === 'box' && o.layout === 'baseline' && Array.isArray(o.contents)) {
      const [l, v] = o.contents as Array<{ text?: string }>;
      if (l?.text && v?.text) rows.set(l.text, v.text);
    }
    if (typeof o.text === 'string') texts.push(o.text);
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(n?.messages);
  return { rows, texts };
}

describe('weekly digest of open complaints to staff groups (fixed clock)', () => {
  it('goes out from Monday 08:00 Bangkok, once per ISO week, with counts and the oldest overdue, never corruption content', async () => {
    const { org, officer, integrity, groupId } = await h.givenOrgWithStaff();
    const citizen = newUserId();
    const file = async (day: number, title: string) => {
      h.t.clock.set(nov(day));
      const res = await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(citizen), body: generalBody({ title }) });
      expect(res.status).toBe(201);
      return res.json as { id: string; trackingCode: string };
    };
    const move = async (id: string, body: Record<string, string>, token: Promise<string> = officer.token()) =>
      expect((await h.call('POST', `/api/orgs/${org.id}/staff/complaints/${id}/status`, { token: await token, body })).status).toBe(200);

    // Six overdue by 23 Nov (filed 1-6 Nov: due 16-21 Nov), one due within 3 days, one not yet due, one resolved.
    const overdue = [];
    for (let day = 1; day <= 6; day++) overdue.push(await file(day, `เรื่องเกินกำหนด ${day}`));
    h.t.clock.set(nov(1));
    const corruption = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    await move(overdue[1]!.id, { to: 'acknowledged' });
    const dueSoon = await file(10, 'ใกล้ครบกำหนด'); // due 25 Nov
    const later = await file(20, 'ยังไม่ถึงกำหนด');
    await move(later.id, { to: 'in_progress' });
    const done = await file(2, 'แก้ไขเสร็จแล้ว');
    await move(done.id, { to: 'resolved', note: 'ซ่อมแล้ว' });
    await move(corruption.id, { to: 'acknowledged' }, integrity.token());

    const run = (at: string) => runWeeklyComplaintDigest({ db: h.t.rt.db, notifier: h.notifier, liffLocalBase: LIFF_BASE, orgIds: [org.id] }, new Date(at));
    const digests = () => h.notifier.sent.filter((n) => n.key.startsWith('complaints:digest:'));

    expect(digestWeek(new Date(MONDAY_0759))).toEqual({ week: '2026-W48', due: false });
    expect(await run(MONDAY_0759)).toEqual([{ orgId: org.id, week: '2026-W48', outcome: 'not-yet' }]);
    expect(digests()).toHaveLength(0);

    expect(await run(MONDAY_0800)).toEqual([{ orgId: org.id, week: '2026-W48', outcome: 'sent', open: 9, groups: 1 }]);
    expect(digests()).toHaveLength(1);
    const card = digests()[0];
    expect(card).toMatchObject({ to: groupId, key: `complaints:digest:${org.id}:2026-W48:${groupId}`, topic: 'complaint.digest' });
    const { rows, texts } = readCard(card);
    expect(Object.fromEntries(rows)).toMatchObject({
      'รับเรื่องเข้าระบบแล้ว': '6 เรื่อง',
      'เจ้าหน้าที่รับเรื่องแล้ว': '1 เรื่อง',
      'อยู่ระหว่างดำเนินการ': '1 เรื่อง',
      'เกินกำหนด': '6 เรื่อง',
      'ครบกำหนดใน 3 วัน': '1 เรื่อง',
    });
    expect(rows.get('แจ้งเบาะแสทุจริต')).toMatch(/^1 เรื่อง/);
    // The oldest five overdue, oldest first: filed 1 Nov, due 16 Nov, 7 days overdue on 23 Nov.
    const listed = texts.filter((t) => / · เกิน \d+ วัน · /.test(t));
    expect(listed).toEqual(overdue.slice(0, 5).map((c, i) => `${c.trackingCode} · เกิน ${7 - i} วัน · เรื่องเกินกำหนด ${i + 1}`));
    const json = JSON.stringify(card?.messages);
    expect(json).not.toContain(overdue[5]!.trackingCode);
    expect(json).not.toContain(dueSoon.trackingCode); // counted, not listed
    expect(json).not.toContain(done.trackingCode);
    // Corruption: a number only.
    for (const secret of [corruption.trackingCode, 'สามพันบาท', 'เรียกเงิน', 'ใบอนุญาต', corruption.id]) expect(json).not.toContain(secret);
    expect(json).not.toContain('สมชาย'); // no reporter

    // Later in the same week: nothing more, however often the scheduler calls.
    expect(await run('2026-11-23T01:15:00.000Z')).toEqual([{ orgId: org.id, week: '2026-W48', outcome: 'already-done' }]);
    expect(await run('2026-11-29T16:59:59.999Z')).toEqual([{ orgId: org.id, week: '2026-W48', outcome: 'already-done' }]);
    expect(digests()).toHaveLength(1);

    // The next week, before Monday 08:00 nothing; then a fresh digest.
    expect(await run('2026-11-30T00:30:00.000Z')).toEqual([{ orgId: org.id, week: '2026-W49', outcome: 'not-yet' }]);
    const next = await run('2026-12-01T05:00:00.000Z'); // Tuesday: "or later in the week"
    expect(next).toEqual([{ orgId: org.id, week: '2026-W49', outcome: 'sent', open: 9, groups: 1 }]);
    expect(digests().map((n) => n.key)).toEqual([`complaints:digest:${org.id}:2026-W48:${groupId}`, `complaints:digest:${org.id}:2026-W49:${groupId}`]);
  });

  it('sends nothing to an organisation without a staff group, and marks a week with nothing open as done', async () => {
    const { org } = await h.givenOrgWithStaff();
    const run = (at: string) => runWeeklyComplaintDigest({ db: h.t.rt.db, notifier: h.notifier, orgIds: [org.id] }, new Date(at));
    const before = h.notifier.sent.length;
    expect(await run('2026-12-07T02:00:00.000Z')).toEqual([{ orgId: org.id, week: '2026-W50', outcome: 'nothing-open' }]);
    expect(await run('2026-12-07T03:00:00.000Z')).toEqual([{ orgId: org.id, week: '2026-W50', outcome: 'already-done' }]);
    const noGroup = await givenOrg(h.t);
    h.t.clock.set('2026-12-07T01:00:00.000Z');
    expect((await h.call('POST', `/api/orgs/${noGroup.id}/complaints`, { token: await h.token(newUserId()), body: generalBody() })).status).toBe(201);
    const sentBefore = h.notifier.sent.length;
    const other = await runWeeklyComplaintDigest({ db: h.t.rt.db, notifier: h.notifier, orgIds: [noGroup.id] }, new Date('2026-12-07T02:00:00.000Z'));
    expect(other).toEqual([{ orgId: noGroup.id, week: '2026-W50', outcome: 'no-staff-group' }]);
    expect(h.notifier.sent.length).toBe(sentBefore);
    expect(h.notifier.sent.length).toBe(before); // nothing: no staff group, and the form's answer is the filer's receipt
  });
});
