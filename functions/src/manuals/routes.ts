/**
 * Public, read-only service manual API. Params are checked with zod; errors (express 5 forwards async throws) are mapped to HTTP
 * in one place by the platform (ValidationError → 400, NotFoundError → 404).
 *
 * An organisation is seeded with the standard manuals when it is created; if that has not happened yet, the API
 * answers with the standard set filled in for it (not stored), so residents are never left without an answer.
 */
import { Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { manualIdSchema, summarizeManual, type Manual } from './schema.ts';
import { instantiateStandardManuals } from './standard.ts';
import { getManual, listManuals } from './store.ts';

const orgParams = z.object({ orgId: orgIdSchema });
const manualParams = orgParams.extend({ id: manualIdSchema });



async function orgManuals(db: Firestore, orgId: string): Promise<Manual[]> {
  const org = await getOrg(db, orgId);
  if (!org) throw new NotFoundError(`org ${orgId}`, 'ไม่พบหน่วยงานนี้');
  const stored = await listManuals(db, orgId);
  if (stored.length > 0) return stored;
  const created = new Date(org.createdAt);
  return instantiateStandardManuals(org, Number.isNaN(created.getTime()) ? new Date(0) : created);
}

export function manualsRouter(deps: { db: Firestore }): Router {
  const { db } = deps;
  const router = Router();

  router.get(
    '/api/orgs/:orgId/manuals',
    async (req, res) => {
      const { orgId } = parseInput(orgParams, req.params);
      const manuals = await orgManuals(db, orgId);
      res.json({ orgId, manuals: manuals.map(summarizeManual) });
    },
  );

  router.get(
    '/api/orgs/:orgId/manuals/:id',
    async (req, res) => {
      const { orgId, id } = parseInput(manualParams, req.params);
      const stored = await getManual(db, orgId, id);
      const manual = stored ?? (await orgManuals(db, orgId)).find((m) => m.id === id && m.source === 'standard');
      if (!manual) throw new NotFoundError(`manual ${orgId}/${id}`, 'ไม่พบคู่มือบริการนี้');
      res.json(manual);
    },
  );

  return router;
}
