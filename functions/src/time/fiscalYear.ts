/**
 * Thai fiscal years (ปีงบประมาณ): October to September, named by the Buddhist-era year they end in —
 * 1 October 2025 – 30 September 2026 is ปีงบประมาณ 2569. The one module for that rule, for the Buddhist era, and for
 * reading the years a question names against today's date. Pure: today is passed in. The LIFF app imports it too.
 */
import { bangkokDate } from './bangkok.ts';

/** Years between the Christian and the Buddhist eras. */
export const BUDDHIST_ERA_OFFSET = 543;

/** 2026 → 2569. */
export const toBuddhistEra = (gregorianYear: number) => gregorianYear + BUDDHIST_ERA_OFFSET;
/** 2569 → 2026. */
export const toGregorianYear = (buddhistYear: number) => buddhistYear - BUDDHIST_ERA_OFFSET;

/** The Buddhist-era fiscal year of a Bangkok calendar date `YYYY-MM-DD` (or month `YYYY-MM`): 2026-11-22 → 2570. */
export function fiscalYearOfDate(date: string): number {
  const y = Number(date.slice(0, 4));
  return toBuddhistEra(Number(date.slice(5, 7)) >= 10 ? y + 1 : y);
}

/** The Buddhist-era fiscal year of an instant, on Bangkok's calendar: October starts the next year (1 Oct 2025 → 2569). */
export function fiscalYearOf(at: Date): number {
  return fiscalYearOfDate(bangkokDate(at));
}

export interface FiscalYearDates {
  /** Buddhist era. */
  year: number;
  /** First and last Gregorian calendar dates, `YYYY-MM-DD`: 2570 → 2026-10-01 … 2027-09-30. */
  from: string;
  to: string;
}

/** The dates of a Buddhist-era fiscal year. */
export function fiscalYearDates(year: number): FiscalYearDates {
  const start = toGregorianYear(year) - 1;
  return { year, from: `${start}-10-01`, to: `${start + 1}-09-30` };
}

/** The fiscal year a Bangkok date belongs to, with its dates. */
export function fiscalYearContaining(date: string): FiscalYearDates {
  return fiscalYearDates(fiscalYearOfDate(date));
}

/** The months of a fiscal year, `YYYY-MM` (Gregorian), inclusive: 2569 → 2025-10 … 2026-09. */
export function fiscalYearMonths(year: number): { from: string; to: string } {
  const { from, to } = fiscalYearDates(year);
  return { from: from.slice(0, 7), to: to.slice(0, 7) };
}

/** The half of the fiscal year a date is in: October-March 1, April-September 2. */
export function fiscalHalfOf(date: string): 1 | 2 {
  const m = Number(date.slice(5, 7));
  return m >= 10 || m <= 3 ? 1 : 2;
}

/** The last date of the first half (six-month report period) of a fiscal year: 2570 → 2027-03-31. */
export function firstHalfEnd(year: number): string {
  return `${toGregorianYear(year)}-03-31`;
}

// ---------- years as people write them ----------

/** A year as people write it: "69" → 2569, "2569" → 2569, a Christian-era "2026" → 2569 (only where the text says so). */
export function toBuddhistYear(written: string, christian = false): number {
  const n = Number(written);
  if (n < 100) return 2500 + n;
  return christian || (n >= 1900 && n < 2200) ? toBuddhistEra(n) : n;
}

const COUNT_WORDS: Record<string, number> = { หนึ่ง: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, one: 1, two: 2, three: 3, four: 4, five: 5 };

const RELATIVE: Array<[RegExp, number]> = [
  // Thai: ปีนี้, ปีงบนี้, ปีงบประมาณปัจจุบัน; ปีหน้า, ปีถัดไป; ปีที่แล้ว, ปีก่อน, ปีที่ผ่านมา, ปีกลาย
  [/ปี(?:งบ(?:ประมาณ)?)?\s*(?:นี้|ปัจจุบัน)/gu, 0],
  [/ปี(?:งบ(?:ประมาณ)?)?\s*(?:หน้า|ถัดไป)/gu, 1],
  [/ปี(?:งบ(?:ประมาณ)?)?\s*(?:ที่แล้ว|ก่อน|ที่ผ่านมา|กลาย)/gu, -1],
  // English
  [/\b(?:this|current)\s+(?:fiscal\s+|budget\s+)?year\b/giu, 0],
  [/\bnext\s+(?:fiscal\s+|budget\s+)?year\b/giu, 1],
  [/\b(?:last|previous)\s+(?:fiscal\s+|budget\s+)?year\b/giu, -1],
];

const PREFIXED = /(?:ปีงบประมาณ|ปีงบ|ปี|พ\.?\s?ศ\.?|fiscal\s+year|budget\s+year|\bfy|\byear|\bin)\s*(25\d\d|20\d\d|\d\d)(?!\d)(?:\s*(?:[-–]|ถึง|to)\s*(25\d\d|20\d\d|\d\d)(?!\d))?/giu;
const CHRISTIAN = /(?:ค\.?\s?ศ\.?)\s*(20\d\d)(?!\d)/gu;
const BARE = /(?<![\d,.])(25[4-9]\d)(?![\d,])/gu;

export interface YearReading {
  /** Buddhist-era fiscal years named, in order, without repeats. */
  years: number[];
  /** The text with the year words taken out. */
  rest: string;
  /** Whether a year came from a relative word (ปีนี้, next year). */
  relative: boolean;
}

/** Reads the years of a (normalised) question: written years, two-digit years, and relative words against today. */
export function readYears(text: string, now: Date): YearReading {
  const years: number[] = [];
  let rest = text;
  let relative = false;
  for (const m of rest.matchAll(CHRISTIAN)) years.push(toBuddhistYear(m[1] as string, true));
  rest = rest.replace(CHRISTIAN, ' ');
  for (const m of rest.matchAll(PREFIXED)) {
    // "in 25" is not a year; "in 2026" is.
    if (/^in$/i.test(m[0].slice(0, 2)) && (m[1] as string).length < 4) continue;
    const from = toBuddhistYear(m[1] as string);
    const to = m[2] ? toBuddhistYear(m[2]) : from;
    for (let y = from; y <= to && y - from < 10; y++) years.push(y);
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(BARE)) years.push(Number(m[1]));
  rest = rest.replace(BARE, ' ');
  const current = fiscalYearOf(now);
  // "เมื่อสองปีที่แล้ว", "2 ปีก่อน", "อีก 2 ปี", "two years ago"
  const counted = /(?:เมื่อ)?\s*(\d|หนึ่ง|สอง|สาม|สี่|ห้า)\s*ปี\s*(ที่แล้ว|ก่อน|ที่ผ่านมา)|อีก\s*(\d|หนึ่ง|สอง|สาม|สี่|ห้า)\s*ปี|\b(one|two|three|four|five)\s+years\s+ago\b/iu;
  const cm = counted.exec(rest);
  if (cm) {
    const n = (w: string | undefined) => (w === undefined ? 0 : (COUNT_WORDS[w.toLowerCase()] ?? Number(w)));
    years.push(cm[1] ? current - n(cm[1]) : cm[3] ? current + n(cm[3]) : current - n(cm[4]));
    relative = true;
    rest = rest.replace(cm[0], ' ');
  }
  for (const [re, delta] of RELATIVE) {
    if (re.test(rest)) {
      years.push(current + delta);
      relative = true;
      rest = rest.replace(re, ' ');
    }
    re.lastIndex = 0;
  }
  return { years: [...new Set(years)], rest, relative };
}
