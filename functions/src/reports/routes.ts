/**
 * Reports at stable public URLs (monitoring reports are published): `/orgs/:orgId/reports/:year/:period` (printable
 * page), `….csv`, `….txt` (the template's text, importable), `/api/orgs/:orgId/reports/:year/:period` (JSON). Officers
 * and admins edit the problems and suggestions text.
 */
import { Router, type Response } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { parseInput } from '../http/validate.ts';
import { yearParamSchema } from '../contracts/common.ts';
import { asOfQuerySchema, PERIOD_LABELS, PERIODS, reportParamsSchema, reportTextBodySchema, type Period, type ReportList } from '../contracts/reports.ts';
import { reportCsv, reportHtml } from './render.ts';
import { editReportText, orgReport, reportYears } from './service.ts';
import { reportText } from './text.ts';

export interface ReportsRouterDeps {
  db: Firestore;
  idTokens: IdTokenVerifier;
  clock: Clock;
}

const apiParams = reportParamsSchema;
const pageParams = z.object({
  orgId: z.string(),
  year: yearParamSchema,
  file: z
    .string()
    .regex(/^(six-month|annual)(\.csv|\.txt)?$/, { error: 'รอบรายงานต้องเป็น six-month หรือ annual (ต่อท้าย .csv หรือ .txt ได้)' })
    .transform((f) => ({ period: f.replace(/\..*$/, '') as Period, format: f.endsWith('.csv') ? 'csv' : f.endsWith('.txt') ? 'txt' : 'html' })),
});
const asOfQuery = asOfQuerySchema;
const textBody = reportTextBodySchema;

export const reportUrl = (orgId: string, year: number, p: Period, ext = '') => `/orgs/${encodeURIComponent(orgId)}/reports/${year}/${p}${ext}`;

export function reportsRouter(deps: ReportsRouterDeps): Router {
  const router = Router();
  const org = loadOrg(deps.db);
  const revalidate = (res: Response) => res.set('Cache-Control', 'public, no-cache');

  router.get('/api/orgs/:orgId/reports', org, async (_req, res) => {
    const o = orgOf(res);
    const years = await reportYears(deps, o);
    revalidate(res);
    const body: ReportList = {
      reports: years.flatMap((year) =>
        PERIODS.map((p) => ({ fiscalYear: year, period: p, label: `ปีงบประมาณ ${year} ${PERIOD_LABELS[p]}`, url: reportUrl(o.id, year, p), csv: reportUrl(o.id, year, p, '.csv'), text: reportUrl(o.id, year, p, '.txt') })),
      ),
    };
    res.json(body);
  });

  router.get('/api/orgs/:orgId/reports/:year/:period', org, async (req, res) => {
    const { year, period: p } = parseInput(apiParams, req.params);
    const { asOf } = parseInput(asOfQuery, req.query);
    revalidate(res);
    res.json(await orgReport(deps, orgOf(res), year, p, asOf));
  });

  router.get('/orgs/:orgId/reports/:year/:file', org, async (req, res) => {
    const { year, file } = parseInput(pageParams, req.params);
    const { asOf } = parseInput(asOfQuery, req.query);
    const o = orgOf(res);
    const model = await orgReport(deps, o, year, file.period, asOf);
    revalidate(res);
    const name = `report-${o.id}-${year}-${file.period}`;
    if (file.format === 'csv') {
      res.set('Content-Type', 'text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.send(reportCsv(model));
    } else if (file.format === 'txt') {
      res.set('Content-Type', 'text/plain; charset=utf-8');
      res.set('Content-Disposition', `inline; filename="${name}.txt"`);
      res.send(reportText(model));
    } else {
      res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      res.type('html').send(reportHtml(model, { csv: reportUrl(o.id, year, file.period, '.csv'), text: reportUrl(o.id, year, file.period, '.txt') }));
    }
  });

  router.put('/api/orgs/:orgId/staff/reports/:year/:period/text', org, authenticate(deps), requireRole('admin', 'officer'), async (req, res) => {
    const { year, period: p } = parseInput(apiParams, req.params);
    const body = parseInput(textBody, req.body);
    const caller = callerOf(res);
    res.set('Cache-Control', 'private, no-store');
    res.json(await editReportText(deps, orgOf(res), year, p, caller.staff?.displayName || 'เจ้าหน้าที่', body));
  });

  return router;
}
