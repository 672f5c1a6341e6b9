import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { draftIdFor } from '../../functions/src/complaints/chatReport/schema.ts';
import { SAMPLE_GPS_MARKER, sampleImage } from '../../functions/src/dev/sampleImage.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { givenOrg, lineEvent, newUserId, postWebhook, startTestApp, webhookBody, type TestApp } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { buildLiffApp, signedInPage } from './support.ts';

/**
 * Issue 20, "แก้ไขในแบบฟอร์ม": a report started in the LINE chat opens in the LIFF form pre-filled with the draft
 * (real Chromium, real server, the draft made through the signed webhook).
 */
let t: TestApp;
let browser: TestBrowser;
let org: Awaited<ReturnType<typeof givenOrg>>;

beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
  org = await givenOrg(t, { name: 'เทศบาลตำบลร่างจากแชท' });
  await markStaffGroup(t.rt.db, org.id, `C${newUserId().slice(1)}`, newUserId(), t.clock.now());
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

type QuickAction = { label?: string; data?: string; uri?: string };

async function send(event: Record<string, unknown>): Promise<QuickAction[]> {
  expect((await postWebhook(t, org.id, webhookBody(event), org.channelSecret)).status).toBe(200);
  await t.rt.idle();
  const reply = t.rt.sandbox!.outbox({ orgId: org.id }).find((e) => e.replyToken === event.replyToken);
  const last = reply?.messages.at(-1) as { quickReply?: { items: Array<{ action: QuickAction }> } } | undefined;
  return last?.quickReply?.items.map((i) => i.action) ?? [];
}

async function chatDraftUpToCategory(userId: string): Promise<string> {
  t.rt.sandbox!.putContent(org.id, '55501', { contentType: 'image/jpeg', bytes: sampleImage() });
  const source = { type: 'user' as const, userId };
  await send(lineEvent(t, 'message', source, { message: { id: '55501', type: 'image', contentProvider: { type: 'line' } } }));
  const offer = await send(lineEvent(t, 'message', source, { message: { id: '55502', type: 'location', title: 'หน้าตลาดสด', address: 'ถนนอินทรคีรี', latitude: 16.71372, longitude: 98.57461 } }));
  const asked = await send(lineEvent(t, 'postback', source, { postback: { data: offer.find((a) => a.label === 'แจ้งปัญหา')!.data } }));
  const next = await send(lineEvent(t, 'postback', source, { postback: { data: asked.find((a) => a.label === 'ถนน/ทางเท้า')!.data } }));
  const form = next.find((a) => a.label === 'แก้ไขในแบบฟอร์ม')?.uri;
  if (!form) throw new Error('no form link');
  return form;
}

async function pageAs(sub: string): Promise<Page> {
  const page = await signedInPage(browser, t.rt.baseUrl, { sub, name: 'ผู้แจ้งจากแชท' });
  return page;
}

describe('the form pre-filled with a chat draft', { timeout: 60_000 }, () => {
  it('shows the chat’s photo, place and category, files from the form, and deletes the draft', async () => {
    const userId = newUserId();
    const formUrl = await chatDraftUpToCategory(userId);
    expect(formUrl).toBe(`${t.rt.baseUrl}/liff/${org.id}/complaints/new/general?draft=${draftIdFor(org.id, userId)}`);

    const page = await pageAs(userId);
    await page.goto(formUrl);
    await page.locator('text=ข้อมูลจากแชท LINE').waitFor();
    expect(await page.textContent('main')).toContain('24 ชั่วโมง');
    await expect.poll(() => page.inputValue('#category')).toBe('road');
    expect(await page.inputValue('#place')).toBe('หน้าตลาดสด ถนนอินทรคีรี');
    expect(await page.textContent('.located')).toContain('ใช้ตำแหน่งปัจจุบันแล้ว');
    await page.locator('.photos img').waitFor();
    // The photo decodes in the browser (what staff will see), and came without its EXIF.
    expect(await page.$eval('.photos img', (img) => (img as HTMLImageElement).naturalWidth)).toBe(320);

    await page.fill('#title', 'ถนนเป็นหลุมหน้าตลาด');
    await page.fill('#description', 'ถนนเป็นหลุมลึกหน้าตลาดสด รถจักรยานยนต์ล้มบ่อย');
    await page.check('#consent');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/complaints$/.test(r.url()));
    await page.click('main button[type=submit]');
    const body = (await posted).postDataJSON() as { photos: Array<{ data: string }>; place: unknown; category: string };
    expect(body.category).toBe('road');
    expect(body.place).toEqual({ text: 'หน้าตลาดสด ถนนอินทรคีรี', lat: 16.71372, lng: 98.57461 });
    expect(body.photos).toHaveLength(1);
    expect(Buffer.from(body.photos[0]!.data, 'base64').includes(SAMPLE_GPS_MARKER)).toBe(false);
    await page.locator('[data-testid=tracking-code]').waitFor();

    const complaints = (await t.rt.db.collection(`orgs/${org.id}/complaints`).get()).docs.map((d) => d.data());
    expect(complaints).toEqual([expect.objectContaining({ category: 'road', photoCount: 1, place: { text: 'หน้าตลาดสด ถนนอินทรคีรี', lat: 16.71372, lng: 98.57461 } })]);
    await expect.poll(async () => (await t.rt.db.collection(`orgs/${org.id}/complaintChatDrafts`).get()).size).toBe(0);
    expect((await t.rt.db.collection(`orgs/${org.id}/complaintChatDraftPhotos`).get()).size).toBe(0);
    await page.close();
  });

  it('someone else opening the link gets an empty form and a plain message, never the draft', async () => {
    const owner = newUserId();
    const formUrl = await chatDraftUpToCategory(owner);
    const page = await pageAs(newUserId());
    await page.goto(formUrl);
    await page.locator('text=ไม่พบร่างเรื่องจากแชท').waitFor();
    expect(await page.inputValue('#place')).toBe('');
    expect(await page.locator('.photos img').count()).toBe(0);
    await page.close();
  });
});
