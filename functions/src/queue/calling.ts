/**
 * Calling and serving: call the next number to a counter (completing whoever is still there), call one number
 * directly (out of order only with a reason), recall (one press, one announcement), start, complete, skip, cancel,
 * reinstate; and the citizen giving up their own ticket. Each step is a transition (transitions.ts); what the citizen
 * is told afterwards is notices.ts.
 */
import type { CallResult, TicketView } from '../contracts/queue.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { bangkokDate } from '../time/bangkok.ts';
import type { Actor, QueueDeps } from './deps.ts';
import { activeTickets, loadTicket, requireCounter, requireService } from './lookups.ts';
import { afterChange } from './notices.ts';
import type { Counter, QueueService, Ticket } from './schema.ts';
import { waitingInOrder } from './stats.ts';
import { current, RaceLostError, transition } from './transitions.ts';
import { viewOf } from './views.ts';
import { canApply, needsReason, STATE_LABELS, ticketLabel, type StaffAction } from './workflow.ts';

export type { CallResult };

/** Completes whatever the counter is still serving, so "next" is one press. */
async function finishCounter(deps: QueueDeps, org: Org, service: QueueService, active: Ticket[], counter: Counter, actor: Actor): Promise<Ticket | null> {
  let done: Ticket | null = null;
  for (const t of active.filter((x) => (x.state === 'called' || x.state === 'serving') && x.counterId === counter.id)) {
    try {
      done = await transition(deps, service, await current(deps, t), 'complete', actor, { auto: true });
      await afterChange(deps, org, service, done, 'complete', []);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err; // someone else finished it: fine
    }
  }
  return done;
}

/** Calls the lowest waiting number to the counter. Two operators pressing at once call two different tickets. */
export async function callNextTicket(deps: QueueDeps, org: Org, serviceId: string, counterId: string, actor: Actor): Promise<CallResult> {
  const service = await requireService(deps, org.id, serviceId);
  const counter = requireCounter(service, counterId);
  const day = bangkokDate(deps.clock.now());
  let completed: Ticket | null = null;
  for (let attempt = 0; attempt < 20; attempt++) {
    const active = await activeTickets(deps, org.id, service.id, day, true);
    if (attempt === 0) completed = await finishCounter(deps, org, service, active, counter, actor);
    const waiting = waitingInOrder(active);
    const next = waiting[0];
    if (!next) return { called: null, completed: completed ? await viewOf(deps, org, service, completed) : null, waiting: 0 };
    try {
      const called = await transition(deps, service, await current(deps, next), 'call', actor, { counter, firstWaiting: next.number });
      await afterChange(deps, org, service, called, 'call', waiting.slice(1));
      return { called: await viewOf(deps, org, service, called), completed: completed ? await viewOf(deps, org, service, completed) : null, waiting: waiting.length - 1 };
    } catch (err) {
      if (err instanceof RaceLostError || (err instanceof ConflictError && attempt < 19)) continue; // taken by another counter
      throw err;
    }
  }
  throw new ConflictError('call next: too much contention', 'มีการเรียกคิวพร้อมกันหลายช่อง กรุณากดอีกครั้ง');
}

/** Calls one ticket directly. Calling past a lower waiting number needs a reason, and is logged as out of order. */
export async function callTicket(deps: QueueDeps, org: Org, id: string, counterId: string, actor: Actor, reason?: string): Promise<CallResult> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  const counter = requireCounter(service, counterId);
  const active = await activeTickets(deps, org.id, service.id, ticket.day, true);
  const waiting = waitingInOrder(active);
  const fresh = await current(deps, ticket);
  if (!canApply('call', fresh.state)) {
    throw new ConflictError(`ticket ${id} not waiting`, `ทำรายการนี้ไม่ได้: คิว ${fresh.label} ${STATE_LABELS[fresh.state]}`);
  }
  const firstWaiting = waiting[0]?.number ?? null;
  if (needsReason('call', { by: 'staff', ticketNumber: fresh.number, firstWaiting }) && !reason) {
    throw new ValidationError([{ path: 'reason', message: `เรียกคิวข้ามลำดับต้องระบุเหตุผล (คิวหมายเลข ${ticketLabel(service.prefix, firstWaiting ?? 0)} ยังรออยู่ก่อน)` }]);
  }
  const completed = await finishCounter(deps, org, service, active.filter((t) => t.id !== fresh.id), counter, actor);
  const called = await transition(deps, service, fresh, 'call', actor, { counter, firstWaiting, reason });
  const rest = waiting.filter((t) => t.id !== called.id);
  await afterChange(deps, org, service, called, 'call', rest);
  return { called: await viewOf(deps, org, service, called), completed: completed ? await viewOf(deps, org, service, completed) : null, waiting: rest.length };
}

