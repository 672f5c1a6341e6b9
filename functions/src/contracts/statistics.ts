/**
 * The public statistics API (functions/src/statistics/routes.ts): a fiscal year's figures, no login. The answer's
 * type (`OrgStatistics`, statistics/service.ts) is built from the complaints' and ratings' figures and moves here when
 * the complaints contract holds its statistics types; no LIFF page reads it today.
 */
import { z } from 'zod';
import { yearParamSchema } from './common.ts';

/** `/api/orgs/:orgId/statistics/:year` and the printable page. */
export const statisticsParamsSchema = z.object({ orgId: z.string(), year: yearParamSchema });
