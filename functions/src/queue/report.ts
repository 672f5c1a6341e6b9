/** The call log of a service-day (read-only: nothing changes it) and the statistics over a range of days. */
import type { QueueStats } from '../contracts/queue.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { bangkokDate, datesFrom } from '../time/bangkok.ts';
import type { QueueDeps } from './deps.ts';
import { requireService } from './lookups.ts';
import type { LogEntry, QueueService, Ticket } from './schema.ts';
import { dayStats, totalStats, type DayStats } from './stats.ts';

export type { QueueStats };

export async function callLog(deps: QueueDeps, org: Org, serviceId: string, day?: string): Promise<{ service: QueueService; day: string; entries: LogEntry[] }> {
  const service = await requireService(deps, org.id, serviceId);
  const d = day ?? bangkokDate(deps.clock.now());
  return { service, day: d, entries: await deps.store.listLog(org.id, service.id, d) };
}

export const MAX_STATS_DAYS = 93;

/** Statistics per day and service over a range of Bangkok days (default: today). Days without tickets are left out. */
export async function queueStats(deps: QueueDeps, org: Org, range: { from?: string | undefined; to?: string | undefined; serviceId?: string | undefined }): Promise<QueueStats> {
  const today = bangkokDate(deps.clock.now());
  const to = range.to ?? today;
  const from = range.from ?? (range.to ? range.to : today);
  if (from > to) throw new ValidationError([{ path: 'from', message: 'วันเริ่มต้องไม่หลังวันสิ้นสุด' }]);
  if (datesFrom(from, to).length > MAX_STATS_DAYS) throw new ValidationError([{ path: 'from', message: `ช่วงวันที่ยาวได้ไม่เกิน ${MAX_STATS_DAYS} วัน` }]);
  const services = (await deps.store.listServices(org.id)).filter((s) => !range.serviceId || s.id === range.serviceId);
  if (range.serviceId && services.length === 0) throw new NotFoundError(`queue service ${range.serviceId}`, 'ไม่พบบริการนี้');
  const rows: DayStats[] = [];
  const byService: QueueStats['byService'] = [];
  const all: Ticket[] = [];
  let outOfOrderAll = 0;
  for (const s of services) {
    const mine: Ticket[] = [];
    let outOfOrder = 0;
    for (const day of datesFrom(from, to)) {
      const tickets = await deps.store.listDayTickets(org.id, s.id, day);
      if (tickets.length === 0) continue;
      const ooo = (await deps.store.listLog(org.id, s.id, day)).filter((e) => e.outOfOrder).length;
      rows.push(dayStats(day, s, tickets, ooo));
      mine.push(...tickets);
      outOfOrder += ooo;
    }
    const { day: _day, ...summary } = dayStats('', s, mine, outOfOrder);
    byService.push(summary);
    all.push(...mine);
    outOfOrderAll += outOfOrder;
  }
  rows.sort((a, b) => a.day.localeCompare(b.day) || a.serviceId.localeCompare(b.serviceId));
  return { from, to, rows, byService, totals: totalStats(all, outOfOrderAll) };
}
