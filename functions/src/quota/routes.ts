import express, { type Router } from 'express';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import { quotaViewSchema, setCapSchema } from '../contracts/quota.ts';
import { parseInput } from '../http/validate.ts';
import { getQuotaView, setMonthlyCap, type QuotaDeps } from './service.ts';

/**
 * The push quota on the staff home: every staff member sees this month's spending against the limit (so officers
 * know when residents stop hearing by LINE); only an admin sets the organisation's monthly cap.
 */
export function quotaRouter(deps: QuotaDeps & { idTokens: IdTokenVerifier }): Router {
  const router = express.Router({ mergeParams: true });
  const base = '/api/orgs/:orgId/quota';
  const auth = [loadOrg(deps.db), authenticate(deps)];

  router.get(base, ...auth, requireRole('admin', 'officer', 'integrity_officer', 'queue_operator'), async (_req, res) => {
    res.json(quotaViewSchema.parse(await getQuotaView(deps, orgOf(res).id)));
  });

  router.put(`${base}/cap`, ...auth, requireRole('admin'), async (req, res) => {
    const { monthlyCap } = parseInput(setCapSchema, req.body);
    res.json(quotaViewSchema.parse(await setMonthlyCap(deps, orgOf(res).id, monthlyCap, callerOf(res).userId)));
  });
  return router;
}
