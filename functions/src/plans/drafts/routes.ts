/**
 * Draft plan review API, staff with `admin` only (validate, then forward to the service):
 *   GET  /api/orgs/:orgId/plans/drafts                                        the drafts, with open flag counts
 *   GET  /api/orgs/:orgId/plans/drafts/:planId                                one draft: flagged fields first, source lines, record
 *   POST /api/orgs/:orgId/plans/drafts/:planId/projects/:projectId/edit      { field, value }
 *   POST /api/orgs/:orgId/plans/drafts/:planId/projects/:projectId/accept    { field }
 *   POST /api/orgs/:orgId/plans/drafts/:planId/dimensions/:dimension/edit    { field: title | missions.<code>, value }
 *   POST /api/orgs/:orgId/plans/drafts/:planId/dimensions/:dimension/accept  { field }
 *   POST /api/orgs/:orgId/plans/drafts/:planId/publish
 * Mounted before the public plan routes (`/plans/:planId` would otherwise take "drafts" as a plan id).
 */
import express, { type Router } from 'express';
import type { IdTokenVerifier } from '../../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../../auth/middleware.ts';
import { parseInput } from '../../http/validate.ts';
import type { Response } from 'express';
import {
  acceptBodySchema,
  dimensionAcceptBodySchema,
  dimensionEditBodySchema,
  editBodySchema,
  planDimensionParamsSchema,
  planParamsSchema,
  planProjectParamsSchema,
  type DraftPublished,
  type ReviewActionDone,
} from '../../contracts/plans.ts';
import type { ReviewActor, ReviewEntry } from './schema.ts';
import { acceptDimensionTitle, acceptField, editDimensionTitle, editField, listDrafts, openDraft, publishDraft, type DraftDeps } from './service.ts';

const planParams = planParamsSchema;
const projectParams = planProjectParamsSchema;

const done = (entry: ReviewEntry): ReviewActionDone => ({
  entry: { id: entry.id, at: entry.at, action: entry.action, field: entry.field, before: entry.before, after: entry.after, ...(entry.dimension ? { dimension: entry.dimension } : {}) },
});

function actorOf(res: Response): ReviewActor {
  const caller = callerOf(res);
  return { userId: caller.userId, displayName: caller.staff?.displayName ?? caller.name ?? 'เจ้าหน้าที่' };
}

export function draftsRouter(deps: DraftDeps & { idTokens: IdTokenVerifier }): Router {
  const router = express.Router({ mergeParams: true });
  const base = '/api/orgs/:orgId/plans/drafts';
  const admin = [loadOrg(deps.db), authenticate(deps), requireRole('admin')];

  router.get(base, ...admin, async (_req, res) => {
    res.json(await listDrafts(deps, orgOf(res).id));
  });

  router.get(`${base}/:planId`, ...admin, async (req, res) => {
    const { planId } = parseInput(planParams, req.params);
    res.json(await openDraft(deps, orgOf(res).id, planId));
  });

  router.post(`${base}/:planId/projects/:projectId/edit`, ...admin, async (req, res) => {
    const { planId, projectId } = parseInput(projectParams, req.params);
    const body = parseInput(editBodySchema, req.body);
    const entry = await editField(deps, orgOf(res).id, planId, projectId, body.field, body.value, actorOf(res));
    res.status(201).json(done(entry));
  });

  router.post(`${base}/:planId/projects/:projectId/accept`, ...admin, async (req, res) => {
    const { planId, projectId } = parseInput(projectParams, req.params);
    const body = parseInput(acceptBodySchema, req.body);
    const entry = await acceptField(deps, orgOf(res).id, planId, projectId, body.field, actorOf(res));
    res.status(201).json(done(entry));
  });

  router.post(`${base}/:planId/dimensions/:dimension/edit`, ...admin, async (req, res) => {
    const { planId, dimension } = parseInput(planDimensionParamsSchema, req.params);
    const body = parseInput(dimensionEditBodySchema, req.body);
    res.status(201).json(done(await editDimensionTitle(deps, orgOf(res).id, planId, dimension, body.field, body.value, actorOf(res))));
  });

  router.post(`${base}/:planId/dimensions/:dimension/accept`, ...admin, async (req, res) => {
    const { planId, dimension } = parseInput(planDimensionParamsSchema, req.params);
    const body = parseInput(dimensionAcceptBodySchema, req.body);
    res.status(201).json(done(await acceptDimensionTitle(deps, orgOf(res).id, planId, dimension, body.field, actorOf(res))));
  });

  router.post(`${base}/:planId/publish`, ...admin, async (req, res) => {
    const { planId } = parseInput(planParams, req.params);
    const published = await publishDraft(deps, orgOf(res).id, planId, actorOf(res));
    const body: DraftPublished = { planId: published.planId, publishedAt: published.publishedAt, previousPlanId: published.previousPlanId };
    res.json(body);
  });

  return router;
}
