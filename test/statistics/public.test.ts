import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStandardManuals } from '../../functions/src/manuals/store.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { newServiceSchema } from '../../functions/src/queue/schema.ts';
import { createService } from '../../functions/src/queue/store.ts';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

/**
 * Public statistics of a fiscal year over real HTTP, against what the test itself did, counted here independently:
 * complaints (corruption apart, numbers only), first-response times and reopened share, queue times against the
 * service manual's standard, satisfaction per service against the target. No login, and nothing of a reporter or of
 * a corruption case's content on the page.
 */
let t: TestApp;
let orgId = '';
const HOUR = 3_600_000;
const MIN = 60_000;
const SECRET_TITLE = 'ปลัดเรียกรับเงินใต้โต๊ะโครงการถนน';
const SECRET_TEXT = 'มีการเรียกเงินสามหมื่นบาทจากผู้รับเหมารายหนึ่งที่บ้านเลขที่ 99';
const REPORTER = 'นายผู้แจ้ง ลับเฉพาะ';
const SERVICE = 'civil-registration';

const general = (title: string) => ({
  kind: 'general',
  category: 'street-light',
  title,
  description: 'ไฟถนนดับมาหลายคืนแล้ว มืดมาก อันตรายต่อคนเดินทาง',
  place: { text: 'ซอย 3 ถนนอินทรคีรี' },
  contact: { method: 'line', name: 'สมชาย ใจดี' },
  consent: true,
});

interface Done {
  general: { received: number; finished: number; firstResponseHours: number[]; everResolved: number; reopened: number };
  corruption: number;
  tickets: Array<{ waited: number; total: number | null }>;
  ratings: Array<Record<string, number>>;
  corruptionCode: string;
}
const done: Done = { general: { received: 0, finished: 0, firstResponseHours: [], everResolved: 0, reopened: 0 }, corruption: 0, tickets: [], ratings: [], corruptionCode: '' };

