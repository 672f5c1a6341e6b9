import type { StaffMember } from '../staff/schema.ts';
import { hasRole } from '../staff/schema.ts';
import type { ComplaintKind } from '../contracts/complaints.ts';

/**
 * Who handles which kind. General complaints: officers and admins. Corruption reports: integrity officers only (not
 * admins: the point of the separate channel is that the organisation's management cannot see who reported).
 */
export function canHandle(staff: StaffMember | null | undefined, kind: ComplaintKind): boolean {
  return kind === 'corruption' ? hasRole(staff, 'integrity_officer') : hasRole(staff, 'officer', 'admin');
}

export function visibleKinds(staff: StaffMember | null | undefined): ComplaintKind[] {
  return (['general', 'corruption'] as const).filter((k) => canHandle(staff, k));
}
