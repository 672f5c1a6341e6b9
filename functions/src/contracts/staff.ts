/**
 * The staff API (functions/src/staff/routes.ts): who am I, members, invitations and staff-group codes. The routes
 * validate with these schemas; the LIFF staff pages read these types with `import type`.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';
import { ROLES, ROLE_LABELS, type Role } from './tables/roles.ts';

export { ROLES, ROLE_LABELS, type Role };

export const roleSchema = z.enum(ROLES);

/**
 * A staff reference: how the API names a person the LIFF app may act on or tell apart from another (the members page,
 * grants, the integrity audit trail). Opaque, per organisation, never the LINE user id (decision 114: an HMAC under
 * the organisation's key, resolved on the server).
 */
export const staffRefSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'รหัสอ้างอิงเจ้าหน้าที่ไม่ถูกต้อง');
/** A person as staff pages show them: the name, and the reference (null: nobody to act on, e.g. not redeemed yet). */
export const personViewSchema = z.object({ displayName: z.string(), ref: staffRefSchema.nullable() });
export type PersonView = z.infer<typeof personViewSchema>;

// ---------- requests ----------

/** POST /staff/invites (admins). */
export const staffInviteSchema = z.object({
  roles: z.array(roleSchema).min(1, 'เลือกบทบาทอย่างน้อย 1 บทบาท').max(4),
  displayName: safeText({ max: 100, notText: 'ชื่อต้องเป็นข้อความ', tooLong: 'ชื่อยาวเกิน 100 ตัวอักษร' }).optional(),
});
export type StaffInviteInput = z.infer<typeof staffInviteSchema>;

/** POST /staff/invites/accept. */
export const acceptInviteSchema = z.object({ code: z.string().trim().min(8, 'รหัสมี 8 ตัวอักษร').max(20) });

// ---------- answers ----------

/** GET /staff/me: the caller's active membership, or null for a citizen. */
export interface StaffMe {
  staff: { displayName: string; roles: Role[]; roleLabels: string[] } | null;
}


/** 201 of POST /staff/invites: the one-time code (shown once) and when it expires. */
export interface IssuedCode {
  code: string;
  expiresAt: string;
}

/** 201 of POST /staff/group-codes: the code and what to type in the staff group. */
export interface IssuedGroupCode extends IssuedCode {
  instruction: string;
}

/** POST /staff/invites/accept: the membership now, and an integrity-role grant waiting for a second officer. */
export interface InviteAccepted {
  staff: { displayName: string; roles: Role[] } | null;
  pendingGrant: { id: string; role: 'integrity_officer'; expiresAt: string } | null;
}

// ── Members and invites (issue 16: the admin's members page) ────────────────────────────────────────────────────

/**
 * A member as the members page shows them: roles with their Thai names; an inactive member shows no roles. `ref`
 * names them in the role-removal routes; the LINE user id never leaves the server. Routes answer through these
 * schemas, so a stored field not listed here is dropped.
 */
export const staffMemberViewSchema = z.object({
  ref: staffRefSchema,
  displayName: z.string(),
  roles: z.array(roleSchema),
  roleLabels: z.array(z.string()),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type StaffMemberView = z.infer<typeof staffMemberViewSchema>;
/** GET /staff/members (admins): active first, then by name. */
export const membersResponseSchema = z.object({ members: z.array(staffMemberViewSchema) });
export type MembersResponse = z.infer<typeof membersResponseSchema>;

/** A pending invitation: never its code (shown once, to the admin who made it) nor the code's hash. */
export interface InviteView {
  id: string;
  roles: Role[];
  roleLabels: string[];
  displayName: string;
  createdAt: string;
  expiresAt: string;
}
/** GET /staff/invites (admins): the invitations not used, revoked or expired. */
export interface InvitesResponse {
  invites: InviteView[];
}
/** 201 of POST /staff/invites: with the id that lists and revokes it. */
export interface IssuedInvite extends IssuedCode {
  id: string;
}

/** POST /staff/invites/:inviteId/revoke. */
export const inviteIdParams = z.object({ inviteId: z.string().regex(/^[0-9a-f]{16,64}$/, 'รหัสคำเชิญไม่ถูกต้อง') });
/** DELETE /staff/members/:ref/roles/:role: ordinary roles only (the integrity role goes through integrity/ with a reason). */
export const memberRoleParams = z.object({
  ref: staffRefSchema,
  role: z.enum(['admin', 'officer', 'queue_operator'], { error: 'ถอนบทบาทนี้ที่นี่ไม่ได้ (บทบาทเจ้าหน้าที่ศูนย์ฯ ถอนพร้อมเหตุผล)' }),
});
/** The answer of DELETE /staff/members/:ref/roles/:role. */
export const removedRoleSchema = z.object({ member: staffMemberViewSchema });
export type RemovedRole = z.infer<typeof removedRoleSchema>;
