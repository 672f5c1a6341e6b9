/**
 * What the bot says while a report is built in chat. Quick replies where a choice exists; every question offers
 * "แก้ไขในแบบฟอร์ม" (the LIFF form pre-filled with the draft) and "ยกเลิก". Labels go through actionLabel (≤ 20).
 */
import type { messagingApi } from '@line/bot-sdk';
import { helpQuickReplies } from '../../bot/messages.ts';
import type { Message } from '../../line/client.ts';
import { actionLabel, fitText, LINE_LIMITS } from '../../line/limits.ts';
import { CONSENT_SENTENCE, type Category } from '../../contracts/complaints.ts';
import { formatThaiDate } from '../workflow.ts';

/** The sentence the form's consent checkbox shows (contracts/tables/complaints.ts), word for word. */
export { CONSENT_SENTENCE };

type QuickReplyItem = messagingApi.QuickReplyItem;

/** The form's privacy notice for a general complaint, and what is particular to a draft kept in chat. */
export const PRIVACY_NOTICE = [
  'ข้อมูลที่คุณส่งและรูปภาพใช้เพื่อตรวจสอบและแก้ไขเรื่องนี้ และทำสถิติที่ไม่ระบุตัวบุคคลเท่านั้น',
  'ผู้ที่เห็นชื่อของคุณ: เจ้าหน้าที่ของหน่วยงานที่รับผิดชอบเรื่องร้องเรียน ไม่เผยแพร่ต่อสาธารณะ',
  'ข้อมูลตำแหน่งที่ฝังในไฟล์รูปถูกลบก่อนบันทึก',
  'ร่างเรื่องที่ยังไม่ส่งจะถูกลบพร้อมรูปภายใน 24 ชั่วโมง และกดยกเลิกได้ทุกขั้นตอน',
  'คุณขอดู แก้ไข หรือขอลบข้อมูลได้ที่สำนักงานของหน่วยงาน',
];

export interface Links {
  /** The LIFF form pre-filled with the draft; undefined when the organisation has no LIFF app. */
  form: string | undefined;
}

const postback = (label: string, data: string, displayText = label): QuickReplyItem => ({
  type: 'action',
  action: { type: 'postback', label: actionLabel(label), data, displayText: fitText(displayText, LINE_LIMITS.actionText) },
});

