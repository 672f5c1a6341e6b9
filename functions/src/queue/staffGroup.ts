/**
 * Queue commands in a registered staff group, for staff with the queue_operator or admin role:
 *   "คิวถัดไป A ช่อง 1" / "เรียกคิว ทะเบียนราษฎร" — call the next number of a service (by prefix, id or name) to a counter
 *   "เรียกซ้ำ A007" / "ข้าม A007" / "เสร็จ A007" — recall, no-show, complete today's ticket A007
 *   "สถานะคิว" — how many wait for each service
 * The reply carries quick replies (postbacks `action=queue-…`) so the next step needs no typing. Elsewhere (one-on-one
 * chats, unregistered groups) these texts are not ours and fall through to the next handler.
 */
import type { EventContext, PostbackHandler, TextHandler } from '../bot/dispatcher.ts';
import type { Message } from '../line/client.ts';
import { DomainError } from '../errors.ts';
import { thaiDigitsToArabic as thaiDigits } from '../text/numbers.ts';
import { hasRole } from '../staff/schema.ts';
import { bangkokDate } from '../time/bangkok.ts';
import { GROUP_HELP, groupText, operatorQuickReply } from './messages.ts';
import type { QueueService } from './schema.ts';
import { operatorView } from './board.ts';
import { actOnTicket, callNextTicket, recallOnce } from './calling.ts';
import type { Actor, QueueDeps } from './deps.ts';
import { requireService } from './lookups.ts';
import { parseTicketId, ticketId } from './workflow.ts';


const NEXT = /^(?:เรียกคิวถัดไป|คิวถัดไป|เรียกคิว|ถัดไป)(?:\s+(.*))?$/;
const ACT = /^(เรียกซ้ำ|ข้ามคิว|ข้าม|ไม่มา|เสร็จแล้ว|เสร็จ)\s*([A-Za-z]{1,2})\s*-?\s*(\d{1,5})$/;
const STATUS = /^(?:สถานะคิว|คิวรอ|ดูคิว)$/;
const HELP = /^(?:คิว\s*(?:ช่วยเหลือ|help)|วิธีเรียกคิว)$/i;
const COUNTER = /\s*ช่อง(?:บริการ)?\s*(\S+)\s*$/;

const ACTIONS = { เรียกซ้ำ: 'recall', ข้ามคิว: 'skip', ข้าม: 'skip', ไม่มา: 'skip', เสร็จแล้ว: 'complete', เสร็จ: 'complete' } as const;

/** Finds a service by prefix ("A"), id ("civil-registration") or part of its name ("ทะเบียนราษฎร"). */
export function matchService(services: QueueService[], spec: string): QueueService | undefined {
  const s = spec.trim();
  if (!s) return services.length === 1 ? services[0] : undefined;
  return (
    services.find((x) => x.prefix === s.toUpperCase()) ??
    services.find((x) => x.id === s.toLowerCase()) ??
    services.find((x) => x.name.includes(s) || s.includes(x.name))
  );
}

export function matchCounter(service: QueueService, spec: string | undefined) {
  if (!spec) return service.counters[0];
  const s = thaiDigits(spec).toLowerCase();
  return service.counters.find((c) => c.id === s) ?? service.counters.find((c) => thaiDigits(c.name).replace(/\D/g, '') === s.replace(/\D/g, '') && /\d/.test(s)) ?? service.counters.find((c) => c.name.includes(spec));
}

async function operatorIn(deps: QueueDeps, ctx: EventContext): Promise<{ actor: Actor } | { refuse: Message[] } | null> {
  if (ctx.chat?.type !== 'group' || !(await deps.store.isStaffGroup(ctx.org.id, ctx.chat.id))) return null;
  const staff = ctx.userId ? await deps.store.getStaffMember(ctx.org.id, ctx.userId) : null;
  if (!ctx.userId || !hasRole(staff, 'queue_operator', 'admin')) {
    return { refuse: groupText('ขออภัย เฉพาะเจ้าหน้าที่เรียกคิวหรือผู้ดูแลระบบที่ลงทะเบียนแล้วเท่านั้นที่สั่งเรียกคิวได้') };
  }
  return { actor: { userId: ctx.userId, name: staff?.displayName || 'เจ้าหน้าที่', kind: 'staff', via: 'group' } };
}

