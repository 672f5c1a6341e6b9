/**
 * The staff API (functions/src/staff/routes.ts): who am I, members, invitations and staff-group codes. The routes
 * validate with these schemas; the LIFF staff pages read these types with `import type`.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';
import { ROLES, ROLE_LABELS, type Role } from './tables/roles.ts';

export { ROLES, ROLE_LABELS, type Role };

export const roleSchema = z.enum(ROLES);

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

/** GET /staff/members (admins). */
export interface StaffMemberView {
  userId: string;
  displayName: string;
  roles: Role[];
  active: boolean;
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