beforeAll(async () => {
  // Monday 2 November 2026, 09:00 Bangkok: fiscal year 2570.
  t = await startTestApp({ at: '2026-11-02T02:00:00.000Z' });
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลสถิติ' })).id;
  await seedStandardManuals(t.rt.db, (await getOrg(t.rt.db, orgId))!, t.clock.now());
  const fields = newServiceSchema.parse({ id: SERVICE, name: 'งานทะเบียนราษฎร', prefix: 'A', counters: [{ id: 'c1', name: 'ช่อง 1' }], manualIds: ['birth-registration'] });
  await createService(t.rt.db, orgId, { ...fields, createdAt: t.clock.now().toISOString(), updatedAt: t.clock.now().toISOString() });
  const officer = await givenStaff(t, orgId, ['officer', 'queue_operator'], 'เจ้าหน้าที่สถิติ');
  const base = `/api/orgs/${orgId}`;

  // Complaints: three general, one corruption report.
  const citizens = [newUserId(), newUserId(), newUserId()];
  const filed: Array<{ id: string; trackingCode: string }> = [];
  for (const [i, c] of citizens.entries()) {
    const res = await api(t, 'POST', `${base}/complaints`, { token: await idTokenFor(t, c), body: general(`ไฟถนนดับจุดที่ ${i + 1}`) });
    expect(res.status).toBe(201);
    filed.push(res.body as { id: string; trackingCode: string });
    done.general.received += 1;
  }
  const corruption = await api(t, 'POST', `${base}/complaints`, {
    body: { kind: 'corruption', category: 'bribery', title: SECRET_TITLE, description: SECRET_TEXT, contact: { method: 'phone', name: REPORTER, phone: '0899999999' }, consent: true },
  });
  expect(corruption.status).toBe(201);
  done.corruption += 1;
  done.corruptionCode = corruption.body.trackingCode;
  // Tokens last an hour and the clock moves on: a fresh one for each call, as the LIFF app gets.
  const status = async (id: string, body: Record<string, unknown>) => api(t, 'POST', `${base}/staff/complaints/${id}/status`, { token: await idTokenFor(t, officer.userId), body });

  t.clock.advance(2 * HOUR);
  expect((await status(filed[0]!.id, { to: 'acknowledged' })).status).toBe(200);
  done.general.firstResponseHours.push(2);
  t.clock.advance(1 * HOUR);
  expect((await status(filed[0]!.id, { to: 'resolved', note: 'เปลี่ยนหลอดไฟแล้ว' })).status).toBe(200);
  done.general.everResolved += 1;
  t.clock.advance(27 * HOUR); // 30 hours after filing
  expect((await status(filed[1]!.id, { to: 'resolved', note: 'ซ่อมสายไฟแล้ว' })).status).toBe(200);
  done.general.firstResponseHours.push(30);
  done.general.everResolved += 1;
  done.general.finished += 1;
  // The first complainant says it is not fixed: reopened, open again.
  const reopen = await api(t, 'POST', `${base}/complaints/track/${filed[0]!.trackingCode}/reopen`, { token: await idTokenFor(t, citizens[0]!), body: { reason: 'ไฟยังดับอยู่เหมือนเดิม' } });
  expect(reopen.status).toBe(200);
  done.general.reopened += 1;

  // Queue: three tickets; two served (5 + 10, 20 + 10 minutes), one still waiting.
  const day2 = new Date('2026-11-04T02:00:00.000Z');
  t.clock.set(day2);
  const tickets: Array<{ id: string }> = [];
  for (let i = 0; i < 3; i++) {
    const res = await api(t, 'POST', `${base}/services/${SERVICE}/tickets`, { token: await idTokenFor(t, newUserId()), body: {} });
    expect(res.status).toBe(201);
    tickets.push(res.body as { id: string });
  }
  const op = async (path: string, body: unknown = {}) => api(t, 'POST', `${base}/staff/queue/${path}`, { token: await idTokenFor(t, officer.userId), body });
  t.clock.advance(5 * MIN);
  expect((await op(`services/${SERVICE}/call-next`, { counterId: 'c1' })).status).toBe(200);
  expect((await op(`tickets/${tickets[0]!.id}/start`)).status).toBe(200);
  t.clock.advance(10 * MIN);
  expect((await op(`tickets/${tickets[0]!.id}/complete`)).status).toBe(200);
  done.tickets.push({ waited: 5, total: 15 });
  t.clock.advance(5 * MIN);
  expect((await op(`services/${SERVICE}/call-next`, { counterId: 'c1' })).status).toBe(200);
  expect((await op(`tickets/${tickets[1]!.id}/start`)).status).toBe(200);
  t.clock.advance(10 * MIN);
  expect((await op(`tickets/${tickets[1]!.id}/complete`)).status).toBe(200);
  done.tickets.push({ waited: 20, total: 30 });
  done.tickets.push({ waited: -1, total: null });

  // Ratings of the service from its QR code.
  for (const scores of [{ process: 5, staff: 5, facilities: 4, quality: 4, overall: 5 }, { process: 3, staff: 4, facilities: 2, quality: 3, overall: 3 }]) {
    const res = await api(t, 'POST', `${base}/ratings`, { token: await idTokenFor(t, newUserId()), body: { serviceId: SERVICE, scores } });
    expect(res.status).toBe(201);
    done.ratings.push(scores);
  }
}, 60_000);
afterAll(async () => t?.stop());

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('public statistics of a fiscal year', () => {
  it('agree with the complaints, tickets and ratings counted here', async () => {
    const res = await api(t, 'GET', `/api/orgs/${orgId}/statistics/2570`);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({ fiscalYear: 2570, range: { from: '2026-10-01', to: '2027-09-30' }, through: '2026-11-04' });
    const g = done.general;
    expect(s.complaints.general.totals).toMatchObject({ received: g.received, finished: g.finished, inProgress: g.received - g.finished });
    expect(s.complaints.general.response).toMatchObject({
      received: g.received,
      responded: g.firstResponseHours.length,
      medianHoursToFirstResponse: median(g.firstResponseHours),
      within1DayPercent: Math.round((g.firstResponseHours.filter((h) => h <= 24).length / g.received) * 1000) / 10,
      within3DaysPercent: Math.round((g.firstResponseHours.filter((h) => h <= 72).length / g.received) * 1000) / 10,
      everResolved: g.everResolved,
      reopened: g.reopened,
      reopenedPercent: Math.round((g.reopened / g.everResolved) * 1000) / 10,
    });
    expect(s.complaints.corruption).toEqual({ received: done.corruption, finished: 0, inProgress: done.corruption, overdue: 0 });

    const q = s.queue.services.find((x: { serviceId: string }) => x.serviceId === SERVICE);
    const served = done.tickets.filter((x) => x.total !== null);
    expect(q).toMatchObject({ issued: done.tickets.length, served: served.length, waitMedianMinutes: median(served.map((x) => x.waited)), totalMedianMinutes: median(served.map((x) => x.total!)) });
    // The standard is the birth-registration manual's stated total time.
    const manual = (await api(t, 'GET', `/api/orgs/${orgId}/manuals/birth-registration`)).body;
    expect(manual.totalTime.unit).toBe('minutes');
    expect(q.standard.minutes).toBe(manual.totalTime.amount);
    expect(q.withinStandardPercent).toBe(Math.round((served.filter((x) => x.total! <= manual.totalTime.amount).length / served.length) * 1000) / 10);

    const r = s.ratings.byService.find((x: { serviceId: string }) => x.serviceId === SERVICE);
    const answers = done.ratings.flatMap((x) => Object.values(x));
    expect(r.ratings).toBe(done.ratings.length);
    expect(r.allItems.meanPercent).toBe(Math.round((answers.reduce((a, b) => a + b, 0) / answers.length / 5) * 100 * 100) / 100);
    expect(r.allItems.satisfiedPercent).toBe(Math.round((answers.filter((x) => x >= 4).length / answers.length) * 100 * 100) / 100);
    expect(typeof r.meetsTarget).toBe('boolean');
    expect(s.ratings.target.percent).toBeGreaterThan(0);
  });

  it('is a printable page without login, with a chart beside each table and nothing of a reporter or a corruption case', async () => {
    const res = await fetch(`${t.rt.baseUrl}/orgs/${orgId}/statistics/2570`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('สถิติการให้บริการและเรื่องร้องเรียน ปีงบประมาณ 2570');
    expect(html).toContain('size:A4');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ');
    for (const secret of [SECRET_TITLE, SECRET_TEXT, REPORTER, '0899999999', done.corruptionCode, 'สมชาย']) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/U[0-9a-f]{32}/);
    const json = await (await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/statistics/2570`)).text();
    for (const secret of [SECRET_TITLE, SECRET_TEXT, REPORTER, done.corruptionCode, 'bribery']) expect(json).not.toContain(secret);
  });

  it('refuses a year that has not begun and a malformed year', async () => {
    expect((await api(t, 'GET', `/api/orgs/${orgId}/statistics/2572`)).status).toBe(404);
    expect((await api(t, 'GET', `/api/orgs/${orgId}/statistics/20x6`)).status).toBe(400);
  });
});
