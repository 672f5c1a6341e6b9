import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { ratingTextHandlers } from '../../functions/src/ratings/line.ts';
import { latestSatisfactionSummary, satisfactionMessages } from '../../functions/src/ratings/chat.ts';
import { runWeeklyRatingSummary } from '../../functions/src/ratings/weekly.ts';
import { newUserId } from '../support/app.ts';
import { allScores, LIFF_BASE, scores, startRatingsApp, type RatingsApp } from './harness.ts';

let h: RatingsApp;
beforeAll(async () => {
  h = await startRatingsApp();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => h.t.clock.set('2026-11-22T03:00:00.000Z'));

const path = (orgId: string, rest = '') => `/api/orgs/${orgId}/ratings${rest}`;
const staffPath = (orgId: string, rest = '') => `/api/orgs/${orgId}/staff/ratings${rest}`;
const rate = async (orgId: string, body: Record<string, unknown>, userId = newUserId()) => {
  const res = await h.call('POST', path(orgId), { token: await h.token(userId), body });
  expect(res.status).toBe(201);
  return res.json;
};
const flexChecks = (messages: unknown[]) => {
  for (const m of messages as Array<{ type: string; altText?: string; contents?: unknown }>) {
    if (m.type === 'flex') {
      expect(m.altText!.length).toBeLessThanOrEqual(1500);
      expect(Buffer.byteLength(JSON.stringify(m.contents))).toBeLessThan(30_000);
    }
  }
};

describe('low scores', () => {
  it('notify the staff group at once with scores and service only — no comment, no person', async () => {
    const { org, groupId } = await h.givenOrgWithServices();
    const rater = newUserId();
    const rating = await rate(org.id, { serviceId: 'tax', scores: scores(4, 2, 4, 4, 3), comment: 'นายสมชาย เบอร์ 0812345678 รอนานมาก' }, rater);
    const sent = h.notifier.sent.filter((n) => n.orgId === org.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: groupId, topic: 'rating.low', key: `ratings:low:${rating.id}:${groupId}` });
    const json = JSON.stringify(sent[0]!.messages);
    expect(json).toContain('งานจัดเก็บภาษี');
    expect(json).toContain('2 / 5');
    // The button opens the staff page on this service's low scores (the page reads ?service= and ?low=1).
    const buttons = JSON.stringify(sent[0]!.messages).match(/"uri":"[^"]*"/g) ?? [];
    expect(buttons).toEqual([`"uri":"${LIFF_BASE}/liff/${org.id}/staff/ratings?service=tax&low=1"`]);
    expect(json).not.toContain('สมชาย');
    expect(json).not.toContain('0812345678');
    expect(json).not.toContain(rater);
    flexChecks(sent[0]!.messages);
  });

  it('do not notify for scores of 3 or more', async () => {
    const { org } = await h.givenOrgWithServices();
    await rate(org.id, { serviceId: 'tax', scores: allScores(3) });
    await rate(org.id, { serviceId: 'tax', scores: scores(5, 5, 5, 5, 3) });
    expect(h.notifier.sent.filter((n) => n.orgId === org.id)).toHaveLength(0);
  });
});

describe('comments', () => {
  it('are for officers, admins and queue operators only; the public summary never has them', async () => {
    const { org, officer, admin, queueOperator, integrity } = await h.givenOrgWithServices();
    await rate(org.id, { serviceId: 'tax', scores: allScores(5), comment: 'บริการรวดเร็ว ขอบคุณครับ' });
    h.t.clock.advance(60_000);
    await rate(org.id, { serviceId: 'civil-registration', scores: allScores(2), comment: 'ห้องน้ำไม่สะอาด' });
    await rate(org.id, { serviceId: 'civil-registration', scores: allScores(4) });
    for (const who of [officer, admin, queueOperator]) {
      const res = await h.call('GET', staffPath(org.id, '/comments'), { token: await who.token() });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect(res.json.comments.map((c: { comment: string }) => c.comment)).toEqual(['ห้องน้ำไม่สะอาด', 'บริการรวดเร็ว ขอบคุณครับ']);
      expect(res.json.comments[0]).toMatchObject({ serviceId: 'civil-registration', serviceTitle: 'งานทะเบียนราษฎร', scores: allScores(2), source: 'walkin' });
      expect(JSON.stringify(res.json)).not.toMatch(/U[0-9a-f]{32}/);
    }
    const filtered = await h.call('GET', staffPath(org.id, '/comments?serviceId=tax'), { token: await officer.token() });
    expect(filtered.json.comments).toHaveLength(1);
    expect((await h.call('GET', staffPath(org.id, '/comments'), { token: await integrity.token() })).status).toBe(403);
    expect((await h.call('GET', staffPath(org.id, '/comments'), { token: await h.token(newUserId()) })).status).toBe(403);
    expect((await h.call('GET', staffPath(org.id, '/comments'))).status).toBe(401);
    expect((await h.call('GET', staffPath(org.id, '/comments?limit=9999'), { token: await officer.token() })).status).toBe(400);
    const pub = await h.call('GET', path(org.id, '/summary'));
    expect(pub.text).not.toContain('ห้องน้ำ');
    expect(pub.json.total.comments).toBe(2);
  });
});

