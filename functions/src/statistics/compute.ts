/**
 * What the integrity assessment asks of service statistics beyond the features' own figures. Pure arithmetic.
 * - time to first response: hours from receipt to the first record written by staff (general complaints only);
 * - reopened share: general complaints the complainant reopened ("not fixed") of those ever resolved;
 * - queue: per service, waiting and service minutes and the share served within the service standard (the total
 *   time its linked service manual states, when that is in minutes or hours);
 * corruption reports are never looked into here: the caller passes general complaints only.
 */
import type { Complaint, ComplaintUpdate } from '../complaints/schema.ts';
import type { Manual } from '../manuals/schema.ts';
import type { QueueService, Ticket } from '../queue/schema.ts';
import { percentile, serviceMinutes, waitingMinutes } from '../queue/stats.ts';

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export interface ResponseFigures {
  /** General complaints received in the range. */
  received: number;
  /** Of those, how many staff have answered at all (acknowledged, progress, result). */
  responded: number;
  medianHoursToFirstResponse: number | null;
  p90HoursToFirstResponse: number | null;
  /** Share (%) answered within 1 day and within 3 days of receipt, of those received. */
  within1DayPercent: number | null;
  within3DaysPercent: number | null;
  /** Complaints resolved at least once, and of those how many the complainant reopened. */
  everResolved: number;
  reopened: number;
  reopenedPercent: number | null;
}

export function responseFigures(general: Array<{ complaint: Complaint; updates: ComplaintUpdate[] }>): ResponseFigures {
  const hours: number[] = [];
  let everResolved = 0;
  let reopened = 0;
  for (const { complaint, updates } of general) {
    const first = updates.filter((u) => u.actor.type === 'staff').sort((a, b) => a.seq - b.seq)[0];
    if (first) hours.push((Date.parse(first.at) - Date.parse(complaint.receivedAt)) / 3_600_000);
    if (updates.some((u) => u.to === 'resolved')) everResolved += 1;
    if (updates.some((u) => u.actor.type === 'citizen' && u.from === 'resolved')) reopened += 1;
  }
  return {
    received: general.length,
    responded: hours.length,
    medianHoursToFirstResponse: round1(percentile(hours, 50)),
    p90HoursToFirstResponse: round1(percentile(hours, 90)),
    within1DayPercent: share(hours.filter((h) => h <= 24).length, general.length),
    within3DaysPercent: share(hours.filter((h) => h <= 72).length, general.length),
    everResolved,
    reopened,
    reopenedPercent: share(reopened, everResolved),
  };
}

export interface ServiceStandard {
  minutes: number;
  /** The manual(s) it comes from, as they word it. */
  source: string;
}

/** The standard time of a queue service: the longest total time of its linked manuals that is stated in minutes or hours. */
export function standardOf(service: Pick<QueueService, 'manualIds'>, manuals: ReadonlyMap<string, Manual>): ServiceStandard | null {
  const stated = service.manualIds
    .map((id) => manuals.get(id))
    .filter((m): m is Manual => !!m)
    .map((m) => ({ m, minutes: m.totalTime.unit === 'minutes' ? m.totalTime.amount : m.totalTime.unit === 'hours' ? m.totalTime.amount * 60 : null }))
    .filter((x): x is { m: Manual; minutes: number } => x.minutes !== null && x.minutes > 0);
  if (stated.length === 0) return null;
  const longest = stated.reduce((a, b) => (b.minutes > a.minutes ? b : a));
  return { minutes: longest.minutes, source: stated.map((x) => `${x.m.title}: ${x.m.totalTime.text}`).join('; ') };
}

export interface QueueServiceFigures {
  serviceId: string;
  name: string;
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  waitMedianMinutes: number | null;
  waitP90Minutes: number | null;
  serviceMedianMinutes: number | null;
  /** Waiting plus service, of served tickets. */
  totalMedianMinutes: number | null;
  standard: ServiceStandard | null;
  /** Share (%) of served tickets whose waiting plus service took no longer than the standard; null without a standard. */
  withinStandardPercent: number | null;
}

export function queueServiceFigures(service: Pick<QueueService, 'id' | 'name'>, tickets: readonly Ticket[], standard: ServiceStandard | null): QueueServiceFigures {
  const waits = tickets.map(waitingMinutes).filter((m): m is number => m !== null && m >= 0);
  const services = tickets.map(serviceMinutes).filter((m): m is number => m !== null && m >= 0);
  const totals = tickets
    .filter((t) => t.state === 'done' && t.finishedAt)
    .map((t) => (Date.parse(t.finishedAt as string) - Date.parse(t.issuedAt)) / 60_000)
    .filter((m) => m >= 0);
  return {
    serviceId: service.id,
    name: service.name,
    issued: tickets.length,
    served: tickets.filter((t) => t.state === 'done').length,
    noShows: tickets.filter((t) => t.state === 'no_show').length,
    cancelled: tickets.filter((t) => t.state === 'cancelled').length,
    waitMedianMinutes: round1(percentile(waits, 50)),
    waitP90Minutes: round1(percentile(waits, 90)),
    serviceMedianMinutes: round1(percentile(services, 50)),
    totalMedianMinutes: round1(percentile(totals, 50)),
    standard,
    withinStandardPercent: standard ? share(totals.filter((m) => m <= standard.minutes).length, totals.length) : null,
  };
}
