/**
 * LINE messages of the complaints feature. Pure builders. Nothing here ever takes a Reporter: messages to groups and
 * staff are built from the case alone, and messages for a corruption report carry no content at all.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Message } from '../line/client.ts';
import { fitText } from '../line/limits.ts';
import type { Org } from '../orgs/schema.ts';
import type { Complaint, ComplaintUpdate } from './schema.ts';
import { daysSince, formatThaiDate, isOpen, REOPEN_DAYS, STATUS_LABELS, type Status } from './workflow.ts';

type FlexComponent = messagingApi.FlexComponent;
type FlexBubble = messagingApi.FlexBubble;

/** The shared LINE cut (line/limits.ts): at most `max` UTF-16 units, readable "…" ending. */
export const clip = fitText;

const txt = (text: string, extra: Partial<messagingApi.FlexText> = {}): FlexComponent => ({ type: 'text', text, wrap: true, size: 'sm', ...extra });
const row = (label: string, value: string): FlexComponent => ({
  type: 'box',
  layout: 'baseline',
  spacing: 'sm',
  contents: [txt(label, { color: '#6B7280', flex: 2 }), txt(value, { flex: 5, color: '#111827' })],
});

/** Postback data of the staff card's buttons; ≤ 300 characters. */
export function statusPostbackData(complaintId: string, to: Status): string {
  return `action=complaint-status&id=${encodeURIComponent(complaintId)}&to=${to}`;
}

const postbackButton = (label: string, complaintId: string, to: Status, style: 'primary' | 'secondary'): FlexComponent => ({
  type: 'button',
  style,
  height: 'sm',
  action: { type: 'postback', label, data: statusPostbackData(complaintId, to), displayText: label },
});

/**
 * The card a new general complaint posts to each staff group: what, where, when due, and buttons to move it on. No
 * reporter: staff who need to call back open the detail page, which requires the officer role.
 */
export function staffCard(c: Complaint, categoryTitle: string, detailUrl: string | undefined): Message {
  const body: FlexComponent[] = [
    txt('เรื่องร้องเรียนใหม่', { weight: 'bold', size: 'md', color: '#111827' }),
    txt(clip(c.title, 120), { weight: 'bold' }),
    txt(clip(c.description, 300), { color: '#374151' }),
    { type: 'separator', margin: 'md' },
    row('หมวด', categoryTitle),
    row('รหัส', c.trackingCode),
    ...(c.place?.text ? [row('สถานที่', clip(c.place.text, 120))] : []),
    ...(c.place?.lat !== undefined && c.place.lng !== undefined ? [row('พิกัด', `${c.place.lat.toFixed(5)}, ${c.place.lng.toFixed(5)}`)] : []),
    ...(c.photoCount > 0 ? [row('รูปภาพ', `${c.photoCount} รูป`)] : []),
    row('ครบกำหนด', formatThaiDate(c.dueAt)),
  ];
  const footer: FlexComponent[] = [
    postbackButton('รับเรื่อง', c.id, 'acknowledged', 'primary'),
    postbackButton('กำลังดำเนินการ', c.id, 'in_progress', 'secondary'),
    postbackButton('แก้ไขเสร็จแล้ว', c.id, 'resolved', 'secondary'),
    ...(detailUrl ? [{ type: 'button', style: 'link', height: 'sm', action: { type: 'uri', label: 'ดูรายละเอียด', uri: detailUrl } } as FlexComponent] : []),
  ];
  const bubble: FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer },
  };
  return { type: 'flex', altText: clip(`เรื่องร้องเรียนใหม่ ${c.trackingCode}: ${categoryTitle} - ${c.title}`, 400), contents: bubble };
}

/** What integrity officers are told of a new corruption report: that one exists, nothing about it. */
export function integrityNotice(inboxUrl: string | undefined): Message {
  const text = 'มีเรื่องแจ้งเบาะแสการทุจริตเข้ามาใหม่ 1 เรื่อง กรุณาตรวจสอบในระบบเรื่องร้องเรียน (เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ)';
  if (!inboxUrl) return { type: 'text', text };
  return {
    type: 'template',
    altText: text,
    template: { type: 'buttons', text: clip(text, 160), actions: [{ type: 'uri', label: 'เปิดรายการเรื่อง', uri: inboxUrl }] },
  };
}

