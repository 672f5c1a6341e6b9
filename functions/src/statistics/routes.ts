/** Public statistics of a fiscal year at stable URLs, no login: `/orgs/:orgId/statistics/:year` and its JSON. */
import { Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { loadOrg, orgOf } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { parseInput } from '../http/validate.ts';
import { statisticsParamsSchema } from '../contracts/statistics.ts';
import { statisticsHtml } from './page.ts';
import { orgStatistics } from './service.ts';

const params = statisticsParamsSchema;

export const statisticsUrl = (orgId: string, year: number) => `/orgs/${encodeURIComponent(orgId)}/statistics/${year}`;

export function statisticsRouter(deps: { db: Firestore; clock: Clock }): Router {
  const router = Router();
  const org = loadOrg(deps.db);

  router.get('/api/orgs/:orgId/statistics/:year', org, async (req, res) => {
    const { year } = parseInput(params, req.params);
    res.set('Cache-Control', 'public, max-age=60');
    res.json(await orgStatistics(deps, orgOf(res), year));
  });

  router.get('/orgs/:orgId/statistics/:year', org, async (req, res) => {
    const { year } = parseInput(params, req.params);
    const o = orgOf(res);
    const s = await orgStatistics(deps, o, year);
    const base = `/api/orgs/${encodeURIComponent(o.id)}`;
    res.set('Cache-Control', 'public, max-age=60');
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.type('html').send(
      statisticsHtml(s, {
        json: `${base}/statistics/${year}`,
        complaintsCsv: `${base}/complaints/stats.csv?from=${s.range.from.slice(0, 7)}&to=${s.range.to.slice(0, 7)}`,
        ratingsCsv: `${base}/ratings/summary.csv?from=${s.range.from}&to=${s.through}`,
      }),
    );
  });

  return router;
}
