import { randomBytes } from 'node:crypto';
import type { Firestore } from '../store/firestore.ts';
import type { IssuedCode, IssuedInvite } from '../contracts/staff.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { hashCode, newOneTimeCode } from './codes.ts';
import { markStaffGroup } from './groupsStore.ts';
import { claimCode, findInviteHash, getCode, listPendingInvites, saveCode } from './invitesStore.ts';
import { recordIntegrityInvite, requestIntegrityGrant, type IntegrityDeps, type StaffActor } from '../integrity/service.ts';
import type { IntegrityGrant } from '../integrity/schema.ts';
import { hasRole, isOrdinaryRole, type OrdinaryRole, type Role, type StaffMember } from './schema.ts';
import { staffRefsFor } from './refs.ts';
import { getStaffMember, grantRoles, listStaff, removeRole } from './store.ts';

const INVITE_HOURS = 72;
const GROUP_CODE_HOURS = 24;

export type { IssuedCode, IssuedInvite };

/**
 * An admin invites a person to be staff with roles; the code goes to them by any channel and works once. An
 * invitation carrying the integrity role is logged at once (its grant still needs an integrity officer's approval).
 */
export async function inviteStaff(deps: IntegrityDeps, org: Pick<Org, 'id'>, by: StaffActor, invite: { roles: Role[]; displayName?: string | undefined }): Promise<IssuedInvite> {
  const now = deps.clock.now();
  if (invite.roles.includes('integrity_officer')) await recordIntegrityInvite(deps, org, by, invite.displayName ?? '');
  const id = randomBytes(8).toString('hex');
  const issued = await issue(deps.db, org.id, now, INVITE_HOURS, { id, purpose: 'staff-invite', roles: invite.roles, displayName: invite.displayName ?? '', createdBy: by.userId });
  return { id, ...issued };
}

/** An admin withdraws an invitation before anyone redeems it: the code then fails like a used one. */
export async function revokeInvite(db: Firestore, orgId: string, inviteId: string, by: string, now: Date): Promise<void> {
  const hash = await findInviteHash(db, orgId, inviteId);
  const pending = hash ? (await listPendingInvites(db, orgId, now)).some((i) => i.hash === hash) : false;
  if (!hash || !pending) throw new NotFoundError('pending invitation', 'ไม่พบคำเชิญที่ยังรอใช้ (อาจถูกใช้ ถูกยกเลิก หรือหมดอายุแล้ว)');
  // Claiming the code as "revoked" uses the same create-if-absent as redeeming, so a revoke and a redeem racing
  // cannot both win.
  if (!(await claimCode(db, orgId, hash, `revoked-by:${by}`, now))) throw new ConflictError('invitation used meanwhile', 'คำเชิญนี้เพิ่งถูกใช้ไปแล้ว');
}

/**
 * An admin takes an ordinary role away (the integrity role goes through integrity/ with a reason). The member is named
 * by staff reference (refs.ts), never by LINE user id. The organisation always keeps an active admin: the last one
 * cannot remove their own or another's last admin role.
 */
export async function removeStaffRole(deps: IntegrityDeps, orgId: string, ref: string, role: OrdinaryRole): Promise<StaffMember> {
  const { db } = deps;
  const now = deps.clock.now();
  const staff = await listStaff(db, orgId);
  const target = (await staffRefsFor(deps, orgId)).find(ref, staff);
  if (!target) throw new NotFoundError('staff member (no member has this reference)', 'ไม่พบเจ้าหน้าที่คนนี้');
  const { userId } = target;
  if (role === 'admin') {
    const admins = staff.filter((m) => hasRole(m, 'admin'));
    if (admins.length === 1 && admins[0]!.userId === userId) {
      throw new ConflictError('last admin', 'ถอนบทบาทผู้ดูแลระบบคนสุดท้ายไม่ได้ กรุณาเชิญผู้ดูแลระบบคนใหม่ก่อน');
    }
  }
  const next = await removeRole(db, orgId, userId, role, now);
  if (!next) throw new NotFoundError('staff role', 'เจ้าหน้าที่คนนี้ไม่มีบทบาทนี้แล้ว');
  await deps.staffMenus?.sync(orgId, userId);
  return next;
}

