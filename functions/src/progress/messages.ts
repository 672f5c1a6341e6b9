/**
 * What people read about progress: Thai wording for statuses, baht and dates, and the sentence the chat answers
 * with ("ทำไปถึงไหนแล้ว", "ใช้งบไปเท่าไร"), always saying from which date the figures are.
 */
import { bangkokDate, formatThaiDate } from '../time/bangkok.ts';
import { formatBaht } from '../text/numbers.ts';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from './schema.ts';

export interface LatestProgress {
  projectId: string;
  projectName: string;
  fiscalYear: number;
  status: ProgressStatus;
  statusLabel: string;
  reason: string | null;
  spentBaht: number;
  /** The plan's budget of the project for that year (null when the plan states none). */
  budgetBaht: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  outputs: string;
  results: string;
  /** When staff last changed it (ISO instant) and that day in Bangkok. */
  updatedAt: string;
  asOf: string;
  /** One Thai sentence for a chat answer, with the date of the data. */
  text: string;
}

export function progressSentence(p: Omit<LatestProgress, 'text' | 'statusLabel' | 'budgetBaht'>, budgetBaht: number | null): string {
  const parts = [`ปีงบประมาณ ${p.fiscalYear}: ${PROGRESS_STATUS_LABELS[p.status]}`];
  if (p.status === 'cancelled' && p.reason) parts.push(`(เหตุผล: ${p.reason})`);
  if (p.status !== 'not_started') {
    parts.push(`ใช้งบประมาณไปแล้ว ${formatBaht(p.spentBaht)}${budgetBaht === null ? '' : budgetBaht === 0 ? ' (ตามแผนไม่ใช้งบประมาณ)' : ` จากงบตามแผน ${formatBaht(budgetBaht)}`}`);
  }
  if (p.status === 'done' && p.finishedOn) parts.push(`แล้วเสร็จเมื่อ ${formatThaiDate(p.finishedOn)}`);
  return `${parts.join(' ')} (ข้อมูล ณ วันที่ ${formatThaiDate(p.asOf)})`;
}

export const asOfDate = (updatedAt: string) => bangkokDate(new Date(updatedAt));