export const actionData = (what: string, nonce: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({ action: 'chat-report', do: what, n: nonce, ...extra }).toString();

function tail(nonce: string, links: Links): QuickReplyItem[] {
  return [
    ...(links.form ? [{ type: 'action' as const, action: { type: 'uri' as const, label: actionLabel('แก้ไขในแบบฟอร์ม'), uri: links.form } }] : []),
    postback('ยกเลิก', actionData('cancel', nonce), 'ยกเลิกการแจ้งปัญหา'),
  ];
}

const text = (t: string, items?: QuickReplyItem[]): Message => ({
  type: 'text',
  text: fitText(t, LINE_LIMITS.text),
  ...(items?.length ? { quickReply: { items: items.slice(0, LINE_LIMITS.quickReplyItems) } } : {}),
});

/** The one question after a photo or place: report it? */
export function offerMessages(kind: 'image' | 'location', nonce: string): Message[] {
  const lead = kind === 'image' ? 'ได้รับรูปภาพแล้วค่ะ' : 'ได้รับตำแหน่งแล้วค่ะ';
  return [
    text(`${lead}\nแจ้งปัญหานี้ไหมคะ เช่น ถนนชำรุด ไฟดับ ขยะ เจ้าหน้าที่จะรับเรื่องและคุณติดตามผลได้`, [
      postback('แจ้งปัญหา', actionData('start', nonce)),
      postback('ไม่ใช่', actionData('no', nonce)),
    ]),
  ];
}

export function askCategory(categories: Category[], nonce: string, links: Links, note?: string): Message[] {
  const room = LINE_LIMITS.quickReplyItems - tail(nonce, links).length;
  const items = categories.slice(0, room).map((c) => postback(c.title, actionData('cat', nonce, { id: c.id }), c.title));
  // Categories that do not fit as buttons are listed in the text, to be typed.
  const list = categories.length > room ? `\n${categories.map((c) => `• ${c.title}`).join('\n')}` : '';
  return [text(`${note ? `${note}\n\n` : ''}เรื่องนี้เป็นปัญหาด้านใดคะ เลือกจากปุ่มด้านล่าง หรือพิมพ์ชื่อประเภท${list}`, [...items, ...tail(nonce, links)])];
}

export function askDescription(nonce: string, links: Links, note?: string): Message[] {
  return [text(`${note ? `${note}\n\n` : ''}เล่าปัญหาสั้น ๆ 1 บรรทัดค่ะ เช่น "ไฟถนนดับหน้าซอย 5 มา 3 วันแล้ว"`, tail(nonce, links))];
}

export function askPlace(nonce: string, links: Links, note?: string): Message[] {
  const location: QuickReplyItem = { type: 'action', action: { type: 'location', label: actionLabel('ส่งตำแหน่ง') } };
  return [text(`${note ? `${note}\n\n` : ''}ปัญหาอยู่ที่ไหนคะ กด "ส่งตำแหน่ง" หรือพิมพ์ที่อยู่/จุดสังเกต`, [location, ...tail(nonce, links)])];
}

export interface Summary {
  categoryTitle: string;
  description: string;
  placeText: string;
  photoCount: number;
}

export function askConsent(s: Summary, nonce: string, links: Links, note?: string): Message[] {
  const lines = [
    ...(note ? [note, ''] : []),
    'ตรวจสอบเรื่องที่จะแจ้งค่ะ',
    `ประเภท: ${s.categoryTitle}`,
    `รายละเอียด: ${fitText(s.description, 300)}`,
    `สถานที่: ${fitText(s.placeText, 200)}`,
    `รูปภาพ: ${s.photoCount ? `${s.photoCount} รูป` : 'ไม่มี'}`,
    '',
    'การใช้ข้อมูลส่วนบุคคล (PDPA)',
    ...PRIVACY_NOTICE.map((l) => `• ${l}`),
    '',
    `กด "ยินยอมและส่งเรื่อง" หมายถึง ${CONSENT_SENTENCE}`,
  ];
  return [text(lines.join('\n'), [postback('ยินยอมและส่งเรื่อง', actionData('consent', nonce)), ...tail(nonce, links)])];
}

export function filedMessages(filed: { trackingCode: string; dueAt: string }, orgName: string, trackUrl: string | undefined, note?: string): Message[] {
  const body = [
    ...(note ? [note, ''] : []),
    `${orgName} ได้รับเรื่องของคุณแล้วค่ะ`,
    `รหัสติดตาม: ${filed.trackingCode}`,
    `จะแจ้งผลหรือความคืบหน้าภายในวันที่ ${formatThaiDate(filed.dueAt)} (15 วัน)`,
  ].join('\n');
  if (!trackUrl) return [text(`${body}\nพิมพ์รหัสติดตามในแชทนี้เพื่อดูสถานะได้ทุกเมื่อ`)];
  return [
    text(body),
    {
      type: 'template',
      altText: fitText(`ติดตามเรื่อง ${filed.trackingCode}`, LINE_LIMITS.templateAltText),
      template: { type: 'buttons', text: fitText(`ติดตามเรื่อง ${filed.trackingCode} ได้ที่นี่ หรือพิมพ์รหัสในแชทนี้`, LINE_LIMITS.buttonsText), actions: [{ type: 'uri', label: actionLabel('ดูความคืบหน้า'), uri: trackUrl }] },
    },
  ];
}

export const alreadyFiledMessages = (code: string | null): Message[] => [
  text(code ? `เรื่องนี้ส่งแล้วค่ะ รหัสติดตาม ${code}` : 'กำลังส่งเรื่องนี้อยู่ค่ะ กรุณารอสักครู่'),
];

export const declinedMessages = (): Message[] => [
  { type: 'text', text: 'รับทราบค่ะ ไม่ได้เก็บรูปหรือตำแหน่งนี้ไว้ มีเรื่องใดให้ช่วย พิมพ์ถามได้เลยค่ะ', quickReply: helpQuickReplies() },
];

export const cancelledMessages = (): Message[] => [
  { type: 'text', text: 'ยกเลิกการแจ้งปัญหาแล้วค่ะ ลบรูปและข้อมูลที่ส่งมาเรียบร้อย หากต้องการแจ้งใหม่ ส่งรูปหรือตำแหน่งมาได้เลย', quickReply: helpQuickReplies() },
];

export const draftGoneMessages = (): Message[] => [
  { type: 'text', text: 'ร่างเรื่องนี้หมดอายุหรือถูกยกเลิกแล้วค่ะ ส่งรูปหรือตำแหน่งใหม่เพื่อเริ่มแจ้งปัญหาอีกครั้ง', quickReply: helpQuickReplies() },
];

export const onlyInUserChat = (): Message[] => [{ type: 'text', text: 'การแจ้งปัญหาด้วยรูปหรือตำแหน่งทำได้ในแชทส่วนตัวกับบัญชีนี้เท่านั้นค่ะ' }];

export const rateLimitedMessages = (nonce: string, links: Links): Message[] => [
  text('ส่งเรื่องถี่เกินไป กรุณารอสักครู่แล้วกด "ยินยอมและส่งเรื่อง" อีกครั้งค่ะ', [postback('ยินยอมและส่งเรื่อง', actionData('consent', nonce)), ...tail(nonce, links)]),
];

/** Why a photo was not kept, in the form's words (decodePhoto's problems) or ours. */
export const photoNotes = {
  tooMany: (max: number) => `แนบรูปได้ไม่เกิน ${max} รูป รูปที่เกินไม่ได้เก็บไว้`,
  notFetched: 'ดึงรูปจาก LINE ไม่สำเร็จ รูปนี้ไม่ได้เก็บไว้ (แนบในแบบฟอร์มได้)',
  refused: (problem: string) => `รูปนี้ใช้ไม่ได้: ${problem}`,
  received: 'ได้รับรูปเพิ่มแล้วค่ะ',
  place: 'ได้รับตำแหน่งแล้วค่ะ',
};
