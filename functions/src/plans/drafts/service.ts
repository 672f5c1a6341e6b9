/**
 * The review of a draft plan version, in domain words: list the drafts; open one with its flagged fields first and
 * the source lines each flag points at; edit a project's field or a dimension's title (or a mission's) or accept it
 * as imported; publish once every flagged field is checked. Every edit, acceptance and the publication is recorded
 * (who, when, before/after), append-only. Publishing writes the reviewed dimension titles with the version and
 * switches the organisation's current plan in one document write, as the importer does.
 */
import type { DraftList, DraftView, FieldState, FieldView, ProjectView } from '../../contracts/plans.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Firestore } from '../../store/firestore.ts';
import { setCurrentPlan, getOrg } from '../../orgs/store.ts';
import { matchKey } from '../normalize.ts';
import type { Project, ReviewFlag } from '../schema.ts';
import { getPlan, listPlanProjects, listPlans, summarizePlan, type StoredPlan } from '../store.ts';
import { dimensionFieldsOf, dimensionLinesWanted, dimensionValueOf, dimensionViews, flagView, openDimensionFlags, reviewedDimensions, withoutOwnNumber } from './dimensions.ts';
import type { DimensionField, FieldValue, ReviewField } from '../../contracts/plans.ts';
import { parseFieldValue, type ReviewActor, type ReviewEntry } from './schema.ts';
import { applyProjectEdit, listReviewEntries, markPublished, readSourceLines, recordReview } from './store.ts';

export interface DraftDeps {
  db: Firestore;
  clock: { now(): Date };
}

export const FIELD_LABELS: Record<string, string> = {
  name: 'ชื่อโครงการ',
  number: 'ลำดับ',
  dimension: 'มิติ',
  mission: 'ภารกิจ',
  responsibleUnit: 'หน่วยงานที่รับผิดชอบ',
  budgets: 'งบประมาณ (ทุกปี)',
};
const labelOf = (field: string) => FIELD_LABELS[field] ?? (field.startsWith('budgets.') ? `งบประมาณ ปี ${field.slice(8)}` : field);

export type { FieldState, FieldView, ProjectView };

function valueOf(project: Project, field: string): FieldValue {
  if (field.startsWith('budgets.')) return project.budgets[field.slice(8)] ?? null;
  if (field === 'budgets') return project.budgets;
  const v = project[field as 'name' | 'number' | 'dimension' | 'mission' | 'responsibleUnit'];
  return v ?? null;
}

/** The fields a reviewer sees for a project: the usual ones, a budget per fiscal year, and any other flagged field. */
function fieldsOf(plan: StoredPlan, project: Project): string[] {
  const fields = ['name', 'number', 'dimension', 'mission', 'responsibleUnit', ...plan.fiscalYears.map((y) => `budgets.${y}`)];
  for (const f of project.review ?? []) if (!fields.includes(f.field)) fields.push(f.field);
  return fields;
}

/** The last edit or acceptance per `projectId|field`. */
function lastActions(log: ReviewEntry[]): Map<string, ReviewEntry> {
  const last = new Map<string, ReviewEntry>();
  for (const e of log) if (e.projectId && e.field && e.action !== 'publish') last.set(`${e.projectId}|${e.field}`, e);
  return last;
}

const neighbours = (line: number) => [line - 1, line, line + 1].filter((l) => l >= 1);

function linesWanted(project: Project, flags: ReviewFlag[]): number[] {
  const lines = flags.flatMap((f) => (f.line ? neighbours(f.line) : []));
  if (project.line) lines.push(project.line);
  if (project.detail?.line) lines.push(project.detail.line);
  return lines;
}

