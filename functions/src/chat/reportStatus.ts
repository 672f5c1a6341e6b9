import type { ReportStatus } from '../plans/schema.ts';
import { source, type FigureDoc, type Figures } from './figures.ts';
import { formatDecimal, formatNumber } from './format.ts';

/**
 * A progress report's project-status table (สถานะโครงการ/กิจกรรม/มาตรการ: baseline projects, in the ordinance, in
 * progress, not possible, the share of the plan implemented), as the importer stored it (`report.status`). One figure
 * per answer, as printed, with its line; a status the table has no column for (cancelled, postponed, "not done") is
 * not computed from other columns. Pure.
 */

export type StatusField = 'baselineProjects' | 'inOrdinance' | 'inProgress' | 'notPossible' | 'percentImplemented' | 'level';

/** The status a question asks about (compact Thai, cues already read), or null: none the table has a column for. */
export function statusFieldOf(compact: string, wantsPercent: boolean): StatusField | null {
  if (/ไม่สามารถ(?:ดำเนิน|ทำ)|ทำไม่ได้|ดำเนินการไม่ได้/u.test(compact)) return 'notPossible';
  if (/(?:อยู่)?ระหว่าง(?:การ)?ดำเนิน|กำลังดำเนิน|กำลังทำ/u.test(compact)) return 'inProgress';
  if (/บรรจุใน/u.test(compact)) return 'inOrdinance';
  if (/ระดับการนำแผน|อยู่ในระดับ/u.test(compact)) return 'level';
  if (wantsPercent && /ตั้งต้น|นำแผน(?:ไป)?ปฏิบัติ/u.test(compact)) return 'percentImplemented';
  if (/ตั้งต้น/u.test(compact)) return 'baselineProjects';
  return null;
}

/** The figure of one status field, or null when the stored table has no value for it. */
export function statusFigure(fd: FigureDoc, status: ReportStatus, field: StatusField, period: string): Figures | null {
  const v = status[field];
  if (v === null || v === undefined) return null;
  const en = fd.lang === 'en';
  const when = period ? (en ? ` (${period})` : ` ${period}`) : '';
  const n = typeof v === 'number' ? v : 0;
  const texts: Record<StatusField, [string, string, string]> = {
    baselineProjects: [`โครงการตั้งต้น${when}: ${formatNumber(n)} โครงการ`, `Projects the plan started with${when}: ${formatNumber(n)}`, formatNumber(n)],
    inOrdinance: [`บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน${when}: ${formatNumber(n)} โครงการ`, `Projects in the ordinance${when}: ${formatNumber(n)}`, formatNumber(n)],
    inProgress: [`อยู่ระหว่างดำเนินการ${when}: ${formatNumber(n)} โครงการ`, `Projects in progress${when}: ${formatNumber(n)}`, formatNumber(n)],
    notPossible: [`ไม่สามารถดำเนินการได้${when}: ${formatNumber(n)} โครงการ`, `Projects that could not be carried out${when}: ${formatNumber(n)}`, formatNumber(n)],
    percentImplemented: [`ผลการนำแผนไปปฏิบัติ (คิดจากโครงการตั้งต้น)${when}: ร้อยละ ${formatDecimal(n)}`, `Share of the plan implemented (of its initial projects)${when}: ${formatDecimal(n)}%`, `${formatDecimal(n)}`],
    level: [`ระดับการนำแผนไปปฏิบัติ${when}: ${String(v)}`, `Level of implementation${when}: ${String(v)}`, String(v)],
  };
  const [th, eng, figure] = texts[field];
  return { text: en ? eng : th, sources: [source(fd, figure, status.line)] };
}
