import { stringify } from 'csv-stringify/sync';
import type { ComplaintStats, Counts } from './stats.ts';
import { formatThaiMonth } from './workflow.ts';

export const CSV_HEADERS = [
  'เดือน',
  'ประเภท',
  'หมวดเรื่อง',
  'รับเรื่อง',
  'ดำเนินการแล้วเสร็จ',
  'อยู่ระหว่างดำเนินการ',
  'เกินกำหนด 15 วัน',
  'แก้ไขแล้ว',
  'ไม่รับพิจารณา',
  'ส่งต่อหน่วยงานอื่น',
  'เสร็จภายในกำหนด',
  'ค่ามัธยฐานวันที่ใช้ (วัน)',
];

const counts = (c: Counts) => [c.received, c.finished, c.inProgress, c.overdue, c.resolved, c.rejected, c.forwarded, c.finishedOnTime, c.medianDaysToFinish ?? ''];

/**
 * The statistics as CSV for the ITA report: UTF-8 with a byte-order mark so Excel shows Thai, one row per month and
 * category, a total row per month, a grand total, and one row of corruption-report counts.
 */
export function statsCsv(stats: ComplaintStats): string {
  const rows: Array<Array<string | number>> = [];
  for (const m of stats.general.byMonth) {
    for (const r of stats.general.byMonthAndCategory.filter((x) => x.month === m.month)) rows.push([formatThaiMonth(r.month), 'ร้องเรียนทั่วไป', r.title, ...counts(r)]);
    rows.push([formatThaiMonth(m.month), 'ร้องเรียนทั่วไป', 'รวมทุกหมวด', ...counts(m)]);
  }
  rows.push(['รวมทั้งหมด', 'ร้องเรียนทั่วไป', 'รวมทุกหมวด', ...counts(stats.general.totals)]);
  const c = stats.corruption;
  rows.push(['รวมทั้งหมด', 'แจ้งเบาะแสการทุจริต', '-', c.received, c.finished, c.inProgress, c.overdue, '', '', '', '', '']);
  return stringify(rows, { header: true, columns: CSV_HEADERS, bom: true, record_delimiter: '\r\n' });
}
