import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../functions/src/cli/import.ts';
import { api, givenOrg, givenStaff, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import type { DraftView, FlagView } from '../../functions/src/contracts/plans.ts';
import { importDraftWithEnglishReasonsOnly } from './support/legacyDraft.ts';

/**
 * Draft → review → publish over HTTP (real server in local mode, embedded Firestore): `npm run import` without
 * --publish stores a draft that neither chat nor the public plan API serve; an admin edits and accepts its flagged
 * fields (each recorded: who, when, before/after) and publishes it; chat answers from it within 5 s, no restart.
 */
const PUBLISHED = 'test/fixtures/plans/variants/v06-maesot-d2-many-items-one-cell.txt';
const DRAFT = 'test/fixtures/plans/variants/v02-maesot-d3d4-mission-in-cell.txt';

let t: TestApp;
let orgId: string;
let admin: { userId: string; token: string };
let officer: { userId: string; token: string };

async function importFile(org: string, file: string, publish: boolean) {
  process.env.FIRESTORE_EMULATOR_HOST = t.emulator.host;
  process.env.GCLOUD_PROJECT = t.rt.config.projectId;
  const lines: string[] = [];
  const code = await runImport(['--org', org, '--file', file, ...(publish ? ['--publish'] : [])], (l) => lines.push(l));
  expect(code).toBe(0);
  return lines.join('\n');
}

const ask = async (org: string, text: string) => (await api(t, 'POST', `/api/orgs/${org}/ask`, { body: { text } })).body;
const titles = (answer: Record<string, unknown>) => (answer.results as Array<{ title: string }>).map((r) => r.title);

beforeAll(async () => {
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลนครแม่สอด' })).id;
  admin = await givenStaff(t, orgId, ['admin'], 'สมชาย ผู้ดูแลระบบ');
  officer = await givenStaff(t, orgId, ['officer'], 'สมหญิง เจ้าหน้าที่');
  await importFile(orgId, PUBLISHED, true);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('draft plans: review and publish', { timeout: 60_000 }, () => {
  let draftId: string;

  it('an import without --publish is stored as a draft that chat and the public plan API do not serve', async () => {
    const printed = await importFile(orgId, DRAFT, false);
    expect(printed).toMatch(/as a DRAFT/);
    draftId = /plan (\S+) written/.exec(printed)![1]!;

    const plans = await api(t, 'GET', `/api/orgs/${orgId}/plans`);
    expect(plans.body.currentPlanId).not.toBe(draftId);
    expect(plans.body.plans.map((p: { id: string }) => p.id)).not.toContain(draftId);
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/${draftId}`)).status).toBe(404);

    // The published plan still answers; the draft's projects do not.
    expect(titles(await ask(orgId, 'โครงการจัดเวทีประชาคม'))).not.toContainEqual(expect.stringContaining('จัดเวทีประชาคม'));
    expect(titles(await ask(orgId, 'มิติที่ 2 มีโครงการอะไรบ้าง')).length).toBeGreaterThan(0);
  });

  it('only admins reach the drafts', async () => {
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts`)).status).toBe(401);
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts`, { token: officer.token })).status).toBe(403);
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts/${draftId}`, { token: officer.token })).status).toBe(403);
    const edit = await api(t, 'POST', `/api/orgs/${orgId}/plans/drafts/${draftId}/projects/d3-27/edit`, { token: officer.token, body: { field: 'name', value: 'ชื่อใหม่' } });
    expect(edit.status).toBe(403);
    expect((await api(t, 'POST', `/api/orgs/${orgId}/plans/drafts/${draftId}/publish`, { token: officer.token })).status).toBe(403);
  });

  it('an admin sees the draft with flagged fields first and the source lines they point at', async () => {
    const list = await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts`, { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.drafts).toEqual([expect.objectContaining({ id: draftId, projectCount: 12, flaggedProjects: 2, openFlags: 10 })]);

    const draft = await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts/${draftId}`, { token: admin.token });
    expect(draft.status).toBe(200);
    const [first, second, third] = draft.body.projects;
    expect([first.id, second.id]).toEqual(['d3-27', 'd3-28']);
    expect(third.openFlags).toBe(0);
    expect(first.fields.slice(0, 5).map((f: { field: string; state: string }) => [f.field, f.state])).toEqual(
      ['2566', '2567', '2568', '2569', '2570'].map((y) => [`budgets.${y}`, 'open']),
    );
    const flagged = first.fields[0];
    expect(flagged.value).toBe(50000);
    expect(flagged.flags[0]).toEqual({ reason: expect.stringMatching(/one set of figures/), reasonTh: 'เอกสารพิมพ์งบประมาณชุดเดียวสำหรับ 2 โครงการ (ลำดับ 27, 28) — โปรดตรวจสอบงบประมาณของแต่ละโครงการ', line: 12 });
    // The source line the flag names, as the document prints it.
    expect(flagged.source.find((l: { line: number }) => l.line === 12)?.text).toMatch(/มาตรการจัดการเรื่องราวร้องทุกข์/);
    expect(first.fields.find((f: { field: string }) => f.field === 'name').state).toBe('unflagged');
  });

  it('a bad value is refused with field issues and changes nothing', async () => {
    const path = `/api/orgs/${orgId}/plans/drafts/${draftId}/projects/d3-27/edit`;
    const bad = await api(t, 'POST', path, { token: admin.token, body: { field: 'budgets.2566', value: 'ห้าหมื่น' } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('value');
    expect((await api(t, 'POST', path, { token: admin.token, body: { field: 'budgets.2599', value: 1 } })).status).toBe(400);
    expect((await api(t, 'POST', path, { token: admin.token, body: { field: 'owner', value: 'x' } })).body.issues[0].path).toBe('field');
    const draft = await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts/${draftId}`, { token: admin.token });
    expect(draft.body.log).toEqual([]);
    expect(draft.body.projects[0].fields[0]).toMatchObject({ field: 'budgets.2566', value: 50000, state: 'open' });
  });

  it('cannot be published while a flagged field is unchecked', async () => {
    const res = await api(t, 'POST', `/api/orgs/${orgId}/plans/drafts/${draftId}/publish`, { token: admin.token });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/10 ช่อง/);
  });

  it('edits and acceptances are recorded with who, when, before and after', async () => {
    const base = `/api/orgs/${orgId}/plans/drafts/${draftId}/projects`;
    const edit = await api(t, 'POST', `${base}/d3-27/edit`, { token: admin.token, body: { field: 'budgets.2566', value: '๒๕,๐๐๐' } });
    expect(edit.status).toBe(201);
    expect(edit.body.entry).toMatchObject({ action: 'edit', field: 'budgets.2566', before: 50000, after: 25000 });
    const rename = await api(t, 'POST', `${base}/d3-24/edit`, { token: admin.token, body: { field: 'name', value: 'โครงการจัดเวทีประชาคมรับฟังความเห็นประชาชน' } });
    expect(rename.status).toBe(201);
    for (const id of ['d3-27', 'd3-28']) {
      for (const y of ['2566', '2567', '2568', '2569', '2570']) {
        if (id === 'd3-27' && y === '2566') continue;
        expect((await api(t, 'POST', `${base}/${id}/accept`, { token: admin.token, body: { field: `budgets.${y}` } })).status).toBe(201);
      }
    }
    const draft = await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts/${draftId}`, { token: admin.token });
    expect(draft.body.openFlags).toBe(0);
    expect(draft.body.log).toHaveLength(11);
    expect(draft.body.log[0]).toMatchObject({ action: 'edit', by: 'สมชาย ผู้ดูแลระบบ', projectId: 'd3-27', field: 'budgets.2566', before: 50000, after: 25000, at: t.clock.now().toISOString() });
    expect(draft.body.log[1]).toMatchObject({ action: 'edit', projectId: 'd3-24', field: 'name', before: 'โครงการจัดเวทีประชาคม' });
    expect(draft.body.log[2]).toMatchObject({ action: 'accept', projectId: 'd3-27', field: 'budgets.2567', before: 50000, after: 50000 });
    // Reviewers working at once: every action gets its own entry, none overwritten.
    await Promise.all(Array.from({ length: 6 }, () => api(t, 'POST', `${base}/d4-29/accept`, { token: admin.token, body: { field: 'name' } })));
    const after = (await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts/${draftId}`, { token: admin.token })).body.log;
    expect(after).toHaveLength(17);
    expect(new Set(after.map((e: { id: string }) => e.id)).size).toBe(17);

    // All years at once: every fiscal year must be given, Thai digits and commas accepted.
    const partial = await api(t, 'POST', `${base}/d4-33/edit`, { token: admin.token, body: { field: 'budgets', value: { 2566: 1 } } });
    expect(partial.status).toBe(400);
    expect(partial.body.issues.map((i: { path: string }) => i.path)).toContain('value.2570');
    const all = { 2566: '๓๐,๐๐๐', 2567: 30000, 2568: 30000, 2569: 0, 2570: 0 };
    const whole = await api(t, 'POST', `${base}/d4-33/edit`, { token: admin.token, body: { field: 'budgets', value: all } });
    expect(whole.status).toBe(201);
    expect(whole.body.entry).toMatchObject({ before: { 2566: 30000, 2567: 30000, 2568: 30000, 2569: 30000, 2570: 30000 }, after: { 2566: 30000, 2567: 30000, 2568: 30000, 2569: 0, 2570: 0 } });
    const p27 = draft.body.projects.find((p: { id: string }) => p.id === 'd3-27');
    expect(p27.fields.find((f: { field: string }) => f.field === 'budgets.2566')).toMatchObject({ value: 25000, state: 'edited', last: { action: 'edit', by: 'สมชาย ผู้ดูแลระบบ' } });
  });

  it('publishing makes it the current plan, answered once the engine next checks (2 s), without a restart, and closes it to edits', async () => {
    const before = (await api(t, 'GET', `/api/orgs/${orgId}/plans`)).body.currentPlanId;
    const res = await api(t, 'POST', `/api/orgs/${orgId}/plans/drafts/${draftId}/publish`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ planId: draftId, previousPlanId: before });

    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans`)).body.currentPlanId).toBe(draftId);
    const plan = await api(t, 'GET', `/api/orgs/${orgId}/plans/${draftId}`);
    expect(plan.status).toBe(200);
    expect(plan.body.summary.byYear['2566']).toBe(180000 - 25000);
    expect(plan.body.summary.byYear['2570']).toBe(180000 - 30000);
    // The engine checks the organisation's version every 2 s of the app's clock: move it past that, no waiting.
    t.clock.advance(2_000);
    expect(titles(await ask(orgId, 'โครงการจัดเวทีประชาคมรับฟังความเห็นประชาชน'))[0]).toBe('โครงการจัดเวทีประชาคมรับฟังความเห็นประชาชน');

    const log = (await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts/${draftId}`, { token: admin.token })).body.log;
    expect(log.at(-1)).toMatchObject({ action: 'publish', by: 'สมชาย ผู้ดูแลระบบ', before, after: draftId });
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts`, { token: admin.token })).body.drafts).toEqual([]);
    const late = await api(t, 'POST', `/api/orgs/${orgId}/plans/drafts/${draftId}/projects/d3-27/edit`, { token: admin.token, body: { field: 'name', value: 'ชื่อหลังเผยแพร่' } });
    expect(late.status).toBe(409);
    expect((await api(t, 'POST', `/api/orgs/${orgId}/plans/drafts/${draftId}/publish`, { token: admin.token })).status).toBe(409);
  });
});

