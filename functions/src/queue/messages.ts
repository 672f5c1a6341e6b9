/**
 * LINE messages of the queue. Pure builders: pushes to the citizen (near, called, after service) and replies to the
 * staff-group command. Thai first; each fits LINE's limits (text ≤ 5,000; quick reply ≤ 13 items; postback ≤ 300).
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Message } from '../line/client.ts';
import type { QueueService, Ticket } from './schema.ts';

type QuickReplyItem = messagingApi.QuickReplyItem;

const linkSuffix = (url: string | undefined, text: string) => (url ? `\n\n${text}\n${url}` : '');

export function nearMessage(service: QueueService, ticket: Ticket, ahead: number, pageUrl: string | undefined): Message {
  const when = ahead === 0 ? 'คุณเป็นคิวถัดไป' : `อีก ${ahead} คิวจะถึงคิวของคุณ`;
  return {
    type: 'text',
    text: `ใกล้ถึงคิวแล้ว: ${ticket.label} (${service.name})\n${when} กรุณากลับมารอใกล้ช่องบริการ${service.location ? ` ${service.location}` : ''}${linkSuffix(pageUrl, 'ดูสถานะคิว:')}`,
  };
}

export function calledMessage(service: QueueService, ticket: Ticket, counterName: string, recall: boolean): Message {
  return {
    type: 'text',
    text: `${recall ? 'เรียกซ้ำ: ' : ''}ถึงคิวของคุณแล้ว\nหมายเลข ${ticket.label} เชิญที่ ${counterName}\n(${service.name}${service.location ? ` ${service.location}` : ''})`,
  };
}

export function ratingMessage(service: QueueService, ticket: Ticket, ratingUrl: string | undefined): Message {
  return {
    type: 'text',
    text: `ขอบคุณที่ใช้บริการ${service.name} (คิว ${ticket.label})${linkSuffix(ratingUrl, 'ช่วยประเมินความพึงพอใจการให้บริการครั้งนี้ ใช้เวลาไม่ถึง 1 นาที:')}`,
  };
}

export function noShowMessage(service: QueueService, ticket: Ticket): Message {
  return {
    type: 'text',
    text: `คิว ${ticket.label} (${service.name}) ถูกข้ามเพราะไม่พบผู้รับบริการเมื่อเรียก หากคุณยังอยู่ที่สำนักงาน กรุณาติดต่อเจ้าหน้าที่ที่ช่องบริการ`,
  };
}

export function cancelledByStaffMessage(service: QueueService, ticket: Ticket, reason: string): Message {
  return { type: 'text', text: `คิว ${ticket.label} (${service.name}) ถูกยกเลิกโดยเจ้าหน้าที่\nเหตุผล: ${reason}` };
}

export function reinstatedMessage(service: QueueService, ticket: Ticket): Message {
  return { type: 'text', text: `คิว ${ticket.label} (${service.name}) ได้รับคืนสิทธิ์แล้ว กรุณารอเรียกใกล้ช่องบริการ` };
}

// ---------- staff group ----------

const postback = (label: string, data: string): QuickReplyItem => ({ type: 'action', action: { type: 'postback', label, data, displayText: label } });

/**
 * Quick replies after a call: recall, no-show, done, next — the operator never has to type the number. `ticket` is
 * what the counter is serving as this message shows it (null: nobody); "next" carries it as `seen`, so a second tap,
 * or a tap on an older message, calls nobody once the counter has moved on (bot.ts).
 */
export function operatorQuickReply(ticket: (Pick<Ticket, 'id'> & { calls?: number }) | null, service: QueueService, counterId: string): messagingApi.QuickReply {
  const items: QuickReplyItem[] = [];
  if (ticket) {
    // Recall carries how often the ticket had been called, so a double tap announces it once.
    items.push(postback('เรียกซ้ำ', `action=queue-recall&t=${ticket.id}${ticket.calls ? `&n=${ticket.calls}` : ''}`));
    items.push(postback('ไม่มา (ข้าม)', `action=queue-skip&t=${ticket.id}`));
    items.push(postback('เสร็จ', `action=queue-complete&t=${ticket.id}`));
  }
  items.push(postback('คิวถัดไป', `action=queue-next&s=${service.id}&c=${counterId}&seen=${ticket?.id ?? '-'}`));
  return { items };
}

export function groupText(text: string, quickReply?: messagingApi.QuickReply): Message[] {
  return [{ type: 'text', text: text.slice(0, 4900), ...(quickReply ? { quickReply } : {}) }];
}

export const GROUP_HELP = [
  'คำสั่งคิวในกลุ่มเจ้าหน้าที่:',
  '• คิวถัดไป A ช่อง 1 — เรียกคิวถัดไปของบริการ A ที่ช่อง 1 (ใช้ชื่อบริการแทน A ได้ เช่น "คิวถัดไป ทะเบียนราษฎร")',
  '• เรียกซ้ำ A007 / ข้าม A007 / เสร็จ A007',
  '• สถานะคิว — จำนวนคิวรอของทุกบริการ',
].join('\n');
