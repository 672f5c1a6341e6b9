/**
 * What each audience may see of a complaint. Every API answer is built by one of these projections, never by returning
 * stored documents, so adding a stored field cannot leak it.
 */
import type { ConcealedReporter, MineItem, OwnerComplaintView, PublicComplaintView, ReporterBlock, ReporterView, StaffComplaintDetail, StaffInboxItem } from '../contracts/complaints.ts';
import type { DeliveryState } from '../contracts/quota.ts';
import type { Complaint, ComplaintUpdate, Reporter } from './schema.ts';
import { allowedTransitions, daysSince, isOpen, isOverdue, STATUS_LABELS, transitionRule, windowEndFor, type Status } from './workflow.ts';

const statusOf = (s: Status) => ({ status: s, statusLabel: STATUS_LABELS[s] });

function timing(c: Complaint, now: Date) {
  return {
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    finishedAt: c.finishedAt,
    overdue: isOverdue(c, now),
    daysElapsed: daysSince(new Date(c.receivedAt), now),
  };
}

/** Anyone with the tracking code of a general complaint: status and dates, no content, no notes, no names. */
/** The history as the complainant sees it: changes staff took back (complaints/undo.ts), and the undo records, left out. */
export function effectiveHistory(history: ComplaintUpdate[]): ComplaintUpdate[] {
  const undone = new Set(history.flatMap((u) => (u.undoes ? [u.undoes] : [])));
  return history.filter((u) => !u.undoes && !undone.has(u.seq));
}

export function publicView(c: Complaint, categoryTitle: string, history: ComplaintUpdate[], now: Date): PublicComplaintView {
  return {
    trackingCode: c.trackingCode,
    kind: c.kind,
    category: c.category,
    categoryTitle,
    ...statusOf(c.status),
    ...timing(c, now),
    access: 'public' as const,
    history: effectiveHistory(history).map((u) => ({ seq: u.seq, ...statusOf(u.to), at: u.at, ...(u.to === 'forwarded' ? { forwardedTo: u.forwardedTo } : {}) })),
  };
}

/**
 * Until when the complainant may still say "not fixed" (the citizen move out of the current state in the workflow
 * table), or null when they cannot (not resolved, or the window has passed).
 */
export function reopenUntil(c: Complaint, now: Date): string | null {
  const rule = transitionRule(c.status, 'in_progress', 'citizen');
  if (!rule || !c.finishedAt) return null;
  const end = windowEndFor(rule, c.finishedAt);
  return end && now.getTime() <= end.getTime() ? end.toISOString() : null;
}

/** The complainant (verified owner, or holder of the secret): also the content and the notes addressed to them. */
export function ownerView(c: Complaint, categoryTitle: string, history: ComplaintUpdate[], now: Date, undelivered: ReadonlyMap<number, DeliveryState> = new Map()): OwnerComplaintView {
  return {
    ...publicView(c, categoryTitle, [], now),
    id: c.id,
    access: 'owner' as const,
    title: c.title,
    description: c.description,
    place: c.place,
    photoCount: c.photoCount,
    anonymous: c.anonymous,
    reopenUntil: reopenUntil(c, now),
    history: effectiveHistory(history).map((u) => ({
      seq: u.seq,
      ...statusOf(u.to),
      at: u.at,
      note: u.note,
      reason: u.reason,
      forwardedTo: u.forwardedTo,
      by: u.actor.type === 'staff' ? 'เจ้าหน้าที่' : u.actor.type === 'citizen' ? 'ผู้แจ้ง' : 'ระบบ',
      ...notDeliveredOf(undelivered, u.seq),
    })),
  };
}

const notDeliveredOf = (undelivered: ReadonlyMap<number, DeliveryState>, seq: number) => {
  const d = undelivered.get(seq);
  return d ? { notDelivered: d } : {};
};

/** A line of "my complaints". */
export function mineItem(c: Complaint, categoryTitle: string, now: Date): MineItem {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    kind: c.kind,
    category: c.category,
    categoryTitle,
    title: c.title,
    ...statusOf(c.status),
    ...timing(c, now),
    updatedAt: c.updatedAt,
  };
}

/** A line of the staff inbox (staff entitled to the complaint's kind only). */
export function staffItem(c: Complaint, categoryTitle: string, now: Date): StaffInboxItem {
  return {
    ...mineItem(c, categoryTitle, now),
    place: c.place,
    photoCount: c.photoCount,
    anonymous: c.anonymous,
    // The complainant said "not fixed" and the case is open again: marked, sorted first, filterable.
    reopened: isOpen(c.status) && !!c.reopenedAt,
    reopenedAt: isOpen(c.status) ? (c.reopenedAt ?? null) : null,
  };
}

/**
 * The reporter block. Built only for staff entitled to the kind (officers for general, integrity officers for
 * corruption). The LINE user id is never shown: staff reach people by the contact they chose.
 */
export function reporterView(c: Complaint, r: Reporter | null): ReporterView {
  if (!r || c.anonymous) return { anonymous: true as const, viaLine: false, name: null, phone: null, email: null, lineName: null, contactPreference: c.contactPreference };
  return { anonymous: false as const, viaLine: r.userId !== null, name: r.name, phone: r.phone, email: r.email, lineName: r.lineName, contactPreference: c.contactPreference };
}

/**
 * A corruption case's reporter block in the details: only whether they stayed anonymous. Who they are is a separate,
 * logged request (complaints/reveal.ts), so every look at a reporter leaves a trace in the audit log.
 */
export function concealedReporter(c: Complaint): ConcealedReporter {
  return { concealed: true as const, anonymous: c.anonymous, contactPreference: c.contactPreference };
}

export function staffDetail(c: Complaint, categoryTitle: string, history: ComplaintUpdate[], reporter: ReporterBlock, now: Date, photoUrl: (n: number) => string): Omit<StaffComplaintDetail, 'rating'> {
  return {
    ...staffItem(c, categoryTitle, now),
    description: c.description,
    contactPreference: c.contactPreference,
    photos: Array.from({ length: c.photoCount }, (_, i) => ({ n: i + 1, url: photoUrl(i + 1) })),
    allowedTransitions: allowedTransitions(c.status, 'staff'),
    history: history.map((u) => ({
      seq: u.seq,
      from: u.from,
      ...statusOf(u.to),
      at: u.at,
      note: u.note,
      reason: u.reason,
      forwardedTo: u.forwardedTo,
      by: u.actor.type === 'staff' ? { type: 'staff' as const, displayName: u.actor.displayName } : { type: u.actor.type },
      // Staff see what was taken back: the undo record names the record it took back; that record is marked.
      ...(u.undoes ? { undoes: u.undoes } : {}),
      undone: history.some((x) => x.undoes === u.seq),
    })),
    reporter,
  };
}
