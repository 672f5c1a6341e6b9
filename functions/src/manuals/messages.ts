import type { messagingApi } from '@line/bot-sdk';
import { fitText } from '../line/limits.ts';
import { formatBaht } from '../text/numbers.ts';
import {
  MANUAL_CATEGORY_LABELS,
  type FeeItem,
  type Manual,
  type ManualContent,
  type ManualDocument,
} from './schema.ts';

/**
 * LINE replies for service manuals, designed for a phone: one card with what most people need (who may apply, steps
 * with times, documents with copies, fee, where and when) and focused text answers for follow-up questions.
 * Limits respected (and tested for every standard manual): bubble JSON ≤ 30 KB, altText ≤ 1,500 characters,
 * text ≤ 5,000 characters, postback data ≤ 300 characters, action labels ≤ 20 characters.
 */

export const LIMITS = { bubbleBytes: 30_000, altText: 1_500, text: 5_000, postbackData: 300, label: 20 } as const;

/** A question about a manual that a button or quick reply can ask. */
export type ManualPart = 'documents' | 'time' | 'fee' | 'steps' | 'where';
export const MANUAL_PARTS: readonly ManualPart[] = ['documents', 'time', 'fee', 'steps', 'where'];

/** The content needed to build replies; a stored manual has more, which is fine. */
type ManualLike = ManualContent | Manual;

export interface ManualCardOptions {
  /** The organisation's LIFF id: enables the queue and online-service buttons. */
  liffId?: string;
  /** Builds a LIFF link from a path (overrides `liffId`, e.g. local mode's `liffUrl`). */
  liffUrl?: (path: string) => string | undefined;
  /** LIFF path of the queue page for a service; default `queue?service={id}`. */
  queuePath?: (serviceId: string) => string;
}

const COLORS = { header: '#0B5D3B', accent: '#0B5D3B', text: '#222222', muted: '#6B6B6B', faint: '#999999' };
const MAX_CARD_STEPS = 6;
const MAX_CARD_DOCUMENTS = 6;

// ---------------------------------------------------------------------------------------------------------------
// Formatting


export function formatFee(item: FeeItem): string {
  const amount = item.amountBaht === null ? 'ตามที่กำหนด' : item.amountBaht === 0 ? 'ไม่เสียค่าธรรมเนียม' : formatBaht(item.amountBaht);
  const per = item.per && item.amountBaht ? ` ${item.per}` : '';
  return `${item.label}: ${amount}${per}${item.note ? ` (${item.note})` : ''}`;
}

export function formatCopies(doc: ManualDocument): string {
  const parts = [
    doc.originals ? `ฉบับจริง ${doc.originals} ${doc.unit}` : '',
    doc.copies ? `สำเนา ${doc.copies} ${doc.unit}` : '',
  ].filter(Boolean);
  return parts.join(' · ') || 'แสดงต่อเจ้าหน้าที่';
}

/** The shared LINE cut (line/limits.ts): at most `max` UTF-16 units, readable "…" ending. */
const truncate = fitText;

