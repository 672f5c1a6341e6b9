import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, givenOrg, grantStaffRoles, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, open, signedInPage } from './support.ts';

/**
 * Integrity officers in the LIFF app (real Chromium, 360 px, real server in local mode): approving a grant of their
 * role that an admin requested, asking to see who reported a corruption case with a reason, and reading both in the
 * audit log.
 */
let t: TestApp;
let browser: TestBrowser;
let orgId: string;
const officer = { sub: newUserId(), name: 'วิชัย ศูนย์ต่อต้านการทุจริต' };
const admin = { sub: newUserId(), name: 'สมชาย ผู้ดูแลระบบ' };

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลทดสอบศูนย์ฯ' })).id;
  await grantStaffRoles(t, orgId, { userId: officer.sub, roles: ['integrity_officer'], displayName: officer.name });
  await grantStaffRoles(t, orgId, { userId: admin.sub, roles: ['admin'], displayName: admin.name });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The given LINE user ids found in the page's HTML (the app's main part: local mode's tester bar shows the tester's own id), and any other LINE-id-shaped string in it. */
function lineIdsIn(html: string, ids: string[]): string[] {
  return [...ids.filter((id) => html.includes(id)), ...(html.match(/U[0-9a-f]{32}/g) ?? [])];
}

async function newPage(user: { sub: string; name: string }): Promise<Page> {
  const page = await signedInPage(browser, t.rt.baseUrl, user);
  return page;
}

