/**
 * Reviewing a draft plan version: which fields staff may edit, the values each takes, and the append-only review
 * record (every edit, acceptance and the publication: who, when, before and after).
 */
import { z } from 'zod';
import { ValidationError } from '../../errors.ts';
import { fieldIssues } from '../../http/validate.ts';
import { safeText } from '../../text/clean.ts';
import { parseAmount, thaiDigitsToArabic } from '../../text/numbers.ts';
import { fieldValueSchema, type FieldValue, type ReviewField } from '../../contracts/plans.ts';

/** Whole baht, Arabic or Thai digits, commas allowed ("50,000", "๕๐๐๐๐", "50,000 บาท"); an empty text is 0 as before. */
const baht = z.preprocess(
  (v) => (typeof v === 'string' ? (parseAmount(v) ?? 0) : v),
  z.number({ error: 'ใส่จำนวนเงินเป็นตัวเลข (บาท)' }).int('ใส่จำนวนเงินเต็มบาท').min(0, 'จำนวนเงินต้องไม่ติดลบ').max(100_000_000_000, 'จำนวนเงินมากเกินไป'),
);
const optionalText = (max: number, label: string) =>
  z.union([z.null(), safeText({ max, notText: `${label}ต้องเป็นข้อความ`, tooLong: `${label}ยาวเกิน ${max} ตัวอักษร` })]).transform((v) => (v && v.trim() ? v.trim() : null));

const valueSchemas = {
  name: safeText({ min: 2, max: 300, notText: 'ชื่อต้องเป็นข้อความ', tooShort: 'ชื่อโครงการสั้นเกินไป', tooLong: 'ชื่อโครงการยาวเกิน 300 ตัวอักษร' }),
  number: safeText({ min: 1, max: 30, notText: 'ลำดับต้องเป็นข้อความ', tooShort: 'ใส่ลำดับของโครงการ', tooLong: 'ลำดับยาวเกิน 30 ตัวอักษร' }).transform(thaiDigitsToArabic),
  dimension: z.preprocess((v) => (typeof v === 'string' ? Number(thaiDigitsToArabic(v)) : v), z.number({ error: 'มิติคือเลข 1-4' }).int('มิติคือเลข 1-4').min(1, 'มิติคือเลข 1-4').max(4, 'มิติคือเลข 1-4')),
  mission: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : thaiDigitsToArabic(v.trim())) : v),
    z.union([z.null(), z.string().regex(/^[1-4]\.\d{1,2}$/, 'ภารกิจเขียนแบบ 2.2 (หรือเว้นว่าง)')]),
  ),
  responsibleUnit: optionalText(200, 'หน่วยงานที่รับผิดชอบ'),
  budget: baht,
};

/**
 * The value a reviewer typed for `field`, checked and normalised, or a ValidationError whose issues sit at `value`
 * (`value.2567` for one year of `budgets`). `years` are the plan's fiscal years: budgets are kept for those only.
 */
export function parseFieldValue(field: ReviewField, raw: unknown, years: number[]): FieldValue {
  const fail = (error: z.ZodError): never => {
    throw new ValidationError(fieldIssues(error).map((i) => ({ ...i, path: i.path ? `value.${i.path}` : 'value' })));
  };
  if (field === 'budgets') {
    const keys = years.map(String);
    const schema = z.object(Object.fromEntries(keys.map((y) => [y, valueSchemas.budget]))).strict();
    const r = schema.safeParse(raw);
    return r.success ? (r.data as Record<string, number>) : fail(r.error);
  }
  if (field.startsWith('budgets.')) {
    const year = field.slice('budgets.'.length);
    if (!years.map(String).includes(year)) throw new ValidationError([{ path: 'field', message: `แผนนี้ไม่มีปีงบประมาณ ${year}` }]);
    const r = valueSchemas.budget.safeParse(raw);
    return r.success ? r.data : fail(r.error);
  }
  const schema = field === 'name' || field === 'number' || field === 'dimension' || field === 'mission' || field === 'responsibleUnit' ? valueSchemas[field] : undefined;
  if (!schema) throw new ValidationError([{ path: 'field', message: `ช่อง ${field} แก้ไม่ได้` }]);
  const r = schema.safeParse(raw);
  return r.success ? (r.data as FieldValue) : fail(r.error);
}

export const reviewActorSchema = z.object({ userId: z.string(), displayName: z.string() });

/** One entry of `plans/{planId}/reviewLog`: created once, never changed or deleted. */
export const reviewEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  by: reviewActorSchema,
  action: z.enum(['edit', 'accept', 'publish']),
  projectId: z.string().nullable(),
  /** Set on an edit or acceptance of a dimension's title or a mission's title (`field` title | missions.<code>). */
  dimension: z.number().int().min(1).max(4).optional(),
  field: z.string().nullable(),
  /** The value before and after (the same for an acceptance); for a publication the previous and new current plan ids. */
  before: fieldValueSchema,
  after: fieldValueSchema,
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;
export type ReviewActor = z.infer<typeof reviewActorSchema>;
