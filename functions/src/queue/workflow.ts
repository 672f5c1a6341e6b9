/**
 * A ticket's life as data: the states, the actions staff (and the citizen) may take, what each action needs, and how a
 * call-log entry changes a ticket. Pure: no I/O, no clock. The ticket document is a projection of its call log:
 * `applyEntry` folded over the entries gives the ticket's state (docs/queue.md, "Calling").
 */
import { LOG_ACTIONS, TICKET_STATES, type LogAction, type LogEntry, type Ticket, type TicketState } from './schema.ts';

export { LOG_ACTIONS, type LogAction, type TicketState };
export const STATES = TICKET_STATES;

export const ACTIVE_STATES: readonly TicketState[] = ['waiting', 'called', 'serving'];
export const isActive = (s: TicketState) => ACTIVE_STATES.includes(s);

export const STATE_LABELS: Record<TicketState, string> = {
  waiting: 'รอเรียก',
  called: 'เรียกแล้ว เชิญที่ช่องบริการ',
  serving: 'กำลังรับบริการ',
  done: 'รับบริการเสร็จแล้ว',
  no_show: 'ไม่มาเมื่อถูกเรียก',
  cancelled: 'ยกเลิกแล้ว',
};

export const ACTION_LABELS: Record<LogAction, string> = {
  issue: 'ออกบัตรคิว (walk-in)',
  call: 'เรียกคิว',
  recall: 'เรียกซ้ำ',
  start: 'เริ่มให้บริการ',
  complete: 'ให้บริการเสร็จ',
  skip: 'ข้าม (ไม่มา)',
  cancel: 'ยกเลิก',
  reinstate: 'คืนสิทธิ์คิว',
};

export interface ActionRule {
  /** States the action starts from, and where it leads. */
  from: readonly TicketState[];
  to: TicketState;
  /** Needs a counter (calling). */
  counter?: boolean;
  /** A reason is always required. */
  reason?: boolean;
  /** Who may do it: staff (queue operators, admins) and/or the ticket's own citizen. */
  by: readonly ('staff' | 'citizen')[];
}

/**
 * The transition table. Calling a ticket that is not the lowest waiting number ("out of order") additionally needs a
 * reason: see `needsReason`. There is no way back from done or cancelled; a no-show can be reinstated (late arrival,
 * with a reason, logged) and keeps its number.
 */
export const ACTIONS: Record<Exclude<LogAction, 'issue'>, ActionRule> = {
  call: { from: ['waiting'], to: 'called', counter: true, by: ['staff'] },
  recall: { from: ['called'], to: 'called', by: ['staff'] },
  start: { from: ['called'], to: 'serving', by: ['staff'] },
  complete: { from: ['called', 'serving'], to: 'done', by: ['staff'] },
  skip: { from: ['called'], to: 'no_show', by: ['staff'] },
  cancel: { from: ['waiting', 'called'], to: 'cancelled', by: ['staff', 'citizen'] },
  reinstate: { from: ['no_show'], to: 'waiting', reason: true, by: ['staff'] },
};

export type StaffAction = keyof typeof ACTIONS;

export function canApply(action: StaffAction, from: TicketState): boolean {
  return ACTIONS[action].from.includes(from);
}

/**
 * Whether the action needs a stated reason: always for reinstating and for staff cancelling someone's ticket; for a
 * call, when a lower number is still waiting (serving out of order).
 */
export function needsReason(action: StaffAction, ctx: { by: 'staff' | 'citizen'; ticketNumber: number; firstWaiting: number | null }): boolean {
  if (ACTIONS[action].reason) return true;
  if (action === 'cancel') return ctx.by === 'staff';
  if (action === 'call') return ctx.firstWaiting !== null && ctx.ticketNumber !== ctx.firstWaiting;
  return false;
}

/** The ticket after a call-log entry. Entries at or below the ticket's seq are already applied and change nothing. */
export function applyEntry(ticket: Ticket, e: LogEntry): Ticket {
  if (e.seq <= ticket.seq) return ticket;
  const t: Ticket = { ...ticket, state: e.to, seq: e.seq };
  switch (e.action) {
    case 'call':
      return { ...t, calledAt: ticket.calledAt ?? e.at, lastCalledAt: e.at, counterId: e.counterId, calls: ticket.calls + 1 };
    case 'recall':
      return { ...t, lastCalledAt: e.at, calls: ticket.calls + 1 };
    case 'start':
      return { ...t, servingAt: e.at };
    case 'complete':
    case 'skip':
    case 'cancel':
      return { ...t, finishedAt: e.at };
    case 'reinstate':
      // Back in line with the same number; the earlier call still counts as its first call for statistics.
      return { ...t, finishedAt: null, counterId: null };
    case 'issue':
      return t;
  }
}

// ---------- numbers, labels, ids ----------

/** "A007"; four digits and more from 1000 on. */
export const ticketLabel = (prefix: string, n: number) => `${prefix}${String(n).padStart(3, '0')}`;

export const ticketId = (serviceId: string, day: string, n: number) => `${serviceId}-${day.replaceAll('-', '')}-${n}`;

export function parseTicketId(id: string): { serviceId: string; day: string; number: number } | null {
  const m = /^([a-z0-9][a-z0-9-]{0,63})-(\d{4})(\d{2})(\d{2})-(\d{1,5})$/.exec(id);
  if (!m) return null;
  const number = Number(m[5]);
  if (!Number.isInteger(number) || number < 1) return null;
  return { serviceId: m[1] ?? '', day: `${m[2]}-${m[3]}-${m[4]}`, number };
}

export const logEntryId = (n: number, seq: number) => `${String(n).padStart(5, '0')}-${String(seq).padStart(3, '0')}`;

/** A citizen is told when this many (or fewer) tickets are ahead. */
export const NEAR_AHEAD = 3;
