/** Thai formatting. th-TH already uses the Buddhist calendar: never add 543. Always Bangkok time. */
const TZ = 'Asia/Bangkok';

const dateLong = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: TZ });
const dateTime = new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ });
const monthYear = new Intl.DateTimeFormat('th-TH', { month: 'short', year: 'numeric', timeZone: TZ });
const number = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });
const ymd = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TZ });

const toDate = (d: string | number | Date) => (d instanceof Date ? d : new Date(d));
const valid = (d: Date) => !Number.isNaN(d.getTime());

export const formatDate = (d: string | number | Date) => (valid(toDate(d)) ? dateLong.format(toDate(d)) : '');
export const formatDateTime = (d: string | number | Date) => (valid(toDate(d)) ? `${dateTime.format(toDate(d))} น.` : '');
export const formatNumber = (n: number) => number.format(n);

/** "2026-11" → "พ.ย. 2569". */
export function formatMonth(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  return monthYear.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)));
}

/** Whole calendar days between two instants, counted in Bangkok (received today = 0 days). */
export function bangkokDaysBetween(from: string | Date, to: string | Date = new Date()): number {
  const a = ymd.format(toDate(from));
  const b = ymd.format(toDate(to));
  return Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000));
}

/** Thai digits ๐-๙ typed into a field become Arabic digits. */
export const normalizeDigits = (s: string) => s.replace(/[๐-๙]/g, (c) => String(c.charCodeAt(0) - 0x0e50));

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

const yearOnly = new Intl.DateTimeFormat('th-TH', { year: 'numeric', timeZone: TZ });

/** The Buddhist-era year of a date as digits ("2569"), from Intl (never by adding 543). */
export const buddhistYear = (d: Date) => yearOnly.formatToParts(d).find((p) => p.type === 'year')?.value ?? '';

export interface FiscalYear {
  /** Months in the API's form (YYYY-MM, Gregorian), inclusive. */
  from: string;
  to: string;
  /** "2569": Thai fiscal years run October to September and are named by the year they end in. */
  label: string;
}

/** The Thai fiscal year containing `date` (Bangkok), and the ones before it. */
export function fiscalYears(date: Date, count: number): FiscalYear[] {
  const [y, m] = ymd.format(date).split('-').map(Number) as [number, number];
  const endYear = m >= 10 ? y + 1 : y;
  return Array.from({ length: count }, (_, i) => {
    const end = endYear - i;
    return { from: `${end - 1}-10`, to: `${end}-09`, label: buddhistYear(new Date(Date.UTC(end, 5, 15))) };
  });
}
