/**
 * Structured forms for organisations that type their plan in:
 * - JSON in the output schema (`ParsedDocument`, as `npm run import -- --json` writes it);
 * - CSV of the summary table, one row per project (columns in docs/importing.md):
 *   org_name, org_district, org_province, dimension, mission, number, name, responsible_unit, budget_<year>…
 * Both are validated with zod; errors name the row and column.
 */
import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { z } from 'zod';
import { safeText } from '../text/clean.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { checkFidelity } from './fidelity.ts';
import { cleanName, matchKey, thaiDigitsToArabic } from './normalize.ts';
import { projectIdFactory } from './parse/common.ts';
import { parsePlanDocument } from './parse/index.ts';
import { parsedDocumentSchema, SCHEMA_VERSION, type ParsedDocument, type Project } from './schema.ts';

const issuesOf = (error: z.ZodError, prefix = ''): FieldIssue[] =>
  error.issues.map((i) => ({ path: `${prefix}${i.path.join('.')}` || prefix || '(root)', message: i.message }));

/** Reads the JSON form. Throws ValidationError listing every wrong field. */
export function documentFromJson(text: string): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ValidationError([{ path: '(json)', message: `not valid JSON: ${(err as Error).message}` }]);
  }
  const result = parsedDocumentSchema.safeParse(data);
  if (!result.success) throw new ValidationError(issuesOf(result.error));
  const ids = new Set<string>();
  for (const [i, p] of result.data.projects.entries()) {
    if (ids.has(p.id)) throw new ValidationError([{ path: `projects.${i}.id`, message: `duplicate project id ${p.id}` }]);
    ids.add(p.id);
  }
  return result.data;
}

export function documentToJson(doc: ParsedDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const CSV_FIXED_COLUMNS = ['org_name', 'org_district', 'org_province', 'dimension', 'mission', 'number', 'name', 'responsible_unit'] as const;

/** The summary table as CSV: one row per project, one budget_<year> column per fiscal year (empty = not stated). */
export function documentToCsv(doc: ParsedDocument): string {
  const years = doc.fiscalYears.map(String);
  const rows = doc.projects.map((p) => [
    doc.org.name,
    doc.org.district,
    doc.org.province,
    String(p.dimension),
    p.mission ?? '',
    p.number,
    p.name,
    p.responsibleUnit ?? '',
    ...years.map((y) => (p.budgets[y] === undefined ? '' : String(p.budgets[y]))),
  ]);
  return stringifyCsv([[...CSV_FIXED_COLUMNS, ...years.map((y) => `budget_${y}`)], ...rows]);
}

const budgetCell = z
  .string()
  .transform((s) => thaiDigitsToArabic(s).replace(/[,\s]/g, ''))
  .refine((s) => s === '' || s === '-' || /^\d+$/.test(s), 'budget: whole baht (digits), "-" or empty')
  .transform((s) => (s === '' ? undefined : s === '-' ? 0 : Number(s)));

const csvRowSchema = z.object({
  org_name: safeText({ min: 2, max: 200, tooShort: 'org_name: the organisation name', tooLong: 'org_name: at most 200 characters' }),
  org_district: safeText({ max: 100 }).default(''),
  org_province: safeText({ max: 100 }).default(''),
  dimension: z.string().transform((s) => Number(thaiDigitsToArabic(s).trim())).pipe(z.number().int().min(1, 'dimension: 1-4').max(4, 'dimension: 1-4')),
  mission: z
    .string()
    .transform((s) => thaiDigitsToArabic(s).trim())
    .refine((s) => s === '' || /^[1-4]\.\d{1,2}$/.test(s), 'mission: like "2.2" or empty'),
  number: z.string().transform((s) => thaiDigitsToArabic(s).trim()).pipe(z.string().min(1, 'number: required')),
  name: safeText({ min: 2, max: 1000, tooShort: 'name: required', tooLong: 'name: at most 1000 characters' }),
  responsible_unit: safeText({ max: 300 }).default(''),
});

/** Reads the CSV form. Throws ValidationError naming the row (1 = header) and column of each problem. */
export function documentFromCsv(text: string, file = ''): ParsedDocument {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text.replace(/^\ufeff/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    throw new ValidationError([{ path: '(csv)', message: `not valid CSV: ${(err as Error).message}` }]);
  }
  const header = Object.keys(records[0] ?? {});
  const missing = CSV_FIXED_COLUMNS.filter((c) => !header.includes(c));
  const yearCols = header.filter((h) => /^budget_25\d\d$/.test(h));
  const issues: FieldIssue[] = missing.map((c) => ({ path: `header.${c}`, message: `missing column ${c}` }));
  if (yearCols.length === 0) issues.push({ path: 'header', message: 'at least one budget_<year> column, e.g. budget_2566' });
  if (records.length === 0) issues.push({ path: 'rows', message: 'no project rows' });
  if (issues.length) throw new ValidationError(issues);

  const nextId = projectIdFactory();
  const projects: Project[] = [];
  let org = { name: '', district: '', province: '' };
  records.forEach((rec, i) => {
    const rowNo = i + 2;
    const row = csvRowSchema.safeParse(rec);
    if (!row.success) {
      issues.push(...issuesOf(row.error, `row ${rowNo}.`));
      return;
    }
    const budgets: Record<string, number> = {};
    for (const col of yearCols) {
      const b = budgetCell.safeParse(rec[col] ?? '');
      if (!b.success) issues.push(...issuesOf(b.error, `row ${rowNo}.${col}`));
      else if (b.data !== undefined) budgets[col.slice('budget_'.length)] = b.data;
    }
    const r = row.data;
    if (i === 0) org = { name: r.org_name, district: r.org_district, province: r.org_province };
    const name = cleanName(r.name);
    projects.push({
      id: nextId(r.dimension, r.number),
      number: r.number,
      seq: projects.length + 1,
      name,
      nameKey: matchKey(name),
      dimension: r.dimension as 1 | 2 | 3 | 4,
      mission: r.mission === '' ? null : r.mission,
      budgets,
      budgetShared: null,
      review: [],
      responsibleUnit: r.responsible_unit || null,
      detail: null,
      yearPlan: null,
      activity: null,
      line: rowNo,
    });
  });
  if (issues.length) throw new ValidationError(issues);
  const fiscalYears = yearCols.map((c) => Number(c.slice('budget_'.length)));
  const dims = [...new Set(projects.map((p) => p.dimension))].sort();
  return parsedDocumentSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    kind: 'plan',
    template: 'structured',
    org,
    title: '',
    fiscalYears,
    dimensions: dims.map((d) => ({
      number: d,
      title: '',
      missions: [...new Set(projects.filter((p) => p.dimension === d && p.mission).map((p) => p.mission as string))].map((code) => ({ code, title: '' })),
    })),
    projects,
    report: null,
    stated: [],
    fidelity: checkFidelity({ projects, stated: [], report: null, notes: ['structured CSV: no totals stated to check against'] }),
    source: { file, lines: text.split('\n').length, sha256: createHash('sha256').update(text).digest('hex') },
  });
}

/** Any accepted form: JSON (output schema), CSV (summary table) or the plain-text document. */
export function readDocumentFile(content: string, file: string): ParsedDocument {
  const trimmed = content.replace(/^\ufeff/, '').trimStart();
  if (/\.json$/i.test(file) || trimmed.startsWith('{')) return documentFromJson(content);
  if (/\.csv$/i.test(file) || /^org_name,/.test(trimmed)) return documentFromCsv(content, file);
  return parsePlanDocument(content, { file });
}
