import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { answer, answerPostback } from '../../functions/src/chat/answer.ts';
import { LINE_LIMITS } from '../../functions/src/line/limits.ts';
import type { AnswerOutput, Message } from '../../functions/src/chat/types.ts';
import { demoKb } from './fixtures.ts';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

/** Every LINE limit a reply must respect. */
function checkLimits(out: AnswerOutput) {
  expect(out.messages.length).toBeGreaterThan(0);
  expect(out.messages.length).toBeLessThanOrEqual(LINE_LIMITS.messagesPerRequest);
  for (const m of out.messages as Message[]) {
    if (m.type === 'text') {
      expect(m.text.length).toBeGreaterThan(0);
      expect(m.text.length).toBeLessThanOrEqual(LINE_LIMITS.text);
    }
    if (m.type === 'flex') {
      const f = m as messagingApi.FlexMessage;
      expect(f.altText.length).toBeGreaterThan(0);
      expect(f.altText.length).toBeLessThanOrEqual(LINE_LIMITS.flexAltText);
      if (f.contents.type === 'carousel') {
        expect(f.contents.contents.length).toBeLessThanOrEqual(LINE_LIMITS.flexCarouselBubbles);
        expect(bytes(f.contents)).toBeLessThanOrEqual(LINE_LIMITS.carouselBytes);
        for (const b of f.contents.contents) expect(bytes(b)).toBeLessThanOrEqual(LINE_LIMITS.bubbleBytes);
      } else {
        expect(bytes(f.contents)).toBeLessThanOrEqual(LINE_LIMITS.bubbleBytes);
      }
      // Postback data and button labels
      const json = JSON.stringify(f.contents);
      for (const d of json.matchAll(/"data":"([^"]*)"/g)) expect((d[1] ?? '').length).toBeLessThanOrEqual(LINE_LIMITS.postbackData);
      for (const l of json.matchAll(/"label":"([^"]*)"/g)) expect((l[1] ?? '').length).toBeLessThanOrEqual(LINE_LIMITS.flexButtonLabel);
    }
    const qr = (m as { quickReply?: messagingApi.QuickReply }).quickReply;
    if (qr) {
      const items = qr.items ?? [];
      expect(items.length).toBeLessThanOrEqual(LINE_LIMITS.quickReplyItems);
      for (const i of items) expect((i.action?.label ?? '').length).toBeLessThanOrEqual(LINE_LIMITS.actionLabel);
    }
  }
  // LINE shows quick replies of the last message only: when any message has them, the last one does.
  const last = out.messages[out.messages.length - 1] as { quickReply?: unknown } | undefined;
  if (out.messages.some((m) => (m as { quickReply?: unknown }).quickReply)) expect(last?.quickReply).toBeTruthy();
}

const QUESTIONS: Array<[string, string]> = [
  ['intapramul', 'มีโครงการอะไรบ้าง'],
  ['intapramul', 'มิติที่ 2 มีโครงการอะไรบ้าง'],
  ['intapramul', 'งบประมาณรวมทั้งแผนเท่าไร'],
  ['intapramul', 'โครงการไหนงบสูงที่สุด'],
  ['intapramul', 'แผนนี้มีกี่โครงการ'],
  ['maesot', 'no gift policy'],
  ['maesot', 'กองคลังรับผิดชอบอะไรบ้าง'],
  ['maesaimitraphap', 'โครงการรักน้ำรักป่ารักแผ่นดินจัดช่วงไหน'],
  ['tharae', 'ผลการดำเนินงานเป็นอย่างไร'],
  ['tharae', 'กิจกรรมประเมิน ITA ผลเป็นไง'],
  ['maesot', 'แจ้งเกิดต้องใช้เอกสารอะไรบ้าง'],
  ['maesot', 'มีคู่มือบริการอะไรบ้าง'],
  ['maesot', 'สวัสดี'],
  ['maesot', 'ร้องเรียน'],
  ['maesot', 'ฟุตบอลโลก'],
  ['maesot', '😀'],
  ['maesot', 'ก'.repeat(1000)],
  ['maesot', 'โครงการ '.repeat(120)],
];

describe('replies stay within LINE limits', () => {
  const kb = demoKb({ liffId: '1234-abcd' });
  for (const [org, q] of QUESTIONS) {
    it(`for "${q.slice(0, 40)}" (${org})`, async () => {
      checkLimits(await answer(kb, org, q, null));
    });
  }

  it('for every page of the longest list', async () => {
    const first = await answer(kb, 'intapramul', 'มีโครงการอะไรบ้าง', null);
    checkLimits(first);
    expect(first.results.length).toBe(60);
    for (let offset = 11; offset < 60; offset += 11) {
      checkLimits(await answerPostback(kb, 'intapramul', new URLSearchParams(`action=ask&more=${offset}`), first.context));
    }
  });

  it('for every project card of every demo organisation', async () => {
    for (const org of ['maesot', 'maesaimitraphap', 'intapramul', 'tharae']) {
      const k = await kb.get(org);
      for (const p of k?.projects.values() ?? []) {
        checkLimits(await answerPostback(kb, org, new URLSearchParams(`action=ask&t=project&id=${p.id}`), null));
      }
    }
  });
});
