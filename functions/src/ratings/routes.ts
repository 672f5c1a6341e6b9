/**
 * HTTP surface of satisfaction ratings. Thin: check params/query/body with zod, take identity from the verified LINE
 * ID token (auth/middleware.ts), call a use case. Errors are thrown and mapped to HTTP by the platform.
 */
import { qrSvg } from '../http/qr.ts';
import { Router, type Request, type Response } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError, RateLimitedError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import { summaryCsv } from './csv.ts';
import type { ComplaintLookup, ServiceLookup, TicketLookup } from './lookups.ts';
import { posterHtml, resultsHtml } from './pages.ts';
import { createRateLimiter, type WindowLimit } from '../http/rateLimit.ts';
import {
  AGE_GROUP_LABELS,
  AGE_GROUPS,
  COMMENT_MAX,
  commentsQuerySchema,
  eligibilityQuerySchema,
  ITEM_LABELS,
  ITEM_SHORT_LABELS,
  ITEMS,
  rangeQuerySchema,
  SCORE_LABELS,
  SCORES,
  serviceIdSchema,
  settingsSchema,
  submitRatingSchema,
} from './schema.ts';
import type { RatingCommentList, RatingForm, RatingSummaryView } from '../contracts/ratings.ts';
import { changeSettings, getSettings, links, listComments, ratingEligibility, submitRating, summariseRatings, type RatingDeps } from './service.ts';
import { complaintLookup, queueServiceLookup, queueTicketLookup } from './adapters.ts';

const defaultQr = (url: string) => qrSvg(url, 'QR Code ไปยังแบบประเมินความพึงพอใจ');

export interface RatingsRouterDeps {
  db: Firestore;
  idTokens: IdTokenVerifier;
  notifier: Notifier;
  clock: Clock;
  /** Default: the queue's tickets (adapters.ts). */
  tickets?: TicketLookup | undefined;
  /** Default: the complaints feature's complaintRatingContext (adapters.ts). */
  complaints?: ComplaintLookup | undefined;
  /** Default: the queue's services (adapters.ts). */
  services?: ServiceLookup | undefined;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** Submissions per organisation + LINE user. Default: 10 at once, then one more every 3 minutes. */
  ratingLimit?: WindowLimit | undefined;
  /** Renders a QR code of a URL as inline SVG for the poster; default: the shared encoder (http/qr.ts). */
  qrSvg?: ((text: string) => string) | undefined;
}

const posterQuery = z.object({ serviceId: serviceIdSchema.optional() });

