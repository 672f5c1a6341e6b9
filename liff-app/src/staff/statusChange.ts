import type { Status } from '../lib/complaints.ts';

/**
 * The staff detail's status form as data (staff/statusForm.tsx draws it): the chosen status, its note, reason and
 * forwarding target, field errors, the last outcome and the undo window of the change just made. Pure.
 */
export interface StatusChangeState {
  to: Status | '';
  note: string;
  reason: string;
  forwardedTo: string;
  errors: Record<string, string | undefined>;
  formError: string | null;
  busy: boolean;
  done: string | null;
  undo: { seq: number; until: string } | null;
}

export const initialStatusChange: StatusChangeState = {
  to: '',
  note: '',
  reason: '',
  forwardedTo: '',
  errors: {},
  formError: null,
  busy: false,
  done: null,
  undo: null,
};

export type StatusChangeAction =
  | { type: 'choose'; to: Status }
  | { type: 'field'; field: 'note' | 'reason' | 'forwardedTo'; value: string }
  | { type: 'invalid'; errors: Record<string, string | undefined> }
  | { type: 'submit' }
  | { type: 'saved'; done: string; undo: StatusChangeState['undo'] }
  | { type: 'failed'; message: string; errors?: Record<string, string | undefined> }
  | { type: 'undo-start' }
  | { type: 'undone'; done: string }
  | { type: 'undo-failed'; message: string };

export function statusChangeReducer(s: StatusChangeState, a: StatusChangeAction): StatusChangeState {
  switch (a.type) {
    case 'choose':
      return { ...s, to: a.to, errors: {} };
    case 'field':
      return { ...s, [a.field]: a.value };
    case 'invalid':
      return { ...s, errors: a.errors, formError: null, done: null };
    case 'submit':
      return { ...s, busy: true, formError: null, done: null };
    case 'saved':
      // The form empties for the next change; the outcome and its undo button stay.
      return { ...initialStatusChange, done: a.done, undo: a.undo };
    case 'failed':
      return { ...s, busy: false, formError: a.message, ...(a.errors ? { errors: a.errors } : {}) };
    case 'undo-start':
      return { ...s, busy: true };
    case 'undone':
      return { ...s, busy: false, done: a.done, undo: null };
    case 'undo-failed':
      return { ...s, busy: false, formError: a.message, undo: null };
  }
}

/** What each move needs, as the server's workflow table (functions/src/complaints/workflow.ts) says. */
export const needsNote = (from: Status, to: Status) => to === 'resolved' || (from === 'in_progress' && to === 'in_progress');
export const needsReason = (to: Status) => to === 'rejected' || to === 'forwarded';

/** The form's own checks before sending (the server checks again); empty when it may be sent. */
export function statusChangeProblems(from: Status, s: StatusChangeState): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  const { to } = s;
  if (!to) found.to = 'กรุณาเลือกสถานะใหม่';
  if (to === 'forwarded' && !s.forwardedTo.trim()) found.forwardedTo = 'กรุณาระบุหน่วยงานที่ส่งต่อ';
  if (to && needsReason(to) && !s.reason.trim()) found.reason = to === 'forwarded' ? 'กรุณาระบุเหตุผลที่ส่งต่อ' : 'กรุณาระบุเหตุผลที่ไม่รับพิจารณา';
  if (to && needsNote(from, to) && !s.note.trim()) found.note = to === 'resolved' ? 'กรุณาเขียนว่าแก้ไขอะไรไปแล้ว ผู้แจ้งจะได้รับข้อความนี้' : 'กรุณาเขียนความคืบหน้าถึงผู้แจ้ง';
  if ([...s.note].length > 1000) found.note = 'ข้อความยาวเกิน 1,000 ตัวอักษร';
  return found;
}
