/**
 * Public complaint statistics: pure arithmetic over the organisation's complaints. Cohorts by month of receipt
 * (Bangkok): a complaint received in November counts in November's row whatever month it was finished in. Corruption
 * reports are counted apart, as bare counts: no categories, no months, nothing that could point at a reporter.
 */
import type { Complaint } from './schema.ts';
import { bangkokMonth, daysBetween, FINISHED, isFinished, isOverdue } from './workflow.ts';

import type { ComplaintStats, StatsCounts as Counts } from '../contracts/complaints.ts';

export type { ComplaintStats, Counts };

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

export function countOf(list: Complaint[], now: Date): Counts {
  const finished = list.filter((c) => isFinished(c.status));
  const days = finished.filter((c) => c.finishedAt).map((c) => daysBetween(new Date(c.receivedAt), new Date(c.finishedAt ?? c.updatedAt)));
  return {
    received: list.length,
    finished: finished.length,
    inProgress: list.length - finished.length,
    overdue: list.filter((c) => isOverdue(c, now)).length,
    resolved: list.filter((c) => c.status === 'resolved').length,
    rejected: list.filter((c) => c.status === 'rejected').length,
    forwarded: list.filter((c) => c.status === 'forwarded').length,
    finishedOnTime: finished.filter((c) => (c.finishedAt ?? c.updatedAt) <= c.dueAt).length,
    medianDaysToFinish: median(days),
  };
}

function groupBy<K extends string>(list: Complaint[], key: (c: Complaint) => K): Map<K, Complaint[]> {
  const m = new Map<K, Complaint[]>();
  for (const c of list) {
    const k = key(c);
    const g = m.get(k);
    if (g) g.push(c);
    else m.set(k, [c]);
  }
  return m;
}

/** `from`/`to` are inclusive Bangkok months (YYYY-MM). */
export function computeStats(all: Complaint[], titles: Map<string, string>, now: Date, range: { from?: string | undefined; to?: string | undefined } = {}): ComplaintStats {
  const inRange = all.filter((c) => {
    const m = bangkokMonth(new Date(c.receivedAt));
    return (!range.from || m >= range.from) && (!range.to || m <= range.to);
  });
  const general = inRange.filter((c) => c.kind === 'general');
  const corruption = inRange.filter((c) => c.kind === 'corruption');
  const title = (id: string) => titles.get(id) ?? id;
  const month = (c: Complaint) => bangkokMonth(new Date(c.receivedAt));

  const byMonth = [...groupBy(general, month)].sort(([a], [b]) => a.localeCompare(b)).map(([m, list]) => ({ month: m, ...countOf(list, now) }));
  const byCategory = [...groupBy(general, (c) => c.category)].map(([cat, list]) => ({ category: cat, title: title(cat), ...countOf(list, now) })).sort((a, b) => b.received - a.received || a.category.localeCompare(b.category));
  const byMonthAndCategory = [...groupBy(general, (c) => `${month(c)}|${c.category}`)]
    .map(([k, list]) => {
      const [m = '', cat = ''] = k.split('|');
      return { month: m, category: cat, title: title(cat), ...countOf(list, now) };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || b.received - a.received || a.category.localeCompare(b.category));
  const cc = countOf(corruption, now);
  return {
    generatedAt: now.toISOString(),
    timeZone: 'Asia/Bangkok',
    range: { from: range.from ?? null, to: range.to ?? null },
    general: { totals: countOf(general, now), byMonth, byCategory, byMonthAndCategory },
    corruption: { received: cc.received, finished: cc.finished, inProgress: cc.inProgress, overdue: cc.overdue },
  };
}

export { FINISHED };
