import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runRichMenu } from '../../functions/src/cli/richmenu.ts';
import type { Role } from '../../functions/src/staff/schema.ts';
import { getStaffMember } from '../../functions/src/staff/store.ts';
import { getStaffMenus } from '../../functions/src/richmenu/store.ts';
import { api, givenOrg, grantStaffRoles, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, open, settled, signedInPage } from './support.ts';

/**
 * The admin's members page and the staff rich menu (issue 16), in Chromium at phone size against the real server:
 * staff menus deployed to the LINE sandbox with the real CLI, invitations made and redeemed in the LIFF app, roles
 * removed, and each person's LINE menu following their roles.
 */
let t: TestApp;
let orgId: string;
let browser: TestBrowser;
const admin = { sub: newUserId(), name: 'สมชาย ไอที' };

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลสมาชิก', liffId: '1234567890-members' })).id;
  await grantStaffRoles(t, orgId, { userId: admin.sub, displayName: admin.name, roles: ['admin'] });
  browser = await launchBrowser();
  // The staff menus, as an operator deploys them (local mode: tiles open this server's LIFF pages).
  const lines: string[] = [];
  const code = await runRichMenu(['--org', orgId, '--staff', '--liff-base', t.rt.baseUrl], {
    env: { FIRESTORE_EMULATOR_HOST: t.emulator.host, GCLOUD_PROJECT: t.rt.config.projectId, LINE_API_BASE_URL: t.rt.lineApiBaseUrl },
    out: (l) => lines.push(l),
    db: t.rt.db,
    now: t.clock.now(),
  });
  expect(code, lines.join('\n')).toBe(0);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const sandbox = () => t.rt.sandbox!;
/** The rich menu LINE shows this user: its tiles' labels and links (null: the organisation's default menu). */
function menuOf(userId: string) {
  const id = sandbox().userRichMenu(orgId, userId);
  const menu = id ? sandbox().richMenus({ orgId }).find((m) => m.richMenuId === id) : undefined;
  return menu ? menu.menu.areas.map((a) => ({ label: String(a.action.label), uri: String(a.action.uri) })) : null;
}

async function pageAs(user: { sub: string; name: string }, path: string): Promise<Page> {
  const page = await signedInPage(browser, t.rt.baseUrl, user);
  await open(page, t.rt.baseUrl, orgId, path);
  await settled(page);
  return page;
}