/** The complainant's message for one history record (receipt, each status change). */
export function complainantUpdateMessages(
  org: Pick<Org, 'name'>,
  c: Complaint,
  u: ComplaintUpdate,
  links: { track: string | undefined; rate: string | undefined; notFixed?: string | undefined },
): Message[] {
  const lines: string[] = [];
  if (isReopen(u)) {
    lines.push(
      `เรื่อง ${c.trackingCode}: ${clip(c.title, 100)}`,
      'ได้รับแจ้งว่ายังไม่ได้รับการแก้ไขแล้วค่ะ เรื่องนี้ถูกเปิดอีกครั้งและส่งให้เจ้าหน้าที่ดำเนินการต่อ',
      `สถานะ: ${STATUS_LABELS[u.to]}`,
      `เหตุผลที่แจ้ง: ${clip(u.reason ?? '', 300)}`,
    );
  } else if (u.seq === 1) {
    lines.push(`${org.name} ได้รับเรื่องของคุณแล้วค่ะ`, `รหัสติดตาม: ${c.trackingCode}`, `หัวข้อ: ${clip(c.title, 100)}`);
    lines.push(`จะแจ้งผลหรือความคืบหน้าภายในวันที่ ${formatThaiDate(c.dueAt)} (15 วัน)`);
  } else {
    lines.push(`เรื่อง ${c.trackingCode}: ${clip(c.title, 100)}`, `สถานะ: ${STATUS_LABELS[u.to]}`);
    if (u.to === 'forwarded' && u.forwardedTo) lines.push(`ส่งต่อไปยัง: ${u.forwardedTo}`);
    if (u.reason) lines.push(`เหตุผล: ${u.reason}`);
    if (u.note) lines.push(`ข้อความจากเจ้าหน้าที่: ${u.note}`);
    if (isOpen(u.to)) lines.push(`กำหนดแจ้งผลภายในวันที่ ${formatThaiDate(c.dueAt)}`);
    if (u.to === 'resolved' && links.notFixed) lines.push(`หากปัญหายังไม่ได้รับการแก้ไข แจ้งได้ภายใน ${REOPEN_DAYS} วัน`);
  }
  const text = clip(lines.join('\n'), 2000);
  // One event, one message: the text and its buttons in one Flex bubble (a buttons template would cut the text at 160).
  const buttons: FlexComponent[] = [];
  const uriButton = (label: string, uri: string, style: 'primary' | 'secondary' | 'link'): FlexComponent => ({ type: 'button', style, height: 'sm', action: { type: 'uri', label, uri } });
  if (links.track) buttons.push(uriButton('ดูความคืบหน้า', links.track, 'primary'));
  // The complainant's "not fixed" is on the status page (owner view, by their LINE login).
  if (u.to === 'resolved' && links.notFixed && !isReopen(u)) buttons.push(uriButton('แจ้งยังไม่ได้แก้ไข', links.notFixed, 'secondary'));
  if ((u.to === 'resolved' || u.to === 'rejected') && links.rate) buttons.push(uriButton('ประเมินความพึงพอใจ', links.rate, 'link'));
  if (buttons.length === 0) return [{ type: 'text', text }];
  const [head, ...rest] = lines;
  const bubble: FlexBubble = {
    type: 'bubble',
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        txt(clip(head ?? '', 300), { weight: 'bold', color: '#111827' }),
        ...(isReopen(u) || u.seq === 1 ? [] : [txt(STATUS_LABELS[u.to], { weight: 'bold', size: 'md', color: u.to === 'resolved' ? '#166534' : u.to === 'rejected' ? '#B91C1C' : '#1D4ED8' })]),
        ...[rest.filter((l) => !l.startsWith('สถานะ: ') || isReopen(u)).join('\n')].filter((t) => t.trim()).map((t) => txt(clip(t, 1800), { color: '#374151' })),
        ...((u.to === 'resolved' || u.to === 'rejected') && links.rate ? [txt('ช่วยประเมินความพึงพอใจต่อการจัดการเรื่องนี้', { color: '#6B7280', size: 'xs' })] : []),
      ],
    },
    footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: buttons },
  };
  return [{ type: 'flex', altText: clip(text, 400), contents: bubble }];
}

