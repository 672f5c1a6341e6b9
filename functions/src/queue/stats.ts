/**
 * Pure arithmetic of the queue: positions, waiting estimates, percentiles, daily statistics. No I/O, no clock.
 */
import type { DayStats } from '../contracts/queue.ts';
import { bangkokParts } from '../time/bangkok.ts';
import type { Ticket } from './schema.ts';

/**
 * Percentile by linear interpolation between closest ranks (as Excel's PERCENTILE.INC and numpy's default), so the
 * median of an even count is the mean of the middle two. `null` for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? 0;
  return a + (b - a) * (rank - lo);
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Minutes from issue to first call (tickets that were called). */
export const waitingMinutes = (t: Ticket) => (t.calledAt ? minutesBetween(t.issuedAt, t.calledAt) : null);
/** Minutes at the counter: from start of service (or the first call when nobody pressed "start") to done. */
export const serviceMinutes = (t: Ticket) => (t.state === 'done' && t.finishedAt && (t.servingAt ?? t.calledAt) ? minutesBetween(t.servingAt ?? t.calledAt ?? t.finishedAt, t.finishedAt) : null);

/** Waiting tickets in calling order (by number: first come, first served). */
export function waitingInOrder(tickets: readonly Ticket[]): Ticket[] {
  return tickets.filter((t) => t.state === 'waiting').sort((a, b) => a.number - b.number);
}

/** How many waiting tickets are ahead of this one; null when it is not waiting. */
export function aheadOf(ticket: Ticket, active: readonly Ticket[]): number | null {
  if (ticket.state !== 'waiting') return null;
  return active.filter((t) => t.state === 'waiting' && t.number < ticket.number).length;
}

/**
 * Minutes until a ticket with `ahead` people before it is called: each counter serves one person per typical service
 * time, where "typical" is the median of today's recent service times (at least 3 of them), else the service's
 * configured minutes. Rounded up to whole minutes; 0 when nobody is ahead.
 */
export function estimateWaitMinutes(ahead: number, recentServiceMinutes: readonly number[], counters: number, fallbackMinutes: number): number {
  if (ahead <= 0) return 0;
  const typical = recentServiceMinutes.length >= 3 ? (percentile(recentServiceMinutes, 50) ?? fallbackMinutes) : fallbackMinutes;
  return Math.max(1, Math.ceil((ahead * Math.max(typical, 0.5)) / Math.max(1, counters)));
}

/** Service times of the most recently finished tickets, newest first, at most `limit`. */
export function recentServiceTimes(tickets: readonly Ticket[], limit = 20): number[] {
  return tickets
    .filter((t) => t.state === 'done' && t.finishedAt)
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''))
    .slice(0, limit)
    .map(serviceMinutes)
    .filter((m): m is number => m !== null && m >= 0);
}

export type { DayStats };

export function dayStats(day: string, service: { id: string; name: string }, tickets: readonly Ticket[], outOfOrderCalls = 0): DayStats {
  const waits = tickets.map(waitingMinutes).filter((m): m is number => m !== null && m >= 0);
  const services = tickets.map(serviceMinutes).filter((m): m is number => m !== null && m >= 0);
  const byHour: Record<string, number> = {};
  for (const t of tickets) {
    const hour = String(bangkokParts(new Date(t.issuedAt)).hour).padStart(2, '0');
    byHour[hour] = (byHour[hour] ?? 0) + 1;
  }
  return {
    day,
    serviceId: service.id,
    serviceName: service.name,
    issued: tickets.length,
    walkIns: tickets.filter((t) => t.walkIn).length,
    served: tickets.filter((t) => t.state === 'done').length,
    noShows: tickets.filter((t) => t.state === 'no_show').length,
    cancelled: tickets.filter((t) => t.state === 'cancelled').length,
    open: tickets.filter((t) => t.state === 'waiting' || t.state === 'called' || t.state === 'serving').length,
    waitMedianMinutes: round1(percentile(waits, 50)),
    waitP90Minutes: round1(percentile(waits, 90)),
    serviceMedianMinutes: round1(percentile(services, 50)),
    serviceP90Minutes: round1(percentile(services, 90)),
    issuedByHour: byHour,
    outOfOrderCalls,
  };
}

/** Totals over many days/services: counts add up; times are recomputed from all tickets, never averaged medians. */
export function totalStats(allTickets: readonly Ticket[], outOfOrderCalls: number): Omit<DayStats, 'day' | 'serviceId' | 'serviceName'> {
  const { day: _d, serviceId: _s, serviceName: _n, ...rest } = dayStats('', { id: '', name: '' }, allTickets, outOfOrderCalls);
  return rest;
}
