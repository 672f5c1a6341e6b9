/**
 * The ITA evidence-index API (functions/src/evidence/routes.ts): public, no login. The answer's type (`EvidenceIndex`,
 * evidence/service.ts) is built on the stored item model (evidence/schema.ts); no LIFF page reads it today.
 */
import { z } from 'zod';
import { yearParamSchema } from './common.ts';

/** `?year=` (Buddhist era); default: the current assessment year. */
export const evidenceQuerySchema = z.object({ year: yearParamSchema.optional() }).strict();