describe('integrity officers in the LIFF app', { timeout: 60_000 }, () => {
  it('approve a pending grant requested by an admin; the requester sees no way to approve it', async () => {
    const invite = await api(t, 'POST', `/api/orgs/${orgId}/staff/invites`, { token: await idTokenFor(t, admin.sub), body: { roles: ['integrity_officer'], displayName: 'มานี ผู้ได้รับเชิญ' } });
    const grantee = newUserId();
    const accepted = await api(t, 'POST', `/api/orgs/${orgId}/staff/invites/accept`, { token: await idTokenFor(t, grantee), body: { code: invite.body.code } });
    const grantId = accepted.body.pendingGrant.id as string;

    // The admin is not an integrity officer: the page is refused.
    const adminPage = await newPage(admin);
    await open(adminPage, t.rt.baseUrl, orgId, 'staff/integrity');
    await expect.poll(() => adminPage.textContent('main')).toMatch(/สิทธิ์|เจ้าหน้าที่/);
    expect(await adminPage.locator(`[data-grant="${grantId}"]`).count()).toBe(0);
    await adminPage.close();

    const page = await newPage(officer);
    await open(page, t.rt.baseUrl, orgId, 'staff/integrity');
    const card = page.locator(`[data-grant="${grantId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('มานี ผู้ได้รับเชิญ');
    expect(await card.textContent()).toContain(admin.name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await card.locator('textarea').fill('ได้รับคำสั่งแต่งตั้งจากนายกฯ แล้ว');
    await card.locator('button', { hasText: 'อนุมัติ' }).first().click();
    await expect.poll(() => page.textContent('main')).toContain('อนุมัติแล้ว');
    await page.screenshot({ path: '/tmp/liff-integrity-grants-360.png', fullPage: true });
    // Names on the page; no LINE user id anywhere in it, attributes included.
    expect(lineIdsIn(await page.innerHTML('main'), [officer.sub, admin.sub, grantee])).toEqual([]);
    await page.close();

    const me = await api(t, 'GET', `/api/orgs/${orgId}/staff/me`, { token: await idTokenFor(t, grantee) });
    expect(me.body.staff.roles).toEqual(['integrity_officer']);

    // The admin takes the role back from the members page, with a reason; the page acts by staff reference.
    const members = await newPage(admin);
    await open(members, t.rt.baseUrl, orgId, 'staff/members');
    const member = members.locator('.member', { hasText: 'มานี ผู้ได้รับเชิญ' });
    await member.waitFor();
    expect(lineIdsIn(await members.innerHTML('main'), [officer.sub, admin.sub, grantee])).toEqual([]);
    await member.getByRole('button', { name: 'ถอนบทบาทเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตของ มานี ผู้ได้รับเชิญ' }).click();
    await member.locator('textarea').fill('ย้ายไปสังกัดอื่นแล้ว');
    await member.getByRole('button', { name: 'ยืนยันถอนบทบาท' }).click();
    await members.locator('.notice-success[role="status"]', { hasText: 'มานี ผู้ได้รับเชิญ' }).waitFor();
    await members.close();
    expect((await api(t, 'GET', `/api/orgs/${orgId}/staff/me`, { token: await idTokenFor(t, grantee) })).body.staff).toBeNull();

    const trail = await newPage(officer);
    await open(trail, t.rt.baseUrl, orgId, 'staff/integrity/audit');
    const revoked = trail.locator('.audit-role-revoked').first();
    await revoked.waitFor();
    expect(await revoked.textContent()).toContain('มานี ผู้ได้รับเชิญ');
    expect(await revoked.textContent()).toContain(admin.name);
    expect(await revoked.textContent()).toContain('ย้ายไปสังกัดอื่นแล้ว');
    expect(lineIdsIn(await trail.innerHTML('main'), [officer.sub, admin.sub, grantee])).toEqual([]);
    await trail.close();
  });

  it('ask to see a corruption reporter with a reason, then find the look in the audit log', async () => {
    const filed = await api(t, 'POST', `/api/orgs/${orgId}/complaints`, {
      token: await idTokenFor(t, newUserId()),
      body: { kind: 'corruption', category: 'bribery', title: 'เรียกรับเงินใต้โต๊ะ', description: 'เจ้าหน้าที่เรียกเงินเพื่อเร่งใบอนุญาตก่อสร้าง', contact: { method: 'phone', name: 'ผู้แจ้ง ลับมาก', phone: '0899999999' }, consent: true },
    });
    expect(filed.status).toBe(201);
    const page = await newPage(officer);
    await open(page, t.rt.baseUrl, orgId, `staff/complaints/${filed.body.id}`);
    await page.locator('#r-title').waitFor();
    expect(await page.textContent('main')).not.toContain('0899999999');
    expect(await page.textContent('main')).toContain('ปกปิดไว้');

    // No reason: the form says so and nothing is asked.
    await page.click('section:has(#r-title) button[type=submit]');
    await page.locator('#reveal-reason-error').waitFor();
    await page.fill('#reveal-reason', 'ต้องโทรสอบถามข้อเท็จจริงเพิ่มเติม');
    await page.click('section:has(#r-title) button[type=submit]');
    await page.locator('[data-testid=revealed-reporter]').waitFor();
    expect(await page.textContent('[data-testid=revealed-reporter]')).toContain('0899999999');

    // Meanwhile the admin asks for the role for their own account: the trail says so, by reference, not by id.
    const selfInvite = await api(t, 'POST', `/api/orgs/${orgId}/staff/invites`, { token: await idTokenFor(t, admin.sub), body: { roles: ['integrity_officer'] } });
    expect((await api(t, 'POST', `/api/orgs/${orgId}/staff/invites/accept`, { token: await idTokenFor(t, admin.sub), body: { code: selfInvite.body.code } })).status).toBe(200);

    await open(page, t.rt.baseUrl, orgId, 'staff/integrity/audit');
    const selfRequest = page.locator('.audit-grant-requested').first();
    await selfRequest.waitFor();
    expect(await selfRequest.textContent()).toContain(`${admin.name} (ผู้ทำรายการเอง)`);
    expect(await page.locator('.audit-grant-requested').nth(1).textContent()).not.toContain('ผู้ทำรายการเอง');
    const entry = page.locator('.audit-reporter-revealed').first();
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain(filed.body.trackingCode);
    expect(text).toContain('ต้องโทรสอบถามข้อเท็จจริงเพิ่มเติม');
    expect(text).toContain(officer.name);
    expect(text).not.toContain('0899999999');
    expect(await page.locator('.audit-grant-approved').count()).toBe(1);
    expect(lineIdsIn(await page.innerHTML('main'), [officer.sub, admin.sub])).toEqual([]);
    await page.screenshot({ path: '/tmp/liff-integrity-audit-360.png', fullPage: true });
    await page.close();
  });
});
