import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { api, startTestApp, type TestApp } from '../support/app.ts';

/** The public plan API over real HTTP: the server in local mode on an embedded Firestore (test/support/app.ts). */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), 'utf8');

let t: TestApp;
const orgId = `plans-api-${process.pid}`;
let firstPlanId = '';
let planId = '';

beforeAll(async () => {
  t = await startTestApp();
  const doc = parsePlanDocument(fixture('five-year-maesot-excerpt.txt'), { file: 'five-year-maesot-excerpt.txt' });
  // Two versions: the API lists both, the second is current.
  firstPlanId = (await importPlanDocument(t.rt.db, orgId, doc, new Date('2026-01-01T00:00:00Z'))).planId;
  planId = (await importPlanDocument(t.rt.db, orgId, doc, new Date('2026-02-01T00:00:00Z'))).planId;
});
afterAll(async () => t.stop());

describe('GET /api/orgs/:orgId/plans', () => {
  it('lists the complete versions and says which is current', async () => {
    const res = await api(t, 'GET', `/api/orgs/${orgId}/plans`);
    expect(res.status).toBe(200);
    expect(res.body.currentPlanId).toBe(planId);
    const plans = res.body.plans as { id: string; current: boolean; kind: string; projectCount: number; fiscalYears: number[] }[];
    expect(plans.map((p) => p.id).sort()).toEqual([firstPlanId, planId].sort());
    expect(plans.find((p) => p.id === planId)).toMatchObject({ current: true, kind: 'plan', projectCount: 35, fiscalYears: [2566, 2567, 2568, 2569, 2570] });
    expect(plans.find((p) => p.id === firstPlanId)?.current).toBe(false);
  });

  it('answers 404 for an unknown organisation and 400 with issues for a malformed id', async () => {
    const unknown = await api(t, 'GET', '/api/orgs/nobody-here/plans');
    expect(unknown.status).toBe(404);
    const bad = await api(t, 'GET', '/api/orgs/NOT_AN_ID/plans');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: 'orgId' })]);
  });
});

describe('GET /api/orgs/:orgId/plans/:planId', () => {
  it('gives the plan with its totals, fidelity and the list of projects', async () => {
    const res = await api(t, 'GET', `/api/orgs/${orgId}/plans/${planId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: planId, orgId, status: 'complete', org: { name: 'เทศบาลนครแม่สอด', district: 'แม่สอด', province: 'ตาก' } });
    expect(res.body.summary.byDimension.map((d: { projects: number }) => d.projects)).toEqual([8, 15, 5, 7]);
    expect(res.body.fidelity.checks.length).toBeGreaterThan(0);
    const projects = res.body.projects as { id: string; name: string; budgets: Record<string, number> }[];
    expect(projects).toHaveLength(35);
    expect(projects.find((p) => p.id === 'd1-8')).toEqual({
      id: 'd1-8',
      number: '8',
      name: 'โครงการโรงเรียนคุณธรรม',
      dimension: 1,
      mission: '1.3',
      budgets: { 2566: 50000, 2567: 50000, 2568: 50000, 2569: 50000, 2570: 50000 },
      responsibleUnit: null,
    });
  });

  it('answers 404 for an unknown plan and 400 with issues for a malformed plan id', async () => {
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/no-such-plan`)).status).toBe(404);
    const bad = await api(t, 'GET', `/api/orgs/${orgId}/plans/${encodeURIComponent('bad id!')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: 'planId' })]);
  });
});

describe('GET /api/orgs/:orgId/plans/:planId/projects/:projectId', () => {
  it('gives one project with its detail section', async () => {
    const res = await api(t, 'GET', `/api/orgs/${orgId}/plans/${planId}/projects/d1-1`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'd1-1', number: '1', dimension: 1, responsibleUnit: 'ฝ่ายนิติการ สำนักปลัดเทศบาล เทศบาลนครแม่สอด' });
    expect(res.body.detail.targetGroup).toBe('บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น จำนวน 300 คน');
    expect(res.body.detail.method).toHaveLength(5);
  });

  it('shows a shared budget as the document gives it: on the first item, the row named', async () => {
    const [a, b] = await Promise.all(['d3-24', 'd3-25'].map((id) => api(t, 'GET', `/api/orgs/${orgId}/plans/${planId}/projects/${id}`)));
    expect(a?.body.budgets['2566']).toBe(50000);
    expect(b?.body.budgets['2566']).toBe(0);
    expect(b?.body.budgetShared.projectIds).toEqual(['d3-24', 'd3-25', 'd3-26']);
  });

  it('answers 404 for an unknown project, plan or organisation, 400 with issues for malformed params', async () => {
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/${planId}/projects/d9-99`)).status).toBe(404);
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/no-such-plan/projects/d1-1`)).status).toBe(404);
    expect((await api(t, 'GET', `/api/orgs/nobody-here/plans/${planId}/projects/d1-1`)).status).toBe(404);
    const bad = await api(t, 'GET', `/api/orgs/NOT_AN_ID/plans/${encodeURIComponent('bad id!')}/projects/${encodeURIComponent('x y')}`);
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['orgId', 'planId', 'projectId']);
  });
});
