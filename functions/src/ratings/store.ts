/**
 * The only module of the ratings feature that touches Firestore. Correct without transaction isolation (the embedded
 * emulator has none) and without atomic commits there:
 *
 * orgs/{orgId}/ratingKeys/{key}            the "once only" claim, created with create(): ticket:{id} | complaint:{id} |
 *                                          walkin:{serviceId}:{YYYY-MM-DD}:{raterHash}
 * orgs/{orgId}/ratings/{key}               the rating, same id as its key, created with create(); never updated
 * orgs/{orgId}/ratingComments/{key}        its comment, apart (staff only)
 * orgs/{orgId}/corruptionRatingComments/{key}  the comment of a corruption case's rating (integrity officers only,
 *                                          read through the case; never in the staff comment listings)
 * orgs/{orgId}/ratingAggregates/{YYYY-MM}_{serviceId}   per-day counts of each score of each item, by increments
 *                                          (flat fields d{DD}_{count}, see incrementsOf)
 * orgs/{orgId}/ratingSettings/current      target and its basis
 * orgs/{orgId}/ratingRuns/weekly-{week}    the weekly summary of that ISO week was sent
 *
 * A rating, its comment and the increments of its aggregate are one batch whose first write is the rating's create():
 * on Cloud Firestore the batch is atomic, so a rating is counted exactly when it exists, and a second create of the
 * same id fails the whole batch (nothing is counted twice). See docs/decisions/081-ratings-without-transactions.md.
 */
import { FieldValue, type DocumentData, type Firestore, type FirestoreDataConverter, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { getCurrentPlanHeader } from '../plans/store.ts';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent, isAlreadyExists } from '../store/errors.ts';
import { emptyDay, type DayCounts, type MonthAggregate } from './aggregate.ts';
import { AGE_GROUPS, DEFAULT_SETTINGS, ITEMS, SOURCES, TARGET_BASES, type Rating, type RatingComment, type RatingSettings, type Source } from './schema.ts';

export const RATING_COLLECTIONS = {
  keys: 'ratingKeys',
  ratings: 'ratings',
  comments: 'ratingComments',
  /** Comments on ratings of corruption cases: read only through the case, by integrity officers. */
  restrictedComments: 'corruptionRatingComments',
  aggregates: 'ratingAggregates',
  settings: 'ratingSettings',
  runs: 'ratingRuns',
} as const;
const C = RATING_COLLECTIONS;

function plain<T>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (v) => v as DocumentData,
    // Documents of these collections are written only by this module, from typed values.
    fromFirestore: (snap: QueryDocumentSnapshot) => snap.data() as T,
  };
}

const org = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);
const keysOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.keys).withConverter(plain<RatingKey>());
const ratingsOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.ratings).withConverter(plain<Rating>());
const commentsOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.comments).withConverter(plain<RatingComment>());
const restrictedCommentsOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.restrictedComments).withConverter(plain<RatingComment>());
const aggregatesOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.aggregates);
const settingsRef = (db: Firestore, orgId: string) => org(db, orgId).collection(C.settings).doc('current');
const runsOf = (db: Firestore, orgId: string) => org(db, orgId).collection(C.runs);

export const aggregateId = (month: string, serviceId: string) => `${month}_${serviceId}`;

// ---------- once-only keys ----------

export interface RatingKey {
  /** The rating this key admits: the same id as the key. */
  ratingId: string;
  source: Source;
  raterHash: string;
  createdAt: string;
}

/** Claims a key; false when it is taken (someone rated this ticket/complaint/day already, or is doing so now). */
export async function claimRatingKey(db: Firestore, orgId: string, key: string, claim: RatingKey): Promise<boolean> {
  return createIfAbsent(() => keysOf(db, orgId).doc(key).create(claim));
}

