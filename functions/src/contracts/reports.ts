/**
 * The monitoring-report API (functions/src/reports/routes.ts, docs/reports.md): report periods, what the routes take,
 * and the report model the JSON answers (the printable page, CSV and text are rendered from the same model). The LIFF
 * report-text page reads these types with `import type`.
 */
import { z } from 'zod';
import { yearParamSchema } from './common.ts';
import type { YearProject } from './progress.ts';
import type { ProgressStatus } from './tables/progressStatuses.ts';

export const PERIODS = ['six-month', 'annual'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<Period, string> = { 'six-month': 'รอบ 6 เดือน', annual: 'รอบ 12 เดือน' };

// ---------- requests ----------

export const periodSchema = z.enum(PERIODS, { error: 'รอบรายงานต้องเป็น six-month (6 เดือน) หรือ annual (12 เดือน)' });
export const reportParamsSchema = z.object({ orgId: z.string(), year: yearParamSchema, period: periodSchema });
export const asOfQuerySchema = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'asOf ต้องเป็นวันที่ YYYY-MM-DD (ค.ศ.)' }).optional() }).strict();
/** PUT /staff/reports/:year/:period/text: the report's problems and suggestions. */
export const reportTextBodySchema = z
  .object({
    problems: z.string({ error: 'ปัญหาและอุปสรรคต้องเป็นข้อความ' }).trim().max(4000, { error: 'ปัญหาและอุปสรรคยาวเกิน 4000 ตัวอักษร' }).default(''),
    suggestions: z.string({ error: 'ข้อเสนอแนะต้องเป็นข้อความ' }).trim().max(4000, { error: 'ข้อเสนอแนะยาวเกิน 4000 ตัวอักษร' }).default(''),
  })
  .strict();

// ---------- answers ----------

/** GET /reports: every report of the current plan's fiscal years, with its URLs. */
export interface ReportList {
  reports: Array<{ fiscalYear: number; period: Period; label: string; url: string; csv: string; text: string }>;
}

export interface DimensionFigures {
  dimension: number | null;
  title: string;
  projectsPlanned: number;
  projectsDone: number;
  projectsInProgress: number;
  projectsNotStarted: number;
  projectsCancelled: number;
  budgetPlanned: number;
  budgetByOrdinance: number;
  /** Projects whose ordinance amount staff did not record (counted as 0 in budgetByOrdinance). */
  ordinanceMissing: number;
  budgetSpent: number;
  percentProjects: number;
  percentBudget: number;
}

export interface ReportProject extends YearProject {
  status: ProgressStatus;
  statusLabel: string;
  reason: string | null;
  spentBaht: number;
  approvedBaht: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  outputs: string;
  results: string;
  evidenceFiles: number;
  /** When the state shown was recorded; null when nothing was. */
  recordedAt: string | null;
}

export interface ReportModel {
  org: { id: string; name: string; district: string; province: string };
  fiscalYear: number;
  period: Period;
  periodLabel: string;
  range: { from: string; to: string };
  /** The Bangkok date whose end the figures are as of. */
  asOf: string;
  generatedAt: string;
  plan: { id: string; title: string };
  dimensions: DimensionFigures[];
  total: DimensionFigures;
  projects: ReportProject[];
  problems: string;
  suggestions: string;
}
