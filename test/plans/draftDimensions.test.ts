import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../functions/src/cli/import.ts';
import { withoutOwnNumber } from '../../functions/src/plans/drafts/dimensions.ts';
import type { DimensionView, DraftView } from '../../functions/src/contracts/plans.ts';
import { api, givenOrg, givenStaff, startTestApp, type TestApp } from '../support/app.ts';

/**
 * The dimensions of a draft under review, over HTTP (real server in local mode, embedded Firestore): the importer's
 * doubts about a dimension's title are fields an admin accepts or edits like a project's (recorded: who, when,
 * before/after; a copy of a request with the same Idempotency-Key runs once); a bad title is refused with nothing
 * changed; publication waits for them, writes the edited titles with the version, and the chat answers with them.
 *
 * The document: variant v01 (maesot, dimensions 1-2) with slips made in its titles. Dimension 2's table cell is
 * shortened to "การบริหารราชการโปร่งใส" (the importer keeps the heading's fuller wording, which is right: accept it);
 * dimension 1's table cell is cut to "การสร้างวัฒนธรรม" and its heading mistyped "…สุจรืต", so the importer keeps the
 * heading's fuller but wrong wording: edit it.
 */
const D1_READ = 'การสร้างวัฒนธรรมสุจรืต';
const D1_RIGHT = 'การสร้างวัฒนธรรมสุจริต';
const V01 = 'test/fixtures/plans/variants/v01-maesot-d1d2-html.txt';
const V23 = 'test/fixtures/plans/variants/v23-one-year-mission-rows-merged-units-dimension-headings.txt';
const D2 = 'การบริหารราชการด้วยความโปร่งใส';

let t: TestApp;
let orgId: string;
let admin: { userId: string; token: string };
let officer: { userId: string; token: string };
let draftId: string;
let file: string;

async function importDraft(org: string, path: string): Promise<string> {
  process.env.FIRESTORE_EMULATOR_HOST = t.emulator.host;
  process.env.GCLOUD_PROJECT = t.rt.config.projectId;
  const lines: string[] = [];
  expect(await runImport(['--org', org, '--file', path], (l) => lines.push(l))).toBe(0);
  return /plan (\S+) written/.exec(lines.join('\n'))![1]!;
}

const draftPath = (id = draftId, org = orgId) => `/api/orgs/${org}/plans/drafts/${id}`;
const openDraft = async (id = draftId, org = orgId, token = admin.token) => (await api(t, 'GET', draftPath(id, org), { token })).body as unknown as DraftView;
const dimension = (draft: DraftView, n: number): DimensionView => draft.dimensions.find((d) => d.number === n)!;
const titleField = (draft: DraftView, n: number) => dimension(draft, n).fields.find((f) => f.field === 'title')!;

