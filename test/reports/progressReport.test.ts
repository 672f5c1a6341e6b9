import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { latestProgress } from '../../functions/src/progress/service.ts';
import { dataUrl, jpegWithExif } from '../complaints/harness.ts';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

/**
 * Plan progress kept by staff, over real HTTP on the embedded Firestore, and the monitoring report built from it:
 * an update shows in the report at once, the report's text form imports back to the same figures, and history is kept.
 * The clock is 22 Nov 2026: fiscal year 2570, first half (six-month report 1 Oct 2026 – 31 Mar 2027).
 */
const fixture = readFileSync(new URL('../fixtures/plans/five-year-maesot-excerpt.txt', import.meta.url), 'utf8');

let t: TestApp;
let orgId = '';
let officer: { userId: string; token: string };
const YEAR = 2570;

beforeAll(async () => {
  t = await startTestApp({ at: '2026-11-22T03:00:00.000Z' });
  orgId = (await givenOrg(t, { name: 'เทศบาลนครแม่สอด' })).id;
  await importPlanDocument(t.rt.db, orgId, parsePlanDocument(fixture, { file: 'maesot.txt' }), t.clock.now());
  officer = await givenStaff(t, orgId, ['officer'], 'นางสาวผู้ติดตาม');
}, 60_000);
afterAll(async () => t?.stop());

const progressPath = (projectId: string) => `/api/orgs/${orgId}/staff/progress/${YEAR}/${projectId}`;
const update = (over: Record<string, unknown> = {}) => ({
  status: 'done',
  spentBaht: '๑๕,๐๐๐',
  approvedBaht: 20000,
  startedOn: '2026-10-05',
  finishedOn: '2026-11-20',
  outputs: 'อบรมบุคลากร 40 คน',
  results: 'ผู้เข้าอบรมร้อยละ 92 ผ่านแบบทดสอบหลังอบรม',
  expectedSeq: 0,
  ...over,
});