/** recall, start, complete, skip (no-show), cancel (with a reason), reinstate (with a reason) by staff. */
export async function actOnTicket(
  deps: QueueDeps,
  org: Org,
  id: string,
  action: Exclude<StaffAction, 'call'>,
  actor: Actor,
  reason?: string,
): Promise<TicketView> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  const next = await transition(deps, service, await current(deps, ticket), action, actor, { reason });
  const waiting = action === 'cancel' || action === 'reinstate' ? waitingInOrder(await activeTickets(deps, org.id, service.id, ticket.day, true)) : [];
  await afterChange(deps, org, service, next, action, waiting, reason);
  return viewOf(deps, org, service, next);
}

export const recallTicket = async (deps: QueueDeps, org: Org, id: string, actor: Actor, seenCalls?: number) => (await recallOnce(deps, org, id, actor, seenCalls)).ticket;

/**
 * One press, one announcement. `seenCalls` is how often the ticket had been called when the button was shown (the
 * quick reply and the LIFF carry it): when it has been called more often since (a double tap, a retry, an older
 * button), that recall was this press, and its answer is given again with nothing announced (`repeated`). Two copies
 * at once race for the same next log entry (create-if-absent), so only one announces. Without `seenCalls` (typed
 * commands, older clients) every press recalls.
 */
export async function recallOnce(deps: QueueDeps, org: Org, id: string, actor: Actor, seenCalls?: number): Promise<{ ticket: TicketView; repeated: boolean }> {
  if (seenCalls === undefined) return { ticket: await actOnTicket(deps, org, id, 'recall', actor), repeated: false };
  const { ticket, service } = await loadTicket(deps, org.id, id);
  const fresh = await current(deps, ticket);
  const recalledSince = (t: Ticket) => t.state === 'called' && t.calls > seenCalls;
  if (recalledSince(fresh)) return { ticket: await viewOf(deps, org, service, fresh), repeated: true };
  try {
    const next = await transition(deps, service, fresh, 'recall', actor);
    await afterChange(deps, org, service, next, 'recall', []);
    return { ticket: await viewOf(deps, org, service, next), repeated: false };
  } catch (err) {
    if (err instanceof RaceLostError && recalledSince(err.ticket)) return { ticket: await viewOf(deps, org, service, err.ticket), repeated: true };
    throw err;
  }
}
export const startServingTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor) => actOnTicket(deps, org, id, 'start', actor);
export const completeTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor) => actOnTicket(deps, org, id, 'complete', actor);
export const skipTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor, reason?: string) => actOnTicket(deps, org, id, 'skip', actor, reason);
export const reinstateTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor, reason: string) => actOnTicket(deps, org, id, 'reinstate', actor, reason);
export const cancelTicketByStaff = (deps: QueueDeps, org: Org, id: string, actor: Actor, reason: string) => actOnTicket(deps, org, id, 'cancel', actor, reason);

/** The citizen gives up their own waiting ticket (and may take a new one later). */
export async function cancelMyTicket(deps: QueueDeps, org: Org, id: string, userId: string): Promise<TicketView> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  if (ticket.userId !== userId) throw new NotFoundError(`ticket ${id} of another user`, 'ไม่พบบัตรคิวนี้');
  const actor: Actor = { userId, name: 'ผู้รับบริการ', kind: 'citizen', via: 'liff' };
  const next = await transition(deps, service, await current(deps, ticket), 'cancel', actor);
  await afterChange(deps, org, service, next, 'cancel', waitingInOrder(await activeTickets(deps, org.id, service.id, ticket.day, true)));
  return viewOf(deps, org, service, next);
}
