import type { BudgetRange } from './types.ts';

/**
 * A budget threshold in a question ("ตั้งแต่ 20,000 บาทขึ้นไป", "งบเกิน 5 หมื่น", "ไม่ถึง 10,000", "ระหว่าง 10,000 ถึง
 * 50,000"), read from the question's compact form (no spaces, Arabic digits). Pure: ordinary Thai comparison words,
 * not phrases of particular questions. A number followed by a count word ("เกิน 5 โครงการ") or a percent is not a
 * budget; nor is a bare number under 100 without "บาท".
 */

const MULTIPLIERS: Record<string, number> = { k: 1_000, K: 1_000, พัน: 1_000, หมื่น: 10_000, แสน: 100_000, ล้าน: 1_000_000 };
const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)(k|K|พัน|หมื่น|แสน|ล้าน)?(บาท)?`;
/** After the amount: not a count, a percentage or a year. */
const NOT_BUDGET_AFTER = /^(?:โครงการ|กิจกรรม|มาตรการ|รายการ|อัน|ปี|ครั้ง|คน|วัน|เดือน|%|เปอร์|ร้อยละ|มิติ)/u;

type Bound = 'min' | 'max';
/** Comparison word before the amount → which bound, inclusive or not. */
const BEFORE: Array<[RegExp, Bound, boolean]> = [
  [/(?:ตั้งแต่|อย่างน้อย|ไม่ต่ำกว่า|ไม่น้อยกว่า)$/u, 'min', true],
  [/(?<!ไม่)(?:เกินกว่า|เกิน|มากกว่า|สูงกว่า|เยอะกว่า)$/u, 'min', false],
  [/ไม่(?:เกิน|มากกว่า|สูงกว่า)$/u, 'max', true],
  [/(?:(?<!ไม่)น้อยกว่า|(?<!ไม่)ต่ำกว่า|ไม่ถึง|ยังไม่ถึง|ไม่ถึงกับ)$/u, 'max', false],
];
/** Word after the amount: "20,000 ขึ้นไป", "10,000 ลงมา". */
const AFTER: Array<[RegExp, Bound, boolean]> = [
  [/^(?:บาท)?ขึ้นไป/u, 'min', true],
  [/^(?:บาท)?ลงมา/u, 'max', true],
];

function amountOf(digits: string, mult: string | undefined): number {
  return Number(digits.replace(/,/g, '')) * (mult ? (MULTIPLIERS[mult] ?? 1) : 1);
}

export function readBudgetRange(compact: string): { range: BudgetRange; phrases: string[] } | null {
  const text = compact.replace(/\s+/g, '');
  const range: BudgetRange = {};
  const phrases: string[] = [];
  const between = new RegExp(`ระหว่าง${AMOUNT}(?:ถึง|-|–|และ|กับ)${AMOUNT}`, 'u').exec(text);
  if (between) {
    const a = amountOf(between[1] as string, between[2]);
    const b = amountOf(between[4] as string, between[5]);
    if (Math.min(a, b) >= 100 || between[3] || between[6]) {
      range.min = { value: Math.min(a, b), inclusive: true };
      range.max = { value: Math.max(a, b), inclusive: true };
      return { range, phrases: [between[0]] };
    }
  }
  for (const m of text.matchAll(new RegExp(AMOUNT, 'gu'))) {
    const at = m.index ?? 0;
    const before = text.slice(0, at);
    const after = text.slice(at + m[0].length);
    if (NOT_BUDGET_AFTER.test(after)) continue;
    const value = amountOf(m[1] as string, m[2]);
    if (value < 100 && !m[3] && !m[2]) continue;
    const b = BEFORE.find(([re]) => re.test(before));
    const a = AFTER.find(([re]) => re.test(after));
    const said = b ?? a;
    if (!said) continue;
    range[said[1]] = { value, inclusive: said[2] };
    // The whole phrase, comparison words on both sides included ("ตั้งแต่20,000บาทขึ้นไป").
    phrases.push(`${b ? (b[0].exec(before) as RegExpExecArray)[0] : ''}${m[0]}${a ? (a[0].exec(after) as RegExpExecArray)[0] : ''}`);
  }
  return range.min || range.max ? { range, phrases } : null;
}

/** Whether an amount lies within a range (a zero is no budget: never within a threshold). */
export function withinRange(amount: number, r: BudgetRange): boolean {
  if (amount <= 0) return false;
  if (r.min && (r.min.inclusive ? amount < r.min.value : amount <= r.min.value)) return false;
  if (r.max && (r.max.inclusive ? amount > r.max.value : amount >= r.max.value)) return false;
  return true;
}
