import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_MANUAL_IDS } from '../../functions/src/manuals/standard.ts';
import { getManual, saveManuals, seedStandardManuals } from '../../functions/src/manuals/store.ts';
import { createOrgIfAbsent } from '../../functions/src/orgs/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { NOW, testOrg, testTambonOrg } from './helpers.ts';

/** The manual routes of the real app (createApp, over HTTP, on the embedded Firestore). */
let t: TestApp;
let db: Firestore;
let base: string;

beforeAll(async () => {
  t = await startTestApp();
  db = t.rt.db;
  base = t.rt.baseUrl;
  const org = testOrg();
  await createOrgIfAbsent(db, org);
  await seedStandardManuals(db, org, NOW);
  await createOrgIfAbsent(db, testTambonOrg()); // not seeded: served from the standard templates
});

afterAll(async () => t.stop());

const get = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('manual routes over HTTP', () => {
  it('lists every manual with id, title and summary', async () => {
    const { status, body } = await get('/api/orgs/maesot/manuals');
    expect(status).toBe(200);
    const manuals = body.manuals as Array<{ id: string; title: string; summary: string; totalTime: string; fee: string }>;
    expect(manuals.map((m) => m.id)).toEqual([...STANDARD_MANUAL_IDS]);
    for (const m of manuals) {
      expect(m.title.length).toBeGreaterThan(3);
      expect(m.summary.length).toBeGreaterThan(10);
      expect(m.totalTime).toBeTruthy();
      expect(m.fee).toBeTruthy();
    }
  });

  it('returns one full manual', async () => {
    const { status, body } = await get('/api/orgs/maesot/manuals/birth-registration');
    expect(status).toBe(200);
    expect(body.id).toBe('birth-registration');
    expect(body.title).toBe('การแจ้งเกิด (ขอสูติบัตร)');
    expect(Array.isArray(body.steps) && body.steps.length).toBeGreaterThan(0);
    expect(Array.isArray(body.documents) && body.documents.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).toContain('เทศบาลนครแม่สอด');
  });

  it('serves what the organisation edited', async () => {
    const current = await getManual(db, 'maesot', 'water-supply');
    if (!current) throw new Error('seeded manual missing');
    await saveManuals(db, 'maesot', [{ ...current, summary: 'ขอใช้น้ำประปาเทศบาล ติดตั้งภายใน 5 วันทำการ' }], new Date(NOW.getTime() + 1000));
    const { body } = await get('/api/orgs/maesot/manuals/water-supply');
    expect(body.summary).toBe('ขอใช้น้ำประปาเทศบาล ติดตั้งภายใน 5 วันทำการ');
    expect(body.source).toBe('organisation');
  });

  it('answers with the standard set for an organisation not seeded yet', async () => {
    const list = await get('/api/orgs/intapramul/manuals');
    expect(list.status).toBe(200);
    expect((list.body.manuals as unknown[]).length).toBe(STANDARD_MANUAL_IDS.length);
    const one = await get('/api/orgs/intapramul/manuals/move-in');
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).toContain('ที่ว่าการอำเภอโพธิ์ทอง');
  });

  it('answers 404 for an unknown organisation or manual', async () => {
    expect((await get('/api/orgs/nowhere/manuals')).status).toBe(404);
    expect((await get('/api/orgs/nowhere/manuals/birth-registration')).status).toBe(404);
    const missing = await get('/api/orgs/maesot/manuals/passport');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('ไม่พบคู่มือบริการนี้');
  });

  it('answers 400 with field issues for malformed ids', async () => {
    const badOrg = await get('/api/orgs/MAE%20SOT/manuals');
    expect(badOrg.status).toBe(400);
    expect((badOrg.body.issues as Array<{ path: string }>)[0]?.path).toBe('orgId');
    const badManual = await get('/api/orgs/maesot/manuals/' + encodeURIComponent('../secrets'));
    expect(badManual.status).toBe(400);
    expect((badManual.body.issues as Array<{ path: string }>)[0]?.path).toBe('id');
  });
});
