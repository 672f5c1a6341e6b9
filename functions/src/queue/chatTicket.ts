/**
 * A citizen takes a ticket in the LINE chat, and every answer is a reply (free; a push would cost a message of the
 * organisation's monthly quota):
 *   "รับบัตรคิว" — the services as quick replies (postback `action=queue-take&s={serviceId}`);
 *   "รับบัตรคิว A" / "รับคิว ทะเบียนราษฎร" — takes a ticket of that service (by prefix, id or name) at once;
 *   postback `queue-take` — takes the ticket; the answer shows it, with "แจ้งเตือนเมื่อใกล้ถึงคิว";
 *   postback `queue-near&t={ticketId}` — the citizen asks to be told when their turn is near (off unless asked).
 * Only in a one-on-one chat with a known user. A text naming no service of ours is not ours (the answer engine takes
 * it); so is "รับบัตรคิว" when the organisation has no active service.
 */
import type { EventContext, PostbackHandler, TextHandler } from '../bot/dispatcher.ts';
import { DomainError } from '../errors.ts';
import type { Message } from '../line/client.ts';
import { liffUrl } from '../line/liff.ts';
import { thaiDigitsToArabic } from '../text/numbers.ts';
import { matchService } from './staffGroup.ts';
import type { QueueDeps } from './deps.ts';
import { askNearNotice, issueTicket } from './issuing.ts';
import { chooseServiceMessage, citizenText, ticketTakenMessage } from './messages.ts';
import { NEAR_AHEAD, parseTicketId } from './workflow.ts';

const TAKE = /^(?:ขอ)?(?:รับบัตรคิว|รับคิว|ขอคิว)(?:\s+(.+))?$/;
/** "แจ้งเตือน" after the service asks for "near" at once: "รับบัตรคิว A แจ้งเตือน". */
const NEAR_WORD = /\s*(?:แจ้งเตือน|เตือนด้วย|เตือน)$/;

const personOf = (ctx: EventContext) => (ctx.chat?.type === 'user' && ctx.userId ? ctx.userId : null);

/** A domain refusal (closed today, outside hours, unknown ticket) is the answer, in Thai. */
async function explained(work: () => Promise<Message[]>): Promise<Message[]> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) return citizenText(err.publicMessage);
    throw err;
  }
}

async function take(deps: QueueDeps, ctx: EventContext, userId: string, serviceId: string, notifyNear: boolean): Promise<Message[]> {
  return explained(async () => {
    const { ticket, created } = await issueTicket(deps, ctx.org, serviceId, userId, { notifyNear });
    return [ticketTakenMessage(ticket, created)];
  });
}

export function citizenTicketTextHandler(deps: QueueDeps): TextHandler {
  return {
    name: 'queue-take-ticket',
    scope: 'user',
    async handle(ctx, raw) {
      const userId = personOf(ctx);
      const m = TAKE.exec(thaiDigitsToArabic(raw.trim().replace(/\s+/g, ' ')));
      if (!userId || !m) return null;
      const services = (await deps.store.listServices(ctx.org.id)).filter((s) => s.active);
      if (services.length === 0) return null;
      const rest = m[1] ?? '';
      if (!rest) return [chooseServiceMessage(services, liffUrl(ctx.org, 'queue', deps.liffLocalBase))];
      const near = NEAR_WORD.test(rest);
      const service = matchService(services, rest.replace(NEAR_WORD, ''));
      if (!service) return null;
      return take(deps, ctx, userId, service.id, near);
    },
  };
}

export function citizenTicketPostbackHandlers(deps: QueueDeps): PostbackHandler[] {
  return [
    {
      action: 'queue-take',
      async handle(ctx, params) {
        const userId = personOf(ctx);
        if (!userId) return citizenText('รับบัตรคิวได้ในแชตส่วนตัวกับบัญชีนี้เท่านั้น');
        return take(deps, ctx, userId, params.get('s') ?? '', params.get('near') === '1');
      },
    },
    {
      action: 'queue-near',
      async handle(ctx, params) {
        const userId = personOf(ctx);
        const id = params.get('t') ?? '';
        if (!userId || !parseTicketId(id)) return citizenText('ปุ่มนี้ใช้ไม่ได้แล้ว');
        return explained(async () => {
          const t = await askNearNotice(deps, ctx.org, id, userId);
          const now = t.ahead !== null && t.ahead <= NEAR_AHEAD ? ` ตอนนี้เหลืออีก ${t.ahead} คิว` : '';
          return citizenText(`รับทราบ LINE จะแจ้งเตือนเมื่อเหลืออีก ${NEAR_AHEAD} คิวจะถึงคิว ${t.label} และเมื่อถึงคิว${now}`);
        });
      },
    },
  ];
}
