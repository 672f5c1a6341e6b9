import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { bigPhoto, buildLiffApp, jpegSize, open, signedInPage } from './support.ts';

/**
 * The LIFF app in real Chromium (360×740) against the real server in local mode: LIFF mocked by @line/liff-mock, a real
 * ID token from the local issuer, the real complaints API on the embedded Firestore.
 */
let t: TestApp;
let browser: TestBrowser;
let orgId: string;
const citizen = { sub: newUserId(), name: 'สมชาย ทดสอบ' };

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลทดสอบลิฟฟ์' })).id;
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

describe('LIFF app shell', { timeout: 60_000 }, () => {
  it('opens an organisation in local mode with a mocked LIFF and a real local token, in Thai, readable at 360 px', async () => {
    const page = await newPage();
    const tokenCall = page.waitForResponse((r) => r.url().endsWith('/dev/id-token') && r.status() === 200);
    await open(page, t.rt.baseUrl, orgId);
    await tokenCall;
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.textContent('h1')).toBe('บริการของหน่วยงาน');
    expect(await page.textContent('.topbar')).toContain('เทศบาลตำบลทดสอบลิฟฟ์');
    expect(await page.textContent('[data-testid=dev-user]')).toBe(citizen.name);
    expect(await page.title()).toContain('เทศบาลตำบลทดสอบลิฟฟ์');

    // Nothing wider than the phone, and every tile and button at least 44 px tall.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const heights = await page.$$eval('main a.tile, main .btn', (els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: '/tmp/liff-home-360.png', fullPage: true });

    // Client-side navigation moves focus to the new page's heading.
    await page.click('a.tile[href$="/complaints/new"]');
    await page.waitForURL(/\/complaints\/new$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    expect(await page.textContent('h1')).toBe('ร้องเรียน / แจ้งเรื่อง');

    // A service this organisation does not have, and a page that does not exist, are both said plainly in Thai.
    await open(page, t.rt.baseUrl, orgId, 'queue/civil-registration');
    await page.locator('text=ไม่พบบริการนี้').waitFor();
    await open(page, t.rt.baseUrl, orgId, 'no/such/page');
    expect(await page.textContent('h1')).toBe('ไม่พบหน้านี้');
    await page.close();
  });

  it('says plainly when the organisation does not exist', async () => {
    const page = await newPage();
    await page.goto(`${t.rt.baseUrl}/liff/no-such-org/`);
    await page.locator('h1').waitFor();
    expect(await page.textContent('main')).toContain('ไม่พบหน่วยงานนี้');
    await page.close();
  });
});

