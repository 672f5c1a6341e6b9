/**
 * The review of a draft plan version, in domain words: list the drafts; open one with its flagged fields first and
 * the source lines each flag points at; edit a project's field or a dimension's title (or a mission's) or accept it
 * as imported; publish once every flagged field is checked. Every edit, acceptance and the publication is recorded
 * (who, when, before/after), append-only. Publishing writes the reviewed fields and dimension titles with the version
 * and switches the organisation's current plan in one document write, as the importer does.
 *
 * The record is the review (drafts/projects.ts, drafts/dimensions.ts): every action reads the draft and its record,
 * checks, and records on the number after the highest it read; losing that number to someone else means reading and
 * checking again. The publication is one such entry: an edit recorded before it is in what it publishes, an edit
 * that comes after it is refused (409) and not recorded (docs/decisions/113).
 */
import type { DraftList, DraftView, FieldState, FieldView, ProjectView } from '../../contracts/plans.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Firestore } from '../../store/firestore.ts';
import { setCurrentPlan, getOrg } from '../../orgs/store.ts';
import type { Project, ReviewFlag } from '../schema.ts';
import { getPlan, listPlanProjects, listPlans, summarizePlan, type StoredPlan } from '../store.ts';
import { dimensionFieldsOf, dimensionLinesWanted, dimensionValueOf, dimensionViews, flagView, openDimensionFlags, reviewedDimensions, withoutOwnNumber } from './dimensions.ts';
import type { DimensionField, ReviewField } from '../../contracts/plans.ts';
import { parseFieldValue, type ReviewActor, type ReviewEntry } from './schema.ts';
import { projectChanges, reviewedProjects, valueOf } from './projects.ts';
import { claimReviewEntry, listReviewEntries, nextSeq, readSourceLines, writePublication, type NewReviewEntry } from './store.ts';

/**
 * A test's hold on a review action between its checks and its record (the moment a concurrent action can slip in):
 * awaited once per attempt with the action's name. Production passes none.
 */
export type DraftReviewPause = (point: { action: 'edit' | 'accept' | 'publish'; planId: string }) => Promise<void>;

export interface DraftDeps {
  db: Firestore;
  clock: { now(): Date };
  pause?: DraftReviewPause;
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

/** A draft as one review action reads it: the version, its projects as imported and as reviewed, and its record. */
interface DraftState {
  plan: StoredPlan;
  imported: Project[];
  projects: Project[];
  log: ReviewEntry[];
}

async function readDraft(deps: DraftDeps, orgId: string, planId: string): Promise<DraftState> {
  const plan = await draftOrThrow(deps.db, orgId, planId);
  const [imported, log] = await Promise.all([listPlanProjects(deps.db, orgId, planId), listReviewEntries(deps.db, orgId, planId)]);
  return { plan, imported, projects: reviewedProjects(imported, log), log };
}

/** Open to review, being published (its publication recorded, not yet all written) or published. */
function publicationOf(state: Pick<DraftState, 'plan' | 'log'>): DraftView['publication'] {
  if (state.plan.publication !== 'draft') return 'published';
  return state.log.some((e) => e.action === 'publish') ? 'publishing' : 'draft';
}

const closedToReview = (planId: string) =>
  new ConflictError(`plan ${planId} is being published or is published`, 'แผนนี้กำลังเผยแพร่หรือเผยแพร่แล้ว แก้ไขไม่ได้ การแก้ไขนี้ไม่ได้บันทึก (หากต้องแก้ไข ให้นำเข้าฉบับใหม่)');

/** How often an action reads again after someone recorded first; past it the reviewer is asked to try again. */
const ATTEMPTS = 20;
const busy = (planId: string) => new ConflictError(`review record of ${planId} kept moving`, 'มีผู้ตรวจบันทึกร่างแผนนี้พร้อมกันหลายรายการ กรุณาลองอีกครั้ง');

/**
 * Records one edit or acceptance: reads the draft and its record, refuses when its publication is recorded, lets
 * `decide` check the action against what it read (and say what to record), then records it on the number after the
 * highest it read. When someone recorded first (an edit, or the publication) it reads and decides again.
 */
async function recordAction(
  deps: DraftDeps,
  orgId: string,
  planId: string,
  by: ReviewActor,
  decide: (state: DraftState) => NewReviewEntry,
): Promise<ReviewEntry> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const state = await readDraft(deps, orgId, planId);
    if (publicationOf(state) !== 'draft') throw closedToReview(planId);
    const entry = decide(state);
    await deps.pause?.({ action: entry.action, planId });
    const stored = await claimReviewEntry(deps.db, orgId, planId, nextSeq(state.log), entry, by, deps.clock.now());
    if (stored) return stored;
  }
  throw busy(planId);
}

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
  const { plan, projects, log } = await readDraft(deps, orgId, planId);
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
    publication: publicationOf({ plan, log }),
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