describe('progress kept by staff', () => {
  it('lists this half-year\'s projects of the current plan for officers, and refuses citizens and strangers', async () => {
    const list = await api(t, 'GET', `/api/orgs/${orgId}/staff/progress`, { token: officer.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ fiscalYear: YEAR, half: 1, current: { year: YEAR, half: 1 } });
    expect(list.body.projects).toHaveLength(35);
    expect(list.body.projects[0]).toMatchObject({ id: 'd1-1', dimension: 1, progress: null });
    const citizen = await api(t, 'GET', `/api/orgs/${orgId}/staff/progress`, { token: await idTokenFor(t, newUserId()) });
    expect(citizen.status).toBe(403);
    expect((await api(t, 'GET', `/api/orgs/${orgId}/staff/progress`)).status).toBe(401);
    const put = await api(t, 'PUT', progressPath('d1-3'), { token: await idTokenFor(t, newUserId()), body: update() });
    expect(put.status).toBe(403);
  });

  it('records an update with Thai digits, strips the photo\'s metadata and keeps who changed what', async () => {
    const photo = dataUrl('image/jpeg', jpegWithExif());
    const res = await api(t, 'PUT', progressPath('d1-3'), { token: officer.token, body: update({ addFiles: [photo] }) });
    expect(res.status).toBe(200);
    expect(res.body.progress).toMatchObject({ status: 'done', statusLabel: 'ดำเนินการแล้วเสร็จ', spentBaht: 15000, approvedBaht: 20000, finishedOn: '2026-11-20', fileCount: 1, seq: 1, updatedBy: 'นางสาวผู้ติดตาม' });
    expect(res.body.history).toEqual([expect.objectContaining({ seq: 1, by: 'นางสาวผู้ติดตาม', before: null, after: expect.objectContaining({ status: 'done', spentBaht: 15000 }) })]);
    expect(JSON.stringify(res.body)).not.toContain(officer.userId);

    const file = await fetch(`${t.rt.baseUrl}${res.body.progress.files[0].url}`, { headers: { authorization: `Bearer ${officer.token}` } });
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(bytes.toString('latin1')).not.toContain('GPS-SECRET');
    expect(bytes.toString('latin1')).not.toContain('somchai');
    expect((await fetch(`${t.rt.baseUrl}${res.body.progress.files[0].url}`)).status).toBe(401);
  });

  it('refuses a stale edit (409) and a bad one (400 with field issues), changing nothing', async () => {
    const stale = await api(t, 'PUT', progressPath('d1-3'), { token: officer.token, body: update({ status: 'in_progress', finishedOn: null, expectedSeq: 0 }) });
    expect(stale.status).toBe(409);
    const bad = await api(t, 'PUT', progressPath('d1-3'), { token: officer.token, body: update({ spentBaht: -5, startedOn: '5 ต.ค.', expectedSeq: 1 }) });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['spentBaht', 'startedOn']);
    const noReason = await api(t, 'PUT', progressPath('d1-3'), { token: officer.token, body: update({ status: 'cancelled', expectedSeq: 1 }) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toEqual([{ path: 'reason', message: 'กรุณาระบุเหตุผลที่ยกเลิกหรือเลื่อนการดำเนินการ' }]);
    const unknownProject = await api(t, 'PUT', progressPath('d4-99'), { token: officer.token, body: update() });
    expect(unknownProject.status).toBe(404);
    const now = await api(t, 'GET', progressPath('d1-3'), { token: officer.token });
    expect(now.body).toMatchObject({ seq: 1, progress: { status: 'done', spentBaht: 15000 } });
    expect(now.body.history).toHaveLength(1);
  });

  it('appends every change with its before and after', async () => {
    const first = await api(t, 'PUT', progressPath('d2-9'), { token: officer.token, body: update({ status: 'in_progress', finishedOn: null, spentBaht: 1000, results: '' }) });
    expect(first.status).toBe(200);
    const second = await api(t, 'PUT', progressPath('d2-9'), { token: officer.token, body: update({ status: 'cancelled', reason: 'งบประมาณถูกโอนไปแก้ปัญหาอุทกภัย', finishedOn: null, spentBaht: 1000, results: '', expectedSeq: 1 }) });
    expect(second.status).toBe(200);
    expect(second.body.history.map((h: { seq: number; before: { status: string } | null; after: { status: string } }) => [h.seq, h.before?.status ?? null, h.after.status])).toEqual([
      [1, null, 'in_progress'],
      [2, 'in_progress', 'cancelled'],
    ]);
  });

  it('publishes each project\'s progress without login, without its editor or file names', async () => {
    const res = await api(t, 'GET', `/api/orgs/${orgId}/progress?year=${YEAR}`);
    expect(res.status).toBe(200);
    const p = res.body.projects.find((x: { id: string }) => x.id === 'd1-3');
    expect(p.progress).toMatchObject({ status: 'done', spentBaht: 15000, fileCount: 1 });
    expect(p.progress).not.toHaveProperty('updatedBy');
    expect(p.progress).not.toHaveProperty('files');
    expect(JSON.stringify(res.body)).not.toContain('นางสาวผู้ติดตาม');
  });

  it('gives the chat its latest progress with the date of the data', async () => {
    const latest = await latestProgress(t.rt.db, orgId, 'd1-3');
    expect(latest).toMatchObject({ fiscalYear: YEAR, status: 'done', spentBaht: 15000, asOf: '2026-11-22' });
    expect(latest?.text).toContain('ใช้งบประมาณไปแล้ว 15,000 บาท');
    expect(latest?.text).toContain('ข้อมูล ณ วันที่ 22 พฤศจิกายน 2569');
    expect(await latestProgress(t.rt.db, orgId, 'd3-24')).toBeNull();
  });
});

describe('the chat answers from live progress', () => {
  it('puts the recorded progress, with its date, first in the answer to "how far" and "how much spent"', async () => {
    for (const text of ['โครงการฝึกอบรมการส่งเสริมคุณธรรมจริยธรรมบุคลากร ทำไปถึงไหนแล้ว', 'โครงการฝึกอบรมการส่งเสริมคุณธรรมจริยธรรมบุคลากร ใช้งบไปเท่าไร']) {
      const res = await api(t, 'POST', `/api/orgs/${orgId}/ask`, { body: { text } });
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ type: 'project', id: 'd1-3' });
      const first = res.body.messages[0];
      expect(first.type).toBe('text');
      expect(first.text).toContain('ดำเนินการแล้วเสร็จ');
      expect(first.text).toContain('ใช้งบประมาณไปแล้ว 15,000 บาท จากงบตามแผน 50,000 บาท');
      expect(first.text).toContain('ข้อมูล ณ วันที่ 22 พฤศจิกายน 2569');
      expect(res.body.messages.length).toBeLessThanOrEqual(5);
      // The spent figure traces to the recorded progress, the planned one to the plan.
      expect(res.body.sources).toContainEqual(expect.objectContaining({ figure: '15,000 บาท', kind: 'progress', projectId: 'd1-3', fiscalYear: YEAR, asOf: '2026-11-22' }));
      expect(res.body.sources).toContainEqual(expect.objectContaining({ figure: '50,000 บาท', kind: 'plan' }));
    }
    // Another question about the same project, and a project without recorded progress: answered as before.
    const who = await api(t, 'POST', `/api/orgs/${orgId}/ask`, { body: { text: 'โครงการฝึกอบรมการส่งเสริมคุณธรรมจริยธรรมบุคลากร ใครรับผิดชอบ' } });
    expect(JSON.stringify(who.body.messages)).not.toContain('ข้อมูล ณ วันที่');
    const none = await api(t, 'POST', `/api/orgs/${orgId}/ask`, { body: { text: 'โครงการโรงเรียนคุณธรรม ทำไปถึงไหนแล้ว' } });
    expect(JSON.stringify(none.body.messages)).not.toContain('ความคืบหน้าล่าสุด');
    // …and says plainly that nothing is recorded, without a figure.
    expect(none.body.messages[0].text).toContain('ยังไม่มีการบันทึกผลการดำเนินงาน');
    expect(none.body.sources).toEqual([]);
  });

  it('answers plan-wide "how many done / how much spent so far" from the recorded progress, with its date', async () => {
    for (const text of ['ทำเสร็จไปแล้วกี่โครงการ', 'ปีนี้ใช้งบไปเท่าไรแล้ว']) {
      const res = await api(t, 'POST', `/api/orgs/${orgId}/ask`, { body: { text } });
      expect(res.body.intent).toBe('progress');
      const first = res.body.messages[0].text;
      expect(first).toContain('ดำเนินการแล้วเสร็จ 1 จาก 35 โครงการ');
      expect(first).toContain('ยกเลิก/เลื่อน 1');
      expect(first).toContain('ใช้งบประมาณไปแล้วรวม 16,000 บาท');
      expect(first).toContain('ข้อมูล ณ วันที่ 22 พฤศจิกายน 2569');
      expect(res.body.sources).toContainEqual(expect.objectContaining({ figure: '16,000 บาท', kind: 'progress', fiscalYear: YEAR }));
      expect(res.body.results.map((r: { id: string }) => r.id).sort()).toEqual(['d1-3', 'd2-9']);
    }
  });
});

