/**
 * What the staff APIs answer, as the LIFF staff pages read them: the API's own contracts (functions/src/contracts,
 * imported as types only) and the shared roles table. Components import from here instead of declaring the shapes.
 */
import type { AuditList, GrantView } from '../../../functions/src/contracts/integrity.ts';
import type { StaffMe } from '../../../functions/src/contracts/staff.ts';
export { ROLES, ROLE_LABELS, type Role } from '../../../functions/src/contracts/tables/roles.ts';

/** GET /staff/me. */
export type Me = StaffMe;
/** One entry of GET /staff/integrity/audit. */
export type AuditEntryView = AuditList['entries'][number];
/** One grant of GET /staff/integrity/grants. */
export type Grant = GrantView;