describe('source lines kept with a draft', { timeout: 60_000 }, () => {
  it('serve the lines a flag names anywhere in a long document, beside the item\'s own row', async () => {
    const file = 'data/plans/maesot-plan-2566-2570.txt';
    const lines = readFileSync(file, 'utf8').split('\n');
    const org = (await givenOrg(t, { name: 'เทศบาลนครแม่สอด' })).id;
    const boss = await givenStaff(t, org, ['admin']);
    const planId = /plan (\S+) written/.exec(await importFile(org, file, false))![1]!;
    const draft = (await api(t, 'GET', `/api/orgs/${org}/plans/drafts/${planId}`, { token: boss.token })).body;
    expect(draft.projects.slice(0, 2).map((p: { id: string }) => p.id)).toEqual(['d1-2', 'd1-5']);
    // d1-5: its row (line 123) gives 50,000, its detail section (heading line 401) says 30,000 at line 437: the flag
    // points at the statement itself; both shown, as printed.
    const budget = draft.projects[1].fields[0];
    expect(budget.flags[0]).toEqual({ reason: expect.stringMatching(/30,000.*50,000/), reasonTh: expect.stringMatching(/^รายละเอียดโครงการระบุ 30,000 บาท แต่ตารางสรุประบุ 50,000 บาท/), line: 437 });
    expect(lines[436]).toBe('30,000 บาท');
    expect(budget.source.map((l: { line: number }) => l.line)).toEqual([123, 436, 437, 438]);
    for (const l of budget.source) expect(l.text).toBe(lines[l.line - 1]);
    // Past the first stored chunk of 500 lines: an item's detail heading deep in the document.
    const deep = draft.projects.flatMap((p: { fields: Array<{ field: string; source: Array<{ line: number; text: string }> }> }) => p.fields.find((f) => f.field === 'name')!.source).filter((l: { line: number }) => l.line > 1000);
    expect(deep.length).toBeGreaterThan(5);
    for (const l of deep) expect(l.text).toBe(lines[l.line - 1]);
  });
});

