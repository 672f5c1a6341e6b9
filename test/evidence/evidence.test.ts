import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_YEARS } from '../../functions/src/evidence/years/index.ts';
import { seedStandardManuals } from '../../functions/src/manuals/store.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { newServiceSchema } from '../../functions/src/queue/schema.ts';
import { createService } from '../../functions/src/queue/store.ts';
import { buildLiffApp } from '../liff/support.ts';
import { api, givenOrg, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

/**
 * The evidence index for the integrity assessment, over real HTTP: for the current assessment year (2570 on
 * 22 Nov 2026) every listed URL answers 200 without login, and no page shows a reporter or a corruption case.
 */
const fixture = readFileSync(new URL('../fixtures/plans/five-year-maesot-excerpt.txt', import.meta.url), 'utf8');
let t: TestApp;
const ORG = 'maesot';
const SECRET_TITLE = 'ผู้อำนวยการกองช่างเรียกรับเงินใต้โต๊ะ';
const SECRET_TEXT = 'เรียกเงินห้าหมื่นบาทจากผู้รับเหมาก่อสร้างถนนสายบ้านหนองบัว';
const REPORTER = 'นางผู้แจ้ง ไม่ประสงค์ออกนาม';
const CITIZEN = 'นายร้องเรียน ทั่วไป';
let corruptionCode = '';
let citizenId = '';

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp({ at: '2026-11-22T03:00:00.000Z' });
  await givenOrg(t, { id: ORG, name: 'เทศบาลนครแม่สอด', liffId: '1234567890-abcdefgh' });
  await importPlanDocument(t.rt.db, ORG, parsePlanDocument(fixture, { file: 'maesot.txt' }), t.clock.now());
  await seedStandardManuals(t.rt.db, (await getOrg(t.rt.db, ORG))!, t.clock.now());
  const fields = newServiceSchema.parse({ id: 'civil-registration', name: 'งานทะเบียนราษฎร', prefix: 'A', counters: [{ id: 'c1', name: 'ช่อง 1' }], manualIds: ['birth-registration'] });
  await createService(t.rt.db, ORG, { ...fields, createdAt: t.clock.now().toISOString(), updatedAt: t.clock.now().toISOString() });
  citizenId = newUserId();
  const general = await api(t, 'POST', `/api/orgs/${ORG}/complaints`, {
    token: await idTokenFor(t, citizenId),
    body: { kind: 'general', category: 'street-light', title: 'ไฟถนนดับหน้าตลาด', description: 'ไฟถนนดับมาสามคืน มืดมากอันตราย', place: { text: 'หน้าตลาดสด' }, contact: { method: 'phone', name: CITIZEN, phone: '0811111111' }, consent: true },
  });
  expect(general.status).toBe(201);
  const corruption = await api(t, 'POST', `/api/orgs/${ORG}/complaints`, {
    body: { kind: 'corruption', category: 'bribery', title: SECRET_TITLE, description: SECRET_TEXT, contact: { method: 'phone', name: REPORTER, phone: '0822222222' }, consent: true },
  });
  expect(corruption.status).toBe(201);
  corruptionCode = corruption.body.trackingCode;
  const rating = await api(t, 'POST', `/api/orgs/${ORG}/ratings`, { token: await idTokenFor(t, newUserId()), body: { serviceId: 'civil-registration', scores: { process: 5, staff: 5, facilities: 4, quality: 4, overall: 5 } } });
  expect(rating.status).toBe(201);
}, 120_000);
afterAll(async () => t?.stop());

/** A URL of the index as this test server serves it (local LIFF links carry the configured base, port 0 in tests). */
const onServer = (url: string) => {
  const u = new URL(url, t.rt.baseUrl);
  return `${t.rt.baseUrl}${u.pathname}${u.search}`;
};

describe('the evidence index', () => {
  it('lists the current assessment year\'s items, each with its source and readiness', async () => {
    const res = await api(t, 'GET', `/api/orgs/${ORG}/evidence`);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2570);
    const list = EVIDENCE_YEARS.get(2570)!;
    expect(res.body.items.map((i: { code: string }) => i.code)).toEqual(list.items.map((i) => i.code));
    for (const item of res.body.items) {
      expect(item).toEqual(expect.objectContaining({ code: expect.any(String), title: expect.any(String), ready: expect.any(Boolean), source: expect.stringContaining('2570') }));
      expect('updatedAt' in item && 'url' in item).toBe(true);
    }
    const by = (serves: string) => res.body.items.find((i: { serves: string }) => i.serves === serves);
    expect(by('plan')).toMatchObject({ ready: true });
    expect(by('service-manuals')).toMatchObject({ ready: true, url: `/api/orgs/${ORG}/manuals` });
    // The six-month period runs to 31 March 2027: not complete yet, and it says why.
    expect(by('report-six-month')).toMatchObject({ ready: false, url: `/orgs/${ORG}/reports/2570/six-month`, note: 'ยังไม่สิ้นสุดรอบรายงาน' });
    expect(by('complaint-statistics')).toMatchObject({ ready: true, url: `/orgs/${ORG}/statistics/2570` });
    expect(by('satisfaction-results')).toMatchObject({ ready: true });
    expect(by('service-statistics')).toMatchObject({ ready: false, note: 'ยังไม่มีบัตรคิวในปีนี้' });
    expect(by('corruption-channel').url).toContain('/liff/maesot/complaints/new/corruption');
  });

  it('gives URLs that answer 200 without login, none showing a reporter or a corruption case', async () => {
    const index = (await api(t, 'GET', `/api/orgs/${ORG}/evidence?year=2570`)).body;
    const urls = index.items.map((i: { url: string | null }) => i.url).filter(Boolean) as string[];
    expect(urls.length).toBeGreaterThanOrEqual(12);
    const pages = [...urls, `/orgs/${ORG}/evidence`, `/orgs/${ORG}/evidence?year=2566`];
    for (const url of pages) {
      const res = await fetch(onServer(url), { redirect: 'manual' });
      expect(res.status, url).toBe(200);
      const body = await res.text();
      for (const secret of [SECRET_TITLE, SECRET_TEXT, REPORTER, '0822222222', corruptionCode, CITIZEN, '0811111111', citizenId]) expect(body, `${url} shows ${secret}`).not.toContain(secret);
    }
  });

  it('answers a year without a list with 404 and a malformed year with 400', async () => {
    const unknown = await api(t, 'GET', `/api/orgs/${ORG}/evidence?year=2560`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('2566');
    expect((await api(t, 'GET', `/api/orgs/${ORG}/evidence?year=next`)).status).toBe(400);
  });

  it('keeps every year\'s list valid and says which codes were not checked against the manual', () => {
    for (const [year, list] of EVIDENCE_YEARS) {
      expect(list.year).toBe(year);
      expect(list.verification.length).toBeGreaterThan(20);
      if (!list.verified) expect(list.items.every((i) => !i.codeVerified)).toBe(true);
      expect(new Set(list.items.map((i) => i.code)).size).toBe(list.items.length);
    }
  });
});
