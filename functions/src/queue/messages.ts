/**
 * LINE messages of the queue. Pure builders: pushes to the citizen (called; near when asked for), replies to a citizen
 * taking a ticket in chat, and replies to the staff-group command. Thai first; each fits LINE's limits (text ≤ 5,000; quick reply ≤ 13 items; postback ≤ 300).
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Message } from '../line/client.ts';
import type { TicketView } from '../contracts/queue.ts';
import { fitText } from '../line/limits.ts';
import type { QueueService, Ticket } from './schema.ts';

type QuickReplyItem = messagingApi.QuickReplyItem;
type FlexComponent = messagingApi.FlexComponent;

const txt = (text: string, extra: Partial<messagingApi.FlexText> = {}): FlexComponent => ({ type: 'text', text: fitText(text, 1800), wrap: true, size: 'sm', ...extra });
const uriButton = (label: string, uri: string, style: 'primary' | 'secondary' | 'link'): FlexComponent => ({ type: 'button', style, height: 'sm', action: { type: 'uri', label, uri } });
const postbackButton = (label: string, data: string, style: 'primary' | 'secondary' | 'link'): FlexComponent => ({
  type: 'button',
  style,
  height: 'sm',
  action: { type: 'postback', label, data, displayText: label },
});

/**
 * One event, one message: the text and its buttons in one Flex bubble (a buttons template would cut the text at 160
 * characters). Without buttons, plain text. `altText` is what the chat list and notifications show.
 */
function bubble(altText: string, body: FlexComponent[], buttons: FlexComponent[]): Message {
  if (buttons.length === 0) return { type: 'text', text: fitText(altText, 4900) };
  return {
    type: 'flex',
    altText: fitText(altText, 400),
    contents: {
      type: 'bubble',
      body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
      footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: buttons },
    },
  };
}

const where = (service: QueueService) => `${service.name}${service.location ? ` ${service.location}` : ''}`;

/** "Your turn is near": only to a citizen who asked for it when taking the ticket. */
export function nearMessage(service: QueueService, ticket: Ticket, ahead: number, pageUrl: string | undefined): Message {
  const when = ahead === 0 ? 'คุณเป็นคิวถัดไป' : `อีก ${ahead} คิวจะถึงคิวของคุณ`;
  const head = `ใกล้ถึงคิวแล้ว: ${ticket.label} (${service.name})`;
  const rest = `${when} กรุณากลับมารอใกล้ช่องบริการ${service.location ? ` ${service.location}` : ''}`;
  return bubble(`${head}\n${rest}`, [txt(head, { weight: 'bold', color: '#111827' }), txt(rest, { color: '#374151' })], pageUrl ? [uriButton('ดูสถานะคิว', pageUrl, 'primary')] : []);
}

/**
 * "Called": always sent, the one push of a ticket served. It carries the ticket page and the satisfaction form for
 * after the visit, so nothing more is pushed when the service is done.
 */
