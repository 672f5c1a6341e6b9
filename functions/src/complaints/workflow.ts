/**
 * The complaint workflow as data (after FixMyStreet): the states, which moves staff may make, what each move needs, and
 * the deadline arithmetic in Bangkok time. Pure: no I/O, no clock.
 */
import {
  addDays,
  bangkokDate,
  bangkokDaysBetween,
  bangkokMonth,
  endOfBangkokDay,
  formatThaiDate,
  formatThaiDateTime,
  formatThaiMonth,
  isoWeek,
  mondayOf,
  startOfBangkokDay,
} from '../time/bangkok.ts';
import { ANSWER_DAYS, FINISHED_STATUSES, STATUS_NAMES, STATUSES, type ComplainantUpdates, type Status } from '../contracts/tables/complaints.ts';

export { ANSWER_DAYS, STATUSES, type Status };

/** The names come from the one table shared with the LIFF app (contracts/tables/complaints.ts). */
export const STATUS_LABELS: Record<Status, string> = STATUS_NAMES;

/** Finished states: the case is closed for the 15-day rule and for statistics. */
export const FINISHED = FINISHED_STATUSES;

export type TransitionActor = 'staff' | 'citizen';

export interface TransitionRule {
  /** Who may make the move (default: staff). */
  actor?: TransitionActor;
  /**
   * The move is open only until the end of the Bangkok day this many days after the Bangkok date the case was finished
   * (see `windowEndFor`).
   */
  windowDays?: number;
  /** A note to the complainant is required (a resolution must say what was done). */
  note?: boolean;
  /** A reason is required (rejection, forwarding). */
  reason?: boolean;
  /** Whom the case goes to is required (forwarding). */
  forwardedTo?: boolean;
}

/**
 * Minutes in which the staff member who changed a case's status may take the change back. The complainant is told
 * only after this window (the message waits in the outbox; an undo withdraws it), so a mis-tap never reaches them.
 */
export const UNDO_MINUTES = 5;

/** The last instant a change made at `at` may be undone. */
export function undoDeadline(at: string | Date): Date {
  return new Date(new Date(at).getTime() + UNDO_MINUTES * 60_000);
}

/**
 * How long after the undo window the complainant's message waits in the outbox. An undo must have withdrawn the
 * message by `undoDeadline + UNDO_SETTLE_MS` (complaints/undo.ts checks its clock after the withdrawal), and the outbox
 * delivers no earlier than `undoDeadline + DELIVERY_GAP_MS`: the half-minute between them absorbs clock differences
 * between instances, so a delivery never reads a message as pending that an accepted undo withdrew.
 */
export const UNDO_SETTLE_MS = 30_000;
export const DELIVERY_GAP_MS = 60_000;

/** When the complainant's message for a staff change made at `at` may go out (after any undo is settled). */
export function complainantMessageAt(at: string | Date): Date {
  return new Date(undoDeadline(at).getTime() + DELIVERY_GAP_MS);
}

/** The last instant an undo of a change made at `at` may finish withdrawing its message (see UNDO_SETTLE_MS). */
export function undoSettledBy(at: string | Date): Date {
  return new Date(undoDeadline(at).getTime() + UNDO_SETTLE_MS);
}

/**
 * Which history records reach the complainant as a LINE push (every push counts against the organisation's monthly
 * LINE quota; replies are free). By default ('important'): the case accepted (the first staff move out of "received"),
 * finished (resolved, rejected, forwarded), and the complainant's own "not fixed" confirmed. Progress notes and the
 * receipt of a form (the LIFF page shows the tracking code at once; a report made in chat is answered by reply) stay in
 * the LIFF tracking page, which shows the whole history. 'all': the complainant asked for every change.
 */
export function tellsComplainant(
  updates: ComplainantUpdates,
  u: { seq: number; from: Status | null; to: Status; actor: { type: 'citizen' | 'staff' | 'system' } },
): boolean {
  if (updates === 'all') return true;
  if (u.seq === 1) return false;
  if (u.actor.type === 'citizen') return true;
  return u.from === 'received' || isFinished(u.to);
}

/** Days after resolution (Bangkok calendar days) in which the complainant may say "not fixed". */
export const REOPEN_DAYS = 5;