/** Fills the general complaint form as a person would: category, title, description, place, one big photo, consent. */
async function fillGeneral(page: Page) {
  await page.locator('#category option[value="street-light"]').waitFor({ state: 'attached' });
  await page.selectOption('#category', 'street-light');
  await page.fill('#title', 'ไฟถนนดับหน้าซอย 5');
  await page.fill('#description', 'ไฟถนนดับมาสามคืนแล้ว มืดมาก เด็กเดินกลับบ้านอันตราย');
  await page.fill('#place', 'ซอย 5 ถนนอินทรคีรี ใกล้ร้านข้าวมันไก่');
  const photo = await bigPhoto(page);
  await page.setInputFiles('#photos', { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('.photos img').waitFor();
  await page.check('#consent');
}

describe('complaints in the LIFF app', { timeout: 60_000 }, () => {
  let generalCode = '';
  let anonymous = { code: '', secret: '' };

  it('checks the form before sending, lists what is wrong, and shows the server’s field messages next to the fields', async () => {
    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, 'complaints/new/general');
    await page.click('main button[type=submit]');
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const text = await summary.textContent();
    expect(text).toContain('กรุณาเลือกประเภทเรื่อง');
    expect(text).toContain('กรุณายืนยันการยินยอม');
    expect(await page.getAttribute('#title', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#title', 'aria-describedby')).toContain('title-error');
    // A link in the summary takes focus to its field.
    await summary.locator('a[href="#title"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('title');

    // What the server refuses is shown by the field it concerns.
    await page.route('**/api/orgs/*/complaints', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'invalid', issues: [{ path: 'place.text', message: 'สถานที่นี้อยู่นอกเขตเทศบาล' }] }) }),
    );
    await fillGeneral(page);
    await page.click('main button[type=submit]');
    await page.locator('#place-error').waitFor();
    expect(await page.textContent('#place-error')).toContain('สถานที่นี้อยู่นอกเขตเทศบาล');
    expect(await page.textContent('#error-summary')).toContain('สถานที่นี้อยู่นอกเขตเทศบาล');

    // Leaving the form by mistake and coming back keeps what was typed.
    await page.click('.topbar-home');
    await page.waitForURL(new RegExp(`/liff/${orgId}/$`));
    await page.goBack();
    await page.locator('#title').waitFor();
    expect(await page.inputValue('#title')).toBe('ไฟถนนดับหน้าซอย 5');
    expect(await page.inputValue('#category')).toBe('street-light');
    await page.close();
  });

  it('files a general complaint with a photo downscaled in the browser and shows the tracking code', async () => {
    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, 'complaints/new');
    await page.click('a[href$="/complaints/new/general"]');
    await page.locator('#title').waitFor();
    await fillGeneral(page);
    // Call me back: a name and a phone number typed in Thai digits.
    await page.check('input[name=contact][value=phone]');
    await page.fill('#contactName', 'ลุงสมชาย');
    await page.fill('#phone', '๐๘๑-๒๓๔-๕๖๗๘');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/complaints$/.test(r.url()));
    await page.click('main button[type=submit]');
    const request = await posted;
    expect(request.headers().authorization).toMatch(/^Bearer ey/);
    const body = request.postDataJSON() as { photos: Array<{ contentType: string; data: string }>; contact: unknown };
    expect(body.contact).toEqual({ method: 'phone', phone: '0812345678', name: 'ลุงสมชาย' });
    expect(body.photos).toHaveLength(1);
    const jpeg = Buffer.from(body.photos[0]!.data, 'base64');
    const size = jpegSize(jpeg)!;
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(1280);
    expect(jpeg.length).toBeLessThanOrEqual(300 * 1024);
    expect(jpeg.includes(Buffer.from('Exif'))).toBe(false);

    const code = page.locator('[data-testid=tracking-code]');
    await code.waitFor();
    generalCode = (await code.getAttribute('data-code')) ?? '';
    expect(generalCode).toMatch(/^RT-[2-9A-Z]{6}$/);
    // Shown in groups to read out, spelt out for screen readers, and no secret for a named complaint.
    expect(await code.locator('.code-group').count()).toBeGreaterThan(1);
    expect(await code.locator('.visually-hidden').textContent()).toContain(generalCode.slice(3).split('').slice(0, 3).join(' '));
    expect(await page.locator('[data-testid=tracking-secret]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/liff-submitted-360.png', fullPage: true });

    // The complainant's own view: status in Thai, the 15-day line with a Buddhist-era date, and it is in "mine".
    await page.click('a[href*="/complaints/RT-"]');
    await page.locator('.timeline').waitFor();
    const view = await page.textContent('main');
    expect(view).toContain('รับเรื่องเข้าระบบแล้ว');
    expect(view).toContain('ไฟถนนดับหน้าซอย 5');
    expect(view).toMatch(/ควรดำเนินการให้แล้วเสร็จภายใน 15 วัน \(ภายในวันที่ \d+ \S+ 25\d\d\) รับเรื่องวันนี้/);
    await open(page, t.rt.baseUrl, orgId, 'complaints/mine');
    await page.locator('.list-item').first().waitFor();
    expect(await page.textContent('main')).toContain(generalCode);
    // The link LINE messages carry (complaints/track?code=…) shows the status at once.
    await open(page, t.rt.baseUrl, orgId, `complaints/track?code=${generalCode}`);
    await page.locator('#complaint-result').waitFor();
    expect(await page.textContent('#complaint-result')).toContain('ไฟถนนดับหน้าซอย 5');
    await page.close();
  });

  it('files an anonymous corruption report without sending any token, and gets a code and a secret', async () => {
    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, 'complaints/new/corruption');
    expect(await page.textContent('main')).toContain('เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต');
    await page.check('input[name=anonymous][value=anonymous]');
    await page.locator('#category option[value="bribery"]').waitFor({ state: 'attached' });
    await page.selectOption('#category', 'bribery');
    await page.fill('#title', 'ถูกเรียกเงินเพื่อให้ได้ใบอนุญาตเร็วขึ้น');
    await page.fill('#description', 'เจ้าหน้าที่เรียกเงินสามพันบาทเพื่อเร่งใบอนุญาตก่อสร้าง เมื่อวันที่ 10');
    // No contact choice and no consent for an anonymous report: nothing personal is kept.
    expect(await page.locator('#contact').count()).toBe(0);
    expect(await page.locator('#consent').count()).toBe(0);
    const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/complaints$/.test(r.url()));
    await page.click('main button[type=submit]');
    const request = await posted;
    expect(request.headers().authorization).toBeUndefined();
    expect(request.postDataJSON()).toMatchObject({ kind: 'corruption', anonymous: true });

    await page.locator('[data-testid=tracking-secret]').waitFor();
    anonymous = {
      code: (await page.getAttribute('[data-testid=tracking-code]', 'data-code')) ?? '',
      secret: (await page.getAttribute('[data-testid=tracking-secret]', 'data-code')) ?? '',
    };
    expect(anonymous.code).toMatch(/^RT-/);
    // 16 unambiguous characters (Crockford base32), shown in groups of four; a warning that nobody can recover it.
    expect(anonymous.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(await page.textContent('main')).toContain('บันทึกรหัสลับนี้ไว้ตอนนี้');
    expect(await page.textContent('main')).toContain('ไม่มีใครกู้คืนให้ได้');
    await page.screenshot({ path: '/tmp/liff-anonymous-360.png', fullPage: true });
    await page.close();
  });

  it('tracks by code: the anonymous report with its secret, typed loosely; without the secret it does not exist', async () => {
    const page = await newPage({ sub: newUserId(), name: 'คนอื่น' });
    await open(page, t.rt.baseUrl, orgId, 'complaints/track');
    // Lower case, no dash, spaces: the code still works; the secret is passed as given.
    await page.fill('#code', anonymous.code.replace('-', ' ').toLowerCase());
    await page.click('main button[type=submit]');
    await page.locator('#error-summary').waitFor();
    expect(await page.textContent('#error-summary')).toContain('รหัสลับ');

    // The secret typed in lower case with spaces between the groups is accepted.
    await page.fill('#secret', anonymous.secret.toLowerCase().replace(/(.{4})(?=.)/g, '$1 '));
    await page.click('main button[type=submit]');
    await page.locator('#complaint-result').waitFor();
    const result = await page.textContent('#complaint-result');
    expect(result).toContain('ถูกเรียกเงินเพื่อให้ได้ใบอนุญาตเร็วขึ้น');
    expect(result).toContain('รับเรื่องเข้าระบบแล้ว');
    // The secret never reaches the address bar.
    expect(page.url()).not.toContain(anonymous.secret);

    // Someone else with a general complaint's code sees its status only.
    await page.fill('#secret', '');
    await page.fill('#code', generalCode);
    await page.click('main button[type=submit]');
    await page.locator('#complaint-result').waitFor();
    const pub = await page.textContent('#complaint-result');
    expect(pub).toContain('รับเรื่องเข้าระบบแล้ว');
    expect(pub).not.toContain('ไฟถนนดับหน้าซอย 5');
    await page.close();
  });

  it('lets an officer find the complaint in the inbox and change its status with a note; a citizen is told the page is for staff', async () => {
    const officer = { sub: newUserId(), name: 'สมศรี เจ้าหน้าที่' };
    await grantStaffRoles(t, orgId, { userId: officer.sub, displayName: officer.name, roles: ['officer'] });

    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, 'staff/complaints');
    await page.locator('.notice-error').waitFor();
    expect(await page.textContent('.notice-error')).toContain('หน้านี้สำหรับเจ้าหน้าที่ที่มีสิทธิ์เฉพาะ');

    // Local mode's tester bar signs in as a demo staff member (listed by /dev/demo) and back.
    await page.click('.devbar summary');
    await Promise.all([page.waitForEvent('load'), page.click(`.devbar button:has-text("${officer.name}")`)]);
    await page.locator('h1#page-title').waitFor();
    expect(await page.textContent('[data-testid=dev-user]')).toBe(officer.name);
    expect(await page.locator(`.devbar button:has-text("กลับเป็นประชาชน: ${citizen.name}")`).count()).toBe(1);
    await page.locator('.list-item').first().waitFor();
    const inbox = await page.textContent('main');
    expect(inbox).toContain(generalCode);
    // An officer never sees corruption reports.
    expect(inbox).not.toContain(anonymous.code);

    // Filter: only open complaints of the street-light category.
    await page.click('.filters-box summary');
    await page.selectOption('#f-status', 'open');
    await page.selectOption('#f-category', 'street-light');
    await page.click('.filters button[type=submit]');
    await page.waitForURL(/status=open/);
    await page.locator('.list-item').first().waitFor();
    // The category's title arrives with the categories list (its own request): wait for it rather than race it.
    await expect.poll(() => page.textContent('.filters-box summary')).toContain('ยังไม่ปิดเรื่อง · ไฟฟ้าส่องสว่าง');
    await page.screenshot({ path: '/tmp/liff-staff-inbox-360.png', fullPage: true });

    await page.click(`.list-item:has-text("${generalCode}")`);
    await page.locator('#s-title').waitFor();
    const detail = await page.textContent('main');
    expect(detail).toContain('ไฟถนนดับมาสามคืนแล้ว');
    expect(detail).toContain('ลุงสมชาย');
    expect(detail).toContain('0812345678');
    await page.locator('.photos-large img').waitFor();
    await page.check('input[name=to][value=acknowledged]');
    await page.fill('#note', 'รับเรื่องแล้ว จะส่งช่างไปตรวจภายในวันพรุ่งนี้');
    await page.click('main form.form button[type=submit]');
    await page.locator('.notice-success').waitFor();
    expect(await page.textContent('.notice-success')).toContain('เจ้าหน้าที่รับเรื่องแล้ว');
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('จะส่งช่างไปตรวจภายในวันพรุ่งนี้');
    await page.screenshot({ path: '/tmp/liff-staff-detail-360.png', fullPage: true });
    await page.close();

    // The change (accepted: one the complainant is told of) reaches them in LINE (the sandbox's outbox) a minute after
    // its 5-minute undo window, when any undo has settled (complaints/undo.ts) ...
    expect(JSON.stringify(await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${citizen.sub}`)).json())).not.toContain('จะส่งช่างไปตรวจภายในวันพรุ่งนี้');
    t.clock.advance(5 * 60_000 + 1);
    await t.rt.runScheduledJobs();
    expect(JSON.stringify(await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${citizen.sub}`)).json())).not.toContain('จะส่งช่างไปตรวจภายในวันพรุ่งนี้');
    t.clock.advance(60_000);
    await t.rt.runScheduledJobs();
    await expect
      .poll(async () => JSON.stringify(await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${citizen.sub}`)).json()), { timeout: 15_000 })
      .toContain('จะส่งช่างไปตรวจภายในวันพรุ่งนี้');
    // ... and in the app: the new status and the note.
    const back = await newPage();
    await open(back, t.rt.baseUrl, orgId, `complaints/${generalCode}`);
    await back.locator('.timeline').waitFor();
    const view = await back.textContent('main');
    expect(view).toContain('เจ้าหน้าที่รับเรื่องแล้ว');
    expect(view).toContain('จะส่งช่างไปตรวจภายในวันพรุ่งนี้');
    await back.close();
  });

  it('shows an integrity officer the anonymous report, with no reporter, from the link staff messages carry', async () => {
    const integrity = { sub: newUserId(), name: 'วิชัย ศูนย์ต่อต้านการทุจริต' };
    await grantStaffRoles(t, orgId, { userId: integrity.sub, displayName: integrity.name, roles: ['integrity_officer'] });
    const page = await newPage(integrity);
    await open(page, t.rt.baseUrl, orgId, 'staff/complaints?kind=corruption');
    await page.locator('.list-item').first().waitFor();
    const inbox = await page.textContent('main');
    expect(inbox).toContain(anonymous.code);
    expect(inbox).not.toContain(generalCode);
    await page.click(`.list-item:has-text("${anonymous.code}")`);
    await page.locator('#s-title').waitFor();
    const detail = await page.textContent('main');
    expect(detail).toContain('ไม่ระบุตัวตน');
    expect(detail).toContain('เจ้าหน้าที่เรียกเงินสามพันบาท');

    // Rejecting needs a reason: the form says so before anything is sent.
    await page.check('input[name=to][value=rejected]');
    await page.click('main form.form button[type=submit]');
    await page.locator('#reason-error').waitFor();
    await page.fill('#reason', 'ข้อมูลไม่เพียงพอที่จะตรวจสอบ ไม่ระบุชื่อเจ้าหน้าที่หรือวันเวลา');
    await page.click('main form.form button[type=submit]');
    await page.locator('.notice-success').waitFor();
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('ข้อมูลไม่เพียงพอที่จะตรวจสอบ');
    expect(await page.textContent('main')).toContain('เรื่องนี้ปิดแล้ว');
    await page.close();
  });

  it('publishes statistics as a table with bars, corruption reports counted apart', async () => {
    const page = await newPage();
    await open(page, t.rt.baseUrl, orgId, 'stats');
    await page.locator('#stats-total').waitFor();
    const figures = await page.textContent('main');
    expect(figures).toContain('เรื่องแจ้งเบาะแสการทุจริต (นับแยก)');
    expect(await page.locator('table.bars').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('table.bars tbody th').first().textContent()).toMatch(/25\d\d/);
    expect(await page.getAttribute('a[download]', 'href')).toBe(`/api/orgs/${orgId}/complaints/stats.csv`);
    // A fiscal year narrows the figures and the CSV to October-September.
    const year = await page.locator('#fy option').nth(1).getAttribute('value');
    const loaded = page.waitForResponse((r) => r.url().includes('/complaints/stats?from='));
    await page.selectOption('#fy', year!);
    await loaded;
    await expect.poll(() => page.getAttribute('a[download]', 'href')).toMatch(/stats\.csv\?from=\d{4}-10&to=\d{4}-09$/);
    await page.screenshot({ path: '/tmp/liff-stats-360.png', fullPage: true });
    await page.close();
  });
});
