import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, open, signedInPage } from './support.ts';

let t: TestApp;
let orgId: string;
let browser: TestBrowser;

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  orgId = (await givenOrg(t)).id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function pageAs(user: { sub: string; name: string }): Promise<Page> {
  const page = await signedInPage(browser, t.rt.baseUrl, user);
  return page;
}

describe('a mis-tapped close in the LIFF staff page', { timeout: 90_000 }, () => {
  it('asks for the note first, and can be undone by the officer within 5 minutes; the complainant never hears of it', async () => {
    const citizen = { sub: newUserId(), name: 'สมชาย ผู้ร้อง' };
    const token = (await (await fetch(`${t.rt.baseUrl}/dev/id-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: citizen.sub, name: citizen.name }) })).json()) as { idToken: string };
    const cats = (await (await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/complaints/categories`)).json()) as Array<{ id: string; kind: string }>;
    const filed = (await (
      await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.idToken}` },
        body: JSON.stringify({ kind: 'general', category: cats.find((c) => c.kind === 'general')!.id, title: 'ไฟถนนดับหน้าซอย 7', description: 'ไฟถนนดับมาสามคืนแล้ว มืดมาก', place: { text: 'ซอย 7' }, consent: true }),
      })
    ).json()) as { id: string; trackingCode: string };
    const officer = { sub: newUserId(), name: 'สมศรี รับเรื่อง' };
    await grantStaffRoles(t, orgId, { userId: officer.sub, displayName: officer.name, roles: ['officer'] });

    const page = await pageAs(officer);
    await open(page, t.rt.baseUrl, orgId, `staff/complaints/${filed.id}`);
    await page.check('input[name=to][value=resolved]');
    await page.click('main form.form button[type=submit]');
    // Closing without saying what was done is not possible.
    await page.locator('#error-summary').waitFor();
    expect(await page.textContent('#error-summary')).toContain('แก้ไขอะไรไปแล้ว');
    await page.fill('#note', 'เปลี่ยนหลอดไฟแล้ว');
    await page.click('main form.form button[type=submit]');
    await page.locator('.notice-success').waitFor();
    const undo = page.getByRole('button', { name: /ย้อนกลับ/ });
    await undo.waitFor();
    await page.screenshot({ path: '/tmp/liff-staff-undo-360.png', fullPage: true });
    t.clock.advance(3 * 60_000);
    await undo.click();
    await expect.poll(() => page.textContent('.notice-success')).toContain('ย้อนกลับแล้ว');
    await expect.poll(() => page.textContent('main')).toContain('รับเรื่องเข้าระบบแล้ว');
    // Staff see what happened in the history: the close, marked as taken back, and the undo.
    await expect.poll(() => page.textContent('.timeline')).toContain('ดำเนินการแล้วเสร็จ (ย้อนกลับแล้ว)');
    expect(await page.textContent('.timeline')).toContain('ย้อนกลับการเปลี่ยนสถานะก่อนหน้า');

    // The window passes: the message about the undone close was withdrawn, nothing reaches the complainant.
    t.clock.advance(5 * 60_000);
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    const outbox = JSON.stringify(await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${citizen.sub}`)).json());
    expect(outbox).not.toContain('เปลี่ยนหลอดไฟแล้ว');
    expect(outbox).not.toContain('ดำเนินการแล้วเสร็จ');
    await page.close();
  });
});

describe('a case the complainant says is not fixed', { timeout: 90_000 }, () => {
  it('reached the complainant as one message when closed, and shows first in the inbox, marked, once reopened', async () => {
    const citizen = newUserId();
    const token = (await (await fetch(`${t.rt.baseUrl}/dev/id-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: citizen, name: 'สมหญิง ผู้ร้อง' }) })).json()) as { idToken: string };
    const call = async (method: string, path: string, auth: string, body?: unknown) => {
      const res = await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const cats = (await (await fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/complaints/categories`)).json()) as Array<{ id: string; kind: string }>;
    const file = async (title: string) =>
      (await call('POST', '/complaints', token.idToken, { kind: 'general', category: cats.find((c) => c.kind === 'general')!.id, title, description: `${title} มาหลายวันแล้ว`, place: { text: 'ซอย 9' }, consent: true })).json as { id: string; trackingCode: string };
    const reopenedCase = await file('ท่อระบายน้ำอุดตันหน้าบ้าน');
    t.clock.advance(60_000);
    const newer = await file('หญ้ารกริมถนนซอย 9');

    const officer = { sub: newUserId(), name: 'สมศักดิ์ รับเรื่อง' };
    await grantStaffRoles(t, orgId, { userId: officer.sub, displayName: officer.name, roles: ['officer'] });
    const officerToken = (await (await fetch(`${t.rt.baseUrl}/dev/id-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: officer.sub, name: officer.name }) })).json()) as { idToken: string };
    expect((await call('POST', `/staff/complaints/${reopenedCase.id}/status`, officerToken.idToken, { to: 'resolved', note: 'ลอกท่อแล้ว' })).status).toBe(200);
    // After the undo window the complainant hears of it once: the text and its button in one message.
    t.clock.advance(6 * 60_000);
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    const told = (await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${citizen}`)).json()) as Array<{ messages: unknown[] }>;
    expect(told).toHaveLength(1);
    expect(told[0]!.messages).toHaveLength(1);
    expect(JSON.stringify(told[0]!.messages)).toContain('ลอกท่อแล้ว');

    expect((await call('POST', `/complaints/track/${reopenedCase.trackingCode}/reopen`, token.idToken, { reason: 'น้ำยังท่วมขังเหมือนเดิมหลังฝนตก' })).status).toBe(200);

    const page = await pageAs(officer);
    await open(page, t.rt.baseUrl, orgId, 'staff/complaints');
    await page.locator('main .list .list-item').first().waitFor();
    const first = page.locator('main .list .list-item').first();
    expect(await first.textContent()).toContain(reopenedCase.trackingCode);
    expect(await first.getAttribute('class')).toContain('list-item-reopened');
    expect(await first.locator('.badge-reopened').textContent()).toContain('↺');
    expect(await page.locator('main .list .list-item').nth(1).textContent()).toContain(newer.trackingCode);
    await page.screenshot({ path: '/tmp/liff-staff-inbox-reopened-360.png', fullPage: true });
    await page.close();
  });
});
