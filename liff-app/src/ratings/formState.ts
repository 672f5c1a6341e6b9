import type { ItemId, RatingCreated } from './model.ts';

/**
 * The rating form as data (ratings/form.tsx draws it): the service picked, the five scores, the optional part, field
 * and general errors, and how it ended (thanked or refused). Pure.
 */
export type Errors = Partial<Record<string, string>>;

export interface RatingFormState {
  serviceId: string;
  scores: Partial<Record<ItemId, number>>;
  comment: string;
  ageGroup: string;
  errors: Errors;
  formErrors: string[];
  refused: { status: number; message: string } | null;
  busy: boolean;
  created: RatingCreated | null;
  /** The "comment / age group" disclosure; opens by itself when one of them has an error. */
  moreOpen: boolean;
}

export const initialRatingForm = (serviceId: string): RatingFormState => ({
  serviceId,
  scores: {},
  comment: '',
  ageGroup: '',
  errors: {},
  formErrors: [],
  refused: null,
  busy: false,
  created: null,
  moreOpen: false,
});

export type RatingFormAction =
  | { type: 'service'; serviceId: string }
  | { type: 'score'; item: ItemId; value: number }
  | { type: 'comment'; value: string }
  | { type: 'age-group'; value: string }
  | { type: 'more'; open: boolean }
  | { type: 'show-errors'; errors: Errors; general: string[] }
  | { type: 'submit' }
  | { type: 'created'; created: RatingCreated }
  | { type: 'refused'; status: number; message: string }
  | { type: 'settled' };

export function ratingFormReducer(s: RatingFormState, a: RatingFormAction): RatingFormState {
  switch (a.type) {
    case 'service':
      return { ...s, serviceId: a.serviceId, errors: { ...s.errors, serviceId: undefined } };
    case 'score':
      return { ...s, scores: { ...s.scores, [a.item]: a.value }, errors: { ...s.errors, [`score-${a.item}`]: undefined } };
    case 'comment':
      return { ...s, comment: a.value, ...(s.errors.comment ? { errors: { ...s.errors, comment: undefined } } : {}) };
    case 'age-group':
      return { ...s, ageGroup: a.value };
    case 'more':
      return { ...s, moreOpen: a.open };
    case 'show-errors':
      return { ...s, busy: false, errors: a.errors, formErrors: a.general, moreOpen: s.moreOpen || !!(a.errors.comment || a.errors.ageGroup) };
    case 'submit':
      return { ...s, busy: true, errors: {}, formErrors: [] };
    case 'created':
      return { ...s, busy: false, created: a.created };
    case 'refused':
      return { ...s, busy: false, refused: { status: a.status, message: a.message } };
    case 'settled':
      return { ...s, busy: false };
  }
}
