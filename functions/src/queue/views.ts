/**
 * What citizens see: the services, one service's queue right now (the "take a ticket" page), a ticket as its page
 * shows it, and the caller's tickets of today. Shapes: contracts/queue.ts.
 */
import type { PublicService, ServiceStatus, TicketView } from '../contracts/queue.ts';
import { NotFoundError } from '../errors.ts';
import { undeliveredOf } from '../quota/service.ts';
import { liffUrl } from '../line/liff.ts';
import type { Org } from '../orgs/schema.ts';
import { closedDayOn } from './closedDays.ts';
import { bangkokDate } from '../time/bangkok.ts';
import { formatHours, isOpenAt } from './day.ts';
import type { QueueDeps } from './deps.ts';
import { activeTickets, counterName, estimateFor, loadTicket, requireService } from './lookups.ts';
import type { ClosedDay, QueueService, Ticket } from './schema.ts';
import { waitingInOrder } from './stats.ts';
import { isActive, NEAR_AHEAD, STATE_LABELS } from './workflow.ts';

export type { TicketView };

/** What citizens see of a service; `closed` is today's closed day (a holiday), which shuts every service. */
export function publicService(s: QueueService, now: Date, closed: ClosedDay | null): PublicService {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    prefix: s.prefix,
    location: s.location,
    counters: s.counters,
    hours: s.hours,
    hoursText: formatHours(s.hours),
    openNow: s.active && !closed && isOpenAt(s.hours, now),
    closedToday: closed ? { name: closed.name } : null,
    manualIds: s.manualIds,
  };
}

export async function listPublicServices(deps: QueueDeps, org: Org): Promise<PublicService[]> {
  const now = deps.clock.now();
  const closed = await closedDayOn(deps, org.id, bangkokDate(now));
  return (await deps.store.listServices(org.id)).filter((s) => s.active).map((s) => publicService(s, now, closed));
}

const callingNow = (service: QueueService, active: Ticket[]) =>
  active.filter((t) => t.state === 'called' || t.state === 'serving').map((t) => ({ label: t.label, counter: counterName(service, t.counterId) }));

/** A service and its queue right now: for the "take a ticket" page. */
export async function serviceStatus(deps: QueueDeps, org: Org, serviceId: string): Promise<ServiceStatus> {
  const service = await requireService(deps, org.id, serviceId, { active: true });
  const now = deps.clock.now();
  const day = bangkokDate(now);
  const [active, closed] = await Promise.all([activeTickets(deps, org.id, service.id, day), closedDayOn(deps, org.id, day)]);
  const waiting = waitingInOrder(active);
  return {
    ...publicService(service, now, closed),
    day,
    waiting: waiting.length,
    nowCalling: callingNow(service, active),
    estimatedWaitMinutes: await estimateFor(deps, org.id, service, day, waiting.length),
    takeTicketUrl: liffUrl(org, `queue/${service.id}`, deps.liffLocalBase) ?? null,
  };
}

/** The key of the LINE message about a ticket's latest call (one per call: a recall is a new message). */
export const calledNoticeKey = (ticket: Pick<Ticket, 'id' | 'calls'>) => `ticket:${ticket.id}:called:${ticket.calls}`;

export const ticketPageUrl = (deps: QueueDeps, org: Org, ticket: Pick<Ticket, 'id'>) => liffUrl(org, `tickets/${ticket.id}`, deps.liffLocalBase) ?? null;
export const ratingUrlOf = (deps: QueueDeps, org: Org, ticket: Pick<Ticket, 'id'>) => liffUrl(org, `ratings/new?ticket=${encodeURIComponent(ticket.id)}`, deps.liffLocalBase) ?? null;

export async function viewOf(deps: QueueDeps, org: Org, service: QueueService, ticket: Ticket): Promise<TicketView> {
  // The position is counted fresh (it is what the citizen acts on); what the counters call may be a second old.
  const [list, ahead] = await Promise.all([
    activeTickets(deps, org.id, service.id, ticket.day),
    ticket.state === 'waiting' ? deps.store.countWaitingBefore(org.id, service.id, ticket.day, ticket.number) : Promise.resolve(null),
  ]);
  const counter = service.counters.find((c) => c.id === ticket.counterId) ?? null;
  return {
    id: ticket.id,
    serviceId: service.id,
    serviceName: service.name,
    location: service.location,
    day: ticket.day,
    number: ticket.number,
    label: ticket.label,
    state: ticket.state,
    stateLabel: STATE_LABELS[ticket.state],
    position: ahead === null ? null : ahead + 1,
    ahead,
    estimatedWaitMinutes: ahead === null ? null : await estimateFor(deps, org.id, service, ticket.day, ahead),
    counter: ticket.state === 'called' || ticket.state === 'serving' ? counter : null,
    walkIn: ticket.walkIn,
    notifyNear: ticket.notifyNear === true,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    lastCalledAt: ticket.lastCalledAt,
    finishedAt: ticket.finishedAt,
    calls: ticket.calls,
    nowCalling: callingNow(service, list),
    pageUrl: ticketPageUrl(deps, org, ticket),
    ratingUrl: ticket.state === 'done' ? ratingUrlOf(deps, org, ticket) : null,
    pollAfterSeconds: ticket.state === 'waiting' ? (ahead !== null && ahead <= NEAR_AHEAD ? 3 : 10) : isActive(ticket.state) ? 5 : 0,
  };
}

/** A ticket as its page shows it: to its own citizen, or to staff of the organisation. */
export async function getTicketView(deps: QueueDeps, org: Org, id: string, viewer: { userId: string; isStaff: boolean }): Promise<TicketView> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  // Someone else's ticket is answered as unknown: the page never confirms whose number is whose.
  if (!viewer.isStaff && ticket.userId !== viewer.userId) throw new NotFoundError(`ticket ${id} of another user`, 'ไม่พบบัตรคิวนี้');
  // While called, the page also says when LINE could not deliver the call (the citizen may be watching only LINE).
  const callKey = ticket.state === 'called' && ticket.userId ? calledNoticeKey(ticket) : null;
  const [view, found] = await Promise.all([viewOf(deps, org, service, ticket), callKey ? deps.store.getDeliveryStatuses(org.id, [callKey]) : null]);
  const notice = callKey && found ? undeliveredOf(found).get(callKey) : undefined;
  return notice ? { ...view, callNotDelivered: notice } : view;
}

/** The caller's tickets of today (all services), active first. */
export async function listMyTickets(deps: QueueDeps, org: Org, userId: string): Promise<TicketView[]> {
  const day = bangkokDate(deps.clock.now());
  const services = await deps.store.listServices(org.id);
  const views: TicketView[] = [];
  for (const s of services) {
    for (const t of await deps.store.listTicketsOfUser(org.id, s.id, day, userId)) views.push(await viewOf(deps, org, s, t));
  }
  return views.sort((a, b) => Number(isActive(b.state)) - Number(isActive(a.state)) || a.issuedAt.localeCompare(b.issuedAt));
}
