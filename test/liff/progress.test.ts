import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { grantRoles } from '../../functions/src/staff/store.ts';
import { api, givenOrg, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, open, signedInPage } from './support.ts';

/**
 * Plan progress (issue 17) in real Chromium at phone size against the real server in local mode: an officer opens
 * this half-year's projects, records one as done with its spending and result, and the monitoring report shows it.
 */
const fixture = readFileSync(new URL('../fixtures/plans/five-year-maesot-excerpt.txt', import.meta.url), 'utf8');
let t: TestApp;
let browser: TestBrowser;
let orgId: string;
const officer = { sub: newUserId(), name: 'นางสาวติดตามแผน' };

beforeAll(async () => {
  await buildLiffApp();
  // Sunday 22 November 2026 (not a Monday: the weekly ratings summary job has nothing to do).
  t = await startTestApp({ at: '2026-11-22T03:00:00.000Z' });
  orgId = (await givenOrg(t, { name: 'เทศบาลนครแม่สอด' })).id;
  await importPlanDocument(t.rt.db, orgId, parsePlanDocument(fixture, { file: 'maesot.txt' }), t.clock.now());
  await grantRoles(t.rt.db, orgId, { userId: officer.sub, roles: ['officer'], displayName: officer.name }, t.clock.now());
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

describe('recording plan progress on a phone', { timeout: 60_000 }, () => {
  it('an officer opens this half-year\'s projects, records one as done, and the report shows it', async () => {
    const page = await newPage(officer);
    await open(page, t.rt.baseUrl, orgId, 'staff/progress');
    await page.locator('[data-testid=progress-list] li').first().waitFor();
    expect(await page.textContent('h1')).toBe('ความคืบหน้าตามแผน (เจ้าหน้าที่)');
    expect(await page.locator('[data-testid=progress-list] li').count()).toBe(35);
    expect(await page.textContent('main')).toContain('ปีงบประมาณ 2570 · ครึ่งปีแรก (ต.ค.–มี.ค.)');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);

    await page.click('a[href$="/staff/progress/2570/d1-3"]');
    await page.locator('main form button[type=submit]').waitFor();
    await page.click('label:has(input[value=done])');
    await page.fill('#spentBaht', '๑๕,๐๐๐');
    await page.fill('#finishedOn', '2026-11-20');
    await page.fill('#results', 'ผู้เข้าอบรม 40 คน ผ่านแบบทดสอบร้อยละ 92');
    await page.click('main form button[type=submit]');
    await page.getByText('บันทึกความคืบหน้าแล้ว').waitFor();
    await page.getByText('ประวัติการแก้ไข').waitFor();
    expect(await page.textContent('main')).toContain(`โดย ${officer.name}`);

    const report = await api(t, 'GET', `/api/orgs/${orgId}/reports/2570/six-month`);
    expect(report.body.total).toMatchObject({ projectsDone: 1, budgetSpent: 15000 });
    expect(report.body.projects.find((p: { id: string }) => p.id === 'd1-3')).toMatchObject({ status: 'done', results: 'ผู้เข้าอบรม 40 คน ผ่านแบบทดสอบร้อยละ 92' });
    await page.close();
  });

  it('an officer writes the report\'s problems and suggestions, and the printable report shows them', async () => {
    const page = await newPage(officer);
    await open(page, t.rt.baseUrl, orgId, 'staff/progress');
    await page.click('a[href$="staff/progress/report-text?year=2570&period=six-month"]');
    await page.locator('#problems').waitFor();
    await page.fill('#problems', 'การจัดซื้อจัดจ้างล่าช้าในไตรมาสแรก');
    await page.fill('#suggestions', 'ควรจัดทำแผนจัดซื้อล่วงหน้า');
    await page.click('main form button[type=submit]');
    await page.getByText('บันทึกแล้ว รายงานแสดงข้อความนี้').waitFor();
    const html = await (await fetch(`${t.rt.baseUrl}/orgs/${orgId}/reports/2570/six-month`)).text();
    expect(html).toContain('การจัดซื้อจัดจ้างล่าช้าในไตรมาสแรก');
    expect(html).toContain('ควรจัดทำแผนจัดซื้อล่วงหน้า');
    await page.close();
  });

  it('a citizen who opens the page is told it is for staff', async () => {
    const page = await newPage({ sub: newUserId(), name: 'ประชาชน' });
    await open(page, t.rt.baseUrl, orgId, 'staff/progress');
    await page.getByText('หน้านี้สำหรับเจ้าหน้าที่ที่มีสิทธิ์เฉพาะ').waitFor();
    await page.close();
  });
});