/** The complainant's "not fixed": a citizen record that moves a resolved case back to work. */
export function isReopen(u: Pick<ComplaintUpdate, 'from' | 'to' | 'actor'>): boolean {
  return u.actor.type === 'citizen' && u.from === 'resolved' && u.to === 'in_progress';
}

/**
 * To each staff group when the complainant says a resolved general complaint was not fixed: what, their reason, and a
 * button to the detail page (no status buttons: the next step needs a note). No reporter.
 */
export function reopenedCard(c: Complaint, categoryTitle: string, reason: string, detailUrl: string | undefined): Message {
  const body: FlexComponent[] = [
    txt('ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไข', { weight: 'bold', size: 'md', color: '#B91C1C' }),
    txt(clip(c.title, 120), { weight: 'bold' }),
    { type: 'separator', margin: 'md' },
    row('เหตุผล', clip(reason, 300)),
    row('หมวด', categoryTitle),
    row('รหัส', c.trackingCode),
    ...(c.place?.text ? [row('สถานที่', clip(c.place.text, 120))] : []),
    row('สถานะ', STATUS_LABELS[c.status]),
    row('ครบกำหนด', formatThaiDate(c.dueAt)),
  ];
  const bubble: FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(detailUrl
      ? { footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: [{ type: 'button', style: 'primary', height: 'sm', action: { type: 'uri', label: 'ดูรายละเอียด', uri: detailUrl } }] } }
      : {}),
  };
  return { type: 'flex', altText: clip(`ยังไม่ได้รับการแก้ไข ${c.trackingCode}: ${categoryTitle} - ${c.title}`, 400), contents: bubble };
}

/** To integrity officers when a corruption reporter says "not fixed": that it happened, nothing about the report. */
export function integrityReopenNotice(inboxUrl: string | undefined): Message {
  const text = 'ผู้แจ้งเบาะแสการทุจริต 1 เรื่อง แจ้งว่ายังไม่ได้รับการแก้ไข เรื่องถูกเปิดอีกครั้ง กรุณาตรวจสอบในระบบ (เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ)';
  if (!inboxUrl) return { type: 'text', text };
  return { type: 'template', altText: text, template: { type: 'buttons', text: clip(text, 160), actions: [{ type: 'uri', label: 'เปิดรายการเรื่อง', uri: inboxUrl }] } };
}

/** One line of the weekly digest: an overdue general complaint. */
export interface DigestOverdue {
  title: string;
  trackingCode: string;
  daysOverdue: number;
}

export interface DigestCounts {
  received: number;
  acknowledged: number;
  in_progress: number;
  overdue: number;
  dueSoon: number;
  /** Open corruption reports, as a number only. */
  corruptionOpen: number;
}

/**
 * The weekly digest card to each staff group: counts of open general complaints, the oldest overdue ones, and the
 * number of open corruption reports (a number, nothing else: staff groups are not integrity officers).
 */
export function weeklyDigestCard(week: string, counts: DigestCounts, oldest: DigestOverdue[], inboxUrl: string | undefined): Message {
  const open = counts.received + counts.acknowledged + counts.in_progress;
  const body: FlexComponent[] = [
    txt('สรุปเรื่องร้องเรียนค้างประจำสัปดาห์', { weight: 'bold', size: 'md', color: '#111827' }),
    txt(`สัปดาห์ ${week} · เรื่องร้องเรียนทั่วไปที่ยังไม่ปิด ${open} เรื่อง`, { color: '#6B7280' }),
    { type: 'separator', margin: 'md' },
    row(STATUS_LABELS.received, `${counts.received} เรื่อง`),
    row(STATUS_LABELS.acknowledged, `${counts.acknowledged} เรื่อง`),
    row(STATUS_LABELS.in_progress, `${counts.in_progress} เรื่อง`),
    row('เกินกำหนด', `${counts.overdue} เรื่อง`),
    row('ครบกำหนดใน 3 วัน', `${counts.dueSoon} เรื่อง`),
    row('แจ้งเบาะแสทุจริต', `${counts.corruptionOpen} เรื่อง (ดูได้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ)`),
  ];
  if (oldest.length > 0) {
    body.push({ type: 'separator', margin: 'md' }, txt('เกินกำหนดนานที่สุด', { weight: 'bold' }));
    for (const o of oldest) body.push(txt(`${o.trackingCode} · เกิน ${o.daysOverdue} วัน · ${clip(o.title, 60)}`, { color: '#B91C1C' }));
  }
  const bubble: FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(inboxUrl
      ? { footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', height: 'sm', action: { type: 'uri', label: 'เปิดรายการเรื่องค้าง', uri: inboxUrl } }] } }
      : {}),
  };
  return { type: 'flex', altText: clip(`สรุปเรื่องร้องเรียนค้าง: ${open} เรื่อง เกินกำหนด ${counts.overdue} เรื่อง`, 400), contents: bubble };
}

