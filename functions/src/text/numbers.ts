/**
 * Numbers in Thai text: Thai digits (๐-๙) ↔ Arabic digits, reading a typed amount, and formatting numbers and baht
 * for Thai readers. The one module for these rules; pure, no node built-ins (the LIFF app imports it too).
 */
export const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const THAI_DIGIT_ZERO = 0x0e50;
const THAI_DIGIT = /[๐-๙]/g;
const ARABIC_DIGIT = /[0-9]/g;

/** Replaces Thai digits (๐-๙) with Arabic digits; everything else is kept: "๑๕,๐๐๐ บาท" → "15,000 บาท". */
export function thaiDigitsToArabic(text: string): string {
  return text.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/** Replaces Arabic digits with Thai digits; everything else is kept: "2569" → "๒๕๖๙". */
export function arabicDigitsToThai(text: string): string {
  return text.replace(ARABIC_DIGIT, (d) => THAI_DIGITS[Number(d)] ?? d);
}

/** True when the text has a Thai digit. */
export const hasThaiDigit = (text: string) => /[๐-๙]/.test(text);

/**
 * An amount as people type it — Thai or Arabic digits, thousands separators, spaces, an optional "บาท" — as a number:
 * "๑๕,๐๐๐.๕๐ บาท" → 15000.5. Null when nothing is left after the unit and separators; NaN when what is left is not
 * a number (the caller says which error to show).
 */
export function parseAmount(text: string): number | null {
  const bare = thaiDigitsToArabic(text).replace(/บาท/g, '');
  if (bare.trim() === '') return null;
  return Number(bare.replace(/[,\s]/g, ''));
}

const formatters = new Map<string, Intl.NumberFormat>();
const formatterFor = (minDecimals: number, maxDecimals: number) => {
  const key = `${minDecimals}/${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('th-TH', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    formatters.set(key, f);
  }
  return f;
};

/** A number with thousands separators, Arabic digits, at most `maxDecimals` decimals (default 0): 125000 → "125,000". */
export function formatNumber(n: number, maxDecimals = 0): string {
  return formatterFor(0, maxDecimals).format(n);
}

/** A number with separators and exactly `decimals` decimals, as tables of money print it: 15000 → "15,000.00". */
export function formatFixed(n: number, decimals: number): string {
  return formatterFor(decimals, decimals).format(n);
}

/** Baht, at most two decimals unless said: 15000.5 → "15,000.5 บาท". */
export function formatBaht(n: number, maxDecimals = 2): string {
  return `${formatNumber(n, maxDecimals)} บาท`;
}

/** A plan budget in whole baht, where 0 means the project uses none: 50000 → "50,000 บาท"; 0 → "ไม่ใช้งบประมาณ". */
export function formatBudget(n: number): string {
  return n === 0 ? 'ไม่ใช้งบประมาณ' : formatBaht(n, 0);
}
