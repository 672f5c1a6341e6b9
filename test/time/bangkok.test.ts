import { describe, expect, it } from 'vitest';
import {
  addDays, bangkokDate, bangkokDaysBetween, bangkokMonth, bangkokNoon, bangkokParts, bangkokWeek, datesFrom, daysFromTo,
  endOfBangkokDay, formatBuddhistYear, formatThaiDate, formatThaiDateTime, formatThaiMonth, formatThaiShortDate,
  formatThaiShortMonth, formatThaiTime, formatThaiWeek, isoWeek, isoWeekday, isValidDate, lastDayOfMonth, mondayOf,
  monthsBetween, startOfBangkokDay, weekRange,
} from '../../functions/src/time/bangkok.ts';

const at = (iso: string) => new Date(iso);

describe('Bangkok wall-clock time', () => {
  it('turns 17:00 UTC into the next Bangkok day, month and year', () => {
    expect(bangkokDate(at('2026-11-22T16:59:59.999Z'))).toBe('2026-11-22');
    expect(bangkokDate(at('2026-11-22T17:00:00.000Z'))).toBe('2026-11-23');
    expect(bangkokMonth(at('2026-11-30T16:59:59.999Z'))).toBe('2026-11');
    expect(bangkokMonth(at('2026-11-30T17:00:00.000Z'))).toBe('2026-12');
    expect(bangkokMonth(at('2026-12-31T17:00:00.000Z'))).toBe('2027-01');
  });

  it('gives the Bangkok clock: weekday 1-7 from Monday and minutes since midnight', () => {
    expect(bangkokParts(at('2026-11-22T17:30:00.000Z'))).toEqual({ year: 2026, month: 11, day: 23, weekday: 1, hour: 0, minute: 30, minutes: 30 });
    expect(bangkokParts(at('2026-11-22T09:05:00.000Z')).weekday).toBe(7); // Sunday 16:05
    expect(bangkokParts(at('2026-11-22T09:05:00.000Z')).minutes).toBe(16 * 60 + 5);
  });

  it('puts a Bangkok day between its first and last instants, and noon in the middle', () => {
    expect(startOfBangkokDay('2026-11-23').toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(endOfBangkokDay('2026-11-23').toISOString()).toBe('2026-11-23T16:59:59.999Z');
    expect(bangkokNoon('2026-11-23').toISOString()).toBe(new Date('2026-11-23T12:00:00+07:00').toISOString());
    expect(bangkokDate(bangkokNoon('2026-11-23'))).toBe('2026-11-23');
  });

  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(datesFrom('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(datesFrom('2026-12-30', '2026-12-29')).toEqual([]);
    expect(daysFromTo('2026-11-22', '2026-12-07')).toBe(15);
    expect(daysFromTo('2026-12-07', '2026-11-22')).toBe(-15);
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-2-1')).toBe(false);
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(monthsBetween('2026-11-22', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('counts whole Bangkok days between instants, never below zero', () => {
    expect(bangkokDaysBetween(at('2026-11-22T03:00:00Z'), at('2026-11-22T16:59:00Z'))).toBe(0);
    expect(bangkokDaysBetween(at('2026-11-22T03:00:00Z'), at('2026-11-22T17:00:00Z'))).toBe(1);
    expect(bangkokDaysBetween(at('2026-11-01T03:00:00Z'), at('2026-11-16T03:00:00Z'))).toBe(15);
    expect(bangkokDaysBetween(at('2026-11-16T03:00:00Z'), at('2026-11-01T03:00:00Z'))).toBe(0);
  });

  it('numbers ISO weeks by their Thursday', () => {
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(bangkokWeek(at('2026-11-22T16:59:59.999Z'))).toBe('2026-W47');
    expect(bangkokWeek(at('2026-11-22T17:00:00.000Z'))).toBe('2026-W48');
    expect(weekRange('2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(() => weekRange('2026-48')).toThrow();
  });

  it('formats dates for Thai readers in the Buddhist era, in Bangkok time', () => {
    expect(formatThaiDate('2026-11-22')).toBe('22 พฤศจิกายน 2569');
    expect(formatThaiDate(at('2026-11-22T17:30:00Z'))).toBe('23 พฤศจิกายน 2569');
    expect(formatThaiShortDate('2026-11-22')).toBe('22 พ.ย. 69');
    expect(formatThaiMonth('2026-11')).toBe('พฤศจิกายน 2569');
    expect(formatThaiShortMonth('2026-11')).toBe('พ.ย. 2569');
    expect(formatThaiWeek('2026-W48')).toBe('23 พ.ย. 69 - 29 พ.ย. 69');
    expect(formatThaiTime('2026-11-22T03:05:00Z')).toBe('10:05');
    expect(formatThaiDateTime('2026-11-22T03:05:00Z')).toBe('22 พ.ย. 2569 10:05');
    expect(formatBuddhistYear(at('2026-12-31T17:00:00Z'))).toBe('2570');
  });
});