describe('the target', () => {
  it('defaults to 80 % of the mean; an admin sets it from the plan; others cannot', async () => {
    const { org, admin, officer } = await h.givenOrgWithServices();
    await rate(org.id, { serviceId: 'tax', scores: allScores(4) });
    await rate(org.id, { serviceId: 'tax', scores: allScores(3) });
    // mean 3.5 → 70 %; satisfied 50 %.
    let sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.target).toMatchObject({ percent: 80, basis: 'mean', origin: 'default', label: 'เป้าหมายตั้งต้น (แผนไม่ได้ระบุ)' });
    expect(sum.json.total.meetsTarget).toBe(false);
    const body = { targetPercent: 70, targetBasis: 'mean', targetSource: 'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566-2570 มาตรการ 2.2.1' };
    expect((await h.call('PUT', staffPath(org.id, '/settings'), { token: await officer.token(), body })).status).toBe(403);
    const bad = await h.call('PUT', staffPath(org.id, '/settings'), { token: await admin.token(), body: { targetPercent: 150 } });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('targetPercent');
    const ok = await h.call('PUT', staffPath(org.id, '/settings'), { token: await admin.token(), body });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ targetPercent: 70, targetBasis: 'mean' });
    sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.target).toMatchObject({ percent: 70, basis: 'mean', source: body.targetSource, origin: 'admin', label: 'เป้าหมายที่หน่วยงานกำหนด' });
    expect(sum.json.total.meetsTarget).toBe(true);
    await h.call('PUT', staffPath(org.id, '/settings'), { token: await admin.token(), body: { ...body, targetBasis: 'satisfied' } });
    sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.total.meetsTarget).toBe(false); // 50 % satisfied < 70
  });
});

describe('the target the plan states', () => {
  it('is read from the current plan until an admin sets one, and the page says where it comes from', async () => {
    const { org, admin } = await h.givenOrgWithServices();
    const doc = parsePlanDocument(readFileSync(new URL('../fixtures/plans/five-year-maesot-excerpt.txt', import.meta.url), 'utf8'));
    const [first] = doc.projects;
    const kpi = '1) ประชาชนผู้รับบริการมีความพึงพอใจต่อคุณภาพการให้บริการ ไม่น้อยกว่า ร้อยละ 75 (สำรวจโดยใช้แบบประเมินความพึงพอใจการให้บริการ)';
    first!.detail = { name: first!.name, rationale: '', objectives: [], targetGroup: '', method: [], period: '', budgetText: '', budgetAmount: null, responsibleUnit: '', outputs: [], outcomes: [], kpis: [kpi], line: 1 };
    await importPlanDocument(h.t.rt.db, org.id, doc, h.t.clock.now());
    await rate(org.id, { serviceId: 'tax', scores: allScores(4) }); // mean 80 %

    const sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.json.target).toMatchObject({ percent: 75, basis: 'mean', origin: 'plan', label: 'เป้าหมายตามแผน' });
    expect(sum.json.target.source.startsWith(`${doc.title}: ${first!.name.slice(0, 60)}`)).toBe(true);
    expect(sum.json.total.meetsTarget).toBe(true);
    const settings = await h.call('GET', staffPath(org.id, '/settings'), { token: await admin.token() });
    expect(settings.json).toMatchObject({ targetPercent: 75, origin: 'plan' });
    const page = await h.call('GET', `/orgs/${org.id}/ratings/results`);
    expect(page.text).toContain('เป้าหมายตามแผน: ร้อยละความพึงพอใจ');
    expect(page.text).toContain('ไม่น้อยกว่าร้อยละ 75');

    const body = { targetPercent: 85, targetBasis: 'mean', targetSource: 'มติที่ประชุมผู้บริหาร' };
    expect((await h.call('PUT', staffPath(org.id, '/settings'), { token: await admin.token(), body })).status).toBe(200);
    const after = await h.call('GET', path(org.id, '/summary'));
    expect(after.json.target).toMatchObject({ percent: 85, origin: 'admin', source: 'มติที่ประชุมผู้บริหาร' });
    expect(after.json.total.meetsTarget).toBe(false);
  });
});

