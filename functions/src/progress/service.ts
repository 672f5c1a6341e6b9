/**
 * Progress use cases: the projects of a fiscal year with their progress, one project's progress and its history,
 * an update by an officer (checked against the version they saw, files stripped of metadata, every change kept),
 * and `latestProgress`, the hook the chat calls to answer from live progress.
 */
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { decodePhoto } from '../complaints/photos.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors.ts';
import type { ProgressLookup, YearProgressLookup } from '../chat/types.ts';
import type { Logger } from '../log.ts';
import type { Org } from '../orgs/schema.ts';
import { getCurrentPlan, getCurrentPlanHeader, getPlanProject } from '../plans/store.ts';
import { bangkokDate } from '../time/bangkok.ts';
import { fiscalHalfOf, fiscalYearOfDate } from '../time/fiscalYear.ts';
import type { ProgressList, ProgressStateView, ProgressView, ProjectProgress, StaffProgressView } from '../contracts/progress.ts';
import { asOfDate, progressSentence, type LatestProgress } from './messages.ts';
import { inHalf, projectsOfYear, type YearProject } from './projects.ts';
import {
  MAX_FILE_BYTES,
  MAX_FILES,
  PROGRESS_STATUS_LABELS,
  emptyState,
  recordId,
  type Actor,
  type FileMeta,
  type FileType,
  type ProgressChange,
  type ProgressRecord,
  type ProgressState,
  type ProgressUpdateInput,
} from './schema.ts';
import * as store from './store.ts';

export interface ProgressDeps {
  db: Firestore;
  clock: Clock;
  log?: Logger | undefined;
}

/** What anyone may see of a record: no editor, no file names. */
export function publicProgress(r: ProgressRecord): ProgressView {
  return {
    status: r.status,
    statusLabel: PROGRESS_STATUS_LABELS[r.status],
    reason: r.reason,
    spentBaht: r.spentBaht,
    approvedBaht: r.approvedBaht ?? null,
    startedOn: r.startedOn,
    finishedOn: r.finishedOn,
    outputs: r.outputs,
    results: r.results,
    fileCount: r.files.length,
    updatedAt: r.updatedAt,
  };
}

/** What officers see: also the files and who changed it last (display name only, never a LINE id). */
export function staffProgress(r: ProgressRecord, fileUrl: (n: number) => string): StaffProgressView {
  return {
    ...publicProgress(r),
    seq: r.seq,
    files: r.files.map((f) => ({ n: f.n, contentType: f.contentType, size: f.size, name: f.name, addedAt: f.addedAt, url: fileUrl(f.n) })),
    updatedBy: r.updatedBy.displayName,
  };
}

async function planOfYear(deps: ProgressDeps, org: Org, year: number) {
  const current = await getCurrentPlan(deps.db, org.id);
  if (!current) throw new NotFoundError(`plan of ${org.id}`, 'หน่วยงานนี้ยังไม่ได้นำเข้าแผนปฏิบัติการ');
  return { plan: current.plan, projects: projectsOfYear(current.plan, current.projects, year) };
}

export function currentFiscalYear(now: Date): { year: number; half: 1 | 2 } {
  const today = bangkokDate(now);
  return { year: fiscalYearOfDate(today), half: fiscalHalfOf(today) };
}

/** The plan's projects of a fiscal year (optionally one half), each with its progress or null. */
export async function listYearProgress(deps: ProgressDeps, org: Org, year: number, half?: 1 | 2): Promise<ProgressList> {
  const [{ plan, projects }, records] = await Promise.all([planOfYear(deps, org, year), store.listRecords(deps.db, org.id, year)]);
  const byProject = new Map(records.map((r) => [r.projectId, r]));
  const shown = half ? projects.filter((p) => inHalf(p, half)) : projects;
  return {
    fiscalYear: year,
    half: half ?? null,
    plan: { id: plan.id, title: plan.title },
    projects: shown.map((p) => ({ ...p, progress: byProject.has(p.id) ? publicProgress(byProject.get(p.id) as ProgressRecord) : null })),
  };
}

async function requireProject(deps: ProgressDeps, org: Org, year: number, projectId: string): Promise<{ planId: string; project: YearProject }> {
  const { plan, projects } = await planOfYear(deps, org, year);
  const project = projects.find((p) => p.id === projectId);
  if (!project) throw new NotFoundError(`project ${projectId} in ${year}`, `ไม่พบโครงการนี้ในแผนของปีงบประมาณ ${year}`);
  return { planId: plan.id, project };
}

