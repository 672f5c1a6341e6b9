import express, { type Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { loadOrg, orgOf } from '../auth/middleware.ts';
import type { Mode } from '../contracts/orgs.ts';
import { listPublicOrgs, orgWithMode } from './service.ts';

/** Public organisation facts the LIFF app and others need (never credentials). Thin: the views come from the service. */
export function orgsRouter(deps: { db: Firestore; mode: Mode }): Router {
  const router = express.Router();
  router.get('/api/orgs', async (_req, res) => {
    res.json(await listPublicOrgs(deps.db));
  });
  router.get('/api/orgs/:orgId', loadOrg(deps.db), (_req, res) => {
    res.json(orgWithMode(orgOf(res), deps.mode));
  });
  return router;
}
