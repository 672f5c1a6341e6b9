/**
 * The plans API: the public plan pages (functions/src/plans/routes.ts) and the admins' review of draft versions
 * (plans/drafts/routes.ts). The routes validate with these schemas; the LIFF plan pages (liff-app/src/plans) read
 * these types with `import type`.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';

/** A stored document id in a path: letters, digits, "-" or "_". */
export const docIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,149}$/, 'letters, digits, "-" or "_"');
export const planParamsSchema = z.object({ planId: docIdSchema });
export const planProjectParamsSchema = planParamsSchema.extend({ projectId: docIdSchema });

// ---------- public plans ----------

/** GET /plans: the published versions, which one is current. */
export interface PlanList {
  currentPlanId: string | null;
  plans: Array<{ id: string; kind: 'plan' | 'report'; title: string; fiscalYears: number[]; projectCount: number; importedAt: string; current: boolean }>;
}

// ---------- draft review (admins) ----------

/** The fields a flag can name (reviewFlagSchema) are the fields a reviewer can edit or accept. */
export const reviewFieldSchema = z
  .string()
  .regex(/^(?:name|number|dimension|mission|responsibleUnit|budgets(?:\.\d{4})?)$/, 'ช่องที่แก้ได้: name, number, dimension, mission, responsibleUnit, budgets หรือ budgets.<ปี พ.ศ.>');
export type ReviewField = z.infer<typeof reviewFieldSchema>;

/** A field's value as it travels in the API and the record: text, a number, null, or budgets per year. */
export const fieldValueSchema = z.union([z.string(), z.number(), z.null(), z.record(z.string(), z.number())]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

/** POST …/edit: the value is checked against the field's own rules by the service (drafts/schema.ts parseFieldValue). */
export const editBodySchema = z.object({ field: reviewFieldSchema, value: z.unknown() }).strict();
export type EditBody = z.input<typeof editBodySchema>;
/** POST …/accept. */
export const acceptBodySchema = z.object({ field: reviewFieldSchema }).strict();
export type AcceptBody = z.input<typeof acceptBodySchema>;

/** A dimension of the draft in a path: its number, 1-4. */
export const planDimensionParamsSchema = planParamsSchema.extend({
  dimension: z.string().regex(/^[1-4]$/, 'มิติคือเลข 1-4').transform(Number),
});

/** A dimension's fields a reviewer can edit or accept: its title, or one mission's title (`missions.4.1`). */
export const dimensionFieldSchema = z
  .string()
  .regex(/^(?:title|missions\.[1-4]\.\d{1,2})$/, 'ช่องของมิติที่แก้ได้: title หรือ missions.<รหัสภารกิจ> เช่น missions.4.1');
export type DimensionField = z.infer<typeof dimensionFieldSchema>;

/** Longest dimension or mission title a reviewer may type (the template's longest wordings are under 150). */
export const DIMENSION_TITLE_MAX = 200;

/** A dimension's or a mission's title as a reviewer types it: cleaned, trimmed, never empty, at most 200 characters. */
export const dimensionTitleSchema = safeText({
  min: 1,
  max: DIMENSION_TITLE_MAX,
  notText: 'ชื่อต้องเป็นข้อความ',
  tooShort: 'ใส่ชื่อตามที่เอกสารเขียน (เว้นว่างไม่ได้)',
  tooLong: `ชื่อยาวเกิน ${DIMENSION_TITLE_MAX} ตัวอักษร`,
});

/** POST …/dimensions/:dimension/edit. */
export const dimensionEditBodySchema = z.object({ field: dimensionFieldSchema, value: dimensionTitleSchema }).strict();
export type DimensionEditBody = z.input<typeof dimensionEditBodySchema>;
/** POST …/dimensions/:dimension/accept. */
export const dimensionAcceptBodySchema = z.object({ field: dimensionFieldSchema }).strict();
export type DimensionAcceptBody = z.input<typeof dimensionAcceptBodySchema>;

export type FieldState = 'open' | 'accepted' | 'edited' | 'unflagged';

/**
 * Why the importer was unsure of a field: `reasonTh` is what staff read (Thai); `reason` the same in English, as the
 * CLI and logs print it. `reasonTh` is null on versions imported before the Thai was recorded: the review page then
 * shows `reason`, saying it is the importer's English.
 */
export interface FlagView {
  reason: string;
  reasonTh: string | null;
  line: number | null;
}

export interface FieldView {
  field: string;
  label: string;
  value: FieldValue;
  flags: FlagView[];
  state: FieldState;
  /** The last review action on the field: by whom and when. */
  last: { action: 'edit' | 'accept'; by: string; at: string } | null;
  /** The source lines the field comes from: the item's row, its flags' lines with their neighbours. */
  source: Array<{ line: number; text: string }>;
}

export interface ProjectView {
  id: string;
  number: string;
  name: string;
  dimension: number;
  openFlags: number;
  flagged: boolean;
  fields: FieldView[];
}

/**
 * One dimension of a draft: its title and its missions' titles as fields (`title`, `missions.<code>`), flagged ones
 * first. Values are the reviewed ones: the imported title, or the last edit's.
 */
export interface DimensionView {
  number: number;
  title: string;
  openFlags: number;
  flagged: boolean;
  fields: FieldView[];
}

/** GET /plans/drafts. */
export interface DraftList {
  currentPlanId: string | null;
  drafts: Array<{
    id: string;
    kind: 'plan' | 'report';
    title: string;
    fiscalYears: number[];
    importedAt: string;
    source: string;
    projectCount: number;
    flaggedProjects: number;
    openFlags: number;
  }>;
}

/** One entry of the append-only review record, as the API shows it (the reviewer's display name only). */
export interface ReviewEntryView {
  id: string;
  at: string;
  by: string;
  action: 'edit' | 'accept' | 'publish';
  projectId: string | null;
  /** The dimension whose title or mission title was edited or accepted (then `projectId` is null). */
  dimension: number | null;
  field: string | null;
  before: FieldValue;
  after: FieldValue;
}

/** GET /plans/drafts/:planId. */
export interface DraftView {
  id: string;
  title: string;
  kind: 'plan' | 'report';
  fiscalYears: number[];
  importedAt: string;
  source: { file: string; lines: number };
  /**
   * Open to review; being published (its publication is recorded, so nothing more is, and the version is being
   * written: publishing again completes it); or published.
   */
  publication: 'draft' | 'publishing' | 'published';
  publishedAt: string | null;
  projectCount: number;
  openFlags: number;
  fidelity: { agreements: number; disagreements: number; contradictions: Array<{ line: number; text: string; note: string }> };
  /** What the importer was not sure of about a dimension (its title, a mission's title), as imported. */
  dimensionFlags: Array<FlagView & { dimension: number; field: 'title' | 'missions' }>;
  /** The dimensions with their title fields to check (dimensions with unchecked flags first). */
  dimensions: DimensionView[];
  projects: ProjectView[];
  log: ReviewEntryView[];
}

/** 201 of POST …/edit and …/accept (of a project's field or a dimension's). */
export interface ReviewActionDone {
  entry: Pick<ReviewEntryView, 'id' | 'at' | 'action' | 'field' | 'before' | 'after'> & { dimension?: number };
}

/** POST …/publish. */
export interface DraftPublished {
  planId: string;
  publishedAt: string;
  previousPlanId: string | null;
}