describe('an organisation created by npm run import gets a local sandbox channel', { timeout: 60_000 }, () => {
  it('/dev/chat answers for it, from its published plan', async () => {
    const newOrg = `imported-${process.pid}`;
    const printed = await importFile(newOrg, DRAFT, true);
    expect(printed).toMatch(/created organisation/);
    const res = await fetch(`${t.rt.baseUrl}/dev/chat/${newOrg}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: newUserId(), text: 'โครงการจัดเวทีประชาคม งบเท่าไร' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { webhookStatus: number; messages: unknown[] };
    expect(body.webhookStatus).toBe(200);
    expect(JSON.stringify(body.messages)).toContain('จัดเวทีประชาคม');
    // Its LIFF logins verify too: the local LINE Login channel was given to it.
    const org = await api(t, 'GET', `/api/orgs/${newOrg}`);
    expect(org.body.liffId).toBeTruthy();
  });
});

describe('a 1-year plan whose appendix contradicts its table: the review page shows each contradicted field', { timeout: 60_000 }, () => {
  const ONE_YEAR = 'test/fixtures/plans/variants/v20-maesaimitraphap-appendix-contradictions.txt';

  it('flags the budget, unit and name the detail sections contradict, with the detail line and its text beside the field', async () => {
    const org = (await givenOrg(t, { name: 'เทศบาลตำบลแม่สายมิตรภาพ' })).id;
    const reviewer = await givenStaff(t, org, ['admin'], 'ผู้ตรวจแผน');
    const printed = await importFile(org, ONE_YEAR, false);
    expect(printed).toMatch(/budgets\.2565: the detail section states ไม่ใช้งบประมาณ/);
    const planId = /plan (\S+) written/.exec(printed)![1]!;
    const draft = (await api(t, 'GET', `/api/orgs/${org}/plans/drafts/${planId}`, { token: reviewer.token })).body;
    type Field = { field: string; value: unknown; flags: { reason: string; reasonTh: string | null; line: number }[]; state: string; source: { line: number; text: string }[] };
    const field = (id: string, name: string) => (draft.projects as { id: string; fields: Field[] }[]).find((p) => p.id === id)?.fields.find((f) => f.field === name);
    const text = readFileSync(ONE_YEAR, 'utf8').split('\n');
    const lineOf = (s: string) => text.findIndex((l) => l.includes(s)) + 1;

    const budget = field('d1-3', 'budgets.2565');
    expect(budget).toMatchObject({ value: 5000, state: 'open' });
    expect(budget?.flags[0]?.reason).toMatch(/ไม่ใช้งบประมาณ/);
    expect(budget?.flags[0]?.reasonTh).toMatch(/^รายละเอียดโครงการระบุว่าไม่ใช้งบประมาณ แต่ตารางสรุประบุ 5,000 บาท/);
    expect(budget?.source.map((s) => s.text)).toContain('ไม่ใช้งบประมาณ');

    const unit = field('d1-5', 'responsibleUnit');
    expect(unit).toMatchObject({ value: 'กองการศึกษา', state: 'open' });
    expect(unit?.flags[0]).toMatchObject({ line: lineOf('งานป้องกันและบรรเทาสาธารณภัย') });

    expect(field('d2-2', 'name')?.flags[0]?.reason).toMatch(/โครงการประเมินความพึงพอใจ/);
    // Agreeing fields written differently are not flagged: "-" and ไม่ใช้งบประมาณ, สำนักปลัด and สำนักปลัดเทศบาล.
    expect(field('d1-1', 'responsibleUnit')?.state).toBe('unflagged');
    expect(field('d2-4', 'budgets.2565')?.state).toBe('unflagged');
  });
});

describe('a plan whose missions are table rows and one of whose dimensions has no title: the review page says so', { timeout: 60_000 }, () => {
  const FILE = 'test/fixtures/plans/variants/v23-one-year-mission-rows-merged-units-dimension-headings.txt';

  it('lists the untitled dimension, and shows each unit taken from a shared cell as a field to check', async () => {
    const org = (await givenOrg(t, { name: 'เทศบาลตำบลแม่สายมิตรภาพ' })).id;
    const reviewer = await givenStaff(t, org, ['admin'], 'ผู้ตรวจแผน');
    const printed = await importFile(org, FILE, false);
    expect(printed).toMatch(/มิติที่ 4 title: no title was read/);
    const planId = /plan (\S+) written/.exec(printed)![1]!;
    const draft = (await api(t, 'GET', `/api/orgs/${org}/plans/drafts/${planId}`, { token: reviewer.token })).body;
    const lineOf = (s: string) => readFileSync(FILE, 'utf8').split('\n').indexOf(s) + 1;
    expect(draft.dimensionFlags).toEqual([{ dimension: 4, field: 'title', reason: expect.stringMatching(/no title was read/), reasonTh: expect.stringMatching(/^อ่านชื่อของมิติที่ 4 ไม่ได้/), line: lineOf('มิติที่ 4') }]);
    type Field = { field: string; value: unknown; flags: { reason: string; reasonTh: string | null; line: number }[]; state: string };
    const field = (id: string, name: string) => (draft.projects as { id: string; fields: Field[] }[]).find((p) => p.id === id)?.fields.find((f) => f.field === name);
    expect(field('d1-4', 'responsibleUnit')).toMatchObject({ value: 'กองช่าง', state: 'open' });
    expect(field('d1-4', 'responsibleUnit')?.flags[0]?.reason).toMatch(/lists 2 units .* assigned in order/);
    expect(field('d1-4', 'responsibleUnit')?.flags[0]?.reasonTh).toMatch(/ระบุ 2 หน่วยงาน .* ระบบจับคู่ให้ตามลำดับ/);
    expect(field('d2-3', 'responsibleUnit')).toMatchObject({ value: null, state: 'open' });
    expect(field('d1-5', 'mission')).toMatchObject({ value: '1.3', state: 'unflagged' });
  });
});

describe('why a field is flagged: Thai for staff, the English kept', { timeout: 60_000 }, () => {
  const FILE = 'test/fixtures/plans/variants/v23-one-year-mission-rows-merged-units-dimension-headings.txt';
  const flagsOf = (d: DraftView): FlagView[] => [...d.dimensions.flatMap((x) => x.fields.flatMap((f) => f.flags)), ...d.projects.flatMap((p) => p.fields.flatMap((f) => f.flags))];

  it('a draft imported now gives every flag its Thai reason beside the English one', async () => {
    const org = (await givenOrg(t, { name: 'เทศบาลตำบลแม่สายมิตรภาพ' })).id;
    const reviewer = await givenStaff(t, org, ['admin']);
    const planId = /plan (\S+) written/.exec(await importFile(org, FILE, false))![1]!;
    const draft = (await api(t, 'GET', `/api/orgs/${org}/plans/drafts/${planId}`, { token: reviewer.token })).body as unknown as DraftView;
    const flags = [...draft.dimensionFlags, ...flagsOf(draft)];
    expect(flags.length).toBeGreaterThan(5);
    for (const f of flags) {
      expect(f.reason).toMatch(/^[ -~]/);
      expect(f.reasonTh).toMatch(/โปรดตรวจสอบ/);
    }
    expect(draft.dimensionFlags[0]?.reasonTh).toBe('อ่านชื่อของมิติที่ 4 ไม่ได้ (หัวข้อเขียนในแบบที่ระบบอ่านไม่ได้ หรือไม่มีชื่อ) — โปรดตรวจสอบและพิมพ์ชื่อมิติตามเอกสาร');
  });

  it('a draft stored before the Thai reasons still opens: its flags keep the English, with no Thai (null)', async () => {
    const org = (await givenOrg(t, { name: 'เทศบาลตำบลแม่สายมิตรภาพ' })).id;
    const reviewer = await givenStaff(t, org, ['admin']);
    const planId = await importDraftWithEnglishReasonsOnly(t.rt.db, org, FILE);
    const res = await api(t, 'GET', `/api/orgs/${org}/plans/drafts/${planId}`, { token: reviewer.token });
    expect(res.status).toBe(200);
    const draft = res.body as unknown as DraftView;
    const flags = flagsOf(draft);
    expect(flags.length).toBeGreaterThan(5);
    for (const f of flags) expect(f).toEqual({ reason: expect.stringMatching(/^[ -~]/), reasonTh: null, line: f.line });
    expect(draft.dimensionFlags).toEqual([{ dimension: 4, field: 'title', reason: expect.stringMatching(/^no title was read/), reasonTh: null, line: expect.any(Number) }]);
  });
});
