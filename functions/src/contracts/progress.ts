/**
 * The plan-progress API (functions/src/progress/routes.ts, docs/reports.md): what it takes and what it answers. The
 * routes validate with these schemas; the LIFF pages (liff-app/src/progress) read these types with `import type`.
 */
import { z } from 'zod';
import { parseAmount, thaiDigitsToArabic } from '../text/numbers.ts';
import { yearParamSchema } from './common.ts';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus } from './tables/progressStatuses.ts';

export { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus };

/** At most this many evidence files per project and year; at most this many added in one update. */
export const MAX_FILES = 10;
export const MAX_FILES_PER_UPDATE = 3;
export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type FileType = (typeof FILE_TYPES)[number];

// ---------- requests ----------

/** Baht as a number or as text ("15,000", "๑๕,๐๐๐.๕๐ บาท"): non-negative, at most two decimals. */
export const bahtSchema = z
  .union([z.number(), z.string()], { error: 'จำนวนเงินต้องเป็นตัวเลข' })
  .transform((v, ctx) => {
    const n = typeof v === 'number' ? v : parseAmount(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'กรุณากรอกจำนวนเงิน (บาท)' });
      return z.NEVER;
    }
    if (!Number.isFinite(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: 'จำนวนเงินต้องเป็นตัวเลขไม่ติดลบ' });
      return z.NEVER;
    }
    if (n > 10_000_000_000 || Math.round(n * 100) !== Math.round(n * 100 * 1e6) / 1e6) {
      ctx.addIssue({ code: 'custom', message: 'จำนวนเงินไม่ถูกต้อง (ทศนิยมไม่เกิน 2 ตำแหน่ง)' });
      return z.NEVER;
    }
    return Math.round(n * 100) / 100;
  });

const dateSchema = z
  .string({ error: 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)' })
  .transform(thaiDigitsToArabic)
  .pipe(z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)' }));

const text = (max: number, what: string) =>
  z.string({ error: `${what}ต้องเป็นข้อความ` }).trim().max(max, { error: `${what}ยาวเกิน ${max} ตัวอักษร` });

/** A file as a data URL, or `{ contentType, data, name? }` with bare base64. */
export const fileInputSchema = z.union(
  [
    z.string().max(600_000, { error: 'ไฟล์ใหญ่เกินไป (ไม่เกิน 300 KB ต่อไฟล์)' }).transform((dataUrl) => ({ dataUrl, name: null as string | null })),
    z
      .object({ contentType: z.string().max(60), data: z.string().max(600_000, { error: 'ไฟล์ใหญ่เกินไป (ไม่เกิน 300 KB ต่อไฟล์)' }), name: z.string().trim().max(120).optional() })
      .strict()
      .transform((f) => ({ dataUrl: `data:${f.contentType};base64,${f.data}`, name: f.name ?? null })),
  ],
  { error: 'ไฟล์ต้องเป็น data URL หรือ { contentType, data, name }' },
);

/** The body of PUT …/staff/progress/:year/:projectId: the whole new state (files are added and removed by number). */
export const progressUpdateSchema = z
  .object(
    {
      status: z.enum(PROGRESS_STATUSES, { error: 'สถานะต้องเป็น not_started, in_progress, done หรือ cancelled' }),
      reason: text(1000, 'เหตุผล').optional(),
      spentBaht: bahtSchema.default(0),
      /** The amount the local budget ordinance (ข้อบัญญัติ/เทศบัญญัติ) allots, when staff know it; null: not recorded. */
      approvedBaht: bahtSchema.nullable().default(null),
      startedOn: dateSchema.nullable().optional(),
      finishedOn: dateSchema.nullable().optional(),
      outputs: text(2000, 'ผลผลิต').default(''),
      results: text(4000, 'ผลการดำเนินการ').default(''),
      addFiles: z.array(fileInputSchema, { error: 'addFiles ต้องเป็นรายการ' }).max(MAX_FILES_PER_UPDATE, { error: `แนบได้ครั้งละไม่เกิน ${MAX_FILES_PER_UPDATE} ไฟล์` }).default([]),
      removeFiles: z.array(z.number().int().min(1).max(1000), { error: 'removeFiles ต้องเป็นรายการเลขไฟล์' }).max(MAX_FILES).default([]),
      /** The `seq` the editor saw (0 for a project without progress yet): a stale edit is refused, never lost. */
      expectedSeq: z.number({ error: 'กรุณาส่ง expectedSeq (ลำดับการแก้ไขที่เห็นอยู่)' }).int().min(0),
    },
    { error: 'ข้อมูลต้องเป็น JSON object' },
  )
  .strict()
  .superRefine((b, ctx) => {
    if (b.status === 'cancelled' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'กรุณาระบุเหตุผลที่ยกเลิกหรือเลื่อนการดำเนินการ' });
    if (b.status === 'done' && !b.finishedOn) ctx.addIssue({ code: 'custom', path: ['finishedOn'], message: 'กรุณาระบุวันที่ดำเนินการแล้วเสร็จ' });
    if (b.status === 'not_started' && b.spentBaht > 0) ctx.addIssue({ code: 'custom', path: ['spentBaht'], message: 'โครงการที่ยังไม่ได้ดำเนินการไม่ควรมีการใช้จ่ายงบประมาณ' });
    if (b.startedOn && b.finishedOn && b.finishedOn < b.startedOn) ctx.addIssue({ code: 'custom', path: ['finishedOn'], message: 'วันที่แล้วเสร็จต้องไม่ก่อนวันที่เริ่ม' });
  });
