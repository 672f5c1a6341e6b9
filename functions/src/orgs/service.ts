/** Organisation use cases: creating one (with its standard manuals) and the public views the API answers. */
import type { Firestore } from '../store/firestore.ts';
import { seedStandardManuals } from '../manuals/store.ts';
import type { Mode, OrgView, OrgWithMode } from '../contracts/orgs.ts';
import { publicOrg, type NewOrg, type Org } from './schema.ts';
import { createOrgIfAbsent, getOrg, listOrgs } from './store.ts';

/**
 * A new organisation starts with the full standard set of citizen manuals, its own name and office filled in, which it
 * then adapts. Idempotent: an existing organisation is kept, and only manuals it lacks are added (never overwritten).
 */
export async function createOrganisation(db: Firestore, input: NewOrg, now: Date): Promise<boolean> {
  const created = await createOrgIfAbsent(db, input);
  const org = await getOrg(db, input.id);
  if (org) await seedStandardManuals(db, org, now);
  return created;
}

/** Every organisation's public view (GET /api/orgs). */
export async function listPublicOrgs(db: Firestore): Promise<OrgView[]> {
  return (await listOrgs(db)).map(publicOrg);
}

/** One organisation's public view with the server's mode (GET /api/orgs/:orgId): the LIFF app picks its sign-in by it. */
export function orgWithMode(org: Org, mode: Mode): OrgWithMode {
  return { ...publicOrg(org), mode };
}
