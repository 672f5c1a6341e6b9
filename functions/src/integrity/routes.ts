/**
 * HTTP surface of the integrity-officer role: pending grants and their decisions, the audit log (integrity officers),
 * and revoking the role (admins or integrity officers). Thin: validate, take the caller from the verified token, call
 * the use case, answer through the contract's schema (names and staff references only: no stored field, no LINE id).
 */
import { Router, type Response } from 'express';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import { parseInput } from '../http/validate.ts';
import { auditListSchema, auditQuery, decisionBodySchema, grantDecidedSchema, grantIdParams, grantListSchema, officerRefParams, revokeBodySchema } from '../contracts/integrity.ts';
import { decideGrant, listAuditFor, listGrantsFor, revokeIntegrityRole, viewGrant, type IntegrityDeps, type StaffActor } from './service.ts';

const actorOf = (res: Response): StaffActor => {
  const c = callerOf(res);
  return { userId: c.userId, staff: c.staff };
};

export function integrityRouter(deps: IntegrityDeps & { idTokens: IdTokenVerifier }): Router {
  const router = Router();
  const base = '/api/orgs/:orgId/staff/integrity';
  const officer = [loadOrg(deps.db), authenticate(deps), requireRole('integrity_officer')];

  router.get(`${base}/grants`, ...officer, async (_req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(grantListSchema.parse({ grants: await listGrantsFor(deps, orgOf(res).id, actorOf(res)) }));
  });

  router.post(`${base}/grants/:id/approve`, ...officer, async (req, res) => {
    const { id } = parseInput(grantIdParams, req.params);
    const { reason } = parseInput(decisionBodySchema, req.body ?? {});
    const grant = await decideGrant(deps, orgOf(res), actorOf(res), id, { approve: true, reason });
    res.json(grantDecidedSchema.parse({ grant: await viewGrant(deps, orgOf(res).id, actorOf(res), grant) }));
  });

  router.post(`${base}/grants/:id/reject`, ...officer, async (req, res) => {
    const { id } = parseInput(grantIdParams, req.params);
    const { reason } = parseInput(decisionBodySchema, req.body ?? {});
    const grant = await decideGrant(deps, orgOf(res), actorOf(res), id, { approve: false, reason });
    res.json(grantDecidedSchema.parse({ grant: await viewGrant(deps, orgOf(res).id, actorOf(res), grant) }));
  });

  router.get(`${base}/audit`, ...officer, async (req, res) => {
    const q = parseInput(auditQuery, req.query);
    res.set('Cache-Control', 'private, no-store');
    res.json(auditListSchema.parse({ entries: await listAuditFor(deps, orgOf(res).id, actorOf(res), q) }));
  });

  // An officer leaving, or one who should not have the role: admins or integrity officers, with a reason, logged. The
  // officer is named by staff reference (the members page has it), never by LINE user id.
  router.post(`${base}/officers/:ref/revoke`, loadOrg(deps.db), authenticate(deps), requireRole('admin', 'integrity_officer'), async (req, res) => {
    const { ref } = parseInput(officerRefParams, req.params);
    const { reason } = parseInput(revokeBodySchema, req.body ?? {});
    await revokeIntegrityRole(deps, orgOf(res), actorOf(res), ref, reason);
    res.json({ revoked: true });
  });

  return router;
}
