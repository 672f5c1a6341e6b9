import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenOrg, grantStaffRoles, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from '../liff/browser.ts';
import { buildLiffApp, open, settled, signedInPage } from '../liff/support.ts';

/** The staff home's LINE message panel in real Chromium against the real server (LINE: the sandbox). */
let t: TestApp;
let browser: TestBrowser;

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function orgWithPushes(quota: number, pushes: number) {
  const org = await givenOrg(t);
  t.rt.sandbox!.quota.setMonthlyQuota(org.id, quota);
  for (let i = 0; i < pushes; i++) {
    await t.rt.notifier.notify({ orgId: org.id, to: newUserId(), key: `p${i}`, topic: 'complaint.acknowledged', messages: [{ type: 'text', text: 'รับเรื่องแล้ว' }] });
    await t.rt.idle();
  }
  return org;
}

describe('staff home: LINE messages', () => {
  it('shows an admin the month\'s messages against LINE\'s quota with a warning at 80 %, and lets them set a cap', async () => {
    const org = await orgWithPushes(5, 4);
    const admin = { sub: newUserId(), name: 'ผู้ดูแลทดสอบ' };
    await grantStaffRoles(t, org.id, { userId: admin.sub, roles: ['admin'], displayName: admin.name });
    const page = await signedInPage(browser, t.rt.baseUrl, admin);
    await open(page, t.rt.baseUrl, org.id, 'staff');
    await settled(page);
    const panel = page.locator('section.quota');
    await expect(panel.textContent()).resolves.toContain('ใช้ไป 4 จาก 5 (80%)');
    await expect(panel.locator('.notice-warning').textContent()).resolves.toContain('ใกล้ครบโควตา');

    await page.fill('#quota-cap', '๑๐'); // Thai digits are accepted
    await page.click('section.quota button[type=submit]');
    await settled(page);
    // The cap (10) is larger than LINE's quota (5): LINE's quota stays the limit in force.
    await expect(panel.locator('.figure').nth(2).textContent()).resolves.toContain('10');
    await expect(panel.textContent()).resolves.toContain('ใช้ไป 4 จาก 5');
    await page.close();
  });

  it('shows an officer the figures without the cap control, and tells them when LINE has refused for the month', async () => {
    const org = await orgWithPushes(2, 3);
    const officer = { sub: newUserId(), name: 'เจ้าหน้าที่ทดสอบ' };
    await grantStaffRoles(t, org.id, { userId: officer.sub, roles: ['officer'], displayName: officer.name });
    const page = await signedInPage(browser, t.rt.baseUrl, officer);
    await open(page, t.rt.baseUrl, org.id, 'staff');
    await settled(page);
    const panel = page.locator('section.quota');
    await expect(panel.locator('.notice-warning').textContent()).resolves.toContain('ครบโควตาแล้ว');
    expect(await page.locator('#quota-cap').count()).toBe(0);
    await page.close();
  });
});
