/**
 * Public statistics of an organisation for one fiscal year (1 Oct – 30 Sep, Buddhist era), at a stable URL: complaints
 * (corruption reports counted apart, as four numbers), queue per service against its standard, satisfaction per
 * service against the target. Reuses each feature's own figures and adds what the assessment asks for (compute.ts).
 * Reads every complaint, ticket day and aggregate of the year, so answers are kept for five minutes per organisation.
 */
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import { categoryTitles } from '../complaints/categories.ts';
import { computeStats, type ComplaintStats } from '../complaints/stats.ts';
import { listComplaints, listUpdates } from '../complaints/store.ts';
import { listManuals } from '../manuals/store.ts';
import type { Org } from '../orgs/schema.ts';
import { daysBetween } from '../queue/day.ts';
import { listDayTickets, listServices } from '../queue/store.ts';
import { summariseRatings } from '../ratings/service.ts';
import type { RatingSummary } from '../ratings/aggregate.ts';
import { bangkokDate } from '../time/bangkok.ts';
import { periodRange } from '../reports/build.ts';
import { queueServiceFigures, responseFigures, standardOf, type QueueServiceFigures, type ResponseFigures } from './compute.ts';

export interface StatisticsDeps {
  db: Firestore;
  clock: Clock;
}

export interface OrgStatistics {
  org: { id: string; name: string };
  fiscalYear: number;
  range: { from: string; to: string };
  /** The last day counted: the end of the fiscal year, or today while it runs. */
  through: string;
  generatedAt: string;
  complaints: {
    general: ComplaintStats['general'] & { response: ResponseFigures };
    /** Corruption reports: bare counts, nothing more. */
    corruption: ComplaintStats['corruption'];
  };
  queue: { services: QueueServiceFigures[]; totals: { issued: number; served: number } };
  ratings: Pick<RatingSummary, 'target' | 'definitions' | 'total' | 'byService' | 'byMonth'>;
}

/** At most this many day-reads at once (a year of days per service). */
const PARALLEL = 16;

async function inBatches<T, R>(items: T[], f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(f))));
  return out;
}

const cache = new Map<string, { at: number; value: OrgStatistics }>();
export const STATISTICS_TTL_MS = 5 * 60_000;

export async function orgStatistics(deps: StatisticsDeps, org: Org, fiscalYear: number): Promise<OrgStatistics> {
  const now = deps.clock.now();
  const key = `${org.id}|${fiscalYear}`;
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < STATISTICS_TTL_MS) return hit.value;
  const value = await compute(deps, org, fiscalYear, now);
  if (cache.size > 500) cache.clear();
  cache.set(key, { at: now.getTime(), value });
  return value;
}

async function compute(deps: StatisticsDeps, org: Org, fiscalYear: number, now: Date): Promise<OrgStatistics> {
  const range = periodRange(fiscalYear, 'annual');
  const today = bangkokDate(now);
  const through = today < range.to ? today : range.to;
  const [all, titles, services, manuals] = await Promise.all([
    listComplaints(deps.db, org.id),
    categoryTitles(deps.db, org.id),
    listServices(deps.db, org.id),
    listManuals(deps.db, org.id),
  ]);
  const stats = computeStats(all, titles, now, { from: range.from.slice(0, 7), to: range.to.slice(0, 7) });
  // Only general complaints are looked into; corruption reports stay four numbers.
  const inYear = all.filter((c) => {
    const d = bangkokDate(new Date(c.receivedAt));
    return c.kind === 'general' && d >= range.from && d <= range.to;
  });
  const withUpdates = await inBatches(inYear, async (complaint) => ({ complaint, updates: await listUpdates(deps.db, org.id, complaint.id) }));

  if (through < range.from) throw new NotFoundError(`statistics of ${fiscalYear}`, `ปีงบประมาณ ${fiscalYear} ยังไม่เริ่ม`);
  const days = daysBetween(range.from, through);
  const manualMap = new Map(manuals.map((m) => [m.id, m]));
  const queueServices: QueueServiceFigures[] = [];
  for (const s of services) {
    const tickets = (await inBatches(days, (day) => listDayTickets(deps.db, org.id, s.id, day))).flat();
    if (tickets.length === 0 && !s.active) continue;
    queueServices.push(queueServiceFigures(s, tickets, standardOf(s, manualMap)));
  }

  const ratings = await summariseRatings(deps, org.id, { from: range.from, to: through });
  return {
    org: { id: org.id, name: org.name },
    fiscalYear,
    range,
    through,
    generatedAt: now.toISOString(),
    complaints: { general: { ...stats.general, response: responseFigures(withUpdates) }, corruption: stats.corruption },
    queue: { services: queueServices, totals: { issued: queueServices.reduce((a, s) => a + s.issued, 0), served: queueServices.reduce((a, s) => a + s.served, 0) } },
    ratings: { target: ratings.target, definitions: ratings.definitions, total: ratings.total, byService: ratings.byService, byMonth: ratings.byMonth },
  };
}
