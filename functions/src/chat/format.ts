/** Thai formatting for chat replies: numbers and baht from the shared text/numbers.ts. */
import { fitText } from '../line/limits.ts';
import { formatBudget, formatNumber as sharedNumber } from '../text/numbers.ts';

/** A plan budget: 50000 → "50,000 บาท"; 0 → "ไม่ใช้งบประมาณ" (text/numbers.ts `formatBudget`). */
export const formatBaht = formatBudget;

/** A plain number with separators: 45 → "45", 125000 → "125,000". */
export const formatNumber = (n: number): string => sharedNumber(n);

/** A figure with up to two decimals as the document gives it: 52.94 → "52.94", 37.5 → "37.5". */
export const formatDecimal = (n: number): string => sharedNumber(n, 2);

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
