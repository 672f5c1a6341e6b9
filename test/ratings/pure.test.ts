import { describe, expect, it } from 'vitest';
import { countsOfRating, emptyDay, figuresOf, summarise, type DayCounts, type Distribution, type MonthAggregate } from '../../functions/src/ratings/aggregate.ts';
import { summaryCsv } from '../../functions/src/ratings/csv.ts';
import { DEFAULT_SETTINGS, ITEMS, rangeQuerySchema, submitRatingSchema, type Scores } from '../../functions/src/ratings/schema.ts';
import { resolveRange } from '../../functions/src/ratings/service.ts';
import {
  bangkokDate,
  bangkokMonth,
  bangkokWeek,
  isoWeek,
  monthsBetween,
  weekRange,
} from '../../functions/src/time/bangkok.ts';
import { fiscalYearContaining } from '../../functions/src/time/fiscalYear.ts';
import { weekToSummarise } from '../../functions/src/ratings/weekly.ts';

describe('Bangkok calendar', () => {
  it('puts an instant on its Bangkok day and month, across midnight and month ends', () => {
    expect(bangkokDate(new Date('2026-11-22T16:59:59.999Z'))).toBe('2026-11-22');
    expect(bangkokDate(new Date('2026-11-22T17:00:00.000Z'))).toBe('2026-11-23');
    expect(bangkokMonth(new Date('2026-11-30T16:59:59.999Z'))).toBe('2026-11');
    expect(bangkokMonth(new Date('2026-11-30T17:00:00.000Z'))).toBe('2026-12');
    expect(bangkokMonth(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01');
  });

  it('numbers ISO weeks Monday-Sunday in Bangkok time', () => {
    // Sunday 22 Nov 2026 23:59:59 Bangkok is still week 47; Monday 00:00 Bangkok (Sunday 17:00 UTC) is week 48.
    expect(bangkokWeek(new Date('2026-11-22T16:59:59.999Z'))).toBe('2026-W47');
    expect(bangkokWeek(new Date('2026-11-22T17:00:00.000Z'))).toBe('2026-W48');
    expect(weekRange('2026-W47')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    // Weeks belong to the year of their Thursday.
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2026-01-04')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(weekRange('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekRange('2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    for (const d of ['2024-02-29', '2026-06-15', '2027-12-31', '2028-01-01']) {
      const r = weekRange(isoWeek(d));
      expect(d >= r.from && d <= r.to).toBe(true);
    }
  });

  it('knows Thai fiscal years (October-September, Buddhist era)', () => {
    expect(fiscalYearContaining('2026-11-22')).toEqual({ year: 2570, from: '2026-10-01', to: '2027-09-30' });
    expect(fiscalYearContaining('2026-09-30')).toEqual({ year: 2569, from: '2025-10-01', to: '2026-09-30' });
    expect(monthsBetween('2026-11-05', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('sends the weekly summary of the last full week from Monday 08:00 Bangkok', () => {
    // Monday 23 Nov 2026 07:59 Bangkok = 00:59 UTC: not yet.
    expect(weekToSummarise(new Date('2026-11-23T00:59:59Z'))).toBeNull();
    expect(weekToSummarise(new Date('2026-11-23T01:00:00Z'))).toBe('2026-W47');
    // Sunday night of the same week, Bangkok: still week 47 (the last full week).
    expect(weekToSummarise(new Date('2026-11-29T16:59:59Z'))).toBe('2026-W47');
    expect(weekToSummarise(new Date('2026-11-30T01:00:00Z'))).toBe('2026-W48');
  });
});

const dist = (c1: number, c2: number, c3: number, c4: number, c5: number): Distribution => [c1, c2, c3, c4, c5];

describe('the two definitions', () => {
  it('mean ÷ 5 × 100 and the share of 4s and 5s, exactly', () => {
    // A university-style example: mean 4.58 → 91.6 %; 49 of 50 answers are 4 or 5 → 98 %.
    expect(figuresOf(dist(0, 0, 1, 19, 30))).toEqual({ answers: 50, distribution: { 1: 0, 2: 0, 3: 1, 4: 19, 5: 30 }, mean: 4.58, meanPercent: 91.6, satisfiedPercent: 98 });
    // Where they differ a lot: half 3s, half 5s. Mean 4 → 80 %, but only 50 % are satisfied.
    expect(figuresOf(dist(0, 0, 5, 0, 5))).toMatchObject({ mean: 4, meanPercent: 80, satisfiedPercent: 50 });
    // The percentage comes from the unrounded mean: 183/40 = 4.575 → 91.5 % (not 4.58 → 91.6 %).
    expect(figuresOf(dist(0, 0, 0, 17, 23))).toMatchObject({ mean: 4.58, meanPercent: 91.5, satisfiedPercent: 100 });
    expect(figuresOf(dist(1, 1, 1, 0, 0))).toMatchObject({ mean: 2, meanPercent: 40, satisfiedPercent: 0 });
    expect(figuresOf(dist(0, 0, 0, 0, 0))).toMatchObject({ answers: 0, mean: null, meanPercent: null, satisfiedPercent: null });
    // Thirds: 2/3 satisfied → 66.67 %.
    expect(figuresOf(dist(0, 0, 1, 1, 1))).toMatchObject({ mean: 4, meanPercent: 80, satisfiedPercent: 66.67 });
  });
});

function day(...ratings: Array<{ s: Scores; comment?: boolean; age?: 'under-20' | '60-plus'; source?: 'walkin' | 'ticket' | 'complaint' }>): DayCounts {
  const d = emptyDay();
  for (const r of ratings) {
    const c = countsOfRating({ scores: r.s, ageGroup: r.age ?? null, source: r.source ?? 'walkin', hasComment: !!r.comment });
    d.n += c.n;
    for (const i of ITEMS) for (let k = 0; k < 5; k++) d.items[i][k] = (d.items[i][k] ?? 0) + (c.items[i][k] ?? 0);
    for (const [a, v] of Object.entries(c.ages)) d.ages[a as 'unknown'] = (d.ages[a as 'unknown'] ?? 0) + v;
    for (const [a, v] of Object.entries(c.sources)) d.sources[a as 'walkin'] = (d.sources[a as 'walkin'] ?? 0) + v;
    d.comments += c.comments;
  }
  return d;
}
const all = (n: number): Scores => ({ process: n, staff: n, facilities: n, quality: n, overall: n });
const sc = (process: number, staff: number, facilities: number, quality: number, overall: number): Scores => ({ process, staff, facilities, quality, overall });

/**
 * Known data: civil registration on Sun 22 Nov (week 47) and Mon 23 Nov (week 48) and Tue 1 Dec; tax on 30 Nov
 * (Monday, week 49) ; complaint handling on 1 Dec.
 */
const KNOWN: MonthAggregate[] = [
  { serviceId: 'civil', serviceTitle: 'งานทะเบียนราษฎร', month: '2026-11', days: { '22': day({ s: all(5) }, { s: all(4), comment: true }), '23': day({ s: sc(3, 3, 3, 3, 3), age: '60-plus' }) } },
  { serviceId: 'tax', serviceTitle: 'งานจัดเก็บภาษี', month: '2026-11', days: { '30': day({ s: sc(1, 2, 5, 5, 2), source: 'ticket' }) } },
  { serviceId: 'civil', serviceTitle: 'งานทะเบียนราษฎร', month: '2026-12', days: { '01': day({ s: all(5) }) } },
  { serviceId: 'complaint-process', serviceTitle: 'การจัดการเรื่องร้องเรียน/ร้องทุกข์', month: '2026-12', days: { '01': day({ s: all(2), source: 'complaint' }) } },
];

describe('summarise on known data', () => {
  const s = summarise(KNOWN, { from: '2026-11-01', to: '2026-12-31', settings: DEFAULT_SETTINGS });

  it('gives the totals with both definitions, per item', () => {
    expect(s.total.ratings).toBe(6);
    // Pooled answers: 5s: 5 (22nd) + 2 (tax) + 5 (1 Dec) = 12; 4s: 5; 3s: 5; 2s: 2 (tax) + 5 (complaint) = 7; 1s: 1.
    expect(s.total.allItems.distribution).toEqual({ 1: 1, 2: 7, 3: 5, 4: 5, 5: 12 });
    // Sum = 1 + 14 + 15 + 20 + 60 = 110 over 30 answers: mean 3.6667 → 73.33 %; 17/30 satisfied → 56.67 %.
    expect(s.total.allItems).toMatchObject({ answers: 30, mean: 3.67, meanPercent: 73.33, satisfiedPercent: 56.67 });
    expect(s.total.meetsTarget).toBe(false);
    // process: 5, 4, 3, 1, 5, 2 → 20/6 = 3.33 → 66.67 %; satisfied 3/6 = 50 %.
    expect(s.total.items.process).toMatchObject({ answers: 6, mean: 3.33, meanPercent: 66.67, satisfiedPercent: 50 });
    // facilities: 5, 4, 3, 5, 5, 2 → 24/6 = 4 → 80 %; 4/6 → 66.67 %.
    expect(s.total.items.facilities).toMatchObject({ mean: 4, meanPercent: 80, satisfiedPercent: 66.67 });
    expect(s.total.comments).toBe(1);
    expect(s.total.sources).toEqual({ walkin: 4, ticket: 1, complaint: 1 });
    expect(s.total.ageGroups['60-plus']).toBe(1);
    expect(s.total.ageGroups.unknown).toBe(5);
  });

  it('per service, complaint handling last', () => {
    // Thai alphabetical by title (จ before ท), complaint handling last.
    expect(s.byService.map((x) => [x.serviceId, x.ratings])).toEqual([['tax', 1], ['civil', 4], ['complaint-process', 1]]);
    const civil = s.byService.find((x) => x.serviceId === 'civil');
    // 5,5,5,5,5 + 4×5 + 3×5 + 5×5 = 85 over 20 → 4.25 → 85 %; satisfied 15/20 = 75 %.
    expect(civil?.allItems).toMatchObject({ answers: 20, mean: 4.25, meanPercent: 85, satisfiedPercent: 75 });
    expect(civil?.meetsTarget).toBe(true);
    expect(s.byService.at(-1)?.serviceId).toBe('complaint-process');
  });

  it('per month (Bangkok), listing empty months too', () => {
    expect(s.byMonth.map((m) => [m.month, m.label, m.ratings])).toEqual([
      ['2026-11', 'พฤศจิกายน 2569', 4],
      ['2026-12', 'ธันวาคม 2569', 2],
    ]);
    expect(s.byMonth[1]?.allItems).toMatchObject({ mean: 3.5, meanPercent: 70, satisfiedPercent: 50 });
  });

  it('per ISO week, Monday-Sunday, with weeks cut by the range marked partial', () => {
    const weeks = Object.fromEntries(s.byWeek.map((w) => [w.week, w.ratings]));
    expect(weeks['2026-W47']).toBe(2); // Sun 22 Nov
    expect(weeks['2026-W48']).toBe(1); // Mon 23 Nov
    expect(weeks['2026-W49']).toBe(3); // Mon 30 Nov + Tue 1 Dec, across the month boundary
    expect(s.byWeek[0]).toMatchObject({ week: '2026-W44', from: '2026-10-26', partial: true });
    expect(s.byWeek.at(-1)).toMatchObject({ week: '2026-W53', to: '2027-01-03', partial: true });
    expect(s.byWeek.find((w) => w.week === '2026-W48')?.partial).toBe(false);
  });

  it('per service and month, and filtered by date range and service', () => {
    expect(s.byServiceMonth.map((x) => `${x.month} ${x.serviceId} ${x.ratings}`)).toEqual(['2026-11 tax 1', '2026-11 civil 3', '2026-12 civil 1', '2026-12 complaint-process 1']);
    const week47 = summarise(KNOWN, { from: '2026-11-16', to: '2026-11-22', settings: DEFAULT_SETTINGS });
    expect(week47.total.ratings).toBe(2);
    expect(week47.total.allItems).toMatchObject({ mean: 4.5, meanPercent: 90, satisfiedPercent: 100 });
    const civilOnly = summarise(KNOWN, { from: '2026-11-01', to: '2026-12-31', serviceId: 'civil', settings: DEFAULT_SETTINGS });
    expect(civilOnly.total.ratings).toBe(4);
    expect(civilOnly.byService.map((x) => x.serviceId)).toEqual(['civil']);
  });

  it('compares with the target on the basis the plan uses', () => {
    const civil = summarise(KNOWN, { from: '2026-11-01', to: '2026-12-31', serviceId: 'civil', settings: { ...DEFAULT_SETTINGS, targetPercent: 80, targetBasis: 'satisfied' } });
    expect(civil.total.meetsTarget).toBe(false); // 75 % satisfied < 80
    expect(civil.target).toMatchObject({ percent: 80, basis: 'satisfied' });
  });

  it('writes the CSV with a BOM, Thai headers and both figures in named columns', () => {
    const csv = summaryCsv(s);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('ร้อยละความพึงพอใจ (คะแนนเฉลี่ย ÷ 5 × 100)');
    expect(lines[0]).toContain('ร้อยละผู้ที่พึงพอใจ (ตอบระดับ 4-5)');
    const totalRow = lines[1]?.split(',');
    expect(totalRow?.slice(2)).toEqual(['ทุกบริการ', '', 'ทุกด้านรวมกัน', '6', '30', '12', '5', '5', '7', '1', '3.67', '73.33', '56.67', '80', 'ไม่ผ่าน']);
    // whole range: total + 3 services; 2 months × (1 + services that month); 3 weeks with ratings — 6 rows each.
    expect(lines.length - 1).toBe((4 + (1 + 2) + (1 + 2) + 3) * 6);
    expect(csv).toContain('เดือนพฤศจิกายน 2569');
    expect(csv).toContain('2026-W49');
  });
});

describe('input', () => {
  it('accepts Thai digits in scores and in filter dates, and Buddhist-era years', () => {
    const r = submitRatingSchema.parse({ serviceId: 'tax', scores: { process: '๕', staff: 4, facilities: '3', quality: 5, overall: '๔' } });
    expect(r.scores).toEqual({ process: 5, staff: 4, facilities: 3, quality: 5, overall: 4 });
    expect(rangeQuerySchema.parse({ from: '๒๕๖๙-๑๑', to: '2569-11' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(rangeQuerySchema.parse({ to: '2028-02' })).toEqual({ to: '2028-02-29' });
    expect(rangeQuerySchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
  });

  it('defaults the results to the fiscal year so far, and bounds the range', () => {
    expect(resolveRange(new Date('2026-11-22T03:00:00Z'), {})).toEqual({ from: '2026-10-01', to: '2026-11-22' });
    expect(() => resolveRange(new Date('2026-11-22T03:00:00Z'), { from: '2026-12-01', to: '2026-11-01' })).toThrow();
    expect(() => resolveRange(new Date('2026-11-22T03:00:00Z'), { from: '2020-01-01' })).toThrow();
  });
});

describe('chat: asking for the results, not to rate', () => {
  it.each([
    ['ความพึงพอใจเป็นอย่างไร', true],
    ['ความพึงพอใจ เป็นยังไงบ้าง', true],
    ['ผลประเมินความพึงพอใจ', true],
    ['ผลความพึงพอใจปีนี้', true],
    ['ความพึงพอใจกี่เปอร์เซ็นต์', true],
    ['ร้อยละความพึงพอใจเท่าไหร่', true],
    ['ประเมินความพึงพอใจ', false],
    ['อยากประเมินความพึงพอใจ', false],
    ['ให้คะแนนความพึงพอใจ', false],
    ['แจ้งเกิดต้องใช้เอกสารอะไร', false],
  ])('%s → %s', async (text, expected) => {
    const { asksForSatisfactionResults } = await import('../../functions/src/ratings/line.ts');
    expect(asksForSatisfactionResults(text)).toBe(expected);
  });
});
