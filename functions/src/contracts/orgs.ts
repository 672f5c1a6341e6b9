/**
 * The organisations API (functions/src/orgs/routes.ts): the public facts of an organisation (never credentials). The
 * LIFF app reads these types with `import type`.
 */
import { z } from 'zod';

/** How the server runs (config.ts `MODE`): the LIFF app picks its sign-in by it. */
export type Mode = 'local' | 'emulator' | 'production';

export const orgIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'org id: 2-40 lowercase letters, digits or dashes');

/** GET /api/orgs (each) and the public part of GET /api/orgs/:orgId. */
export interface OrgView {
  id: string;
  name: string;
  district: string;
  province: string;
  timeZone: 'Asia/Bangkok';
  office: { address: string; phone: string; hours: string };
  liffId: string | null;
  currentPlanId: string | null;
}

/** GET /api/orgs/:orgId. */
export interface OrgWithMode extends OrgView {
  mode: Mode;
}
