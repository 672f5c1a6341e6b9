import { z } from 'zod';

/**
 * Staff are LINE users with roles in one organisation. An integrity officer is the only role that sees corruption
 * reports; a queue operator calls queue numbers; an officer handles general complaints; an admin manages the rest.
 */
export const ROLES = ['admin', 'officer', 'integrity_officer', 'queue_operator'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
/** Every role an admin may hand out directly; the integrity-officer role needs a second person (integrity/). */
export type OrdinaryRole = Exclude<Role, 'integrity_officer'>;
export const isOrdinaryRole = (r: Role): r is OrdinaryRole => r !== 'integrity_officer';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'ผู้ดูแลระบบ',
  officer: 'เจ้าหน้าที่รับเรื่อง',
  integrity_officer: 'เจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต',
  queue_operator: 'เจ้าหน้าที่เรียกคิว',
};

export const staffMemberSchema = z.object({
  userId: z.string().min(1).max(100),
  displayName: z.string().max(100).default(''),
  roles: z.array(roleSchema).min(1),
  active: z.boolean().default(true),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export function hasRole(member: StaffMember | null | undefined, ...roles: Role[]): boolean {
  return !!member && member.active && member.roles.some((r) => roles.includes(r));
}
