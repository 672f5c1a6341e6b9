import type { FieldIssue } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { manualContentSchema, manualIdSchema, type Manual, type ManualContent } from './schema.ts';
import { instantiateStandardManual } from './standard.ts';

/**
 * Planning an import of manuals edited by an organisation (decision 020):
 * - The file holds one manual, an array of manuals, or `{ "manuals": [...] }`.
 * - Each entry needs an `id`. Its other fields are merged over the organisation's current manual (or, when it has
 *   none with that id yet, over the standard template): a field given replaces that field entirely (arrays and objects
 *   included); a field left out keeps its current value; `"queueServiceId": null` removes the link to a queue.
 * - An id that is neither stored nor standard is a new manual of the organisation's own and must be complete.
 * - `source`, `templateVersion` and `updatedAt` (as found in an exported manual) are ignored; other unknown fields are
 *   errors, so a typo ("fee" for "fees") is reported instead of silently dropped.
 * - Every merged manual is validated with the full model; any issue anywhere means nothing is written.
 */

const CONTENT_KEYS = new Set(Object.keys(manualContentSchema.shape));
const IGNORED_KEYS = new Set(['source', 'templateVersion', 'updatedAt']);

export interface ImportChange {
  id: string;
  title: string;
  action: 'create' | 'update' | 'unchanged';
  /** Top-level fields whose value changes. */
  fields: string[];
}

export interface ImportPlan {
  manuals: Array<ManualContent & { templateVersion?: number }>;
  changes: ImportChange[];
  issues: FieldIssue[];
}

function entriesOf(input: unknown): { entries: unknown[]; issues: FieldIssue[] } {
  if (Array.isArray(input)) return { entries: input, issues: [] };
  if (input && typeof input === 'object') {
    const manuals = (input as { manuals?: unknown }).manuals;
    if (Array.isArray(manuals)) return { entries: manuals, issues: [] };
    return { entries: [input], issues: [] };
  }
  return { entries: [], issues: [{ path: '', message: 'expected a manual object, an array of manuals, or { "manuals": [...] }' }] };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Works out what an import would write, without touching storage. */
export function planManualImport(org: Org, current: Manual[], input: unknown, now: Date): ImportPlan {
  const { entries, issues } = entriesOf(input);
  if (entries.length === 0 && issues.length === 0) issues.push({ path: '', message: 'the file holds no manuals' });
  const byId = new Map(current.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const manuals: ImportPlan['manuals'] = [];
  const changes: ImportChange[] = [];

  entries.forEach((entry, index) => {
    const at = entries.length > 1 || Array.isArray(input) ? `manuals[${index}]` : 'manual';
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      issues.push({ path: at, message: 'expected an object' });
      return;
    }
    const patch = entry as Record<string, unknown>;
    const id = manualIdSchema.safeParse(patch.id);
    if (!id.success) {
      issues.push({ path: `${at}.id`, message: id.error.issues[0]?.message ?? 'invalid id' });
      return;
    }
    const where = `${at} (${id.data})`;
    if (seen.has(id.data)) {
      issues.push({ path: where, message: 'the same manual id appears twice in the file' });
      return;
    }
    seen.add(id.data);
    for (const key of Object.keys(patch)) {
      if (!CONTENT_KEYS.has(key) && !IGNORED_KEYS.has(key)) issues.push({ path: `${where}.${key}`, message: 'unknown field' });
    }

    const base: Manual | null = byId.get(id.data) ?? instantiateStandardManual(org, id.data, now);
    const merged: Record<string, unknown> = {};
    if (base) {
      for (const key of CONTENT_KEYS) if (key in base) merged[key] = (base as Record<string, unknown>)[key];
    }
    for (const [key, value] of Object.entries(patch)) {
      if (!CONTENT_KEYS.has(key)) continue;
      merged[key] = value;
    }
    const parsed = manualContentSchema.safeParse(merged);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const path = i.path.join('.');
        const missing = i.code === 'invalid_type' && !(String(i.path[0]) in merged);
        issues.push({ path: `${where}.${path}`, message: missing && !base ? `${i.message} (a new manual must be complete)` : i.message });
      }
      return;
    }
    const manual = parsed.data;
    const stored = byId.get(id.data);
    const fields = [...CONTENT_KEYS].filter((k) => !sameJson((stored ?? base ?? {})[k as keyof Manual], manual[k as keyof ManualContent]));
    manuals.push({ ...manual, templateVersion: base?.templateVersion });
    changes.push({
      id: manual.id,
      title: manual.title,
      action: stored ? (fields.length ? 'update' : 'unchanged') : 'create',
      fields: stored || base ? fields : [],
    });
  });

  return { manuals, changes, issues };
}
