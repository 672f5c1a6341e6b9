import { describe, expect, it } from 'vitest';
import { arabicDigitsToThai, formatBaht, formatBudget, formatFixed, formatNumber, hasThaiDigit, parseAmount, thaiDigitsToArabic } from '../../functions/src/text/numbers.ts';

describe('numbers in Thai text', () => {
  it('turns Thai digits into Arabic ones and back, keeping everything else', () => {
    expect(thaiDigitsToArabic('งบ ๑๕,๐๐๐.๕๐ บาท ปี 2569')).toBe('งบ 15,000.50 บาท ปี 2569');
    expect(arabicDigitsToThai('ปี 2569')).toBe('ปี ๒๕๖๙');
    expect(thaiDigitsToArabic(arabicDigitsToThai('0123456789'))).toBe('0123456789');
    expect(hasThaiDigit('RT-๗K4')).toBe(true);
    expect(hasThaiDigit('RT-7K4')).toBe(false);
  });

  it('reads typed amounts with separators, spaces and the unit', () => {
    expect(parseAmount('๑๕,๐๐๐.๕๐ บาท')).toBe(15000.5);
    expect(parseAmount(' 1 200 ')).toBe(1200);
    expect(parseAmount(' บาท ')).toBeNull();
    expect(parseAmount('สิบบาท')).toBeNaN();
  });

  it('formats numbers and baht with separators and bounded decimals', () => {
    expect(formatNumber(125000)).toBe('125,000');
    expect(formatNumber(52.94)).toBe('53');
    expect(formatNumber(52.94, 1)).toBe('52.9');
    expect(formatBaht(15000.5)).toBe('15,000.5 บาท');
    expect(formatBaht(15000.456)).toBe('15,000.46 บาท');
    expect(formatBaht(0)).toBe('0 บาท');
    expect(formatFixed(15000, 2)).toBe('15,000.00');
    expect(formatFixed(91.55, 1)).toBe('91.6');
    expect(formatBudget(0)).toBe('ไม่ใช้งบประมาณ');
    expect(formatBudget(50000.4)).toBe('50,000 บาท');
  });
});
