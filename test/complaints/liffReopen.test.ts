import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenOrg, idTokenFor, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from '../liff/browser.ts';
import { actAs, buildLiffApp, open } from '../liff/support.ts';
import { corruptionBody, generalBody } from './harness.ts';

/** "ยังไม่ได้รับการแก้ไข" on the LIFF status page, in real Chromium against the real server (local mode). */
let t: TestApp;
let browser: TestBrowser;
let orgId: string;
const citizen = { sub: newUserId(), name: 'สมชาย ทดสอบ' };

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลทดสอบเปิดเรื่องใหม่' })).id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function api(method: string, path: string, userId: string, body?: unknown) {
  const res = await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}${path}`, {
    method,
    headers: { authorization: `Bearer ${await idTokenFor(t, userId)}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBeLessThan(300);
  return res.json() as Promise<{ id: string; trackingCode: string }>;
}

describe('the LIFF status page: "not fixed"', { timeout: 60_000 }, () => {
  it('offers the button on a resolved complaint, asks for a reason, and shows the case open again', async () => {
    const officer = newUserId();
    await grantStaffRoles(t, orgId, { userId: officer, displayName: 'เจ้าหน้าที่ทดสอบ', roles: ['officer'] });
    const filed = await api('POST', '/complaints', citizen.sub, generalBody());
    await api('POST', `/staff/complaints/${filed.id}/status`, officer, { to: 'resolved', note: 'เปลี่ยนหลอดไฟแล้ว' });

    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await actAs(page, t.rt.baseUrl, citizen);
    await open(page, t.rt.baseUrl, orgId, `complaints/${filed.trackingCode}`);
    await page.getByRole('button', { name: 'ยังไม่ได้รับการแก้ไข' }).click();

    // Too short: told next to the field, nothing sent.
    await page.fill('#reopen-reason', 'ไม่');
    await page.getByRole('button', { name: 'ส่งเรื่องให้เจ้าหน้าที่ดำเนินการต่อ' }).click();
    await page.locator('#reopen-reason-error').waitFor();
    expect(await page.getAttribute('#reopen-reason', 'aria-invalid')).toBe('true');

    await page.fill('#reopen-reason', 'ไฟยังดับอยู่เหมือนเดิม');
    await page.getByRole('button', { name: 'ส่งเรื่องให้เจ้าหน้าที่ดำเนินการต่อ' }).click();
    await page.locator('.notice-success').waitFor();
    expect(await page.textContent('.notice-success')).toContain('ถูกเปิดอีกครั้ง');
    const view = await page.textContent('main');
    expect(view).toContain('กำลังดำเนินการ');
    expect(view).toContain('ไฟยังดับอยู่เหมือนเดิม');
    expect(view).toContain('ผู้แจ้งแจ้งว่ายังไม่ได้รับการแก้ไข');
    expect(await page.getByRole('button', { name: 'ยังไม่ได้รับการแก้ไข' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/liff-complaint-not-fixed-360.png', fullPage: true });
    await page.close();
  });
  it('lets an anonymous reporter say "not fixed" from the tracking page with the code and secret', async () => {
    const integrity = newUserId();
    await grantStaffRoles(t, orgId, { userId: integrity, displayName: 'เจ้าหน้าที่ตรวจสอบ', roles: ['integrity_officer'] });
    const res = await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(corruptionBody({ anonymous: true, contact: undefined })),
    });
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { id: string; trackingCode: string; trackingSecret: string };
    await api('POST', `/staff/complaints/${filed.id}/status`, integrity, { to: 'resolved', note: 'ลงโทษทางวินัยแล้ว' });

    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await actAs(page, t.rt.baseUrl, { sub: newUserId(), name: 'ผู้อื่น' });
    await open(page, t.rt.baseUrl, orgId, 'complaints/track');
    await page.fill('#code', filed.trackingCode);
    await page.getByRole('button', { name: 'ดูสถานะ' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.getByRole('button', { name: 'ยังไม่ได้รับการแก้ไข' }).count()).toBe(0);

    await page.fill('#secret', filed.trackingSecret);
    await page.getByRole('button', { name: 'ดูสถานะ' }).click();
    await page.getByRole('button', { name: 'ยังไม่ได้รับการแก้ไข' }).click();
    await page.fill('#reopen-reason', 'ยังถูกเรียกเงินอยู่เหมือนเดิม');
    await page.getByRole('button', { name: 'ส่งเรื่องให้เจ้าหน้าที่ดำเนินการต่อ' }).click();
    await page.locator('.notice-success').waitFor();
    expect(await page.textContent('.notice-success')).toContain('รหัสลับเดิม');
    await page.screenshot({ path: '/tmp/liff-track-not-fixed-360.png', fullPage: true });
    expect(await page.textContent('main')).toContain('กำลังดำเนินการ');
    expect(await page.getByRole('button', { name: 'ยังไม่ได้รับการแก้ไข' }).count()).toBe(0);
    await page.close();

    const staffView = await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/staff/complaints/${filed.id}`, { headers: { authorization: `Bearer ${await idTokenFor(t, integrity)}` } });
    const detail = (await staffView.json()) as { status: string };
    expect(detail.status).toBe('in_progress');
  });
});
