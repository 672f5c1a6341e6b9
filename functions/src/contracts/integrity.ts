/**
 * The integrity-officer API (functions/src/integrity/routes.ts, docs/security.md): grant decisions, the audit log and
 * revoking the role. The routes validate with these schemas and answer through them (a stored field not listed is
 * dropped); the LIFF staff pages read these types with `import type`. People are named by display name and an opaque
 * staff reference (contracts/staff.ts `staffRefSchema`, decision 114), never by LINE user id: the stored shapes, which
 * hold the ids, live in integrity/schema.ts and never leave the server.
 */
import { z } from 'zod';
import { safeText } from '../text/clean.ts';
import { personViewSchema, staffRefSchema } from './staff.ts';

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

export const GRANT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** A pending grant is void after this many days; the admin can invite again. */
export const GRANT_DAYS = 7;

/** Why someone asks to see a reporter, or decides a grant: kept in the audit log as written. */
export const reasonSchema = safeText({ min: 5, max: 500, multiline: true, notText: 'กรุณาระบุเหตุผล', tooShort: 'กรุณาระบุเหตุผลอย่างน้อย 5 ตัวอักษร', tooLong: 'เหตุผลยาวเกิน 500 ตัวอักษร' });

export const revealBodySchema = z.object({ reason: reasonSchema }, { error: 'ข้อมูลต้องเป็น JSON object' }).strict();
export const decisionBodySchema = z.object({ reason: reasonSchema.optional() }, { error: 'ข้อมูลต้องเป็น JSON object' }).strict();
export const revokeBodySchema = z.object({ reason: reasonSchema }, { error: 'ข้อมูลต้องเป็น JSON object' }).strict();
export const grantIdParams = z.object({ id: z.string().regex(/^[0-9A-Z]{26}$/, { error: 'รหัสคำขอไม่ถูกต้อง' }) });
/** POST /staff/integrity/officers/:ref/revoke: the officer by staff reference (from the members page). */
export const officerRefParams = z.object({ ref: staffRefSchema });
export const auditQuery = z.object({
  limit: z.coerce.number({ error: 'limit ต้องเป็นตัวเลข' }).int().min(1, { error: 'limit ต้องอยู่ระหว่าง 1-200' }).max(200, { error: 'limit ต้องอยู่ระหว่าง 1-200' }).default(100),
  before: z.coerce.number({ error: 'before ต้องเป็นตัวเลข' }).int().min(1).optional(),
});

// ---------- answers ----------

/** A grant as an integrity officer sees it: expired when past its time, and whether this caller may decide it. */
export const grantViewSchema = z.object({
  id: z.string(),
  /** The person to be made an integrity officer. */
  grantee: personViewSchema,
  /** Who asked for it: the admin whose invitation carried the role. */
  requestedBy: personViewSchema,
  requestedAt: z.string(),
  expiresAt: z.string(),
  status: z.enum([...GRANT_STATUSES, 'expired']),
  decidedBy: personViewSchema.nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** Whether this caller may decide it (not their own, not their own request). */
  canDecide: z.boolean(),
  /** The requester asked for the role for their own account. */
  selfRequested: z.boolean(),
});
export type GrantView = z.infer<typeof grantViewSchema>;

/** GET /staff/integrity/grants. */
export const grantListSchema = z.object({ grants: z.array(grantViewSchema) });
export type GrantList = z.infer<typeof grantListSchema>;

/** POST /staff/integrity/grants/:id/approve and …/reject: the grant as decided. */
export const grantDecidedSchema = z.object({ grant: grantViewSchema });
export type GrantDecided = z.infer<typeof grantDecidedSchema>;

/** One entry of the audit log as integrity officers read it, with its Thai label. */
export const auditEntryViewSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actionLabel: z.string(),
  /** Who did it: a staff member (name at the time, reference), or the operator at the command line (no reference). */
  actor: personViewSchema.extend({ type: z.enum(['staff', 'operator']) }),
  /** The person the entry is about (grantee, revoked officer), when any; the same person has the same reference. */
  subject: personViewSchema.nullable(),
  grantId: z.string().nullable(),
  complaintId: z.string().nullable(),
  trackingCode: z.string().nullable(),
  reason: z.string().nullable(),
  /**
   * The chain: each entry's hash covers the stored entry (with the people's LINE user ids) and the previous hash, so a
   * reader sees a broken link; recomputing a hash needs the stored entry (server side, integrity/store.ts auditHash).
   */
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** GET /staff/integrity/audit: entries newest first. */
export const auditListSchema = z.object({ entries: z.array(auditEntryViewSchema) });
export type AuditList = z.infer<typeof auditListSchema>;
