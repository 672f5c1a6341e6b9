/**
 * Calendar arithmetic in Bangkok time for ratings: days, months, ISO weeks (Monday-Sunday) and Thai fiscal years.
 * Bangkok is UTC+7 all year (no daylight saving since 1920), so a fixed offset is exact. Pure: no clock.
 */
const DAY = 86_400_000;
const BANGKOK_OFFSET = 7 * 3_600_000;

/** The Bangkok calendar date of an instant, as YYYY-MM-DD. */
export function bangkokDate(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET).toISOString().slice(0, 10);
}

/** The Bangkok calendar month of an instant, as YYYY-MM. */
export function bangkokMonth(at: Date): string {
  return bangkokDate(at).slice(0, 7);
}

const utcOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
};
const dateOf = (utc: number) => new Date(utc).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return dateOf(utcOf(date) + days * DAY);
}

/** The instant a Bangkok calendar date begins. */
export function startOfBangkokDay(date: string): Date {
  return new Date(utcOf(date) - BANGKOK_OFFSET);
}

/** Monday = 1 ... Sunday = 7 of a calendar date. */
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
  const n = Math.round((utcOf(mondayOf(date)) - utcOf(firstMonday)) / (7 * DAY)) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** First (Monday) and last (Sunday) dates of an ISO week id. */
export function weekRange(week: string): { from: string; to: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const from = addDays(mondayOf(`${m[1]}-01-04`), (Number(m[2]) - 1) * 7);
  return { from, to: addDays(from, 6) };
}

/** The ISO week of an instant in Bangkok time. */
export function bangkokWeek(at: Date): string {
  return isoWeek(bangkokDate(at));
}

/** YYYY-MM of every month from `from` to `to` (dates or months), inclusive. */
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

/** The last calendar date of a month "YYYY-MM". */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dateOf(Date.UTC(y, m, 0));
}

/**
 * The Thai fiscal year (ปีงบประมาณ, October-September) of a Bangkok date, in the Buddhist era, with its first date:
 * 2026-11-22 is in fiscal year 2570, which began on 2026-10-01.
 */
export function fiscalYearOf(date: string): { year: number; from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const startYear = Number(date.slice(5, 7)) >= 10 ? y : y - 1;
  return { year: startYear + 1 + 543, from: `${startYear}-10-01`, to: `${startYear + 1}-09-30` };
}

const thaiMonth = new Intl.DateTimeFormat('th-TH', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const thaiShortDate = new Intl.DateTimeFormat('th-TH', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
const thaiLongDate = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: 'UTC' });
const thaiDateTime = new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bangkok' });

/** "2026-11" -> "พฤศจิกายน 2569" (th-TH is already Buddhist era). */
export function formatThaiMonth(month: string): string {
  return thaiMonth.format(new Date(`${month}-15T00:00:00Z`));
}

/** A calendar date "2026-11-22" -> "22 พ.ย. 69". */
export function formatThaiShortDate(date: string): string {
  return thaiShortDate.format(new Date(`${date}T00:00:00Z`));
}

/** A calendar date "2026-11-22" -> "22 พฤศจิกายน 2569". */
export function formatThaiDate(date: string): string {
  return thaiLongDate.format(new Date(`${date}T00:00:00Z`));
}

/** An instant in Bangkok time, "22 พ.ย. 2569 10:00". */
export function formatThaiDateTime(at: Date | string): string {
  return thaiDateTime.format(new Date(at));
}

/** "2026-W48" -> "23-29 พ.ย. 69" style label: both ends as short Thai dates. */
export function formatThaiWeek(week: string): string {
  const { from, to } = weekRange(week);
  return `${formatThaiShortDate(from)} - ${formatThaiShortDate(to)}`;
}
