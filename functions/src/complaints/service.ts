/**
 * Complaint use cases, in domain words. They take already-parsed input, decide, and call the store and the notifier.
 * Identity comes in as a verified Caller (or none); nothing here reads a user id from a request body.
 */
import { createHash } from 'node:crypto';
import type { Caller } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, type FieldIssue } from '../errors.ts';
import { liffUrl } from '../line/liff.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import type { StaffMember } from '../staff/schema.ts';
import { listStaffGroupIds } from '../staff/groupsStore.ts';
import { listStaffWithRole } from '../staff/store.ts';
import { ulid } from '../line/ulid.ts';
import { canHandle } from './access.ts';
import type { DeliveryState } from '../contracts/quota.ts';
import { undeliveredNotices } from '../quota/service.ts';
import { complainantUpdateMessages, integrityNotice, integrityReopenNotice, reopenedCard, staffCard } from './messages.ts';
import { decodePhoto, type Photo } from './photos.ts';
import type { ChangeStatusInput, ComplaintKind, FiledComplaint, FileComplaintInput, MineItem, ReopenInput, TrackedComplaint } from '../contracts/complaints.ts';
import type { Actor, Complaint, ComplaintUpdate, Reporter } from './schema.ts';
import {
  applyUpdate,
  categoryTitles,
  claimUpdate,
  createComplaint,
  createReporter,
  getComplaint,
  getComplaintIdByCode,
  getComplaints,
  getReporter,
  listCategories,
  listComplaintIdsOfUser,
  listUpdates,
  reserveTrackingCode,
  savePhoto,
} from './store.ts';
import type { Firestore } from '../store/firestore.ts';
import { hashTrackingSecret, newTrackingSecret, trackingSecretMatches } from './secret.ts';
import { newTrackingCode, parseTrackingCode } from './trackingCode.ts';
import { mineItem, ownerView, publicView } from './views.ts';
import { complainantMessageAt, dueAtFor, formatThaiDate, isFinished, STATUS_LABELS, tellsComplainant, transitionRule, undoDeadline, windowEndFor } from './workflow.ts';

export interface ComplaintDeps {
  db: Firestore;
  notifier: Notifier;
  clock: Clock;
  /** Local mode: LIFF pages on this server (see line/liff.ts). */
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
}

// ---------- links ----------

export const links = {
  track: (deps: ComplaintDeps, org: Org, code: string) => liffUrl(org, `complaints/track?code=${encodeURIComponent(code)}`, deps.liffLocalBase),
  /** The owner's status page (LINE login), where a resolved case can be reported "not fixed". */
  status: (deps: ComplaintDeps, org: Org, code: string) => liffUrl(org, `complaints/${encodeURIComponent(code)}`, deps.liffLocalBase),
  rate: (deps: ComplaintDeps, org: Org, id: string) => liffUrl(org, `ratings/new?complaint=${encodeURIComponent(id)}`, deps.liffLocalBase),
  staffDetail: (deps: ComplaintDeps, org: Org, id: string) => liffUrl(org, `staff/complaints/${encodeURIComponent(id)}`, deps.liffLocalBase),
  staffInbox: (deps: ComplaintDeps, org: Org, kind: ComplaintKind) => liffUrl(org, `staff/complaints?kind=${kind}`, deps.liffLocalBase),
};

/** Constant-time check of a tracking secret (new grouped Crockford secrets and older ones alike; secret.ts). */
const secretMatches = trackingSecretMatches;

/** Delivery problems never undo a recorded change: the outbox retries; a failure to enqueue is logged. */
async function notifySafely(deps: ComplaintDeps, n: Parameters<Notifier['notify']>[0]): Promise<boolean> {
  try {
    await deps.notifier.notify(n);
    return true;
  } catch (err) {
    deps.log?.warn({ topic: n.topic, key: n.key, err: err instanceof Error ? err.message : String(err) }, 'complaint notification not queued');
    return false;
  }
}

// ---------- filing ----------

/**
 * Files a complaint. Everything is checked before anything is written (bad input stores nothing); then photos,
 * reporter and the first history record are written, and the complaint document last, so a failure half-way leaves
 * nothing visible. Staff are told (card to staff groups, or a content-free notice to integrity officers). The
 * complainant's receipt is the answer itself: the form shows the tracking code at once, and a report filed in chat is
 * answered by reply (`receipt: 'reply'`; a reply is free, a push is not). A receipt is pushed in LINE only to one who
 * asked for every update (`updates: 'all'`) and filed under their LINE identity from the form.
 */
