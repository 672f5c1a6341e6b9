import { z } from 'zod';
import { fiscalYearSchema } from '../contracts/common.ts';

/**
 * The parsed form of an anti-corruption plan (แผนปฏิบัติการป้องกันการทุจริต) or of its progress report.
 * This is the output of the importer, the `--json` form of `npm run import`, the structured form organisations
 * may type in, and what the plan store keeps. Field names are plain English; values keep the document's Thai.
 *
 * Rule of the importer: figures are copied from the document, never adjusted. Where the document's own totals do
 * not agree with its rows, `fidelity` says so with the line numbers.
 */

export const SCHEMA_VERSION = 1 as const;

/** Buddhist-era fiscal year, e.g. 2566 (the API contracts' one definition). */
export { fiscalYearSchema };

/** Budget per fiscal year in whole baht, keyed by the Buddhist-era year as a string: `{ "2566": 50000 }`. */
export const budgetsSchema = z.record(z.string().regex(/^\d{4}$/, 'year key: 4-digit Buddhist-era year'), z.number().int().min(0));
export type Budgets = z.infer<typeof budgetsSchema>;

export const dimensionNumberSchema = z.number().int().min(1).max(4);

export const missionSchema = z.object({
  /** e.g. "2.2" */
  code: z.string().regex(/^[1-4]\.\d{1,2}$/, 'mission code like "2.2"'),
  title: z.string(),
});
export type Mission = z.infer<typeof missionSchema>;

export const dimensionSchema = z.object({
  number: dimensionNumberSchema,
  /** As the document's heading writes it; "" when no heading gives it (then flagged in `review`). */
  title: z.string(),
  missions: z.array(missionSchema),
  /**
   * What the importer could not read about the dimension: its title, a mission's title (`mission`: which one; versions
   * imported before it was recorded name it only in `reason`). Absent when nothing. Staff check them before publishing.
   */
  review: z
    .array(
      z.object({
        field: z.enum(['title', 'missions']),
        mission: z.string().regex(/^[1-4]\.\d{1,2}$/).optional(),
        reason: z.string().min(1),
        /** The same in Thai, for staff (absent on versions imported before it was recorded: they show `reason`). */
        reasonTh: z.string().min(1).optional(),
        line: z.number().int().min(1).nullable(),
      }),
    )
    .optional(),
});
export type Dimension = z.infer<typeof dimensionSchema>;
export type DimensionFlag = NonNullable<Dimension['review']>[number];

