/**
 * The satisfaction rating model: what is stored, and the default settings; the survey's items, scale, requests and
 * answers are the API contract (contracts/ratings.ts), re-exported here. Pure: no I/O.
 */
import type { AgeGroup, RatingSettings, Scores, Source } from '../contracts/ratings.ts';

/** The API's shapes live in contracts/ratings.ts; re-exported for the feature's own modules. */
export * from '../contracts/ratings.ts';

/** A stored rating. Append-only: written once with create(), never updated. No LINE user id, no comment text. */
export interface Rating {
  id: string;
  orgId: string;
  serviceId: string;
  serviceTitle: string;
  source: Source;
  ticketId: string | null;
  complaintId: string | null;
  /**
   * The kind of the rated complaint. A corruption case's rating follows the case's access rule: its comment is kept in
   * `corruptionRatingComments` (integrity officers only, through the case), and its alerts go to integrity officers.
   */
  caseKind?: 'general' | 'corruption' | null;
  scores: Scores;
  ageGroup: AgeGroup | null;
  hasComment: boolean;
  /** Pseudonymous rater: sha-256 of organisation + LINE user id (docs/ratings.md, privacy). */
  raterHash: string;
  createdAt: string;
  /** Bangkok calendar date, month and ISO week of createdAt. */
  day: string;
  month: string;
  week: string;
}

export const DEFAULT_SETTINGS: RatingSettings = { targetPercent: 80, targetBasis: 'mean', targetSource: '', origin: 'default', updatedAt: null };