export function calledMessage(service: QueueService, ticket: Ticket, counterName: string, recall: boolean, links: { page?: string | undefined; rate?: string | undefined } = {}): Message {
  const head = `${recall ? 'เรียกซ้ำ: ' : ''}ถึงคิวของคุณแล้ว`;
  const call = `หมายเลข ${ticket.label} เชิญที่ ${counterName}`;
  const text = `${head}\n${call}\n(${where(service)})`;
  const buttons: FlexComponent[] = [];
  if (links.page) buttons.push(uriButton('ดูบัตรคิว', links.page, 'primary'));
  if (links.rate) buttons.push(uriButton('ประเมินความพึงพอใจ', links.rate, 'link'));
  return bubble(
    text,
    [
      txt(head, { weight: 'bold', color: '#166534' }),
      txt(ticket.label, { weight: 'bold', size: 'xxl', color: '#111827' }),
      txt(`เชิญที่ ${counterName}`, { weight: 'bold', size: 'md' }),
      txt(where(service), { color: '#374151' }),
      ...(links.rate ? [txt('รับบริการเสร็จแล้ว ช่วยประเมินความพึงพอใจ ใช้เวลาไม่ถึง 1 นาที', { color: '#6B7280', size: 'xs' })] : []),
    ],
    buttons,
  );
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

// ---------- replies to a citizen in chat (free: answered with the reply token) ----------

/** "รับบัตรคิว": which service? One postback per service (LINE allows 13 quick replies). */
export function chooseServiceMessage(services: Pick<QueueService, 'id' | 'name' | 'prefix'>[], takePageUrl: string | undefined): Message {
  const items: QuickReplyItem[] = services.slice(0, takePageUrl ? 12 : 13).map((s) => ({
    type: 'action',
    action: { type: 'postback', label: fitText(`${s.prefix} ${s.name}`, 20), data: `action=queue-take&s=${s.id}`, displayText: fitText(`รับบัตรคิว ${s.name}`, 300) },
  }));
  if (takePageUrl) items.push({ type: 'action', action: { type: 'uri', label: 'เปิดหน้ารับบัตรคิว', uri: takePageUrl } });
  return {
    type: 'text',
    text: 'เลือกบริการที่ต้องการรับบัตรคิวจากปุ่มด้านล่าง (บริการตามลำดับการมาถึง) LINE จะแจ้งเมื่อถึงคิวของคุณ',
    quickReply: { items },
  };
}

/** The answer to a ticket taken in chat: the ticket, and "tell me when it is near" for one who has not asked yet. */
export function ticketTakenMessage(
  ticket: Pick<TicketView, 'id' | 'label' | 'serviceName' | 'location' | 'state' | 'stateLabel' | 'ahead' | 'estimatedWaitMinutes' | 'notifyNear' | 'pageUrl'>,
  created: boolean,
): Message {
  const head = created ? `รับบัตรคิวแล้ว: ${ticket.label}` : `คุณมีบัตรคิว ${ticket.label} อยู่แล้ว (หนึ่งคนหนึ่งบัตรต่อบริการ)`;
  const waiting = ticket.state === 'waiting';
  const lines = [
    `${ticket.serviceName}${ticket.location ? ` ${ticket.location}` : ''}`,
    waiting ? `คิวก่อนหน้าคุณ ${ticket.ahead ?? 0} คิว${ticket.estimatedWaitMinutes ? ` รอประมาณ ${ticket.estimatedWaitMinutes} นาที` : ''}` : `สถานะ: ${ticket.stateLabel}`,
    waiting ? `LINE จะแจ้งเมื่อถึงคิวของคุณ${ticket.notifyNear ? ' และเมื่อเหลืออีก 3 คิว' : ''}` : '',
  ].filter(Boolean);
  const buttons: FlexComponent[] = [];
  if (ticket.pageUrl) buttons.push(uriButton('ดูบัตรคิว', ticket.pageUrl, 'primary'));
  if (waiting && !ticket.notifyNear) buttons.push(postbackButton('แจ้งเตือนเมื่อใกล้ถึงคิว', `action=queue-near&t=${ticket.id}`, 'secondary'));
  return bubble(
    [head, ...lines].join('\n'),
    [txt(head, { weight: 'bold', color: '#111827' }), txt(ticket.label, { weight: 'bold', size: 'xxl' }), ...lines.map((l) => txt(l, { color: '#374151' }))],
    buttons,
  );
}

export function citizenText(text: string): Message[] {
  return [{ type: 'text', text: fitText(text, 4900) }];
}

// ---------- staff group ----------

const postback = (label: string, data: string): QuickReplyItem => ({ type: 'action', action: { type: 'postback', label, data, displayText: label } });

/**
 * Quick replies after a call: recall, no-show, done, next — the operator never has to type the number. `ticket` is
 * what the counter is serving as this message shows it (null: nobody); "next" carries it as `seen`, so a second tap,
 * or a tap on an older message, calls nobody once the counter has moved on (staffGroup.ts).
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
