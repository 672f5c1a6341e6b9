/**
 * Aggregation of ratings, pure and apart from I/O. The store keeps one document per (organisation, service, Bangkok
 * month) holding per-day counts of each score of each item (kept current with increments as ratings arrive); this
 * module turns those counts into the published figures, by item, service, month and ISO week (Bangkok).
 *
 * Two figures, never mixed up (docs/ratings.md):
 * - `meanPercent`: the mean score as a percentage, mean ÷ 5 × 100 — what most Thai reports call "ร้อยละความพึงพอใจ"
 *   (a mean of 4.58 is 91.6 %).
 * - `satisfiedPercent`: the share of answers that are 4 or 5 ("พึงพอใจ" or "พึงพอใจมาก"), the top-2-box share.
 */
import {
  AGE_GROUPS,
  COMPLAINT_SERVICE_ID,
  ITEMS,
  SOURCES,
  type AgeGroup,
  type Item,
  type Rating,
  type RatingSettings,
  type Source,
} from './schema.ts';
import { addDays, formatThaiMonth, formatThaiWeek, isoWeek, monthsBetween, weekRange } from '../time/bangkok.ts';
import type { Figures, Group, MonthGroup, RatingSummary, ServiceGroup, ServiceMonthGroup, WeekGroup } from '../contracts/ratings.ts';

/** Counts of the scores 1..5 (index 0 is score 1). */
export type Distribution = [number, number, number, number, number];

/** What one Bangkok day holds for one service. */
export interface DayCounts {
  /** Ratings (forms), not answers. */
  n: number;
  items: Record<Item, Distribution>;
  ages: Partial<Record<AgeGroup | 'unknown', number>>;
  sources: Partial<Record<Source, number>>;
  comments: number;
}

/** One aggregate document: a service's counts per day of one Bangkok month. */
export interface MonthAggregate {
  serviceId: string;
  serviceTitle: string;
  /** YYYY-MM */
  month: string;
  /** Day of month ("01".."31") -> counts. */
  days: Record<string, DayCounts>;
}

export const emptyDistribution = (): Distribution => [0, 0, 0, 0, 0];

export function emptyDay(): DayCounts {
  return {
    n: 0,
    items: { process: emptyDistribution(), staff: emptyDistribution(), facilities: emptyDistribution(), quality: emptyDistribution(), overall: emptyDistribution() },
    ages: {},
    sources: {},
    comments: 0,
  };
}

/** What one rating adds to its day: the increments the store applies. */
export function countsOfRating(r: Pick<Rating, 'scores' | 'ageGroup' | 'source' | 'hasComment'>): DayCounts {
  const day = emptyDay();
  day.n = 1;
  for (const item of ITEMS) day.items[item][r.scores[item] - 1] = 1;
  day.ages[r.ageGroup ?? 'unknown'] = 1;
  day.sources[r.source] = 1;
  day.comments = r.hasComment ? 1 : 0;
  return day;
}

export function addDay(into: DayCounts, d: DayCounts): void {
  into.n += d.n;
  for (const item of ITEMS) for (let s = 0; s < 5; s++) into.items[item][s] = (into.items[item][s] ?? 0) + (d.items[item][s] ?? 0);
  for (const [k, v] of Object.entries(d.ages) as [AgeGroup | 'unknown', number][]) into.ages[k] = (into.ages[k] ?? 0) + v;
  for (const [k, v] of Object.entries(d.sources) as [Source, number][]) into.sources[k] = (into.sources[k] ?? 0) + v;
  into.comments += d.comments;
}

// ---------- figures ----------


export type { Figures, Group, MonthGroup, RatingSummary, ServiceGroup, ServiceMonthGroup, WeekGroup };

export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export function figuresOf(d: Distribution): Figures {
  const answers = d.reduce((a, b) => a + b, 0);
  const sum = d.reduce((a, c, i) => a + c * (i + 1), 0);
  const mean = answers ? sum / answers : null;
  return {
    answers,
    distribution: { '1': d[0], '2': d[1], '3': d[2], '4': d[3], '5': d[4] },
    mean: mean === null ? null : round2(mean),
    // From the unrounded mean: 4.575 is 91.5 %, not 4.58 → 91.6 %.
    meanPercent: mean === null ? null : round2((mean / 5) * 100),
    satisfiedPercent: answers ? round2(((d[3] + d[4]) / answers) * 100) : null,
  };
}


export function groupOf(d: DayCounts, target: Pick<RatingSettings, 'targetPercent' | 'targetBasis'>): Group {
  const pooled = emptyDistribution();
  for (const item of ITEMS) for (let s = 0; s < 5; s++) pooled[s] = (pooled[s] ?? 0) + (d.items[item][s] ?? 0);
  const allItems = figuresOf(pooled);
  const items = Object.fromEntries(ITEMS.map((i) => [i, figuresOf(d.items[i])])) as Record<Item, Figures>;
  const headline = target.targetBasis === 'mean' ? allItems.meanPercent : allItems.satisfiedPercent;
  return {
    ratings: d.n,
    allItems,
    items,
    ageGroups: Object.fromEntries([...AGE_GROUPS, 'unknown' as const].map((g) => [g, d.ages[g] ?? 0])) as Record<AgeGroup | 'unknown', number>,
    sources: Object.fromEntries(SOURCES.map((s) => [s, d.sources[s] ?? 0])) as Record<Source, number>,
    comments: d.comments,
    meetsTarget: headline === null ? null : headline >= target.targetPercent,
  };
}