/** A short name for buttons and display texts: the title before any parenthesis. */
export function shortTitle(manual: Pick<ManualLike, 'title'>): string {
  return manual.title.replace(/\s*\(.*$/, '').trim();
}

/** Documents everyone needs come first, then the ones only some cases need. */
function orderedDocuments(manual: ManualLike): ManualDocument[] {
  return [...manual.documents].sort((a, b) => Number(Boolean(a.condition)) - Number(Boolean(b.condition)));
}

// ---------------------------------------------------------------------------------------------------------------
// Postbacks

/** `action=manual&id=…&part=…`: what a "ถามต่อ" button sends back. */
export function manualPostbackData(id: string, part: ManualPart): string {
  return new URLSearchParams({ action: 'manual', id, part }).toString();
}

export function parseManualPostback(data: string): { id: string; part: ManualPart } | null {
  const p = new URLSearchParams(data);
  const id = p.get('id');
  const part = p.get('part') as ManualPart | null;
  if (p.get('action') !== 'manual' || !id || !part || !MANUAL_PARTS.includes(part)) return null;
  return { id, part };
}

const PART_LABELS: Record<ManualPart, { label: string; ask: (title: string) => string }> = {
  documents: { label: 'เอกสารที่ต้องใช้', ask: (t) => `${t} ใช้เอกสารอะไรบ้าง` },
  time: { label: 'ใช้เวลากี่วัน', ask: (t) => `${t} ใช้เวลานานเท่าไร` },
  fee: { label: 'ค่าธรรมเนียม', ask: (t) => `${t} เสียค่าธรรมเนียมเท่าไร` },
  steps: { label: 'ขั้นตอนโดยละเอียด', ask: (t) => `${t} มีขั้นตอนอย่างไร` },
  where: { label: 'ติดต่อที่ไหน', ask: (t) => `${t} ติดต่อที่ไหน` },
};

function postback(manual: ManualLike, part: ManualPart): messagingApi.PostbackAction {
  const { label, ask } = PART_LABELS[part];
  return { type: 'postback', label, data: manualPostbackData(manual.id, part), displayText: truncate(ask(shortTitle(manual)), 300) };
}

/** Quick replies for the likely next questions about a manual (all five parts except `except`). */
export function manualQuickReply(manual: ManualLike, except?: ManualPart): messagingApi.QuickReply {
  return {
    items: MANUAL_PARTS.filter((p) => p !== except).map((p) => ({ type: 'action', action: postback(manual, p) })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The card

function text(value: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText {
  return { type: 'text', text: value || '-', wrap: true, size: 'sm', color: COLORS.text, ...extra };
}

function section(title: string, contents: messagingApi.FlexComponent[]): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'vertical',
    spacing: 'xs',
    margin: 'lg',
    contents: [text(title, { weight: 'bold', size: 'sm', color: COLORS.accent }), ...contents],
  };
}

function stepRow(index: number, title: string, duration: string): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'horizontal',
    spacing: 'sm',
    contents: [
      text(`${index}.`, { flex: 0, color: COLORS.muted }),
      text(title, { flex: 5 }),
      text(duration, { flex: 3, align: 'end', size: 'xs', color: COLORS.accent }),
    ],
  };
}

function linkFor(options: ManualCardOptions): ((path: string) => string | undefined) | undefined {
  if (options.liffUrl) return options.liffUrl;
  const { liffId } = options;
  if (!liffId) return undefined;
  return (path) => `https://liff.line.me/${liffId}/${path.replace(/^\/+/, '')}`;
}

function footerButtons(manual: ManualLike, options: ManualCardOptions): messagingApi.FlexButton[] {
  const link = linkFor(options);
  const buttons: messagingApi.FlexButton[] = [];
  if (manual.queueServiceId && link) {
    const path = (options.queuePath ?? ((id) => `queue?service=${encodeURIComponent(id)}`))(manual.queueServiceId);
    const uri = link(path);
    if (uri) buttons.push({ type: 'button', style: 'primary', color: COLORS.accent, height: 'sm', action: { type: 'uri', label: 'จองคิว', uri } });
  }
  for (const online of manual.online ?? []) {
    const uri = link?.(online.liffPath);
    if (uri && buttons.length < 2) {
      buttons.push({
        type: 'button',
        style: buttons.length === 0 ? 'primary' : 'secondary',
        color: buttons.length === 0 ? COLORS.accent : undefined,
        height: 'sm',
        action: { type: 'uri', label: truncate(online.label, LIMITS.label), uri },
      });
    }
  }
  const more: ManualPart[] = manual.documents.length > MAX_CARD_DOCUMENTS ? ['documents', 'steps'] : ['steps', 'where'];
  for (const part of more) buttons.push({ type: 'button', style: 'link', height: 'sm', action: postback(manual, part) });
  const phone = manual.contact.phone.replace(/[^\d+]/g, '');
  if (phone.length >= 4 && buttons.length < 4) {
    buttons.push({ type: 'button', style: 'link', height: 'sm', action: { type: 'uri', label: 'โทรสอบถาม', uri: `tel:${phone}` } });
  }
  return buttons.slice(0, 4);
}

/** The manual as one Flex bubble. */
export function manualCard(manual: ManualLike, options: ManualCardOptions = {}): messagingApi.FlexBubble {
  const steps = manual.steps.slice(0, MAX_CARD_STEPS);
  const docs = orderedDocuments(manual);
  const shownDocs = docs.slice(0, MAX_CARD_DOCUMENTS);
  const where = manual.locations[0];

  const body: messagingApi.FlexComponent[] = [
    text(truncate(manual.summary, 300), { color: COLORS.muted }),
    section('ใครยื่นได้', manual.eligibility.slice(0, 3).map((e) => text(`• ${truncate(e, 200)}`))),
    section('ขั้นตอนและเวลา', [
      ...steps.map((s, i) => stepRow(i + 1, truncate(s.title, 80), truncate(s.duration.text, 60))),
      ...(manual.steps.length > steps.length ? [text(`และอีก ${manual.steps.length - steps.length} ขั้นตอน`, { size: 'xs', color: COLORS.muted })] : []),
      text(`รวม ${manual.totalTime.text}`, { weight: 'bold', margin: 'sm' }),
    ]),
    section(
      'เอกสารที่ต้องใช้',
      docs.length === 0
        ? [text('ไม่ต้องใช้เอกสาร')]
        : [
            ...shownDocs.flatMap((d) => [
              text(`• ${truncate(d.name, 150)}`),
              text(`${formatCopies(d)}${d.condition ? ` · ${truncate(d.condition, 100)}` : ''}`, { size: 'xxs', color: COLORS.faint, margin: 'none' }),
            ]),
            ...(docs.length > shownDocs.length
              ? [text(`และอีก ${docs.length - shownDocs.length} รายการ กด "เอกสารที่ต้องใช้"`, { size: 'xs', color: COLORS.muted })]
              : []),
          ],
    ),
    section('ค่าธรรมเนียม', [text(truncate(manual.fees.summary, 300))]),
  ];
  if (where) {
    body.push(
      section('สถานที่และเวลา', [
        text(truncate(where.place, 200)),
        text(truncate(where.hours, 150), { size: 'xs', color: COLORS.muted }),
        ...(where.note ? [text(truncate(where.note, 250), { size: 'xs', color: COLORS.muted })] : []),
        ...(manual.contact.phone ? [text(`โทร. ${manual.contact.phone}`, { size: 'xs', color: COLORS.muted })] : []),
      ]),
    );
  }

  const category = MANUAL_CATEGORY_LABELS[manual.category];
  return {
    type: 'bubble',
    size: 'giga',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: COLORS.header,
      paddingAll: 'lg',
      contents: [
        text(`คู่มือสำหรับประชาชน · ${category}`, { size: 'xxs', color: '#D8EFE4' }),
        text(truncate(manual.title, 120), { weight: 'bold', size: 'lg', color: '#FFFFFF' }),
      ],
    },
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    footer: { type: 'box', layout: 'vertical', spacing: 'xs', contents: footerButtons(manual, options) },
  };
}

