/**
 * Public, read-only service manual API. Thin: params are checked with zod, the use cases are in service.ts; errors
 * (express 5 forwards async throws) are mapped to HTTP in one place by the platform (ValidationError → 400,
 * NotFoundError → 404).
 */
import { Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { manualListParamsSchema, manualParamsSchema } from '../contracts/manuals.ts';
import { parseInput } from '../http/validate.ts';
import { getOrgManual, listManualSummaries } from './service.ts';

const orgParams = manualListParamsSchema;
const manualParams = manualParamsSchema;

export function manualsRouter(deps: { db: Firestore }): Router {
  const { db } = deps;
  const router = Router();

  router.get('/api/orgs/:orgId/manuals', async (req, res) => {
    const { orgId } = parseInput(orgParams, req.params);
    res.json(await listManualSummaries(db, orgId));
  });

  router.get('/api/orgs/:orgId/manuals/:id', async (req, res) => {
    const { orgId, id } = parseInput(manualParams, req.params);
    res.json(await getOrgManual(db, orgId, id));
  });

  return router;
}
