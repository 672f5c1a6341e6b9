/**
 * The queue's own calendar rules: a service's opening hours (which weekdays and hours citizens may take a ticket) and
 * the compact day inside ticket ids. Bangkok time itself (the day of an instant, its weekday and minutes, Thai date
 * formats) is the shared module ../time/bangkok.ts. Pure: the instant comes from the injected Clock. Ticket numbers
 * restart each Bangkok day, so the day is part of every ticket's storage path.
 */
import { bangkokParts, datesFrom, formatThaiDate } from '../time/bangkok.ts';
import type { OpeningHours } from '../contracts/queue.ts';

export type { OpeningHours };

/** The compact form used inside ticket ids: `20261122`. */
export const compactDay = (day: string) => day.replaceAll('-', '');
export const expandDay = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;

/** Weekday 1 (Monday) … 7 (Sunday) and minutes since midnight, in Bangkok: what opening hours are checked against. */
export function bangkokClock(at: Date): { weekday: number; minutes: number } {
  const { weekday, minutes } = bangkokParts(at);
  return { weekday, minutes };
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

/** Kept for callers outside the queue (statistics, the closed-days CLI); new code uses ../time/bangkok.ts. */
export const daysBetween = datesFrom;
export const formatThaiDay = (day: string) => formatThaiDate(day);