function projectView(plan: StoredPlan, project: Project, last: Map<string, ReviewEntry>, text: Map<number, string>): ProjectView {
  const flags = project.review ?? [];
  const fields = fieldsOf(plan, project).map((field): FieldView => {
    const own = flags.filter((f) => f.field === field);
    const action = last.get(`${project.id}|${field}`);
    const state: FieldState = own.length === 0 ? 'unflagged' : action ? (action.action === 'edit' ? 'edited' : 'accepted') : 'open';
    // The item's row always; a flag's line with its neighbours; the detail section's heading for its name and unit.
    const lines = [
      ...new Set([
        project.line,
        ...own.flatMap((f) => (f.line ? neighbours(f.line) : [])),
        !own.length && (field === 'name' || field === 'responsibleUnit') ? project.detail?.line : null,
      ]),
    ].filter((l): l is number => typeof l === 'number');
    return {
      field,
      label: labelOf(field),
      value: valueOf(project, field),
      flags: own.map(flagView),
      state,
      last: action && action.action !== 'publish' ? { action: action.action, by: action.by.displayName, at: action.at } : null,
      source: lines.sort((a, b) => a - b).flatMap((line) => (text.has(line) ? [{ line, text: text.get(line) ?? '' }] : [])),
    };
  });
  const rank = (f: FieldView) => (f.state === 'open' ? 0 : f.state === 'unflagged' ? 2 : 1);
  fields.sort((a, b) => rank(a) - rank(b));
  const openFlags = fields.filter((f) => f.state === 'open').length;
  return { id: project.id, number: project.number, name: project.name, dimension: project.dimension, openFlags, flagged: flags.length > 0, fields };
}

async function draftOrThrow(db: Firestore, orgId: string, planId: string): Promise<StoredPlan> {
  const plan = await getPlan(db, orgId, planId);
  if (!plan || plan.status !== 'complete') throw new NotFoundError(`draft ${orgId}/${planId}`, 'ไม่พบร่างแผนนี้');
  return plan;
}

const ensureDraft = (plan: StoredPlan) => {
  if (plan.publication !== 'draft') throw new ConflictError(`plan ${plan.id} is already published`, 'แผนนี้เผยแพร่แล้ว แก้ไขไม่ได้ (นำเข้าฉบับใหม่เพื่อแก้ไข)');
};

/** Flagged fields not yet accepted or edited: the projects' and the dimensions'. */
const openCount = (plan: StoredPlan, projects: Project[], log: ReviewEntry[]) => {
  const last = lastActions(log);
  const inProjects = projects.reduce((n, p) => n + (p.review ?? []).filter((f, i, all) => all.findIndex((g) => g.field === f.field) === i && !last.has(`${p.id}|${f.field}`)).length, 0);
  return inProjects + openDimensionFlags(plan.dimensions, log);
};

export async function listDrafts(deps: DraftDeps, orgId: string): Promise<DraftList> {
  const org = await getOrg(deps.db, orgId);
  const drafts = (await listPlans(deps.db, orgId)).filter((p) => p.status === 'complete' && p.publication === 'draft');
  return {
    currentPlanId: org?.currentPlanId ?? null,
    drafts: await Promise.all(
      drafts.map(async (plan) => {
        const [projects, log] = await Promise.all([listPlanProjects(deps.db, orgId, plan.id), listReviewEntries(deps.db, orgId, plan.id)]);
        return {
          id: plan.id,
          kind: plan.kind,
          title: plan.title,
          fiscalYears: plan.fiscalYears,
          importedAt: plan.importedAt,
          source: plan.source.file,
          projectCount: plan.projectCount,
          flaggedProjects: projects.filter((p) => (p.review ?? []).length > 0).length,
          openFlags: openCount(plan, projects, log),
        };
      }),
    ),
  };
}

