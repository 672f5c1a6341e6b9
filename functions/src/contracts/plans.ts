/**
 * The plans API: the public plan pages (functions/src/plans/routes.ts) and the admins' review of draft versions
 * (plans/drafts/routes.ts). The routes validate with these schemas; the LIFF plan pages (liff-app/src/plans) read
 * these types with `import type`.
 */
import { z } from 'zod';

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
/** POST …/accept. */
export const acceptBodySchema = z.object({ field: reviewFieldSchema }).strict();

export type FieldState = 'open' | 'accepted' | 'edited' | 'unflagged';

export interface FieldView {
  field: string;
  label: string;
  value: FieldValue;
  flags: Array<{ reason: string; line: number | null }>;
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
  publication: 'draft' | 'published';
  publishedAt: string | null;
  projectCount: number;
  openFlags: number;
  fidelity: { agreements: number; disagreements: number; contradictions: Array<{ line: number; text: string; note: string }> };
  /** What the importer could not read about a dimension (its title, a mission's title): shown, not a field to accept. */
  dimensionFlags: Array<{ dimension: number; field: 'title' | 'missions'; reason: string; line: number | null }>;
  projects: ProjectView[];
  log: ReviewEntryView[];
}

/** 201 of POST …/edit and …/accept. */
export interface ReviewActionDone {
  entry: Pick<ReviewEntryView, 'id' | 'at' | 'action' | 'field' | 'before' | 'after'>;
}

/** POST …/publish. */
export interface DraftPublished {
  planId: string;
  publishedAt: string;
  previousPlanId: string | null;
}
