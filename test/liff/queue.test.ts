import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeDay, reopenDay } from '../../functions/src/queue/closedDays.ts';
import { addService } from '../../functions/src/queue/service.ts';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, open, signedInPage } from './support.ts';

/**
 * Issue 6 in real Chromium (360×740) against the real server in local mode: a person takes a ticket in the LIFF app,
 * an operator calls it from the staff page, the push reaches the LINE sandbox's outbox, the TV board shows the number,
 * and the ticket page turns to "called" by itself (no reload). Monday 10:00 Bangkok: inside opening hours.
 */
const MONDAY_10AM = '2026-11-23T03:00:00.000Z';
let t: TestApp;
let browser: TestBrowser;
let orgId: string;
let operator: { sub: string; name: string };
const citizen = { sub: newUserId(), name: 'สมหญิง รับคิว' };

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp({ at: MONDAY_10AM });
  orgId = (await givenOrg(t, { name: 'เทศบาลตำบลทดสอบคิว' })).id;
  // The service as an admin would add it (the same use case the admin API and CLI call).
  const deps = t.rt.queue;
  await addService(deps, orgId, {
    id: 'civil-registration',
    name: 'งานทะเบียนราษฎร',
    description: 'แจ้งเกิด แจ้งตาย ย้ายที่อยู่ ทำบัตรประชาชน',
    prefix: 'A',
    counters: [{ id: '1', name: 'ช่อง 1' }, { id: '2', name: 'ช่อง 2' }],
    hours: { days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' },
    location: 'ชั้น 1 อาคารสำนักงาน',
    order: 1,
  });
  await addService(deps, orgId, {
    id: 'weekend-tax',
    name: 'ชำระภาษีวันเสาร์',
    prefix: 'T',
    counters: [{ id: '1', name: 'ช่อง 5' }],
    hours: { days: [6], open: '09:00', close: '12:00' },
    order: 2,
  });
  const staff = await givenStaff(t, orgId, ['queue_operator'], 'สมศรี เรียกคิว');
  operator = { sub: staff.userId, name: 'สมศรี เรียกคิว' };
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

const noWiderThanPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function outboxTo(userId: string): Promise<string> {
  await t.rt.idle();
  return JSON.stringify(t.rt.sandbox?.outbox({ to: userId }) ?? []);
}

describe('queue tickets in the LIFF app', { timeout: 90_000 }, () => {
  let ticketId = '';
  let citizenPage: Page;

  it('lists the services with hours and a big button; a closed service says when it opens', async () => {
    const page = await newPage(citizen);
    await open(page, t.rt.baseUrl, orgId, 'queue');
    await page.locator('.q-service').first().waitFor();
    const text = await page.textContent('main');
    expect(text).toContain('งานทะเบียนราษฎร');
    expect(text).toContain('วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น.');
    await expect.poll(() => page.textContent('main')).toContain('รออยู่ตอนนี้');
    expect(text).toContain('ขณะนี้ปิดรับบัตรคิว'); // the Saturday service, on a Monday
    expect(await noWiderThanPhone(page)).toBeLessThanOrEqual(360);
    for (const h of await page.$$eval('main .btn', (els) => els.map((e) => e.getBoundingClientRect().height))) expect(h).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: '/tmp/queue-services-360.png', fullPage: true });

    // The closed service explains itself and offers no button.
    await open(page, t.rt.baseUrl, orgId, 'queue/weekend-tax');
    await page.locator('.notice-warning').waitFor();
    expect(await page.textContent('.notice-warning')).toContain('วันเสาร์ เวลา 09.00 - 12.00 น.');
    expect(await page.locator('button:has-text("รับบัตรคิว")').count()).toBe(0);
    // Manual cards link queue?service={id}: the same service page.
    await open(page, t.rt.baseUrl, orgId, 'queue?service=civil-registration');
    await page.waitForURL(/\/queue\/civil-registration$/);
    await page.locator('.q-take button').waitFor();
    await page.close();
  });

  it('a person takes a ticket from the service page (the QR poster link); a second tap gives the same ticket', async () => {
    citizenPage = await newPage(citizen);
    const page = citizenPage;
    // The page's timers run on a clock the test can move forward (time still passes on its own as well).
    await page.clock.install();
    await open(page, t.rt.baseUrl, orgId, 'queue/civil-registration');
    await page.locator('.q-take button').waitFor();
    const main = await page.textContent('main');
    expect(main).toContain('งานทะเบียนราษฎร');
    expect(main).toContain('เวลารอโดยประมาณ');
    expect(main).toContain('LINE จะแจ้งเมื่อถึงคิวของคุณเสมอ');
    // "Near" costs the organisation a message: off unless the person ticks it.
    expect(await page.isChecked('#notify-near')).toBe(false);
    expect(await page.textContent('label[for=notify-near]')).toContain('แจ้งเตือนทาง LINE เมื่อเหลืออีก 3 คิวจะถึงคุณ');
    await page.check('#notify-near');
    expect(await page.textContent('[data-testid=waiting]')).toBe('0');
    await page.screenshot({ path: '/tmp/queue-take-360.png', fullPage: true });

    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/services/civil-registration/tickets'));
    await page.click('.q-take button');
    expect((await posted).headers().authorization).toMatch(/^Bearer ey/);
    expect((await posted).postDataJSON()).toEqual({ notifyNear: true });
    await page.waitForURL(/\/tickets\/civil-registration-20261123-1$/);
    ticketId = 'civil-registration-20261123-1';
    await page.locator('[data-testid=ticket-label]').waitFor();
    expect(await page.textContent('[data-testid=ticket-label]')).toContain('A001');
    expect(await page.textContent('[data-testid=ticket-state]')).toBe('รอเรียก');
    expect(await page.textContent('[data-testid=ahead]')).toBe('0');
    expect(await page.textContent('main')).toContain('LINE จะแจ้งเตือนคุณเมื่อเหลืออีก 3 คิวจะถึงคุณ และเมื่อถึงคิว');
    expect(await noWiderThanPhone(page)).toBeLessThanOrEqual(360);
    // The number is big enough to show across a counter.
    const size = await page.$eval('.q-label', (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(72);
    await page.screenshot({ path: '/tmp/queue-ticket-waiting-360.png', fullPage: true });

    // Polling pauses while the page is hidden (phone locked, LINE in the background) and asks at once on return.
    let polls = 0;
    page.on('request', (r) => {
      if (r.method() === 'GET' && r.url().endsWith(`/tickets/${ticketId}`)) polls++;
    });
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    polls = 0;
    await page.clock.runFor(4_000); // longer than the 3 s the API asks for near the front: the due poll comes up hidden
    expect(polls).toBe(0);
    const back = page.waitForRequest((r) => r.method() === 'GET' && r.url().endsWith(`/tickets/${ticketId}`), { timeout: 1_000 });
    await setVisibility('visible');
    await back;

    // Scanning the poster again: the page shows the ticket held, and the API gives the same ticket back.
    const again = await newPage(citizen);
    await open(again, t.rt.baseUrl, orgId, 'queue/civil-registration');
    await again.locator('text=คุณมีบัตรคิว A001 อยู่แล้ว').waitFor();
    const second = await again.evaluate(async (o) => {
      const token = await (await fetch('/dev/id-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(o.user) })).json() as { idToken: string };
      const res = await fetch(`/api/orgs/${o.orgId}/services/civil-registration/tickets`, { method: 'POST', headers: { authorization: `Bearer ${token.idToken}`, 'content-type': 'application/json' }, body: '{}' });
      return { status: res.status, body: await res.json() as { id: string; created: boolean } };
    }, { orgId, user: citizen });
    expect(second).toMatchObject({ status: 200, body: { id: ticketId, created: false } });
    await again.close();
  });

  it('a citizen is told plainly that the operator page is for queue staff', async () => {
    const page = await newPage(citizen);
    await open(page, t.rt.baseUrl, orgId, 'staff/queue');
    await page.locator('.notice-error').waitFor();
    expect(await page.textContent('.notice-error')).toContain('หน้านี้สำหรับเจ้าหน้าที่เรียกคิวเท่านั้น');
    await page.close();
  });

  it('an operator calls it: the ticket page turns to "called" by itself, the push is in the outbox, the board shows it', async () => {
    const page = citizenPage;
    // A marker on the window: if the page reloaded, it would be gone.
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    const desk = await newPage(operator);
    await open(desk, t.rt.baseUrl, orgId, 'staff/queue');
    await desk.locator('.q-next').waitFor();
    expect(await desk.inputValue('#desk-service')).toBe('civil-registration');
    expect(await desk.inputValue('#desk-counter')).toBe('1');
    expect(await desk.textContent('.q-waiting')).toContain('A001');
    await desk.click('.q-next');
    await desk.locator('[data-testid=desk-said]').waitFor();
    expect(await desk.textContent('[data-testid=desk-said]')).toContain('เรียก A001 ที่ช่อง 1 แล้ว');
    await expect.poll(() => desk.textContent('[data-testid=desk-current]')).toBe('A001');
    await expect.poll(() => desk.textContent('.q-log')).toContain('เรียก · ช่อง 1 · สมศรี เรียกคิว');
    expect(await noWiderThanPhone(desk)).toBeLessThanOrEqual(360);
    await desk.screenshot({ path: '/tmp/queue-staff-360.png', fullPage: true });

    // The citizen's page, untouched since: it polls and changes to "called", announced to screen readers.
    await page.clock.runFor(3_000); // its next poll is due (the API asks for 3 s near the front)
    await expect.poll(() => page.textContent('[data-testid=ticket-state]'), { timeout: 15_000 }).toBe('ถึงคิวแล้ว — เชิญที่ช่อง 1');
    await expect.poll(() => page.textContent('[data-testid=call-announcement]')).toBe('ถึงคิว A 1 แล้ว เชิญที่ช่อง 1');
    expect(await page.getAttribute('[data-testid=call-announcement]', 'aria-live')).toBe('assertive');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await page.screenshot({ path: '/tmp/queue-ticket-called-360.png', fullPage: true });

    // LINE push with the counter, in the sandbox's outbox.
    await expect.poll(() => outboxTo(citizen.sub), { timeout: 15_000 }).toContain('หมายเลข A001 เชิญที่ ช่อง 1');

    // The TV board (server-rendered, polls its JSON) shows the number at the counter.
    const board = await browser.newPage();
    await board.setViewportSize({ width: 1280, height: 720 });
    await board.goto(`${t.rt.baseUrl}/orgs/${orgId}/queue/board`);
    await expect.poll(() => board.textContent('#services'), { timeout: 10_000 }).toContain('A001');
    await expect.poll(() => board.textContent('#latest')).toContain('A001');
    await board.screenshot({ path: '/tmp/queue-board.png' });
    await board.close();
    await desk.close();
  });

  it('calling out of order needs a reason (the API’s message by the field); walk-ins; the finished ticket links to the rating', async () => {
    const desk = await newPage(operator);
    await open(desk, t.rt.baseUrl, orgId, 'staff/queue');
    await desk.locator('.q-next').waitFor();

    // Two walk-in tickets for people without LINE.
    await desk.click('summary:has-text("ออกบัตรคิวให้ผู้ไม่มี LINE")');
    await desk.fill('#walkin-note', 'ผู้สูงอายุ ไม่มีโทรศัพท์');
    await desk.click('form:has(#walkin-note) button[type=submit]');
    await expect.poll(() => desk.textContent('[data-testid=walkin-label]')).toBe('A002');
    await desk.click('form:has(#walkin-note) button[type=submit]');
    await expect.poll(() => desk.textContent('[data-testid=walkin-label]')).toBe('A003');
    await expect.poll(() => desk.textContent('.q-waiting')).toContain('A003');

    // A003 before A002 without a reason: refused, and the server's message sits by the reason field.
    await desk.click('summary:has-text("เรียกหมายเลขที่ระบุ")');
    await desk.selectOption('#call-ticket', 'civil-registration-20261123-3');
    await desk.click('form:has(#call-ticket) button[type=submit]');
    await desk.locator('#call-reason-error').waitFor();
    expect(await desk.textContent('#call-reason-error')).toContain('เรียกคิวข้ามลำดับต้องระบุเหตุผล');
    expect(await desk.getAttribute('#call-reason', 'aria-invalid')).toBe('true');
    await desk.fill('#call-reason', 'หญิงตั้งครรภ์');
    await desk.click('form:has(#call-ticket) button[type=submit]');
    await expect.poll(() => desk.textContent('[data-testid=desk-current]')).toBe('A003');
    // Calling at this counter completed A001; the log shows the out-of-order call with its reason.
    await expect.poll(() => desk.textContent('.q-log')).toContain('เหตุผล: หญิงตั้งครรภ์');
    expect(await desk.textContent('.q-log-ooo')).toContain('ข้ามลำดับ');
    expect(await desk.textContent('.q-log')).toContain('A001 เสร็จสิ้น');

    // Skip A003 (did not come), then recall is no longer possible.
    await desk.click('.q-action-row button:has-text("ข้าม (ไม่มา)")');
    await expect.poll(() => desk.textContent('[data-testid=desk-said]')).toContain('ข้าม A003 แล้ว');
    expect(await desk.locator('.q-action-row button:has-text("เรียกซ้ำ")').isDisabled()).toBe(true);

    // A003 arrives late: "เรียกกลับเข้าคิว" from the log entry of the skip. No reason: the API's message by the field.
    await desk.click('.q-log-action:has-text("เรียกกลับเข้าคิว A003")');
    expect(await desk.inputValue('#reinstate-ticket')).toBe('civil-registration-20261123-3');
    await desk.click('form:has(#reinstate-ticket) button[type=submit]');
    await desk.locator('#reinstate-reason-error').waitFor();
    expect(await desk.textContent('#reinstate-reason-error')).toContain('กรุณาระบุเหตุผลอย่างน้อย 3 ตัวอักษร');
    await desk.fill('#reinstate-reason', 'มาถึงช้า ไปถ่ายเอกสาร');
    await desk.click('form:has(#reinstate-ticket) button[type=submit]');
    await expect.poll(() => desk.textContent('[data-testid=desk-said]')).toContain('เรียก A003 กลับเข้าคิวแล้ว');
    await expect.poll(() => desk.textContent('.q-waiting')).toContain('A003');
    expect(await desk.textContent('.q-log')).toContain('เหตุผล: มาถึงช้า ไปถ่ายเอกสาร');
    await desk.setViewportSize({ width: 1024, height: 768 });
    await desk.screenshot({ path: '/tmp/queue-staff-tablet.png', fullPage: true });
    await desk.close();

    // The citizen's ticket is finished: it stops polling and invites the rating for this visit.
    const page = citizenPage;
    await page.clock.runFor(5_000); // its next poll is due (5 s while called)
    await expect.poll(() => page.textContent('[data-testid=ticket-state]'), { timeout: 15_000 }).toBe('เสร็จสิ้น');
    const rate = page.locator(`a[href$="/ratings/new?ticket=${ticketId}"]`);
    await rate.waitFor();
    expect(await page.textContent('main')).not.toContain('LINE จะแจ้งเตือนคุณ');
    await page.screenshot({ path: '/tmp/queue-ticket-done-360.png', fullPage: true });
    await expect.poll(() => outboxTo(citizen.sub), { timeout: 15_000 }).toContain(`ratings/new?ticket=${ticketId}`);
    await page.close();
  });
});

describe('a day the office is closed', { timeout: 60_000 }, () => {
  it('the service page names the holiday and offers no button; the list says so too', async () => {
    const deps = t.rt.queue;
    const saved = t.clock.now();
    t.clock.set('2026-11-24T03:00:00.000Z'); // Tuesday 10:00, within the service's hours
    await closeDay(deps, orgId, { day: '2026-11-24', name: 'วันหยุดราชการเป็นกรณีพิเศษ' }, operator.sub);
    try {
      const page = await newPage(citizen);
      await open(page, t.rt.baseUrl, orgId, 'queue/civil-registration');
      await page.locator('.notice-warning').waitFor();
      expect(await page.textContent('.notice-warning')).toContain('วันนี้ปิดทำการ: วันหยุดราชการเป็นกรณีพิเศษ');
      expect(await page.locator('.q-take button').count()).toBe(0);
      await open(page, t.rt.baseUrl, orgId, 'queue');
      await page.locator('.q-service').first().waitFor();
      expect(await page.textContent('main')).toContain('วันนี้ปิดทำการ (วันหยุดราชการเป็นกรณีพิเศษ)');
      await page.close();
    } finally {
      await reopenDay(deps, orgId, '2026-11-24');
      t.clock.set(saved);
    }
  });

});

describe('when LINE refuses the push', () => {
  it('a called ticket whose LINE message was refused for the monthly quota says so on its page', async () => {
    const quiet = (await givenOrg(t, { name: 'เทศบาลตำบลโควตาหมด' })).id;
    await addService(t.rt.queue, quiet, { id: 'tax', name: 'ชำระภาษี', prefix: 'B', counters: [{ id: '1', name: 'ช่อง 3' }], hours: { days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' }, order: 1 });
    t.rt.sandbox!.quota.setMonthlyQuota(quiet, 0);
    const resident = { sub: newUserId(), name: 'สมชาย ไม่ได้รับแจ้ง' };
    const taken = await api(t, 'POST', `/api/orgs/${quiet}/services/tax/tickets`, { token: await idTokenFor(t, resident.sub), body: {} });
    expect(taken.status).toBe(201);
    const desk = await givenStaff(t, quiet, ['queue_operator']);
    expect((await api(t, 'POST', `/api/orgs/${quiet}/staff/queue/services/tax/call-next`, { token: desk.token, body: { counterId: '1' } })).status).toBe(200);
    await t.rt.idle();

    const page = await newPage(resident);
    await open(page, t.rt.baseUrl, quiet, `tickets/${String(taken.body.id)}`);
    await expect.poll(() => page.textContent('main'), { timeout: 15_000 }).toContain('ไม่ได้ส่งแจ้งเตือนทาง LINE: ข้อความของหน่วยงานเดือนนี้หมดโควตา');
    expect(await page.textContent('[data-testid=ticket-state]')).toBe('ถึงคิวแล้ว — เชิญที่ช่อง 3');
    await page.screenshot({ path: '/tmp/queue-ticket-not-delivered-360.png', fullPage: true });
    await page.close();
  });
});
