import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newServiceSchema } from '../../functions/src/queue/schema.ts';
import { createService } from '../../functions/src/queue/store.ts';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, open, signedInPage } from './support.ts';

/**
 * Satisfaction ratings (issue 7) in real Chromium at 360×740 against the real server in local mode: a person opens the
 * QR poster's link, rates, sees the thank-you page, and the public results page and CSV show the rating; a second
 * rating of the same service that day and forged submissions are refused.
 */
let t: TestApp;
let browser: TestBrowser;
let orgId: string;
const citizen = { sub: newUserId(), name: 'สมศรี ประเมิน' };
const officer = { sub: newUserId(), name: 'เจ้าหน้าที่ทะเบียน' };
const SERVICE = 'civil-registration';
const SERVICE_TITLE = 'งานทะเบียนราษฎร';

beforeAll(async () => {
  await buildLiffApp();
  // Monday 23 November 2026, 10:00 in Bangkok.
  t = await startTestApp({ at: '2026-11-23T03:00:00.000Z' });
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลทดสอบประเมิน' })).id;
  const now = t.clock.now().toISOString();
  // A queue service, made the way test/ratings/* make them.
  for (const [id, name, prefix] of [[SERVICE, SERVICE_TITLE, 'A'], ['tax', 'งานจัดเก็บภาษี', 'B']] as const) {
    const fields = newServiceSchema.parse({ id, name, prefix, counters: [{ id: 'c1', name: 'ช่อง 1' }] });
    await createService(t.rt.db, orgId, { ...fields, createdAt: now, updatedAt: now });
  }
  await grantStaffRoles(t, orgId, { userId: officer.sub, roles: ['officer'], displayName: officer.name });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function newPage(user = citizen): Promise<Page> {
  const page = await signedInPage(browser, t.rt.baseUrl, user);
  return page;
}

/** Taps one score box per item, as a person does (the box is the radio's label; the real radio covers it). */
async function rate(page: Page, scores: Record<string, number>) {
  for (const [item, value] of Object.entries(scores)) await page.click(`label[for="score-${item}-${value}"]`);
}

const SCORES = { process: 5, staff: 4, facilities: 4, quality: 3, overall: 5 };
// All items pooled: 21 / 5 answers = mean 4.2 → ร้อยละความพึงพอใจ 84.0; 4 of 5 answers are 4-5 → 80.0.

describe('rating a service from its QR code', { timeout: 60_000 }, () => {
  it('a person opens the poster link, sees all five items on one phone screen, rates, and gets the thank-you page', async () => {
    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, `ratings/new?service=${SERVICE}`);
    await page.locator('fieldset#score-overall').waitFor();
    expect(await page.textContent('h1')).toBe('ประเมินความพึงพอใจ');
    expect(await page.textContent('main .rate-context')).toContain(SERVICE_TITLE);

    // Five fieldsets with legends, five real radios each, labelled with the number and the Thai word.
    const rows = await page.$$eval('fieldset.rate-row', (fs) => fs.map((f) => ({ legend: f.querySelector('legend')?.textContent, radios: f.querySelectorAll('input[type=radio]').length })));
    expect(rows.map((r) => r.legend)).toEqual(['ขั้นตอนการให้บริการ', 'เจ้าหน้าที่ผู้ให้บริการ', 'สิ่งอำนวยความสะดวก', 'คุณภาพการให้บริการ', 'ความพึงพอใจโดยรวม']);
    for (const r of rows) expect(r.radios).toBe(5);
    expect(await page.textContent('label[for="score-process-1"]')).toBe('1น้อยที่สุด');
    expect(await page.textContent('label[for="score-process-5"]')).toBe('5มากที่สุด');
    // Large tap targets, nothing wider than the phone, and all five rows on the first 360×740 screen.
    const boxes = await page.$$eval('.rate-opt', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, bottom: r.bottom })));
    expect(boxes).toHaveLength(25);
    for (const b of boxes) {
      expect(b.w).toBeGreaterThanOrEqual(44);
      expect(b.h).toBeGreaterThanOrEqual(44);
      expect(b.bottom).toBeLessThanOrEqual(740);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/ratings-form-360.png' });

    // Sending with nothing chosen lists each missing item, linked to its row.
    await page.click('main button[type=submit]');
    await page.locator('#error-summary').waitFor();
    expect(await page.textContent('#error-summary li')).toBe('กรุณาให้คะแนนทั้ง 5 ด้าน');
    expect(await page.locator('fieldset.rate-row .error-text').count()).toBe(5);
    expect(await page.getAttribute('#score-facilities', 'aria-describedby')).toBe('score-facilities-error');
    await page.click('label[for="score-process-4"]');
    await page.click('label[for="score-overall-4"]');
    await page.click('main button[type=submit]');
    await expect.poll(() => page.textContent('#error-summary li')).toBe('ยังไม่ได้ให้คะแนน: เจ้าหน้าที่ผู้ให้บริการ, สิ่งอำนวยความสะดวก, คุณภาพการให้บริการ');
    // The summary's link takes focus to the first unchosen row.
    await page.click('#error-summary a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('score-staff-1');
    await page.screenshot({ path: '/tmp/ratings-form-errors-360.png', fullPage: true });

    await rate(page, SCORES);
    expect(await page.isChecked('#score-quality-3')).toBe(true);
    await page.click('.rate-more summary');
    await page.fill('#comment', 'เจ้าหน้าที่บริการดีมาก แต่ที่จอดรถน้อย');
    await page.selectOption('#ageGroup', '40-49');
    const sent = page.waitForRequest((r) => r.url().endsWith(`/api/orgs/${orgId}/ratings`) && r.method() === 'POST');
    await page.click('main button[type=submit]');
    const request = await sent;
    expect(request.headers().authorization).toMatch(/^Bearer \S+\.\S+\.\S+$/);
    expect(request.postDataJSON()).toEqual({ serviceId: SERVICE, scores: SCORES, comment: 'เจ้าหน้าที่บริการดีมาก แต่ที่จอดรถน้อย', ageGroup: '40-49' });

    await page.locator('#rated-title').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rated-title');
    expect(await page.textContent('#rated-title')).toBe('ขอบคุณที่ร่วมประเมินค่ะ');
    expect(await page.textContent('[data-testid=rated-message]')).toContain(`บริการ${SERVICE_TITLE}`);
    await page.screenshot({ path: '/tmp/ratings-thanks-360.png' });

    // The results page shows it: one rater, both figures named, per item.
    await page.click('text=ดูผลความพึงพอใจ');
    await page.waitForURL(/\/ratings\/results\?service=civil-registration$/);
    await page.locator('[data-testid=rate-count]').waitFor();
    expect(await page.textContent('[data-testid=rate-count]')).toBe('1');
    expect(await page.inputValue('#service')).toBe(SERVICE);
    const mean = await page.textContent('[data-testid=rate-mean]');
    expect(mean).toContain('ร้อยละความพึงพอใจ');
    expect(mean).toContain('(ค่าเฉลี่ย ÷ 5 × 100)');
    expect(mean).toContain('84.0');
    expect(mean).toContain('คะแนนเฉลี่ย 4.20 จาก 5');
    const satisfied = await page.textContent('[data-testid=rate-satisfied]');
    expect(satisfied).toContain('ร้อยละผู้ที่พึงพอใจมาก-มากที่สุด');
    expect(satisfied).toContain('(ระดับ 4-5)');
    expect(satisfied).toContain('80.0');
    expect(await page.textContent('[data-testid=rate-target]')).toContain('ร้อยละ 80');
    expect(await page.textContent('[data-testid=rate-target]')).toContain('ถึงเป้าหมาย');
    const items = await page.$$eval('#rate-items-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, [...tr.querySelectorAll('.rate-fig-value')].map((v) => v.textContent)]));
    expect(items).toEqual([
      ['ขั้นตอนการให้บริการ', ['100.0 %', '100.0 %']],
      ['เจ้าหน้าที่ผู้ให้บริการ', ['80.0 %', '100.0 %']],
      ['สิ่งอำนวยความสะดวก', ['80.0 %', '100.0 %']],
      ['คุณภาพการให้บริการ', ['60.0 %', '0.0 %']],
      ['ความพึงพอใจโดยรวม', ['100.0 %', '100.0 %']],
    ]);
    expect(await page.textContent('#rate-services-table')).toContain(SERVICE_TITLE);
    expect(await page.textContent('#rate-months-table')).toContain('พฤศจิกายน 2569');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/ratings-results-360.png', fullPage: true });

    // … and so does the CSV behind its link (UTF-8 with BOM, both figures in named columns).
    const csvHref = await page.getAttribute('[data-testid=rate-csv]', 'href');
    expect(csvHref).toBe(`/api/orgs/${orgId}/ratings/summary.csv?serviceId=${SERVICE}`);
    const csv = await page.evaluate(async (href) => {
      const res = await fetch(href!);
      return { type: res.headers.get('content-type'), bytes: [...new Uint8Array(await res.clone().arrayBuffer()).slice(0, 3)], text: await res.text() };
    }, csvHref);
    expect(csv.type).toContain('text/csv');
    expect(csv.bytes).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('ร้อยละความพึงพอใจ (คะแนนเฉลี่ย ÷ 5 × 100)');
    const whole = csv.text.split(/\r?\n/).find((l) => l.startsWith('ทั้งช่วง') && l.includes(`,${SERVICE_TITLE},${SERVICE},ทุกด้านรวมกัน,`))!;
    expect(whole).toBeDefined();
    expect(whole.split(',').slice(5, 7)).toEqual(['1', '5']);
    expect(whole).toContain(',4.2,84,80,80,ผ่าน');
    // The comment is for staff only: neither the results page nor the CSV carries it.
    expect(csv.text).not.toContain('ที่จอดรถ');
    expect(await page.textContent('main')).not.toContain('ที่จอดรถ');
    await page.close();
  });

  it('a second rating of the same service the same day is refused in the API’s Thai words', async () => {
    const page = await newPage();
    // Told on opening, before any tap (GET ratings/eligibility): no score rows to fill in vain.
    const asked = page.waitForResponse((r) => r.url().includes(`/ratings/eligibility?serviceId=${SERVICE}`));
    await open(page, t.rt.baseUrl, orgId, `ratings/new?service=${SERVICE}`);
    expect(await (await asked).json()).toEqual({ eligible: false, reason: 'คุณได้ประเมินบริการนี้ไปแล้ววันนี้ ขอบคุณค่ะ', status: 409 });
    await page.locator('#rating-refused').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rating-refused');
    expect(await page.textContent('[data-testid=refusal]')).toBe('คุณได้ประเมินบริการนี้ไปแล้ววันนี้ ขอบคุณค่ะ');
    expect(await page.locator('fieldset#score-overall').count()).toBe(0);
    await page.screenshot({ path: '/tmp/ratings-refused-360.png' });
    // The submission still checks for itself: with the up-front answer forced to "yes", sending is refused the same way.
    await page.route('**/ratings/eligibility?*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"eligible":true}' }));
    await open(page, t.rt.baseUrl, orgId, `ratings/new?service=${SERVICE}`);
    await page.locator('fieldset#score-overall').waitFor();
    await rate(page, { process: 1, staff: 1, facilities: 1, quality: 1, overall: 1 });
    await page.click('main button[type=submit]');
    await page.locator('#rating-refused').waitFor();
    expect(await page.textContent('[data-testid=refusal]')).toBe('คุณได้ประเมินบริการนี้ไปแล้ววันนี้ ขอบคุณค่ะ');
    await page.unroute('**/ratings/eligibility?*');
    // Another service the same day is a different visit.
    await open(page, t.rt.baseUrl, orgId, 'ratings/new?service=tax');
    await page.locator('fieldset#score-overall').waitFor();
    await rate(page, { process: 4, staff: 4, facilities: 4, quality: 4, overall: 4 });
    await page.click('main button[type=submit]');
    await page.locator('#rated-title').waitFor();
    await page.close();
  });

  it('a complaint link of someone else’s (or an unfinished) complaint is refused with the reason', async () => {
    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, 'ratings/new?complaint=01KAAAAAAAAAAAAAAAAAAAAAAA');
    // Said on opening (the eligibility check), not after five taps.
    await page.locator('#rating-refused').waitFor();
    expect(await page.locator('fieldset#score-overall').count()).toBe(0);
    expect(await page.textContent('[data-testid=refusal]')).toContain('ประเมินได้เฉพาะเรื่องร้องเรียนที่คุณแจ้งผ่าน LINE');
    await page.close();
  });

  it('forged submissions from the page are refused and change nothing', async () => {
    // Someone who has not rated `tax` today (the citizen above has: the form would not even show).
    const page = await newPage({ sub: newUserId(), name: 'ผู้ทดสอบปลอมแปลง' });
    await open(page, t.rt.baseUrl, orgId, `ratings/new?service=tax`);
    const results = await page.evaluate(async (org) => {
      const post = async (headers: Record<string, string>, body: unknown) => {
        const res = await fetch(`/api/orgs/${org}/ratings`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
        return { status: res.status, body: await res.json() as { error?: string } };
      };
      const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
      const body = { serviceId: 'tax', scores: { process: 1, staff: 1, facilities: 1, quality: 1, overall: 1 } };
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://access.line.me', sub: 'U0000000000000000000000000000000f', aud: '1234567890', iat: now, exp: now + 3600 })}.`;
      return {
        none: await post({}, body),
        garbage: await post({ authorization: 'Bearer not-a-token' }, body),
        unsigned: await post({ authorization: `Bearer ${unsigned}` }, body),
      };
    }, orgId);
    expect(results.none.status).toBe(401);
    expect(results.garbage.status).toBe(401);
    expect(results.unsigned.status).toBe(401);
    // A client cannot say who it is either: unknown fields are refused even with a valid token.
    const withUser = page.waitForResponse((r) => r.url().endsWith(`/api/orgs/${orgId}/ratings`) && r.request().method() === 'POST');
    await page.route(`**/api/orgs/${orgId}/ratings`, async (route) => {
      const body = route.request().postDataJSON() as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, userId: 'U0000000000000000000000000000000f' }) });
    });
    await page.locator('fieldset#score-overall').waitFor();
    await rate(page, { process: 2, staff: 2, facilities: 2, quality: 2, overall: 2 });
    await page.click('main button[type=submit]');
    expect((await withUser).status()).toBe(400);
    await page.locator('#error-summary').waitFor();
    await page.unroute(`**/api/orgs/${orgId}/ratings`);

    const summary = await page.evaluate(async (org) => (await fetch(`/api/orgs/${org}/ratings/summary`)).json() as Promise<{ total: { ratings: number } }>, orgId);
    expect(summary.total.ratings).toBe(2);
    await page.close();
  });
});

