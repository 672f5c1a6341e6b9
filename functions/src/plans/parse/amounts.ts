/**
 * The amounts a detail section's budget text states, told apart from the years it names. A Buddhist-era year
 * (25xx, "พ.ศ. 2566–2570", "ปี 2567", "ปี 67") is never an amount: "ปีละ 25,000 บาท (พ.ศ. 2566–2570)" states 25,000
 * for each year 2566-2570, "ปี 2567 จำนวน 60,000 บาท" states 60,000 for 2567 (and nothing for the other years).
 */
import { thaiDigitsToArabic } from '../../text/numbers.ts';
import { NO_BUDGET } from '../normalize.ts';

interface Token {
  kind: 'year' | 'amount';
  value: number;
  /** A year that opens or closes a range ("2566–2570"): the years between are meant too. */
  rangeTo?: number;
  index: number;
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*[-–—]\s*(\d{2,4})(?!\d))?/g;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const written = m[1] ?? '';
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 14), index);
    const after = text.slice(index + (m[0]?.length ?? 0));
    const value = Number(written.replace(/,/g, ''));
    const bahtNext = /^\s*(?:\.-\s*)?บาท/.test(after);
    const yearWord = /(?:ปี|พ\.\s*ศ\.|ปีงบประมาณ)\s*$/.test(before);
    const fullYear = !written.includes(',') && value >= 2400 && value <= 2700 && !bahtNext;
    const shortYear = yearWord && !written.includes(',') && value >= 50 && value <= 99 && !bahtNext;
    const rangeEnd = m[2] ? Number(m[2]) : null;
    if (fullYear || shortYear) {
      const year = shortYear ? 2500 + value : value;
      const to = rangeEnd === null ? undefined : rangeEnd < 100 ? 2500 + rangeEnd : rangeEnd;
      out.push({ kind: 'year', value: year, ...(to !== undefined && to > year && to - year < 10 ? { rangeTo: to } : {}), index });
      continue;
    }
    // A figure of the text that is no amount of money: counts, percentages, dates ("ร้อยละ 80", "12 ครั้ง").
    if (!bahtNext && !written.includes(',') && (value < 100 || /^\s*(?:%|คน|ครั้ง|ราย|แห่ง|วัน|เดือน|หมู่)/.test(after) || /ร้อยละ\s*$/.test(before))) continue;
    out.push({ kind: 'amount', value, index });
  }
  return out;
}

export interface StatedBudget {
  /** The amount the text states (per year when it says ปีละ), or null when it states none. */
  amount: number | null;
  /** Amounts the text ties to years ("ปี 2567 … 60,000 บาท", "ปีละ 25,000 บาท (พ.ศ. 2566–2570)"), or null. */
  perYear: Record<string, number> | null;
}

/** What a budget text states: "ไม่ใช้งบประมาณ" → 0; the amount, years never read as amounts; amounts per year. */
export function statedBudget(text: string): StatedBudget {
  const t = thaiDigitsToArabic(text);
  if (NO_BUDGET.test(t)) return { amount: 0, perYear: null };
  const all = tokens(t);
  const amounts = all.filter((x) => x.kind === 'amount');
  const withBaht = amounts.filter((x) => /^\s*(?:\.-\s*)?บาท/.test(t.slice(x.index).replace(/^[\d,.]+/, '')));
  const first = (withBaht[0] ?? amounts[0])?.value ?? null;
  if (first === null) return { amount: null, perYear: null };
  const years = all.filter((x) => x.kind === 'year');
  const perYear: Record<string, number> = {};
  const eachYear = /ปีละ/.test(t) && new Set(amounts.map((a) => a.value)).size === 1;
  if (eachYear) {
    for (const y of years) for (let v = y.value; v <= (y.rangeTo ?? y.value); v++) perYear[String(v)] = first;
  } else {
    // A single year followed by an amount before the next year: that year's amount. A range of years followed by
    // "ปีละ" and an amount: each of those years' ("ปี 2566-2567 ปีละ 10,000 บาท ปี 2568-2570 ปีละ 20,000 บาท").
    all.forEach((x, i) => {
      if (x.kind !== 'year') return;
      const next = all[i + 1];
      if (next?.kind !== 'amount') return;
      if (x.rangeTo === undefined) perYear[String(x.value)] = next.value;
      else if (/ปีละ/.test(t.slice(x.index, next.index))) for (let v = x.value; v <= x.rangeTo; v++) perYear[String(v)] = next.value;
    });
  }
  return { amount: first, perYear: Object.keys(perYear).length > 0 ? perYear : null };
}

/**
 * The years whose figure contradicts the budget text: with amounts tied to years, each such year against its own
 * amount (other years are not stated); otherwise every year against the one amount, unless the amount is the sum of
 * the years or the only non-zero figure.
 */
export function contradictedYears(budgets: Record<string, number>, text: string, amount: number | null): { year: string; stated: number; given: number }[] {
  const years = Object.entries(budgets);
  if (amount === null || years.length === 0) return [];
  const { perYear } = statedBudget(text);
  if (perYear && amount !== 0) {
    return years.filter(([y, v]) => perYear[y] !== undefined && perYear[y] !== v).map(([y, v]) => ({ year: y, stated: perYear[y] ?? 0, given: v }));
  }
  const sum = years.reduce((s, [, v]) => s + v, 0);
  const agrees = years.every(([, v]) => v === amount) || sum === amount || (amount > 0 && years.every(([, v]) => v === amount || v === 0) && years.some(([, v]) => v === amount));
  return agrees ? [] : years.filter(([, v]) => v !== amount).map(([y, v]) => ({ year: y, stated: amount, given: v }));
}
