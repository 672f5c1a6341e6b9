import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimRatingKey, listRatings } from '../../functions/src/ratings/store.ts';
import { raterHashOf, ratingKey } from '../../functions/src/ratings/service.ts';
import { newUserId } from '../support/app.ts';
import { allScores, AUD, LIFF_BASE, scores, startRatingsApp, type RatingsApp } from './harness.ts';

let h: RatingsApp;
beforeAll(async () => {
  h = await startRatingsApp();
});
afterAll(async () => {
  await h?.stop();
});
// Sunday 22 November 2026, 10:00 Bangkok.
beforeEach(() => h.t.clock.set('2026-11-22T03:00:00.000Z'));

const path = (orgId: string, rest = '') => `/api/orgs/${orgId}/ratings${rest}`;
const walkin = (over: Record<string, unknown> = {}) => ({ serviceId: 'civil-registration', scores: scores(5, 4, 3, 5, 4), ...over });

describe('a walk-in rating (QR code at the service point)', () => {
  it('answers 201, stores it once, and the summary, CSV and results page show it with both definitions', async () => {
    const { org } = await h.givenOrgWithServices();
    const res = await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: walkin({ comment: 'เจ้าหน้าที่พูดจาดีมาก', ageGroup: '30-39' }) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ serviceId: 'civil-registration', serviceTitle: 'งานทะเบียนราษฎร', source: 'walkin', createdAt: '2026-11-22T03:00:00.000Z' });
    expect(res.json.message).toContain('ขอบคุณ');
    expect(res.json.resultsUrl).toBe(`${LIFF_BASE}/liff/${org.id}/ratings/results`);
    expect(await h.countStored(org.id)).toEqual({ keys: 1, ratings: 1, comments: 1, aggregates: 1 });
    const [stored] = await listRatings(h.t.rt.db, org.id);
    expect(JSON.stringify(stored)).not.toContain('เจ้าหน้าที่พูดจาดีมาก'); // the comment is kept apart
    expect(stored).toMatchObject({ day: '2026-11-22', month: '2026-11', week: '2026-W47', hasComment: true });

    const sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.status).toBe(200);
    expect(sum.json.range).toEqual({ from: '2026-10-01', to: '2026-11-22' });
    expect(sum.json.total.ratings).toBe(1);
    // 5+4+3+5+4 = 21 over 5 answers: mean 4.2 → 84 %; 4 of 5 answers are 4 or 5 → 80 %.
    expect(sum.json.total.allItems).toMatchObject({ answers: 5, mean: 4.2, meanPercent: 84, satisfiedPercent: 80 });
    expect(sum.json.total.items.facilities).toMatchObject({ mean: 3, meanPercent: 60, satisfiedPercent: 0 });
    expect(sum.json.byService).toHaveLength(1);
    expect(sum.json.byService[0]).toMatchObject({ serviceId: 'civil-registration', title: 'งานทะเบียนราษฎร', ratings: 1 });
    expect(sum.json.target).toMatchObject({ percent: 80, basis: 'mean' });
    expect(sum.json.definitions.meanPercent).toContain('÷ 5 × 100');
    expect(sum.text).not.toContain('เจ้าหน้าที่พูดจาดีมาก');

    // Seen again after another rating: not served stale from a cache.
    expect(sum.headers.get('cache-control')).toBe('public, no-cache');
    expect(sum.headers.get('etag')).toBeTruthy();

    const csv = await h.call('GET', path(org.id, '/summary.csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text).toContain('งานทะเบียนราษฎร');
    expect(csv.text).toContain(',84,80,');
    expect(csv.text).not.toContain('เจ้าหน้าที่พูดจาดีมาก');

    const html = await h.call('GET', `/orgs/${org.id}/ratings/results`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('<svg');
    expect(html.text).toContain('84.0%');
    expect(html.text).toContain('80.0%');
    expect(html.text).toContain('คะแนนเฉลี่ย ÷ 5 × 100');
  });

  it('is refused a second time the same Bangkok day, in Thai, and allowed again the next day', async () => {
    const { org } = await h.givenOrgWithServices();
    const token = async () => h.token(user);
    const user = newUserId();
    expect((await h.call('POST', path(org.id), { token: await token(), body: walkin() })).status).toBe(201);
    // 23:59 Bangkok the same day, different scores: still a duplicate.
    h.t.clock.set('2026-11-22T16:59:00.000Z');
    const dup = await h.call('POST', path(org.id), { token: await token(), body: walkin({ scores: allScores(1) }) });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toBe('คุณได้ประเมินบริการนี้ไปแล้ววันนี้ ขอบคุณค่ะ');
    // Another service the same day, and another person, are fine.
    expect((await h.call('POST', path(org.id), { token: await token(), body: walkin({ serviceId: 'tax' }) })).status).toBe(201);
    expect((await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: walkin() })).status).toBe(201);
    // 00:00 Bangkok on Monday (still Sunday in UTC): a new day.
    h.t.clock.set('2026-11-22T17:00:00.000Z');
    expect((await h.call('POST', path(org.id), { token: await token(), body: walkin() })).status).toBe(201);
    expect((await h.countStored(org.id)).ratings).toBe(4);
    const sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.total.ratings).toBe(4);
    expect(sum.json.total.items.overall.distribution).toEqual({ 1: 0, 2: 0, 3: 0, 4: 4, 5: 0 });
  });
});

