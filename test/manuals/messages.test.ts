import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  MANUAL_PARTS,
  manualAltText,
  manualCard,
  manualMessage,
  manualPartMessage,
  manualPostbackData,
  manualQuickReply,
  parseManualPostback,
} from '../../functions/src/manuals/messages.ts';
import type { Manual } from '../../functions/src/manuals/schema.ts';
import { instantiateStandardManuals } from '../../functions/src/manuals/standard.ts';
import { NOW, testOrg, testTambonOrg } from './helpers.ts';

const manuals = [
  ...instantiateStandardManuals(testOrg(), NOW),
  ...instantiateStandardManuals(testTambonOrg(), NOW),
];
const options = { liffId: '1234567890-AbCdEfGh' };

/** Every action anywhere inside a message. */
function actions(value: unknown): messagingApi.Action[] {
  const found: messagingApi.Action[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.action && typeof o.action === 'object') found.push(o.action as messagingApi.Action);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return found;
}

/** Every Flex text component, which LINE rejects when empty. */
function texts(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'text' && typeof o.text === 'string') found.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return found;
}

function checkActions(message: unknown) {
  for (const a of actions(message)) {
    if (a.label !== undefined) expect(a.label.length).toBeLessThanOrEqual(LIMITS.label);
    if (a.type === 'postback') {
      const p = a as messagingApi.PostbackAction;
      expect((p.data ?? '').length).toBeLessThanOrEqual(LIMITS.postbackData);
      expect((p.displayText ?? '').length).toBeLessThanOrEqual(300);
    }
    if (a.type === 'uri') expect((a as messagingApi.URIAction).uri).toMatch(/^(https:\/\/liff\.line\.me\/|tel:)/);
  }
}

