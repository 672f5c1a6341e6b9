/**
 * HTTP surface of the queue (docs/queue.md lists every route). Thin: validate params/query/body with the queue's
 * contract (contracts/queue.ts), take identity from the verified LINE ID token, call a use case. Errors are thrown
 * and mapped to HTTP by the platform. The call log has read routes only: there is no way to change or delete an entry.
 * Everything it needs is passed in (app.ts): the queue's deps, shared with the LINE handlers, and the two middlewares
 * that load the organisation and verify the caller.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { callerOf, orgOf, requireRole } from '../auth/middleware.ts';
import {
  boardQuery,
  callLogResponseSchema,
  callNextBody,
  callTicketBody,
  cancelMyTicketBody,
  closedDayBody,
  closedDayParams,
  dayQuery,
  newServiceSchema,
  plainActionBody,
  reasonBody,
  recallBody,
  serviceParams,
  serviceUpdateSchema,
  skipBody,
  statsQuery,
  takeTicketBody,
  ticketParams,
  walkInBody,
  type Via,
} from '../contracts/queue.ts';
import { parseInput } from '../http/validate.ts';
import { liffUrl } from '../line/liff.ts';
import { hasRole } from '../staff/schema.ts';
import { callLogCsv, statsCsv } from './csv.ts';
import { boardPage, posterPage } from './pages.ts';
import {
  addService,
  boardData,
  callLog,
  callNextTicket,
  callTicket,
  cancelMyTicket,
  cancelTicketByStaff,
  closeDay,
  completeTicket,
  getTicketView,
  issueTicket,
  issueWalkInTicket,
  listMyTickets,
  listPublicServices,
  operatorView,
  queueStats,
  recallTicket,
  reinstateTicket,
  reopenDay,
  requireService,
  serviceStatus,
  skipTicket,
  startServingTicket,
  upcomingClosedDays,
  updateService,
  type Actor,
  type QueueDeps,
} from './service.ts';

export interface QueueRouterDeps {
  /** The queue's use-case deps (one per process: one number claimer, one read cache), shared with the LINE handlers. */
  queue: QueueDeps;
  /** Loads `:orgId` into the response (auth/middleware.ts `loadOrg`). */
  loadOrg: RequestHandler;
  /** Verifies the caller's LINE ID token (auth/middleware.ts `authenticate`). */
  authenticate: RequestHandler;
}

const staffActor = (res: Response, via: Via): Actor => {
  const caller = callerOf(res);
  return { userId: caller.userId, name: caller.staff?.displayName || 'เจ้าหน้าที่', kind: 'staff', via };
};