/** Sections of a project's detail page (5-year template, ส่วนที่ 3). Text is normalised; lists keep the document's order. */
export const projectDetailSchema = z.object({
  /** The name as the detail section writes it. */
  name: z.string(),
  rationale: z.string(),
  objectives: z.array(z.string()),
  targetGroup: z.string(),
  method: z.array(z.string()),
  period: z.string(),
  budgetText: z.string(),
  /** The amount the detail section states, when it states one (0 for "ไม่ใช้งบประมาณ"); null when it says nothing readable. */
  budgetAmount: z.number().int().min(0).nullable(),
  responsibleUnit: z.string(),
  outputs: z.array(z.string()),
  outcomes: z.array(z.string()),
  kpis: z.array(z.string()),
  /** 1-based line of the section's name heading in the source file. */
  line: z.number().int().min(1),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

/** Columns of the 1-year template (one table per dimension). */
export const yearPlanSchema = z.object({
  unit: z.string(),
  quantity: z.string(),
  kpi: z.string(),
  outcome: z.string(),
  /** Quarters of the fiscal year (1-4) ticked in แผนการดำเนินงาน. */
  quarters: z.array(z.number().int().min(1).max(4)),
});
export type YearPlan = z.infer<typeof yearPlanSchema>;

/** A progress report's per-activity result (รายงานผล). */
export const activityResultSchema = z.object({
  steps: z.array(z.string()),
  results: z.array(z.string()),
  /** Plan project this activity was matched to by name, when a plan was given. */
  planProjectId: z.string().nullable(),
});
export type ActivityResult = z.infer<typeof activityResultSchema>;

/**
 * One field the importer is not sure of: which field ("name", "number", "dimension", "mission", "budgets.2567",
 * "responsibleUnit"), why (`reason` in English, for logs and the CLI; `reasonTh` in Thai, what staff read on the
 * review page: see parse/reasons.ts), and the source line that shows it. Fields without an entry are ones the
 * importer would bet on. Staff review these before a draft is published.
 */
export const reviewFlagSchema = z.object({
  field: z.string().regex(/^(?:name|number|dimension|mission|responsibleUnit|budgets(?:\.\d{4})?)$/, 'field like "name" or "budgets.2567"'),
  reason: z.string().min(1),
  /** Absent on versions imported before it was recorded (and in typed-in forms): the review page shows `reason`. */
  reasonTh: z.string().min(1).optional(),
  line: z.number().int().min(1).nullable(),
});
export type ReviewFlag = z.infer<typeof reviewFlagSchema>;

/** A plan version is stored as a draft for staff review, or published (served to residents). */
export const planStatusSchema = z.enum(['draft', 'published']);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const projectSchema = z.object({
  /** Stable id: `d{dimension}-{number slug}`, e.g. "d1-8" or "d1-1-1-1-2". Chat and LIFF links use it. */
  id: z.string().regex(/^d[1-4]-[a-z0-9-]+$/, 'project id like "d1-8"'),
  /** The document's own number for the item, digits Arabic: "8", "1.1.1(2)", "2.1.3". */
  number: z.string().min(1),
  /** Position in the document, 1-based, over all dimensions. */
  seq: z.number().int().min(1),
  /** Clean Thai name: markup and line-wrap spaces removed, OCR look-alikes mapped to Thai, the organisation's name as the header writes it. */
  name: z.string().min(1),
  /**
   * The name as the document writes it (markup removed, spaces collapsed), kept for audit when `name` differs from
   * it: wrap spaces removed, OCR look-alikes mapped, near-misses of the organisation's name corrected.
   */
  nameAsWritten: z.string().optional(),
  /** `name` reduced for matching: OCR noise (Lao/Khmer letters), spaces and punctuation removed. */
  nameKey: z.string(),
  dimension: dimensionNumberSchema,
  /** Mission code like "2.2", or null when the document does not place the item in one. */
  mission: z.string().nullable(),
  budgets: budgetsSchema,
  /**
   * Set when the summary table gives one set of figures for a row that lists several items: the figures are kept
   * on the first item of the row (so every sum stays the document's), the others get 0, and this says so.
   */
  budgetShared: z
    .object({ line: z.number().int().min(1), projectIds: z.array(z.string()), note: z.string() })
    .nullable(),
  responsibleUnit: z.string().nullable(),
  detail: projectDetailSchema.nullable(),
  yearPlan: yearPlanSchema.nullable(),
  activity: activityResultSchema.nullable(),
  /** 1-based line in the source of the row that lists the item (summary/year table row or report heading). */
  line: z.number().int().min(1).nullable(),
  /**
   * Fields the importer is not sure of (empty when sure). The parsers always set it; optional only so that versions
   * stored before it existed, and hand-made structured forms, still read.
   */
  review: z.array(reviewFlagSchema).optional(),
});
export type Project = z.infer<typeof projectSchema>;

/** One figure the document states about itself, with where it says it. */
export const statedTotalSchema = z.object({
  /** What is counted: "projects" or "budget" (per year), or a report figure. */
  measure: z.enum([
    'projects',
    'budget',
    'projectsDone',
    'budgetByOrdinance',
    'budgetSpent',
    'percentProjects',
    'percentBudget',
    // A report's project-status table (report.status).
    'projectsBaseline',
    'projectsInOrdinance',
    'projectsInProgress',
    'projectsNotPossible',
    'percentImplemented',
  ]),
  /** null = whole document. */
  dimension: dimensionNumberSchema.nullable(),
  mission: z.string().nullable(),
  year: fiscalYearSchema.nullable(),
  value: z.number(),
  line: z.number().int().min(1),
  text: z.string(),
});
export type StatedTotal = z.infer<typeof statedTotalSchema>;

export const fidelityCheckSchema = z.object({
  subject: z.string(),
  stated: z.number(),
  parsed: z.number(),
  agrees: z.boolean(),
  line: z.number().int().min(1),
  text: z.string(),
  /** For a disagreement: why it is the document's own (its rows and its total differ), with the lines of the rows. */
  explanation: z.string(),
});
export type FidelityCheck = z.infer<typeof fidelityCheckSchema>;

export const fidelitySchema = z.object({
  checks: z.array(fidelityCheckSchema),
  agreements: z.number().int(),
  disagreements: z.number().int(),
  /** Places where the document states two different values for the same thing, or rows that contradict a total. */
  contradictions: z.array(z.object({ line: z.number().int().min(1), text: z.string(), note: z.string() })),
  /** Summary items with no detail section, and detail sections with no summary item. */
  unlinked: z.object({
    projects: z.array(z.object({ id: z.string(), name: z.string(), line: z.number().nullable() })),
    sections: z.array(z.object({ name: z.string(), line: z.number() })),
  }),
  notes: z.array(z.string()),
});
export type Fidelity = z.infer<typeof fidelitySchema>;

export const reportDimensionRowSchema = z.object({
  dimension: dimensionNumberSchema.nullable(),
  projectsPlanned: z.number().int(),
  projectsDone: z.number().int(),
  budgetPlanned: z.number(),
  budgetByOrdinance: z.number(),
  budgetSpent: z.number(),
  percentProjects: z.number(),
  percentBudget: z.number(),
  line: z.number().int().min(1),
});
export type ReportDimensionRow = z.infer<typeof reportDimensionRowSchema>;

/**
 * A report's project-status table (สถานะโครงการ/กิจกรรม/มาตรการ), figures as printed; null where the table has no such
 * column. `unread` names what the importer saw but did not understand (a column's header, a cell that is not a
 * figure): nothing there is guessed.
 */
export const reportStatusSchema = z.object({
  /** โครงการตั้งต้น: the projects the plan started with. */
  baselineProjects: z.number().nullable(),
  /** โครงการทั้งหมด */
  totalProjects: z.number().nullable(),
  /** บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน */
  inOrdinance: z.number().nullable(),
  /** อยู่ระหว่างดำเนินการ */
  inProgress: z.number().nullable(),
  /** ดำเนินการแล้วเสร็จ */
  done: z.number().nullable(),
  /** ไม่สามารถดำเนินการได้ */
  notPossible: z.number().nullable(),
  /** ผลการนำแผนฯ ไปปฏิบัติ (ร้อยละ), as printed */
  percentImplemented: z.number().nullable(),
  /** ระดับการนำแผนไปปฏิบัติ, e.g. "มาก" */
  level: z.string().nullable(),
  /** 1-based line of the figures row. */
  line: z.number().int().min(1),
  text: z.string(),
  unread: z.array(z.string()),
});
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const reportSchema = z.object({
  /** e.g. "รอบ 6 เดือน" */
  period: z.string(),
  dimensions: z.array(reportDimensionRowSchema),
  total: reportDimensionRowSchema.nullable(),
  /** The project-status table, when the report has one (absent in versions stored before it was read). */
  status: reportStatusSchema.nullable().optional(),
});
export type Report = z.infer<typeof reportSchema>;

export const orgHeaderSchema = z.object({
  name: z.string().min(2),
  district: z.string(),
  province: z.string(),
});

export const parsedDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.enum(['plan', 'report']),
  /**
   * "draft" until staff publish it (`npm run import -- --publish` publishes at once); absent = as imported, not yet
   * decided (the parser's output).
   */
  status: planStatusSchema.optional(),
  template: z.enum(['five-year', 'one-year', 'progress-report', 'structured']),
  org: orgHeaderSchema,
  title: z.string(),
  fiscalYears: z.array(fiscalYearSchema).min(1),
  dimensions: z.array(dimensionSchema),
  projects: z.array(projectSchema),
  report: reportSchema.nullable(),
  stated: z.array(statedTotalSchema),
  fidelity: fidelitySchema,
  source: z.object({ file: z.string(), lines: z.number().int().min(0), sha256: z.string() }),
});
export type ParsedDocument = z.infer<typeof parsedDocumentSchema>;
