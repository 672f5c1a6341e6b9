/**
 * What the chat engine needs to answer "ความพึงพอใจเป็นอย่างไร": the latest month with ratings and the fiscal year so
 * far, both figures, against the target. Reads at most 13 months of aggregate documents.
 */
import type { Firestore } from '../store/firestore.ts';
import { getOrg } from '../orgs/store.ts';
import { BASIS_LABELS, DEFINITIONS, summarise, TARGET_LABELS, type Group } from './aggregate.ts';
import type { PeriodFigures, SatisfactionSummary } from './messages.ts';
import { ITEMS, type Item } from './schema.ts';
import { getRatingSettings, listMonthAggregates } from './store.ts';
import { bangkokDate, formatThaiMonth, monthsBetween } from '../time/bangkok.ts';
import { fiscalYearContaining } from '../time/fiscalYear.ts';

export { satisfactionMessages, type SatisfactionSummary } from './messages.ts';

const period = (label: string, g: Group): PeriodFigures => ({
  label,
  ratings: g.ratings,
  mean: g.allItems.mean,
  meanPercent: g.allItems.meanPercent,
  satisfiedPercent: g.allItems.satisfiedPercent,
  items: Object.fromEntries(ITEMS.map((i) => [i, { meanPercent: g.items[i].meanPercent, satisfiedPercent: g.items[i].satisfiedPercent }])) as Record<Item, { meanPercent: number | null; satisfiedPercent: number | null }>,
});

export async function latestSatisfactionSummary(db: Firestore, orgId: string, now: Date): Promise<SatisfactionSummary> {
  const today = bangkokDate(now);
  const fy = fiscalYearContaining(today);
  // The 12 months up to this one: the latest month with ratings is looked for there.
  const recentFrom = monthsBetween(`${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}`, today)[1] ?? today.slice(0, 7);
  const fromMonth = recentFrom < fy.from.slice(0, 7) ? recentFrom : fy.from.slice(0, 7);
  const [org, aggregates, settings] = await Promise.all([
    getOrg(db, orgId),
    listMonthAggregates(db, orgId, fromMonth, today.slice(0, 7)),
    getRatingSettings(db, orgId),
  ]);
  const ytd = summarise(aggregates, { from: fy.from, to: today, settings });
  const recent = summarise(aggregates, { from: `${recentFrom}-01`, to: today, settings });
  const latest = [...recent.byMonth].reverse().find((m) => m.ratings > 0) ?? null;
  const met = (g: Group | null) => {
    if (!g || g.ratings === 0) return null;
    const v = settings.targetBasis === 'mean' ? g.allItems.meanPercent : g.allItems.satisfiedPercent;
    return v === null ? null : v >= settings.targetPercent;
  };
  return {
    orgId,
    orgName: org?.name ?? orgId,
    asOf: now.toISOString(),
    latestMonth: latest ? { month: latest.month, ...period(formatThaiMonth(latest.month), latest), ...(latest.month === today.slice(0, 7) ? { label: `${formatThaiMonth(latest.month)} (ถึงวันนี้)` } : {}) } : null,
    yearToDate: { fiscalYear: fy.year, from: fy.from, to: today, ...period(`ปีงบประมาณ ${fy.year}`, ytd.total) },
    target: {
      percent: settings.targetPercent,
      basis: settings.targetBasis,
      basisLabel: BASIS_LABELS[settings.targetBasis],
      source: settings.targetSource,
      origin: settings.origin,
      label: TARGET_LABELS[settings.origin],
      metByYearToDate: met(ytd.total),
      metByLatestMonth: met(latest),
    },
    definitions: { ...DEFINITIONS },
  };
}
