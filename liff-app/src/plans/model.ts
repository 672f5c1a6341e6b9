/**
 * What the plan-review API answers, as the LIFF plan pages read it: the API's own contract
 * (functions/src/contracts/plans.ts, imported as types only). Components import from here instead of declaring the shapes.
 */
import type {
  AcceptBody,
  DimensionAcceptBody,
  DimensionEditBody,
  DimensionView,
  DraftList,
  DraftView,
  EditBody,
  FieldValue,
  FieldView,
  ProjectView,
  ReviewEntryView,
} from '../../../functions/src/contracts/plans.ts';

export type { AcceptBody, DimensionAcceptBody, DimensionEditBody, DimensionView, DraftList, DraftView, EditBody, FieldValue, FieldView, ProjectView, ReviewEntryView };
/** One draft of GET /plans/drafts. */
export type DraftSummary = DraftList['drafts'][number];
