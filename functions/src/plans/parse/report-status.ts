/**
 * A progress report's project-status table ("สถานะโครงการ/กิจกรรม/มาตรการ": โครงการตั้งต้น | โครงการทั้งหมด |
 * บรรจุในข้อบัญญัติ… | อยู่ระหว่างดำเนินการ | ดำเนินการแล้วเสร็จ | ไม่สามารถดำเนินการได้ | ผลการนำแผนฯ ไปปฏิบัติ
 * (ร้อยละ) | ระดับการนำแผนไปปฏิบัติ), header row then a row of figures. Columns are known by their header's words,
 * whatever their order; a column whose header is not understood is listed in `unread` (never guessed), and so is a
 * header whose figures row cannot be found.
 */
import type { ReportStatus, StatedTotal } from '../schema.ts';
import type { Line } from './common.ts';

type Column = 'baselineProjects' | 'totalProjects' | 'inOrdinance' | 'inProgress' | 'done' | 'notPossible' | 'percentImplemented' | 'level';

/** The column a header cell names, by its words (most specific first). */
function columnOf(header: string): Column | null {
  const h = header.replace(/\s+/g, '');
  if (/ระดับ/.test(h)) return 'level';
  if (/ผลการนำแผน|ร้อยละ|คิดจาก/.test(h)) return 'percentImplemented';
  if (/ไม่สามารถ|ไม่ได้ดำเนินการ|ยกเลิก/.test(h)) return 'notPossible';
  if (/ระหว่าง/.test(h)) return 'inProgress';
  if (/แล้วเสร็จ|เสร็จสิ้น/.test(h)) return 'done';
  if (/บรรจุ|ข้อบัญญัติ|เทศบัญญัติ|แผนดำเนินงาน/.test(h)) return 'inOrdinance';
  if (/ตั้งต้น/.test(h)) return 'baselineProjects';
  if (/ทั้งหมด/.test(h)) return 'totalProjects';
  return null;
}

const FIGURE = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;

/** A header row of the status table: at least three of its columns named, "แล้วเสร็จ" among them. */
function isStatusHeader(cells: string[]): boolean {
  const named = cells.map(columnOf).filter((c) => c !== null);
  return named.includes('done') && new Set(named).size >= 3 && (named.includes('inProgress') || named.includes('notPossible') || named.includes('baselineProjects'));
}

export function readStatusTable(lines: Line[], from: number): { status: ReportStatus | null; stated: StatedTotal[] } {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (!l.text.includes('\t')) continue;
    const header = l.text.split('\t').map((c) => c.trim());
    if (!isStatusHeader(header)) continue;
    // The figures: the next table row, within a few lines.
    const row = lines.slice(i + 1, i + 4).find((x) => x.text.includes('\t') && x.text.split('\t').some((c) => FIGURE.test(c.trim())));
    const unread = header.filter((c) => c !== '' && columnOf(c) === null);
    if (!row) return { status: { ...EMPTY, line: l.no, text: l.raw.trim(), unread: ['the figures row under the header was not found'] }, stated: [] };
    const cells = row.text.split('\t').map((c) => c.trim());
    const status: ReportStatus = { ...EMPTY, line: row.no, text: row.raw.trim(), unread };
    header.forEach((h, k) => {
      const col = columnOf(h);
      const cell = cells[k] ?? '';
      if (!col || cell === '') return;
      if (col === 'level') status.level = cell;
      else if (FIGURE.test(cell)) status[col] = Number(cell.replace(/,/g, ''));
      else status.unread.push(`${h}: "${cell}" is not a figure`);
    });
    const base = { dimension: null, mission: null, year: null, line: row.no, text: row.raw.trim() };
    const stated: StatedTotal[] = [];
    const add = (measure: StatedTotal['measure'], value: number | null) => {
      if (value !== null) stated.push({ ...base, measure, value });
    };
    add('projectsBaseline', status.baselineProjects);
    add('projects', status.totalProjects);
    add('projectsInOrdinance', status.inOrdinance);
    add('projectsInProgress', status.inProgress);
    add('projectsDone', status.done);
    add('projectsNotPossible', status.notPossible);
    add('percentImplemented', status.percentImplemented);
    return { status, stated };
  }
  return { status: null, stated: [] };
}

const EMPTY: Omit<ReportStatus, 'line' | 'text' | 'unread'> = {
  baselineProjects: null,
  totalProjects: null,
  inOrdinance: null,
  inProgress: null,
  done: null,
  notPossible: null,
  percentImplemented: null,
  level: null,
};