async function explain(work: () => Promise<Message[]>): Promise<Message[]> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) {
      const issues = 'issues' in err && Array.isArray(err.issues) ? (err.issues as { message: string }[]).map((i) => i.message).join(' ') : '';
      return groupText(issues || err.publicMessage);
    }
    throw err;
  }
}

async function callNextReply(deps: QueueDeps, ctx: EventContext, actor: Actor, service: QueueService, counterId: string): Promise<Message[]> {
  const result = await callNextTicket(deps, ctx.org, service.id, counterId, actor);
  const counter = service.counters.find((c) => c.id === counterId)?.name ?? counterId;
  const done = result.completed ? `${result.completed.label} เสร็จแล้ว\n` : '';
  if (!result.called) return groupText(`${done}${service.name}: ไม่มีคิวรอ`, operatorQuickReply(null, service, counterId));
  const t = result.called;
  return groupText(`${done}${actor.name} เรียก ${t.label} ที่ ${counter}${t.walkIn ? ' (walk-in)' : ''}\n${service.name}: รออีก ${result.waiting} คิว`, operatorQuickReply(t, service, counterId));
}

export function staffGroupTextHandlers(deps: QueueDeps): TextHandler[] {
  return [
    {
      name: 'queue-staff-command',
      scope: 'group',
      async handle(ctx, raw) {
        const text = thaiDigits(raw.trim().replace(/\s+/g, ' '));
        const next = NEXT.exec(text);
        const act = next ? null : ACT.exec(text);
        const status = STATUS.test(text);
        const help = HELP.test(text);
        if (!next && !act && !status && !help) return null;
        const who = await operatorIn(deps, ctx);
        if (!who) return null;
        if ('refuse' in who) return who.refuse;
        if (help) return groupText(GROUP_HELP);
        const services = (await deps.store.listServices(ctx.org.id)).filter((s) => s.active);
        return explain(async () => {
          if (status) {
            const lines = [];
            for (const s of services) {
              const v = await operatorView(deps, ctx.org, s.id);
              const calling = v.counters.flatMap((c) => c.current.map((t) => `${t.label}@${c.name}`)).join(', ');
              lines.push(`${s.prefix} ${s.name}: รอ ${v.counts.waiting} คิว${calling ? ` · กำลังเรียก ${calling}` : ''}`);
            }
            return groupText(lines.length ? lines.join('\n') : 'ยังไม่มีบริการคิว');
          }
          if (next) {
            let spec = next[1] ?? '';
            const counterSpec = COUNTER.exec(spec)?.[1];
            spec = spec.replace(COUNTER, '');
            const service = matchService(services, spec);
            if (!service) return groupText(`ไม่พบบริการ "${spec}" ใช้อักษรนำหน้าคิวได้: ${services.map((s) => `${s.prefix} ${s.name}`).join(', ')}`);
            const counter = matchCounter(service, counterSpec);
            if (!counter) return groupText(`บริการ${service.name}ไม่มี "ช่อง ${counterSpec}" มี: ${service.counters.map((c) => c.name).join(', ')}`);
            return callNextReply(deps, ctx, who.actor, service, counter.id);
          }
          const [, word, prefix, digits] = act ?? [];
          const service = services.find((s) => s.prefix === (prefix ?? '').toUpperCase());
          if (!service || !word || !digits) return groupText(`ไม่พบบริการที่ใช้อักษร ${prefix ?? ''}`);
          const id = ticketId(service.id, bangkokDate(ctx.now), Number(digits));
          const action = ACTIONS[word as keyof typeof ACTIONS];
          const t = await actOnTicket(deps, ctx.org, id, action, who.actor);
          const atCounter = t.state === 'called' || t.state === 'serving' ? t : null;
          return groupText(`${who.actor.name}: ${t.label} ${t.stateLabel}`, operatorQuickReply(atCounter, service, t.counter?.id ?? service.counters[0]?.id ?? ''));
        });
      },
    },
  ];
}