/** What the LIFF form sends (before defaults and Thai digits are applied). */
export type ProgressUpdateBody = z.input<typeof progressUpdateSchema>;
export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;

export const projectIdSchema = z.string().regex(/^d[1-4]-[a-z0-9-]{1,60}$/, { error: 'รหัสโครงการไม่ถูกต้อง' });

/** Query of GET /progress and GET /staff/progress. */
export const progressListQuerySchema = z
  .object({
    year: yearParamSchema.optional(),
    half: z.enum(['1', '2', 'all'], { error: 'half ต้องเป็น 1 (ต.ค.-มี.ค.), 2 (เม.ย.-ก.ย.) หรือ all' }).optional(),
  })
  .strict();
export const projectParamsSchema = z.object({ orgId: z.string(), year: yearParamSchema, projectId: projectIdSchema });
export const fileParamsSchema = projectParamsSchema.extend({ n: z.coerce.number({ error: 'ลำดับไฟล์ไม่ถูกต้อง' }).int().min(1).max(1000) });

// ---------- answers ----------

/** A project of the plan in one fiscal year. */
export interface YearProject {
  id: string;
  number: string;
  name: string;
  dimension: number;
  mission: string | null;
  /** The plan's budget for the year in baht, null when the plan states none for it. */
  budgetBaht: number | null;
  responsibleUnit: string | null;
  /** Quarters (1-4) of the fiscal year the plan schedules, null when it does not say. */
  quarters: number[] | null;
  /** Source line of the project in the plan document. */
  line: number | null;
}

/** What anyone may see of a project's progress: no editor, no file names. */
export interface ProgressView {
  status: ProgressStatus;
  statusLabel: string;
  reason: string | null;
  spentBaht: number;
  approvedBaht: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  outputs: string;
  results: string;
  fileCount: number;
  updatedAt: string;
}

export interface ProgressFileView {
  n: number;
  contentType: FileType;
  size: number;
  name: string | null;
  addedAt: string;
  url: string;
}

/** What officers see: also the files and who changed it last (display name only, never a LINE id). */
export interface StaffProgressView extends ProgressView {
  seq: number;
  files: ProgressFileView[];
  updatedBy: string;
}

/** GET /progress: the plan's projects of a year (optionally one half), each with its progress or null. */
export interface ProgressList {
  fiscalYear: number;
  half: 1 | 2 | null;
  plan: { id: string; title: string };
  projects: Array<YearProject & { progress: ProgressView | null }>;
}

/** GET /staff/progress: the list, and which fiscal year and half it is today. */
export interface StaffProgressList extends ProgressList {
  current: { year: number; half: 1 | 2 };
}

/** A state in the change history: the files by number. */
export interface ProgressStateView {
  status: ProgressStatus;
  statusLabel: string;
  reason: string | null;
  spentBaht: number;
  approvedBaht: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  outputs: string;
  results: string;
  files: number[];
}

/** GET and PUT /staff/progress/:year/:projectId. */
export interface ProjectProgress {
  fiscalYear: number;
  project: YearProject;
  progress: StaffProgressView | null;
  seq: number;
  history: Array<{ seq: number; at: string; by: string; before: ProgressStateView | null; after: ProgressStateView }>;
}
