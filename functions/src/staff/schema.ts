import { z } from 'zod';
import { ROLES, ROLE_LABELS, roleSchema, type Role } from '../contracts/staff.ts';

/** Staff are LINE users with roles in one organisation; the roles and their names are the shared table (contracts). */
export { ROLES, ROLE_LABELS, roleSchema, type Role };
/** Every role an admin may hand out directly; the integrity-officer role needs a second person (integrity/). */
export type OrdinaryRole = Exclude<Role, 'integrity_officer'>;
export const isOrdinaryRole = (r: Role): r is OrdinaryRole => r !== 'integrity_officer';

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
