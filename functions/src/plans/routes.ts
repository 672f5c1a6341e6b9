/**
 * Public, read-only plan API: published versions only (a draft under review answers 404, as if absent). Params are checked with zod; errors (express 5 forwards async throws) are mapped to HTTP in one
 * place by the platform (ValidationError → 400, NotFoundError → 404).
 */
import { Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { getOrg } from '../orgs/store.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getPlan, getPlanProject, isServed, listPlanProjects, listPlans } from './store.ts';

const docId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,149}$/, 'letters, digits, "-" or "_"');
const orgParams = z.object({ orgId: orgIdSchema });
const planParams = orgParams.extend({ planId: docId });
const projectParams = planParams.extend({ projectId: docId });



export function plansRouter(deps: { db: Firestore }): Router {
  const { db } = deps;
  const router = Router();

  router.get(
    '/api/orgs/:orgId/plans',
    async (req, res) => {
      const { orgId } = parseInput(orgParams, req.params);
      const org = await getOrg(db, orgId);
      if (!org) throw new NotFoundError(`org ${orgId}`, 'ไม่พบหน่วยงานนี้');
      const plans = (await listPlans(db, orgId)).filter(isServed);
      res.json({
        currentPlanId: org.currentPlanId ?? null,
        plans: plans.map((p) => ({ id: p.id, kind: p.kind, title: p.title, fiscalYears: p.fiscalYears, projectCount: p.projectCount, importedAt: p.importedAt, current: p.id === org.currentPlanId })),
      });
    },
  );

  router.get(
    '/api/orgs/:orgId/plans/:planId',
    async (req, res) => {
      const { orgId, planId } = parseInput(planParams, req.params);
      const plan = await getPlan(db, orgId, planId);
      if (!plan || !isServed(plan)) throw new NotFoundError(`plan ${orgId}/${planId}`, 'ไม่พบแผนนี้');
      const projects = await listPlanProjects(db, orgId, planId);
      res.json({
        ...plan,
        projects: projects.map((p) => ({ id: p.id, number: p.number, name: p.name, dimension: p.dimension, mission: p.mission, budgets: p.budgets, responsibleUnit: p.responsibleUnit })),
      });
    },
  );

  router.get(
    '/api/orgs/:orgId/plans/:planId/projects/:projectId',
    async (req, res) => {
      const { orgId, planId, projectId } = parseInput(projectParams, req.params);
      const plan = await getPlan(db, orgId, planId);
      if (!plan || !isServed(plan)) throw new NotFoundError(`plan ${orgId}/${planId}`, 'ไม่พบแผนนี้');
      const project = await getPlanProject(db, orgId, planId, projectId);
      if (!project) throw new NotFoundError(`project ${orgId}/${planId}/${projectId}`, 'ไม่พบโครงการนี้');
      res.json(project);
    },
  );

  return router;
}