function projectOf(state: DraftState, orgId: string, projectId: string): Project {
  const project = state.projects.find((p) => p.id === projectId);
  if (!project) throw new NotFoundError(`project ${orgId}/${state.plan.id}/${projectId}`, 'ไม่พบโครงการนี้ในร่างแผน');
  return project;
}

/** Sets a project's field: recorded, it is the draft's value from then on and is written with the version on publication. */
export async function editField(deps: DraftDeps, orgId: string, planId: string, projectId: string, field: ReviewField, raw: unknown, by: ReviewActor) {
  return recordAction(deps, orgId, planId, by, (state) => {
    const project = projectOf(state, orgId, projectId);
    const value = parseFieldValue(field, raw, state.plan.fiscalYears);
    return { action: 'edit', projectId, field, before: valueOf(project, field), after: value };
  });
}

export async function acceptField(deps: DraftDeps, orgId: string, planId: string, projectId: string, field: ReviewField, by: ReviewActor) {
  return recordAction(deps, orgId, planId, by, (state) => {
    const project = projectOf(state, orgId, projectId);
    if (!fieldsOf(state.plan, project).includes(field)) throw new NotFoundError(`field ${field}`, 'โครงการนี้ไม่มีช่องนี้');
    const value = valueOf(project, field);
    return { action: 'accept', projectId, field, before: value, after: value };
  });
}

/** The reviewed value of a dimension's title field, checked to exist in the draft as read. */
function dimensionValue(state: DraftState, orgId: string, dimension: number, field: DimensionField): string {
  const reviewed = reviewedDimensions(state.plan.dimensions, state.log).find((d) => d.number === dimension);
  if (!reviewed) throw new NotFoundError(`dimension ${orgId}/${state.plan.id}/${dimension}`, `ร่างแผนนี้ไม่มีมิติที่ ${dimension}`);
  const mission = field.startsWith('missions.') ? field.slice('missions.'.length) : null;
  if (mission && Number(mission.split('.')[0]) !== dimension) throw new ValidationError([{ path: 'field', message: `ภารกิจ ${mission} ไม่ได้อยู่ในมิติที่ ${dimension}` }]);
  if (!dimensionFieldsOf(reviewed).includes(field)) throw new NotFoundError(`mission ${mission} of dimension ${dimension}`, `มิติที่ ${dimension} ไม่มีภารกิจ ${mission}`);
  return dimensionValueOf(reviewed, field);
}

/**
 * Sets a dimension's title (`title`) or one of its missions' titles (`missions.<code>`): the value is the contract's
 * checked text (dimensionTitleSchema), without a leading "มิติที่ N" or "ภารกิจที่ N.N" of its own. Recorded; it is the draft's title from then on.
 */
