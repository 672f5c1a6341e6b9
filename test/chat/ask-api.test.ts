import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR, loadDemoOrgs, seedDemoOrgs } from '../../functions/src/demo/orgs.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { api, startTestApp, type TestApp } from '../support/app.ts';

/** The ask API over real HTTP on the embedded emulator, with the Mae Sot demo plan imported as the server does. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ at: '2026-12-02T05:00:00.000Z' });
  const demos = (await loadDemoOrgs()).filter((d) => d.id === 'maesot');
  await seedDemoOrgs(t.rt.db, demos, t.clock.now(), t.rt.log);
  const file = path.join(DATA_DIR, demos[0]?.planFile ?? '');
  await importPlanDocument(t.rt.db, 'maesot', parsePlanDocument(await readFile(file, 'utf8'), { file: path.basename(file) }), t.clock.now());
}, 60_000);
afterAll(async () => t.stop());

interface Asked {
  intent: string;
  results: Array<{ type: string; id: string; title: string }>;
  messages: Array<{ type: string; text?: string }>;
  sources: Array<{ figure: string; kind: string; planId?: string; line?: number }>;
}
const ask = async (body: Record<string, unknown>) => {
  const res = await api(t, 'POST', '/api/orgs/maesot/ask', { body });
  expect(res.status).toBe(200);
  return res.body as unknown as Asked;
};

describe('figures with their source', () => {
  it('answers a stated total as stated, says what the rows add up to, and names the plan line', async () => {
    const out = await ask({ text: 'งบประมาณรวมทั้งแผนปี 2567 เท่าไร' });
    expect(out.intent).toBe('budget.total');
    const lead = out.messages[0]?.text ?? '';
    expect(lead).toContain('ตามเอกสารระบุ 360,000 บาท');
    expect(lead).toContain('(รวมรายการได้ 410,000 บาท)');
    expect(lead).toContain('ที่มา: แผนปฏิบัติการฯ บรรทัด 162');
    expect(out.sources[0]).toMatchObject({ figure: '360,000 บาท', kind: 'plan', line: 162 });
    expect(out.sources[0]?.planId).toEqual(expect.any(String));
  });
});

describe('conversations and the day of the question', () => {
  it('keeps follow-up context within one API conversation and nowhere else', async () => {
    await ask({ text: 'กองคลังมีโครงการอะไรบ้าง', conversation: 'c-1' });
    const second = await ask({ text: 'อันที่ 2 งบเท่าไร', conversation: 'c-1' });
    expect(second.intent).toBe('project.budget');
    const fresh = await ask({ text: 'อันที่ 2 งบเท่าไร' });
    expect(fresh.intent).not.toBe('project.budget');
  });

  it('reads "ปีหน้า" against the fiscal year of the given day', async () => {
    const out = await ask({ text: 'ปีหน้างบรวมเท่าไร', today: '2024-12-01' }); // FY 2568 → next is 2569
    expect(out.messages[0]?.text).toContain('ปี 2569');
    const later = await ask({ text: 'ปีหน้างบรวมเท่าไร', today: '2025-10-01' }); // FY 2569 → next is 2570
    expect(later.messages[0]?.text).toContain('ปี 2570');
  });

  it('refuses a malformed day or conversation id with field issues', async () => {
    const bad = await api(t, 'POST', '/api/orgs/maesot/ask', { body: { text: 'สวัสดี', today: '2/12/2026', conversation: 'ไม่ใช่ id' } });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { issues: Array<{ path: string }> }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['conversation', 'today']);
  });
});

describe('abstention', () => {
  it('says plainly that weather is not covered, with no project or manual card', async () => {
    const out = await ask({ text: 'พรุ่งนี้ฝนตกไหม' });
    expect(out.intent).toBe('unknown');
    expect(out.messages.every((m) => m.type === 'text')).toBe(true);
    expect(out.messages[0]?.text).toContain('ไม่มีในแผนปฏิบัติการและคู่มือบริการ');
  });
});