const GENERIC_DELAY_REASON = 'เจ้าหน้าที่อยู่ระหว่างตรวจสอบข้อเท็จจริงและประสานหน่วยงานที่เกี่ยวข้อง';

/** At the deadline: why the case is not finished yet (the latest staff note, or the usual reason), in one message. */
export function deadlineExplanation(org: Pick<Org, 'name' | 'office'>, c: Complaint, now: Date, trackUrl: string | undefined): Message[] {
  const lines = [
    `เรื่อง ${c.trackingCode}: ${clip(c.title, 100)}`,
    `ครบกำหนด 15 วันแล้ว (รับเรื่องเมื่อ ${formatThaiDate(c.receivedAt)}, ผ่านมา ${daysSince(new Date(c.receivedAt), now)} วัน) ขณะนี้ยังอยู่ระหว่างดำเนินการ`,
    `เหตุผล: ${c.lastNote ?? GENERIC_DELAY_REASON}`,
    `${org.name} จะแจ้งผลให้ทราบทาง LINE ทันทีที่มีความคืบหน้า${org.office.phone ? ` สอบถามเพิ่มเติมโทร ${org.office.phone}` : ''}`,
  ];
  const text = clip(lines.join('\n'), 2000);
  if (!trackUrl) return [{ type: 'text', text }];
  // One event, one message (one push of the quota): the text and its button in one Flex bubble.
  const [head, ...rest] = lines;
  const bubble: FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: [txt(clip(head ?? '', 300), { weight: 'bold', color: '#111827' }), txt(clip(rest.join('\n'), 1800), { color: '#374151' })] },
    footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', height: 'sm', action: { type: 'uri', label: 'ดูความคืบหน้า', uri: trackUrl } }] },
  };
  return [{ type: 'flex', altText: clip(text, 400), contents: bubble }];
}

/** One case in a staff reminder digest. */
export interface ReminderLine {
  kind: 'dueSoon' | 'overdue';
  trackingCode: string;
  title: string;
  categoryTitle: string;
  dueAt: string;
  status: Status;
}

/** How many cases a reminder digest lists by name; the rest are counted ("และอีก N เรื่อง"). */
export const REMINDER_DIGEST_LINES = 10;

/**
 * The reminders of one scheduler run to a staff group, in one message: the overdue general complaints, then those due
 * within 3 days, each with its code, category and due date, and a button to the inbox.
 */
export function staffReminderDigest(lines: ReminderLine[], inboxUrl: string | undefined): Message {
  const overdue = lines.filter((l) => l.kind === 'overdue');
  const dueSoon = lines.filter((l) => l.kind === 'dueSoon');
  const body: FlexComponent[] = [txt('⏰ เรื่องร้องเรียนที่ต้องติดตาม', { weight: 'bold', size: 'md', color: '#111827' })];
  let shown = 0;
  const section = (head: string, items: ReminderLine[], color: string) => {
    if (items.length === 0) return;
    body.push({ type: 'separator', margin: 'md' }, txt(`${head} ${items.length} เรื่อง`, { weight: 'bold', color }));
    for (const l of items) {
      if (shown >= REMINDER_DIGEST_LINES) break;
      shown++;
      body.push(txt(`${l.trackingCode} · ${clip(l.categoryTitle, 30)} · ${clip(l.title, 60)}\nครบกำหนด ${formatThaiDate(l.dueAt)} · ${STATUS_LABELS[l.status]}`, { color: '#374151' }));
    }
  };
  section('เกินกำหนดแล้ว', overdue, '#B91C1C');
  section('ใกล้ครบกำหนด (ภายใน 3 วัน)', dueSoon, '#92400E');
  if (lines.length > shown) body.push(txt(`และอีก ${lines.length - shown} เรื่อง ดูทั้งหมดในรายการเรื่อง`, { color: '#6B7280', size: 'xs' }));
  const bubble: FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(inboxUrl
      ? { footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', height: 'sm', action: { type: 'uri', label: 'เปิดรายการเรื่อง', uri: inboxUrl } }] } }
      : {}),
  };
  const alt = [overdue.length ? `เกินกำหนด ${overdue.length} เรื่อง` : '', dueSoon.length ? `ใกล้ครบกำหนด ${dueSoon.length} เรื่อง` : ''].filter(Boolean).join(', ');
  return { type: 'flex', altText: clip(`เรื่องร้องเรียนที่ต้องติดตาม: ${alt}`, 400), contents: bubble };
}

