import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { raterHashOf, ratingKey, REFUSALS } from '../../functions/src/ratings/service.ts';
import { claimRatingKey } from '../../functions/src/ratings/store.ts';
import { newUserId } from '../support/app.ts';
import { allScores, startRatingsApp, type RatingsApp } from './harness.ts';

/**
 * `GET /api/orgs/:orgId/ratings/eligibility`: the form asks on load whether this person may still rate, so someone who
 * already rated is told before choosing scores. Same once-only rules as the submission; it writes nothing.
 */
let h: RatingsApp;
beforeAll(async () => {
  h = await startRatingsApp();
});
afterAll(async () => {
  await h?.stop();
});
// Sunday 22 November 2026, 10:00 Bangkok.
beforeEach(() => h.t.clock.set('2026-11-22T03:00:00.000Z'));

const ask = async (orgId: string, user: string | null, query: string) =>
  h.call('GET', `/api/orgs/${orgId}/ratings/eligibility${query ? `?${query}` : ''}`, user ? { token: await h.token(user) } : {});
const rate = async (orgId: string, user: string, body: Record<string, unknown>) =>
  h.call('POST', `/api/orgs/${orgId}/ratings`, { token: await h.token(user), body: { scores: allScores(4), ...body } });

describe('rating eligibility', () => {
  it('needs a LINE token and valid, zod-checked input (400 with issues)', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    expect((await ask(org.id, null, 'serviceId=tax')).status).toBe(401);

    const none = await ask(org.id, user, '');
    expect(none.status).toBe(400);
    expect(none.json.issues).toEqual([{ path: 'serviceId', message: 'กรุณาเลือกบริการที่ต้องการประเมิน' }]);
    const both = await ask(org.id, user, 'ticketId=T1&complaintId=01JD0000000000000000000001');
    expect(both.status).toBe(400);
    expect(both.json.issues[0].path).toBe('complaintId');
    const garbage = await ask(org.id, user, 'serviceId=../../x');
    expect(garbage.status).toBe(400);
    expect(garbage.json.issues).toEqual([{ path: 'serviceId', message: 'รหัสบริการไม่ถูกต้อง' }]);
    const twice = await ask(org.id, user, 'serviceId=tax&serviceId=tax');
    expect(twice.status).toBe(400);
    expect(twice.json.issues[0].path).toBe('serviceId');
    const badComplaint = await ask(org.id, user, 'complaintId=nope');
    expect(badComplaint.status).toBe(400);
    expect(badComplaint.json.issues[0]).toEqual({ path: 'complaintId', message: 'รหัสเรื่องร้องเรียนไม่ถูกต้อง' });
    // The same 400s as submitting: an unknown or closed service, an unknown ticket.
    expect((await ask(org.id, user, 'serviceId=no-such-service')).json.issues).toEqual([{ path: 'serviceId', message: 'ไม่พบบริการนี้' }]);
    expect((await ask(org.id, user, 'serviceId=closed-service')).status).toBe(400);
    expect((await ask(org.id, user, 'ticketId=T9999')).json.issues).toEqual([{ path: 'ticketId', message: 'ไม่พบบัตรคิวนี้' }]);
  });

  it('walk-in: yes before rating (and writes nothing), then the Thai refusal the same day; yes again the next day', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    const before = await ask(org.id, user, 'serviceId=civil-registration');
    expect(before.status).toBe(200);
    expect(before.json).toEqual({ eligible: true });
    expect(before.headers.get('cache-control')).toBe('private, no-store');
    expect(await h.countStored(org.id)).toEqual({ keys: 0, ratings: 0, comments: 0, aggregates: 0 });

    expect((await rate(org.id, user, { serviceId: 'civil-registration' })).status).toBe(201);
    const counts = await h.countStored(org.id);
    const after = await ask(org.id, user, 'serviceId=civil-registration');
    expect(after.json).toEqual({ eligible: false, reason: REFUSALS.walkin, status: 409 });
    expect(await h.countStored(org.id)).toEqual(counts);
    // The submission agrees.
    expect((await rate(org.id, user, { serviceId: 'civil-registration' })).json.error).toBe(REFUSALS.walkin);
    // Another service, another person: yes.
    expect((await ask(org.id, user, 'serviceId=tax')).json).toEqual({ eligible: true });
    expect((await ask(org.id, newUserId(), 'serviceId=civil-registration')).json).toEqual({ eligible: true });
    // 00:00 Bangkok on Monday.
    h.t.clock.set('2026-11-22T17:00:00.000Z');
    expect((await ask(org.id, user, 'serviceId=civil-registration')).json).toEqual({ eligible: true });
  });

  it('ticket: not yet served and not yours are refused as the submission would; after rating it, so is the QR of that service', async () => {
    const { org } = await h.givenOrgWithServices();
    const owner = newUserId();
    h.addTicket(org.id, { id: 'E0001', serviceId: 'tax', userId: owner, served: false });
    h.addTicket(org.id, { id: 'E0002', serviceId: 'tax', userId: owner, served: true });
    expect((await ask(org.id, owner, 'ticketId=E0001')).json).toEqual({ eligible: false, reason: REFUSALS.ticketNotServed, status: 409 });
    expect((await ask(org.id, newUserId(), 'ticketId=E0002')).json).toEqual({ eligible: false, reason: REFUSALS.ticketNotYours, status: 403 });
    expect((await ask(org.id, owner, 'ticketId=E0002')).json).toEqual({ eligible: true });
    expect((await rate(org.id, owner, { ticketId: 'E0002' })).status).toBe(201);
    expect((await ask(org.id, owner, 'ticketId=E0002')).json).toEqual({ eligible: false, reason: REFUSALS.ticket, status: 409 });
    expect((await ask(org.id, owner, 'serviceId=tax')).json).toEqual({ eligible: false, reason: REFUSALS.walkin, status: 409 });
  });

  it('complaint: only its finished owner, once', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    const id = '01JD0000000000000000000E01';
    h.addComplaint(org.id, id, user);
    expect((await ask(org.id, newUserId(), `complaintId=${id}`)).json).toEqual({ eligible: false, reason: REFUSALS.complaintNotRateable, status: 403 });
    expect((await ask(org.id, user, `complaintId=${id}`)).json).toEqual({ eligible: true });
    expect((await rate(org.id, user, { complaintId: id })).status).toBe(201);
    expect((await ask(org.id, user, `complaintId=${id}`)).json).toEqual({ eligible: false, reason: REFUSALS.complaint, status: 409 });
  });

  it('a claim without its rating: "in flight" for 2 minutes, then the same person may complete it', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    const hash = raterHashOf(org.id, user);
    const key = ratingKey.walkin('tax', '2026-11-22', hash);
    await claimRatingKey(h.t.rt.db, org.id, key, { ratingId: key, source: 'walkin', raterHash: hash, createdAt: h.t.clock.now().toISOString() });
    expect((await ask(org.id, user, 'serviceId=tax')).json).toEqual({ eligible: false, reason: REFUSALS.inFlight, status: 409 });
    h.t.clock.set('2026-11-22T03:03:00.000Z');
    expect((await ask(org.id, user, 'serviceId=tax')).json).toEqual({ eligible: true });
    expect((await rate(org.id, user, { serviceId: 'tax' })).status).toBe(201);
  });
});
