/**
 * Use cases of satisfaction ratings, in domain words: submit a rating (once per ticket, per complaint, or per person
 * per service per Bangkok day), summarise the published results, read comments (staff), change the target (admin).
 * Storage is the store's business; time comes from the injected clock.
 */
import type { Eligibility, SubmittedRating } from '../contracts/ratings.ts';
import { createHash } from 'node:crypto';
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, type DomainError, ForbiddenError, ValidationError } from '../errors.ts';
import { liffUrl } from '../line/liff.ts';
import type { Logger } from '../log.ts';
import type { Notification, Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { listStaffGroupIds } from '../staff/groupsStore.ts';
import { listStaffWithRole } from '../staff/store.ts';
import { countsOfRating, summarise, type RatingSummary } from './aggregate.ts';
import type { ComplaintLookup, RatedService, ServiceLookup, TicketLookup } from './lookups.ts';
import { corruptionLowScoreNotice, lowItems, lowScoreAlert } from './messages.ts';
import {
  COMPLAINT_SERVICE_ID,
  COMPLAINT_SERVICE_TITLE,
  type Rating,
  type EligibilityQuery,
  type RatingComment,
  type RatingSettings,
  type Source,
  type SubmitRatingInput,
} from './schema.ts';
import {
  type RatingKey,
  claimRatingKey,
  getRating,
  getRatingKey,
  getRatingSettings,
  listMonthAggregates,
  listRatingComments,
  saveRating,
  saveRatingSettings,
} from './store.ts';
import { bangkokDate, bangkokMonth, bangkokWeek, startOfBangkokDay, addDays } from '../time/bangkok.ts';
import { fiscalYearContaining } from '../time/fiscalYear.ts';

export interface RatingDeps {
  db: Firestore;
  notifier: Notifier;
  clock: Clock;
  services: ServiceLookup;
  tickets?: TicketLookup | undefined;
  complaints?: ComplaintLookup | undefined;
  /** Local mode: LIFF pages on this server (see line/liff.ts). */
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
}

/** A key claimed but never followed by its rating (a crash between the two writes) may be completed after this. */
export const STALE_CLAIM_MS = 2 * 60_000;

export const links = {
  results: (deps: Pick<RatingDeps, 'liffLocalBase'>, org: Pick<Org, 'id' | 'line'>) => liffUrl(org, 'ratings/results', deps.liffLocalBase),
  rate: (deps: Pick<RatingDeps, 'liffLocalBase'>, org: Pick<Org, 'id' | 'line'>, serviceId?: string) =>
    liffUrl(org, serviceId ? `ratings/new?service=${encodeURIComponent(serviceId)}` : 'ratings/new', deps.liffLocalBase),
  /** The staff comments page; `?service=<id>&low=1` opens it on one service's low scores (what the page reads). */
  staff: (deps: Pick<RatingDeps, 'liffLocalBase'>, org: Pick<Org, 'id' | 'line'>, filter: { serviceId?: string; low?: boolean } = {}) => {
    const query = new URLSearchParams({ ...(filter.serviceId ? { service: filter.serviceId } : {}), ...(filter.low ? { low: '1' } : {}) }).toString();
    return liffUrl(org, query ? `staff/ratings?${query}` : 'staff/ratings', deps.liffLocalBase);
  },
};

/** Pseudonymous rater id: stable per organisation and LINE user, so "once per day" can be checked without the id. */
export function raterHashOf(orgId: string, userId: string): string {
  return createHash('sha256').update(`rating-rater:${orgId}:${userId}`).digest('hex').slice(0, 32);
}

export const ratingKey = {
  ticket: (ticketId: string) => `ticket:${ticketId}`,
  complaint: (complaintId: string) => `complaint:${complaintId}`,
  walkin: (serviceId: string, day: string, raterHash: string) => `walkin:${serviceId}:${day}:${raterHash}`,
};

export const REFUSALS = {
  walkin: 'คุณได้ประเมินบริการนี้ไปแล้ววันนี้ ขอบคุณค่ะ',
  ticket: 'บัตรคิวนี้ได้รับการประเมินไปแล้ว ขอบคุณค่ะ',
  complaint: 'คุณได้ประเมินการจัดการเรื่องร้องเรียนนี้ไปแล้ว ขอบคุณค่ะ',
  inFlight: 'กำลังบันทึกผลการประเมินของคุณอยู่ ไม่ต้องส่งซ้ำค่ะ ขอบคุณค่ะ',
  ticketNotServed: 'บัตรคิวนี้ยังไม่ได้รับบริการเสร็จสิ้น ประเมินได้หลังรับบริการแล้วค่ะ',
  ticketNotYours: 'บัตรคิวนี้ไม่ได้รับผ่านบัญชี LINE ของคุณ จึงประเมินด้วยบัตรนี้ไม่ได้ค่ะ กรุณาสแกน QR Code ที่จุดบริการแทน',
  complaintNotRateable: 'ประเมินได้เฉพาะเรื่องร้องเรียนที่คุณแจ้งผ่าน LINE และดำเนินการเสร็จสิ้นแล้วค่ะ',
} as const;


async function resolveService(deps: RatingDeps, orgId: string, serviceId: string): Promise<RatedService> {
  const service = await deps.services.getService(orgId, serviceId);
  if (!service) throw new ValidationError([{ path: 'serviceId', message: 'ไม่พบบริการนี้' }], 'ไม่พบบริการที่ต้องการประเมิน');
  if (service.active === false) throw new ValidationError([{ path: 'serviceId', message: 'บริการนี้ปิดรับการประเมินแล้ว' }], 'บริการนี้ปิดรับการประเมินแล้ว');
  return service;
}

/** Which service is rated and which once-only key admits the rating, after checking the ticket or complaint. */
async function admission(deps: RatingDeps, org: Org, userId: string, input: EligibilityQuery, day: string, raterHash: string) {
  if (input.complaintId) {
    if (!deps.complaints) throw new ValidationError([{ path: 'complaintId', message: 'ยังไม่เปิดให้ประเมินการจัดการเรื่องร้องเรียน' }]);
    const c = await deps.complaints.complaintForRating(org.id, input.complaintId, userId);
    if (!c) throw new ForbiddenError('complaint not rateable by this caller', REFUSALS.complaintNotRateable);
    const service: RatedService = { id: COMPLAINT_SERVICE_ID, title: COMPLAINT_SERVICE_TITLE };
    return { source: 'complaint' as const, service, key: ratingKey.complaint(input.complaintId), dayKey: null, caseKind: c.kind };
  }
  if (input.ticketId) {
    if (!deps.tickets) throw new ValidationError([{ path: 'ticketId', message: 'ยังไม่เปิดให้ประเมินผ่านบัตรคิว' }]);
    const ticket = await deps.tickets.getTicket(org.id, input.ticketId);
    if (!ticket) throw new ValidationError([{ path: 'ticketId', message: 'ไม่พบบัตรคิวนี้' }], 'ไม่พบบัตรคิวนี้');
    if (ticket.userId !== userId) throw new ForbiddenError('ticket of someone else', REFUSALS.ticketNotYours);
    if (input.serviceId && input.serviceId !== ticket.serviceId) {
      throw new ValidationError([{ path: 'serviceId', message: 'บัตรคิวนี้เป็นของบริการอื่น' }]);
    }
    if (!ticket.served) throw new ConflictError('ticket not served', REFUSALS.ticketNotServed);
    const service = (await deps.services.getService(org.id, ticket.serviceId)) ?? { id: ticket.serviceId, title: ticket.serviceId };
    // The day key too, so a QR walk-in rating of the same service the same day is refused afterwards.
    return { source: 'ticket' as const, service, key: ratingKey.ticket(input.ticketId), dayKey: ratingKey.walkin(service.id, day, raterHash), caseKind: null };
  }
  const service = await resolveService(deps, org.id, input.serviceId ?? '');
  return { source: 'walkin' as const, service, key: ratingKey.walkin(service.id, day, raterHash), dayKey: null, caseKind: null };
}

/**
 * Records one rating. The once-only key is claimed first (create-if-absent), then the rating with the same id is
 * written together with its aggregate increments. A duplicate is refused with 409 and a Thai explanation. A key
 * whose rating never got written (a crash between the two writes) is completed by the same person's next attempt
 * once it is older than STALE_CLAIM_MS; before that the attempt is refused as "in flight".
 */
export type { Eligibility, SubmittedRating };

export async function submitRating(deps: RatingDeps, org: Org, caller: { userId: string }, input: SubmitRatingInput): Promise<SubmittedRating> {
  const now = deps.clock.now();
  const day = bangkokDate(now);
  const raterHash = raterHashOf(org.id, caller.userId);
  const { source, service, key, dayKey, caseKind } = await admission(deps, org, caller.userId, input, day, raterHash);

  const claimed = await claimRatingKey(deps.db, org.id, key, { ratingId: key, source, raterHash, createdAt: now.toISOString() });
  if (!claimed) {
    const existing = await getRatingKey(deps.db, org.id, key);
    const refusal = await takenKeyRefusal(deps, org.id, existing, { key, source, raterHash, now });
    if (refusal) throw refusal;
    deps.log?.warn({ source }, 'completing a rating whose key was claimed but never written');
  }
  if (dayKey) await claimRatingKey(deps.db, org.id, dayKey, { ratingId: key, source, raterHash, createdAt: now.toISOString() });

  const comment = input.comment && input.comment.length > 0 ? input.comment : null;
  const rating: Rating = {
    id: key,
    orgId: org.id,
    serviceId: service.id,
    serviceTitle: service.title,
    source,
    ticketId: input.ticketId ?? null,
    complaintId: input.complaintId ?? null,
    caseKind,
    scores: { ...input.scores },
    ageGroup: input.ageGroup ?? null,
    hasComment: comment !== null,
    raterHash,
    createdAt: now.toISOString(),
    day,
    month: bangkokMonth(now),
    week: bangkokWeek(now),
  };
  // A corruption case's comment is not counted among the comments staff can read (it is the integrity officers').
  const counted = caseKind === 'corruption' ? { ...rating, hasComment: false } : rating;
  const saved = await saveRating(deps.db, rating, comment, countsOfRating(counted), now);
  if (!saved) throw new ConflictError(`rating ${source} already recorded`, REFUSALS[source]);

  if (lowItems(rating).length > 0) await notifyLowScore(deps, org, rating, service);
  return {
    id: rating.id,
    serviceId: rating.serviceId,
    serviceTitle: rating.serviceTitle,
    source,
    createdAt: rating.createdAt,
    message: `ขอบคุณที่ร่วมประเมินความพึงพอใจ${source === 'complaint' ? 'การจัดการเรื่องร้องเรียน' : `บริการ${service.title}`}ค่ะ ความคิดเห็นของคุณช่วยให้${org.name}ปรับปรุงการให้บริการ`,
    resultsUrl: links.results(deps, org) ?? null,
  };
}

/**
 * Why a once-only key that is already taken refuses this rating, or null when the same person may complete a claim that
 * never got its rating (older than STALE_CLAIM_MS). `existing` null: taken, but unreadable (someone else's race).
 */
async function takenKeyRefusal(
  deps: Pick<RatingDeps, 'db'>,
  orgId: string,
  existing: RatingKey | null,
  o: { key: string; source: Source; raterHash: string; now: Date },
): Promise<ConflictError | null> {
  // The key may admit another rating: a ticket rating also holds the walk-in key of its service and day.
  const rated = existing ? await getRating(deps.db, orgId, existing.ratingId) : null;
  if (rated || !existing || existing.ratingId !== o.key || existing.raterHash !== o.raterHash) {
    return new ConflictError(`rating ${o.source} already recorded`, REFUSALS[o.source]);
  }
  if (o.now.getTime() - Date.parse(existing.createdAt) < STALE_CLAIM_MS) return new ConflictError(`rating ${o.source} in flight`, REFUSALS.inFlight);
  return null;
}


/**
 * Whether the caller may rate this ticket, complaint or service now, by the same rules as `submitRating` (admission,
 * then the once-only key), without writing anything: the form asks on load so a person who already rated is told
 * before choosing scores. The submission still checks everything itself. Bad input (unknown ticket or service) is
 * the same 400 the submission gives.
 */
export async function ratingEligibility(deps: RatingDeps, org: Org, caller: { userId: string }, input: EligibilityQuery): Promise<Eligibility> {
  const now = deps.clock.now();
  const raterHash = raterHashOf(org.id, caller.userId);
  const refused = (err: DomainError, status: 403 | 409): Eligibility => ({ eligible: false, reason: err.publicMessage, status });
  let admitted: Awaited<ReturnType<typeof admission>>;
  try {
    admitted = await admission(deps, org, caller.userId, input, bangkokDate(now), raterHash);
  } catch (err) {
    if (err instanceof ForbiddenError) return refused(err, 403);
    if (err instanceof ConflictError) return refused(err, 409);
    throw err;
  }
  const { key, source } = admitted;
  const existing = await getRatingKey(deps.db, org.id, key);
  if (!existing) return { eligible: true };
  const refusal = await takenKeyRefusal(deps, org.id, existing, { key, source, raterHash, now });
  return refusal ? refused(refusal, 409) : { eligible: true };
}

/** Delivery problems never undo a recorded rating: the outbox retries; a failure to enqueue is logged. */
async function notifySafely(deps: RatingDeps, n: Notification): Promise<void> {
  try {
    await deps.notifier.notify(n);
  } catch (err) {
    deps.log?.warn({ topic: n.topic, err: err instanceof Error ? err.message : String(err) }, 'rating notification not queued');
  }
}

async function notifyLowScore(deps: RatingDeps, org: Org, rating: Rating, service: RatedService): Promise<void> {
  if (rating.caseKind === 'corruption') {
    // The case's access rule: only integrity officers hear of it, one by one, with nothing of the case in the message.
    const message = corruptionLowScoreNotice(liffUrl(org, 'staff/complaints?kind=corruption', deps.liffLocalBase));
    for (const officer of await listStaffWithRole(deps.db, org.id, 'integrity_officer')) {
      await notifySafely(deps, { orgId: org.id, to: officer.userId, messages: [message], key: `ratings:low:${rating.id}:${officer.userId}`, topic: 'rating.low.corruption' });
    }
    return;
  }
  // The service's own staff groups that are still registered; else every staff group, so an alert is never lost.
  const all = await listStaffGroupIds(deps.db, org.id);
  const own = all.filter((g) => service.staffGroupIds?.includes(g));
  const groups = own.length > 0 ? own : all;
  // The button opens the staff page on this service's low scores.
  const message = lowScoreAlert(rating, links.staff(deps, org, { serviceId: rating.serviceId, low: true }));
  for (const to of groups) {
    await notifySafely(deps, { orgId: org.id, to, messages: [message], key: `ratings:low:${rating.id}:${to}`, topic: 'rating.low' });
  }
}

// ---------- results ----------

export interface RangeInput {
  /** Bangkok dates (YYYY-MM-DD), inclusive; defaults: the fiscal year so far. */
  from?: string | undefined;
  to?: string | undefined;
  serviceId?: string | undefined;
}

/** The longest range one summary covers (about three fiscal years), so a request reads a bounded number of documents. */
export const MAX_RANGE_DAYS = 3 * 366;

export function resolveRange(now: Date, input: RangeInput): { from: string; to: string } {
  const today = bangkokDate(now);
  const to = input.to ?? today;
  const from = input.from ?? fiscalYearContaining(to).from;
  if (from > to) throw new ValidationError([{ path: 'from', message: 'วันเริ่มต้นต้องไม่อยู่หลังวันสิ้นสุด' }]);
  const days = (startOfBangkokDay(to).getTime() - startOfBangkokDay(from).getTime()) / 86_400_000;
  if (days > MAX_RANGE_DAYS) throw new ValidationError([{ path: 'from', message: 'ช่วงเวลายาวเกิน 3 ปี' }]);
  return { from, to };
}

export async function summariseRatings(deps: Pick<RatingDeps, 'db' | 'clock'>, orgId: string, input: RangeInput): Promise<RatingSummary & { settings: RatingSettings }> {
  const range = resolveRange(deps.clock.now(), input);
  const [aggregates, settings] = await Promise.all([
    listMonthAggregates(deps.db, orgId, range.from.slice(0, 7), range.to.slice(0, 7)),
    getRatingSettings(deps.db, orgId),
  ]);
  return { ...summarise(aggregates, { ...range, serviceId: input.serviceId, settings }), settings };
}

// ---------- comments (staff only) ----------

export async function listComments(
  deps: Pick<RatingDeps, 'db' | 'clock' | 'complaints'>,
  orgId: string,
  input: RangeInput & { limit?: number | undefined },
): Promise<{ range: { from: string; to: string }; comments: RatingComment[] }> {
  const range = resolveRange(deps.clock.now(), input);
  const limit = input.limit ?? 200;
  // Read a little more when filtering by service in memory (no composite index needed).
  const all = await listRatingComments(deps.db, orgId, {
    fromIso: startOfBangkokDay(range.from).toISOString(),
    toIso: startOfBangkokDay(addDays(range.to, 1)).toISOString(),
    limit: input.serviceId ? Math.min(2000, limit * 10) : limit,
  });
  const wanted = input.serviceId ? all.filter((c) => c.serviceId === input.serviceId) : all;
  // Comments on corruption cases are the integrity officers' (read through the case). New ones are stored apart; this
  // also keeps out any stored here before that rule.
  const comments: RatingComment[] = [];
  for (const c of wanted) {
    if (comments.length >= limit) break;
    if (c.source === 'complaint' && (await complaintKindOfComment(deps, orgId, c)) !== 'general') continue;
    comments.push(c);
  }
  return { range, comments };
}

async function complaintKindOfComment(deps: Pick<RatingDeps, 'complaints'>, orgId: string, c: RatingComment) {
  const id = c.ratingId.startsWith('complaint:') ? c.ratingId.slice('complaint:'.length) : null;
  if (!id || !deps.complaints) return null;
  return deps.complaints.complaintKind(orgId, id);
}

// ---------- settings ----------

export async function getSettings(deps: Pick<RatingDeps, 'db'>, orgId: string): Promise<RatingSettings> {
  return getRatingSettings(deps.db, orgId);
}

export async function changeSettings(deps: Pick<RatingDeps, 'db' | 'clock'>, orgId: string, by: string, s: Omit<RatingSettings, 'updatedAt' | 'origin'>): Promise<RatingSettings> {
  await saveRatingSettings(deps.db, orgId, s, by, deps.clock.now());
  return getRatingSettings(deps.db, orgId);
}