/** Lock-screen text: the title, then the three answers people look for. */
export function manualAltText(manual: ManualLike): string {
  const parts = [
    `คู่มือ${shortTitle(manual)}`,
    `ใช้เวลา ${manual.totalTime.text}`,
    manual.fees.summary,
    manual.documents.length ? `เอกสาร ${manual.documents.length} รายการ` : '',
  ].filter(Boolean);
  return truncate(parts.join(' · '), 400);
}

/** The card as a message, with quick replies for the next questions. */
export function manualMessage(manual: ManualLike, options: ManualCardOptions = {}): messagingApi.FlexMessage {
  return { type: 'flex', altText: manualAltText(manual), contents: manualCard(manual, options), quickReply: manualQuickReply(manual) };
}

// ---------------------------------------------------------------------------------------------------------------
// Focused answers (text: readable everywhere, copyable, fine for screen readers)

function textMessage(lines: string[], manual: ManualLike, part: ManualPart): messagingApi.TextMessage {
  return { type: 'text', text: truncate(lines.filter((l) => l !== '').join('\n'), LIMITS.text), quickReply: manualQuickReply(manual, part) };
}

export function manualDocumentsMessage(manual: ManualLike): messagingApi.TextMessage {
  const docs = orderedDocuments(manual);
  return textMessage(
    [
      `เอกสารสำหรับ${shortTitle(manual)}`,
      ...(docs.length === 0
        ? ['ไม่ต้องใช้เอกสาร']
        : docs.map((d, i) => `${i + 1}. ${d.name} — ${formatCopies(d)}${d.condition ? ` (${d.condition})` : ''}${d.note ? ` หมายเหตุ: ${d.note}` : ''}`)),
      docs.some((d) => d.copies > 0) ? 'สำเนาทุกฉบับ ผู้ยื่นลงนามรับรองสำเนาถูกต้อง' : '',
    ],
    manual,
    'documents',
  );
}

