/**
 * Taking a ticket: a citizen's (one active ticket per person per service per day, a double tap answered with the same
 * ticket), a walk-in's issued by staff, and the citizen's later "tell me when my turn is near". Numbers are claimed
 * gaplessly without transactions (numbering.ts, docs/queue.md "Numbering").
 */
import type { TicketView } from '../contracts/queue.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { closedDayOn } from './closedDays.ts';
import { bangkokDate, formatThaiDate } from '../time/bangkok.ts';
import { formatHours, isOpenAt } from './day.ts';
import { dayKey, type Actor, type QueueDeps } from './deps.ts';
import { changed, loadTicket, requireService } from './lookups.ts';
import type { QueueService, Ticket } from './schema.ts';
import type { Holder } from './store.ts';
import { entryBase } from './transitions.ts';
import { viewOf } from './views.ts';
import { isActive, ticketId, ticketLabel } from './workflow.ts';


/** A holder without a ticket this long after its creation belongs to a request that died (docs/queue.md). */
export const HOLDER_STALE_MS = 60_000;
/** Rounds of "read the person's holders, create the next": a second round only when a concurrent request won k. */
const ISSUE_ROUNDS = 3;

type HolderState = { kind: 'active'; ticket: Ticket } | { kind: 'free' } | { kind: 'pending' };

async function holderState(deps: QueueDeps, orgId: string, serviceId: string, day: string, h: Holder, now: Date): Promise<HolderState> {
  if (h.abandoned) return { kind: 'free' };
  let ticket = h.ticketNumber ? await deps.store.getTicket(orgId, serviceId, day, h.ticketNumber) : null;
  if (!ticket) {
    // The number may be claimed while the holder was not yet updated (a crash between the two writes): find it.
    ticket = await deps.store.findTicketByHolder(orgId, serviceId, day, h.id);
    if (ticket) await deps.store.setHolderTicket(orgId, serviceId, day, h.id, ticket.number);
  }
  if (ticket) return isActive(ticket.state) ? { kind: 'active', ticket } : { kind: 'free' };
  return now.getTime() - Date.parse(h.createdAt) > HOLDER_STALE_MS ? { kind: 'free' } : { kind: 'pending' };
}

async function claimTicket(
  deps: QueueDeps,
  orgId: string,
  service: QueueService,
  day: string,
  now: Date,
  who: { userId: string | null; holder: string | null; issuedBy: string | null; notifyNear: boolean },
): Promise<Ticket> {
  let created: Ticket | undefined;
  await deps.claimer.claim(dayKey(orgId, service.id, day), {
    highest: () => deps.store.highestTicketNumber(orgId, service.id, day),
    tryCreate: async (n) => {
      const ticket: Ticket = {
        id: ticketId(service.id, day, n),
        orgId,
        serviceId: service.id,
        day,
        number: n,
        label: ticketLabel(service.prefix, n),
        state: 'waiting',
        userId: who.userId,
        holder: who.holder,
        walkIn: who.userId === null,
        notifyNear: who.notifyNear,
        issuedAt: now.toISOString(),
        issuedBy: who.issuedBy,
        calledAt: null,
        lastCalledAt: null,
        servingAt: null,
        finishedAt: null,
        counterId: null,
        calls: 0,
        seq: 0,
      };
      if (!(await deps.store.createTicketIfAbsent(ticket))) return false;
      created = ticket;
      return true;
    },
  });
  if (!created) throw new Error('claim finished without a ticket');
  // A new ticket joins the end of the line: nobody's position changes, so cached lists may stay (≤ 1 s old).
  return created;
}

/**
 * A citizen takes a ticket. One active ticket per person per service per day: the person's k-th ticket of the day is
 * claimed first (create-if-absent on `holders/{userId}~{k}`), then a number. Asking again while the ticket is active
 * returns the same ticket (`created: false`), so a double tap or a second scan of the poster is harmless. A request
 * arriving while the same person's request is under way in this process joins it and answers with its ticket; one
 * under way in another instance cannot be joined, so the answer is at once "being issued, try again" (409).
 * `notifyNear`: the citizen also wants to hear when their turn is near (docs/queue.md, "Messages per ticket").
 */
export async function issueTicket(
  deps: QueueDeps,
  org: Org,
  serviceId: string,
  userId: string,
  options: { notifyNear?: boolean } = {},
): Promise<{ ticket: TicketView; created: boolean }> {
  const key = `${org.id}/${serviceId}/${bangkokDate(deps.clock.now())}/${userId}`;
  const notifyNear = options.notifyNear === true;
  const running = deps.issuing?.get(key);
  const result = running ? { ticket: (await running).ticket, created: false } : await issueOnce(deps, key, issueTicketNow(deps, org, serviceId, userId, notifyNear));
  // Asking for "near" again with a ticket already held records the wish on that ticket.
  if (notifyNear && !result.created && !result.ticket.notifyNear && result.ticket.state === 'waiting') {
    return { ticket: await askNearNotice(deps, org, result.ticket.id, userId), created: false };
  }
  return result;
}

