import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '../../functions/src/staff/schema.ts';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, open, settled, signedInPage } from './support.ts';

let t: TestApp;
let orgId: string;
let browser: TestBrowser;

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลหน้าเจ้าหน้าที่' })).id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function pageAs(roles: Role[], name: string): Promise<Page> {
  const user = { sub: newUserId(), name };
  if (roles.length) await grantStaffRoles(t, orgId, { userId: user.sub, displayName: name, roles });
  const page = await signedInPage(browser, t.rt.baseUrl, user);
  await open(page, t.rt.baseUrl, orgId, 'staff');
  return page;
}

const linkTitles = async (page: Page) => (await page.locator('.staff-places a.list-item strong').allTextContents());

describe('the staff home', { timeout: 90_000 }, () => {
  it('shows each role the places it works, and every link opens a page that works for that role', async () => {
    const expected: Array<[Role[], string, string[]]> = [
      [['queue_operator'], 'สมหญิง เรียกคิว', ['เรียกคิว', 'ความพึงพอใจและความคิดเห็น']],
      [['officer'], 'สมศรี รับเรื่อง', ['เรื่องร้องเรียน', 'ความคืบหน้าตามแผน', 'ความพึงพอใจและความคิดเห็น']],
      [['integrity_officer'], 'สมปอง ศูนย์ฯ', ['เรื่องแจ้งเบาะแสการทุจริต', 'แต่งตั้งเจ้าหน้าที่ศูนย์ฯ', 'บันทึกการเข้าถึง']],
      [['admin'], 'สมชาย ไอที', ['เรื่องร้องเรียน', 'ความคืบหน้าตามแผน', 'เรียกคิว', 'ความพึงพอใจและความคิดเห็น', 'สมาชิกและรหัสเชิญ', 'ร่างแผนรอตรวจ']],
    ];
    for (const [roles, name, titles] of expected) {
      const page = await pageAs(roles, name);
      await page.locator('.staff-places').waitFor();
      expect(await page.textContent('main')).toContain(`สวัสดี ${name}`);
      expect(await linkTitles(page)).toEqual(titles);
      if (roles.includes('admin')) expect(await page.textContent('main')).toContain('สมาชิกและรหัสเชิญ');
      for (const title of titles) {
        await open(page, t.rt.baseUrl, orgId, 'staff');
        await page.locator('.staff-places').waitFor();
        await page.locator('.staff-places a.list-item', { hasText: title }).first().click();
        await page.locator('h1#page-title').waitFor();
        await settled(page);
        // The page the link opens lets this role in: no refusal. (The test organisation has no plan, so the progress
        // page may say that no plan was imported: a fact about the data, not a refusal.)
        const err = (await page.locator('.notice-error').allTextContents()).join(' ');
        expect(err, `${name} → ${title}`).not.toMatch(/สิทธิ์|เฉพาะเจ้าหน้าที่|ลงทะเบียน|ผิดพลาด/);
        if (title !== 'ความคืบหน้าตามแผน') expect(err, `${name} → ${title}`).toBe('');
      }
      await page.close();
    }
  });

  it('shows counts of new, overdue and reopened complaints to those who handle them', async () => {
    const page = await pageAs(['officer'], 'สมใจ รับเรื่อง');
    await page.locator('.staff-places .counts').first().waitFor();
    const counts = await page.textContent('.staff-places .counts');
    expect(counts).toMatch(/ใหม่ \d+/);
    expect(counts).toMatch(/เกินกำหนด \d+/);
    expect(counts).toMatch(/ถูกเปิดอีกครั้ง \d+/);
    await page.close();
  });

  it('tells a queue operator on a complaints page what they can do instead of "not registered", and a citizen who grants access', async () => {
    const op = await pageAs(['queue_operator'], 'สมหมาย เรียกคิว');
    await open(op, t.rt.baseUrl, orgId, 'staff/complaints');
    await op.locator('.notice-error').waitFor();
    const said = await op.textContent('.notice-error');
    expect(said).not.toContain('ยังไม่ได้ลงทะเบียน');
    expect(said).toContain('ดูสิ่งที่คุณทำได้ที่หน้าเจ้าหน้าที่');
    await op.click('text=ไปหน้าเจ้าหน้าที่');
    await op.locator('.staff-places').waitFor();
    await op.screenshot({ path: '/tmp/liff-staff-home-queue-operator-360.png' });
    await op.close();
    const citizen = await pageAs([], 'สมชาย ประชาชน');
    await citizen.locator('.notice').waitFor();
    expect(await citizen.textContent('main')).toContain('ขอรหัสเชิญจากผู้ดูแลระบบ');
    await citizen.close();
  });
});
