/**
 * Public, read-only plan API: published versions only (a draft under review answers 404, as if absent). Thin: params
 * are checked with zod, the use cases are in service.ts; errors (express 5 forwards async throws) are mapped to HTTP
 * in one place by the platform (ValidationError → 400, NotFoundError → 404).
 */
import { Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { planParamsSchema, planProjectParamsSchema } from '../contracts/plans.ts';
import { parseInput } from '../http/validate.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getPublishedPlan, getPublishedProject, listPublishedPlans } from './service.ts';

const orgParams = z.object({ orgId: orgIdSchema });
const planParams = orgParams.extend(planParamsSchema.shape);
const projectParams = orgParams.extend(planProjectParamsSchema.shape);

export function plansRouter(deps: { db: Firestore }): Router {
  const { db } = deps;
  const router = Router();

  router.get('/api/orgs/:orgId/plans', async (req, res) => {
    const { orgId } = parseInput(orgParams, req.params);
    res.json(await listPublishedPlans(db, orgId));
  });

  router.get('/api/orgs/:orgId/plans/:planId', async (req, res) => {
    const { orgId, planId } = parseInput(planParams, req.params);
    res.json(await getPublishedPlan(db, orgId, planId));
  });

  router.get('/api/orgs/:orgId/plans/:planId/projects/:projectId', async (req, res) => {
    const { orgId, planId, projectId } = parseInput(projectParams, req.params);
    res.json(await getPublishedProject(db, orgId, planId, projectId));
  });

  return router;
}
