import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionLabel, fitText, flexButtonLabel, LINE_LIMITS } from '../../functions/src/line/limits.ts';
import { givenOrg, newUserId, startTestApp, type TestApp } from '../support/app.ts';

/**
 * The LINE sandbox refuses what LINE refuses: one message per documented limit, at the limit (accepted) and one past
 * it (refused with LINE's 400 body, at the property LINE names). Sent over HTTP to the sandbox, as the SDK sends.
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t);
});
afterAll(async () => t.stop());

async function push(messages: unknown[]): Promise<{ status: number; body: { message?: string; details?: Array<{ property: string; message: string }> } }> {
  const res = await fetch(`${t.rt.lineApiBaseUrl}/v2/bot/message/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.channelAccessToken}` },
    body: JSON.stringify({ to: newUserId(), messages }),
  });
  return { status: res.status, body: (await res.json()) as { message?: string; details?: Array<{ property: string; message: string }> } };
}

/** Thai with a vowel mark on every other unit: LINE counts the marks. `thai(n)` is exactly n UTF-16 units. */
const thai = (n: number) => 'กิ'.repeat(Math.ceil(n / 2)).slice(0, n);
const url = (n: number) => `https://example.com/${'a'.repeat(n - 'https://example.com/'.length)}`;
const uri = (label = 'เปิด', u = 'https://example.com/x') => ({ type: 'uri', label, uri: u });
const buttons = (template: Record<string, unknown>) => ({ type: 'template', altText: 'ทดสอบ', template: { type: 'buttons', text: 'ข้อความ', actions: [uri()], ...template } });
const column = (extra: Record<string, unknown> = {}) => ({ text: 'ข้อความ', actions: [uri()], ...extra });
const carousel = (columns: unknown[]) => ({ type: 'template', altText: 'ทดสอบ', template: { type: 'carousel', columns } });
const bubble = (text = 'ข้อความ') => ({ type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text }] } });
const flex = (contents: unknown, altText = 'ทดสอบ') => ({ type: 'flex', altText, contents });
const flexButton = (action: unknown) => flex({ type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action }] } });
const quick = (items: unknown[]) => ({ type: 'text', text: 'เลือก', quickReply: { items } });
const ask = (label: string) => ({ type: 'action', action: { type: 'message', label, text: 'ถาม' } });
const text = { type: 'text', text: 'สวัสดี' };
/** A bubble whose JSON is exactly `n` bytes (ASCII padding in its text). */
const bubbleOfBytes = (n: number) => bubble('x'.repeat(n - Buffer.byteLength(JSON.stringify(bubble('')))));
const carouselOfBytes = (n: number) => {
  const empty = { type: 'carousel', contents: [bubble(''), bubble('')] };
  const pad = n - Buffer.byteLength(JSON.stringify(empty));
  return { type: 'carousel', contents: [bubble('x'.repeat(Math.ceil(pad / 2))), bubble('x'.repeat(Math.floor(pad / 2)))] };
};

