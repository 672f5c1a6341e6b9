/**
 * Bangkok wall-clock time: the one module that turns an instant into a Bangkok calendar date, month, week or clock time
 * and back, and that formats dates for Thai readers. Bangkok is UTC+7 all year (no daylight saving since 1920), so a
 * fixed offset is exact. Pure: no clock (callers pass the instant from the injected Clock), no I/O. The LIFF app
 * imports it too (liff-app/src/lib/format.ts), so it must stay free of node built-ins.
 *
 * Vocabulary: an *instant* is a `Date` (or an ISO string with a zone); a *date* is a Bangkok calendar date
 * `YYYY-MM-DD`; a *month* is `YYYY-MM`; a *week* is an ISO week `YYYY-Www`. Years are Gregorian here; Buddhist-era
 * years and fiscal years are in ./fiscalYear.ts.
 */
export const BANGKOK_TIME_ZONE = 'Asia/Bangkok';
export const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

// ---------- instants → Bangkok calendar ----------

/** The Bangkok calendar date of an instant, `YYYY-MM-DD`: 2026-11-22T16:59:59.999Z is still 2026-11-22, a millisecond later the 23rd. */
export function bangkokDate(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Bangkok calendar month of an instant, `YYYY-MM`. */
export function bangkokMonth(at: Date): string {
  return bangkokDate(at).slice(0, 7);
}

/** The ISO week (`YYYY-Www`) of an instant in Bangkok. */
export function bangkokWeek(at: Date): string {
  return isoWeek(bangkokDate(at));
}

export interface BangkokParts {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  /** Minutes since Bangkok midnight. */
  minutes: number;
}

/** The Bangkok wall-clock parts of an instant. */
export function bangkokParts(at: Date): BangkokParts {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const d = local.getUTCDay();
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: d === 0 ? 7 : d,
    hour,
    minute,
    minutes: hour * 60 + minute,
  };
}

// ---------- Bangkok calendar → instants ----------

const utcOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
};
const dateOf = (utc: number) => new Date(utc).toISOString().slice(0, 10);

/** The first instant of a Bangkok calendar date. */
export function startOfBangkokDay(date: string): Date {
  return new Date(utcOf(date) - BANGKOK_OFFSET_MS);
}

/** The last millisecond of a Bangkok calendar date. */
export function endOfBangkokDay(date: string): Date {
  return new Date(utcOf(date) + DAY_MS - 1 - BANGKOK_OFFSET_MS);
}

/** Noon of a Bangkok calendar date: "as on that date" for a `--today` option, far from both midnights. */
export function bangkokNoon(date: string): Date {
  return new Date(utcOf(date) + 12 * 3_600_000 - BANGKOK_OFFSET_MS);
}

// ---------- calendar arithmetic on dates (no time zone involved) ----------

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00.000Z`);
  return !Number.isNaN(t) && dateOf(t) === date;
}

export function addDays(date: string, days: number): string {
  return dateOf(utcOf(date) + days * DAY_MS);
}

/** Every date from `from` to `to`, inclusive. */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** Whole Bangkok calendar days between two instants, never negative (the same Bangkok day = 0). */
export function bangkokDaysBetween(from: Date, to: Date): number {
  return Math.max(0, daysFromTo(bangkokDate(from), bangkokDate(to)));
}

/** Monday = 1 … Sunday = 7 of a calendar date. */
export function isoWeekday(date: string): number {
  const d = new Date(utcOf(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week a date belongs to. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The ISO week of a calendar date, "2026-W48": weeks run Monday-Sunday and belong to the year of their Thursday, so
 * 29 Dec 2025 (Monday) is in 2026-W01 and 1 Jan 2027 (Friday) in 2026-W53.
 */
export function isoWeek(date: string): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const firstMonday = mondayOf(`${year}-01-04`);
  const n = Math.round((utcOf(mondayOf(date)) - utcOf(firstMonday)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** First (Monday) and last (Sunday) dates of an ISO week id. */
export function weekRange(week: string): { from: string; to: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const from = addDays(mondayOf(`${m[1]}-01-04`), (Number(m[2]) - 1) * 7);
  return { from, to: addDays(from, 6) };
}

/** `YYYY-MM` of every month from `from` to `to` (dates or months), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let i = 0; i < 1200; i++) {
    const cur = `${y}-${String(m).padStart(2, '0')}`;
    if (cur > end) break;
    out.push(cur);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

/** The last calendar date of a month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dateOf(Date.UTC(y, m, 0));
}

// ---------- formatting for Thai readers (th-TH is already Buddhist era: never add 543 by hand) ----------

const tz = BANGKOK_TIME_ZONE;
const longDate = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: tz });
const shortDate = new Intl.DateTimeFormat('th-TH', { day: 'numeric', month: 'short', year: '2-digit', timeZone: tz });
const dateTime = new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeStyle: 'short', timeZone: tz });
const time = new Intl.DateTimeFormat('th-TH', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: tz });
const longMonth = new Intl.DateTimeFormat('th-TH', { month: 'long', year: 'numeric', timeZone: tz });
const shortMonth = new Intl.DateTimeFormat('th-TH', { month: 'short', year: 'numeric', timeZone: tz });
const yearOnly = new Intl.DateTimeFormat('th-TH', { year: 'numeric', timeZone: tz });

/**
 * An instant, or a calendar date `YYYY-MM-DD` (read as UTC midnight, which is 07:00 the same day in Bangkok), as a
 * Date.
 */
const instant = (at: Date | string | number) => (at instanceof Date ? at : new Date(at));
const monthMiddle = (month: string) => new Date(`${month}-15T00:00:00Z`);

/** "22 พฤศจิกายน 2569": an instant in Bangkok, or a calendar date. */
export function formatThaiDate(at: Date | string): string {
  return longDate.format(instant(at));
}

/** "22 พ.ย. 69": an instant in Bangkok, or a calendar date. */
export function formatThaiShortDate(at: Date | string): string {
  return shortDate.format(instant(at));
}

/** "22 พ.ย. 2569 10:00": an instant in Bangkok. */
export function formatThaiDateTime(at: Date | string | number): string {
  return dateTime.format(instant(at));
}

/** "10:05": the Bangkok clock time of an instant, 24-hour. */
export function formatThaiTime(at: Date | string | number): string {
  return time.format(instant(at));
}

/** "2026-11" → "พฤศจิกายน 2569". */
export function formatThaiMonth(month: string): string {
  return longMonth.format(monthMiddle(month));
}

/** "2026-11" → "พ.ย. 2569". */
export function formatThaiShortMonth(month: string): string {
  return shortMonth.format(monthMiddle(month));
}

/** "2026-W48" → "23 พ.ย. 69 - 29 พ.ย. 69": both ends as short Thai dates. */
export function formatThaiWeek(week: string): string {
  const { from, to } = weekRange(week);
  return `${formatThaiShortDate(from)} - ${formatThaiShortDate(to)}`;
}

/** The Buddhist-era year of an instant in Bangkok as digits ("2569"), from Intl. */
export function formatBuddhistYear(at: Date): string {
  return yearOnly.formatToParts(at).find((p) => p.type === 'year')?.value ?? '';
}
