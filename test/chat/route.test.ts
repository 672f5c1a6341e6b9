import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, loadDemoOrgs, seedDemoOrgs } from '../../functions/src/demo/orgs.ts';
import { createLogger } from '../../functions/src/log.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { startProductionApp, type ProductionTestApp } from '../support/app.ts';

/** The ask API of the app as production builds it (createApp, production configuration), with the Mae Sot demo plan. */
describe('POST /api/orgs/:orgId/ask over HTTP', () => {
  let app: ProductionTestApp;
  let base = '';
  beforeAll(async () => {
    app = await startProductionApp({ channels: ['maesot'] });
    base = app.baseUrl;
    const now = new Date('2026-12-02T05:00:00.000Z');
    const demos = (await loadDemoOrgs()).filter((d) => d.id === 'maesot');
    await seedDemoOrgs(app.db, demos, now, createLogger({ level: 'silent' }));
    const file = path.join(DATA_DIR, demos[0]?.planFile ?? '');
    await importPlanDocument(app.db, 'maesot', parsePlanDocument(await readFile(file, 'utf8'), { file: path.basename(file) }), now);
  }, 60_000);
  afterAll(async () => app.stop());

  const post = (org: string, body: unknown) =>
    fetch(`${base}/api/orgs/${org}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers with intent, results and the LINE messages', async () => {
    const res = await post('maesot', { text: 'มาตรการ NO Gift Policy คืออะไร' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { intent: string; results: Array<{ type: string; id: string; title: string; score: number }>; messages: unknown[] };
    expect(body.intent).toBe('project');
    expect(body.results[0]).toMatchObject({ type: 'project', title: 'มาตรการ NO Gift Policy' });
    expect(typeof body.results[0]?.score).toBe('number');
    expect(body.messages.length).toBeGreaterThan(0);
  });

  it('refuses empty text with a field issue', async () => {
    const res = await post('maesot', { text: '   ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: Array<{ path: string }> };
    expect(body.issues[0]?.path).toBe('text');
  });

  it('refuses a missing text and a text over 1,000 characters', async () => {
    expect((await post('maesot', {})).status).toBe(400);
    const huge = await post('maesot', { text: 'ก'.repeat(1001) });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBe('text');
  });

  it('answers emoji-only text helpfully', async () => {
    const res = await post('maesot', { text: '🙏🙏' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { intent: string }).intent).toBe('help');
  });

  it('refuses "today" outside local mode', async () => {
    const res = await post('maesot', { text: 'ปีนี้มีโครงการอะไรบ้าง', today: '2026-12-02' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBe('today');
  });

  it('answers 404 for an unknown organisation and 400 for a malformed id', async () => {
    expect((await post('nowhere', { text: 'สวัสดี' })).status).toBe(404);
    expect((await post('BAD_ID!', { text: 'สวัสดี' })).status).toBe(400);
  });
});