type Case = [name: string, limit: number, build: (n: number) => unknown[], property: string];
const L = LINE_LIMITS;
const CASES: Case[] = [
  ['messages per request', L.messagesPerRequest, (n) => Array.from({ length: n }, () => text), 'messages'],
  ['text length', L.text, (n) => [{ type: 'text', text: thai(n) }], 'messages[0].text'],
  ['flex altText', L.flexAltText, (n) => [flex(bubble(), thai(n))], 'messages[0].altText'],
  ['template altText', L.templateAltText, (n) => [{ ...buttons({}), altText: thai(n) }], 'messages[0].altText'],
  ['buttons title', L.buttonsTitle, (n) => [buttons({ title: thai(n), text: 'สั้น' })], 'messages[0].template.title'],
  ['buttons text without title', L.buttonsText, (n) => [buttons({ text: thai(n) })], 'messages[0].template.text'],
  ['buttons text with a title', L.buttonsTextWithTitle, (n) => [buttons({ title: 'หัวข้อ', text: thai(n) })], 'messages[0].template.text'],
  ['buttons actions', L.buttonsActions, (n) => [buttons({ actions: Array.from({ length: n }, () => uri()) })], 'messages[0].template.actions'],
  ['template action label', L.actionLabel, (n) => [buttons({ actions: [uri(thai(n))] })], 'messages[0].template.actions[0].label'],
  ['confirm text', L.confirmText, (n) => [{ type: 'template', altText: 'ยืนยัน', template: { type: 'confirm', text: thai(n), actions: [uri('ใช่'), uri('ไม่')] } }], 'messages[0].template.text'],
  ['carousel template columns', L.carouselColumns, (n) => [carousel(Array.from({ length: n }, () => column()))], 'messages[0].template.columns'],
  ['carousel column text', L.carouselText, (n) => [carousel([column({ text: thai(n) })])], 'messages[0].template.columns[0].text'],
  ['carousel column text with a title', L.carouselTextWithTitle, (n) => [carousel([column({ title: 'หัวข้อ', text: thai(n) })])], 'messages[0].template.columns[0].text'],
  ['carousel column actions', L.carouselActions, (n) => [carousel([column({ actions: Array.from({ length: n }, () => uri()) })])], 'messages[0].template.columns[0].actions'],
  ['quick reply items', L.quickReplyItems, (n) => [quick(Array.from({ length: n }, (_, i) => ask(`ข้อ ${i}`)))], 'messages[0].quickReply.items'],
  ['quick reply label', L.actionLabel, (n) => [quick([ask(thai(n))])], 'messages[0].quickReply.items[0].action.label'],
  ['flex button label', L.flexButtonLabel, (n) => [flexButton(uri(thai(n)))], 'messages[0].contents.body.contents[0].action.label'],
  ['uri length', L.uri, (n) => [buttons({ actions: [uri('เปิด', url(n))] })], 'messages[0].template.actions[0].uri'],
  ['postback data', L.postbackData, (n) => [flexButton({ type: 'postback', label: 'กด', data: 'd'.repeat(n) })], 'messages[0].contents.body.contents[0].action.data'],
  ['postback displayText', L.actionText, (n) => [flexButton({ type: 'postback', label: 'กด', data: 'd', displayText: thai(n) })], 'messages[0].contents.body.contents[0].action.displayText'],
  ['message action text', L.actionText, (n) => [quick([{ type: 'action', action: { type: 'message', label: 'ถาม', text: thai(n) } }])], 'messages[0].quickReply.items[0].action.text'],
  ['image carousel label', L.imageCarouselLabel, (n) => [{ type: 'template', altText: 'ภาพ', template: { type: 'image_carousel', columns: [{ imageUrl: 'https://example.com/a.png', action: uri(thai(n)) }] } }], 'messages[0].template.columns[0].action.label'],
  ['location title', 100, (n) => [{ type: 'location', title: thai(n), address: 'แม่สอด', latitude: 16.7, longitude: 98.5 }], 'messages[0].title'],
  ['flex carousel bubbles', L.flexCarouselBubbles, (n) => [flex({ type: 'carousel', contents: Array.from({ length: n }, () => bubble()) })], 'messages[0].contents.contents'],
  ['bubble bytes', L.bubbleBytes, (n) => [flex(bubbleOfBytes(n))], 'messages[0].contents'],
  ['flex carousel bytes', L.carouselBytes, (n) => [flex(carouselOfBytes(n))], 'messages[0].contents'],
];

describe('the LINE sandbox keeps every documented limit', () => {
  it.each(CASES)('%s: accepts %i, refuses one more with LINE\'s error at the property', async (_name, limit, build, property) => {
    const at = await push(build(limit));
    expect(at, JSON.stringify(at.body)).toMatchObject({ status: 200 });

    const over = await push(build(limit + 1));
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ message: 'The request body has 1 error(s)', details: [{ property, message: expect.any(String) }] });
    expect(t.rt.sandbox!.takeRefusals()).toHaveLength(1);
  });
});

