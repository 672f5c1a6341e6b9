import type { Category, ComplaintKind } from '../lib/complaints.ts';
import type { FileComplaintBody, FiledComplaint } from '../../../functions/src/contracts/complaints.ts';
import { normalizeDigits } from '../lib/format.ts';
import type { PreparedPhoto } from '../lib/photos.ts';
import type { ComplaintDraft, FieldErrors } from './complaintRules.ts';

/**
 * The complaint form's state as one reducer: what is typed (the draft), the photos, the categories, what is going on
 * (locating, preparing photos, sending) and what went wrong. Views (complaintFormSteps.tsx) only dispatch.
 */
export interface FormState {
  draft: ComplaintDraft;
  photos: PreparedPhoto[];
  categories: Category[] | null;
  categoriesError: string | null;
  photoBusy: boolean;
  locating: boolean;
  submitting: boolean;
  errors: FieldErrors;
  formError: string | null;
  /** What a screen reader hears of the last thing that happened (photos added, position found…). */
  status: string;
  created: FiledComplaint | null;
}

export type FormAction =
  | { type: 'set'; patch: Partial<ComplaintDraft> }
  | { type: 'categories'; categories: Category[] }
  | { type: 'categoriesFailed'; message: string }
  | { type: 'fromChat'; patch: Partial<ComplaintDraft>; photos: PreparedPhoto[] }
  | { type: 'photosBusy'; status: string }
  | { type: 'photosAdded'; photos: PreparedPhoto[]; status: string }
  | { type: 'photoRemoved'; index: number }
  | { type: 'locating' }
  | { type: 'located'; location: { lat: number; lng: number } }
  | { type: 'notLocated'; status: string }
  | { type: 'status'; status: string }
  | { type: 'invalid'; errors: FieldErrors; message?: string | undefined }
  | { type: 'submitting' }
  | { type: 'failed'; message: string }
  | { type: 'submitted'; created: FiledComplaint };

export function initialFormState(kind: ComplaintKind): FormState {
  return {
    draft: {
      kind,
      category: '',
      title: '',
      description: '',
      placeText: '',
      location: null,
      contact: 'line',
      phone: '',
      email: '',
      contactName: '',
      consent: false,
      anonymous: false,
      updates: 'important',
      ...restoreDraft(kind),
    },
    photos: [],
    categories: null,
    categoriesError: null,
    photoBusy: false,
    locating: false,
    submitting: false,
    errors: {},
    formError: null,
    status: '',
    created: null,
  };
}

export function formReducer(s: FormState, a: FormAction): FormState {
  switch (a.type) {
    case 'set': {
      // Typing in a field clears that field's error.
      const errors = { ...s.errors };
      for (const key of Object.keys(a.patch)) delete errors[key];
      return { ...s, draft: { ...s.draft, ...a.patch }, errors };
    }
    case 'categories':
      return { ...s, categories: a.categories.filter((c) => (c.kind ?? 'general') === s.draft.kind) };
    case 'categoriesFailed':
      return { ...s, categoriesError: a.message };
    case 'fromChat':
      return { ...s, draft: { ...s.draft, ...a.patch }, photos: a.photos };
    case 'photosBusy':
      return { ...s, photoBusy: true, status: a.status };
    case 'photosAdded':
      return { ...s, photoBusy: false, photos: [...s.photos, ...a.photos], status: a.status, errors: { ...s.errors, photos: undefined } };
    case 'photoRemoved':
      return { ...s, photos: s.photos.filter((_, i) => i !== a.index), status: `ลบรูปที่ ${a.index + 1} แล้ว` };
    case 'locating':
      return { ...s, locating: true, status: 'กำลังหาตำแหน่ง…' };
    case 'located':
      return { ...s, locating: false, draft: { ...s.draft, location: a.location }, status: 'ได้ตำแหน่งปัจจุบันแล้ว' };
    case 'notLocated':
      return { ...s, locating: false, status: a.status };
    case 'status':
      return { ...s, status: a.status };
    case 'invalid':
      return { ...s, submitting: false, errors: a.errors, formError: a.message ?? null };
    case 'submitting':
      return { ...s, submitting: true, formError: null };
    case 'failed':
      return { ...s, submitting: false, formError: a.message };
    case 'submitted':
      return { ...s, submitting: false, created: a.created };
  }
}

/** Whether this report is anonymous (only a corruption report can be). */
export const isAnonymous = (d: ComplaintDraft) => d.kind === 'corruption' && d.anonymous;

/** The request body of POST /complaints (contracts/complaints.ts) from what the form holds. */
export function complaintBody(d: ComplaintDraft, photos: PreparedPhoto[]): FileComplaintBody {
  const anonymous = isAnonymous(d);
  const placeText = d.placeText.trim();
  const place = placeText || d.location ? { ...(placeText ? { text: placeText } : {}), ...(d.location ?? {}) } : undefined;
  return {
    kind: d.kind,
    category: d.category,
    title: d.title.trim(),
    description: d.description.trim(),
    ...(place ? { place } : {}),
    photos: photos.map((p) => ({ contentType: p.contentType, data: p.data })),
    contact: anonymous
      ? { method: 'none' }
      : {
          method: d.contact,
          ...(d.contact === 'phone' ? { phone: normalizeDigits(d.phone).replace(/[^\d+]/g, '') } : {}),
          ...(d.contact === 'email' ? { email: d.email.trim() } : {}),
          ...((d.contact === 'phone' || d.contact === 'email') && d.contactName.trim() ? { name: d.contactName.trim() } : {}),
        },
    consent: anonymous ? false : d.consent,
    ...(d.kind === 'corruption' ? { anonymous } : {}),
    ...(!anonymous && d.updates === 'all' ? { updates: 'all' as const } : {}),
  };
}

// ---------- what was typed survives leaving the page by mistake (not photos, not consent): this tab only ----------

const draftKey = (kind: ComplaintKind) => `complaint-draft-${kind}`;

export function restoreDraft(kind: ComplaintKind): Partial<ComplaintDraft> {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(kind)) ?? 'null') as Partial<ComplaintDraft> | null;
    if (!saved || typeof saved !== 'object') return {};
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      category: text(saved.category),
      title: text(saved.title),
      description: text(saved.description),
      placeText: text(saved.placeText),
      phone: text(saved.phone),
      email: text(saved.email),
      contactName: text(saved.contactName),
      ...(saved.contact === 'line' || saved.contact === 'phone' || saved.contact === 'email' || saved.contact === 'none' ? { contact: saved.contact } : {}),
      anonymous: saved.anonymous === true,
      ...(saved.updates === 'all' ? { updates: 'all' as const } : {}),
    };
  } catch {
    return {};
  }
}

export function saveDraft(d: ComplaintDraft): void {
  try {
    const { kind, category, title, description, placeText, phone, email, contactName, contact, anonymous, updates } = d;
    sessionStorage.setItem(draftKey(kind), JSON.stringify({ category, title, description, placeText, phone, email, contactName, contact, anonymous, updates }));
  } catch {
    // Storage full or disabled: the draft is simply not kept.
  }
}

export function clearDraft(kind: ComplaintKind): void {
  try {
    sessionStorage.removeItem(draftKey(kind));
  } catch {
    // ignore
  }
}