/** An admin asks for a code to type in the staff LINE group, which registers that group. */
export async function issueGroupCode(db: Firestore, orgId: string, by: string, now: Date): Promise<IssuedCode> {
  return issue(db, orgId, now, GROUP_CODE_HOURS, { purpose: 'staff-group', roles: [], displayName: '', createdBy: by });
}

async function issue(
  db: Firestore,
  orgId: string,
  now: Date,
  hours: number,
  fields: { id?: string; purpose: 'staff-invite' | 'staff-group'; roles: Role[]; displayName: string; createdBy: string },
): Promise<IssuedCode> {
  const code = newOneTimeCode();
  const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
  await saveCode(db, orgId, hashCode(code), { ...fields, createdAt: now.toISOString(), expiresAt });
  return { code, expiresAt };
}

const INVALID = 'รหัสไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ';

async function redeem(db: Firestore, orgId: string, code: string, purpose: 'staff-invite' | 'staff-group', by: string, now: Date) {
  const hash = hashCode(code);
  const stored = await getCode(db, orgId, hash);
  if (!stored || stored.purpose !== purpose || stored.expiresAt <= now.toISOString()) throw new NotFoundError('one-time code', INVALID);
  if (!(await claimCode(db, orgId, hash, by, now))) throw new ConflictError('one-time code already used', INVALID);
  return stored;
}

export interface AcceptedInvite {
  /** The member with the ordinary roles of the invitation; null when it carried only the integrity role. */
  member: StaffMember | null;
  /** The integrity role is never given by an invitation: it becomes a grant an integrity officer must approve. */
  pendingGrant: IntegrityGrant | null;
}

/**
 * The invited person, signed in with LINE, redeems the code and becomes staff with its ordinary roles. An integrity
 * role on the invitation becomes a pending grant (integrity/service.ts): logged, every integrity officer told, and
 * only another integrity officer (not the inviting admin, not this person) can approve it.
 */
export async function acceptStaffInvite(deps: IntegrityDeps, org: Pick<Org, 'id' | 'line'>, caller: { userId: string; name?: string | undefined }, code: string): Promise<AcceptedInvite> {
  const now = deps.clock.now();
  const invite = await redeem(deps.db, org.id, code, 'staff-invite', caller.userId, now);
  const ordinary = invite.roles.filter(isOrdinaryRole);
  const member = ordinary.length
    ? await grantRoles(deps.db, org.id, { userId: caller.userId, roles: ordinary, ...(invite.displayName ? { displayName: invite.displayName } : {}) }, now)
    : null;
  let pendingGrant: IntegrityGrant | null = null;
  const current = await getStaffMember(deps.db, org.id, caller.userId);
  const already = hasRole(current, 'integrity_officer');
  if (invite.roles.includes('integrity_officer') && !already) {
    // The name the officers will read: the invitation's, else the one this person already has as staff, else LINE's.
    const displayName = invite.displayName || (current?.active ? current.displayName : '') || caller.name || '';
    const requester = await getStaffMember(deps.db, org.id, invite.createdBy);
    pendingGrant = await requestIntegrityGrant(deps, org, { userId: caller.userId, displayName }, { userId: invite.createdBy, displayName: requester?.displayName ?? '' });
  }
  if (member) await deps.staffMenus?.sync(org.id, caller.userId);
  return { member, pendingGrant };
}

/** Typed in a group ("ลงทะเบียนกลุ่ม K7QM-4TZP"): the group becomes the organisation's staff group. */
export async function registerStaffGroup(db: Firestore, org: Org, groupId: string, code: string, by: string, now: Date): Promise<void> {
  await redeem(db, org.id, code, 'staff-group', by, now);
  await markStaffGroup(db, org.id, groupId, by, now);
}
