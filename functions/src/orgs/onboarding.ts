import type { Firestore } from '../store/firestore.ts';
import { seedStandardManuals } from '../manuals/store.ts';
import type { NewOrg } from './schema.ts';
import { createOrgIfAbsent, getOrg } from './store.ts';

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
