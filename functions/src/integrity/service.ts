/**
 * Separation of duties for the integrity-officer role, in domain words. No single account can make itself or anyone
 * able to learn who reported corruption:
 * - an admin's invitation that carries the role only ever becomes a pending grant; an integrity officer who is neither
 *   the requester nor the grantee must approve it;
 * - the organisation's first officer is made by the operator's command line (npm run grant-integrity-officer), which
 *   refuses when officers exist unless given a reason (recovery), and then tells them;
 * - every request, decision, grant, revocation and reveal of a reporter is appended to the audit log first, and every
 *   active integrity officer gets a LINE message about every change of the role.
 */
import type { AuditEntryView, GrantView } from '../contracts/integrity.ts';
import { randomUUID } from 'node:crypto';
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { liffUrl } from '../line/liff.ts';
import { ulid } from '../line/ulid.ts';
import type { Logger } from '../log.ts';
import type { StaffMenuLinker } from '../richmenu/staffLink.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { hasRole, type StaffMember } from '../staff/schema.ts';
import { staffRefsFor } from '../staff/refs.ts';
import { addIntegrityRole, listStaffWithRole, removeRole } from '../staff/store.ts';
import { integrityRoleMessage } from './messages.ts';
import { auditEntryView, grantView } from './views.ts';
import { GRANT_DAYS, type AuditActor, type AuditEntry, type IntegrityGrant, type NewAuditEntry } from './schema.ts';
import {
  appendAudit,
  claimDecision,
  claimDecisionEntry,
  createGrant,
  findGrantEntry,
  getAuditEntry,
  getDecision,
  getDecisionEntryClaim,
  getGrant,
  listAudit,
  listGrants,
  markDecisionEntry,
  recordDecision,
} from './store.ts';

export interface IntegrityDeps {
  db: Firestore;
  notifier: Notifier;
  clock: Clock;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** Keeps a person's staff rich menu in step with their roles (richmenu/staffLink.ts); absent where LINE is not wired. */
  staffMenus?: StaffMenuLinker | undefined;
}

export interface StaffActor {
  userId: string;
  staff: StaffMember | null;
}

const actorOf = (a: StaffActor): AuditActor => ({ type: 'staff', userId: a.userId, displayName: a.staff?.displayName || 'เจ้าหน้าที่' });

/** Writes the entry, then tells every active integrity officer (and `also`, e.g. the person concerned). */
async function recordAndTell(deps: IntegrityDeps, org: Pick<Org, 'id' | 'line'>, entry: NewAuditEntry, also: string[] = []): Promise<AuditEntry> {
  const written = await appendAudit(deps.db, org.id, entry, deps.clock.now());
  await tellAbout(deps, org, written, also);
  return written;
}

/** An admin issued an invitation carrying the integrity role: logged (the grant request follows when it is redeemed). */
export async function recordIntegrityInvite(deps: IntegrityDeps, org: Pick<Org, 'id'>, by: StaffActor, displayName: string): Promise<void> {
  await appendAudit(deps.db, org.id, { action: 'invite-issued', actor: actorOf(by), subject: displayName ? { userId: '', displayName } : null }, deps.clock.now());
}

/** A person redeemed an invitation with the integrity role: a pending grant, logged, and every officer told. */
export async function requestIntegrityGrant(
  deps: IntegrityDeps,
  org: Pick<Org, 'id' | 'line'>,
  grantee: { userId: string; displayName: string },
  requestedBy: { userId: string; displayName: string },
): Promise<IntegrityGrant> {
  const now = deps.clock.now();
  const grant: IntegrityGrant = {
    id: ulid(now.getTime()),
    userId: grantee.userId,
    displayName: grantee.displayName,
    requestedBy,
    requestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + GRANT_DAYS * 86_400_000).toISOString(),
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    reason: null,
  };
  await createGrant(deps.db, org.id, grant);
  await recordAndTell(deps, org, {
    action: 'grant-requested',
    actor: { type: 'staff', userId: requestedBy.userId, displayName: requestedBy.displayName },
    subject: { userId: grantee.userId, displayName: grantee.displayName },
    grantId: grant.id,
  });
  return grant;
}