// ---------- summary ----------

export interface SummaryOptions {
  /** Bangkok dates, inclusive. */
  from: string;
  to: string;
  serviceId?: string | undefined;
  settings: RatingSettings;
}


export const DEFINITIONS = {
  meanPercent: 'ร้อยละความพึงพอใจ (คิดจากคะแนนเฉลี่ย) = คะแนนเฉลี่ย ÷ 5 × 100 ตามที่รายงานของหน่วยงานราชการส่วนใหญ่ใช้',
  satisfiedPercent: 'ร้อยละผู้ที่พึงพอใจ = จำนวนคำตอบระดับ 4 (มาก) และ 5 (มากที่สุด) ÷ จำนวนคำตอบทั้งหมด × 100',
} as const;

/** How the target is introduced, by where it comes from: never "ตามแผน" for a figure the plan does not state. */
export const TARGET_LABELS: Record<RatingSettings['origin'], string> = {
  plan: 'เป้าหมายตามแผน',
  admin: 'เป้าหมายที่หน่วยงานกำหนด',
  default: 'เป้าหมายตั้งต้น (แผนไม่ได้ระบุ)',
};

export const BASIS_LABELS: Record<RatingSettings['targetBasis'], string> = {
  mean: 'ร้อยละความพึงพอใจ (คะแนนเฉลี่ย ÷ 5 × 100)',
  satisfied: 'ร้อยละผู้ที่พึงพอใจ (ระดับ 4-5)',
};

/**
 * Figures for a date range (Bangkok dates, inclusive) from month aggregates. Months and weeks of the range are all
 * listed, empty ones too (charts show the gaps); services are those rated in the range, complaint handling last.
 */
export function summarise(aggregates: MonthAggregate[], o: SummaryOptions): RatingSummary {
  const total = emptyDay();
  const services = new Map<string, { title: string; d: DayCounts }>();
  const months = new Map<string, DayCounts>(monthsBetween(o.from, o.to).map((m) => [m, emptyDay()]));
  const weeks = new Map<string, DayCounts>();
  for (let w = isoWeek(o.from); ; ) {
    weeks.set(w, emptyDay());
    const next = isoWeek(addDays(weekRange(w).to, 1));
    if (weekRange(next).from > o.to) break;
    w = next;
  }
  const serviceMonths = new Map<string, { serviceId: string; title: string; month: string; d: DayCounts }>();

  for (const a of aggregates) {
    if (o.serviceId && a.serviceId !== o.serviceId) continue;
    for (const [dd, counts] of Object.entries(a.days)) {
      const date = `${a.month}-${dd.padStart(2, '0')}`;
      if (date < o.from || date > o.to || counts.n === 0) continue;
      addDay(total, counts);
      const s = services.get(a.serviceId) ?? { title: a.serviceTitle, d: emptyDay() };
      addDay(s.d, counts);
      services.set(a.serviceId, s);
      const m = months.get(a.month);
      if (m) addDay(m, counts);
      const w = weeks.get(isoWeek(date));
      if (w) addDay(w, counts);
      const smKey = `${a.serviceId}|${a.month}`;
      const sm = serviceMonths.get(smKey) ?? { serviceId: a.serviceId, title: a.serviceTitle, month: a.month, d: emptyDay() };
      addDay(sm.d, counts);
      serviceMonths.set(smKey, sm);
    }
  }

  const target = o.settings;
  const serviceOrder = (a: string, b: string) => Number(a === COMPLAINT_SERVICE_ID) - Number(b === COMPLAINT_SERVICE_ID);
  return {
    range: { from: o.from, to: o.to },
    serviceId: o.serviceId ?? null,
    target: { percent: target.targetPercent, basis: target.targetBasis, basisLabel: BASIS_LABELS[target.targetBasis], source: target.targetSource, origin: target.origin, label: TARGET_LABELS[target.origin] },
    definitions: { ...DEFINITIONS },
    total: groupOf(total, target),
    byService: [...services.entries()]
      .sort(([a, x], [b, y]) => serviceOrder(a, b) || x.title.localeCompare(y.title, 'th'))
      .map(([serviceId, s]) => ({ serviceId, title: s.title, ...groupOf(s.d, target) })),
    byMonth: [...months.entries()].map(([month, d]) => ({ month, label: formatThaiMonth(month), ...groupOf(d, target) })),
    byWeek: [...weeks.entries()].map(([week, d]) => {
      const r = weekRange(week);
      return { week, ...r, label: formatThaiWeek(week), partial: r.from < o.from || r.to > o.to, ...groupOf(d, target) };
    }),
    byServiceMonth: [...serviceMonths.values()]
      .sort((a, b) => a.month.localeCompare(b.month) || serviceOrder(a.serviceId, b.serviceId) || a.title.localeCompare(b.title, 'th'))
      .map((sm) => ({ serviceId: sm.serviceId, title: sm.title, month: sm.month, label: formatThaiMonth(sm.month), ...groupOf(sm.d, target) })),
  };
}
