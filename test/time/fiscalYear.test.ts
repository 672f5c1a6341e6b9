import { describe, expect, it } from 'vitest';
import {
  firstHalfEnd, fiscalHalfOf, fiscalYearContaining, fiscalYearDates, fiscalYearMonths, fiscalYearOf, fiscalYearOfDate,
  readYears, toBuddhistEra, toBuddhistYear, toGregorianYear,
} from '../../functions/src/time/fiscalYear.ts';

const at = (iso: string) => new Date(iso);

describe('Thai fiscal years', () => {
  it('start on 1 October on Bangkok\'s calendar and are named by the Buddhist-era year they end in', () => {
    expect(fiscalYearOf(at('2026-09-30T16:59:00Z'))).toBe(2569); // 23:59 on 30 September in Bangkok
    expect(fiscalYearOf(at('2026-09-30T17:00:00Z'))).toBe(2570); // 00:00 on 1 October in Bangkok
    expect(fiscalYearOfDate('2026-11-22')).toBe(2570);
    expect(fiscalYearOfDate('2026-09')).toBe(2569);
    expect(fiscalYearOfDate('2027-01-01')).toBe(2570);
  });

  it('give their dates, months and halves', () => {
    expect(fiscalYearDates(2570)).toEqual({ year: 2570, from: '2026-10-01', to: '2027-09-30' });
    expect(fiscalYearContaining('2026-11-22')).toEqual({ year: 2570, from: '2026-10-01', to: '2027-09-30' });
    expect(fiscalYearMonths(2569)).toEqual({ from: '2025-10', to: '2026-09' });
    expect(fiscalHalfOf('2026-10-01')).toBe(1);
    expect(fiscalHalfOf('2027-03-31')).toBe(1);
    expect(fiscalHalfOf('2027-04-01')).toBe(2);
    expect(firstHalfEnd(2570)).toBe('2027-03-31');
  });

  it('convert eras and years as people write them', () => {
    expect(toBuddhistEra(2026)).toBe(2569);
    expect(toGregorianYear(2569)).toBe(2026);
    expect(toBuddhistYear('69')).toBe(2569);
    expect(toBuddhistYear('2569')).toBe(2569);
    expect(toBuddhistYear('2026')).toBe(2569);
  });

  it('read the years a question names against today', () => {
    const now = at('2026-12-02T05:00:00Z'); // fiscal year 2570
    expect(readYears('ปีงบ 69 งบรวม', now).years).toEqual([2569]);
    expect(readYears('ค.ศ. 2025', now).years).toEqual([2568]);
    expect(readYears('ปี 2566-2568', now).years).toEqual([2566, 2567, 2568]);
    expect(readYears('ปีนี้มีอะไรบ้าง', now)).toMatchObject({ years: [2570], relative: true });
    expect(readYears('เมื่อสองปีที่แล้ว', now).years).toEqual([2568]);
    expect(readYears('next fiscal year', now).years).toEqual([2571]);
    expect(readYears('in 25 days', now).years).toEqual([]);
  });
});
