/**
 * The complaint workflow as data (after FixMyStreet): the states, which moves staff may make, what each move needs, and
 * the deadline arithmetic in Bangkok time. Pure: no I/O, no clock.
 */
export const STATUSES = ['received', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'forwarded'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  received: 'รับเรื่องเข้าระบบแล้ว',
  acknowledged: 'เจ้าหน้าที่รับเรื่องแล้ว',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  resolved: 'ดำเนินการแล้วเสร็จ',
  rejected: 'ไม่รับพิจารณา',
  forwarded: 'ส่งต่อหน่วยงานอื่น',
};

/** Finished states: the case is closed for the 15-day rule and for statistics. */
export const FINISHED: readonly Status[] = ['resolved', 'rejected', 'forwarded'];

export interface TransitionRule {
  /** A note to the complainant is required (a resolution must say what was done). */
  note?: boolean;
  /** A reason is required (rejection, forwarding). */
  reason?: boolean;
  /** Whom the case goes to is required (forwarding). */
  forwardedTo?: boolean;
}

/**
 * Allowed moves: from -> to -> what the move needs. `in_progress -> in_progress` is a progress update (a new note, the
 * same state). Finished states have no way out here: reopening is a separate, future decision (docs/complaints.md).
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
  resolved: {},
  rejected: {},
  forwarded: {},
};

export function transitionRule(from: Status, to: Status): TransitionRule | undefined {
  return TRANSITIONS[from][to];
}

export function canTransition(from: Status, to: Status): boolean {
  return transitionRule(from, to) !== undefined;
}

export function isOpen(status: Status): boolean {
  return !FINISHED.includes(status);
}

export function isFinished(status: Status): boolean {
  return FINISHED.includes(status);
}

// ---------- time: Bangkok is UTC+7 all year (no daylight saving since 1920) ----------

export const ANSWER_DAYS = 15;
export const REMIND_DAYS_BEFORE = 3;
const DAY = 86_400_000;
const BANGKOK_OFFSET = 7 * 3_600_000;

/** The Bangkok calendar date of an instant, as YYYY-MM-DD. */
export function bangkokDate(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET).toISOString().slice(0, 10);
}

/** The Bangkok calendar month of an instant, as YYYY-MM. */
export function bangkokMonth(at: Date): string {
  return bangkokDate(at).slice(0, 7);
}

/** The last millisecond of a Bangkok calendar date. */
export function endOfBangkokDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999) - BANGKOK_OFFSET);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * Due at the end of the 15th calendar day (Bangkok) after the day of receipt: filed any time on 22 Nov (Bangkok) is due
 * by 7 Dec 23:59:59.999 Bangkok, so a case filed at 00:30 Bangkok is not a day short because UTC was still on the 21st.
 */
export function dueAtFor(receivedAt: Date): Date {
  return endOfBangkokDay(addDays(bangkokDate(receivedAt), ANSWER_DAYS));
}

/** Staff are reminded from the start of the Bangkok day 3 days before the due date. */
export function remindAtFor(dueAt: Date): Date {
  const dueDate = bangkokDate(dueAt);
  return new Date(endOfBangkokDay(addDays(dueDate, -REMIND_DAYS_BEFORE - 1)).getTime() + 1);
}

export function isOverdue(c: { status: Status; dueAt: string; finishedAt?: string | null }, now: Date): boolean {
  return isOpen(c.status) && now.getTime() > new Date(c.dueAt).getTime();
}

/** Whole Bangkok calendar days from receipt to now (0 on the day of receipt). */
export function daysSince(receivedAt: Date, now: Date): number {
  const a = new Date(`${bangkokDate(receivedAt)}T00:00:00Z`).getTime();
  const b = new Date(`${bangkokDate(now)}T00:00:00Z`).getTime();
  return Math.max(0, Math.round((b - a) / DAY));
}

/** Days (fractional) between two instants, for "median days to finish". */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY;
}

const thaiDate = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: 'Asia/Bangkok' });
const thaiDateTime = new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bangkok' });
const thaiMonth = new Intl.DateTimeFormat('th-TH', { month: 'long', year: 'numeric', timeZone: 'Asia/Bangkok' });

/** "7 ธันวาคม 2569" (th-TH is already Buddhist era). */
export function formatThaiDate(at: Date | string): string {
  return thaiDate.format(new Date(at));
}

export function formatThaiDateTime(at: Date | string): string {
  return thaiDateTime.format(new Date(at));
}

/** "2026-11" -> "พฤศจิกายน 2569". */
export function formatThaiMonth(month: string): string {
  return thaiMonth.format(new Date(`${month}-15T00:00:00Z`));
}