export async function getProjectProgress(deps: ProgressDeps, org: Org, year: number, projectId: string, fileUrl: (n: number) => string): Promise<ProjectProgress> {
  const { project } = await requireProject(deps, org, year, projectId);
  const id = recordId(year, projectId);
  const [record, changes] = await Promise.all([store.getRecord(deps.db, org.id, id), store.listChangesOfRecord(deps.db, org.id, id)]);
  return {
    fiscalYear: year,
    project,
    progress: record ? staffProgress(record, fileUrl) : null,
    seq: record?.seq ?? 0,
    history: changes.map((c) => ({ seq: c.seq, at: c.at, by: c.by.displayName, before: c.before ? stateView(c.before) : null, after: stateView(c.after) })),
  };
}

const stateView = (s: ProgressState): ProgressStateView => ({ ...s, statusLabel: PROGRESS_STATUS_LABELS[s.status], files: s.files.map((f) => f.n) });

/** A data URL checked and cleaned: images lose their metadata (as complaint photos do); PDFs are kept as sent. */
export function decodeFile(dataUrl: string): { contentType: FileType; bytes: Buffer } | { problem: string } {
  const pdf = /^data:application\/pdf;base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (pdf?.[1]) {
    const bytes = Buffer.from(pdf[1], 'base64');
    if (bytes.length > MAX_FILE_BYTES) return { problem: 'ไฟล์ใหญ่เกินไป (ไม่เกิน 300 KB ต่อไฟล์)' };
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return { problem: 'เนื้อไฟล์ไม่ใช่ PDF' };
    return { contentType: 'application/pdf', bytes };
  }
  if (dataUrl.startsWith('data:application/pdf')) return { problem: 'ไฟล์ PDF ต้องเป็น data URL แบบ base64' };
  const photo = decodePhoto(dataUrl);
  if ('problem' in photo) return { problem: photo.problem.replace('รูปภาพต้องเป็นไฟล์ JPEG, PNG หรือ WebP', 'ไฟล์ต้องเป็นรูป JPEG, PNG, WebP หรือ PDF') };
  return photo;
}

const sameState = (a: ProgressState, b: ProgressState) => JSON.stringify(a) === JSON.stringify(b);

export async function updateProgress(deps: ProgressDeps, org: Org, actor: Actor, year: number, projectId: string, input: ProgressUpdateInput, fileUrl: (n: number) => string): Promise<ProjectProgress> {
  const { planId, project } = await requireProject(deps, org, year, projectId);
  const id = recordId(year, projectId);
  const current = await store.getRecord(deps.db, org.id, id);
  const seq = current?.seq ?? 0;
  if (input.expectedSeq !== seq) {
    throw new ConflictError(`progress ${id}: expected seq ${input.expectedSeq}, is ${seq}`, 'มีผู้แก้ไขความคืบหน้าโครงการนี้ไปแล้ว กรุณาโหลดหน้าใหม่แล้วแก้ไขอีกครั้ง');
  }
  const before = current ? stateOf(current) : null;
  const now = deps.clock.now();
  const issues: FieldIssue[] = [];
  const decoded = input.addFiles.map((f, i) => {
    const d = decodeFile(f.dataUrl);
    if ('problem' in d) issues.push({ path: `addFiles.${i}`, message: d.problem });
    return { ...d, name: f.name };
  });
  const kept = (before?.files ?? []).filter((f) => !input.removeFiles.includes(f.n));
  input.removeFiles.forEach((n, i) => {
    if (!before?.files.some((f) => f.n === n)) issues.push({ path: `removeFiles.${i}`, message: `ไม่มีไฟล์ลำดับที่ ${n}` });
  });
  if (kept.length + decoded.length > MAX_FILES) issues.push({ path: 'addFiles', message: `แนบหลักฐานได้ไม่เกิน ${MAX_FILES} ไฟล์ต่อโครงการต่อปี` });
  if (issues.length) throw new ValidationError(issues);

  let nextFileN = current?.nextFileN ?? 1;
  const added: Array<FileMeta & { bytes: Buffer }> = [];
  for (const d of decoded) {
    if ('problem' in d) continue;
    added.push({ n: nextFileN++, contentType: d.contentType, size: d.bytes.length, name: d.name, addedAt: now.toISOString(), bytes: d.bytes });
  }
  const after: ProgressState = {
    status: input.status,
    reason: input.reason ? input.reason : null,
    spentBaht: input.spentBaht,
    approvedBaht: input.approvedBaht,
    startedOn: input.startedOn ?? null,
    finishedOn: input.finishedOn ?? null,
    outputs: input.outputs,
    results: input.results,
    files: [...kept, ...added.map(({ bytes: _b, ...meta }) => meta)],
  };
  if (current && before && sameState(before, after)) return getProjectProgress(deps, org, year, projectId, fileUrl);

  const change: ProgressChange = {
    recordId: id,
    fiscalYear: year,
    projectId,
    seq: seq + 1,
    at: now.toISOString(),
    by: actor,
    before,
    after,
    planId,
    projectName: project.name,
    dimension: project.dimension,
    nextFileN,
  };
  if (!(await store.claimChange(deps.db, org.id, change))) {
    throw new ConflictError(`progress ${id}: seq ${seq + 1} taken`, 'มีผู้แก้ไขความคืบหน้าโครงการนี้พร้อมกัน กรุณาโหลดหน้าใหม่แล้วแก้ไขอีกครั้ง');
  }
  for (const f of added) await store.saveFile(deps.db, org.id, id, f.n, { contentType: f.contentType, bytes: f.bytes, name: f.name }, now);
  await store.applyChange(deps.db, org.id, change);
  deps.log?.info({ orgId: org.id, recordId: id, seq: change.seq, status: after.status }, 'progress updated');
  return getProjectProgress(deps, org, year, projectId, fileUrl);
}

