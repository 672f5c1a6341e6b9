/**
 * What the progress API answers, as the LIFF pages read it: the types are the API's own contract
 * (functions/src/contracts/progress.ts, imported as types only), the status table is the shared one.
 */
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../functions/src/contracts/tables/progressStatuses.ts';
import type {
  ProgressView,
  ProjectProgress,
  StaffProgressList,
  StaffProgressView,
  YearProject as ContractYearProject,
} from '../../../functions/src/contracts/progress.ts';
import type { ReportModel } from '../../../functions/src/contracts/reports.ts';

export { PROGRESS_STATUS_LABELS, type ProgressStatus, type ProjectProgress };
/** GET /reports/:year/:period, the part the report-text page reads. */
export type ReportText = Pick<ReportModel, 'fiscalYear' | 'periodLabel' | 'problems' | 'suggestions'>;

/** A project's progress as a page shows it: the public view, or the staff view with its files. */
export type Progress = ProgressView & Partial<Pick<StaffProgressView, 'seq' | 'files' | 'updatedBy'>>;
export type YearProject = ContractYearProject & { progress: ProgressView | null };
export type ProgressList = StaffProgressList;

export const HALF_LABELS = { 1: 'ครึ่งปีแรก (ต.ค.–มี.ค.)', 2: 'ครึ่งปีหลัง (เม.ย.–ก.ย.)' } as const;