/** The draft with its projects (open flags first, then checked flagged items, then the rest), source lines and record. */
export async function openDraft(deps: DraftDeps, orgId: string, planId: string): Promise<DraftView> {
  const plan = await draftOrThrow(deps.db, orgId, planId);
  const [projects, log] = await Promise.all([listPlanProjects(deps.db, orgId, planId), listReviewEntries(deps.db, orgId, planId)]);
  const last = lastActions(log);
  const wanted = [...projects.flatMap((p) => linesWanted(p, p.review ?? [])), ...dimensionLinesWanted(plan.dimensions, projects)];
  const text = await readSourceLines(deps.db, orgId, planId, wanted);
  const views = projects.map((p) => projectView(plan, p, last, text));
  const rank = (v: ProjectView) => (v.openFlags > 0 ? 0 : v.flagged ? 1 : 2);
  views.sort((a, b) => rank(a) - rank(b));
  const dimensions = dimensionViews(plan.dimensions, log, projects, text);
  return {
    id: plan.id,
    title: plan.title,
    kind: plan.kind,
    fiscalYears: plan.fiscalYears,
    importedAt: plan.importedAt,
    source: plan.source,
    publication: plan.publication ?? 'published',
    publishedAt: plan.publishedAt ?? null,
    projectCount: plan.projectCount,
    openFlags: views.reduce((n, v) => n + v.openFlags, 0) + dimensions.reduce((n, d) => n + d.openFlags, 0),
    fidelity: { agreements: plan.fidelity.agreements, disagreements: plan.fidelity.disagreements, contradictions: plan.fidelity.contradictions },
    dimensionFlags: (plan.dimensions ?? []).flatMap((d) => (d.review ?? []).map((f) => ({ dimension: d.number, field: f.field, ...flagView(f) }))),
    dimensions,
    projects: views,
    log: log.map((e) => ({ id: e.id, at: e.at, by: e.by.displayName, action: e.action, projectId: e.projectId, dimension: e.dimension ?? null, field: e.field, before: e.before, after: e.after })),
  };
}

async function draftProject(deps: DraftDeps, orgId: string, planId: string, projectId: string) {
  const plan = await draftOrThrow(deps.db, orgId, planId);
  ensureDraft(plan);
  const project = (await listPlanProjects(deps.db, orgId, planId)).find((p) => p.id === projectId);
  if (!project) throw new NotFoundError(`project ${orgId}/${planId}/${projectId}`, 'ไม่พบโครงการนี้ในร่างแผน');
  return { plan, project };
}

/** What changes in the stored project when `field` takes `value`. */
function changesFor(project: Project, field: ReviewField, value: FieldValue): Record<string, unknown> {
  if (field === 'budgets') return { budgets: value };
  if (field.startsWith('budgets.')) return { budgets: { ...project.budgets, [field.slice(8)]: value } };
  if (field === 'name') return { name: value, nameKey: matchKey(String(value)) };
  return { [field]: value };
}

export async function editField(deps: DraftDeps, orgId: string, planId: string, projectId: string, field: ReviewField, raw: unknown, by: ReviewActor) {
  const { plan, project } = await draftProject(deps, orgId, planId, projectId);
  const value = parseFieldValue(field, raw, plan.fiscalYears);
  const before = valueOf(project, field);
  return applyProjectEdit(deps.db, orgId, planId, projectId, changesFor(project, field, value), { action: 'edit', projectId, field, before, after: value }, by, deps.clock.now());
}

export async function acceptField(deps: DraftDeps, orgId: string, planId: string, projectId: string, field: ReviewField, by: ReviewActor) {
  const { plan, project } = await draftProject(deps, orgId, planId, projectId);
  if (!fieldsOf(plan, project).includes(field)) throw new NotFoundError(`field ${field}`, 'โครงการนี้ไม่มีช่องนี้');
  const value = valueOf(project, field);
  return recordReview(deps.db, orgId, planId, { action: 'accept', projectId, field, before: value, after: value }, by, deps.clock.now());
}

async function draftDimension(deps: DraftDeps, orgId: string, planId: string, dimension: number, field: DimensionField) {
  const plan = await draftOrThrow(deps.db, orgId, planId);
  ensureDraft(plan);
  const log = await listReviewEntries(deps.db, orgId, planId);
  const reviewed = reviewedDimensions(plan.dimensions, log).find((d) => d.number === dimension);
  if (!reviewed) throw new NotFoundError(`dimension ${orgId}/${planId}/${dimension}`, `ร่างแผนนี้ไม่มีมิติที่ ${dimension}`);
  const mission = field.startsWith('missions.') ? field.slice('missions.'.length) : null;
  if (mission && Number(mission.split('.')[0]) !== dimension) throw new ValidationError([{ path: 'field', message: `ภารกิจ ${mission} ไม่ได้อยู่ในมิติที่ ${dimension}` }]);
  if (!dimensionFieldsOf(reviewed).includes(field)) throw new NotFoundError(`mission ${mission} of dimension ${dimension}`, `มิติที่ ${dimension} ไม่มีภารกิจ ${mission}`);
  return { before: dimensionValueOf(reviewed, field) };
}

