import { describe, expect, it } from 'vitest';
import { fiscalYearOf, readYears, toBuddhistYear } from '../../functions/src/time/fiscalYear.ts';

const at = (iso: string) => new Date(iso);

describe('Thai fiscal years', () => {
  it('start in October on Bangkok\'s calendar', () => {
    expect(fiscalYearOf(at('2026-09-30T16:59:00Z'))).toBe(2569); // 23:59 on 30 September in Bangkok
    expect(fiscalYearOf(at('2026-09-30T17:00:00Z'))).toBe(2570); // 00:00 on 1 October in Bangkok
    expect(fiscalYearOf(at('2026-12-02T05:00:00Z'))).toBe(2570);
  });

  it('read written, two-digit, Christian-era and ranged years', () => {
    const now = at('2026-12-02T05:00:00Z');
    expect(readYears('ปีงบ 69 งบรวม', now).years).toEqual([2569]);
    expect(readYears('พ.ศ.2567', now).years).toEqual([2567]);
    expect(readYears('ค.ศ. 2025', now).years).toEqual([2568]);
    expect(readYears('ปี 2566-2568', now).years).toEqual([2566, 2567, 2568]);
    expect(toBuddhistYear('2026')).toBe(2569);
  });

  it('read relative year words against today, in Thai and English', () => {
    const now = at('2026-12-02T05:00:00Z'); // fiscal year 2570
    expect(readYears('ปีนี้มีอะไรบ้าง', now).years).toEqual([2570]);
    expect(readYears('ปีงบหน้างบเท่าไร', now).years).toEqual([2571]);
    expect(readYears('ปีที่แล้ว', now).years).toEqual([2569]);
    expect(readYears('เมื่อสองปีที่แล้ว', now).years).toEqual([2568]);
    expect(readYears('next fiscal year', now).years).toEqual([2571]);
    const before = at('2026-09-15T05:00:00Z'); // still fiscal year 2569
    expect(readYears('ปีนี้', before).years).toEqual([2569]);
  });

  it('take the year words out of the text they read', () => {
    expect(readYears('ปีงบ 68 งบเท่าไร', at('2026-12-02T05:00:00Z')).rest).not.toContain('ปีงบ');
  });
});