export async function fileComplaint(
  deps: ComplaintDeps,
  org: Org,
  caller: Caller | undefined,
  input: FileComplaintInput,
  options: { receipt?: 'push' | 'reply' } = {},
): Promise<FiledComplaint> {
  const issues: FieldIssue[] = [];
  if (input.kind === 'general' && !caller) throw new UnauthenticatedError('a general complaint needs a LINE login');

  const categories = await listCategories(deps.db, org.id);
  const category = categories.find((c) => c.id === input.category);
  if (!category) issues.push({ path: 'category', message: 'ไม่พบหมวดเรื่องนี้ กรุณาเลือกจากรายการ' });
  else if (category.kind !== input.kind) issues.push({ path: 'category', message: input.kind === 'corruption' ? 'หมวดนี้เป็นเรื่องร้องเรียนทั่วไป ไม่ใช่การแจ้งเบาะแสทุจริต' : 'หมวดนี้เป็นการแจ้งเบาะแสทุจริต กรุณาใช้ช่องทางแจ้งเบาะแส' });

  const hasContact = !!(input.contact?.name || input.contact?.phone || input.contact?.email);
  // Anonymous: asked for, or nothing personal at all (a corruption report without login and without contact).
  const anonymous = input.anonymous || (!caller && !hasContact);
  const keepsUserId = !!caller && !anonymous;
  const personalData = keepsUserId || hasContact;
  if (personalData && !input.consent) issues.push({ path: 'consent', message: 'กรุณายืนยันความยินยอมให้เก็บและใช้ข้อมูลส่วนบุคคลเพื่อดำเนินการเรื่องนี้ (PDPA)' });

  const contactPreference = input.contact?.method ?? (keepsUserId ? 'line' : input.contact?.phone ? 'phone' : input.contact?.email ? 'email' : 'none');
  if (contactPreference === 'line' && !keepsUserId) issues.push({ path: 'contact.method', message: 'ติดต่อกลับทาง LINE ได้เมื่อเข้าสู่ระบบด้วย LINE และไม่ได้เลือกไม่เปิดเผยตัวตน' });

  const photos: Photo[] = [];
  input.photos.forEach((url, i) => {
    const p = decodePhoto(url);
    if ('problem' in p) issues.push({ path: `photos.${i}`, message: p.problem });
    else photos.push(p);
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const now = deps.clock.now();
  const id = ulid(now.getTime());
  let trackingCode = '';
  for (let attempt = 0; attempt < 10 && !trackingCode; attempt++) {
    const code = newTrackingCode();
    if (await reserveTrackingCode(deps.db, org.id, code, id, now)) trackingCode = code;
  }
  if (!trackingCode) throw new ConflictError('no free tracking code after 10 draws', 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง');

  const secret = keepsUserId ? undefined : newTrackingSecret();
  const complaint: Complaint = {
    id,
    orgId: org.id,
    kind: input.kind,
    category: input.category,
    title: input.title,
    description: input.description,
    place: input.place ? { ...input.place } : null,
    photoCount: photos.length,
    contactPreference,
    updates: input.updates,
    anonymous,
    trackingCode,
    secretHash: secret ? hashTrackingSecret(secret) : null,
    status: 'received',
    seq: 1,
    receivedAt: now.toISOString(),
    dueAt: dueAtFor(now).toISOString(),
    updatedAt: now.toISOString(),
    finishedAt: null,
    lastNote: null,
    reminders: {},
  };

  for (const [i, p] of photos.entries()) await savePhoto(deps.db, org.id, id, i + 1, p, now);
  if (personalData) {
    const reporter: Reporter = {
      complaintId: id,
      kind: input.kind,
      userId: keepsUserId && caller ? caller.userId : null,
      lineName: keepsUserId && caller?.name ? caller.name : null,
      name: input.contact?.name || null,
      phone: input.contact?.phone || null,
      email: input.contact?.email || null,
      consent: input.consent,
      consentAt: input.consent ? now.toISOString() : null,
      createdAt: now.toISOString(),
    };
    await createReporter(deps.db, org.id, reporter);
  }
  const first: ComplaintUpdate = { seq: 1, at: now.toISOString(), from: null, to: 'received', note: null, reason: null, forwardedTo: null, actor: { type: 'citizen' } };
  await claimUpdate(deps.db, org.id, id, first);
  await createComplaint(deps.db, complaint);
  deps.log?.info({ orgId: org.id, complaintId: id, kind: input.kind }, 'complaint filed');

  await notifyStaffOfNew(deps, org, complaint, category?.title ?? input.category);
  if (keepsUserId && caller && options.receipt !== 'reply' && tellsComplainant(input.updates, first)) await notifyComplainant(deps, org, complaint, first, caller.userId);

  return {
    id,
    trackingCode,
    kind: complaint.kind,
    category: complaint.category,
    status: complaint.status,
    statusLabel: STATUS_LABELS[complaint.status],
    receivedAt: complaint.receivedAt,
    dueAt: complaint.dueAt,
    anonymous: complaint.anonymous,
    contactPreference,
    ...(secret ? { trackingSecret: secret } : {}),
  };
}

async function notifyStaffOfNew(deps: ComplaintDeps, org: Org, c: Complaint, categoryTitle: string): Promise<void> {
  if (c.kind === 'general') {
    const card = staffCard(c, categoryTitle, links.staffDetail(deps, org, c.id));
    for (const groupId of await listStaffGroupIds(deps.db, org.id)) {
      await notifySafely(deps, { orgId: org.id, to: groupId, messages: [card], key: `complaint:${c.id}:new:${groupId}`, topic: 'complaint.new' });
    }
    return;
  }
  const notice = integrityNotice(links.staffInbox(deps, org, 'corruption'));
  for (const officer of await listStaffWithRole(deps.db, org.id, 'integrity_officer')) {
    await notifySafely(deps, { orgId: org.id, to: officer.userId, messages: [notice], key: `complaint:${c.id}:new:${officer.userId}`, topic: 'complaint.corruption.new' });
  }
}

/** The outbox key of the complainant's message for history record `seq`. */
export const complainantUpdateKey = (complaintId: string, seq: number) => `complaint:${complaintId}:update:${seq}`;

export async function notifyComplainant(deps: ComplaintDeps, org: Org, c: Complaint, u: ComplaintUpdate, userId: string, notBefore?: Date, key = complainantUpdateKey(c.id, u.seq)): Promise<void> {
  const messages = complainantUpdateMessages(org, c, u, { track: links.track(deps, org, c.trackingCode), rate: links.rate(deps, org, c.id), notFixed: links.status(deps, org, c.trackingCode) });
  await notifySafely(deps, { orgId: org.id, to: userId, messages, key, topic: `complaint.${u.to}`, ...(notBefore ? { notBefore } : {}) });
}

/** What the complainant chose to hear in LINE; cases filed before the choice existed get the default. */
export const updatesOf = (c: Complaint) => c.updates ?? 'important';

/** The LINE user to tell of progress, or null (anonymous, filed without login). */
export async function complainantUserId(deps: ComplaintDeps, c: Complaint): Promise<string | null> {
  if (c.anonymous) return null;
  return (await getReporter(deps.db, c.orgId, c.id))?.userId ?? null;
}

// ---------- workflow ----------

export interface StaffActor {
  userId: string;
  staff: StaffMember | null;
}

/** Loads a complaint for a staff member; a corruption report is "not found" for anyone but integrity officers. */
export async function complaintForStaff(deps: ComplaintDeps, org: Org, actor: StaffActor, id: string): Promise<Complaint> {
  const c = await getComplaint(deps.db, org.id, id);
  if (!c) throw new NotFoundError(`complaint ${id}`, 'ไม่พบเรื่องนี้');
  if (!canHandle(actor.staff, c.kind)) {
    if (c.kind === 'corruption') throw new NotFoundError(`complaint ${id}`, 'ไม่พบเรื่องนี้');
    throw new ForbiddenError('general complaints need officer or admin', 'เฉพาะเจ้าหน้าที่รับเรื่องหรือผู้ดูแลระบบเท่านั้นที่ดำเนินการเรื่องนี้ได้');
  }
  return c;
}

export interface StatusChanged {
  complaint: Complaint;
  update: ComplaintUpdate;
  /** Until when the person who made the change may take it back (complaints/undo.ts). */
  undoUntil: string;
  /** Whether the complainant gets a LINE message for this change (after the undo window); else LIFF tracking shows it. */
  tellsComplainant: boolean;
}

/**
 * Moves a complaint along the transition table, appending one history record. Two concurrent changes cannot both
 * claim record N+1 (create() on a deterministic id): the loser gets a ConflictError and nothing of its change is kept.
 */
export async function changeComplaintStatus(deps: ComplaintDeps, org: Org, actor: StaffActor, id: string, input: ChangeStatusInput): Promise<StatusChanged> {
  const c = await complaintForStaff(deps, org, actor, id);
  const rule = transitionRule(c.status, input.to);
  if (!rule) {
    throw new ConflictError(
      `transition ${c.status} -> ${input.to} not allowed`,
      c.status === input.to ? `เรื่องนี้อยู่ในสถานะ "${STATUS_LABELS[c.status]}" อยู่แล้ว` : `เปลี่ยนจากสถานะ "${STATUS_LABELS[c.status]}" เป็น "${STATUS_LABELS[input.to]}" ไม่ได้`,
    );
  }
  const issues: FieldIssue[] = [];
  if (rule.note && !input.note) issues.push({ path: 'note', message: input.to === 'resolved' ? 'กรุณาบอกผู้ร้องว่าแก้ไขอะไรไปแล้ว' : 'กรุณาเขียนความคืบหน้าถึงผู้ร้อง' });
  if (rule.reason && !input.reason) issues.push({ path: 'reason', message: input.to === 'rejected' ? 'กรุณาระบุเหตุผลที่ไม่รับพิจารณา' : 'กรุณาระบุเหตุผลที่ส่งต่อ' });
  if (rule.forwardedTo && !input.forwardedTo) issues.push({ path: 'forwardedTo', message: 'กรุณาระบุหน่วยงานที่ส่งต่อ' });
  if (!rule.forwardedTo && input.forwardedTo) issues.push({ path: 'forwardedTo', message: 'ระบุหน่วยงานได้เฉพาะเมื่อส่งต่อเรื่อง' });
  if (issues.length > 0) throw new ValidationError(issues);

  const now = deps.clock.now();
  const staffActor: Actor = { type: 'staff', userId: actor.userId, displayName: actor.staff?.displayName || 'เจ้าหน้าที่' };
  const update: ComplaintUpdate = {
    seq: c.seq + 1,
    at: now.toISOString(),
    from: c.status,
    to: input.to,
    note: input.note || null,
    reason: input.reason || null,
    forwardedTo: input.forwardedTo || null,
    actor: staffActor,
  };
  if (!(await claimUpdate(deps.db, org.id, c.id, update))) {
    // Someone else moved it first. If they stopped before updating the case, finish their move for them.
    const latest = (await listUpdates(deps.db, org.id, c.id)).at(-1);
    if (latest && latest.seq > c.seq) await applyUpdate(deps.db, org.id, c.id, latest, isFinished(latest.to) ? latest.at : null);
    throw new ConflictError(`complaint ${c.id} changed concurrently`, 'เรื่องนี้เพิ่งถูกเปลี่ยนสถานะโดยเจ้าหน้าที่อีกคน กรุณาโหลดข้อมูลใหม่');
  }
  const finishedAt = isFinished(input.to) ? update.at : null;
  await applyUpdate(deps.db, org.id, c.id, update, finishedAt);
  const next: Complaint = { ...c, status: input.to, seq: update.seq, updatedAt: update.at, finishedAt, lastNote: update.note ?? update.reason ?? c.lastNote };
  deps.log?.info({ orgId: org.id, complaintId: c.id, from: c.status, to: input.to, seq: update.seq }, 'complaint status changed');

  // The complainant hears of a change that matters (workflow.ts tellsComplainant), and only once its undo window has
  // passed and settled (complainantMessageAt; an undo withdraws the message). Other changes show in LIFF tracking.
  const userId = tellsComplainant(updatesOf(c), update) ? await complainantUserId(deps, c) : null;
  if (userId) await notifyComplainant(deps, org, next, update, userId, complainantMessageAt(update.at));
  return { complaint: next, update, undoUntil: undoDeadline(update.at).toISOString(), tellsComplainant: !!userId };
}

// ---------- the complainant's "not fixed" ----------

/**
 * The complainant says a resolved case was not fixed: `resolved -> in_progress` by the citizen actor of the workflow
 * table, with a reason, within its window (5 Bangkok days after the resolution). Only the owner (verified LINE token of
 * the filer) or the holder of the tracking secret may; a corruption report is "not found" to anyone else (as when
 * tracking), a general complaint is 403. Every refusal changes nothing. Staff are told (card to the staff groups, or a
 * content-free notice to integrity officers) and the complainant gets a confirmation in LINE unless anonymous.
 */
export async function reopenComplaint(deps: ComplaintDeps, org: Org, codeInput: string, access: { secret?: string | undefined; caller?: Caller | undefined }, input: ReopenInput) {
  const code = parseTrackingCode(codeInput);
  if (!code) throw new ValidationError([{ path: 'trackingCode', message: 'รหัสติดตามไม่ถูกต้อง รูปแบบคือ RT-XXXXXX' }]);
  const notFound = () => new NotFoundError('tracking code', 'ไม่พบเรื่องที่มีรหัสติดตามนี้ หรือรหัสลับไม่ถูกต้อง');
  const id = await getComplaintIdByCode(deps.db, org.id, code);
  const c = id ? await getComplaint(deps.db, org.id, id) : null;
  if (!c) throw notFound();
  const userId = await complainantUserId(deps, c);
  const owner = !!access.caller && userId === access.caller.userId;
  if (!owner && !secretMatches(access.secret, c.secretHash)) {
    if (c.kind === 'corruption') throw notFound();
    throw new ForbiddenError(`complaint ${c.id} is not the caller's`, 'แจ้งว่ายังไม่ได้รับการแก้ไขได้เฉพาะผู้ที่แจ้งเรื่องนี้ (เข้าจากบัญชี LINE ที่ใช้แจ้ง)');
  }
  const rule = transitionRule(c.status, 'in_progress', 'citizen');
  if (!rule || !c.finishedAt) {
    throw new ConflictError(
      `reopen from ${c.status} not allowed`,
      `แจ้งว่ายังไม่ได้รับการแก้ไขได้เฉพาะเรื่องที่ "${STATUS_LABELS.resolved}" ขณะนี้เรื่องนี้อยู่ในสถานะ "${STATUS_LABELS[c.status]}"`,
    );
  }
  const now = deps.clock.now();
  const end = windowEndFor(rule, c.finishedAt);
  if (end && now.getTime() > end.getTime()) {
    throw new ConflictError(
      `reopen window of ${c.id} ended ${end.toISOString()}`,
      `เลยกำหนดแจ้งว่ายังไม่ได้รับการแก้ไขแล้ว (แจ้งได้ภายใน ${rule.windowDays} วันหลังดำเนินการแล้วเสร็จ คือภายในวันที่ ${formatThaiDate(end)}) กรุณายื่นเรื่องร้องเรียนใหม่`,
    );
  }
  const update: ComplaintUpdate = {
    seq: c.seq + 1,
    at: now.toISOString(),
    from: c.status,
    to: 'in_progress',
    note: null,
    reason: input.reason,
    forwardedTo: null,
    actor: { type: 'citizen' },
  };
  if (!(await claimUpdate(deps.db, org.id, c.id, update))) {
    const latest = (await listUpdates(deps.db, org.id, c.id)).at(-1);
    if (latest && latest.seq > c.seq) await applyUpdate(deps.db, org.id, c.id, latest, isFinished(latest.to) ? latest.at : null);
    throw new ConflictError(`complaint ${c.id} changed concurrently`, 'เรื่องนี้เพิ่งถูกเปลี่ยนสถานะ กรุณาโหลดข้อมูลใหม่');
  }
  await applyUpdate(deps.db, org.id, c.id, update, null);
  const next: Complaint = { ...c, status: 'in_progress', seq: update.seq, updatedAt: update.at, finishedAt: null };
  deps.log?.info({ orgId: org.id, complaintId: c.id, seq: update.seq }, 'complaint reopened by the complainant');

  if (c.kind === 'general') {
    const titles = await categoryTitles(deps.db, org.id);
    const card = reopenedCard(next, titles.get(c.category) ?? c.category, input.reason, links.staffDetail(deps, org, c.id));
    for (const groupId of await listStaffGroupIds(deps.db, org.id)) {
      await notifySafely(deps, { orgId: org.id, to: groupId, messages: [card], key: `complaint:${c.id}:reopened:${update.seq}:${groupId}`, topic: 'complaint.reopened' });
    }
  } else {
    const notice = integrityReopenNotice(links.staffInbox(deps, org, 'corruption'));
    for (const officer of await listStaffWithRole(deps.db, org.id, 'integrity_officer')) {
      await notifySafely(deps, { orgId: org.id, to: officer.userId, messages: [notice], key: `complaint:${c.id}:reopened:${update.seq}:${officer.userId}`, topic: 'complaint.corruption.reopened' });
    }
  }
  if (userId && tellsComplainant(updatesOf(c), update)) await notifyComplainant(deps, org, next, update, userId);
  return trackComplaint(deps, org, code, { secret: access.secret, caller: access.caller });
}

// ---------- citizen views ----------

/**
 * Tracking by code. General complaints: anyone with the code sees status and dates; the owner (verified token) or the
 * holder of the secret also sees content and notes. Corruption reports: only the owner or the secret holder, and to
 * anyone else they do not exist (same 404 as an unknown code).
 */
/** A complaint id no complaint ever has (a ULID of time 0), read when a code is unknown so that work stays the same. */
const NO_COMPLAINT = '00000000000000000000000000';
const NO_SECRET_HASH = createHash('sha256').update('no complaint has this secret').digest('hex');

/**
 * A tracking lookup does the same work whether or not the code exists and whatever the secret: the same four reads
 * (code, complaint, reporter, history, in parallel; an unknown code reads a complaint id that is never issued) and the
 * same constant-time compare, so its answer time does not tell which codes exist. Unknown code, a corruption report
 * without its secret or owner, and a wrong secret all get the same 404.
 */
export async function trackComplaint(deps: ComplaintDeps, org: Org, codeInput: string, access: { secret?: string | undefined; caller?: Caller | undefined }): Promise<TrackedComplaint> {
  const code = parseTrackingCode(codeInput);
  if (!code) throw new ValidationError([{ path: 'trackingCode', message: 'รหัสติดตามไม่ถูกต้อง รูปแบบคือ RT-XXXXXX' }]);
  const found = await getComplaintIdByCode(deps.db, org.id, code);
  const id = found ?? NO_COMPLAINT;
  const [c, reporter, titles, history] = await Promise.all([
    getComplaint(deps.db, org.id, id),
    getReporter(deps.db, org.id, id),
    categoryTitles(deps.db, org.id),
    listUpdates(deps.db, org.id, id),
  ]);
  const secretOk = secretMatches(access.secret ?? '', c?.secretHash ?? NO_SECRET_HASH);
  const owner = !!access.caller && !!c && !c.anonymous && reporter?.userId === access.caller.userId;
  const entitled = owner || secretOk;
  if (!found || !c || (c.kind === 'corruption' && !entitled)) {
    throw new NotFoundError('tracking code', 'ไม่พบเรื่องที่มีรหัสติดตามนี้ หรือรหัสลับไม่ถูกต้อง');
  }
  const title = titles.get(c.category) ?? c.category;
  const now = deps.clock.now();
  if (!entitled) return publicView(c, title, history, now);
  // Only a complainant LINE can reach was sent messages; where one did not arrive, tracking is where they learn it.
  const undelivered = reporter?.userId ? await undeliveredUpdates(deps, org, c, history) : new Map<number, DeliveryState>();
  return ownerView(c, title, history, now, undelivered);
}

async function undeliveredUpdates(deps: ComplaintDeps, org: Org, c: Complaint, history: ComplaintUpdate[]): Promise<Map<number, DeliveryState>> {
  const byKey = await undeliveredNotices(deps.db, org.id, history.map((u) => complainantUpdateKey(c.id, u.seq)));
  return new Map(history.flatMap((u) => {
    const d = byKey.get(complainantUpdateKey(c.id, u.seq));
    return d ? [[u.seq, d] as const] : [];
  }));
}

/** The caller's own complaints (filed under their LINE identity), newest first. */
export async function listMyComplaints(deps: ComplaintDeps, org: Org, caller: Caller): Promise<MineItem[]> {
  const ids = await listComplaintIdsOfUser(deps.db, org.id, caller.userId);
  const [complaints, titles] = await Promise.all([getComplaints(deps.db, org.id, ids), categoryTitles(deps.db, org.id)]);
  const now = deps.clock.now();
  return complaints
    .filter((c) => !c.anonymous)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
    .map((c) => mineItem(c, titles.get(c.category) ?? c.category, now));
}

export { listCategories };
export type { ComplaintKind };

/**
 * For the ratings feature: whether this LINE user may rate how complaint `id` was handled (they filed it under their
 * LINE identity and it is finished), with what a rating form may show. Null otherwise, without saying why.
 */
export async function complaintRatingContext(deps: Pick<ComplaintDeps, 'db'>, orgId: string, id: string, userId: string) {
  const c = await getComplaint(deps.db, orgId, id);
  if (!c || c.anonymous || !isFinished(c.status)) return null;
  const reporter = await getReporter(deps.db, orgId, c.id);
  if (!reporter || reporter.userId !== userId) return null;
  const titles = await categoryTitles(deps.db, orgId);
  return { complaintId: c.id, trackingCode: c.trackingCode, kind: c.kind, category: c.category, categoryTitle: titles.get(c.category) ?? c.category, status: c.status, finishedAt: c.finishedAt };
}
