/**
 * Separation of duties for the integrity-officer role, the only role that can learn who reported corruption:
 * grants that need a second person, and the append-only audit log of every grant, decision, revocation and reveal
 * of a reporter. Pure: types, schemas and labels.
 *
 * The stored shapes below hold LINE user ids (the server needs them: the two-person rule, pushes, the hash chain).
 * They never leave the server: routes answer with the views of contracts/integrity.ts (names and staff references,
 * decision 114), built in views.ts.
 */
import type { AuditAction, GrantStatus } from '../contracts/integrity.ts';

/** The API's shapes live in contracts/integrity.ts; re-exported for the feature's own modules. */
export {
  AUDIT_ACTIONS,
  type AuditAction,
  AUDIT_LABELS,
  GRANT_STATUSES,
  type GrantStatus,
  GRANT_DAYS,
  reasonSchema,
  revealBodySchema,
  decisionBodySchema,
  revokeBodySchema,
  grantIdParams,
  officerRefParams,
  auditQuery,
} from '../contracts/integrity.ts';

/** Who did it: a staff member (LINE user id + name at the time), or the operator at the command line. Stored only. */
export interface AuditActor {
  type: 'staff' | 'operator';
  userId: string | null;
  displayName: string;
}

/** One entry of `orgs/{orgId}/integrityAudit/{seq}`, created once with create(), never updated or deleted. */
export interface AuditEntry {
  seq: number;
  at: string;
  action: AuditAction;
  actor: AuditActor;
  /** The person the entry is about (grantee, revoked officer), when any; userId '' before anyone redeemed the invitation. */
  subject: { userId: string; displayName: string } | null;
  grantId: string | null;
  complaintId: string | null;
  trackingCode: string | null;
  reason: string | null;
  /** SHA-256 of the previous entry's hash and this entry's content: a deleted or edited entry breaks the chain. */
  prevHash: string;
  hash: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at' | 'prevHash' | 'hash' | 'subject' | 'grantId' | 'complaintId' | 'trackingCode' | 'reason'> &
  Partial<Pick<AuditEntry, 'subject' | 'grantId' | 'complaintId' | 'trackingCode' | 'reason'>>;

/** A request to make someone an integrity officer: `orgs/{orgId}/integrityGrants/{id}`. Stored only. */
export interface IntegrityGrant {
  id: string;
  userId: string;
  displayName: string;
  /** Who asked for it: the admin whose invitation carried the role. */
  requestedBy: { userId: string; displayName: string };
  requestedAt: string;
  expiresAt: string;
  status: GrantStatus;
  decidedBy: { userId: string; displayName: string } | null;
  decidedAt: string | null;
  reason: string | null;
}