describe('a rating after a queue ticket', () => {
  it('takes one rating per served ticket of the caller, and blocks a walk-in of that service that day', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    h.addTicket(org.id, { id: 'T0001', serviceId: 'tax', userId: user, served: true });
    const ok = await h.call('POST', path(org.id), { token: await h.token(user), body: { ticketId: 'T0001', scores: allScores(5) } });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ source: 'ticket', serviceId: 'tax', serviceTitle: 'งานจัดเก็บภาษี', id: 'ticket:T0001' });
    const again = await h.call('POST', path(org.id), { token: await h.token(user), body: { ticketId: 'T0001', serviceId: 'tax', scores: allScores(4) } });
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('บัตรคิวนี้ได้รับการประเมินไปแล้ว ขอบคุณค่ะ');
    const walk = await h.call('POST', path(org.id), { token: await h.token(user), body: walkin({ serviceId: 'tax' }) });
    expect(walk.status).toBe(409);
    expect(walk.json.error).toBe('คุณได้ประเมินบริการนี้ไปแล้ววันนี้ ขอบคุณค่ะ');
    expect((await h.countStored(org.id)).ratings).toBe(1);
  });

  it('refuses someone else’s ticket, a ticket not yet served, an unknown ticket, and a ticket of another service', async () => {
    const { org } = await h.givenOrgWithServices();
    const owner = newUserId();
    h.addTicket(org.id, { id: 'T0002', serviceId: 'tax', userId: owner, served: true });
    h.addTicket(org.id, { id: 'T0003', serviceId: 'tax', userId: owner, served: false });
    h.addTicket(org.id, { id: 'T0004', serviceId: 'tax', userId: null, served: true });
    const other = await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: { ticketId: 'T0002', scores: allScores(1) } });
    expect(other.status).toBe(403);
    expect(other.json.error).toContain('บัตรคิวนี้ไม่ได้รับผ่านบัญชี LINE ของคุณ');
    const printed = await h.call('POST', path(org.id), { token: await h.token(owner), body: { ticketId: 'T0004', scores: allScores(1) } });
    expect(printed.status).toBe(403);
    const waiting = await h.call('POST', path(org.id), { token: await h.token(owner), body: { ticketId: 'T0003', scores: allScores(5) } });
    expect(waiting.status).toBe(409);
    expect(waiting.json.error).toBe('บัตรคิวนี้ยังไม่ได้รับบริการเสร็จสิ้น ประเมินได้หลังรับบริการแล้วค่ะ');
    const unknown = await h.call('POST', path(org.id), { token: await h.token(owner), body: { ticketId: 'NOPE', scores: allScores(5) } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.issues).toEqual([{ path: 'ticketId', message: 'ไม่พบบัตรคิวนี้' }]);
    const mismatch = await h.call('POST', path(org.id), { token: await h.token(owner), body: { ticketId: 'T0002', serviceId: 'civil-registration', scores: allScores(5) } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.issues[0].path).toBe('serviceId');
    expect(await h.countStored(org.id)).toEqual({ keys: 0, ratings: 0, comments: 0, aggregates: 0 });
  });
});