export function queueRouter(deps: QueueRouterDeps): Router {
  const router = Router();
  const q = deps.queue;
  const org = deps.loadOrg;
  const auth = deps.authenticate;
  const operator = [org, auth, requireRole('queue_operator', 'admin')];
  const admin = [org, auth, requireRole('admin')];
  const base = '/api/orgs/:orgId';
  const staff = `${base}/staff/queue`;
  const noStore = (res: Response) => res.set('Cache-Control', 'private, no-store');

  // ---- public ----
  router.get(`${base}/services`, org, async (_req, res) => {
    res.json(await listPublicServices(q, orgOf(res)));
  });
  router.get(`${base}/queue/closed-days`, org, async (_req, res) => {
    res.json((await upcomingClosedDays(q, orgOf(res).id)).map(({ day, name }) => ({ day, name })));
  });
  router.get(`${base}/services/:serviceId`, org, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    res.set('Cache-Control', 'no-store');
    res.json(await serviceStatus(q, orgOf(res), serviceId));
  });
  router.get(`${base}/queue/board`, org, async (req, res) => {
    const { services } = parseInput(boardQuery, req.query);
    res.set('Cache-Control', 'no-store');
    res.json(await boardData(q, orgOf(res), services));
  });
  router.get(`${base}/queue/stats`, org, async (req, res) => {
    const { from, to, service } = parseInput(statsQuery, req.query);
    res.json(await queueStats(q, orgOf(res), { from, to, serviceId: service }));
  });
  router.get(`${base}/queue/stats.csv`, org, async (req, res) => {
    const { from, to, service } = parseInput(statsQuery, req.query);
    const stats = await queueStats(q, orgOf(res), { from, to, serviceId: service });
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="queue-stats-${orgOf(res).id}-${stats.from}-${stats.to}.csv"`);
    res.send(statsCsv(stats));
  });

  // ---- citizens (LINE ID token) ----
  router.post(`${base}/services/:serviceId/tickets`, org, auth, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const { notifyNear } = parseInput(takeTicketBody, req.body ?? {});
    const { ticket, created } = await issueTicket(q, orgOf(res), serviceId, callerOf(res).userId, { notifyNear });
    noStore(res);
    res.status(created ? 201 : 200).json({ ...ticket, created });
  });
  router.get(`${base}/tickets/mine`, org, auth, async (_req, res) => {
    noStore(res);
    res.json({ tickets: await listMyTickets(q, orgOf(res), callerOf(res).userId) });
  });
  router.get(`${base}/tickets/:ticketId`, org, auth, async (req, res) => {
    const { ticketId } = parseInput(ticketParams, req.params);
    const caller = callerOf(res);
    noStore(res);
    res.json(await getTicketView(q, orgOf(res), ticketId, { userId: caller.userId, isStaff: hasRole(caller.staff, 'queue_operator', 'admin') }));
  });
  router.post(`${base}/tickets/:ticketId/cancel`, org, auth, async (req, res) => {
    const { ticketId } = parseInput(ticketParams, req.params);
    parseInput(cancelMyTicketBody, req.body ?? {});
    noStore(res);
    res.json(await cancelMyTicket(q, orgOf(res), ticketId, callerOf(res).userId));
  });

  // ---- queue operators ----
  router.get(`${staff}/services`, ...operator, async (_req, res) => {
    noStore(res);
    res.json(await q.store.listServices(orgOf(res).id));
  });
  router.get(`${staff}/services/:serviceId`, ...operator, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const { day } = parseInput(dayQuery, req.query);
    noStore(res);
    res.json(await operatorView(q, orgOf(res), serviceId, day));
  });
  router.post(`${staff}/services/:serviceId/walk-in`, ...operator, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const body = parseInput(walkInBody, req.body ?? {});
    res.status(201).json(await issueWalkInTicket(q, orgOf(res), serviceId, staffActor(res, body.via), body.note));
  });
  router.post(`${staff}/services/:serviceId/call-next`, ...operator, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const body = parseInput(callNextBody, req.body);
    res.json(await callNextTicket(q, orgOf(res), serviceId, body.counterId, staffActor(res, body.via)));
  });
  router.post(`${staff}/tickets/:ticketId/call`, ...operator, async (req, res) => {
    const { ticketId } = parseInput(ticketParams, req.params);
    const body = parseInput(callTicketBody, req.body);
    res.json(await callTicket(q, orgOf(res), ticketId, body.counterId, staffActor(res, body.via), body.reason));
  });
  router.post(`${staff}/tickets/:ticketId/recall`, ...operator, async (req, res) => {
    const { ticketId } = parseInput(ticketParams, req.params);
    const body = parseInput(recallBody, req.body ?? {});
    res.json(await recallTicket(q, orgOf(res), ticketId, staffActor(res, body.via), body.calls));
  });
  for (const [path, act] of [
    ['start', startServingTicket],
    ['complete', completeTicket],
  ] as const) {
    router.post(`${staff}/tickets/:ticketId/${path}`, ...operator, async (req, res) => {
      const { ticketId } = parseInput(ticketParams, req.params);
      const body = parseInput(plainActionBody, req.body ?? {});
      res.json(await act(q, orgOf(res), ticketId, staffActor(res, body.via)));
    });
  }
  router.post(`${staff}/tickets/:ticketId/skip`, ...operator, async (req, res) => {
    const { ticketId } = parseInput(ticketParams, req.params);
    const body = parseInput(skipBody, req.body ?? {});
    res.json(await skipTicket(q, orgOf(res), ticketId, staffActor(res, body.via), body.reason));
  });
  router.post(`${staff}/tickets/:ticketId/cancel`, ...operator, async (req, res) => {
    const { ticketId } = parseInput(ticketParams, req.params);
    const body = parseInput(reasonBody, req.body ?? {});
    res.json(await cancelTicketByStaff(q, orgOf(res), ticketId, staffActor(res, body.via), body.reason));
  });
  router.post(`${staff}/tickets/:ticketId/reinstate`, ...operator, async (req, res) => {
    const { ticketId } = parseInput(ticketParams, req.params);
    const body = parseInput(reasonBody, req.body ?? {});
    res.json(await reinstateTicket(q, orgOf(res), ticketId, staffActor(res, body.via), body.reason));
  });

  // The call log: read-only, for operators and admins (it names staff members).
  router.get(`${staff}/services/:serviceId/log`, ...operator, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const { day } = parseInput(dayQuery, req.query);
    const log = await callLog(q, orgOf(res), serviceId, day);
    noStore(res);
    // Through the contract's schema: the entries' LINE user ids stay on the server.
    res.json(callLogResponseSchema.parse({ serviceId: log.service.id, day: log.day, entries: log.entries }));
  });
  router.get(`${staff}/services/:serviceId/log.csv`, ...operator, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const { day } = parseInput(dayQuery, req.query);
    const log = await callLog(q, orgOf(res), serviceId, day);
    noStore(res);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="queue-log-${orgOf(res).id}-${serviceId}-${log.day}.csv"`);
    res.send(callLogCsv(log.service, log.entries));
  });

  // ---- admins: services and counters ----
  router.post(`${staff}/services`, ...admin, async (req, res) => {
    const input = parseInput(newServiceSchema, req.body);
    res.status(201).json(await addService(q, orgOf(res).id, input));
  });
  router.put(`${staff}/closed-days/:day`, ...admin, async (req, res) => {
    const { day } = parseInput(closedDayParams, req.params);
    const { name } = parseInput(closedDayBody, req.body);
    res.json(await closeDay(q, orgOf(res).id, { day, name }, callerOf(res).userId));
  });
  router.delete(`${staff}/closed-days/:day`, ...admin, async (req, res) => {
    const { day } = parseInput(closedDayParams, req.params);
    await reopenDay(q, orgOf(res).id, day);
    res.status(204).end();
  });
  router.patch(`${staff}/services/:serviceId`, ...admin, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const update = parseInput(serviceUpdateSchema, req.body);
    res.json(await updateService(q, orgOf(res).id, serviceId, update));
  });

  // ---- pages without LINE login: the TV board and the printable poster ----
  router.get('/orgs/:orgId/queue/board', org, async (req, res) => {
    const { services } = parseInput(boardQuery, req.query);
    sendPage(res, boardPage(orgOf(res), services ?? []));
  });
  router.get('/orgs/:orgId/queue/:serviceId/poster', org, async (req, res) => {
    const { serviceId } = parseInput(serviceParams, req.params);
    const o = orgOf(res);
    const service = await requireService(q, o.id, serviceId, { active: true });
    sendPage(res, posterPage(o, service, liffUrl(o, `queue/${service.id}`, q.liffLocalBase) ?? null));
  });

  return router;
}

function sendPage(res: Response, page: { html: string; nonce: string }) {
  res.set('Content-Type', 'text/html; charset=utf-8');
  res.set('Cache-Control', 'no-store');
  res.set('Content-Security-Policy', `default-src 'self'; script-src 'nonce-${page.nonce}'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
  res.set('X-Content-Type-Options', 'nosniff');
  res.send(page.html);
}
