/**
 * What integrity officers read, projected from the stored shapes: people by display name and staff reference
 * (staff/refs.ts), never by LINE user id (decision 114). Pure.
 */
import { AUDIT_LABELS, type AuditEntryView, type GrantView } from '../contracts/integrity.ts';
import type { PersonView } from '../contracts/staff.ts';
import type { StaffRefs } from '../staff/refs.ts';
import type { AuditEntry, IntegrityGrant } from './schema.ts';

const person = (refs: StaffRefs, p: { userId: string | null; displayName: string }): PersonView => ({ displayName: p.displayName, ref: refs.of(p.userId) });

export function auditEntryView(e: AuditEntry, refs: StaffRefs): AuditEntryView {
  return {
    seq: e.seq,
    at: e.at,
    action: e.action,
    actionLabel: AUDIT_LABELS[e.action],
    actor: { type: e.actor.type, ...person(refs, e.actor) },
    subject: e.subject ? person(refs, e.subject) : null,
    grantId: e.grantId,
    complaintId: e.complaintId,
    trackingCode: e.trackingCode,
    reason: e.reason,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/** A grant as `viewer` sees it at `now` (ISO): expired past its time; decidable by neither the grantee nor the requester. */
export function grantView(g: IntegrityGrant, viewer: string, now: string, refs: StaffRefs): GrantView {
  const live = g.status === 'pending' && g.expiresAt > now;
  return {
    id: g.id,
    grantee: person(refs, g),
    requestedBy: person(refs, g.requestedBy),
    requestedAt: g.requestedAt,
    expiresAt: g.expiresAt,
    status: g.status === 'pending' && !live ? 'expired' : g.status,
    decidedBy: g.decidedBy ? person(refs, g.decidedBy) : null,
    decidedAt: g.decidedAt,
    reason: g.reason,
    canDecide: live && g.userId !== viewer && g.requestedBy.userId !== viewer,
    selfRequested: g.userId === g.requestedBy.userId,
  };
}
