/**
 * Thai formatting for the LIFF pages: thin wrappers over the shared rules (functions/src/time/bangkok.ts,
 * time/fiscalYear.ts, text/numbers.ts — pure modules both builds use), taking API strings and rendering '' for a
 * missing or broken date. th-TH already uses the Buddhist calendar: never add 543. Always Bangkok time.
 */
import {
  bangkokDaysBetween as daysBetweenInstants, formatBuddhistYear, formatThaiDate, formatThaiDateTime, formatThaiShortMonth,
} from '../../../functions/src/time/bangkok.ts';
import { fiscalYearMonths, fiscalYearOf } from '../../../functions/src/time/fiscalYear.ts';
import { formatNumber as formatThaiNumber, thaiDigitsToArabic } from '../../../functions/src/text/numbers.ts';

const toDate = (d: string | number | Date) => (d instanceof Date ? d : new Date(d));
const valid = (d: Date) => !Number.isNaN(d.getTime());

export const formatDate = (d: string | number | Date) => (valid(toDate(d)) ? formatThaiDate(toDate(d)) : '');
export const formatDateTime = (d: string | number | Date) => (valid(toDate(d)) ? `${formatThaiDateTime(toDate(d))} น.` : '');
export const formatNumber = (n: number) => formatThaiNumber(n, 1);

/** "2026-11" → "พ.ย. 2569". */
export function formatMonth(key: string): string {
  return /^\d{4}-\d{2}$/.test(key) ? formatThaiShortMonth(key) : key;
}

/** Whole calendar days between two instants, counted in Bangkok (received today = 0 days). */
export function bangkokDaysBetween(from: string | Date, to: string | Date = new Date()): number {
  return daysBetweenInstants(toDate(from), toDate(to));
}

/** Thai digits ๐-๙ typed into a field become Arabic digits. */
export const normalizeDigits = thaiDigitsToArabic;

/**
 * A tracking code in groups a person can read out on the phone: "RT-7K4M2Q" → ["RT", "7K4", "M2Q"]; long runs are cut
 * into threes.
 */
export function codeGroups(code: string, size = 3): string[] {
  const groups: string[] = [];
  for (const part of code.split(/[-\s]+/).filter(Boolean)) {
    if (part.length <= 4) groups.push(part);
    else for (let i = 0; i < part.length; i += size) groups.push(part.slice(i, i + size));
  }
  return groups;
}

/** For screen readers: every character spoken on its own, groups separated by a pause. */
export const codeSpoken = (code: string, size = 3) => codeGroups(code, size).map((g) => g.split('').join(' ')).join(', ');

/** What a person types as a tracking code, made comparable: Thai digits become Arabic, letters upper case, no spaces. */
export const normalizeCode = (s: string) => normalizeDigits(s).toUpperCase().replace(/\s+/g, '');

/** The Buddhist-era year of a date as digits ("2569"), from Intl (never by adding 543). */
export const buddhistYear = formatBuddhistYear;

export interface FiscalYear {
  /** Months in the API's form (YYYY-MM, Gregorian), inclusive. */
  from: string;
  to: string;
  /** "2569": Thai fiscal years run October to September and are named by the year they end in. */
  label: string;
}

/** The Thai fiscal year containing `date` (Bangkok), and the ones before it. */
export function fiscalYears(date: Date, count: number): FiscalYear[] {
  const current = fiscalYearOf(date);
  return Array.from({ length: count }, (_, i) => ({ ...fiscalYearMonths(current - i), label: String(current - i) }));
}