describe('a rating of how a complaint was handled', () => {
  it('takes one rating per finished complaint of the caller, as the complaint-handling service', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    const id = '01JD0000000000000000000001';
    h.addComplaint(org.id, id, user);
    const ok = await h.call('POST', path(org.id), { token: await h.token(user), body: { complaintId: id, scores: allScores(4) } });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ source: 'complaint', serviceId: 'complaint-process', serviceTitle: 'การจัดการเรื่องร้องเรียน/ร้องทุกข์' });
    const again = await h.call('POST', path(org.id), { token: await h.token(user), body: { complaintId: id, serviceId: 'complaint-process', scores: allScores(1) } });
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('คุณได้ประเมินการจัดการเรื่องร้องเรียนนี้ไปแล้ว ขอบคุณค่ะ');
    const sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.byService.map((s: { serviceId: string }) => s.serviceId)).toEqual(['complaint-process']);
    expect(sum.json.total.sources).toEqual({ ticket: 0, complaint: 1, walkin: 0 });
  });

  it('refuses complaints of others or not finished, and the complaint service without a complaint', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    h.addComplaint(org.id, '01JD0000000000000000000002', newUserId());
    h.addComplaint(org.id, '01JD0000000000000000000003', user, false);
    for (const id of ['01JD0000000000000000000002', '01JD0000000000000000000003', '01JD0000000000000000000009']) {
      const res = await h.call('POST', path(org.id), { token: await h.token(user), body: { complaintId: id, scores: allScores(3) } });
      expect(res.status).toBe(403);
      expect(res.json.error).toBe('ประเมินได้เฉพาะเรื่องร้องเรียนที่คุณแจ้งผ่าน LINE และดำเนินการเสร็จสิ้นแล้วค่ะ');
    }
    const direct = await h.call('POST', path(org.id), { token: await h.token(user), body: { serviceId: 'complaint-process', scores: allScores(1) } });
    expect(direct.status).toBe(400);
    expect(direct.json.issues[0].path).toBe('complaintId');
    expect((await h.countStored(org.id)).ratings).toBe(0);
  });
});

describe('identity', () => {
  it('needs a LINE login and refuses forged, expired and wrong-audience tokens; nothing is stored', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    expect((await h.call('POST', path(org.id), { body: walkin() })).status).toBe(401);
    const expired = await h.t.rt.issuer!.sign({ sub: user, aud: AUD, now: new Date(h.t.clock.now().getTime() - 2 * 3600_000), expiresInSeconds: 3600 });
    const wrongAud = await h.token(user, { aud: '999999' });
    const { privateKey } = await generateKeyPair('ES256');
    const kid = (h.t.rt.issuer!.jwks().keys[0] as { kid: string }).kid;
    const nowS = Math.floor(h.t.clock.now().getTime() / 1000);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid }).setIssuer(h.t.rt.issuer!.issuer).setSubject(user).setAudience(AUD).setIssuedAt(nowS).setExpirationTime(nowS + 600).sign(privateKey);
    for (const token of [expired, wrongAud, forged, 'garbage']) {
      const res = await h.call('POST', path(org.id), { token, body: walkin() });
      expect(res.status).toBe(401);
      expect(res.json.error).toBeTruthy();
    }
    const expiredRes = await h.call('POST', path(org.id), { token: expired, body: walkin() });
    expect(expiredRes.json.error).toContain('หมดอายุ');
    expect(await h.countStored(org.id)).toEqual({ keys: 0, ratings: 0, comments: 0, aggregates: 0 });
    expect(h.t.logs()).not.toContain(user);
  });

  it('answers 404 for an unknown organisation', async () => {
    expect((await h.call('POST', path('no-such-org'), { token: await h.token(newUserId()), body: walkin() })).status).toBe(404);
    expect((await h.call('GET', path('no-such-org', '/summary'))).status).toBe(404);
  });
});

