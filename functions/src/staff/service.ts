import type { Firestore } from 'firebase-admin/firestore';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { hashCode, newOneTimeCode } from './codes.ts';
import { markStaffGroup } from './groups.ts';
import { claimCode, getCode, saveCode } from './invitesStore.ts';
import type { Role, StaffMember } from './schema.ts';
import { grantRoles } from './store.ts';

const INVITE_HOURS = 72;
const GROUP_CODE_HOURS = 24;

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

/** An admin invites a person to be staff with roles; the code goes to them by any channel and works once. */
export async function inviteStaff(db: Firestore, orgId: string, by: string, invite: { roles: Role[]; displayName?: string }, now: Date): Promise<IssuedCode> {
  return issue(db, orgId, now, INVITE_HOURS, { purpose: 'staff-invite', roles: invite.roles, displayName: invite.displayName ?? '', createdBy: by });
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
  fields: { purpose: 'staff-invite' | 'staff-group'; roles: Role[]; displayName: string; createdBy: string },
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

/** The invited person, signed in with LINE, redeems the code and becomes staff with its roles. */
export async function acceptStaffInvite(db: Firestore, orgId: string, userId: string, code: string, now: Date): Promise<StaffMember> {
  const invite = await redeem(db, orgId, code, 'staff-invite', userId, now);
  return grantRoles(db, orgId, { userId, roles: invite.roles, ...(invite.displayName ? { displayName: invite.displayName } : {}) }, now);
}

/** Typed in a group ("ลงทะเบียนกลุ่ม K7QM-4TZP"): the group becomes the organisation's staff group. */
export async function registerStaffGroup(db: Firestore, org: Org, groupId: string, code: string, by: string, now: Date): Promise<void> {
  await redeem(db, org.id, code, 'staff-group', by, now);
  await markStaffGroup(db, org.id, groupId, by, now);
}