describe('the LINE sandbox keeps the published schema', () => {
  it.each([
    ['an unknown message type', [{ type: 'letter', text: 'x' }], 'messages[0].type'],
    ['a template without its text', [{ type: 'template', altText: 'x', template: { type: 'buttons', actions: [uri()] } }], 'messages[0].template.text'],
    ['an unknown action type', [buttons({ actions: [{ type: 'teleport', label: 'ไป' }] })], 'messages[0].template.actions[0].type'],
    ['a flex box layout LINE does not have', [flex({ type: 'bubble', body: { type: 'box', layout: 'diagonal', contents: [] } })], 'messages[0].contents.body.layout'],
    ['a URI action with another scheme', [buttons({ actions: [uri('เปิด', 'ftp://example.com/x')] })], 'messages[0].template.actions[0].uri'],
    ['a template action without a label', [buttons({ actions: [{ type: 'uri', uri: 'https://example.com' }] })], 'messages[0].template.actions[0].label'],
    ['a confirm template with three actions', [{ type: 'template', altText: 'x', template: { type: 'confirm', text: 'ยืนยัน', actions: [uri(), uri(), uri()] } }], 'messages[0].template.actions'],
    ['carousel columns with different action counts', [carousel([column(), column({ actions: [uri(), uri()] })])], 'messages[0].template.columns[1].actions'],
    ['an empty text', [{ type: 'text', text: '' }], 'messages[0].text'],
    ['an image over plain http', [{ type: 'image', originalContentUrl: 'http://example.com/a.jpg', previewImageUrl: 'https://example.com/a.jpg' }], 'messages[0].originalContentUrl'],
    ['a flex button without a label', [flexButton({ type: 'uri', uri: 'https://example.com' })], 'messages[0].contents.body.contents[0].action.label'],
  ])('refuses %s', async (_name, messages, property) => {
    const res = await push(messages);
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.property)).toEqual([property]);
    expect(t.rt.sandbox!.takeRefusals()).toHaveLength(1);
  });

  it('sends nothing of a refused request and keeps the reply token for a correct one', async () => {
    const userId = newUserId();
    const token = t.rt.sandbox!.issueReplyToken(userId);
    const reply = (messages: unknown[]) =>
      fetch(`${t.rt.lineApiBaseUrl}/v2/bot/message/reply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.channelAccessToken}` },
        body: JSON.stringify({ replyToken: token, messages }),
      });
    expect((await reply([text, { type: 'text', text: thai(5001) }])).status).toBe(400);
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(0);
    const [refusal] = t.rt.sandbox!.takeRefusals();
    expect(refusal).toMatchObject({ kind: 'reply', to: [userId], error: { details: [{ property: 'messages[1].text' }] } });
    expect((await reply([text])).status).toBe(200);
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
  });
});

describe('fitting text to LINE', () => {
  it('cuts the label of issue 22 to LINE\'s 20 and keeps labels that fit', () => {
    expect('เปิดแบบฟอร์มร้องเรียน'.length).toBe(21);
    const cut = actionLabel('เปิดแบบฟอร์มร้องเรียน');
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(actionLabel('แจ้งเรื่องร้องเรียน')).toBe('แจ้งเรื่องร้องเรียน');
    expect(flexButtonLabel('เปิดแบบฟอร์มร้องเรียน')).toBe('เปิดแบบฟอร์มร้องเรียน');
  });

  it('never leaves a Thai vowel or tone mark without its consonant, nor splits an emoji', () => {
    const marks = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;
    for (const source of ['โครงการส่งเสริมคุณธรรมจริยธรรมผู้บริหาร', 'กิ่งก้านสาขาที่ยื่นยาวเกินไปมาก', '🙏🙏🙏🙏🙏🙏🙏🙏🙏🙏🙏']) {
      for (let max = 2; max < source.length; max++) {
        const cut = fitText(source, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        const kept = cut.slice(0, -1);
        expect(source.startsWith(kept)).toBe(true);
        expect(source.slice(kept.length)).not.toMatch(marks);
        expect(kept).not.toMatch(/[\uD800-\uDBFF]$/);
      }
    }
  });

  it('cuts between words when that keeps most of the room', () => {
    expect(fitText('โครงการโรงเรียนคุณธรรมประจำตำบลแม่สอด', 20)).toBe('โครงการโรงเรียน…');
    expect(fitText('ประชุมประจำเดือน 2568', 20)).toBe('ประชุมประจำเดือน…');
  });

  it('gives the same text when it fits, and the same cut when cut again', () => {
    expect(fitText('สั้น', 20)).toBe('สั้น');
    const once = fitText('การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ', 20);
    expect(fitText(once, 20)).toBe(once);
  });
});