async function issueOnce(deps: QueueDeps, key: string, mine: Promise<{ ticket: TicketView; created: boolean }>) {
  deps.issuing?.set(key, mine);
  try {
    return await mine;
  } finally {
    if (deps.issuing?.get(key) === mine) deps.issuing.delete(key);
  }
}

async function issueTicketNow(deps: QueueDeps, org: Org, serviceId: string, userId: string, notifyNear: boolean): Promise<{ ticket: TicketView; created: boolean }> {
  const service = await requireService(deps, org.id, serviceId, { active: true });
  const now = deps.clock.now();
  const day = bangkokDate(now);
  for (let round = 0; round < ISSUE_ROUNDS; round++) {
    const holders = await deps.store.listHolders(org.id, service.id, day, userId);
    const last = holders[holders.length - 1];
    if (last) {
      const state = await holderState(deps, org.id, service.id, day, last, deps.clock.now());
      if (state.kind === 'active') return { ticket: await viewOf(deps, org, service, state.ticket), created: false };
      // Another instance is issuing this person's ticket (or its request died; after HOLDER_STALE_MS k is free).
      if (state.kind === 'pending') break;
    }
    // Opening hours and holidays are checked only for a new ticket: someone holding one can always see it.
    const closed = await closedDayOn(deps, org.id, day);
    if (closed) {
      throw new ConflictError(`org closed on ${day}`, `วันนี้ (${formatThaiDate(day)}) เป็นวันหยุด: ${closed.name} สำนักงานปิดทำการ ไม่รับบัตรคิว`);
    }
    if (!isOpenAt(service.hours, now)) {
      throw new ConflictError(`service ${service.id} closed`, `ขณะนี้ไม่ใช่เวลารับบัตรคิว${service.name} (${formatHours(service.hours)})`);
    }
    const k = (last?.k ?? 0) + 1;
    const holder: Holder = { id: `${userId}~${k}`, userId, k, createdAt: now.toISOString(), ticketNumber: null, abandoned: false };
    if (!(await deps.store.createHolderIfAbsent(org.id, service.id, day, holder))) continue; // the same person, concurrently
    let ticket: Ticket;
    try {
      ticket = await claimTicket(deps, org.id, service, day, now, { userId, holder: holder.id, issuedBy: null, notifyNear });
    } catch (err) {
      // Give the person their turn back at once; if even this fails, the holder goes stale after HOLDER_STALE_MS.
      await deps.store.abandonHolder(org.id, service.id, day, holder.id).catch(() => undefined);
      throw err;
    }
    // If this write is lost, holderState() finds the ticket by its holder field.
    await deps.store.setHolderTicket(org.id, service.id, day, holder.id, ticket.number).catch((err: unknown) => {
      deps.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'queue holder not updated');
    });
    return { ticket: await viewOf(deps, org, service, ticket), created: true };
  }
  throw new ConflictError('ticket request pending', 'กำลังออกบัตรคิวให้คุณอยู่ กรุณารอสักครู่แล้วลองใหม่');
}

/** Staff issue a ticket for someone without LINE (any time: staff decide who is let in). Logged. */
export async function issueWalkInTicket(deps: QueueDeps, org: Org, serviceId: string, actor: Actor, note?: string): Promise<TicketView> {
  const service = await requireService(deps, org.id, serviceId, { active: true });
  const now = deps.clock.now();
  const day = bangkokDate(now);
  const ticket = await claimTicket(deps, org.id, service, day, now, { userId: null, holder: null, issuedBy: actor.userId, notifyNear: false });
  await deps.store.appendLogEntry(org.id, {
    ...entryBase(ticket, 0, 'issue', actor, now),
    from: null,
    to: 'waiting',
    reason: note ?? null,
  });
  return viewOf(deps, org, service, ticket);
}

/**
 * The citizen asks, after taking it, to be told when their waiting ticket's turn is near (the button of the chat
 * answer). Only their own ticket, only while it waits; asking twice changes nothing.
 */
export async function askNearNotice(deps: QueueDeps, org: Org, id: string, userId: string): Promise<TicketView> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  if (ticket.userId !== userId) throw new NotFoundError(`ticket ${id} of another user`, 'ไม่พบบัตรคิวนี้');
  if (ticket.state !== 'waiting') throw new ConflictError(`ticket ${id} not waiting`, `คิว ${ticket.label} ไม่ได้รอเรียกแล้ว`);
  if (ticket.notifyNear === true) return viewOf(deps, org, service, ticket);
  await deps.store.setTicketNotifyNear(org.id, service.id, ticket.day, ticket.number);
  changed(deps, org.id, service.id, ticket.day);
  return viewOf(deps, org, service, { ...ticket, notifyNear: true });
}