/**
 * An integrity officer approves or rejects a pending grant. Refused (403) to anyone who is not an active integrity
 * officer, and to the grantee and the requester themselves; one decision only (create-if-absent), so two officers
 * deciding at once produce one outcome. The same officer repeating the same decision (a double tap, a retry, an attempt
 * that stopped half-way) gets the same answer, and the decision has one audit entry.
 */
export async function decideGrant(deps: IntegrityDeps, org: Pick<Org, 'id' | 'line'>, actor: StaffActor, grantId: string, decision: { approve: boolean; reason?: string | undefined }): Promise<IntegrityGrant> {
  if (!hasRole(actor.staff, 'integrity_officer')) throw new ForbiddenError('only integrity officers decide grants', 'เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้นที่อนุมัติได้');
  const grant = await getGrant(deps.db, org.id, grantId);
  if (!grant) throw new NotFoundError(`grant ${grantId}`, 'ไม่พบคำขอนี้');
  if (actor.userId === grant.userId) throw new ForbiddenError('grantee cannot decide own grant', 'อนุมัติคำขอแต่งตั้งตนเองไม่ได้ ต้องเป็นเจ้าหน้าที่ศูนย์ฯ คนอื่น');
  if (actor.userId === grant.requestedBy.userId) throw new ForbiddenError('requester cannot decide own request', 'ผู้ขอแต่งตั้งอนุมัติคำขอของตนเองไม่ได้ ต้องเป็นเจ้าหน้าที่ศูนย์ฯ คนอื่น');
  const now = deps.clock.now();
  const status = decision.approve ? 'approved' : 'rejected';
  const mine = (d: { status: string; by: string } | null) => !!d && d.by === actor.userId && d.status === status;
  if (grant.status !== 'pending') {
    // Decided already: by this officer the same way (a repeated press) — the same answer, nothing written again.
    if (grant.status === status && grant.decidedBy?.userId === actor.userId) return grant;
    throw new ConflictError(`grant ${grantId} already ${grant.status}`, 'คำขอนี้ได้รับการพิจารณาไปแล้ว');
  }
  let decidedAt = now.toISOString();
  if (grant.expiresAt <= decidedAt) throw new ConflictError(`grant ${grantId} expired`, `คำขอนี้หมดอายุแล้ว (เกิน ${GRANT_DAYS} วัน) ให้ผู้ดูแลระบบออกรหัสเชิญใหม่`);
  if (!(await claimDecision(deps.db, org.id, grantId, { status, by: actor.userId, at: decidedAt }))) {
    // Claimed already: by someone else (refused), or by this officer (a concurrent copy, or an attempt that stopped
    // half-way: finished now, once).
    const earlier = await getDecision(deps.db, org.id, grantId);
    if (!earlier || !mine(earlier)) throw new ConflictError(`grant ${grantId} decided concurrently`, 'คำขอนี้เพิ่งได้รับการพิจารณาโดยเจ้าหน้าที่อีกคน');
    decidedAt = earlier.at;
  }
  const action = decision.approve ? 'grant-approved' : 'grant-rejected';
  // The log first: a role is never added without its entry, and the entry is written once however often this runs.
  const written = await decisionEntryOnce(deps, org.id, grantId, action, () =>
    appendAudit(
      deps.db,
      org.id,
      { action, actor: actorOf(actor), subject: { userId: grant.userId, displayName: grant.displayName }, grantId, ...(decision.reason ? { reason: decision.reason } : {}) },
      now,
    ),
  );
  const decidedBy = { userId: actor.userId, displayName: actor.staff?.displayName || 'เจ้าหน้าที่' };
  // Every copy answers with what was logged (the first copy's reason), so all copies answer alike.
  const decided: IntegrityGrant = { ...grant, status, decidedBy, decidedAt, reason: written.reason ?? null };
  if (decision.approve) await addIntegrityRole(deps.db, org.id, { userId: grant.userId, displayName: grant.displayName }, now);
  await recordDecision(deps.db, org.id, decided);
  if (decision.approve) await deps.staffMenus?.sync(org.id, grant.userId);
  // Keyed by the entry's seq in the outbox: copies queue each message once.
  await tellAbout(deps, org, written, decision.approve ? [grant.userId] : []);
  return decided;
}

