/**
 * The service-manual API (functions/src/manuals/routes.ts): public and read-only. The routes validate with these
 * schemas. GET /manuals/:id answers the whole stored manual, whose model is the feature's data
 * (manuals/schema.ts `Manual`); the list answers the summaries below.
 */
import { z } from 'zod';
import { orgIdSchema } from './orgs.ts';

export const MANUAL_CATEGORIES = ['registration', 'permit', 'tax', 'welfare', 'public-service', 'rights'] as const;
export type ManualCategory = (typeof MANUAL_CATEGORIES)[number];

export const manualIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'manual id: 2-64 lowercase letters, digits or dashes');

export const manualListParamsSchema = z.object({ orgId: orgIdSchema });
export const manualParamsSchema = manualListParamsSchema.extend({ id: manualIdSchema });

/** One manual in the list. */
export interface ManualSummary {
  id: string;
  title: string;
  summary: string;
  category: ManualCategory;
  totalTime: string;
  fee: string;
}

/** GET /manuals. */
export interface ManualList {
  orgId: string;
  manuals: ManualSummary[];
}
