/**
 * Staff roles and their Thai names. A table (imports nothing), so the LIFF pages run the same words. An integrity
 * officer is the only role that sees corruption reports; a queue operator calls queue numbers; an officer handles
 * general complaints; an admin manages the rest.
 */
export const ROLES = ['admin', 'officer', 'integrity_officer', 'queue_operator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'ผู้ดูแลระบบ',
  officer: 'เจ้าหน้าที่รับเรื่อง',
  integrity_officer: 'เจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต',
  queue_operator: 'เจ้าหน้าที่เรียกคิว',
};
