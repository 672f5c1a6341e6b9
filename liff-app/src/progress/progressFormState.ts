import { normalizeDigits } from '../lib/format.ts';
import type { PreparedPhoto } from '../lib/photos.ts';
import type { ProgressStatus, ProjectProgress } from './model.ts';

/** The progress form as data (progress/progressForm.tsx draws it): the values, new photos, files to remove, errors. Pure. */
export interface ProgressFormState {
  status: ProgressStatus;
  reason: string;
  spent: string;
  approved: string;
  startedOn: string;
  finishedOn: string;
  outputs: string;
  results: string;
  photos: PreparedPhoto[];
  remove: number[];
  errors: Record<string, string | undefined>;
  formError: string | null;
  busy: boolean;
}

export type TextValue = 'reason' | 'spent' | 'approved' | 'startedOn' | 'finishedOn' | 'outputs' | 'results';

/** The form starts from the saved progress, or an empty "in progress" record. */
export function progressFormFrom(p: ProjectProgress['progress']): ProgressFormState {
  return {
    status: p?.status ?? 'in_progress',
    reason: p?.reason ?? '',
    spent: p ? String(p.spentBaht) : '0',
    approved: p?.approvedBaht != null ? String(p.approvedBaht) : '',
    startedOn: p?.startedOn ?? '',
    finishedOn: p?.finishedOn ?? '',
    outputs: p?.outputs ?? '',
    results: p?.results ?? '',
    photos: [],
    remove: [],
    errors: {},
    formError: null,
    busy: false,
  };
}

export type ProgressFormAction =
  | { type: 'status'; status: ProgressStatus }
  | { type: 'text'; field: TextValue; value: string }
  | { type: 'photos-added'; photos: PreparedPhoto[] }
  | { type: 'photos-refused'; message: string }
  | { type: 'photo-dropped'; photo: PreparedPhoto }
  | { type: 'remove-file'; n: number; remove: boolean }
  | { type: 'invalid'; errors: Record<string, string | undefined> }
  | { type: 'submit' }
  | { type: 'failed'; message: string; errors?: Record<string, string | undefined> }
  | { type: 'settled' };

export function progressFormReducer(s: ProgressFormState, a: ProgressFormAction): ProgressFormState {
  switch (a.type) {
    case 'status':
      return { ...s, status: a.status };
    case 'text':
      return { ...s, [a.field]: a.value };
    case 'photos-added':
      return { ...s, photos: [...s.photos, ...a.photos], errors: { ...s.errors, addFiles: undefined } };
    case 'photos-refused':
      return { ...s, errors: { ...s.errors, addFiles: a.message } };
    case 'photo-dropped':
      return { ...s, photos: s.photos.filter((x) => x !== a.photo) };
    case 'remove-file':
      return { ...s, remove: a.remove ? [...s.remove, a.n] : s.remove.filter((n) => n !== a.n) };
    case 'invalid':
      return { ...s, errors: a.errors, formError: null };
    case 'submit':
      return { ...s, busy: true, formError: null };
    case 'failed':
      return { ...s, busy: false, formError: a.message, ...(a.errors ? { errors: a.errors } : {}) };
    case 'settled':
      return { ...s, busy: false };
  }
}

/** The amount as the API takes it: Thai digits read, commas and spaces dropped. */
export const amountOf = (typed: string) => normalizeDigits(typed).replace(/[,\s]/g, '');

/** The form's own checks before sending (the server checks again); empty when it may be sent. */
export function progressProblems(s: ProgressFormState): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  if (s.status === 'cancelled' && !s.reason.trim()) found.reason = 'กรุณาระบุเหตุผลที่ยกเลิกหรือเลื่อนการดำเนินการ';
  if (s.status === 'done' && !s.finishedOn) found.finishedOn = 'กรุณาระบุวันที่ดำเนินการแล้วเสร็จ';
  const spent = amountOf(s.spent);
  if (spent === '' || !/^\d+(\.\d{1,2})?$/.test(spent)) found.spentBaht = 'กรุณากรอกจำนวนเงินเป็นตัวเลข เช่น 15000';
  return found;
}
