/**
 * Progress on the anti-corruption plan, kept by staff: one record per project and fiscal year (status, baht spent,
 * dates, outputs and results in words, evidence files), and an append-only change log (who, when, before/after).
 * Reports (functions/src/reports) are built from the log, so a report for a past period shows the state of that date.
 */
import { z } from 'zod';
import { MAX_PHOTO_BYTES } from '../complaints/photos.ts';
import { fiscalYearSchema } from '../plans/schema.ts';
import { parseAmount, thaiDigitsToArabic } from '../text/numbers.ts';

import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus } from './statusNames.ts';

export { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus };

/** At most this many evidence files per project and year; each at most MAX_FILE_BYTES. */
export const MAX_FILES = 10;
export const MAX_FILES_PER_UPDATE = 3;
export const MAX_FILE_BYTES = MAX_PHOTO_BYTES;
export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type FileType = (typeof FILE_TYPES)[number];


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
export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;

export const yearParamSchema = z
  .string()
  .transform(thaiDigitsToArabic)
  .pipe(z.string().regex(/^25\d\d$/, { error: 'ปีงบประมาณต้องเป็น พ.ศ. 4 หลัก เช่น 2567' }))
  .transform(Number)
  .pipe(fiscalYearSchema);

export const projectIdSchema = z.string().regex(/^d[1-4]-[a-z0-9-]{1,60}$/, { error: 'รหัสโครงการไม่ถูกต้อง' });

export interface FileMeta {
  n: number;
  contentType: FileType;
  size: number;
  name: string | null;
  addedAt: string;
}

/** The part of a record that changes and is shown before/after in the log. */
export interface ProgressState {
  status: ProgressStatus;
  reason: string | null;
  spentBaht: number;
  approvedBaht: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  outputs: string;
  results: string;
  files: FileMeta[];
}

export interface Actor {
  userId: string;
  displayName: string;
}

/** orgs/{orgId}/progress/{year}_{projectId}: the projection of the project's change log. */
export interface ProgressRecord extends ProgressState {
  orgId: string;
  fiscalYear: number;
  projectId: string;
  /** The plan version the project was read from when last updated. */
  planId: string;
  projectName: string;
  dimension: number;
  /** Number of the last change (progressChanges/{year}_{projectId}_{seq}). */
  seq: number;
  nextFileN: number;
  updatedAt: string;
  updatedBy: Actor;
}

/** orgs/{orgId}/progressChanges/{year}_{projectId}_{seq:6}: never changed once written (create only). */
export interface ProgressChange {
  recordId: string;
  fiscalYear: number;
  projectId: string;
  seq: number;
  at: string;
  by: Actor;
  before: ProgressState | null;
  after: ProgressState;
  /** Fields of the projection that travel with the change, so the record can be rebuilt from the log alone. */
  planId: string;
  projectName: string;
  dimension: number;
  nextFileN: number;
}

export const emptyState = (): ProgressState => ({ status: 'not_started', reason: null, spentBaht: 0, approvedBaht: null, startedOn: null, finishedOn: null, outputs: '', results: '', files: [] });

export const recordId = (year: number, projectId: string) => `${year}_${projectId}`;
