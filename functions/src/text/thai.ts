const THAI_DIGIT_ZERO = 0x0e50;

/** Replaces Thai digits (๐-๙) with Arabic digits; everything else is kept. */
export function thaiDigitsToArabic(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO));
}