/**
 * Sets a dimension's title (`title`) or one of its missions' titles (`missions.<code>`): the value is the contract's
 * checked text (dimensionTitleSchema), without a leading "มิติที่ N" or "ภารกิจที่ N.N" of its own. Recorded; it is the draft's title from then on.
 */
export async function editDimensionTitle(deps: DraftDeps, orgId: string, planId: string, dimension: number, field: DimensionField, value: string, by: ReviewActor) {
  const { before } = await draftDimension(deps, orgId, planId, dimension, field);
  const title = withoutOwnNumber(value, field, dimension);
  if (!title) throw new ValidationError([{ path: 'value', message: field === 'title' ? 'ใส่ชื่อมิติ ไม่ต้องใส่เลขมิติ' : 'ใส่ชื่อภารกิจ ไม่ต้องใส่รหัสภารกิจ' }]);
  return recordReview(deps.db, orgId, planId, { action: 'edit', projectId: null, dimension, field, before, after: title }, by, deps.clock.now());
}

/** Accepts a dimension's title or a mission's title as read; an empty one cannot be accepted (it has to be written in). */
export async function acceptDimensionTitle(deps: DraftDeps, orgId: string, planId: string, dimension: number, field: DimensionField, by: ReviewActor) {
  const { before } = await draftDimension(deps, orgId, planId, dimension, field);
  if (before.trim() === '')
    throw new ConflictError(`empty ${field} of dimension ${dimension} cannot be accepted`, field === 'title' ? 'ยังไม่มีชื่อมิติให้ยืนยัน กรุณากด "แก้ไข" แล้วใส่ชื่อตามเอกสาร' : 'ยังไม่มีชื่อภารกิจให้ยืนยัน กรุณากด "แก้ไข" แล้วใส่ชื่อตามเอกสาร');
  return recordReview(deps.db, orgId, planId, { action: 'accept', projectId: null, dimension, field, before, after: before }, by, deps.clock.now());
}

/**
 * Publishes a draft whose flagged fields are all checked: totals recomputed from the reviewed projects, the version
 * marked published and recorded, then the organisation's current plan switched in one write. Chat and the public
 * plan pages serve it from then on (the knowledge base sees the switch within seconds).
 */
export async function publishDraft(deps: DraftDeps, orgId: string, planId: string, by: ReviewActor) {
  const plan = await draftOrThrow(deps.db, orgId, planId);
  ensureDraft(plan);
  const [projects, log, org] = await Promise.all([listPlanProjects(deps.db, orgId, planId), listReviewEntries(deps.db, orgId, planId), getOrg(deps.db, orgId)]);
  const open = openCount(plan, projects, log);
  if (open > 0) throw new ConflictError(`draft ${planId} has ${open} unchecked flagged fields`, `ยังมี ${open} ช่องที่ต้องตรวจ (แก้ไขหรือยืนยัน) ก่อนเผยแพร่`);
  const now = deps.clock.now();
  const dimensions = reviewedDimensions(plan.dimensions, log);
  const summary = summarizePlan({ fiscalYears: plan.fiscalYears, dimensions, projects });
  const entry = await markPublished(deps.db, orgId, planId, { summary, dimensions }, { action: 'publish', projectId: null, field: null, before: org?.currentPlanId ?? null, after: planId }, by, now);
  await setCurrentPlan(deps.db, orgId, planId, now);
  return { planId, publishedAt: now.toISOString(), previousPlanId: org?.currentPlanId ?? null, entry };
}
