/**
 * The review of a draft's projects, in domain words and pure: like its dimensions (drafts/dimensions.ts), a draft's
 * stored projects stay as imported until publication, and their reviewed fields are the projection of the
 * append-only review record (each edit, in the record's order, sets its field). An edit is therefore one write, its
 * record: recorded and applied are the same thing, and the publication, which reads the record, writes what it read.
 */
import type { FieldValue, ReviewField } from '../../contracts/plans.ts';
import { matchKey } from '../normalize.ts';
import type { Project } from '../schema.ts';
import type { ReviewEntry } from './schema.ts';

export function valueOf(project: Project, field: string): FieldValue {
  if (field.startsWith('budgets.')) return project.budgets[field.slice(8)] ?? null;
  if (field === 'budgets') return project.budgets;
  const v = project[field as 'name' | 'number' | 'dimension' | 'mission' | 'responsibleUnit'];
  return v ?? null;
}

/** What changes in the stored project when `field` takes `value`. */
export function changesFor(project: Project, field: ReviewField | string, value: FieldValue): Record<string, unknown> {
  if (field === 'budgets') return { budgets: value };
  if (field.startsWith('budgets.')) return { budgets: { ...project.budgets, [field.slice(8)]: value } };
  if (field === 'name') return { name: value, nameKey: matchKey(String(value)) };
  return { [field]: value };
}

/**
 * The stored fields each edited project takes from the record: `projectId → changes` (only projects with an edit).
 * Edits set values, so applying them to a project that already has them (a draft reviewed before edits were kept in
 * the record alone) changes nothing.
 */
export function projectChanges(projects: Project[], log: ReviewEntry[]): Map<string, Record<string, unknown>> {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const current = new Map<string, Project>();
  const changes = new Map<string, Record<string, unknown>>();
  for (const e of log) {
    if (e.action !== 'edit' || !e.projectId || !e.field) continue;
    const project = current.get(e.projectId) ?? byId.get(e.projectId);
    if (!project) continue;
    const change = changesFor(project, e.field, e.after);
    current.set(e.projectId, { ...project, ...change } as Project);
    changes.set(e.projectId, { ...changes.get(e.projectId), ...change });
  }
  return changes;
}

/** The projects as reviewed: each field the record's last edit of it gave, the rest as imported. */
export function reviewedProjects(projects: Project[], log: ReviewEntry[]): Project[] {
  const changes = projectChanges(projects, log);
  return projects.map((p) => (changes.has(p.id) ? ({ ...p, ...changes.get(p.id) } as Project) : p));
}
