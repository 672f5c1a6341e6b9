/**
 * Queue time in Bangkok (UTC+7 all year, no daylight saving since 1920). Pure: the instant comes from the injected
 * Clock. Ticket numbers restart each Bangkok day, so the day key is part of every ticket's storage path.
 */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** `yyyy-mm-dd` of the instant in Bangkok. 2026-11-22T16:59:59.999Z is still 2026-11-22; a millisecond later it is the 23rd. */
export function bangkokDay(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The compact form used inside ticket ids: `20261122`. */
export const compactDay = (day: string) => day.replaceAll('-', '');
export const expandDay = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;

/** Weekday 1 (Monday) … 7 (Sunday) and minutes since midnight, in Bangkok. */
export function bangkokClock(at: Date): { weekday: number; minutes: number } {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const d = local.getUTCDay();
  return { weekday: d === 0 ? 7 : d, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The first instant of a Bangkok day. */
export function startOfBangkokDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - BANGKOK_OFFSET_MS);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive (both `yyyy-mm-dd`). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A real calendar day `yyyy-mm-dd`: the contract's rule (request params use it). */
export { isValidDay } from '../contracts/queue.ts';

export interface OpeningHours {
  /** 1 = Monday … 7 = Sunday. */
  days: number[];
  /** `HH:MM`, Bangkok time; tickets are taken from `open` until `close`. */
  open: string;
  close: string;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when a citizen may take a ticket now. `null` hours: always open. */
export function isOpenAt(hours: OpeningHours | null, at: Date): boolean {
  if (!hours) return true;
  const { weekday, minutes } = bangkokClock(at);
  return hours.days.includes(weekday) && minutes >= toMinutes(hours.open) && minutes < toMinutes(hours.close);
}

const THAI_DAY_NAMES = ['', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์', 'อาทิตย์'];

/** "วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น." — the way Thai offices write their hours. */
export function formatHours(hours: OpeningHours | null): string {
  if (!hours) return 'ทุกวัน ตลอดเวลา';
  const days = [...hours.days].sort((a, b) => a - b);
  const contiguous = days.every((d, i) => i === 0 || d === (days[i - 1] ?? 0) + 1);
  const dayText =
    days.length === 7 ? 'ทุกวัน'
    : contiguous && days.length > 2 ? `วัน${THAI_DAY_NAMES[days[0] ?? 1]} - วัน${THAI_DAY_NAMES[days[days.length - 1] ?? 1]}`
    : days.map((d) => `วัน${THAI_DAY_NAMES[d]}`).join(' ');
  return `${dayText} เวลา ${hours.open.replace(':', '.')} - ${hours.close.replace(':', '.')} น.`;
}

/** "22 พฤศจิกายน 2569" (Buddhist era, from the th-TH calendar: never add 543 by hand). */
export function formatThaiDay(day: string): string {
  return new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(new Date(`${day}T05:00:00.000Z`));
}

/** "10:05" in Bangkok. */
export function formatThaiTime(at: Date | string): string {
  return new Intl.DateTimeFormat('th-TH', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Bangkok' }).format(new Date(at));
}
