/**
 * HTTP surface of plan progress. Officers and admins read and update it (LINE ID token, role checked on every
 * request); anyone may read the public progress of a year. Thin: validate, call the use case.
 */
import { Router, type Response } from 'express';
import type { Firestore } from '../store/firestore.ts';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { parseInput } from '../http/validate.ts';
import type { Logger } from '../log.ts';
import { fileParamsSchema, progressListQuerySchema, progressUpdateSchema, projectParamsSchema, type StaffProgressList } from '../contracts/progress.ts';
import type { Actor } from './schema.ts';
import { currentFiscalYear, getProgressFile, getProjectProgress, listYearProgress, updateProgress, type ProgressDeps } from './service.ts';

export interface ProgressRouterDeps {
  db: Firestore;
  idTokens: IdTokenVerifier;
  clock: Clock;
  log?: Logger | undefined;
}

const listQuery = progressListQuerySchema;
const projectParams = projectParamsSchema;
const fileParams = fileParamsSchema;

export function progressRouter(deps: ProgressRouterDeps): Router {
  const router = Router();
  const service: ProgressDeps = { db: deps.db, clock: deps.clock, log: deps.log };
  const org = loadOrg(deps.db);
  const staff = [org, authenticate(deps), requireRole('admin', 'officer')];
  const base = '/api/orgs/:orgId';
  const noStore = (res: Response) => res.set('Cache-Control', 'private, no-store');
  const fileUrl = (orgId: string, year: number, projectId: string) => (n: number) =>
    `/api/orgs/${encodeURIComponent(orgId)}/staff/progress/${year}/${encodeURIComponent(projectId)}/files/${n}`;
  const actorOf = (res: Response): Actor => {
    const caller = callerOf(res);
    return { userId: caller.userId, displayName: caller.staff?.displayName || caller.name || 'เจ้าหน้าที่' };
  };

  router.get(`${base}/progress`, org, async (req, res) => {
    const q = parseInput(listQuery, req.query);
    const now = currentFiscalYear(deps.clock.now());
    const half = q.half === '1' ? 1 : q.half === '2' ? 2 : undefined;
    res.set('Cache-Control', 'public, no-cache');
    res.json(await listYearProgress(service, orgOf(res), q.year ?? now.year, half));
  });

  router.get(`${base}/staff/progress`, ...staff, async (req, res) => {
    const q = parseInput(listQuery, req.query);
    const now = currentFiscalYear(deps.clock.now());
    const year = q.year ?? now.year;
    // Default: this half-year's projects when the year is the current one; the whole year otherwise.
    const half = q.half === 'all' ? undefined : q.half ? (Number(q.half) as 1 | 2) : year === now.year ? now.half : undefined;
    noStore(res);
    const body: StaffProgressList = { current: now, ...(await listYearProgress(service, orgOf(res), year, half)) };
    res.json(body);
  });

  router.get(`${base}/staff/progress/:year/:projectId`, ...staff, async (req, res) => {
    const { year, projectId } = parseInput(projectParams, req.params);
    const o = orgOf(res);
    noStore(res);
    res.json(await getProjectProgress(service, o, year, projectId, fileUrl(o.id, year, projectId)));
  });

  router.put(`${base}/staff/progress/:year/:projectId`, ...staff, async (req, res) => {
    const { year, projectId } = parseInput(projectParams, req.params);
    const input = parseInput(progressUpdateSchema, req.body);
    const o = orgOf(res);
    noStore(res);
    res.json(await updateProgress(service, o, actorOf(res), year, projectId, input, fileUrl(o.id, year, projectId)));
  });

  router.get(`${base}/staff/progress/:year/:projectId/files/:n`, ...staff, async (req, res) => {
    const { year, projectId, n } = parseInput(fileParams, req.params);
    const file = await getProgressFile(service, orgOf(res), year, projectId, n);
    res.set('Content-Type', file.contentType);
    res.set('Cache-Control', 'private, no-store');
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Content-Disposition', `inline; filename="evidence-${n}${file.contentType === 'application/pdf' ? '.pdf' : ''}"`);
    res.send(file.bytes);
  });

  return router;
}