export function staffGroupPostbackHandlers(deps: QueueDeps): PostbackHandler[] {
  const act = (action: 'recall' | 'skip' | 'complete'): PostbackHandler => ({
    action: `queue-${action}`,
    async handle(ctx, params) {
      const who = await operatorIn(deps, ctx);
      if (!who) return groupText('ปุ่มนี้ใช้ได้ในกลุ่มเจ้าหน้าที่เท่านั้น');
      if ('refuse' in who) return who.refuse;
      const id = params.get('t') ?? '';
      const ref = parseTicketId(id);
      if (!ref) return groupText('ปุ่มนี้ใช้ไม่ได้แล้ว');
      return explain(async () => {
        const service = await requireService(deps, ctx.org.id, ref.serviceId);
        const n = Number(params.get('n') ?? '');
        const seenCalls = action === 'recall' && Number.isInteger(n) && n > 0 ? n : undefined;
        const { ticket: t, repeated } =
          action === 'recall' ? await recallOnce(deps, ctx.org, id, who.actor, seenCalls) : { ticket: await actOnTicket(deps, ctx.org, id, action, who.actor), repeated: false };
        const quick = operatorQuickReply(action === 'recall' ? t : null, service, t.counter?.id ?? service.counters[0]?.id ?? '');
        if (repeated) return groupText(`${t.label} เรียกซ้ำไปแล้ว ไม่ได้ประกาศอีก (ปุ่มนี้ถูกกดไปแล้ว กด "เรียกซ้ำ" ในข้อความนี้เพื่อเรียกอีกครั้ง)`, quick);
        return groupText(`${who.actor.name}: ${t.label} ${t.stateLabel}${action === 'recall' && t.counter ? ` ${t.counter.name}` : ''}`, quick);
      });
    },
  });
  return [
    {
      action: 'queue-next',
      async handle(ctx, params) {
        const who = await operatorIn(deps, ctx);
        if (!who) return groupText('ปุ่มนี้ใช้ได้ในกลุ่มเจ้าหน้าที่เท่านั้น');
        if ('refuse' in who) return who.refuse;
        return explain(async () => {
          const service = await requireService(deps, ctx.org.id, params.get('s') ?? '');
          const counter = service.counters.find((c) => c.id === params.get('c')) ?? service.counters[0];
          if (!counter) return groupText('ไม่พบช่องบริการ');
          // The button carries what the counter was serving when it was shown: if that has changed (a double tap,
          // a retry, an old message), calling again would call a second person.
          const seen = params.get('seen');
          if (seen !== null) {
            const view = await operatorView(deps, ctx.org, service.id);
            const current = view.counters.find((c) => c.id === counter.id)?.current ?? [];
            const still = seen === '-' ? current.length === 0 : current.some((t) => t.id === seen);
            if (!still) {
              const now = current.map((t) => t.label).join(', ');
              return groupText(
                `ไม่ได้เรียกคิวเพิ่ม: ${counter.name} ${now ? `กำลังเรียก ${now} อยู่แล้ว` : 'เปลี่ยนไปแล้ว'} (ปุ่มนี้เป็นของข้อความก่อนหน้า)`,
                operatorQuickReply(current[0] ?? null, service, counter.id),
              );
            }
          }
          return callNextReply(deps, ctx, who.actor, service, counter.id);
        });
      },
    },
    act('recall'),
    act('skip'),
    act('complete'),
  ];
}
