/**
 * Separation of duties for the integrity-officer role, the only role that can learn who reported corruption:
 * grants that need a second person, and the append-only audit log of every grant, decision, revocation and reveal
 * of a reporter. Pure: types, schemas and labels.
 */

/** The API's shapes live in contracts/integrity.ts; re-exported for the feature's own modules. */
export {
  AUDIT_ACTIONS,
  type AuditAction,
  AUDIT_LABELS,
  type AuditActor,
  type AuditEntry,
  type NewAuditEntry,
  GRANT_STATUSES,
  type GrantStatus,
  type IntegrityGrant,
  GRANT_DAYS,
  reasonSchema,
  revealBodySchema,
  decisionBodySchema,
  revokeBodySchema,
  grantIdParams,
  userIdParams,
  auditQuery,
} from '../contracts/integrity.ts';