/** How long a copy waits for the attempt writing the decision's entry, and when that attempt counts as gone. */
const ENTRY_WAIT_MS = 4000;
const ENTRY_STALE_MS = 60_000;

/**
 * The decision's one audit entry. The first attempt claims the writing (create-if-absent) and records the entry's seq;
 * a concurrent copy waits for that seq and reuses the entry. An attempt that died while writing (its claim older than a
 * minute) is finished by the next one, which looks for the entry before appending.
 */
async function decisionEntryOnce(deps: IntegrityDeps, orgId: string, grantId: string, action: AuditEntry['action'], append: () => Promise<AuditEntry>): Promise<AuditEntry> {
  const attempt = randomUUID();
  const finish = async () => {
    const written = (await findGrantEntry(deps.db, orgId, grantId, action)) ?? (await append());
    await markDecisionEntry(deps.db, orgId, grantId, written.seq);
    return written;
  };
  if (await claimDecisionEntry(deps.db, orgId, grantId, { attempt, at: deps.clock.now().toISOString() })) return finish();
  for (let waited = 0; ; waited += 100) {
    const claim = await getDecisionEntryClaim(deps.db, orgId, grantId);
    if (claim?.seq != null) {
      const entry = await getAuditEntry(deps.db, orgId, claim.seq);
      if (entry) return entry;
    }
    if (claim && deps.clock.now().getTime() - Date.parse(claim.at) > ENTRY_STALE_MS) return finish();
    if (waited >= ENTRY_WAIT_MS) throw new ConflictError(`grant ${grantId}: decision still being recorded`, 'กำลังบันทึกการพิจารณานี้อยู่ กรุณารอสักครู่แล้วโหลดข้อมูลใหม่');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Tells every active integrity officer (and `also`) of an entry about the role, through the outbox. */
async function tellAbout(deps: IntegrityDeps, org: Pick<Org, 'id' | 'line'>, written: AuditEntry, also: string[]): Promise<void> {
  deps.log?.info({ orgId: org.id, action: written.action, seq: written.seq }, 'integrity audit entry');
  const officers = (await listStaffWithRole(deps.db, org.id, 'integrity_officer')).map((m) => m.userId);
  const message = integrityRoleMessage(written, liffUrl(org, 'staff/integrity', deps.liffLocalBase));
  for (const to of new Set([...officers, ...also])) {
    try {
      await deps.notifier.notify({ orgId: org.id, to, messages: [message], key: `integrity:${org.id}:audit:${written.seq}:${to}`, topic: `integrity.${written.action}` });
    } catch (err) {
      deps.log?.warn({ orgId: org.id, seq: written.seq, err: err instanceof Error ? err.message : String(err) }, 'integrity notification not queued');
    }
  }
}

/**
 * Takes the integrity role away (an officer leaving, or one who should not have it). An admin or an integrity officer
 * may; it is logged with the reason, and every officer, the revoked one included, is told. The officer is named by
 * their staff reference (staff/refs.ts), never by LINE user id.
 */
export async function revokeIntegrityRole(deps: IntegrityDeps, org: Pick<Org, 'id' | 'line'>, actor: StaffActor, ref: string, reason: string): Promise<void> {
  if (!hasRole(actor.staff, 'admin', 'integrity_officer')) throw new ForbiddenError('revoking needs admin or integrity officer');
  const refs = await staffRefsFor(deps, org.id);
  const member = refs.find(ref, await listStaffWithRole(deps.db, org.id, 'integrity_officer'));
  if (!member) throw new NotFoundError('integrity officer (no active officer has this reference)', 'ผู้ใช้นี้ไม่ได้เป็นเจ้าหน้าที่ศูนย์ฯ');
  const { userId } = member;
  const now = deps.clock.now();
  const written = await appendAudit(deps.db, org.id, { action: 'role-revoked', actor: actorOf(actor), subject: { userId, displayName: member.displayName }, reason }, now);
  // Everyone who held the role when it changed is told, the revoked officer too.
  await tellAbout(deps, org, written, [userId]);
  await removeRole(deps.db, org.id, userId, 'integrity_officer', now);
  await deps.staffMenus?.sync(org.id, userId);
}

/**
 * The operator's command line makes an integrity officer. Without officers (a new organisation) that is the setup;
 * with active officers it is refused unless a reason is given (recovery), and then it is logged and they are told.
 */
export async function grantByOperator(
  deps: IntegrityDeps,
  org: Pick<Org, 'id' | 'line'>,
  o: { userId: string; displayName: string; operator: string; reason?: string | undefined },
): Promise<{ entry: AuditEntry; member: StaffMember }> {
  const existing = await listStaffWithRole(deps.db, org.id, 'integrity_officer');
  if (existing.some((m) => m.userId === o.userId)) throw new ConflictError('already an integrity officer', 'ผู้ใช้นี้เป็นเจ้าหน้าที่ศูนย์ฯ อยู่แล้ว');
  if (existing.length > 0 && !o.reason) {
    throw new ConflictError(
      `${existing.length} integrity officer(s) exist`,
      `หน่วยงานนี้มีเจ้าหน้าที่ศูนย์ฯ แล้ว ${existing.length} คน: ให้ผู้ดูแลระบบออกรหัสเชิญ แล้วให้เจ้าหน้าที่ศูนย์ฯ อนุมัติใน LIFF (หรือใส่ --reason เมื่อจำเป็นต้องกู้คืน ซึ่งจะแจ้งเจ้าหน้าที่ศูนย์ฯ ทุกคน)`,
    );
  }
  const now = deps.clock.now();
  const entry = await appendAudit(
    deps.db,
    org.id,
    { action: 'grant-by-operator', actor: { type: 'operator', userId: null, displayName: o.operator }, subject: { userId: o.userId, displayName: o.displayName }, ...(o.reason ? { reason: o.reason } : {}) },
    now,
  );
  const member = await addIntegrityRole(deps.db, org.id, { userId: o.userId, displayName: o.displayName }, now);
  await deps.staffMenus?.sync(org.id, o.userId);
  await tellAbout(deps, org, entry, existing.map((m) => m.userId));
  return { entry, member };
}

/** A reveal of a corruption reporter, logged before anything is returned (complaints/reveal.ts calls this). */
export async function recordReveal(deps: Pick<IntegrityDeps, 'db' | 'clock' | 'log'>, orgId: string, actor: StaffActor, c: { id: string; trackingCode: string }, reason: string): Promise<AuditEntry> {
  const written = await appendAudit(deps.db, orgId, { action: 'reporter-revealed', actor: actorOf(actor), complaintId: c.id, trackingCode: c.trackingCode, reason }, deps.clock.now());
  deps.log?.info({ orgId, action: written.action, seq: written.seq }, 'integrity audit entry');
  return written;
}

// ---------- what integrity officers read ----------

function requireOfficer(actor: StaffActor): void {
  if (!hasRole(actor.staff, 'integrity_officer')) throw new ForbiddenError('integrity officers only', 'เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้น');
}

export async function listGrantsFor(deps: Pick<IntegrityDeps, 'db' | 'clock'>, orgId: string, actor: StaffActor): Promise<GrantView[]> {
  requireOfficer(actor);
  const now = deps.clock.now().toISOString();
  const refs = await staffRefsFor(deps, orgId);
  return (await listGrants(deps.db, orgId)).map((g) => grantView(g, actor.userId, now, refs));
}

/** A grant just decided, as the deciding officer sees it. */
export async function viewGrant(deps: Pick<IntegrityDeps, 'db' | 'clock'>, orgId: string, actor: StaffActor, grant: IntegrityGrant): Promise<GrantView> {
  return grantView(grant, actor.userId, deps.clock.now().toISOString(), await staffRefsFor(deps, orgId));
}

export async function listAuditFor(deps: Pick<IntegrityDeps, 'db' | 'clock'>, orgId: string, actor: StaffActor, q: { limit: number; before?: number | undefined }): Promise<AuditEntryView[]> {
  requireOfficer(actor);
  const refs = await staffRefsFor(deps, orgId);
  return (await listAudit(deps.db, orgId, q)).map((e) => auditEntryView(e, refs));
}