describe('manual LINE messages within LINE limits', () => {
  for (const m of manuals) {
    it(`${m.id} (${m.responsibleUnit.slice(0, 30)}): card and answers`, () => {
      const message = manualMessage(m, options);
      const bubbleBytes = Buffer.byteLength(JSON.stringify(message.contents), 'utf8');
      expect(bubbleBytes).toBeLessThanOrEqual(LIMITS.bubbleBytes);
      expect(message.altText.length).toBeGreaterThan(10);
      expect(message.altText.length).toBeLessThanOrEqual(LIMITS.altText);
      expect(message.altText.startsWith('คู่มือ')).toBe(true);
      for (const t of texts(message.contents)) expect(t.trim()).not.toBe('');
      checkActions(message);
      expect(message.quickReply?.items?.length ?? 0).toBeLessThanOrEqual(13);

      for (const part of MANUAL_PARTS) {
        const answer = manualPartMessage(m, part);
        expect(answer.type).toBe('text');
        expect(answer.text.length).toBeGreaterThan(20);
        expect(answer.text.length).toBeLessThanOrEqual(LIMITS.text);
        checkActions(answer);
      }
    });
  }

  it('shows steps with times, documents with copies, fee and place on the card', () => {
    const birth = manuals.find((m) => m.id === 'birth-registration') as Manual;
    const all = texts(manualCard(birth)).join('\n');
    expect(all).toContain('การแจ้งเกิด');
    expect(all).toContain('10 นาที');
    expect(all).toContain('รวม 30 นาที');
    expect(all).toContain('บัตรประจำตัวประชาชนของผู้แจ้ง');
    expect(all).toContain('ฉบับจริง 1 ฉบับ');
    expect(all).toContain('ไม่เสียค่าธรรมเนียม');
    expect(all).toContain('เทศบาลนครแม่สอด');
    expect(all).toContain('ใครยื่นได้');
  });

  it('offers a queue button only with a queue service and a LIFF id', () => {
    const base = manuals.find((m) => m.id === 'id-card') as Manual;
    const withQueue = { ...base, queueServiceId: 'registration' };
    const uris = (msg: unknown) => actions(msg).filter((a) => a.type === 'uri').map((a) => (a as messagingApi.URIAction).uri);
    expect(uris(manualCard(withQueue, options))).toContain('https://liff.line.me/1234567890-AbCdEfGh/queue?service=registration');
    expect(uris(manualCard(withQueue))).not.toContainEqual(expect.stringContaining('queue'));
    expect(uris(manualCard(base, options))).not.toContainEqual(expect.stringContaining('queue'));
    const local = manualCard(withQueue, { liffUrl: (p) => `http://localhost:3000/liff/maesot/${p}`, queuePath: (id) => `queue/${id}` });
    expect(uris(local)).toContain('http://localhost:3000/liff/maesot/queue/registration');
  });

  it('links the complaint manual to the LIFF complaint form', () => {
    const complaint = manuals.find((m) => m.id === 'complaint-process') as Manual;
    const labels = actions(manualCard(complaint, options)).map((a) => a.label);
    expect(labels).toContain('แจ้งเรื่องร้องเรียน');
  });

  it('round-trips postback data and rejects foreign data', () => {
    const data = manualPostbackData('food-premises-license', 'fee');
    expect(parseManualPostback(data)).toEqual({ id: 'food-premises-license', part: 'fee' });
    expect(parseManualPostback('action=queue&id=x')).toBeNull();
    expect(parseManualPostback('action=manual&id=x&part=bogus')).toBeNull();
    expect(manualQuickReply(manuals[0] as Manual, 'fee').items).toHaveLength(MANUAL_PARTS.length - 1);
  });

  it('writes focused answers in natural Thai', () => {
    const by = (id: string) => manuals.find((m) => m.id === id) as Manual;
    expect(manualPartMessage(by('birth-registration'), 'documents').text).toMatch(/^เอกสารสำหรับการแจ้งเกิด\n1\. /);
    expect(manualPartMessage(by('building-permit'), 'time').text).toContain('ไม่เกิน 45 วัน');
    expect(manualPartMessage(by('commercial-registration'), 'fee').text).toContain('จดทะเบียนตั้งใหม่: 50 บาท');
    expect(manualPartMessage(by('signboard-tax'), 'fee').text).toContain('10 บาท ต่อ 500 ตารางเซนติเมตร');
    expect(manualPartMessage(by('waste-collection'), 'where').text).toContain('โทร. 055-532-001');
    expect(manualAltText(by('birth-registration'))).toBe(
      'คู่มือการแจ้งเกิด · ใช้เวลา 30 นาที · ไม่เสียค่าธรรมเนียม (แจ้งภายในกำหนด) · เอกสาร 6 รายการ',
    );
  });

  it('stays within limits for an organisation-written manual at the size limits of the model', () => {
    const base = manuals.find((m) => m.id === 'building-permit') as Manual;
    const long = 'ข้อความยาวมาก'.repeat(80);
    const huge: Manual = {
      ...base,
      title: 'ก'.repeat(200),
      summary: long.slice(0, 300),
      steps: Array.from({ length: 20 }, (_, i) => ({ ...base.steps[0]!, title: `ขั้นตอนที่ ${i + 1} ${'ข'.repeat(100)}`.slice(0, 120), description: long.slice(0, 1000) })),
      documents: Array.from({ length: 40 }, (_, i) => ({ ...base.documents[0]!, name: `เอกสาร ${i} ${'ค'.repeat(280)}`.slice(0, 300), condition: 'ง'.repeat(300) })),
      eligibility: Array.from({ length: 20 }, () => long.slice(0, 500)),
    };
    const message = manualMessage(huge, options);
    expect(Buffer.byteLength(JSON.stringify(message.contents), 'utf8')).toBeLessThanOrEqual(LIMITS.bubbleBytes);
    expect(message.altText.length).toBeLessThanOrEqual(LIMITS.altText);
    for (const part of MANUAL_PARTS) expect(manualPartMessage(huge, part).text.length).toBeLessThanOrEqual(LIMITS.text);
  });
});
