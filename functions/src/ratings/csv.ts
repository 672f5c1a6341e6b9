import { stringify } from 'csv-stringify/sync';
import type { Group, RatingSummary } from './aggregate.ts';
import { ITEM_LABELS, ITEMS } from './schema.ts';
import { formatThaiShortDate } from '../time/bangkok.ts';

export const CSV_HEADERS = [
  'ช่วงเวลา',
  'รหัสช่วงเวลา',
  'บริการ',
  'รหัสบริการ',
  'ด้านที่ประเมิน',
  'จำนวนผู้ประเมิน (คน)',
  'จำนวนคำตอบ',
  'มากที่สุด (5)',
  'มาก (4)',
  'ปานกลาง (3)',
  'น้อย (2)',
  'น้อยที่สุด (1)',
  'คะแนนเฉลี่ย (เต็ม 5)',
  'ร้อยละความพึงพอใจ (คะแนนเฉลี่ย ÷ 5 × 100)',
  'ร้อยละผู้ที่พึงพอใจ (ตอบระดับ 4-5)',
  'เป้าหมาย (ร้อยละ)',
  'ผลเทียบเป้าหมาย',
];

const blank = (x: number | null) => (x === null ? '' : x);

function rowsOf(period: string, periodId: string, service: string, serviceId: string, g: Group, target: RatingSummary['target']): Array<Array<string | number>> {
  const verdict = g.meetsTarget === null ? '' : g.meetsTarget ? 'ผ่าน' : 'ไม่ผ่าน';
  const lines: Array<[string, Group['allItems']]> = [['ทุกด้านรวมกัน', g.allItems], ...ITEMS.map((i): [string, Group['allItems']] => [ITEM_LABELS[i], g.items[i]])];
  return lines.map(([label, f], idx) => [
    period,
    periodId,
    service,
    serviceId,
    label,
    g.ratings,
    f.answers,
    f.distribution['5'],
    f.distribution['4'],
    f.distribution['3'],
    f.distribution['2'],
    f.distribution['1'],
    blank(f.mean),
    blank(f.meanPercent),
    blank(f.satisfiedPercent),
    idx === 0 ? target.percent : '',
    idx === 0 ? verdict : '',
  ]);
}

/**
 * The results as CSV for the ITA report: UTF-8 with a byte-order mark so Excel shows Thai; for the whole range, each
 * month, each week and each service in each month, one row for all items together and one per item, both figures in
 * their own named columns. Months and weeks without ratings are left out.
 */
export function summaryCsv(s: RatingSummary): string {
  const rows: Array<Array<string | number>> = [];
  const whole = `${formatThaiShortDate(s.range.from)} - ${formatThaiShortDate(s.range.to)}`;
  rows.push(...rowsOf(`ทั้งช่วง ${whole}`, `${s.range.from}/${s.range.to}`, 'ทุกบริการ', '', s.total, s.target));
  for (const sv of s.byService) rows.push(...rowsOf(`ทั้งช่วง ${whole}`, `${s.range.from}/${s.range.to}`, sv.title, sv.serviceId, sv, s.target));
  for (const m of s.byMonth.filter((x) => x.ratings > 0)) {
    rows.push(...rowsOf(`เดือน${m.label}`, m.month, 'ทุกบริการ', '', m, s.target));
    for (const sm of s.byServiceMonth.filter((x) => x.month === m.month)) rows.push(...rowsOf(`เดือน${m.label}`, m.month, sm.title, sm.serviceId, sm, s.target));
  }
  for (const w of s.byWeek.filter((x) => x.ratings > 0)) rows.push(...rowsOf(`สัปดาห์ ${w.label}${w.partial ? ' (บางส่วน)' : ''}`, w.week, 'ทุกบริการ', '', w, s.target));
  return stringify(rows, { header: true, columns: CSV_HEADERS, bom: true, record_delimiter: '\r\n' });
}
