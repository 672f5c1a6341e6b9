/**
 * HTTP surface of complaints. Thin: check params/query/body with zod, take identity from the verified token
 * (auth/middleware.ts), call a use case, shape nothing. Errors are thrown and mapped to HTTP by the platform.
 */
import { Router, type Request, type Response } from 'express';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, optionalCallerOf, orgOf, requireRole } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { RateLimitedError, UnauthenticatedError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import { statsCsv } from './csv.ts';
import { createRateLimiter, type RateLimiter, type WindowLimit } from '../http/rateLimit.ts';
import { parseInput } from '../http/validate.ts';
import {
  categoriesBodySchema,
  changeStatusSchema,
  complaintIdParams as idParam,
  fileComplaintSchema,
  inboxQuery,
  photoParams,
  reopenSchema,
  statsQuery,
  trackParams,
  trackQuery,
  undoBodySchema,
  type CategoryItem,
  type ComplaintStats,
  type FiledComplaint,
  type MineResponse,
  type StaffInboxResponse,
  type StatusChangeResponse,
} from '../contracts/complaints.ts';
import {
  changeComplaintStatus,
  fileComplaint,
  listMyComplaints,
  reopenComplaint,
  trackComplaint,
  type ComplaintDeps,
  type StaffActor,
} from './service.ts';
import { computeStats } from './stats.ts';
import type { Firestore } from '../store/firestore.ts';
import { categoryTitles, listCategories, listComplaints, setCategories } from './store.ts';
import { revealReporter } from './reveal.ts';
import { undoComplaintStatus } from './undo.ts';
import { getComplaintPhoto, getStaffComplaint, listStaffInbox } from './staffViews.ts';
import { revealBodySchema } from '../integrity/schema.ts';

export interface ComplaintsRouterDeps {
  db: Firestore;
  idTokens: IdTokenVerifier;
  notifier: Notifier;
  clock: Clock;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** Filing limit per organisation + caller (user, or IP without a token). Default: 5 per 30 minutes. */
  filingLimit?: WindowLimit | undefined;
  /** The limiter shared with reports filed in chat (app.ts); without it the router makes one from filingLimit. */
  filingLimiter?: RateLimiter | undefined;
  /** Tracking-code lookups per organisation + caller (user, or IP). Default: 30 per 10 minutes. */
  trackingLimit?: WindowLimit | undefined;
}

/**
 * The filing limit (5 per 30 minutes per organisation + caller), one budget whichever way a person files: the form
 * (this router) and a report made in chat (chatReport/) take from it.
 */
export function complaintFilingLimiter(deps: { db: Firestore; clock: Clock }, limit: WindowLimit = { limit: 5, windowMs: 30 * 60_000 }): RateLimiter {
  return createRateLimiter({ ...limit, name: 'complaint-filing', db: deps.db, clock: deps.clock });
}

const actorOf = (res: Response): StaffActor => {
  const caller = callerOf(res);
  return { userId: caller.userId, staff: caller.staff };
};

export function complaintsRouter(deps: ComplaintsRouterDeps): Router {
  const router = Router();
  const service: ComplaintDeps = { db: deps.db, notifier: deps.notifier, clock: deps.clock, liffLocalBase: deps.liffLocalBase, log: deps.log };
  const limiter: RateLimiter = deps.filingLimiter ?? complaintFilingLimiter(deps, deps.filingLimit);
  const trackingLimiter: RateLimiter = createRateLimiter({ ...(deps.trackingLimit ?? { limit: 30, windowMs: 10 * 60_000 }), name: 'complaint-tracking', db: deps.db, clock: deps.clock });
  const org = loadOrg(deps.db);
  const auth = authenticate(deps);
  const optionalAuth = authenticate(deps, { optional: true });
  const staffAuth = [org, auth, requireRole('admin', 'officer', 'integrity_officer')];
  const base = '/api/orgs/:orgId/complaints';
  const staffBase = '/api/orgs/:orgId/staff/complaints';

  router.get(`${base}/categories`, org, async (_req, res) => {
    const categories = await listCategories(deps.db, orgOf(res).id);
    res.json(categories.map((c): CategoryItem => ({ id: c.id, title: c.title, kind: c.kind })));
  });

  // Admins replace the organisation's categories; ones left out become inactive (old complaints keep their titles).
  router.put(`${staffBase}/categories`, org, auth, requireRole('admin'), async (req, res) => {
    const { categories } = parseInput(categoriesBodySchema, req.body);
    await setCategories(deps.db, orgOf(res).id, categories);
    const now = await listCategories(deps.db, orgOf(res).id);
    res.json(now.map((c): CategoryItem => ({ id: c.id, title: c.title, kind: c.kind })));
  });

  router.post(base, org, optionalAuth, async (req: Request, res: Response) => {
    const input = parseInput(fileComplaintSchema, req.body);
    const caller = optionalCallerOf(res);
    if (input.kind === 'general' && !caller) throw new UnauthenticatedError('general complaint without token');
    const who = caller ? `u:${caller.userId}` : `ip:${req.ip ?? 'unknown'}`;
    if (!(await limiter.take(`${orgOf(res).id}|${who}`))) throw new RateLimitedError('ส่งเรื่องถี่เกินไป กรุณารอสักครู่แล้วลองใหม่');
    const filed: FiledComplaint = await fileComplaint(service, orgOf(res), caller, input);
    res.status(201).json(filed);
  });

  router.get(`${base}/mine`, org, auth, async (_req, res) => {
    const body: MineResponse = { complaints: await listMyComplaints(service, orgOf(res), callerOf(res)) };
    res.json(body);
  });

  // Tracking codes are short: lookups are limited per caller so they cannot be enumerated.
  const limitTracking = async (req: Request, res: Response) => {
    const caller = optionalCallerOf(res);
    const who = caller ? `u:${caller.userId}` : `ip:${req.ip ?? 'unknown'}`;
    if (!(await trackingLimiter.take(`${orgOf(res).id}|${who}`))) throw new RateLimitedError('ตรวจสอบรหัสติดตามถี่เกินไป กรุณารอสักครู่แล้วลองใหม่');
  };

  router.get(`${base}/track/:trackingCode`, org, optionalAuth, async (req, res) => {
    await limitTracking(req, res);
    const { trackingCode } = parseInput(trackParams, req.params);
    const { secret } = parseInput(trackQuery, req.query);
    res.set('Cache-Control', 'private, no-store');
    res.json(await trackComplaint(service, orgOf(res), trackingCode, { secret, caller: optionalCallerOf(res) }));
  });

  // The complainant's "not fixed" (owner token, or the secret of an anonymous report in the body, never in the URL).
  router.post(`${base}/track/:trackingCode/reopen`, org, optionalAuth, async (req, res) => {
    await limitTracking(req, res);
    const { trackingCode } = parseInput(trackParams, req.params);
    const { reason, secret } = parseInput(reopenSchema, req.body);
    res.set('Cache-Control', 'private, no-store');
    res.json(await reopenComplaint(service, orgOf(res), trackingCode, { secret, caller: optionalCallerOf(res) }, { reason }));
  });

  // Public and unauthenticated, and it reads every complaint of the organisation: answers are kept for a minute.
  const statsCache = new Map<string, { at: number; value: ComplaintStats }>();
  const STATS_TTL_MS = 60_000;
  const stats = async (req: Request, res: Response): Promise<ComplaintStats> => {
    const range = parseInput(statsQuery, req.query);
    const orgId = orgOf(res).id;
    const key = `${orgId}|${range.from ?? ''}|${range.to ?? ''}`;
    const now = deps.clock.now();
    const hit = statsCache.get(key);
    if (hit && now.getTime() - hit.at < STATS_TTL_MS) return hit.value;
    const [all, titles] = await Promise.all([listComplaints(deps.db, orgId), categoryTitles(deps.db, orgId)]);
    const value = computeStats(all, titles, now, range);
    if (statsCache.size > 1000) statsCache.clear();
    statsCache.set(key, { at: now.getTime(), value });
    return value;
  };
  router.get(`${base}/stats`, org, async (req, res) => {
    res.json(await stats(req, res));
  });
  router.get(`${base}/stats.csv`, org, async (req, res) => {
    const body = statsCsv(await stats(req, res));
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="complaint-stats-${orgOf(res).id}.csv"`);
    res.send(body);
  });

  router.get(staffBase, ...staffAuth, async (req, res) => {
    const filter = parseInput(inboxQuery, req.query);
    res.set('Cache-Control', 'private, no-store');
    const body: StaffInboxResponse = { complaints: await listStaffInbox(service, orgOf(res), actorOf(res), filter) };
    res.json(body);
  });

  router.get(`${staffBase}/:id`, ...staffAuth, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const o = orgOf(res);
    res.set('Cache-Control', 'private, no-store');
    res.json(await getStaffComplaint(service, o, actorOf(res), id, (n) => `/api/orgs/${o.id}/staff/complaints/${id}/photos/${n}`));
  });

  router.post(`${staffBase}/:id/status`, ...staffAuth, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const input = parseInput(changeStatusSchema, req.body);
    const o = orgOf(res);
    const actor = actorOf(res);
    const changed = await changeComplaintStatus(service, o, actor, id, input);
    const detail = await getStaffComplaint(service, o, actor, id, (n) => `/api/orgs/${o.id}/staff/complaints/${id}/photos/${n}`);
    // The one who made the change may take it back until `undo.until`; the complainant is told after that.
    const body: StatusChangeResponse = { ...detail, undo: { seq: changed.update.seq, until: changed.undoUntil } };
    res.json(body);
  });

  router.post(`${staffBase}/:id/undo`, ...staffAuth, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const { seq } = parseInput(undoBodySchema, req.body ?? {});
    const o = orgOf(res);
    const actor = actorOf(res);
    await undoComplaintStatus(service, o, actor, id, seq);
    res.json(await getStaffComplaint(service, o, actor, id, (n) => `/api/orgs/${o.id}/staff/complaints/${id}/photos/${n}`));
  });

  // Who reported a corruption case: integrity officers only, one case at a time, with a reason; logged before shown.
  router.post(`${staffBase}/:id/reporter`, org, auth, requireRole('integrity_officer'), async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const { reason } = parseInput(revealBodySchema, req.body ?? {});
    res.set('Cache-Control', 'private, no-store');
    res.json(await revealReporter(service, orgOf(res), actorOf(res), id, reason));
  });

  router.get(`${staffBase}/:id/photos/:n`, ...staffAuth, async (req, res) => {
    const { id, n } = parseInput(photoParams, req.params);
    const photo = await getComplaintPhoto(service, orgOf(res), actorOf(res), id, n);
    res.set('Content-Type', photo.contentType);
    res.set('Cache-Control', 'private, no-store');
    res.set('X-Content-Type-Options', 'nosniff');
    res.send(photo.bytes);
  });

  return router;
}
