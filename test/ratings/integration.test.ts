import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordGroupLeft } from '../../functions/src/bot/store.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { newUserId } from '../support/app.ts';
import { generalBody } from '../complaints/harness.ts';
import { allScores, LIFF_BASE, scores, startRatingsApp, type RatingsApp } from './harness.ts';

/** Ratings over the real queue and complaints features (the default lookups), as app.ts will wire them. */
let h: RatingsApp;
beforeAll(async () => {
  h = await startRatingsApp({ withFeatures: true });
});
afterAll(async () => {
  await h?.stop();
});

const path = (orgId: string, rest = '') => `/api/orgs/${orgId}/ratings${rest}`;

describe('after a real queue ticket', () => {
  it('the served citizen rates once through the link the queue sends; before service and for others it is refused', async () => {
    const { org, queueOperator } = await h.givenOrgWithServices();
    const citizen = newUserId();
    const token = await h.token(citizen);
    const ticket = await h.call('POST', `/api/orgs/${org.id}/services/tax/tickets`, { token, body: {} });
    expect(ticket.status).toBe(201);
    const id: string = ticket.json.id;
    const early = await h.call('POST', path(org.id), { token, body: { ticketId: id, scores: allScores(5) } });
    expect(early.status).toBe(409);
    expect(early.json.error).toContain('ยังไม่ได้รับบริการ');
    const op = await queueOperator.token();
    expect((await h.call('POST', `/api/orgs/${org.id}/staff/queue/services/tax/call-next`, { token: op, body: { counterId: 'c1' } })).status).toBe(200);
    expect((await h.call('POST', `/api/orgs/${org.id}/staff/queue/tickets/${id}/complete`, { token: op, body: {} })).json.state).toBe('done');
    const invite = h.notifier.sent.find((n) => n.to === citizen && JSON.stringify(n.messages).includes('ratings/new?ticket='));
    expect(JSON.stringify(invite?.messages)).toContain(`${LIFF_BASE}/liff/${org.id}/ratings/new?ticket=${id}`);

    expect((await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: { ticketId: id, scores: allScores(1) } })).status).toBe(403);
    const ok = await h.call('POST', path(org.id), { token, body: { ticketId: id, scores: allScores(4) } });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ source: 'ticket', serviceId: 'tax', serviceTitle: 'งานจัดเก็บภาษี' });
    const again = await h.call('POST', path(org.id), { token, body: { ticketId: id, scores: allScores(4) } });
    expect(again.status).toBe(409);
    expect((await h.call('POST', path(org.id), { token, body: { ticketId: 'tax-20261122-999', scores: allScores(4) } })).status).toBe(400);
  });
});

describe('after a real complaint', () => {
  it('the complainant rates its handling once it is resolved', async () => {
    const { org, officer } = await h.givenOrgWithServices();
    const citizen = newUserId();
    const token = await h.token(citizen);
    const filed = await h.call('POST', `/api/orgs/${org.id}/complaints`, { token, body: generalBody() });
    expect(filed.status).toBe(201);
    const id: string = filed.json.id;
    const early = await h.call('POST', path(org.id), { token, body: { complaintId: id, scores: allScores(3) } });
    expect(early.status).toBe(403);
    const done = await h.call('POST', `/api/orgs/${org.id}/staff/complaints/${id}/status`, { token: await officer.token(), body: { to: 'resolved', note: 'เปลี่ยนหลอดไฟใหม่แล้ว' } });
    expect(done.status).toBe(200);
    expect((await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: { complaintId: id, scores: allScores(1) } })).status).toBe(403);
    const ok = await h.call('POST', path(org.id), { token, body: { complaintId: id, scores: allScores(5) } });
    expect(ok.status).toBe(201);
    expect(ok.json.serviceId).toBe('complaint-process');
    const sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.byService).toEqual([expect.objectContaining({ serviceId: 'complaint-process', ratings: 1 })]);
  });
});

describe('demo ratings', () => {
  it('seed once, through the same path, and show in the summary', async () => {
    const { demoRatingCount, seedDemoRatings } = await import('../../functions/src/ratings/demo.ts');
    const { queueServiceLookup } = await import('../../functions/src/ratings/adapters.ts');
    const { org } = await h.givenOrgWithServices();
    const now = h.t.clock.now();
    const count = demoRatingCount(org.id);
    expect(count).toBeGreaterThanOrEqual(30);
    expect(await seedDemoRatings(h.t.rt.db, queueServiceLookup(h.t.rt.db), org.id, now)).toBe(count);
    expect(await seedDemoRatings(h.t.rt.db, queueServiceLookup(h.t.rt.db), org.id, now)).toBe(0);
    const sum = await h.call('GET', path(org.id, '/summary?from=2026-09-01'));
    expect(sum.json.total.ratings).toBe(count);
    expect(sum.json.byService.map((s: { serviceId: string }) => s.serviceId).sort()).toEqual(['civil-registration', 'tax']);
  });
});

describe('low scores go to the service\'s own staff group', () => {
  it('an admin names the section\'s registered group; its alerts go only there, and to every group once it has left', async () => {
    const { org, admin, groupId: everyone } = await h.givenOrgWithServices();
    const finance = `C${newUserId().slice(1)}`;
    const stranger = `C${newUserId().slice(1)}`;
    const patch = async (body: unknown) => h.call('PATCH', `/api/orgs/${org.id}/staff/queue/services/tax`, { token: await admin.token(), body });

    const refused = await patch({ staffGroupIds: [stranger] });
    expect(refused.status).toBe(400);
    expect(refused.json.issues).toEqual([{ path: 'staffGroupIds.0', message: 'กลุ่มนี้ยังไม่ได้ลงทะเบียนเป็นกลุ่มเจ้าหน้าที่ของหน่วยงาน' }]);
    expect((await patch({ staffGroupIds: ['not-a-group'] })).json.issues[0].path).toBe('staffGroupIds.0');
    await markStaffGroup(h.t.rt.db, org.id, finance, admin.userId, h.t.clock.now());
    const ok = await patch({ staffGroupIds: [finance] });
    expect(ok.status).toBe(200);
    expect(ok.json.staffGroupIds).toEqual([finance]);
    const shown = await h.call('GET', `/api/orgs/${org.id}/services/tax`);
    expect(shown.text).not.toContain(finance);

    const low = { serviceId: 'tax', scores: scores(2, 2, 3, 3, 2) };
    const alertsTo = (to: string) => h.notifier.sent.filter((n) => n.orgId === org.id && n.topic === 'rating.low' && n.to === to);
    expect((await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: low })).status).toBe(201);
    expect(alertsTo(finance)).toHaveLength(1);
    expect(alertsTo(everyone)).toHaveLength(0);
    expect(alertsTo(stranger)).toHaveLength(0);

    await recordGroupLeft(h.t.rt.db, org.id, finance, h.t.clock.now());
    expect((await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: low })).status).toBe(201);
    expect(alertsTo(finance)).toHaveLength(1);
    expect(alertsTo(everyone)).toHaveLength(1);
  });
});