export async function editDimensionTitle(deps: DraftDeps, orgId: string, planId: string, dimension: number, field: DimensionField, value: string, by: ReviewActor) {
  return recordAction(deps, orgId, planId, by, (state) => {
    const before = dimensionValue(state, orgId, dimension, field);
    const title = withoutOwnNumber(value, field, dimension);
    if (!title) throw new ValidationError([{ path: 'value', message: field === 'title' ? 'ใส่ชื่อมิติ ไม่ต้องใส่เลขมิติ' : 'ใส่ชื่อภารกิจ ไม่ต้องใส่รหัสภารกิจ' }]);
    return { action: 'edit', projectId: null, dimension, field, before, after: title };
  });
}

/** Accepts a dimension's title or a mission's title as read; an empty one cannot be accepted (it has to be written in). */
export async function acceptDimensionTitle(deps: DraftDeps, orgId: string, planId: string, dimension: number, field: DimensionField, by: ReviewActor) {
  return recordAction(deps, orgId, planId, by, (state) => {
    const before = dimensionValue(state, orgId, dimension, field);
    if (before.trim() === '')
      throw new ConflictError(`empty ${field} of dimension ${dimension} cannot be accepted`, field === 'title' ? 'ยังไม่มีชื่อมิติให้ยืนยัน กรุณากด "แก้ไข" แล้วใส่ชื่อตามเอกสาร' : 'ยังไม่มีชื่อภารกิจให้ยืนยัน กรุณากด "แก้ไข" แล้วใส่ชื่อตามเอกสาร');
    return { action: 'accept', projectId: null, dimension, field, before, after: before };
  });
}

/**
 * Publishes a draft whose flagged fields are all checked. The publication is recorded like an edit, on the number
 * after the highest it read, so it publishes exactly the edits recorded before it; an edit that recorded first makes
 * it read and check again. Then the reviewed projects, titles and recomputed totals are written with the version,
 * marked published, and the organisation's current plan is switched in one write. Chat and the public plan pages
 * serve it from then on (the knowledge base sees the switch within seconds). A publication recorded but not all
 * written (its process stopped) is completed by the next publish.
 */
export async function publishDraft(deps: DraftDeps, orgId: string, planId: string, by: ReviewActor) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const state = await readDraft(deps, orgId, planId);
    if (state.plan.publication !== 'draft') throw new ConflictError(`plan ${planId} is already published`, 'แผนนี้เผยแพร่แล้ว (หากต้องแก้ไข ให้นำเข้าฉบับใหม่)');
    const recorded = state.log.find((e) => e.action === 'publish');
    if (recorded) return completePublication(deps, orgId, state, recorded);
    const open = openCount(state.plan, state.imported, state.log);
    if (open > 0) throw new ConflictError(`draft ${planId} has ${open} unchecked flagged fields`, `ยังมี ${open} ช่องที่ต้องตรวจ (แก้ไขหรือยืนยัน) ก่อนเผยแพร่`);
    const org = await getOrg(deps.db, orgId);
    await deps.pause?.({ action: 'publish', planId });
    const entry = { action: 'publish', projectId: null, field: null, before: org?.currentPlanId ?? null, after: planId } as const;
    const stored = await claimReviewEntry(deps.db, orgId, planId, nextSeq(state.log), entry, by, deps.clock.now());
    if (stored) return completePublication(deps, orgId, state, stored);
  }
  throw busy(planId);
}

/** Writes what the record says up to its publication entry, then makes the version current. */
async function completePublication(deps: DraftDeps, orgId: string, state: DraftState, entry: ReviewEntry) {
  const { plan, imported } = state;
  const log = state.log.filter((e) => e.id < entry.id);
  const dimensions = reviewedDimensions(plan.dimensions, log);
  const summary = summarizePlan({ fiscalYears: plan.fiscalYears, dimensions, projects: reviewedProjects(imported, log) });
  await writePublication(deps.db, orgId, plan.id, { summary, dimensions, projectChanges: projectChanges(imported, log) }, entry.at, entry.by);
  await setCurrentPlan(deps.db, orgId, plan.id, deps.clock.now());
  const previousPlanId = typeof entry.before === 'string' ? entry.before : null;
  return { planId: plan.id, publishedAt: entry.at, previousPlanId, entry };
}