export function manualTimeMessage(manual: ManualLike): messagingApi.TextMessage {
  return textMessage(
    [
      `${shortTitle(manual)} ใช้เวลา ${manual.totalTime.text}`,
      ...manual.steps.map((s, i) => `${i + 1}. ${s.title} — ${s.duration.text}`),
      'ระยะเวลานับเมื่อได้รับเอกสารครบถ้วนถูกต้อง',
    ],
    manual,
    'time',
  );
}

export function manualFeeMessage(manual: ManualLike): messagingApi.TextMessage {
  const items = manual.fees.items.length > 1 || manual.fees.items.some((f) => f.amountBaht !== 0) ? manual.fees.items : [];
  return textMessage(
    [`ค่าธรรมเนียม${shortTitle(manual)}: ${manual.fees.summary}`, ...items.map((f) => `• ${formatFee(f)}`), manual.fees.note ?? ''],
    manual,
    'fee',
  );
}

export function manualStepsMessage(manual: ManualLike): messagingApi.TextMessage {
  return textMessage(
    [
      `ขั้นตอน${shortTitle(manual)} (รวม ${manual.totalTime.text})`,
      ...manual.steps.map((s, i) => `${i + 1}. ${s.title} (${s.duration.text})\n   ${s.description}\n   ผู้รับผิดชอบ: ${s.responsibleUnit}`),
      ...(manual.conditions.length ? ['', 'เงื่อนไขสำคัญ', ...manual.conditions.slice(0, 4).map((c) => `• ${c}`)] : []),
    ],
    manual,
    'steps',
  );
}

export function manualWhereMessage(manual: ManualLike): messagingApi.TextMessage {
  return textMessage(
    [
      `ติดต่อเรื่อง${shortTitle(manual)}`,
      ...manual.locations.map((l) => `📍 ${l.place}\n🕘 ${l.hours}${l.note ? `\n${l.note}` : ''}`),
      `ช่องบริการ: ${manual.counter}`,
      `ผู้รับผิดชอบ: ${manual.contact.unit}${manual.contact.phone ? ` โทร. ${manual.contact.phone}` : ''}`,
    ],
    manual,
    'where',
  );
}

/** The focused answer for one part. */
export function manualPartMessage(manual: ManualLike, part: ManualPart): messagingApi.TextMessage {
  switch (part) {
    case 'documents':
      return manualDocumentsMessage(manual);
    case 'time':
      return manualTimeMessage(manual);
    case 'fee':
      return manualFeeMessage(manual);
    case 'steps':
      return manualStepsMessage(manual);
    case 'where':
      return manualWhereMessage(manual);
  }
}
