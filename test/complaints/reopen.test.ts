import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getComplaint, listUpdates } from '../../functions/src/complaints/store.ts';
import { newUserId } from '../support/app.ts';
import { corruptionBody, generalBody, startComplaintsApp, type ComplaintsApp } from './harness.ts';

// Filed 22 Nov 2026 10:00 Bangkok; resolved 1 Dec 10:00 Bangkok; "not fixed" open until the end of 6 Dec, Bangkok.
const FILED = '2026-11-22T03:00:00.000Z';
const RESOLVED = '2026-12-01T03:00:00.000Z';
const LAST_MOMENT = '2026-12-06T16:59:59.999Z';
const TOO_LATE = '2026-12-06T17:00:00.000Z';

let h: ComplaintsApp;
beforeAll(async () => {
  h = await startComplaintsApp({ at: FILED });
});
afterAll(async () => {
  await h?.stop();
});

const path = (orgId: string, rest = '') => `/api/orgs/${orgId}/complaints${rest}`;
const staffPath = (orgId: string, rest = '') => `/api/orgs/${orgId}/staff/complaints${rest}`;
const REASON = 'ไฟยังดับอยู่เหมือนเดิม ไม่มีใครมาซ่อม';

/** A general complaint filed by a LINE user and resolved by an officer on 1 Dec. */
async function givenResolvedGeneral() {
  h.t.clock.set(FILED);
  const staff = await h.givenOrgWithStaff();
  const citizen = newUserId();
  const filed = (await h.call('POST', path(staff.org.id), { token: await h.token(citizen), body: generalBody() })).json;
  h.t.clock.set(RESOLVED);
  const resolved = await h.call('POST', staffPath(staff.org.id, `/${filed.id}/status`), { token: await staff.officer.token(), body: { to: 'resolved', note: 'เปลี่ยนหลอดไฟแล้ว' } });
  expect(resolved.status).toBe(200);
  return { ...staff, citizen, filed, reopen: path(staff.org.id, `/track/${filed.trackingCode}/reopen`) };
}

/** What a refusal must leave untouched. */
async function snapshot(orgId: string, id: string) {
  return { complaint: await getComplaint(h.t.rt.db, orgId, id), updates: (await listUpdates(h.t.rt.db, orgId, id)).length, sent: h.notifier.sent.length };
}

