import express, { type Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { loadOrg, orgOf } from '../auth/middleware.ts';
import type { Mode } from '../config.ts';
import type { OrgWithMode } from '../contracts/orgs.ts';
import { publicOrg } from './schema.ts';
import { listOrgs } from './store.ts';

/** Public organisation facts the LIFF app and others need (never credentials). */
export function orgsRouter(deps: { db: Firestore; mode: Mode }): Router {
  const router = express.Router();
  router.get('/api/orgs', async (_req, res) => {
    res.json((await listOrgs(deps.db)).map(publicOrg));
  });
  router.get('/api/orgs/:orgId', loadOrg(deps.db), (_req, res) => {
    const body: OrgWithMode = { ...publicOrg(orgOf(res)), mode: deps.mode };
    res.json(body);
  });
  return router;
}