describe('rating form details', { timeout: 60_000 }, () => {
  it('without a link the person picks the service; the server’s field messages land next to their fields', async () => {
    const page = await newPage({ sub: newUserId(), name: 'ผู้ประเมินใหม่' });
    await open(page, t.rt.baseUrl, orgId, 'ratings/new');
    await page.locator('#serviceId option[value=tax]').waitFor({ state: 'attached' });
    await page.route(`**/api/orgs/${orgId}/ratings`, (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'ข้อมูลแบบประเมินไม่ถูกต้อง', issues: [{ path: 'scores.staff', message: 'คะแนนด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการต้องอยู่ระหว่าง 1-5' }, { path: 'comment', message: 'ความคิดเห็นยาวเกิน 500 ตัวอักษร' }] }) }),
    );
    await page.selectOption('#serviceId', 'tax');
    await rate(page, SCORES);
    await page.click('main button[type=submit]');
    await page.locator('#score-staff-error').waitFor();
    expect(await page.textContent('#score-staff-error')).toContain('ต้องอยู่ระหว่าง 1-5');
    expect(await page.getAttribute('#score-staff', 'aria-describedby')).toBe('score-staff-error');
    // The optional part opens to show its message.
    expect(await page.textContent('#comment-error')).toContain('ยาวเกิน 500');
    expect(await page.isVisible('#comment')).toBe(true);
    await page.screenshot({ path: '/tmp/ratings-server-errors-360.png', fullPage: true });
    await page.close();
  });
});

describe('comments for staff', { timeout: 60_000 }, () => {
  it('citizens are told plainly the page is for staff; an officer reads the comment with its scores', async () => {
    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, 'staff/ratings');
    await page.locator('.notice-error').waitFor();
    expect(await page.textContent('main')).toContain('หน้านี้สำหรับเจ้าหน้าที่ที่มีสิทธิ์เฉพาะ');
    await page.close();

    const staffPage = await newPage(officer);
    await open(staffPage, t.rt.baseUrl, orgId, 'staff/ratings');
    await staffPage.locator('.rate-comment').first().waitFor();
    const text = await staffPage.textContent('.rate-comments');
    expect(text).toContain('เจ้าหน้าที่บริการดีมาก แต่ที่จอดรถน้อย');
    expect(text).toContain(SERVICE_TITLE);
    expect(text).toContain('คุณภาพ 3');
    await staffPage.screenshot({ path: '/tmp/ratings-staff-360.png', fullPage: true });
    await staffPage.close();
  });
});