export async function getRatingKey(db: Firestore, orgId: string, key: string): Promise<RatingKey | null> {
  const snap = await keysOf(db, orgId).doc(key).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

// ---------- ratings ----------

/**
 * Aggregate documents hold flat fields, one per day and count: `d22_n` (ratings on the 22nd), `d22_c` (with a
 * comment), `d22_process_5` (answers scoring 5 on process), `d22_age_30_39`, `d22_src_walkin`. Flat, because the
 * embedded emulator implements increments on top-level fields only (nested field paths answer "Not implemented").
 */
const ageField = (g: string) => g.replace(/-/g, '_');
const dayField = (dd: string, rest: string) => `d${dd}_${rest}`;

function incrementsOf(dd: string, counts: DayCounts): DocumentData {
  const inc = (n: number) => FieldValue.increment(n);
  const out: DocumentData = { [dayField(dd, 'n')]: inc(counts.n) };
  if (counts.comments) out[dayField(dd, 'c')] = inc(counts.comments);
  for (const item of ITEMS) counts.items[item].forEach((c, i) => { if (c) out[dayField(dd, `${item}_${i + 1}`)] = inc(c); });
  for (const [k, v] of Object.entries(counts.ages)) if (v) out[dayField(dd, `age_${ageField(k)}`)] = inc(v);
  for (const [k, v] of Object.entries(counts.sources)) if (v) out[dayField(dd, `src_${k}`)] = inc(v);
  return out;
}

/**
 * Writes a rating (create: fails if it exists), its comment, and its counts into the (service, month) aggregate, in
 * one batch with the rating first. Returns false when the rating already exists (nothing written, nothing counted).
 */
export async function saveRating(db: Firestore, rating: Rating, comment: string | null, counts: DayCounts, now: Date): Promise<boolean> {
  const batch = db.batch();
  batch.create(ratingsOf(db, rating.orgId).doc(rating.id), rating);
  if (comment) {
    const where = rating.caseKind === 'corruption' ? restrictedCommentsOf : commentsOf;
    batch.create(where(db, rating.orgId).doc(rating.id), {
      ratingId: rating.id,
      serviceId: rating.serviceId,
      serviceTitle: rating.serviceTitle,
      source: rating.source,
      scores: rating.scores,
      comment,
      createdAt: rating.createdAt,
    });
  }
  const dd = rating.day.slice(8, 10);
  batch.set(
    aggregatesOf(db, rating.orgId).doc(aggregateId(rating.month, rating.serviceId)),
    { orgId: rating.orgId, serviceId: rating.serviceId, serviceTitle: rating.serviceTitle, month: rating.month, updatedAt: now.toISOString(), ...incrementsOf(dd, counts) },
    { merge: true },
  );
  try {
    await batch.commit();
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

export async function getRating(db: Firestore, orgId: string, id: string): Promise<Rating | null> {
  const snap = await ratingsOf(db, orgId).doc(id).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** Ratings created in [fromIso, toIso), oldest first: for rebuilding aggregates and for tests. */
export async function listRatings(db: Firestore, orgId: string, range: { fromIso?: string; toIso?: string } = {}): Promise<Rating[]> {
  let q: FirebaseFirestore.Query<Rating> = ratingsOf(db, orgId);
  if (range.fromIso) q = q.where('createdAt', '>=', range.fromIso);
  if (range.toIso) q = q.where('createdAt', '<', range.toIso);
  const snap = await q.get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

// ---------- aggregates ----------

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function parseDays(data: DocumentData): Record<string, DayCounts> {
  const days: Record<string, DayCounts> = {};
  for (const field of Object.keys(data)) {
    const m = /^d(\d{2})_n$/.exec(field);
    if (!m || !m[1]) continue;
    const dd = m[1];
    const f = (rest: string) => num(data[dayField(dd, rest)]);
    const day = emptyDay();
    day.n = f('n');
    day.comments = f('c');
    for (const item of ITEMS) for (let s = 0; s < 5; s++) day.items[item][s] = f(`${item}_${s + 1}`);
    for (const g of [...AGE_GROUPS, 'unknown' as const]) if (f(`age_${ageField(g)}`)) day.ages[g] = f(`age_${ageField(g)}`);
    for (const src of SOURCES) if (f(`src_${src}`)) day.sources[src] = f(`src_${src}`);
    days[dd] = day;
  }
  return days;
}

/** The aggregate documents of months `fromMonth`..`toMonth` (YYYY-MM), every service: a handful of reads. */
export async function listMonthAggregates(db: Firestore, orgId: string, fromMonth: string, toMonth: string): Promise<MonthAggregate[]> {
  const snap = await aggregatesOf(db, orgId).where('month', '>=', fromMonth).where('month', '<=', toMonth).get();
  return snap.docs.map((d) => {
    const data = d.data();
    return {
      serviceId: typeof data.serviceId === 'string' ? data.serviceId : d.id.slice(8),
      serviceTitle: typeof data.serviceTitle === 'string' ? data.serviceTitle : d.id.slice(8),
      month: typeof data.month === 'string' ? data.month : d.id.slice(0, 7),
      days: parseDays(data),
    };
  });
}

// ---------- comments (staff only) ----------

/** The rating of one complaint and its comment (wherever the case's kind put it), for the case's own staff view. */
export async function getComplaintRating(db: Firestore, orgId: string, complaintId: string): Promise<{ rating: Rating; comment: string | null } | null> {
  const id = `complaint:${complaintId}`;
  const rating = await getRating(db, orgId, id);
  if (!rating) return null;
  const [open, restricted] = await Promise.all([commentsOf(db, orgId).doc(id).get(), restrictedCommentsOf(db, orgId).doc(id).get()]);
  return { rating, comment: restricted.data()?.comment ?? open.data()?.comment ?? null };
}

/** Comments created in [fromIso, toIso), newest first, at most `limit`. */
export async function listRatingComments(db: Firestore, orgId: string, o: { fromIso: string; toIso: string; limit: number }): Promise<RatingComment[]> {
  const snap = await commentsOf(db, orgId).where('createdAt', '>=', o.fromIso).where('createdAt', '<', o.toIso).orderBy('createdAt', 'desc').limit(o.limit).get();
  return snap.docs.map((d) => d.data());
}

// ---------- settings ----------

/** The target: an admin's setting wins; else the one the current plan states; else 80 % on the mean. */
export async function getRatingSettings(db: Firestore, orgId: string): Promise<RatingSettings> {
  const snap = await settingsRef(db, orgId).get();
  if (!snap.exists) return planTarget(db, orgId);
  const d = snap.data() ?? {};
  const target = num(d.targetPercent);
  return {
    targetPercent: target >= 1 && target <= 100 ? target : DEFAULT_SETTINGS.targetPercent,
    targetBasis: (TARGET_BASES as readonly string[]).includes(d.targetBasis) ? (d.targetBasis as RatingSettings['targetBasis']) : DEFAULT_SETTINGS.targetBasis,
    targetSource: typeof d.targetSource === 'string' ? d.targetSource : '',
    origin: 'admin',
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : null,
  };
}

async function planTarget(db: Firestore, orgId: string): Promise<RatingSettings> {
  const plan = await getCurrentPlanHeader(db, orgId);
  const stated = plan?.summary.satisfactionTarget;
  if (!plan || !stated || stated.percent < 1 || stated.percent > 100) return { ...DEFAULT_SETTINGS };
  // The plan's title and the project that states it; long project names are cut so the line stays readable.
  const project = stated.projectName.length > 80 ? `${stated.projectName.slice(0, 79)}…` : stated.projectName;
  return { ...DEFAULT_SETTINGS, targetPercent: stated.percent, targetSource: `${plan.title}: ${project}`, origin: 'plan' };
}

export async function saveRatingSettings(db: Firestore, orgId: string, settings: Omit<RatingSettings, 'updatedAt' | 'origin'>, by: string, now: Date): Promise<void> {
  await settingsRef(db, orgId).set({ ...settings, updatedAt: now.toISOString(), updatedBy: by });
}

// ---------- weekly runs ----------

export async function isWeeklyRunDone(db: Firestore, orgId: string, week: string): Promise<boolean> {
  return (await runsOf(db, orgId).doc(`weekly-${week}`).get()).exists;
}

export async function markWeeklyRunDone(db: Firestore, orgId: string, week: string, info: { ratings: number; groups: number }, now: Date): Promise<void> {
  await createIfAbsent(() => runsOf(db, orgId).doc(`weekly-${week}`).create({ week, ...info, at: now.toISOString() }));
}
