import { z } from 'zod';
import type { Role } from '../staff/roleNames.ts';

/**
 * Staff API contract: request schemas the routes validate with, and the response shapes the LIFF pages read (with
 * `import type`, so the LIFF bundle carries no zod). Pure: zod, and the role table's type (staff/roleNames.ts, no imports).
 */

// ── Members and invites (issue 16: the admin's members page) ────────────────────────────────────────────────────

/** Who a staff member is to the members page: roles with their Thai names (the LIFF never holds the label table). */
export interface MemberView {
  userId: string;
  displayName: string;
  roles: Role[];
  roleLabels: string[];
  active: boolean;
  updatedAt: string;
}
export interface MembersResponse {
  members: MemberView[];
}

/** A pending invitation: never its code (shown once, to the admin who made it) nor the code's hash. */
export interface InviteView {
  id: string;
  roles: Role[];
  roleLabels: string[];
  displayName: string;
  createdAt: string;
  expiresAt: string;
}
export interface InvitesResponse {
  invites: InviteView[];
}
export interface IssuedInvite {
  id: string;
  code: string;
  expiresAt: string;
}

export const inviteIdParams = z.object({ inviteId: z.string().regex(/^[0-9a-f]{16,64}$/, 'รหัสคำเชิญไม่ถูกต้อง') });
export const memberRoleParams = z.object({
  userId: z.string().regex(/^U[0-9a-f]{32}$/, 'ผู้ใช้ไม่ถูกต้อง'),
  role: z.enum(['admin', 'officer', 'queue_operator'], { error: 'ถอนบทบาทนี้ที่นี่ไม่ได้ (บทบาทเจ้าหน้าที่ศูนย์ฯ ถอนพร้อมเหตุผล)' }),
});
export interface RemovedRole {
  member: MemberView;
}
