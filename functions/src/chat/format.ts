/** Thai formatting for chat replies. */
import { fitText } from '../line/limits.ts';

const baht = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 0 });

/** 50000 → "50,000 บาท"; 0 → "ไม่ใช้งบประมาณ". */
export function formatBaht(n: number): string {
  return n === 0 ? 'ไม่ใช้งบประมาณ' : `${baht.format(n)} บาท`;
}

/** A plain number with separators: 45 → "45", 125000 → "125,000". */
export function formatNumber(n: number): string {
  return baht.format(n);
}

const decimal = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });

/** A figure with up to two decimals as the document gives it: 52.94 → "52.94", 37.5 → "37.5". */
export function formatDecimal(n: number): string {
  return decimal.format(n);
}

/** Cuts text to at most `max` UTF-16 units with a readable "…" ending: the shared LINE helper (line/limits.ts). */
export const clip = fitText;

/** Removes markup and collapses spacing of a document string for display. */
export function tidy(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/\*\*|__|\^\{([^}]*)\}/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/[\u0E80-\u0EFF\u1780-\u17FF\u19E0-\u19FF\u0400-\u04FF]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

export const dimensionLabel = (n: number) => `มิติที่ ${n}`;