describe('the weekly summary card', () => {
  it('goes to each staff group once per ISO week, from Monday 08:00 Bangkok; later runs change nothing', async () => {
    const { org, groupId } = await h.givenOrgWithServices();
    // Week 46 (9-15 Nov) for comparison, week 47 (16-22 Nov) to summarise.
    h.t.clock.set('2026-11-12T03:00:00.000Z');
    await rate(org.id, { serviceId: 'tax', scores: allScores(3) });
    h.t.clock.set('2026-11-16T03:00:00.000Z');
    await rate(org.id, { serviceId: 'tax', scores: allScores(5), comment: 'ดี' });
    await rate(org.id, { serviceId: 'civil-registration', scores: allScores(4) });
    h.t.clock.set('2026-11-22T16:59:00.000Z'); // Sunday 23:59 Bangkok: still week 47
    await rate(org.id, { serviceId: 'civil-registration', scores: scores(5, 5, 4, 4, 3) });
    const before = h.notifier.sent.length;

    // Monday 07:59 Bangkok: not yet.
    expect(await runWeeklyRatingSummary({ db: h.t.rt.db, notifier: h.notifier, orgIds: [org.id] }, new Date('2026-11-23T00:59:00.000Z'))).toEqual([
      { orgId: org.id, week: '2026-W47', outcome: 'not-yet' },
    ]);
    const deps = { db: h.t.rt.db, notifier: h.notifier, orgIds: [org.id], liffLocalBase: LIFF_BASE };
    const first = await runWeeklyRatingSummary(deps, new Date('2026-11-23T01:00:00.000Z'));
    expect(first).toEqual([{ orgId: org.id, week: '2026-W47', outcome: 'sent', ratings: 3, groups: 1 }]);
    const cards = h.notifier.sent.slice(before);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ to: groupId, topic: 'rating.weekly', key: `ratings:weekly:${org.id}:2026-W47:${groupId}` });
    const json = JSON.stringify(cards[0]!.messages);
    // 3 ratings: 25 + 20 + 21 = 66 over 15 answers → 4.4 → 88 %; 4s and 5s: 14 of 15 → 93.3 %.
    expect(json).toContain('88.0%');
    expect(json).toContain('93.3%');
    expect(json).toContain('ร้อยละความพึงพอใจ (คะแนนเฉลี่ย 4.40 จาก 5)');
    expect(json).toContain('▲ 28.0 จากสัปดาห์ก่อน'); // 60 % the week before
    expect(json).toContain('มีความคิดเห็น 1 รายการ');
    expect(json).not.toContain('"ดี"');
    flexChecks(cards[0]!.messages);

    const again = await runWeeklyRatingSummary(deps, new Date('2026-11-23T01:01:00.000Z'));
    expect(again).toEqual([{ orgId: org.id, week: '2026-W47', outcome: 'already-done' }]);
    const later = await runWeeklyRatingSummary(deps, new Date('2026-11-26T05:00:00.000Z'));
    expect(later[0]?.outcome).toBe('already-done');
    expect(h.notifier.sent.length - before).toBe(1);
  });

  it('sends nothing for a week without ratings', async () => {
    const { org } = await h.givenOrgWithServices();
    const out = await runWeeklyRatingSummary({ db: h.t.rt.db, notifier: h.notifier, orgIds: [org.id] }, new Date('2026-11-23T01:00:00.000Z'));
    expect(out).toEqual([{ orgId: org.id, week: '2026-W47', outcome: 'no-ratings' }]);
    expect(h.notifier.sent.filter((n) => n.orgId === org.id)).toHaveLength(0);
  });
});

