/**
 * One step of a ticket's life, exactly once: check the transition table (workflow.ts), claim the next call-log entry
 * (create-if-absent on its deterministic id), apply it to the ticket. A lost claim rolls the ticket forward from the
 * winner's entry and reports the race; `current` rolls a ticket forward after a crash between the two writes.
 */
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import type { Actor, QueueDeps } from './deps.ts';
import { changed } from './lookups.ts';
import type { Counter, LogEntry, QueueService, Ticket } from './schema.ts';
import { ACTIONS, canApply, logEntryId, needsReason, STATE_LABELS, ticketLabel, type StaffAction } from './workflow.ts';

/** A call-log entry of the ticket as it stands (the action fills in the rest). */
export function entryBase(ticket: Ticket, seq: number, action: LogEntry['action'], actor: Actor, at: Date): LogEntry {
  return {
    id: logEntryId(ticket.number, seq),
    ticketId: ticket.id,
    serviceId: ticket.serviceId,
    day: ticket.day,
    number: ticket.number,
    label: ticket.label,
    seq,
    action,
    from: ticket.state,
    to: ticket.state,
    counterId: null,
    counterName: null,
    at: at.toISOString(),
    by: { userId: actor.userId, name: actor.name, kind: actor.kind },
    via: actor.via,
    outOfOrder: false,
    firstWaiting: null,
    reason: null,
    auto: false,
  };
}

/** Another action on the ticket claimed the same step first; the ticket has been brought up to date. */
export class RaceLostError extends ConflictError {
  readonly ticket: Ticket;
  constructor(ticket: Ticket) {
    super(`ticket ${ticket.id} changed concurrently`, `คิว ${ticket.label} เพิ่งถูกเปลี่ยนสถานะโดยผู้อื่น (${STATE_LABELS[ticket.state]}) กรุณาดูข้อมูลล่าสุด`);
    this.ticket = ticket;
  }
}

export interface TransitionOptions {
  counter?: Counter;
  reason?: string | undefined;
  firstWaiting?: number | null;
  auto?: boolean;
}

/**
 * One step of a ticket: check the table, claim log entry `seq + 1` (create-if-absent: exactly one action wins a step),
 * then apply it to the ticket. A lost claim rolls the ticket forward from the winner's entry and reports the race.
 */
export async function transition(deps: QueueDeps, service: QueueService, ticket: Ticket, action: StaffAction, actor: Actor, o: TransitionOptions = {}): Promise<Ticket> {
  const rule = ACTIONS[action];
  if (!canApply(action, ticket.state)) {
    throw new ConflictError(`ticket ${ticket.id}: ${action} from ${ticket.state}`, `ทำรายการนี้ไม่ได้: คิว ${ticket.label} ${STATE_LABELS[ticket.state]}`);
  }
  if (actor.kind !== 'system' && !rule.by.includes(actor.kind === 'citizen' ? 'citizen' : 'staff')) throw new ForbiddenError(`${action} by ${actor.kind}`);
  const by = actor.kind === 'citizen' ? 'citizen' : 'staff';
  const firstWaiting = o.firstWaiting ?? null;
  if (needsReason(action, { by, ticketNumber: ticket.number, firstWaiting }) && !o.reason && !o.auto) {
    const message =
      action === 'call' ? `เรียกคิวข้ามลำดับต้องระบุเหตุผล (คิวหมายเลข ${ticketLabel(service.prefix, firstWaiting ?? 0)} ยังรออยู่ก่อน)` : 'กรุณาระบุเหตุผล';
    throw new ValidationError([{ path: 'reason', message }]);
  }
  const now = deps.clock.now();
  const counter = o.counter ?? (ticket.counterId ? service.counters.find((c) => c.id === ticket.counterId) : undefined);
  const entry: LogEntry = {
    ...entryBase(ticket, ticket.seq + 1, action, actor, now),
    to: rule.to,
    counterId: counter?.id ?? null,
    counterName: counter?.name ?? null,
    outOfOrder: action === 'call' && firstWaiting !== null && ticket.number !== firstWaiting,
    firstWaiting: action === 'call' ? firstWaiting : null,
    reason: o.reason ?? null,
    auto: o.auto ?? false,
  };
  const orgId = ticket.orgId;
  if (!(await deps.store.appendLogEntry(orgId, entry))) {
    const winner = await deps.store.getLogEntry(orgId, ticket.serviceId, ticket.day, ticket.number, entry.seq);
    const rolled = winner ? await deps.store.applyLogEntry(orgId, winner) : null;
    changed(deps, orgId, ticket.serviceId, ticket.day);
    throw new RaceLostError(rolled ?? ticket);
  }
  const applied = (await deps.store.applyLogEntry(orgId, entry)) ?? ticket;
  changed(deps, orgId, ticket.serviceId, ticket.day);
  return applied;
}

/** Brings a ticket up to date with any log entries its document has not caught up with (after a crash). */
export async function current(deps: QueueDeps, ticket: Ticket): Promise<Ticket> {
  let t = ticket;
  for (;;) {
    const next = await deps.store.getLogEntry(t.orgId, t.serviceId, t.day, t.number, t.seq + 1);
    if (!next) return t;
    t = (await deps.store.applyLogEntry(t.orgId, next)) ?? t;
  }
}
