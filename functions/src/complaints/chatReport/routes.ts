/**
 * The LIFF form's access to a chat draft ("แก้ไขในแบบฟอร์ม"): read it pre-filled, delete it once the form filed it.
 * Only the person whose draft it is (verified LINE ID token) gets it; anyone else is told it does not exist.
 */
import { Router } from 'express';
import type { IdTokenVerifier } from '../../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf } from '../../auth/middleware.ts';
import { parseInput } from '../../http/validate.ts';
import { chatDraftParams as params } from '../../contracts/complaints.ts';
import { deleteDraftForCaller, draftForCaller, type ChatReportDeps } from './service.ts';

export function chatDraftRouter(deps: ChatReportDeps & { idTokens: IdTokenVerifier }): Router {
  const router = Router();
  const path = '/api/orgs/:orgId/complaints/chat-drafts/:draftId';
  const guard = [loadOrg(deps.db), authenticate(deps)];

  router.get(path, ...guard, async (req, res) => {
    const { draftId } = parseInput(params, req.params);
    res.set('Cache-Control', 'private, no-store');
    res.json(await draftForCaller(deps, orgOf(res), callerOf(res), draftId));
  });

  router.delete(path, ...guard, async (req, res) => {
    const { draftId } = parseInput(params, req.params);
    await deleteDraftForCaller(deps, orgOf(res), callerOf(res), draftId);
    res.status(204).end();
  });
  return router;
}