/**
 * Allowed moves: from -> to -> who may make it and what it needs. `in_progress -> in_progress` is a progress update (a
 * new note, the same state). The only way out of a finished state is the complainant's "not fixed" (ยังไม่ได้รับการ
 * แก้ไข): `resolved -> in_progress`, with a reason, within 5 Bangkok days of the resolution. Staff cannot reopen.
 */
export const TRANSITIONS: Record<Status, Partial<Record<Status, TransitionRule>>> = {
  received: {
    acknowledged: {},
    in_progress: {},
    resolved: { note: true },
    rejected: { reason: true },
    forwarded: { reason: true, forwardedTo: true },
  },
  acknowledged: {
    in_progress: {},
    resolved: { note: true },
    rejected: { reason: true },
    forwarded: { reason: true, forwardedTo: true },
  },
  in_progress: {
    in_progress: { note: true },
    resolved: { note: true },
    rejected: { reason: true },
    forwarded: { reason: true, forwardedTo: true },
  },
  resolved: {
    in_progress: { actor: 'citizen', reason: true, windowDays: REOPEN_DAYS },
  },
  rejected: {},
  forwarded: {},
};

/** The rule for a move by this actor (default staff), or undefined when the table has no such move for them. */
export function transitionRule(from: Status, to: Status, actor: TransitionActor = 'staff'): TransitionRule | undefined {
  const rule = TRANSITIONS[from][to];
  return rule && (rule.actor ?? 'staff') === actor ? rule : undefined;
}

export function canTransition(from: Status, to: Status, actor: TransitionActor = 'staff'): boolean {
  return transitionRule(from, to, actor) !== undefined;
}

/** The moves this actor may make from a state, in table order. */
export function allowedTransitions(from: Status, actor: TransitionActor = 'staff'): Status[] {
  return (Object.keys(TRANSITIONS[from]) as Status[]).filter((to) => canTransition(from, to, actor));
}

/**
 * The last instant of a rule's window: the end of the Bangkok day `windowDays` after the Bangkok date the case was
 * finished (resolved on 1 Dec at any hour → open until 6 Dec 23:59:59.999 Bangkok). Null when the rule has no window.
 */
export function windowEndFor(rule: TransitionRule, finishedAt: string | Date): Date | null {
  if (rule.windowDays === undefined) return null;
  return endOfBangkokDay(addDays(bangkokDate(new Date(finishedAt)), rule.windowDays));
}

export function isOpen(status: Status): boolean {
  return !FINISHED.includes(status);
}

export function isFinished(status: Status): boolean {
  return FINISHED.includes(status);
}

// ---------- time (Bangkok wall-clock rules: time/bangkok.ts) ----------

export { addDays, bangkokDate, bangkokMonth, endOfBangkokDay, formatThaiDate, formatThaiDateTime, formatThaiMonth, isoWeek, mondayOf };

export const REMIND_DAYS_BEFORE = 3;
const DAY = 86_400_000;

/**
 * Due at the end of the 15th calendar day (Bangkok) after the day of receipt: filed any time on 22 Nov (Bangkok) is due
 * by 7 Dec 23:59:59.999 Bangkok, so a case filed at 00:30 Bangkok is not a day short because UTC was still on the 21st.
 */
export function dueAtFor(receivedAt: Date): Date {
  return endOfBangkokDay(addDays(bangkokDate(receivedAt), ANSWER_DAYS));
}

/** Staff are reminded from the start of the Bangkok day 3 days before the due date. */
export function remindAtFor(dueAt: Date): Date {
  return startOfBangkokDay(addDays(bangkokDate(dueAt), -REMIND_DAYS_BEFORE));
}

export function isOverdue(c: { status: Status; dueAt: string; finishedAt?: string | null }, now: Date): boolean {
  return isOpen(c.status) && now.getTime() > new Date(c.dueAt).getTime();
}

/** Whole Bangkok calendar days from receipt to now (0 on the day of receipt). */
export function daysSince(receivedAt: Date, now: Date): number {
  return bangkokDaysBetween(receivedAt, now);
}

/** Days (fractional) between two instants, for "median days to finish". */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY;
}