export function ratingsRouter(deps: RatingsRouterDeps): Router {
  const router = Router();
  const services = deps.services ?? queueServiceLookup(deps.db);
  const service: RatingDeps = {
    db: deps.db,
    notifier: deps.notifier,
    clock: deps.clock,
    services,
    tickets: deps.tickets ?? queueTicketLookup(deps.db),
    complaints: deps.complaints ?? complaintLookup(deps.db),
    liffLocalBase: deps.liffLocalBase,
    log: deps.log,
  };
  const limiter = createRateLimiter({ ...(deps.ratingLimit ?? { limit: 10, windowMs: 30 * 60_000 }), name: 'rating', db: deps.db, clock: deps.clock });
  const org = loadOrg(deps.db);
  const auth = authenticate(deps);
  const base = '/api/orgs/:orgId/ratings';
  const staffBase = '/api/orgs/:orgId/staff/ratings';

  // What the form shows: the items, the scale, age groups and the services that take ratings.
  router.get(`${base}/form`, org, async (_req, res) => {
    const list = await services.listServices(orgOf(res).id);
    const form: RatingForm = {
      items: ITEMS.map((id) => ({ id, label: ITEM_LABELS[id], shortLabel: ITEM_SHORT_LABELS[id] })),
      scores: SCORES.map((value) => ({ value, label: SCORE_LABELS[value] })),
      ageGroups: AGE_GROUPS.map((id) => ({ id, label: AGE_GROUP_LABELS[id] })),
      // In the queue's display order.
      services: list.filter((s) => s.active !== false).map((s) => ({ id: s.id, title: s.title })),
      commentMax: COMMENT_MAX,
    };
    res.json(form);
  });

  router.post(base, org, auth, async (req: Request, res: Response) => {
    const input = parseInput(submitRatingSchema, req.body, 'ข้อมูลแบบประเมินไม่ถูกต้อง');
    const o = orgOf(res);
    const caller = callerOf(res);
    if (!(await limiter.take(`${o.id}|${caller.userId}`))) throw new RateLimitedError('ส่งแบบประเมินถี่เกินไป กรุณารอสักครู่แล้วลองใหม่ค่ะ');
    res.status(201).json(await submitRating(service, o, caller, input));
  });

  // Read-only: may this person rate this ticket/complaint/service now? The form asks on load; nothing is claimed.
  router.get(`${base}/eligibility`, org, auth, async (req, res) => {
    const query = parseInput(eligibilityQuerySchema, req.query);
    res.set('Cache-Control', 'private, no-store');
    res.json(await ratingEligibility(service, orgOf(res), callerOf(res), query));
  });

  const summary = async (req: Request, res: Response): Promise<RatingSummaryView> => {
    const query = parseInput(rangeQuerySchema, req.query);
    const o = orgOf(res);
    const { settings: _settings, ...s } = await summariseRatings(service, o.id, query);
    return { org: { id: o.id, name: o.name }, generatedAt: deps.clock.now().toISOString(), ...s };
  };

  router.get(`${base}/summary`, org, async (req, res) => {
    const body = await summary(req, res);
    // Cacheable but always revalidated (ETag): a rating shows up on the next look.
    res.set('Cache-Control', 'public, no-cache');
    res.json(body);
  });

  router.get(`${base}/summary.csv`, org, async (req, res) => {
    const s = await summary(req, res);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="ratings-${s.org.id}-${s.range.from}-${s.range.to}.csv"`);
    res.send(summaryCsv(s));
  });

  router.get(`${staffBase}/comments`, org, auth, requireRole('officer', 'admin', 'queue_operator'), async (req, res) => {
    const query = parseInput(commentsQuerySchema, req.query);
    res.set('Cache-Control', 'private, no-store');
    const body: RatingCommentList = await listComments(service, orgOf(res).id, query);
    res.json(body);
  });

  router.get(`${staffBase}/settings`, org, auth, requireRole('officer', 'admin', 'queue_operator'), async (_req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await getSettings(service, orgOf(res).id));
  });

  router.put(`${staffBase}/settings`, org, auth, requireRole('admin'), async (req, res) => {
    const input = parseInput(settingsSchema, req.body);
    res.json(await changeSettings(service, orgOf(res).id, callerOf(res).userId, input));
  });

  // Printable poster for a service point (or, without serviceId, for the organisation's general form).
  router.get('/orgs/:orgId/ratings/poster', org, async (req, res) => {
    const { serviceId } = parseInput(posterQuery, req.query);
    const o = orgOf(res);
    const rated = serviceId ? await services.getService(o.id, serviceId) : null;
    if (serviceId && !rated) throw new NotFoundError('service', 'ไม่พบบริการนี้');
    const url = links.rate(service, o, rated?.id) ?? null;
    res.set('Content-Type', 'text/html; charset=utf-8');
    res.send(posterHtml({ orgName: o.name, serviceTitle: rated?.title ?? null, url, qrSvg: url ? (deps.qrSvg ?? defaultQr)(url) : undefined }));
  });

  // Plain public results page (server-rendered, inline SVG): the same figures as the JSON summary.
  router.get('/orgs/:orgId/ratings/results', org, async (req, res) => {
    const s = await summary(req, res);
    const qs = new URLSearchParams({ from: s.range.from, to: s.range.to, ...(s.serviceId ? { serviceId: s.serviceId } : {}) });
    res.set('Content-Type', 'text/html; charset=utf-8');
    res.set('Cache-Control', 'public, no-cache');
    res.send(resultsHtml(s.org.name, s, `/api/orgs/${s.org.id}/ratings/summary.csv?${qs}`));
  });

  return router;
}
