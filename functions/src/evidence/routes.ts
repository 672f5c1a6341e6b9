/** The evidence index: `GET /api/orgs/:orgId/evidence?year=YYYY` and the public page `/orgs/:orgId/evidence`. */
import { Router, type Request, type Response } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { loadOrg, orgOf } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { parseInput } from '../http/validate.ts';
import { evidenceQuerySchema } from '../contracts/evidence.ts';
import { evidenceHtml } from './page.ts';
import { currentAssessmentYear, evidenceIndex, knownYears, type EvidenceDeps } from './service.ts';

const query = evidenceQuerySchema;

export function evidenceRouter(deps: { db: Firestore; clock: Clock; liffLocalBase?: string | undefined }): Router {
  const router = Router();
  const org = loadOrg(deps.db);
  const service: EvidenceDeps = deps;
  const load = async (req: Request, res: Response) => {
    const { year } = parseInput(query, req.query);
    return evidenceIndex(service, orgOf(res), year ?? currentAssessmentYear(deps.clock.now()));
  };

  router.get('/api/orgs/:orgId/evidence', org, async (req, res) => {
    const index = await load(req, res);
    res.set('Cache-Control', 'public, max-age=60');
    res.json(index);
  });

  router.get('/orgs/:orgId/evidence', org, async (req, res) => {
    const index = await load(req, res);
    res.set('Cache-Control', 'public, max-age=60');
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.type('html').send(evidenceHtml(index, knownYears(), `/api/orgs/${encodeURIComponent(index.org.id)}/evidence?year=${index.year}`));
  });

  return router;
}