/** The reminders of one run to an integrity officer: how many corruption reports are due soon or overdue, nothing else. */
export function integrityReminderDigest(dueSoon: number, overdue: number, inboxUrl: string | undefined): Message {
  const parts = [overdue ? `เกินกำหนดแล้ว ${overdue} เรื่อง` : '', dueSoon ? `ใกล้ครบกำหนดภายใน 3 วัน ${dueSoon} เรื่อง` : ''].filter(Boolean);
  const text = `มีเรื่องแจ้งเบาะแสการทุจริต ${parts.join(' และ')} กรุณาตรวจสอบในระบบ`;
  if (!inboxUrl) return { type: 'text', text };
  return { type: 'template', altText: text, template: { type: 'buttons', text: clip(text, 160), actions: [{ type: 'uri', label: 'เปิดรายการเรื่อง', uri: inboxUrl }] } };
}

/** A tracking code typed in chat: the status only, nothing personal. */
export function trackingReply(c: Complaint, categoryTitle: string, now: Date, trackUrl: string | undefined): Message[] {
  const lines = [
    `เรื่อง ${c.trackingCode} (${categoryTitle})`,
    `สถานะ: ${STATUS_LABELS[c.status]}`,
    `รับเรื่องเมื่อ ${formatThaiDate(c.receivedAt)}`,
    isOpen(c.status)
      ? `กำหนดแจ้งผลภายใน ${formatThaiDate(c.dueAt)} (ผ่านมา ${daysSince(new Date(c.receivedAt), now)} จาก 15 วัน)`
      : `ปิดเรื่องเมื่อ ${formatThaiDate(c.finishedAt ?? c.updatedAt)}`,
  ];
  const text = lines.join('\n');
  if (!trackUrl) return [{ type: 'text', text }];
  return [{ type: 'template', altText: clip(text, 400), template: { type: 'buttons', text: clip(text, 160), actions: [{ type: 'uri', label: 'ดูประวัติเรื่อง', uri: trackUrl }] } }];
}

export function trackingNotFoundReply(trackUrl: string | undefined): Message[] {
  const text = 'ไม่พบเรื่องที่มีรหัสติดตามนี้ในบัญชี LINE ของคุณ หากแจ้งเรื่องโดยไม่เปิดเผยตัวตน กรุณาติดตามในหน้าติดตามเรื่องด้วยรหัสติดตามและรหัสลับ (อย่าพิมพ์รหัสลับในแชต)';
  if (!trackUrl) return [{ type: 'text', text }];
  return [{ type: 'template', altText: text, template: { type: 'buttons', text: clip('ไม่พบเรื่องที่มีรหัสนี้ในบัญชี LINE ของคุณ เรื่องที่แจ้งโดยไม่เปิดเผยตัวตน ติดตามได้ในหน้าติดตามเรื่องด้วยรหัสลับ', 160), actions: [{ type: 'uri', label: 'เปิดหน้าติดตามเรื่อง', uri: trackUrl }] } }];
}

export function badCodeReply(): Message[] {
  return [{ type: 'text', text: 'รหัสติดตามไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง รหัสมีรูปแบบ RT-XXXXXX (ไม่มีเลข 0 และ 1)' }];
}

export function postbackReply(text: string): Message[] {
  return [{ type: 'text', text }];
}