describe('the monitoring report', () => {
  it('shows a progress update at once, per dimension and per project', async () => {
    const res = await api(t, 'GET', `/api/orgs/${orgId}/reports/${YEAR}/six-month`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fiscalYear: YEAR, period: 'six-month', range: { from: '2026-10-01', to: '2027-03-31' }, asOf: '2026-11-22' });
    const d1 = res.body.dimensions.find((d: { dimension: number }) => d.dimension === 1);
    expect(d1).toMatchObject({ projectsDone: 1, budgetSpent: 15000, budgetByOrdinance: 20000 });
    expect(res.body.total).toMatchObject({ projectsPlanned: 35, projectsDone: 1, projectsCancelled: 1, budgetSpent: 16000 });
    const p = res.body.projects.find((x: { id: string }) => x.id === 'd1-3');
    expect(p).toMatchObject({ status: 'done', results: 'ผู้เข้าอบรมร้อยละ 92 ผ่านแบบทดสอบหลังอบรม' });

    // As of the day before the update, nothing was recorded.
    const before = await api(t, 'GET', `/api/orgs/${orgId}/reports/${YEAR}/six-month?asOf=2026-11-21`);
    expect(before.body.total).toMatchObject({ projectsDone: 0, budgetSpent: 0 });
    const future = await api(t, 'GET', `/api/orgs/${orgId}/reports/${YEAR}/six-month?asOf=2027-01-01`);
    expect(future.status).toBe(400);
  });

  it('round-trips through the importer: the generated text gives back the same figures', async () => {
    const model = (await api(t, 'GET', `/api/orgs/${orgId}/reports/${YEAR}/six-month`)).body;
    const res = await fetch(`${t.rt.baseUrl}/orgs/${orgId}/reports/${YEAR}/six-month.txt`);
    expect(res.status).toBe(200);
    const parsed = parsePlanDocument(await res.text(), { file: 'generated.txt' });
    expect(parsed).toMatchObject({ kind: 'report', template: 'progress-report', fiscalYears: [YEAR], org: { name: 'เทศบาลนครแม่สอด' } });
    expect(parsed.report?.period).toBe('รอบ 6 เดือน');
    const figures = (r: { dimension: number | null; projectsPlanned: number; projectsDone: number; budgetPlanned: number; budgetByOrdinance: number; budgetSpent: number; percentProjects: number; percentBudget: number }) =>
      [r.dimension, r.projectsPlanned, r.projectsDone, r.budgetPlanned, r.budgetByOrdinance, r.budgetSpent, r.percentProjects, r.percentBudget];
    expect(parsed.report?.dimensions.map(figures)).toEqual(model.dimensions.map(figures));
    expect(figures(parsed.report!.total!)).toEqual(figures(model.total));
    expect(parsed.fidelity.disagreements).toBe(0);
    // The projects carried out come back with their result and what they spent.
    expect(parsed.projects.map((p) => [p.dimension, p.name, p.budgets[String(YEAR)], p.activity?.results])).toEqual([
      [1, model.projects.find((p: { id: string }) => p.id === 'd1-3').name, 15000, ['ผู้เข้าอบรมร้อยละ 92 ผ่านแบบทดสอบหลังอบรม']],
    ]);
  });

  it('prints as an A4 page in Thai with Buddhist-era dates and page numbers, and exports CSV', async () => {
    const page = await fetch(`${t.rt.baseUrl}/orgs/${orgId}/reports/${YEAR}/six-month`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2570 รอบ 6 เดือน');
    expect(html).toContain('size:A4');
    expect(html).toContain('counter(page)');
    expect(html).toContain('1 ตุลาคม 2569');
    expect(html).toContain('ผู้เข้าอบรมร้อยละ 92');
    expect(html).toContain('<svg');
    const csv = await fetch(`${t.rt.baseUrl}/orgs/${orgId}/reports/${YEAR}/annual.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const raw = Buffer.from(await csv.arrayBuffer());
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = raw.toString('utf8');
    expect(text).toContain('รวม,35,1,410000.00,40000.00,16000.00,2.86,3.90');
    expect((await fetch(`${t.rt.baseUrl}/orgs/${orgId}/reports/${YEAR}/quarterly`)).status).toBe(400);
  });

  it('lets officers edit the problems and suggestions text', async () => {
    const path = `/api/orgs/${orgId}/staff/reports/${YEAR}/six-month/text`;
    expect((await api(t, 'PUT', path, { body: { problems: 'x' } })).status).toBe(401);
    const bad = await api(t, 'PUT', path, { token: officer.token, body: { problems: 'x'.repeat(4001) } });
    expect(bad.status).toBe(400);
    const ok = await api(t, 'PUT', path, { token: officer.token, body: { problems: 'การเบิกจ่ายล่าช้า', suggestions: 'ควรวางแผนจัดซื้อจัดจ้างล่วงหน้า' } });
    expect(ok.status).toBe(200);
    const html = await (await fetch(`${t.rt.baseUrl}/orgs/${orgId}/reports/${YEAR}/six-month`)).text();
    expect(html).toContain('การเบิกจ่ายล่าช้า');
    expect(html).toContain('ควรวางแผนจัดซื้อจัดจ้างล่วงหน้า');
  });
});
