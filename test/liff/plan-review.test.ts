import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runImport } from '../../functions/src/cli/import.ts';
import type { DraftView } from '../../functions/src/contracts/plans.ts';
import { api, givenOrg, grantStaffRoles, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { importDraftWithEnglishReasonsOnly } from '../plans/support/legacyDraft.ts';
import { buildLiffApp, open, signedInPage } from './support.ts';

/**
 * Draft → review → publish in the LIFF app (real Chromium, 360 px and a desktop window, real server in local mode):
 * `npm run import` without --publish leaves a draft; an admin opens it, finds the flagged fields first with the
 * document's lines beside them, edits one (a bad value refused by the field), accepts the rest, publishes, and the
 * chat answers from the reviewed plan. A dimension whose title was not read is written in on the same page and the
 * chat names the dimension with it. An edit the server refuses because the draft was published meanwhile (409) is
 * explained on the field, and the page reloads to show the published plan. Staff read why a field is flagged in Thai
 * (a draft stored before that: the English, saying so).
 */
/** Each step waits for a server round trip and a re-render; the machine is shared, so allow more than poll's 1 s. */
const SLOW = { timeout: 10_000, interval: 100 };

let t: TestApp;
let browser: TestBrowser;
let orgId: string;
let draftId: string;
const admin = { sub: newUserId(), name: 'สมชาย ผู้ดูแลระบบ' };
const officer = { sub: newUserId(), name: 'สมหญิง เจ้าหน้าที่' };

async function importFile(file: string, publish: boolean): Promise<string> {
  process.env.FIRESTORE_EMULATOR_HOST = t.emulator.host;
  process.env.GCLOUD_PROJECT = t.rt.config.projectId;
  const lines: string[] = [];
  expect(await runImport(['--org', orgId, '--file', file, ...(publish ? ['--publish'] : [])], (l) => lines.push(l))).toBe(0);
  return lines.join('\n');
}

async function chat(text: string): Promise<string> {
  const res = await fetch(`${t.rt.baseUrl}/dev/chat/${orgId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: admin.sub, text }) });
  return JSON.stringify(((await res.json()) as { messages: unknown[] }).messages);
}

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลนครแม่สอด' })).id;
  await grantStaffRoles(t, orgId, { userId: admin.sub, roles: ['admin'], displayName: admin.name });
  await grantStaffRoles(t, orgId, { userId: officer.sub, roles: ['officer'], displayName: officer.name });
  await importFile('test/fixtures/plans/variants/v06-maesot-d2-many-items-one-cell.txt', true);
  draftId = /plan (\S+) written/.exec(await importFile('test/fixtures/plans/variants/v02-maesot-d3d4-mission-in-cell.txt', false))![1]!;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function newPage(user: { sub: string; name: string }): Promise<Page> {
  const page = await signedInPage(browser, t.rt.baseUrl, user);
  return page;
}

describe('reviewing a draft plan in the LIFF app', { timeout: 90_000 }, () => {
  it('is for admins only', async () => {
    const page = await newPage(officer);
    await open(page, t.rt.baseUrl, orgId, 'staff/plans');
    await expect.poll(() => page.textContent('main'), SLOW).toContain('หน้านี้สำหรับเจ้าหน้าที่ที่มีสิทธิ์เฉพาะ');
    expect(await page.locator(`[data-draft="${draftId}"]`).count()).toBe(0);
    await page.close();
  });

  it('shows each field beside its source lines on a desktop screen', async () => {
    const page = await newPage(admin);
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, t.rt.baseUrl, orgId, `staff/plans/${draftId}`);
    const field = page.locator('[data-project="d3-27"] li[data-field="budgets.2566"]');
    await field.waitFor();
    const value = await field.locator('.pr-value').boundingBox();
    const source = await field.locator('.pr-source').boundingBox();
    expect(source!.x).toBeGreaterThan(value!.x + value!.width - 1);
    await page.screenshot({ path: '/tmp/plan-review-desktop.png', fullPage: false });
    await page.close();
  });

  it('draft → review (flagged field first, edit, accept) → publish → the chat answers from it', async () => {
    // Before: the chat does not know the draft's items.
    expect(await chat('โครงการจัดเวทีประชาคม')).not.toContain('จัดเวทีประชาคม');

    const page = await newPage(admin);
    await open(page, t.rt.baseUrl, orgId, 'staff/plans');
    const card = page.locator(`[data-draft="${draftId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('ยังไม่ได้ตรวจ 10 ช่อง');
    await card.locator('a').click();
    await page.locator('[data-project]').first().waitFor();

    // Flagged first: the first item is one the importer was unsure of, its first field an unchecked flag, with the line.
    const first = page.locator('[data-project]').first();
    expect(await first.getAttribute('data-project')).toBe('d3-27');
    const field = first.locator('li.pr-field').first();
    expect(await field.getAttribute('data-field')).toBe('budgets.2566');
    expect(await field.getAttribute('data-state')).toBe('open');
    // Why, in Thai (the importer's English is for the CLI and logs), with the line it points at.
    expect(await field.locator('.pr-reason').textContent()).toBe('⚠ ระบบไม่แน่ใจ: เอกสารพิมพ์งบประมาณชุดเดียวสำหรับ 2 โครงการ (ลำดับ 27, 28) — โปรดตรวจสอบงบประมาณของแต่ละโครงการ (บรรทัด 12)');
    expect(await page.locator('main').textContent()).not.toMatch(/one set of figures|ระบบไม่แน่ใจ: [A-Za-z]/);
    expect(await field.locator('.pr-source .pr-hit').textContent()).toMatch(/^12.*มาตรการจัดการเรื่องราวร้องทุกข์/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/plan-review-360.png', fullPage: true });

    // Edit: a bad amount is refused by the field, then the right one is saved.
    await field.locator('button', { hasText: 'แก้ไข' }).click();
    const input = field.locator('input#f-d3-27-budgets-2566');
    await input.fill('ห้าหมื่น');
    await field.locator('button', { hasText: 'บันทึก' }).click();
    await expect.poll(() => input.getAttribute('aria-invalid'), SLOW).toBe('true');
    expect(await field.locator('.error-text').textContent()).toContain('ตัวเลข');
    await input.fill('25,000');
    await field.locator('button', { hasText: 'บันทึก' }).click();
    await expect.poll(() => page.locator('[data-project="d3-27"] li[data-field="budgets.2566"]').getAttribute('data-state'), SLOW).toBe('edited');
    expect(await page.locator('[data-project="d3-27"] li[data-field="budgets.2566"] .pr-value').textContent()).toContain('25,000');

    // Publishing waits for every flagged field.
    expect(await page.locator('button', { hasText: 'เผยแพร่แผนนี้' }).isDisabled()).toBe(true);

    // Accept the rest as imported, one by one.
    const openFields = page.locator('li.pr-field[data-state="open"]');
    for (let left = await openFields.count(); left > 0; left--) {
      await openFields.first().locator('button', { hasText: 'ถูกต้อง ยืนยัน' }).click();
      await expect.poll(() => openFields.count(), SLOW).toBe(left - 1);
    }
    expect(await page.textContent('#publish-title + p')).toContain('ตรวจครบแล้ว');

    // The record: who did what, before and after.
    await page.locator('.pr-log summary').click();
    const log = page.locator('#review-log li');
    expect(await log.count()).toBe(10);
    expect(await log.first().textContent()).toMatch(/สมชาย ผู้ดูแลระบบ · แก้ไข d3-27 budgets\.2566: 50,000 → 25,000/);

    await page.locator('button', { hasText: 'เผยแพร่แผนนี้' }).click();
    await expect.poll(() => page.textContent('main'), SLOW).toContain('เผยแพร่แล้ว');
    await page.screenshot({ path: '/tmp/plan-review-published-360.png', fullPage: false });
    await page.close();

    // The chat answers from the reviewed plan, with the edited figure, without a restart.
    // The engine checks the organisation's version every 2 s of the app's clock: move it past that, no waiting.
    t.clock.advance(2_000);
    expect(await chat('มาตรการจัดการเรื่องราวร้องทุกข์ร้องเรียน งบประมาณเท่าไร')).toContain('25,000');
    expect(await chat('โครงการจัดเวทีประชาคม')).toContain('จัดเวทีประชาคม');
  });

  it('a dimension title the importer could not read: written in on the page, refused when bad, then published and answered in chat', async () => {
    const id = /plan (\S+) written/.exec(await importFile('test/fixtures/plans/variants/v23-one-year-mission-rows-merged-units-dimension-headings.txt', false))![1]!;
    const page = await newPage(admin);
    await open(page, t.rt.baseUrl, orgId, `staff/plans/${id}`);
    const card = page.locator('[data-dimension="4"]');
    await card.waitFor();
    // The dimensions to check come before the items, with why and the document's lines (the heading highlighted).
    expect(await page.locator('#dimensions-title').textContent()).toBe('ชื่อมิติที่ต้องตรวจ (1)');
    const field = card.locator('li.pr-field[data-field="title"]');
    expect(await field.getAttribute('data-state')).toBe('open');
    expect(await card.locator('.pr-dim-title').textContent()).toBe('มิติที่ 4 (ยังไม่มีชื่อ)');
    expect(await field.locator('.pr-value').textContent()).toBe('— (อ่านจากเอกสารไม่ได้)');
    expect(await field.locator('.pr-reason').textContent()).toBe(
      '⚠ ระบบไม่แน่ใจ: อ่านชื่อของมิติที่ 4 ไม่ได้ (หัวข้อเขียนในแบบที่ระบบอ่านไม่ได้ หรือไม่มีชื่อ) — โปรดตรวจสอบและพิมพ์ชื่อมิติตามเอกสาร (บรรทัด 49)',
    );
    expect(await field.locator('.pr-source .pr-hit').textContent()).toBe('49มิติที่ 4');
    // Nothing to accept in an empty title: only "แก้ไข".
    expect(await field.locator('button', { hasText: 'ถูกต้อง ยืนยัน' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await card.screenshot({ path: '/tmp/plan-review-dimension-360.png' });

    await field.locator('button', { hasText: 'แก้ไข' }).click();
    const input = field.locator('input#f-dim4-title');
    // Only the dimension's number is no title: refused by the field, nothing recorded.
    await input.fill('มิติที่ ๔');
    await field.locator('button', { hasText: 'บันทึก' }).click();
    await expect.poll(() => input.getAttribute('aria-invalid'), SLOW).toBe('true');
    expect(await field.locator('.error-text').textContent()).toContain('ใส่ชื่อมิติ ไม่ต้องใส่เลขมิติ');
    const title = 'การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น';
    await input.fill(title);
    await field.locator('button', { hasText: 'บันทึก' }).click();
    const saved = page.locator('[data-dimension="4"] li.pr-field[data-field="title"]');
    await expect.poll(() => saved.getAttribute('data-state'), SLOW).toBe('edited');
    expect(await saved.locator('.pr-value').textContent()).toBe(title);
    expect(await saved.textContent()).toContain('แก้ไขโดย สมชาย ผู้ดูแลระบบ');
    expect(await page.locator('[data-dimension="4"] .pr-dim-title').textContent()).toBe(`มิติที่ 4 ${title}`);

    // The items' flagged fields accepted as imported, then publish.
    const openFields = page.locator('li.pr-field[data-state="open"]');
    for (let left = await openFields.count(); left > 0; left--) {
      await openFields.first().locator('button', { hasText: 'ถูกต้อง ยืนยัน' }).click();
      await expect.poll(() => openFields.count(), SLOW).toBe(left - 1);
    }
    await page.locator('.pr-log summary').click();
    expect(await page.locator('#review-log li').first().textContent()).toMatch(new RegExp(`สมชาย ผู้ดูแลระบบ · แก้ไข มิติที่ 4 title: — \\(ไม่ระบุ\\) → ${title}`));
    await page.locator('button', { hasText: 'เผยแพร่แผนนี้' }).click();
    await expect.poll(() => page.textContent('main'), SLOW).toContain('เผยแพร่แล้ว');
    await page.close();

    // The chat names the dimension with the title written in.
    t.clock.advance(2_000);
    expect(await chat('กิจกรรมการจัดทำรายงานการควบคุมภายในประจำปี อยู่มิติไหน')).toContain(`อยู่ในมิติที่ 4 ${title}`);
  });

  it('an edit saved after another admin published the draft: the page says it was not saved and shows the published plan', async () => {
    const id = /plan (\S+) written/.exec(await importFile('test/fixtures/plans/variants/v01-maesot-d1d2-html.txt', false))![1]!;
    const path = `/api/orgs/${orgId}/plans/drafts/${id}`;
    const token = await idTokenFor(t, admin.sub);
    // The draft made ready through the API: its flagged fields accepted as read.
    const draft = (await api(t, 'GET', path, { token })).body as unknown as DraftView;
    for (const p of draft.projects) for (const f of p.fields.filter((x) => x.state === 'open')) await api(t, 'POST', `${path}/projects/${p.id}/accept`, { token, body: { field: f.field } });
    for (const d of draft.dimensions) for (const f of d.fields.filter((x) => x.state === 'open')) await api(t, 'POST', `${path}/dimensions/${d.number}/accept`, { token, body: { field: f.field } });

    const page = await newPage(admin);
    await open(page, t.rt.baseUrl, orgId, `staff/plans/${id}`);
    await page.locator('summary', { hasText: 'โครงการอื่น' }).click();
    const card = page.locator('[data-project="d1-3"]');
    await card.locator('details > summary').click();
    const field = card.locator('li.pr-field[data-field="budgets.2566"]');
    await field.locator('button', { hasText: 'แก้ไข' }).click();
    await field.locator('input#f-d1-3-budgets-2566').fill('20,000');

    // Meanwhile another admin publishes the draft; then this admin saves.
    expect((await api(t, 'POST', `${path}/publish`, { token })).status).toBe(200);
    await field.locator('button', { hasText: 'บันทึก' }).click();
    await expect.poll(() => field.locator('[role="alert"]').textContent().catch(() => ''), SLOW).toContain('แผนนี้กำลังเผยแพร่หรือเผยแพร่แล้ว แก้ไขไม่ได้ การแก้ไขนี้ไม่ได้บันทึก');
    // The page reloaded the draft: published, nothing left to edit, the figure as published.
    await expect.poll(() => page.textContent('main'), SLOW).toContain('แผนนี้เผยแพร่แล้วเมื่อ');
    expect(await field.locator('input').count()).toBe(0);
    expect(await page.locator('button', { hasText: 'แก้ไข' }).count()).toBe(0);
    expect(await page.locator('button', { hasText: 'เผยแพร่แผนนี้' }).count()).toBe(0);
    expect(await field.locator('.pr-value').textContent()).toBe('50,000 บาท');
    await page.screenshot({ path: '/tmp/plan-review-refused-360.png', fullPage: false });
    await page.close();

    const log = ((await api(t, 'GET', path, { token })).body as unknown as DraftView).log;
    expect(log.at(-1)?.action).toBe('publish');
    expect(log.filter((e) => e.action === 'edit')).toEqual([]);
  });

  it('a draft stored before the importer wrote its reasons in Thai shows the English reason, saying so', async () => {
    const id = await importDraftWithEnglishReasonsOnly(t.rt.db, orgId, 'test/fixtures/plans/variants/v02-maesot-d3d4-mission-in-cell.txt');
    const page = await newPage(admin);
    await open(page, t.rt.baseUrl, orgId, `staff/plans/${id}`);
    const reason = page.locator('[data-project="d3-27"] li[data-field="budgets.2566"] .pr-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toBe('⚠ ระบบไม่แน่ใจ: one set of figures printed for 2 items (27, 28) (บรรทัด 12) (ร่างนี้มีคำอธิบายเป็นภาษาอังกฤษเท่านั้น)');
    expect(await reason.locator('[lang="en"]').textContent()).toBe('one set of figures printed for 2 items (27, 28)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
