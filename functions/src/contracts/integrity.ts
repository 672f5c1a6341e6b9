/**
 * The integrity-officer API (functions/src/integrity/routes.ts, docs/security.md): grant decisions, the audit log and
 * revoking the role. The routes validate with these schemas; the LIFF staff pages read these types with
 * `import type`.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  /** An admin issued an invitation that carries the integrity role (it becomes a grant request when redeemed). */
  'invite-issued',
  /** A person redeemed such an invitation: a pending grant an integrity officer must approve. */
  'grant-requested',
  'grant-approved',
  'grant-rejected',
  /** The operator's command line made an integrity officer (the organisation's first, or a recovery with a reason). */
  'grant-by-operator',
  'role-revoked',
  /** Someone was shown who reported a corruption case (name, LINE name, phone, e-mail). */
  'reporter-revealed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_LABELS: Record<AuditAction, string> = {
  'invite-issued': 'ออกรหัสเชิญที่มีบทบาทเจ้าหน้าที่ศูนย์ฯ',
  'grant-requested': 'ขอแต่งตั้งเจ้าหน้าที่ศูนย์ฯ (รออนุมัติ)',
  'grant-approved': 'อนุมัติการแต่งตั้ง',
  'grant-rejected': 'ไม่อนุมัติการแต่งตั้ง',
  'grant-by-operator': 'ผู้ดูแลเซิร์ฟเวอร์แต่งตั้งผ่านคำสั่ง (CLI)',
  'role-revoked': 'ถอนบทบาทเจ้าหน้าที่ศูนย์ฯ',
  'reporter-revealed': 'เปิดดูตัวตนผู้แจ้งเบาะแส',
};

/** Who did it: a staff member (LINE user id + name at the time), or the operator at the command line. */
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
  /** The person the entry is about (grantee, revoked officer), when any. */
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

export const GRANT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** A request to make someone an integrity officer: `orgs/{orgId}/integrityGrants/{id}`. */
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

/** A pending grant is void after this many days; the admin can invite again. */
export const GRANT_DAYS = 7;

/** Why someone asks to see a reporter, or decides a grant: kept in the audit log as written. */
export const reasonSchema = safeText({ min: 5, max: 500, multiline: true, notText: 'กรุณาระบุเหตุผล', tooShort: 'กรุณาระบุเหตุผลอย่างน้อย 5 ตัวอักษร', tooLong: 'เหตุผลยาวเกิน 500 ตัวอักษร' });

export const revealBodySchema = z.object({ reason: reasonSchema }, { error: 'ข้อมูลต้องเป็น JSON object' }).strict();
export const decisionBodySchema = z.object({ reason: reasonSchema.optional() }, { error: 'ข้อมูลต้องเป็น JSON object' }).strict();
export const revokeBodySchema = z.object({ reason: reasonSchema }, { error: 'ข้อมูลต้องเป็น JSON object' }).strict();
export const grantIdParams = z.object({ id: z.string().regex(/^[0-9A-Z]{26}$/, { error: 'รหัสคำขอไม่ถูกต้อง' }) });
export const userIdParams = z.object({ userId: z.string().regex(/^U[0-9a-f]{32}$/, { error: 'รหัสผู้ใช้ LINE ไม่ถูกต้อง' }) });
export const auditQuery = z.object({
  limit: z.coerce.number({ error: 'limit ต้องเป็นตัวเลข' }).int().min(1, { error: 'limit ต้องอยู่ระหว่าง 1-200' }).max(200, { error: 'limit ต้องอยู่ระหว่าง 1-200' }).default(100),
  before: z.coerce.number({ error: 'before ต้องเป็นตัวเลข' }).int().min(1).optional(),
});

// ---------- answers ----------

/** A grant as an integrity officer sees it: expired when past its time, and whether this caller may decide it. */
export interface GrantView extends Omit<IntegrityGrant, 'status'> {
  status: GrantStatus | 'expired';
  /** Whether this caller may decide it (not their own, not their own request). */
  canDecide: boolean;
  /** The requester asked for the role for their own account. */
  selfRequested: boolean;
}

/** GET /staff/integrity/grants. */
export interface GrantList {
  grants: GrantView[];
}

/** POST /staff/integrity/grants/:id/approve and …/reject. */
export interface GrantDecided {
  grant: IntegrityGrant;
}

/** GET /staff/integrity/audit: entries newest first, each with its Thai label. */
export interface AuditList {
  entries: Array<AuditEntry & { actionLabel: string }>;
}
