/**
 * Progress on the anti-corruption plan, kept by staff: one record per project and fiscal year (status, baht spent,
 * dates, outputs and results in words, evidence files), and an append-only change log (who, when, before/after).
 * Reports (functions/src/reports) are built from the log, so a report for a past period shows the state of that date.
 */
import { MAX_PHOTO_BYTES } from '../complaints/photos.ts';
import {
  FILE_TYPES,
  MAX_FILES,
  MAX_FILES_PER_UPDATE,
  PROGRESS_STATUSES,
  PROGRESS_STATUS_LABELS,
  bahtSchema,
  fileInputSchema,
  progressUpdateSchema,
  projectIdSchema,
  type FileType,
  type ProgressStatus,
  type ProgressUpdateInput,
} from '../contracts/progress.ts';
import { yearParamSchema } from '../contracts/common.ts';

/** The API's shapes live in contracts/progress.ts; re-exported for the feature's own modules. */
export {
  FILE_TYPES,
  MAX_FILES,
  MAX_FILES_PER_UPDATE,
  PROGRESS_STATUSES,
  PROGRESS_STATUS_LABELS,
  bahtSchema,
  fileInputSchema,
  progressUpdateSchema,
  projectIdSchema,
  yearParamSchema,
  type FileType,
  type ProgressStatus,
  type ProgressUpdateInput,
};

/** Each evidence file at most this many bytes (as complaint photos). */
export const MAX_FILE_BYTES = MAX_PHOTO_BYTES;

export interface FileMeta {
  n: number;
  contentType: FileType;
  size: number;
  name: string | null;
  addedAt: string;
}

/** The part of a record that changes and is shown before/after in the log. */
export interface ProgressState {
  status: ProgressStatus;
  reason: string | null;
  spentBaht: number;
  approvedBaht: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  outputs: string;
  results: string;
  files: FileMeta[];
}

export interface Actor {
  userId: string;
  displayName: string;
}

/** orgs/{orgId}/progress/{year}_{projectId}: the projection of the project's change log. */
export interface ProgressRecord extends ProgressState {
  orgId: string;
  fiscalYear: number;
  projectId: string;
  /** The plan version the project was read from when last updated. */
  planId: string;
  projectName: string;
  dimension: number;
  /** Number of the last change (progressChanges/{year}_{projectId}_{seq}). */
  seq: number;
  nextFileN: number;
  updatedAt: string;
  updatedBy: Actor;
}

/** orgs/{orgId}/progressChanges/{year}_{projectId}_{seq:6}: never changed once written (create only). */
export interface ProgressChange {
  recordId: string;
  fiscalYear: number;
  projectId: string;
  seq: number;
  at: string;
  by: Actor;
  before: ProgressState | null;
  after: ProgressState;
  /** Fields of the projection that travel with the change, so the record can be rebuilt from the log alone. */
  planId: string;
  projectName: string;
  dimension: number;
  nextFileN: number;
}

export const emptyState = (): ProgressState => ({ status: 'not_started', reason: null, spentBaht: 0, approvedBaht: null, startedOn: null, finishedOn: null, outputs: '', results: '', files: [] });

export const recordId = (year: number, projectId: string) => `${year}_${projectId}`;
