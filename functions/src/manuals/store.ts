import type { Firestore, FirestoreDataConverter } from 'firebase-admin/firestore';
import { ValidationError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import { TEMPLATE_VERSION } from './content/common.ts';
import { manualSchema, type Manual, type ManualContent } from './schema.ts';
import { compareManuals, instantiateStandardManuals, type InstantiateOptions } from './standard.ts';

/**
 * Manuals live at `orgs/{orgId}/manuals/{manualId}`: one document per manual, its id the manual id, so seeding is
 * create-if-absent on deterministic ids (safe to repeat and to race, never overwriting an organisation's edits).
 */

/** Firestore rejects `undefined`; optional fields that are absent are simply left out. */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const manualConverter: FirestoreDataConverter<Manual> = {
  toFirestore: (manual) => withoutUndefined(manual),
  fromFirestore: (snap) => manualSchema.parse({ ...snap.data(), id: snap.id }),
};

const manualsRef = (db: Firestore, orgId: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.manuals);

const manualRef = (db: Firestore, orgId: string, id: string) => manualsRef(db, orgId).doc(id).withConverter(manualConverter);

export interface SeedResult {
  created: string[];
  existing: string[];
}

/**
 * Gives the organisation every standard manual it does not have yet, its name and office filled in. A manual that
 * exists (seeded before, or edited by the organisation) is left untouched.
 */
export async function seedStandardManuals(
  db: Firestore,
  org: Org,
  now: Date,
  options: InstantiateOptions = {},
): Promise<SeedResult> {
  const manuals = instantiateStandardManuals(org, now, options);
  const outcomes = await Promise.all(
    manuals.map(async (m) => ({ id: m.id, created: await createIfAbsent(() => manualRef(db, org.id, m.id).create(m)) })),
  );
  return {
    created: outcomes.filter((o) => o.created).map((o) => o.id),
    existing: outcomes.filter((o) => !o.created).map((o) => o.id),
  };
}

/**
 * The organisation's manuals, standard ones first in the brief's order. A stored document that no longer matches the
 * model is skipped (and reported through `onInvalid`) so one bad edit cannot take the whole list down.
 */
export async function listManuals(
  db: Firestore,
  orgId: string,
  onInvalid?: (id: string, message: string) => void,
): Promise<Manual[]> {
  const snap = await manualsRef(db, orgId).get();
  const manuals: Manual[] = [];
  for (const doc of snap.docs) {
    const parsed = manualSchema.safeParse({ ...doc.data(), id: doc.id });
    if (parsed.success) manuals.push(parsed.data);
    else onInvalid?.(doc.id, parsed.error.message);
  }
  return manuals.sort(compareManuals);
}

export async function getManual(db: Firestore, orgId: string, id: string): Promise<Manual | null> {
  const snap = await manualRef(db, orgId, id).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** A manual as written by an organisation: full content, optionally the template version it started from. */
export type ManualToSave = ManualContent & { templateVersion?: number };

/**
 * Writes complete manuals as the organisation's own (`source: "organisation"`), replacing what was stored under the
 * same ids. Everything is validated before the first write, so invalid input writes nothing.
 */
export async function saveManuals(db: Firestore, orgId: string, manuals: ManualToSave[], now: Date): Promise<Manual[]> {
  const updatedAt = now.toISOString();
  const ids = new Set<string>();
  const valid = manuals.map((m) => {
    if (ids.has(m.id)) throw new ValidationError([{ path: m.id, message: 'the same manual id appears twice' }]);
    ids.add(m.id);
    return manualSchema.parse({ ...m, source: 'organisation', templateVersion: m.templateVersion ?? TEMPLATE_VERSION, updatedAt });
  });
  // Batches of at most 400 writes; each manual is a whole-document write, so a retry after a failure is harmless.
  // Every top-level field is always present (optional ones as null): real Firestore's set() replaces a document, but
  // the embedded emulator's set() keeps top-level fields it was not given and ignores FieldValue.delete().
  for (let i = 0; i < valid.length; i += 400) {
    const batch = db.batch();
    for (const m of valid.slice(i, i + 400)) batch.set(manualRef(db, orgId, m.id), m);
    await batch.commit();
  }
  return valid;
}

/** The newest `updatedAt` among the organisation's manuals (null when it has none): changes on every seed or save. */
export async function getManualsUpdatedAt(db: Firestore, orgId: string): Promise<string | null> {
  const snap = await manualsRef(db, orgId).orderBy('updatedAt', 'desc').limit(1).select('updatedAt').get();
  const value: unknown = snap.docs[0]?.get('updatedAt');
  return typeof value === 'string' ? value : null;
}

/** A cheap fingerprint for caches and search indexes: the newest update plus the count. */
export async function getManualsVersion(db: Firestore, orgId: string): Promise<string> {
  const [updatedAt, count] = await Promise.all([getManualsUpdatedAt(db, orgId), manualsRef(db, orgId).count().get()]);
  return `${updatedAt ?? 'none'}|${count.data().count}`;
}

/**
 * Links a manual to the queue service that serves it (its card then offers "จองคิว"), unless the organisation has
 * already chosen a link. Returns true when it linked.
 */
export async function linkManualToQueueService(db: Firestore, orgId: string, manualId: string, serviceId: string, now: Date): Promise<boolean> {
  const manual = await getManual(db, orgId, manualId);
  if (!manual || manual.queueServiceId) return false;
  await manualRef(db, orgId, manualId).update({ queueServiceId: serviceId, updatedAt: now.toISOString() });
  return true;
}