describe('"not fixed": the complainant reopens a resolved complaint', () => {
  it('moves it back to in progress with the reason in the history, tells the staff groups and confirms to the complainant', async () => {
    const { org, officer, groupId, citizen, filed, reopen } = await givenResolvedGeneral();
    // The resolution message offers "not fixed": a button to the owner's status page.
    const resolvedMsg = JSON.stringify(h.notifier.sent.find((n) => n.key === `complaint:${filed.id}:update:2`)?.messages);
    expect(resolvedMsg).toContain('หากปัญหายังไม่ได้รับการแก้ไข แจ้งได้ภายใน 5 วัน');
    expect(resolvedMsg).toContain('"label":"แจ้งยังไม่ได้แก้ไข"');
    expect(resolvedMsg).toContain(`/complaints/${filed.trackingCode}"`);
    h.t.clock.set('2026-12-03T05:00:00.000Z');
    const tracked = await h.call('GET', path(org.id, `/track/${filed.trackingCode}`), { token: await h.token(citizen) });
    expect(tracked.json.reopenUntil).toBe(LAST_MOMENT);

    const before = h.notifier.sent.length;
    const res = await h.call('POST', reopen, { token: await h.token(citizen), body: { reason: `  ${REASON}  ` } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ access: 'owner', status: 'in_progress', finishedAt: null, reopenUntil: null });
    expect(res.json.history.at(-1)).toMatchObject({ seq: 3, status: 'in_progress', reason: REASON, note: null, by: 'ผู้แจ้ง' });

    const stored = await getComplaint(h.t.rt.db, org.id, filed.id);
    expect(stored).toMatchObject({ status: 'in_progress', seq: 3, finishedAt: null, lastNote: 'เปลี่ยนหลอดไฟแล้ว' });
    const updates = await listUpdates(h.t.rt.db, org.id, filed.id);
    expect(updates.at(-1)).toMatchObject({ seq: 3, from: 'resolved', to: 'in_progress', reason: REASON, actor: { type: 'citizen' } });

    const sent = h.notifier.sent.slice(before);
    const card = sent.find((n) => n.to === groupId);
    expect(card?.key).toBe(`complaint:${filed.id}:reopened:3:${groupId}`);
    expect(card?.topic).toBe('complaint.reopened');
    const cardJson = JSON.stringify(card?.messages);
    expect(cardJson).toContain('ยังไม่ได้รับการแก้ไข');
    expect(cardJson).toContain(REASON);
    expect(cardJson).toContain(filed.trackingCode);
    expect(cardJson).not.toContain('สมชาย'); // no reporter on group cards
    const confirmation = sent.find((n) => n.to === citizen);
    expect(confirmation?.key).toBe(`complaint:${filed.id}:update:3`);
    expect(JSON.stringify(confirmation?.messages)).toContain('เรื่องนี้ถูกเปิดอีกครั้ง');
    expect(sent).toHaveLength(2);

    // Staff see it open again, with the ordinary moves on from in progress; the citizen's move is not theirs.
    const detail = await h.call('GET', staffPath(org.id, `/${filed.id}`), { token: await officer.token() });
    expect(detail.json.status).toBe('in_progress');
    expect(detail.json.allowedTransitions).toEqual(['in_progress', 'resolved', 'rejected', 'forwarded']);
    expect(detail.json.history.at(-1)).toMatchObject({ from: 'resolved', status: 'in_progress', reason: REASON, by: { type: 'citizen' } });

    // Once reopened, it is no longer resolved: saying it again is refused.
    const again = await h.call('POST', reopen, { token: await h.token(citizen), body: { reason: REASON } });
    expect(again.status).toBe(409);
    expect(again.json.error).toContain('เฉพาะเรื่องที่');
  });

  it('puts a reopened case first in the staff inbox, marked, and filterable', async () => {
    const { org, officer, citizen, filed, reopen } = await givenResolvedGeneral();
    // Two newer complaints filed after the first one.
    const newer = [];
    for (let i = 0; i < 2; i++) {
      h.t.clock.advance(60_000);
      newer.push((await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: generalBody() })).json);
    }
    h.t.clock.set('2026-12-03T05:00:00.000Z');
    expect((await h.call('POST', reopen, { token: await h.token(citizen), body: { reason: REASON } })).status).toBe(200);
    const inbox = await h.call('GET', staffPath(org.id), { token: await officer.token() });
    expect(inbox.json.complaints[0]).toMatchObject({ id: filed.id, reopened: true, reopenedAt: '2026-12-03T05:00:00.000Z' });
    expect(inbox.json.complaints.slice(1).map((c: { id: string; reopened: boolean }) => [c.id, c.reopened])).toEqual(newer.reverse().map((c) => [c.id, false]));
    const only = await h.call('GET', staffPath(org.id, '?reopened=true'), { token: await officer.token() });
    expect(only.json.complaints.map((c: { id: string }) => c.id)).toEqual([filed.id]);
    // Resolved again: no longer marked.
    await h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: await officer.token(), body: { to: 'resolved', note: 'ซ่อมสายไฟใหม่แล้ว' } });
    const after = await h.call('GET', staffPath(org.id, '?reopened=true'), { token: await officer.token() });
    expect(after.json.complaints).toEqual([]);
  });

  it('is open until the end of the 5th Bangkok day after the resolution, and refused after it with nothing changed', async () => {
    const { org, citizen, filed, reopen } = await givenResolvedGeneral();
    h.t.clock.set(TOO_LATE);
    const tracked = await h.call('GET', path(org.id, `/track/${filed.trackingCode}`), { token: await h.token(citizen) });
    expect(tracked.json.reopenUntil).toBeNull();
    const before = await snapshot(org.id, filed.id);
    const late = await h.call('POST', reopen, { token: await h.token(citizen), body: { reason: REASON } });
    expect(late.status).toBe(409);
    expect(late.json.error).toContain('เลยกำหนดแจ้งว่ายังไม่ได้รับการแก้ไขแล้ว');
    expect(late.json.error).toContain('6 ธันวาคม 2569');
    expect(await snapshot(org.id, filed.id)).toEqual(before);

    h.t.clock.set(LAST_MOMENT);
    const inTime = await h.call('POST', reopen, { token: await h.token(citizen), body: { reason: REASON } });
    expect(inTime.status).toBe(200);
  });

  it('refuses strangers (403), cases not resolved (409), a missing reason (400) and staff (409), changing nothing', async () => {
    const { org, officer, admin, citizen, filed, reopen } = await givenResolvedGeneral();
    h.t.clock.set('2026-12-02T03:00:00.000Z');
    const before = await snapshot(org.id, filed.id);

    const stranger = await h.call('POST', reopen, { token: await h.token(newUserId()), body: { reason: REASON } });
    expect(stranger.status).toBe(403);
    expect(stranger.json.error).toContain('เฉพาะผู้ที่แจ้งเรื่องนี้');
    expect((await h.call('POST', reopen, { body: { reason: REASON } })).status).toBe(403);
    expect((await h.call('POST', reopen, { token: await admin.token(), body: { reason: REASON } })).status).toBe(403);
    expect((await h.call('POST', reopen, { body: { reason: REASON, secret: 'guessed-secret' } })).status).toBe(403);

    const noReason = await h.call('POST', reopen, { token: await h.token(citizen), body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.json.issues[0].path).toBe('reason');
    const short = await h.call('POST', reopen, { token: await h.token(citizen), body: { reason: 'ไม่' } });
    expect(short.status).toBe(400);
    expect((await h.call('POST', reopen, { token: await h.token(citizen), body: { reason: REASON, extra: 1 } })).status).toBe(400);
    expect((await h.call('POST', path(org.id, '/track/RT-11/reopen'), { token: await h.token(citizen), body: { reason: REASON } })).status).toBe(400);

    // Staff cannot reopen through the status endpoint: the table gives that move to the complainant only.
    const byStaff = await h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: await officer.token(), body: { to: 'in_progress', note: 'เปิดใหม่' } });
    expect(byStaff.status).toBe(409);
    expect(await snapshot(org.id, filed.id)).toEqual(before);

    // Open and rejected cases cannot be reopened.
    const open = (await h.call('POST', path(org.id), { token: await h.token(citizen), body: generalBody() })).json;
    const notResolved = await h.call('POST', path(org.id, `/track/${open.trackingCode}/reopen`), { token: await h.token(citizen), body: { reason: REASON } });
    expect(notResolved.status).toBe(409);
    expect(notResolved.json.error).toContain('รับเรื่องเข้าระบบแล้ว');
    await h.call('POST', staffPath(org.id, `/${open.id}/status`), { token: await officer.token(), body: { to: 'rejected', reason: 'ไม่อยู่ในอำนาจหน้าที่' } });
    expect((await h.call('POST', path(org.id, `/track/${open.trackingCode}/reopen`), { token: await h.token(citizen), body: { reason: REASON } })).status).toBe(409);
  });

  it('lets an anonymous corruption reporter reopen with code + secret; integrity officers get a notice without content', async () => {
    h.t.clock.set(FILED);
    const { org, integrity, groupId } = await h.givenOrgWithStaff();
    const filed = (await h.call('POST', path(org.id), { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    expect(filed.trackingSecret).toBeTruthy();
    h.t.clock.set(RESOLVED);
    expect((await h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: await integrity.token(), body: { to: 'resolved', note: 'ตั้งกรรมการสอบแล้ว' } })).status).toBe(200);
    const reopen = path(org.id, `/track/${filed.trackingCode}/reopen`);
    h.t.clock.set('2026-12-04T03:00:00.000Z');
    const before = await snapshot(org.id, filed.id);

    // Without the secret it does not exist (as when tracking).
    expect((await h.call('POST', reopen, { body: { reason: REASON } })).status).toBe(404);
    expect((await h.call('POST', reopen, { body: { reason: REASON, secret: 'wrong' } })).status).toBe(404);
    expect((await h.call('POST', reopen, { token: await h.token(newUserId()), body: { reason: REASON } })).status).toBe(404);
    expect(await snapshot(org.id, filed.id)).toEqual(before);

    const sentBefore = h.notifier.sent.length;
    const res = await h.call('POST', reopen, { body: { reason: 'ยังมีการเรียกเงินอยู่เหมือนเดิม', secret: filed.trackingSecret } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'in_progress', anonymous: true });
    const sent = h.notifier.sent.slice(sentBefore);
    expect(sent.map((n) => n.to)).toEqual([integrity.userId]); // no group card, nobody to confirm to
    expect(sent[0]?.key).toBe(`complaint:${filed.id}:reopened:3:${integrity.userId}`);
    const notice = JSON.stringify(sent[0]?.messages);
    expect(notice).toContain('ยังไม่ได้รับการแก้ไข');
    for (const secret of ['สามพันบาท', 'เรียกเงิน', filed.trackingCode, 'ใบอนุญาต']) expect(notice).not.toContain(secret);
    expect(sent.some((n) => n.to === groupId)).toBe(false);
  });
});
