/** What the progress API answers (functions/src/progress), as the LIFF pages read it. */
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../functions/src/progress/statusNames.ts';

export { PROGRESS_STATUS_LABELS, type ProgressStatus };

export interface Progress {
  status: ProgressStatus;
  statusLabel: string;
  reason: string | null;
  spentBaht: number;
  approvedBaht: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  outputs: string;
  results: string;
  fileCount: number;
  updatedAt: string;
  seq?: number;
  updatedBy?: string;
  files?: Array<{ n: number; contentType: string; size: number; name: string | null; url: string }>;
}

export interface YearProject {
  id: string;
  number: string;
  name: string;
  dimension: number;
  mission: string | null;
  budgetBaht: number | null;
  responsibleUnit: string | null;
  quarters: number[] | null;
  progress: Progress | null;
}

export interface ProgressList {
  current: { year: number; half: 1 | 2 };
  fiscalYear: number;
  half: 1 | 2 | null;
  plan: { id: string; title: string };
  projects: YearProject[];
}

export interface ProjectProgress {
  fiscalYear: number;
  project: Omit<YearProject, 'progress'>;
  progress: Progress | null;
  seq: number;
  history: Array<{ seq: number; at: string; by: string; before: (Progress & { files: number[] }) | null; after: Progress & { files: number[] } }>;
}

export const HALF_LABELS = { 1: 'ครึ่งปีแรก (ต.ค.–มี.ค.)', 2: 'ครึ่งปีหลัง (เม.ย.–ก.ย.)' } as const;