describe('bad input', () => {
  it.each([
    ['not an object', [1, 2], ''],
    ['no scores', { serviceId: 'tax' }, 'scores'],
    ['a score of 6', walkin({ scores: scores(6, 4, 3, 5, 4) }), 'scores.process'],
    ['a score of 0', walkin({ scores: scores(5, 0, 3, 5, 4) }), 'scores.staff'],
    ['a half score', walkin({ scores: scores(5, 4, 3.5, 5, 4) }), 'scores.facilities'],
    ['a word as score', walkin({ scores: { ...scores(5, 4, 3, 5, 4), quality: 'ดี' } }), 'scores.quality'],
    ['a missing item', walkin({ scores: { process: 5, staff: 4, facilities: 3, quality: 5 } }), 'scores.overall'],
    ['an unknown item', walkin({ scores: { ...scores(5, 4, 3, 5, 4), price: 5 } }), 'scores'],
    ['a long comment', walkin({ comment: 'ก'.repeat(501) }), 'comment'],
    ['an unknown age group', walkin({ ageGroup: '100+' }), 'ageGroup'],
    ['no service', { scores: allScores(5) }, 'serviceId'],
    ['an unknown service', walkin({ serviceId: 'spaceships' }), 'serviceId'],
    ['a closed service', walkin({ serviceId: 'closed-service' }), 'serviceId'],
    ['a bad service id', walkin({ serviceId: '../etc' }), 'serviceId'],
    ['both ticket and complaint', walkin({ ticketId: 'T1', complaintId: '01JD0000000000000000000001' }), 'complaintId'],
    ['an unknown field (a client-sent user id)', walkin({ userId: 'Uforged' }), ''],
  ])('refuses %s with 400 and field issues, storing nothing', async (_name, body, issuePath) => {
    const { org } = await h.givenOrgWithServices();
    const res = await h.call('POST', path(org.id), { token: await h.token(newUserId()), body });
    expect(res.status).toBe(400);
    expect(res.json.error).toBeTruthy();
    expect(res.json.issues.map((i: { path: string }) => i.path)).toContain(issuePath);
    for (const i of res.json.issues) expect(i.message).toMatch(/[ก-๙]|Unrecognized|Invalid|expected/);
    expect(await h.countStored(org.id)).toEqual({ keys: 0, ratings: 0, comments: 0, aggregates: 0 });
  });

  it('refuses broken JSON with 400', async () => {
    const { org } = await h.givenOrgWithServices();
    const res = await h.call('POST', path(org.id), { token: await h.token(newUserId()), raw: '{"serviceId": ' });
    expect(res.status).toBe(400);
    expect(res.json.issues).toHaveLength(1);
  });

  it('validates the results filters', async () => {
    const { org } = await h.givenOrgWithServices();
    for (const q of ['from=yesterday', 'to=2026-13', 'serviceId=a/b', 'from=2026-12-01&to=2026-11-01', 'from=2019-01-01']) {
      const res = await h.call('GET', path(org.id, `/summary?${q}`));
      expect(res.status, q).toBe(400);
      expect(res.json.issues.length, q).toBeGreaterThan(0);
    }
    const be = await h.call('GET', path(org.id, '/summary?from=2569-11&to=2569-11'));
    expect(be.status).toBe(200);
    expect(be.json.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('has no way to change or delete a rating', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    const ok = await h.call('POST', path(org.id), { token: await h.token(user), body: walkin() });
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await h.call(method, path(org.id, `/${encodeURIComponent(ok.json.id)}`), { token: await h.token(user), body: walkin({ scores: allScores(1) }) });
      expect(res.status).toBe(404);
    }
    const [stored] = await listRatings(h.t.rt.db, org.id);
    expect(stored?.scores).toEqual(scores(5, 4, 3, 5, 4));
  });
});

describe('concurrency', () => {
  it('stores exactly one rating when the same walk-in is submitted 12 times at once', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    const token = await h.token(user);
    const results = await Promise.all(Array.from({ length: 12 }, () => h.call('POST', path(org.id), { token, body: walkin() })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(11);
    expect(await h.countStored(org.id)).toEqual({ keys: 1, ratings: 1, comments: 0, aggregates: 1 });
    const sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.total.ratings).toBe(1);
    expect(sum.json.total.allItems.answers).toBe(5);
  });

  it('stores exactly one rating per ticket under concurrent submissions, and counts concurrent different raters exactly', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    h.addTicket(org.id, { id: 'T0100', serviceId: 'tax', userId: user, served: true });
    const token = await h.token(user);
    const dupes = await Promise.all(Array.from({ length: 8 }, () => h.call('POST', path(org.id), { token, body: { ticketId: 'T0100', scores: allScores(5) } })));
    expect(dupes.filter((r) => r.status === 201)).toHaveLength(1);
    const others = await Promise.all(Array.from({ length: 15 }, async (_, i) => h.call('POST', path(org.id), { token: await h.token(newUserId()), body: walkin({ scores: allScores((i % 5) + 1) }) })));
    expect(others.every((r) => r.status === 201)).toBe(true);
    const sum = await h.call('GET', path(org.id, '/summary?serviceId=civil-registration'));
    expect(sum.json.total.ratings).toBe(15);
    expect(sum.json.total.items.process.distribution).toEqual({ 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 });
    expect(sum.json.total.allItems).toMatchObject({ mean: 3, meanPercent: 60, satisfiedPercent: 40 });
  });

  it('completes a rating whose key was claimed but never written (a crash between the two writes)', async () => {
    const { org } = await h.givenOrgWithServices();
    const user = newUserId();
    const hash = raterHashOf(org.id, user);
    const key = ratingKey.walkin('civil-registration', '2026-11-22', hash);
    await claimRatingKey(h.t.rt.db, org.id, key, { ratingId: key, source: 'walkin', raterHash: hash, createdAt: h.t.clock.now().toISOString() });
    const soon = await h.call('POST', path(org.id), { token: await h.token(user), body: walkin() });
    expect(soon.status).toBe(409);
    expect(soon.json.error).toContain('กำลังบันทึก');
    h.t.clock.advance(3 * 60_000);
    const later = await h.call('POST', path(org.id), { token: await h.token(user), body: walkin() });
    expect(later.status).toBe(201);
    expect(later.json.id).toBe(key);
    expect(await h.countStored(org.id)).toEqual({ keys: 1, ratings: 1, comments: 0, aggregates: 1 });
    // Another person cannot complete someone else's orphaned key (they have their own key anyway).
    expect((await h.call('POST', path(org.id), { token: await h.token(user), body: walkin() })).status).toBe(409);
  });
});

