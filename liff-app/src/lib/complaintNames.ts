/** The complaint names, types and small rules the LIFF pages share (from the server's contract: functions/src/contracts). */
import { ANSWER_DAYS, FINISHED_STATUSES, REOPENED_NAME, STATUS_NAMES, STATUSES, type ComplaintKind, type Status } from '../../../functions/src/contracts/tables/complaints.ts';
import type {
  CategoryItem,
  OwnerComplaintView,
  OwnerHistoryEntry,
  PublicComplaintView,
  PublicHistoryEntry,
  StaffHistoryEntry,
  StaffInboxItem,
} from '../../../functions/src/contracts/complaints.ts';

export { REOPENED_NAME };
export type { ComplaintKind, Status };
/** A category as GET /complaints/categories lists it. */
export type Category = CategoryItem;

/**
 * One history record as any of the API's views gives it (public, owner, staff: contracts/complaints.ts); the fields a
 * view leaves out are absent.
 */
export type HistoryEntry = Partial<Omit<PublicHistoryEntry & OwnerHistoryEntry & StaffHistoryEntry, 'by'>> & {
  at: string;
  by?: OwnerHistoryEntry['by'] | StaffHistoryEntry['by'] | null;
};

/**
 * A complaint as the citizen and inbox views give it (tracking: public or owner; my complaints; the staff inbox), with
 * what a page may look at: the contract's types, every field but the code, kind and status optional.
 */
export type ComplaintView = Pick<PublicComplaintView, 'trackingCode' | 'kind' | 'status'> &
  Partial<Omit<OwnerComplaintView, 'history' | 'access'> & StaffInboxItem> & {
    access?: PublicComplaintView['access'] | OwnerComplaintView['access'];
    history?: HistoryEntry[];
  };

/** The one table of status names, shared with the server's LINE messages and staff cards. */
export const STATUS_LABELS: Record<Status, string> = STATUS_NAMES;

export const STATUS_ORDER: readonly Status[] = STATUSES;
export const FINAL: readonly Status[] = FINISHED_STATUSES;
export const statusLabel = (s: string) => STATUS_LABELS[s as Status] ?? s;

export const KIND_LABELS: Record<ComplaintKind, string> = { general: 'เรื่องร้องเรียนทั่วไป', corruption: 'แจ้งเบาะแสการทุจริต' };

/** Days a complaint should take at most (the 15-day rule). */
export const DUE_DAYS = ANSWER_DAYS;

export const receivedAtOf = (c: ComplaintView) => c.receivedAt ?? c.history?.[0]?.at;
export const entryStatus = (e: HistoryEntry) => e.status;

