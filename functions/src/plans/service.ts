/**
 * Public plan use cases: published versions only (a draft under review is as if absent). The importer
 * (sources/, parse/, normalize) and the draft review (drafts/) have their own modules.
 */
import type { Firestore } from '../store/firestore.ts';
import type { PlanList } from '../contracts/plans.ts';
import { NotFoundError } from '../errors.ts';
import { getOrg } from '../orgs/store.ts';
import { getPlan, getPlanProject, isServed, listPlanProjects, listPlans } from './store.ts';

/** GET /plans: the organisation's published versions and which one is current. */
export async function listPublishedPlans(db: Firestore, orgId: string): Promise<PlanList> {
  const org = await getOrg(db, orgId);
  if (!org) throw new NotFoundError(`org ${orgId}`, 'ไม่พบหน่วยงานนี้');
  const plans = (await listPlans(db, orgId)).filter(isServed);
  return {
    currentPlanId: org.currentPlanId ?? null,
    plans: plans.map((p) => ({ id: p.id, kind: p.kind, title: p.title, fiscalYears: p.fiscalYears, projectCount: p.projectCount, importedAt: p.importedAt, current: p.id === org.currentPlanId })),
  };
}

async function publishedPlan(db: Firestore, orgId: string, planId: string) {
  const plan = await getPlan(db, orgId, planId);
  if (!plan || !isServed(plan)) throw new NotFoundError(`plan ${orgId}/${planId}`, 'ไม่พบแผนนี้');
  return plan;
}

/** GET /plans/:planId: a published version with its projects' main fields. */
export async function getPublishedPlan(db: Firestore, orgId: string, planId: string) {
  const plan = await publishedPlan(db, orgId, planId);
  const projects = await listPlanProjects(db, orgId, planId);
  return {
    ...plan,
    projects: projects.map((p) => ({ id: p.id, number: p.number, name: p.name, dimension: p.dimension, mission: p.mission, budgets: p.budgets, responsibleUnit: p.responsibleUnit })),
  };
}

/** GET /plans/:planId/projects/:projectId: one project of a published version, whole. */
export async function getPublishedProject(db: Firestore, orgId: string, planId: string, projectId: string) {
  await publishedPlan(db, orgId, planId);
  const project = await getPlanProject(db, orgId, planId, projectId);
  if (!project) throw new NotFoundError(`project ${orgId}/${planId}/${projectId}`, 'ไม่พบโครงการนี้');
  return project;
}
