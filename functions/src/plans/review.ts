/**
 * The review flags of a parsed document, as people read them: which items, which fields, why, and the source line.
 * Printed by `npm run import` (with or without `--publish`) so whoever imports sees what to check.
 */
import type { Dimension, Project } from './schema.ts';

export function formatReview(projects: Project[], max = 60): string[] {
  const flagged = projects.filter((p) => (p.review ?? []).length > 0);
  if (flagged.length === 0) return ['review: no field flagged'];
  const out = [`review: ${flagged.length} of ${projects.length} items have fields to check`];
  for (const p of flagged.slice(0, max)) {
    // One line per field (per-year budget flags with the same reason are folded into one).
    const byReason = new Map<string, { fields: string[]; line: number | null }>();
    for (const f of p.review ?? []) {
      const entry = byReason.get(f.reason) ?? { fields: [], line: f.line };
      entry.fields.push(f.field);
      byReason.set(f.reason, entry);
    }
    out.push(`  ${p.id} ${p.name.slice(0, 60)}`);
    for (const [reason, { fields, line }] of byReason) out.push(`    ${fields.join(', ')}: ${reason}${line ? ` (line ${line})` : ''}`);
  }
  if (flagged.length > max) out.push(`  … and ${flagged.length - max} more (see --json)`);
  return out;
}

/** The dimensions' flags (a title or a mission's title not read), one line each; nothing when none. */
export function formatDimensionReview(dimensions: Dimension[]): string[] {
  const flags = dimensions.flatMap((d) => (d.review ?? []).map((f) => `  มิติที่ ${d.number} ${f.field}: ${f.reason}${f.line ? ` (line ${f.line})` : ''}`));
  return flags.length ? ['review: dimensions to check', ...flags] : [];
}
