/**
 * The complaints feature's stored documents. The API's request schemas and response types are the contract
 * (contracts/complaints.ts); the shared tables (statuses, kinds, categories) are in contracts/tables/complaints.ts.
 */
import type { ComplainantUpdates, ComplaintKind, ContactPreference, Place, Status } from '../contracts/complaints.ts';

export type { ComplaintKind, Place, Status };

// ---------- stored documents ----------

/** A complaint as stored: the case only. Who filed it is in the reporters collection, photos in their own. */
export interface Complaint {
  id: string;
  orgId: string;
  kind: ComplaintKind;
  category: string;
  title: string;
  description: string;
  place: Place | null;
  photoCount: number;
  contactPreference: ContactPreference;
  /** What reaches the complainant in LINE (absent on cases filed before the choice existed: 'important'). */
  updates?: ComplainantUpdates;
  /** True when nobody can be told of progress in LINE (anonymous, or filed without a LINE login). */
  anonymous: boolean;
  trackingCode: string;
  /** SHA-256 of the tracking secret, when one was issued. */
  secretHash: string | null;
  status: Status;
  /** Number of the last history record (updates/{seq}). */
  seq: number;
  receivedAt: string;
  dueAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The latest note written to the complainant (for the deadline explanation). */
  lastNote: string | null;
  /** When the complainant last reopened the case ("not fixed"); absent on cases never reopened. */
  reopenedAt?: string | null;
  /** Reminders already sent, by kind (see reminders.ts). */
  reminders: { dueSoon?: string; overdue?: string };
}

export type Actor =
  | { type: 'citizen' }
  | { type: 'staff'; userId: string; displayName: string }
  | { type: 'system' };

/** One history record, never changed once written. */
export interface ComplaintUpdate {
  seq: number;
  at: string;
  from: Status | null;
  to: Status;
  note: string | null;
  reason: string | null;
  forwardedTo: string | null;
  actor: Actor;
  /** This record takes back record N (staff undo within the undo window; complaints/undo.ts). */
  undoes?: number;
}

/** Who filed a complaint and how to reach them: readable by officers (general) or integrity officers (corruption). */
export interface Reporter {
  complaintId: string;
  kind: ComplaintKind;
  /** The verified LINE user id, or null (anonymous, or no LINE login). */
  userId: string | null;
  /** Name from the verified ID token, kept only with consent. */
  lineName: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  consent: boolean;
  consentAt: string | null;
  createdAt: string;
}

