/**
 * How much a push matters when the month's messages run short: one table, keyed by the notification's `topic`
 * (first matching row wins). `high` goes out even at the cap (until LINE itself refuses); `normal` stops at the cap;
 * `low` stops from 90 % of it. See docs/decisions/110-push-quota-and-priorities.md.
 */
export type PushPriority = 'high' | 'normal' | 'low';

/** `a.*` matches topics starting with `a.`; `*.b` topics ending with `.b`; anything else the exact topic. */
export const PRIORITY_TABLE: ReadonlyArray<readonly [pattern: string, priority: PushPriority, why: string]> = [
  ['complaint.corruption.*', 'high', 'a corruption case to integrity officers: the protected channel must never go quiet'],
  ['integrity.*', 'high', 'integrity-role grants and audit notices to integrity officers'],
  ['rating.low.corruption', 'high', 'a rating that reports corruption, to integrity officers'],
  ['queue.called', 'high', 'the resident is at the counter now; missing it loses their turn'],
  ['*.digest', 'low', 'a summary staff can read on the staff pages'],
  ['*.weekly', 'low', 'a weekly summary staff can read on the staff pages'],
  ['queue.near', 'low', '"your turn is near": the ticket page shows the position live'],
];

function matches(pattern: string, topic: string): boolean {
  if (pattern.endsWith('.*')) return topic.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*.')) return topic.endsWith(pattern.slice(1));
  return topic === pattern;
}

export function priorityOf(topic: string): PushPriority {
  return PRIORITY_TABLE.find(([pattern]) => matches(pattern, topic))?.[1] ?? 'normal';
}

/** Share of the month's limit from which pushes of a priority are skipped (marked `capped`, never dropped silently). */
export const SKIP_FROM: Record<PushPriority, number> = { high: Infinity, normal: 1, low: 0.9 };
/** Share of the month's limit from which the staff home warns. */
export const WARN_FROM = 0.8;

/** Whether a push of `priority` may go when `used` of `limit` messages are spent this month (no limit: always). */
export function admits(priority: PushPriority, used: number, limit: number | null): boolean {
  if (limit === null) return true;
  if (limit <= 0) return priority === 'high';
  return used / limit < SKIP_FROM[priority];
}
