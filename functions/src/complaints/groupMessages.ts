/**
 * What the staff group is answered when someone presses a complaint card's button: the confirm step before closing
 * (with the note asked for) and, after any change, who did what, when the complainant will be told, and "ย้อนกลับ".
 * Pure builders; labels fit LINE's limits (quick-reply labels ≤ 20, postback data ≤ 300, fillInText).
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Message } from '../line/client.ts';
import { fitText } from '../line/limits.ts';
import { formatThaiTime } from '../time/bangkok.ts';
import type { Complaint } from './schema.ts';
import { STATUS_LABELS, UNDO_MINUTES, type Status } from './workflow.ts';

type QuickReplyItem = messagingApi.QuickReplyItem;

/** "14:05 น." in Bangkok time. */
export const bangkokClock = (iso: string): string => `${formatThaiTime(iso)} น.`;

/** What the keyboard is pre-filled with after "ยืนยันปิดเรื่อง"; the note follows it. */
export const closeCommandPrefix = (trackingCode: string) => `ปิดเรื่อง ${trackingCode} บันทึก: `;

/**
 * The confirm step before a case is closed from the group. Closing always records a note to the complainant, so
 * "ยืนยันปิดเรื่อง" opens the keyboard pre-filled with the close command; "ยกเลิก" changes nothing; the detail page
 * is there for a longer note.
 */
export function closeConfirmation(c: Complaint, detailUrl: string | undefined, noteMissing = false): Message[] {
  const text = [
    noteMissing ? `ยังไม่ได้ปิดเรื่อง ${c.trackingCode}: กรุณาพิมพ์บันทึกถึงผู้ร้องว่าแก้ไขอะไรไปแล้ว` : `ยืนยันปิดเรื่อง ${c.trackingCode} "${fitText(c.title, 80)}" หรือไม่`,
    'การปิดเรื่องต้องมีบันทึกถึงผู้ร้อง: กด "ยืนยันปิดเรื่อง" แล้วพิมพ์ต่อท้ายว่าแก้ไขอะไรไปแล้ว จากนั้นกดส่ง',
    `ปิดแล้วย้อนกลับได้ภายใน ${UNDO_MINUTES} นาที ผู้ร้องจะได้รับแจ้งหลังจากนั้น`,
  ].join('\n');
  const items: QuickReplyItem[] = [
    {
      type: 'action',
      action: {
        type: 'postback',
        label: 'ยืนยันปิดเรื่อง',
        data: `action=complaint-close&id=${encodeURIComponent(c.id)}`,
        inputOption: 'openKeyboard',
        fillInText: closeCommandPrefix(c.trackingCode),
      },
    },
    { type: 'action', action: { type: 'postback', label: 'ยกเลิก', data: `action=complaint-cancel&id=${encodeURIComponent(c.id)}`, displayText: 'ยกเลิก' } },
    ...(detailUrl ? [{ type: 'action' as const, action: { type: 'uri' as const, label: 'เปิดหน้าเรื่อง', uri: detailUrl } }] : []),
  ];
  return [{ type: 'text', text, quickReply: { items } }];
}

/** Postback data of "ย้อนกลับ" for history record `seq`. */
export const undoPostbackData = (complaintId: string, seq: number) => `action=complaint-undo&id=${encodeURIComponent(complaintId)}&seq=${seq}`;

/**
 * After a change from the group: who did what, the undo button, and whether the complainant gets a LINE message for it
 * (after the undo window) or sees it on the tracking page only (complaints/workflow.ts tellsComplainant).
 */
export function changedReply(who: string, trackingCode: string, to: Status, seq: number, complaintId: string, undoUntil: string, withNote: boolean, told: boolean): Message[] {
  const text = [
    `${who} เปลี่ยนสถานะเรื่อง ${trackingCode} เป็น "${STATUS_LABELS[to]}" แล้ว${withNote ? ' พร้อมบันทึกถึงผู้ร้อง' : ''}`,
    `ย้อนกลับได้ถึง ${bangkokClock(undoUntil)} (${UNDO_MINUTES} นาที) ${told ? 'ผู้ร้องจะได้รับแจ้งทาง LINE หลังจากนั้น' : 'ผู้ร้องเห็นการเปลี่ยนแปลงนี้ในหน้าติดตามเรื่อง'}`,
  ].join('\n');
  return [{ type: 'text', text, quickReply: { items: [{ type: 'action', action: { type: 'postback', label: 'ย้อนกลับ', data: undoPostbackData(complaintId, seq), displayText: 'ย้อนกลับ' } }] } }];
}
