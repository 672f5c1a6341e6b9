/**
 * The one table of staff roles and their Thai names. The API (staff/schema.ts builds its zod enum from it), the LINE
 * messages and the LIFF pages (the staff home and the members page import this file) read it, so a role has one name.
 * Pure: no imports, safe to bundle into the LIFF app.
 */
export const ROLES = ['admin', 'officer', 'integrity_officer', 'queue_operator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'ผู้ดูแลระบบ',
  officer: 'เจ้าหน้าที่รับเรื่อง',
  integrity_officer: 'เจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต',
  queue_operator: 'เจ้าหน้าที่เรียกคิว',
};