function stateOf(r: ProgressRecord): ProgressState {
  return { status: r.status, reason: r.reason, spentBaht: r.spentBaht, approvedBaht: r.approvedBaht ?? null, startedOn: r.startedOn, finishedOn: r.finishedOn, outputs: r.outputs, results: r.results, files: r.files };
}

export async function getProgressFile(deps: ProgressDeps, org: Org, year: number, projectId: string, n: number) {
  const record = await store.getRecord(deps.db, org.id, recordId(year, projectId));
  const meta = record?.files.find((f) => f.n === n);
  const file = meta ? await store.getFile(deps.db, org.id, recordId(year, projectId), n) : null;
  if (!meta || !file) throw new NotFoundError(`progress file ${projectId}/${n}`, 'ไม่พบไฟล์นี้');
  return { ...file, name: meta.name };
}

/**
 * The newest progress staff recorded for a project (its latest fiscal year), or null when none: for the chat's
 * "ทำไปถึงไหนแล้ว" / "ใช้งบไปเท่าไร". The sentence names the plan's budget for that year when the current plan states one.
 */
export async function latestProgress(db: Firestore, orgId: string, projectId: string): Promise<LatestProgress | null> {
  const [record] = await store.listRecordsOfProject(db, orgId, projectId);
  if (!record) return null;
  const plan = await getCurrentPlanHeader(db, orgId);
  const project = plan ? await getPlanProject(db, orgId, plan.id, projectId) : null;
  const budget = project?.budgets[String(record.fiscalYear)] ?? null;
  const base = {
    projectId,
    projectName: record.projectName,
    fiscalYear: record.fiscalYear,
    status: record.status,
    reason: record.reason,
    spentBaht: record.spentBaht,
    startedOn: record.startedOn,
    finishedOn: record.finishedOn,
    outputs: record.outputs,
    results: record.results,
    updatedAt: record.updatedAt,
    asOf: asOfDate(record.updatedAt),
  };
  return { ...base, budgetBaht: budget, statusLabel: PROGRESS_STATUS_LABELS[record.status], text: progressSentence(base, budget) };
}

/** The answer engine's lookup of recorded progress (chat/types.ts `ProgressLookup`): one project's newest record. */
export const progressLookup = (db: Firestore): ProgressLookup => (orgId, projectId) => latestProgress(db, orgId, projectId);

/**
 * The engine's plan-wide lookup (chat/types.ts `YearProgressLookup`): every record of a fiscal year of the current
 * plan (records of an earlier plan are left out). Budgets are not read here: the engine has the plan.
 */
export const yearProgressLookup = (db: Firestore): YearProgressLookup => async (orgId, fiscalYear) => {
  const [records, plan] = await Promise.all([store.listRecords(db, orgId, fiscalYear), getCurrentPlanHeader(db, orgId)]);
  return records
    .filter((r) => !plan || r.planId === plan.id)
    .map((r) => {
      const base = { projectId: r.projectId, projectName: r.projectName, fiscalYear: r.fiscalYear, status: r.status, reason: r.reason, spentBaht: r.spentBaht, startedOn: r.startedOn, finishedOn: r.finishedOn, outputs: r.outputs, results: r.results, updatedAt: r.updatedAt, asOf: asOfDate(r.updatedAt) };
      return { ...base, budgetBaht: null, statusLabel: PROGRESS_STATUS_LABELS[r.status], text: progressSentence(base, null) };
    });
};

export { emptyState };