describe('members and invitations', { timeout: 120_000 }, () => {
  it('an admin invites a person from the members page; the person joins with the link and gets the staff menu; the admin takes the role back', async () => {
    const page = await pageAs(admin, 'staff');
    await page.locator('.staff-places a.list-item', { hasText: 'สมาชิกและรหัสเชิญ' }).click();
    await page.locator('h1#page-title', { hasText: 'สมาชิกและรหัสเชิญ' }).waitFor();
    await settled(page);
    expect(await page.locator('.member h3').allTextContents()).toEqual([admin.name]);

    // No role chosen: one line in the error summary, linked to the roles.
    await page.getByRole('button', { name: 'ออกรหัสเชิญ' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.textContent('#error-summary')).toContain('เลือกบทบาทอย่างน้อย 1 บทบาท');

    await page.fill('#invite-name', 'สุดา รับเรื่อง');
    await page.locator('label[for="invite-role-officer"]').click();
    await page.getByRole('button', { name: 'ออกรหัสเชิญ' }).click();
    const shown = page.locator('[data-invite-code]');
    await shown.waitFor();
    const code = (await shown.getAttribute('data-invite-code'))!;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // Focus moves to the new code's heading once it is rendered (an animation frame later).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('issued-title');
    const link = await page.locator('.notice-success a').getAttribute('href');
    expect(link).toBe(`${t.rt.baseUrl}/liff/${orgId}/staff?invite=${code}`);
    await page.locator('[data-invite]').first().waitFor();
    expect(await page.textContent('[data-invite]')).toContain('สุดา รับเรื่อง · เจ้าหน้าที่รับเรื่อง');
    await page.screenshot({ path: '/tmp/liff-members-invited-360.png', fullPage: true });

    // The person opens the link in LINE: the code is filled in; "เข้าร่วม" makes them an officer.
    const suda = { sub: newUserId(), name: 'สุดา' };
    expect(menuOf(suda.sub)).toBeNull();
    // Another phone: its own storage (the tester identity lives in localStorage).
    const phone = await launchBrowser();
    const joiner = await signedInPage(phone, t.rt.baseUrl, suda);
    await joiner.goto(link!);
    await joiner.locator('#join-code').waitFor();
    expect(await joiner.inputValue('#join-code')).toBe(code);
    await joiner.getByRole('button', { name: 'เข้าร่วม' }).click();
    await joiner.locator('.staff-places').waitFor();
    expect(await joiner.textContent('main')).toContain('สวัสดี สุดา รับเรื่อง');
    expect((await getStaffMember(t.rt.db, orgId, suda.sub))?.roles).toEqual(['officer']);
    // Their LINE menu is now the officer's staff menu: home, complaints, comments.
    expect(menuOf(suda.sub)?.map((a) => a.label)).toEqual(['หน้าเจ้าหน้าที่', 'เรื่องร้องเรียน', 'ความคิดเห็น']);
    await phone.close();

    // Used: the invitation leaves the pending list.
    await open(page, t.rt.baseUrl, orgId, 'staff/members');
    await settled(page);
    expect(await page.locator('[data-invite]').count()).toBe(0);
    expect(await page.locator('.member h3').allTextContents(), await page.textContent('main') ?? '').toContain('สุดา รับเรื่อง');

    // Taking the role away asks first; then she is no longer staff and her menu goes back to the citizens' one.
    const card = page.locator('.member', { hasText: 'สุดา รับเรื่อง' });
    await card.getByRole('button', { name: 'ถอนบทบาทเจ้าหน้าที่รับเรื่องของ สุดา รับเรื่อง' }).click();
    await card.locator('.confirm').waitFor();
    expect(await card.locator('.confirm').textContent()).toContain('เมนูเจ้าหน้าที่ใน LINE จะหายไป');
    await page.screenshot({ path: '/tmp/liff-members-confirm-360.png', fullPage: true });
    expect((await getStaffMember(t.rt.db, orgId, suda.sub))?.active).toBe(true);
    await card.getByRole('button', { name: 'ยืนยันถอนบทบาท' }).click();
    await page.locator('.notice-success[role="status"]', { hasText: 'ถอนบทบาทเจ้าหน้าที่รับเรื่องของ สุดา รับเรื่อง แล้ว' }).waitFor();
    await settled(page);
    expect((await getStaffMember(t.rt.db, orgId, suda.sub))?.active).toBe(false);
    expect(await page.locator('.member h3').allTextContents()).toEqual([admin.name]);
    expect(await page.textContent('.members details')).toContain('ไม่มีบทบาทแล้ว (1)');
    expect(menuOf(suda.sub)).toBeNull();
    await page.close();
  });

  it('a revoked invitation cannot be used, and the person is told so by the code field', async () => {
    const page = await pageAs(admin, 'staff/members');
    await page.locator('label[for="invite-role-queue_operator"]').click();
    await page.getByRole('button', { name: 'ออกรหัสเชิญ' }).click();
    await page.locator('[data-invite-code]').waitFor();
    const code = (await page.locator('[data-invite-code]').getAttribute('data-invite-code'))!;
    await page.locator('[data-invite] button', { hasText: 'ยกเลิกคำเชิญ' }).waitFor();
    await page.locator('[data-invite] button', { hasText: 'ยกเลิกคำเชิญ' }).click();
    await page.locator('.notice-success[role="status"]', { hasText: 'รหัสนั้นใช้ไม่ได้อีก' }).waitFor();
    await settled(page);
    expect(await page.locator('[data-invite]').count()).toBe(0);
    await page.close();

    const someone = { sub: newUserId(), name: 'มานะ' };
    const phone = await launchBrowser();
    const joiner = await signedInPage(phone, t.rt.baseUrl, someone);
    await open(joiner, t.rt.baseUrl, orgId, `staff?invite=${code}`);
    await settled(joiner);
    await joiner.getByRole('button', { name: 'เข้าร่วม' }).click();
    await joiner.locator('#join-code-error').waitFor();
    expect(await joiner.textContent('#join-code-error')).toContain('รหัสไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว');
    expect(await getStaffMember(t.rt.db, orgId, someone.sub)).toBeNull();
    expect(menuOf(someone.sub)).toBeNull();
    await phone.close();
  });

  it('refuses the members page to staff who are not admins, pointing them to their home', async () => {
    const officer = { sub: newUserId(), name: 'สมศรี' };
    await grantStaffRoles(t, orgId, { userId: officer.sub, displayName: officer.name, roles: ['officer'] });
    const phone = await launchBrowser();
    const page = await signedInPage(phone, t.rt.baseUrl, officer);
    await open(page, t.rt.baseUrl, orgId, 'staff/members');
    await settled(page);
    expect(await page.textContent('.notice-error')).toContain('ดูสิ่งที่คุณทำได้ที่หน้าเจ้าหน้าที่');
    await phone.close();
  });
});

describe('the staff rich menu', { timeout: 120_000 }, () => {
  it('gives each role a menu of its own tools, and every tile opens a page that works for that role', async () => {
    const stored = await getStaffMenus(t.rt.db, orgId);
    expect(Object.keys(stored?.variants ?? {}).sort()).toEqual(['inbox', 'inbox-comments', 'inbox-queue-comments', 'queue-comments']);
    const cases: Array<[Role[], string[]]> = [
      [['queue_operator'], ['หน้าเจ้าหน้าที่', 'เรียกคิว', 'ความคิดเห็น']],
      [['officer'], ['หน้าเจ้าหน้าที่', 'เรื่องร้องเรียน', 'ความคิดเห็น']],
      [['admin'], ['หน้าเจ้าหน้าที่', 'เรื่องร้องเรียน', 'เรียกคิว', 'ความคิดเห็น']],
    ];
    for (const [roles, labels] of cases) {
      // Through the API as a person redeeming an invitation: the same path the LIFF page takes.
      const invite = await api(t, 'POST', `/api/orgs/${orgId}/staff/invites`, { token: await idTokenFor(t, admin.sub), body: { roles, displayName: roles.join('+') } });
      const user = { sub: newUserId(), name: roles.join('+') };
      const joined = await api(t, 'POST', `/api/orgs/${orgId}/staff/invites/accept`, { token: await idTokenFor(t, user.sub), body: { code: invite.body.code } });
      expect(joined.status).toBe(200);
      const menu = menuOf(user.sub);
      expect(menu?.map((a) => a.label), roles.join()).toEqual(labels);
      const phone = await launchBrowser();
      const page = await signedInPage(phone, t.rt.baseUrl, user);
      for (const tile of menu!) {
        expect(tile.uri.startsWith(`${t.rt.baseUrl}/liff/${orgId}/staff`)).toBe(true);
        await page.goto(tile.uri);
        await page.locator('h1#page-title').waitFor();
        await settled(page);
        const refused = (await page.locator('.notice-error').allTextContents()).join(' ');
        expect(refused, `${roles.join()} → ${tile.label}`).toBe('');
      }
      await phone.close();
    }
  });
});