describe('Bangkok week and month boundaries over HTTP', () => {
  it('files ratings on either side of Monday 00:00 and the 1st 00:00 Bangkok into the right week and month', async () => {
    const { org } = await h.givenOrgWithServices();
    const rate = async (at: string, s: number) => {
      h.t.clock.set(at);
      const res = await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: walkin({ scores: allScores(s) }) });
      expect(res.status).toBe(201);
    };
    await rate('2026-11-22T16:59:59.000Z', 5); // Sun 22 Nov 23:59:59 Bangkok: week 47
    await rate('2026-11-22T17:00:00.000Z', 4); // Mon 23 Nov 00:00 Bangkok: week 48
    await rate('2026-11-30T16:59:59.000Z', 3); // Mon 30 Nov 23:59:59 Bangkok: November, week 49
    await rate('2026-11-30T17:00:00.000Z', 2); // Tue 1 Dec 00:00 Bangkok: December, week 49
    h.t.clock.set('2026-12-10T03:00:00.000Z');
    const sum = await h.call('GET', path(org.id, '/summary?from=2026-11-16&to=2026-12-06'));
    expect(sum.status).toBe(200);
    const weeks = Object.fromEntries(sum.json.byWeek.map((w: { week: string; ratings: number; allItems: { mean: number } }) => [w.week, [w.ratings, w.allItems.mean]]));
    expect(weeks).toEqual({ '2026-W47': [1, 5], '2026-W48': [1, 4], '2026-W49': [2, 2.5] });
    expect(sum.json.byWeek[0]).toMatchObject({ from: '2026-11-16', to: '2026-11-22', partial: false });
    const months = Object.fromEntries(sum.json.byMonth.map((m: { month: string; ratings: number }) => [m.month, m.ratings]));
    expect(months).toEqual({ '2026-11': 3, '2026-12': 1 });
    // A filter by Bangkok date: 23 Nov only.
    const day = await h.call('GET', path(org.id, '/summary?from=2026-11-23&to=2026-11-23'));
    expect(day.json.total.ratings).toBe(1);
    expect(day.json.total.allItems.mean).toBe(4);
  });
});