describe('the chat answer', () => {
  it('gives the latest month and the fiscal year so far, both definitions, against the target', async () => {
    const { org } = await h.givenOrgWithServices();
    h.t.clock.set('2026-09-20T03:00:00.000Z'); // fiscal year 2569
    await rate(org.id, { serviceId: 'tax', scores: allScores(1) });
    h.t.clock.set('2026-10-05T03:00:00.000Z'); // fiscal year 2570 starts 1 Oct 2026
    await rate(org.id, { serviceId: 'tax', scores: allScores(5) });
    await rate(org.id, { serviceId: 'tax', scores: allScores(3) });
    h.t.clock.set('2026-11-22T03:00:00.000Z');
    const s = await latestSatisfactionSummary(h.t.rt.db, org.id, h.t.clock.now());
    expect(s.latestMonth).toMatchObject({ month: '2026-10', label: 'ตุลาคม 2569', ratings: 2, mean: 4, meanPercent: 80, satisfiedPercent: 50 });
    expect(s.yearToDate).toMatchObject({ fiscalYear: 2570, from: '2026-10-01', to: '2026-11-22', ratings: 2, meanPercent: 80, satisfiedPercent: 50 });
    expect(s.target).toMatchObject({ percent: 80, basis: 'mean', metByYearToDate: true });
    const messages = satisfactionMessages(s, { results: `${LIFF_BASE}/liff/${org.id}/ratings/results`, rate: `${LIFF_BASE}/liff/${org.id}/ratings/new` });
    expect(messages).toHaveLength(1);
    const json = JSON.stringify(messages);
    expect(json).toContain('ร้อยละความพึงพอใจ (คะแนนเฉลี่ย 4.00 จาก 5)');
    expect(json).toContain('ผู้ที่พึงพอใจถึงพึงพอใจมาก (ให้ 4-5 คะแนน)');
    expect(json).toContain('ปีงบประมาณ 2570');
    expect(json).toContain('ratings/results');
    flexChecks(messages);
  });

  it('answers in chat through the text handler, and leaves other texts to the next handler', async () => {
    const { org } = await h.givenOrgWithServices();
    await rate(org.id, { serviceId: 'tax', scores: allScores(5) });
    const [handler] = ratingTextHandlers({ db: h.t.rt.db, liffLocalBase: LIFF_BASE });
    const fullOrg = (await getOrg(h.t.rt.db, org.id))!;
    const ctx = { org: fullOrg, event: {} as never, userId: newUserId(), chat: { type: 'user' as const, id: 'U1' }, now: h.t.clock.now() };
    const reply = await handler!.handle(ctx, 'ความพึงพอใจเป็นอย่างไร');
    expect(JSON.stringify(reply)).toContain('100.0%');
    expect(JSON.stringify(reply)).toContain(`${LIFF_BASE}/liff/${org.id}/ratings/results`);
    expect(await handler!.handle(ctx, 'อยากประเมินความพึงพอใจ')).toBeNull();
  });

  it('says so when there are no ratings yet, offering the form', async () => {
    const { org } = await h.givenOrgWithServices();
    const s = await latestSatisfactionSummary(h.t.rt.db, org.id, h.t.clock.now());
    expect(s.latestMonth).toBeNull();
    const [m] = satisfactionMessages(s, { rate: 'https://liff.line.me/x/ratings/new' });
    expect(JSON.stringify(m)).toContain('ยังไม่มีผลการประเมินความพึงพอใจ');
  });
});

describe('the poster and the form', () => {
  it('prints a QR code and the link of a service’s form, and refuses unknown services', async () => {
    const { org } = await h.givenOrgWithServices();
    const res = await h.call('GET', `/orgs/${org.id}/ratings/poster?serviceId=tax`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('งานจัดเก็บภาษี');
    expect(res.text).toContain(`${LIFF_BASE}/liff/${org.id}/ratings/new?service=tax`);
    expect(res.text).toMatch(/<svg [^>]*aria-label="QR Code ไปยังแบบประเมินความพึงพอใจ"/);
    expect(res.text).not.toContain('data-qr-url=');
    expect((await h.call('GET', `/orgs/${org.id}/ratings/poster?serviceId=nope`)).status).toBe(404);
    expect((await h.call('GET', `/orgs/${org.id}/ratings/poster?serviceId=<script>`)).status).toBe(400);
    const general = await h.call('GET', `/orgs/${org.id}/ratings/poster`);
    expect(general.text).toContain(`${LIFF_BASE}/liff/${org.id}/ratings/new`);
  });

  it('describes the form: items, scale, age groups and open services', async () => {
    const { org } = await h.givenOrgWithServices();
    const res = await h.call('GET', path(org.id, '/form'));
    expect(res.status).toBe(200);
    expect(res.json.items.map((i: { id: string }) => i.id)).toEqual(['process', 'staff', 'facilities', 'quality', 'overall']);
    expect(res.json.scores).toHaveLength(5);
    expect(res.json.services).toEqual([{ id: 'civil-registration', title: 'งานทะเบียนราษฎร' }, { id: 'tax', title: 'งานจัดเก็บภาษี' }]); // queue order; closed ones left out
  });
});

describe('rate limit', () => {
  it('refuses a caller who submits too fast, in Thai, and lets them in again later', async () => {
    const limited = await startRatingsApp({ ratingLimit: { limit: 2, windowMs: 60_000 } });
    try {
      const { org } = await limited.givenOrgWithServices();
      const user = newUserId();
      const post = async (serviceId: string) => limited.call('POST', path(org.id), { token: await limited.token(user), body: { serviceId, scores: allScores(5) } });
      expect((await post('tax')).status).toBe(201);
      expect((await post('civil-registration')).status).toBe(201);
      const third = await post('tax');
      expect(third.status).toBe(429);
      expect(third.json.error).toContain('ถี่เกินไป');
      // Someone else is not affected.
      expect((await limited.call('POST', path(org.id), { token: await limited.token(newUserId()), body: { serviceId: 'tax', scores: allScores(5) } })).status).toBe(201);
      limited.t.clock.advance(61_000);
      expect((await post('tax')).status).toBe(409); // allowed through the limit; refused as a duplicate
    } finally {
      await limited.stop();
    }
  });
});
