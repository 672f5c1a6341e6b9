/**
 * Manual use cases: an organisation's manuals (its own, or the standard set filled in for it when it has not been
 * seeded yet, so residents are never left without an answer), one manual, and one asked about from a LINE card.
 */
import type { Firestore } from '../store/firestore.ts';
import { NotFoundError } from '../errors.ts';
import { getOrg } from '../orgs/store.ts';
import type { ManualList } from '../contracts/manuals.ts';
import { summarizeManual, type Manual } from './schema.ts';
import { instantiateStandardManuals } from './standard.ts';
import { getManual, listManuals } from './store.ts';

async function orgManuals(db: Firestore, orgId: string): Promise<Manual[]> {
  const org = await getOrg(db, orgId);
  if (!org) throw new NotFoundError(`org ${orgId}`, 'ไม่พบหน่วยงานนี้');
  const stored = await listManuals(db, orgId);
  if (stored.length > 0) return stored;
  const created = new Date(org.createdAt);
  return instantiateStandardManuals(org, Number.isNaN(created.getTime()) ? new Date(0) : created);
}

/** GET /manuals: the organisation's manuals as summaries. */
export async function listManualSummaries(db: Firestore, orgId: string): Promise<ManualList> {
  return { orgId, manuals: (await orgManuals(db, orgId)).map(summarizeManual) };
}

/** GET /manuals/:id: a stored manual, or a standard one the organisation has not stored yet. */
export async function getOrgManual(db: Firestore, orgId: string, id: string): Promise<Manual> {
  const stored = await getManual(db, orgId, id);
  const manual = stored ?? (await orgManuals(db, orgId)).find((m) => m.id === id && m.source === 'standard');
  if (!manual) throw new NotFoundError(`manual ${orgId}/${id}`, 'ไม่พบคู่มือบริการนี้');
  return manual;
}

/** The manual a LINE card's button asks about, if it is still stored. */
export async function findStoredManual(db: Firestore, orgId: string, id: string): Promise<Manual | null> {
  return getManual(db, orgId, id);
}
