/**
 * Queue statistics and the call log as CSV for the ITA report: UTF-8 with a byte-order mark (Excel then shows Thai),
 * CRLF line ends, Thai headers, dates both ISO (sortable) and Thai (Buddhist era).
 */
import { stringify } from 'csv-stringify/sync';
import { formatThaiDate, formatThaiTime } from '../time/bangkok.ts';
import type { LogEntry, QueueService } from './schema.ts';
import type { DayStats, QueueStats } from '../contracts/queue.ts';
import { ACTION_LABELS, STATE_LABELS } from './workflow.ts';

export const STATS_HEADERS = [
  'วันที่ (ค.ศ.)',
  'วันที่',
  'รหัสบริการ',
  'บริการ',
  'ออกบัตรคิว',
  'walk-in (ไม่มี LINE)',
  'ให้บริการแล้ว',
  'ไม่มาเมื่อเรียก',
  'ยกเลิก',
  'ค้างอยู่',
  'เวลารอ มัธยฐาน (นาที)',
  'เวลารอ เปอร์เซ็นไทล์ 90 (นาที)',
  'เวลาให้บริการ มัธยฐาน (นาที)',
  'เวลาให้บริการ เปอร์เซ็นไทล์ 90 (นาที)',
  'เรียกข้ามลำดับ (มีเหตุผลในบันทึก)',
];

const blank = (x: number | null) => (x === null ? '' : x);
const figures = (s: Omit<DayStats, 'day' | 'serviceId' | 'serviceName'>) => [
  s.issued,
  s.walkIns,
  s.served,
  s.noShows,
  s.cancelled,
  s.open,
  blank(s.waitMedianMinutes),
  blank(s.waitP90Minutes),
  blank(s.serviceMedianMinutes),
  blank(s.serviceP90Minutes),
  s.outOfOrderCalls,
];

export function statsCsv(stats: QueueStats): string {
  const rows: (string | number)[][] = stats.rows.map((r) => [r.day, formatThaiDate(r.day), r.serviceId, r.serviceName, ...figures(r)]);
  for (const s of stats.byService) rows.push([`${stats.from}..${stats.to}`, 'รวมช่วงวันที่', s.serviceId, s.serviceName, ...figures(s)]);
  rows.push([`${stats.from}..${stats.to}`, 'รวมช่วงวันที่', '', 'ทุกบริการ', ...figures(stats.totals)]);
  return stringify(rows, { header: true, columns: STATS_HEADERS, bom: true, record_delimiter: '\r\n' });
}

export const LOG_HEADERS = ['ลำดับบันทึก', 'เวลา (ISO)', 'เวลา', 'คิว', 'การกระทำ', 'จากสถานะ', 'เป็นสถานะ', 'ช่องบริการ', 'ผู้ทำรายการ', 'ช่องทาง', 'ข้ามลำดับ', 'คิวที่รออยู่ก่อน', 'เหตุผล/หมายเหตุ', 'อัตโนมัติ'];

export function callLogCsv(service: QueueService, entries: LogEntry[]): string {
  const rows = entries.map((e) => [
    e.id,
    e.at,
    formatThaiTime(e.at),
    e.label,
    ACTION_LABELS[e.action],
    e.from ? STATE_LABELS[e.from] : '',
    STATE_LABELS[e.to],
    e.counterName ?? '',
    e.by.kind === 'citizen' ? 'ผู้รับบริการ' : e.by.name,
    e.via,
    e.outOfOrder ? 'ใช่' : '',
    e.firstWaiting === null ? '' : `${service.prefix}${String(e.firstWaiting).padStart(3, '0')}`,
    e.reason ?? '',
    e.auto ? 'ใช่' : '',
  ]);
  return stringify(rows, { header: true, columns: LOG_HEADERS, bom: true, record_delimiter: '\r\n' });
}
