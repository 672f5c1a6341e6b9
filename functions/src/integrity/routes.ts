/**
 * HTTP surface of the integrity-officer role: pending grants and their decisions, the audit log (integrity officers),
 * and revoking the role (admins or integrity officers). Thin: validate, take the caller from the verified token, call
 * the use case.
 */
import { Router, type Response } from 'express';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import { parseInput } from '../http/validate.ts';
import { AUDIT_LABELS, auditQuery, decisionBodySchema, grantIdParams, revokeBodySchema, userIdParams, type AuditList, type GrantList } from '../contracts/integrity.ts';
import { decideGrant, listAuditFor, listGrantsFor, revokeIntegrityRole, type IntegrityDeps, type StaffActor } from './service.ts';

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
    const body: GrantList = { grants: await listGrantsFor(deps, orgOf(res).id, actorOf(res)) };
    res.json(body);
  });

  router.post(`${base}/grants/:id/approve`, ...officer, async (req, res) => {
    const { id } = parseInput(grantIdParams, req.params);
    const { reason } = parseInput(decisionBodySchema, req.body ?? {});
    res.json({ grant: await decideGrant(deps, orgOf(res), actorOf(res), id, { approve: true, reason }) });
  });

  router.post(`${base}/grants/:id/reject`, ...officer, async (req, res) => {
    const { id } = parseInput(grantIdParams, req.params);
    const { reason } = parseInput(decisionBodySchema, req.body ?? {});
    res.json({ grant: await decideGrant(deps, orgOf(res), actorOf(res), id, { approve: false, reason }) });
  });

  router.get(`${base}/audit`, ...officer, async (req, res) => {
    const q = parseInput(auditQuery, req.query);
    res.set('Cache-Control', 'private, no-store');
    const entries = await listAuditFor(deps, orgOf(res).id, actorOf(res), q);
    const body: AuditList = { entries: entries.map((e) => ({ ...e, actionLabel: AUDIT_LABELS[e.action] })) };
    res.json(body);
  });

  // An officer leaving, or one who should not have the role: admins or integrity officers, with a reason, logged.
  router.post(`${base}/officers/:userId/revoke`, loadOrg(deps.db), authenticate(deps), requireRole('admin', 'integrity_officer'), async (req, res) => {
    const { userId } = parseInput(userIdParams, req.params);
    const { reason } = parseInput(revokeBodySchema, req.body ?? {});
    await revokeIntegrityRole(deps, orgOf(res), actorOf(res), userId, reason);
    res.json({ revoked: true });
  });

  return router;
}