beforeAll(async () => {
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลนครแม่สอด' })).id;
  admin = await givenStaff(t, orgId, ['admin'], 'สมชาย ผู้ดูแลระบบ');
  officer = await givenStaff(t, orgId, ['officer'], 'สมหญิง เจ้าหน้าที่');
  const text = readFileSync(V01, 'utf8')
    .replace('<td>1. การสร้าง<br>วัฒนธรรมสุจริต</td>', '<td>1. การสร้าง<br>วัฒนธรรม</td>')
    .replace('<td>2. การบริหาร<br>ราชการด้วยความ<br>โปร่งใส</td>', '<td>2. การบริหาร<br>ราชการโปร่งใส</td>')
    .replace('\nมิติที่ 1 การสร้างวัฒนธรรมสุจริต\n', `\nมิติที่ 1 ${D1_READ}\n`);
  file = join(mkdtempSync(join(tmpdir(), 'draft-dimensions-')), 'maesot-d1d2.txt');
  writeFileSync(file, text);
  draftId = await importDraft(orgId, file);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('reviewing the dimensions of a draft', { timeout: 60_000 }, () => {
  it('shows each flagged dimension title with why and the lines of the document it comes from', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const draft = await openDraft();
    expect(draft.dimensions.map((d) => [d.number, d.openFlags])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const d1 = titleField(draft, 1);
    expect(d1).toMatchObject({ label: 'ชื่อมิติที่ 1', value: D1_READ, state: 'open', last: null });
    expect(d1.flags).toEqual([{ reason: expect.stringContaining('the summary table "การสร้างวัฒนธรรม"'), reasonTh: expect.stringContaining('แต่ตารางสรุปพิมพ์ว่า "การสร้างวัฒนธรรม"'), line: 67 }]);
    // The heading (line 67, with its neighbours) and the summary row whose first cell prints the title (line 18).
    expect(d1.source.map((l) => l.line)).toEqual([18, 66, 67, 68]);
    for (const l of d1.source) expect(l.text).toBe(lines[l.line - 1]);
    expect(titleField(draft, 2)).toMatchObject({ value: D2, state: 'open' });
    // The list counts them among the draft's unchecked fields.
    const list = (await api(t, 'GET', `/api/orgs/${orgId}/plans/drafts`, { token: admin.token })).body;
    expect(list.drafts[0].openFlags).toBe(draft.openFlags);
    expect(draft.openFlags).toBe(draft.projects.reduce((n, p) => n + p.openFlags, 0) + 2);
  });

  it('is for admins only', async () => {
    const edit = `${draftPath()}/dimensions/1/edit`;
    expect((await api(t, 'POST', edit, { body: { field: 'title', value: D1_RIGHT } })).status).toBe(401);
    expect((await api(t, 'POST', edit, { token: officer.token, body: { field: 'title', value: D1_RIGHT } })).status).toBe(403);
    expect((await api(t, 'POST', `${draftPath()}/dimensions/2/accept`, { token: officer.token, body: { field: 'title' } })).status).toBe(403);
    expect((await openDraft()).log).toEqual([]);
  });

  it('refuses a bad title or field with 400 and the issue where it is, and changes nothing', async () => {
    const before = await openDraft();
    const edit = (n: string, body: unknown) => api(t, 'POST', `${draftPath()}/dimensions/${n}/edit`, { token: admin.token, body });
    const cases: Array<[string, unknown, string]> = [
      ['1', { field: 'title', value: '' }, 'value'],
      ['1', { field: 'title', value: '  \t ' }, 'value'],
      ['1', { field: 'title', value: 'ก'.repeat(201) }, 'value'],
      ['1', { field: 'title', value: 42 }, 'value'],
      ['1', { field: 'title', value: 'มิติที่ ๑' }, 'value'],
      ['1', { field: 'title' }, 'value'],
      ['1', { field: 'name', value: D1_RIGHT }, 'field'],
      ['1', { field: 'missions.2.1', value: D1_RIGHT }, 'field'],
      ['1', { field: 'title', value: D1_RIGHT, by: 'someone else' }, ''],
      ['5', { field: 'title', value: D1_RIGHT }, 'dimension'],
    ];
    for (const [n, body, path] of cases) {
      const res = await edit(n, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await edit('1', { field: 'title', value: '' })).body.issues[0].message).toBe('ใส่ชื่อตามที่เอกสารเขียน (เว้นว่างไม่ได้)');
    expect((await api(t, 'POST', `${draftPath()}/dimensions/2/accept`, { token: admin.token, body: { field: 'titles' } })).status).toBe(400);
    // A mission the dimension does not have; a dimension the draft does not have.
    expect((await edit('1', { field: 'missions.1.9', value: D1_RIGHT })).status).toBe(404);
    expect((await edit('3', { field: 'title', value: D1_RIGHT })).status).toBe(404);
    const after = await openDraft();
    expect(after.log).toEqual([]);
    expect(after.dimensions).toEqual(before.dimensions);
  });

  it('an edit and an acceptance are recorded with who, when, before and after; a repeated request runs once', async () => {
    const send = () =>
      fetch(`${t.rt.baseUrl}${draftPath()}/dimensions/1/edit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'idempotency-key': 'dimension-edit-0001' },
        body: JSON.stringify({ field: 'title', value: `  มิติที่ ๑ ${D1_RIGHT} ` }),
      });
    const first = await send();
    expect(first.status).toBe(201);
    const entry = ((await first.json()) as { entry: Record<string, unknown> }).entry;
    // The title without its own "มิติที่ 1" (the chat says that itself), trimmed.
    expect(entry).toMatchObject({ action: 'edit', dimension: 1, field: 'title', before: D1_READ, after: D1_RIGHT });
    const copy = await send();
    expect(copy.status).toBe(201);
    expect(copy.headers.get('idempotent-replayed')).toBe('true');
    expect(((await copy.json()) as { entry: { id: string } }).entry.id).toBe(entry.id);

    const accept = await api(t, 'POST', `${draftPath()}/dimensions/2/accept`, { token: admin.token, body: { field: 'title' } });
    expect(accept.status).toBe(201);
    expect(accept.body.entry).toMatchObject({ action: 'accept', dimension: 2, field: 'title', before: D2, after: D2 });

    const draft = await openDraft();
    expect(draft.log).toHaveLength(2);
    expect(draft.log[0]).toMatchObject({ action: 'edit', by: 'สมชาย ผู้ดูแลระบบ', at: t.clock.now().toISOString(), projectId: null, dimension: 1, field: 'title', before: D1_READ, after: D1_RIGHT });
    expect(draft.log[1]).toMatchObject({ action: 'accept', dimension: 2, field: 'title' });
    expect(titleField(draft, 1)).toMatchObject({ value: D1_RIGHT, state: 'edited', last: { action: 'edit', by: 'สมชาย ผู้ดูแลระบบ' } });
    expect(titleField(draft, 2)).toMatchObject({ value: D2, state: 'accepted', last: { action: 'accept' } });
    expect(draft.dimensions.map((d) => d.openFlags)).toEqual([0, 0]);
    // The imported flags stay as the importer gave them.
    expect(draft.dimensionFlags.map((f) => f.dimension)).toEqual([1, 2]);
  });

  it('publishing waits for them, then the published plan and the chat use the edited title', async () => {
    // Before publication the chat does not know the draft; the draft's own stored dimensions are still as imported.
    const projects = (await openDraft()).projects;
    for (const p of projects)
      for (const f of p.fields.filter((x) => x.state === 'open'))
        expect((await api(t, 'POST', `${draftPath()}/projects/${p.id}/accept`, { token: admin.token, body: { field: f.field } })).status).toBe(201);
    expect((await openDraft()).openFlags).toBe(0);
    const res = await api(t, 'POST', `${draftPath()}/publish`, { token: admin.token });
    expect(res.status).toBe(200);

    const plan = (await api(t, 'GET', `/api/orgs/${orgId}/plans/${draftId}`)).body;
    expect(plan.dimensions.map((d: { title: string }) => d.title)).toEqual([D1_RIGHT, D2]);
    expect(plan.summary.byDimension.map((d: { title: string }) => d.title)).toEqual([D1_RIGHT, D2]);

    t.clock.advance(2_000);
    const ask = async (text: string) => JSON.stringify((await api(t, 'POST', `/api/orgs/${orgId}/ask`, { body: { text } })).body.messages);
    const reply = await ask('โครงการโรงเรียนคุณธรรม อยู่มิติไหน');
    expect(reply).toContain(`โครงการโรงเรียนคุณธรรม อยู่ในมิติที่ 1 ${D1_RIGHT} ภารกิจ 1.3`);
    expect(reply).not.toContain(D1_READ);
    expect(await ask('มิติไหนงบมากที่สุด')).toContain(`มิติที่ 1 ${D1_RIGHT} มากที่สุด`);
    // Published: no more edits.
    expect((await api(t, 'POST', `${draftPath()}/dimensions/1/edit`, { token: admin.token, body: { field: 'title', value: 'อื่น' } })).status).toBe(409);
  });
});

describe('a dimension with no title and its missions', { timeout: 60_000 }, () => {
  let org: string;
  let id: string;
  let boss: { userId: string; token: string };

  beforeAll(async () => {
    org = (await givenOrg(t, { name: 'เทศบาลตำบลแม่สายมิตรภาพ' })).id;
    boss = await givenStaff(t, org, ['admin'], 'ผู้ตรวจแผน');
    id = await importDraft(org, V23);
  }, 60_000);

  it('an empty title cannot be accepted, only written in; a mission title is edited the same way', async () => {
    const draft = await openDraft(id, org, boss.token);
    expect(titleField(draft, 4)).toMatchObject({ value: '', state: 'open' });
    const accept = await api(t, 'POST', `${draftPath(id, org)}/dimensions/4/accept`, { token: boss.token, body: { field: 'title' } });
    expect(accept.status).toBe(409);
    expect(accept.body.error).toMatch(/ยังไม่มีชื่อมิติให้ยืนยัน/);
    expect((await openDraft(id, org, boss.token)).log).toEqual([]);

    // Every project field checked: the untitled dimension alone still holds publication back.
    for (const p of draft.projects)
      for (const f of p.fields.filter((x) => x.state === 'open'))
        expect((await api(t, 'POST', `${draftPath(id, org)}/projects/${p.id}/accept`, { token: boss.token, body: { field: f.field } })).status).toBe(201);
    const held = await api(t, 'POST', `${draftPath(id, org)}/publish`, { token: boss.token });
    expect(held.status).toBe(409);
    expect(held.body.error).toBe('ยังมี 1 ช่องที่ต้องตรวจ (แก้ไขหรือยืนยัน) ก่อนเผยแพร่');

    const title = 'การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น';
    expect((await api(t, 'POST', `${draftPath(id, org)}/dimensions/4/edit`, { token: boss.token, body: { field: 'title', value: title } })).status).toBe(201);
    const mission = await api(t, 'POST', `${draftPath(id, org)}/dimensions/4/edit`, { token: boss.token, body: { field: 'missions.4.2', value: 'ภารกิจที่ ๔.๒ การสนับสนุนให้ภาคประชาชนมีส่วนร่วมตรวจสอบ' } });
    expect(mission.status).toBe(201);
    // Without its own code (the chat says "ภารกิจ 4.2 <title>" itself).
    expect(mission.body.entry).toMatchObject({ dimension: 4, field: 'missions.4.2', before: expect.stringMatching(/^การสนับสนุนให้ภาคประชาชน/), after: 'การสนับสนุนให้ภาคประชาชนมีส่วนร่วมตรวจสอบ' });
    const after = dimension(await openDraft(id, org, boss.token), 4);
    expect(after).toMatchObject({ title, openFlags: 0 });
    // An unflagged mission edited is shown as such, not as a flag checked.
    expect(after.fields.find((f) => f.field === 'missions.4.2')).toMatchObject({ value: 'การสนับสนุนให้ภาคประชาชนมีส่วนร่วมตรวจสอบ', state: 'unflagged', last: { action: 'edit' } });
    expect((await api(t, 'POST', `${draftPath(id, org)}/publish`, { token: boss.token })).status).toBe(200);
    t.clock.advance(2_000);
    const reply = JSON.stringify((await api(t, 'POST', `/api/orgs/${org}/ask`, { body: { text: 'ภารกิจ 4.2 มีโครงการอะไร' } })).body.messages);
    expect(reply).toContain('ภารกิจ 4.2 การสนับสนุนให้ภาคประชาชนมีส่วนร่วมตรวจสอบ มี 2 โครงการ');
  });
});

describe('a typed title loses only the number of what it names', () => {
  it('"มิติที่ 4" on a dimension title, "ภารกิจที่ 4.2" or "4.2" on that mission title, Thai digits too', () => {
    const cases: Array<[string, string, number, string | null]> = [
      ['มิติที่ 4. การเสริมสร้าง', 'title', 4, 'การเสริมสร้าง'],
      ['มิติ ๔ : การเสริมสร้าง', 'title', 4, 'การเสริมสร้าง'],
      ['ด้านที่ 4 การเสริมสร้าง', 'title', 4, 'การเสริมสร้าง'],
      ['มิติที่ 3 การเสริมสร้าง', 'title', 4, 'มิติที่ 3 การเสริมสร้าง'],
      ['การสร้างสังคมที่ไม่ทนต่อการทุจริต', 'title', 1, 'การสร้างสังคมที่ไม่ทนต่อการทุจริต'],
      ['มิติที่ 4', 'title', 4, null],
      ['4.2 การสนับสนุน', 'missions.4.2', 4, 'การสนับสนุน'],
      ['ภารกิจ๔.๒: การสนับสนุน', 'missions.4.2', 4, 'การสนับสนุน'],
      ['4.21 การสนับสนุน', 'missions.4.2', 4, '4.21 การสนับสนุน'],
      ['4.2.1 การสนับสนุน', 'missions.4.2', 4, '4.2.1 การสนับสนุน'],
    ];
    for (const [typed, field, n, kept] of cases) expect(withoutOwnNumber(typed, field, n), typed).toBe(kept);
  });
});
