/**
 * LINE messages to integrity officers about their own role: a grant was requested, decided, made by the operator, or
 * revoked. Pure builders. They name the staff involved (that is the point: everyone in the role sees every change of
 * it) by display name, never by LINE user id (the ids are compared, for "asked for themselves", never shown), and never
 * anything about a complaint or a reporter.
 */
import type { Message } from '../line/client.ts';
import type { AuditEntry } from './schema.ts';

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function integrityRoleMessage(entry: Pick<AuditEntry, 'action' | 'actor' | 'subject' | 'reason'>, pageUrl: string | undefined): Message {
  const who = entry.subject?.displayName || 'ผู้ใช้ LINE';
  const by = entry.actor.type === 'operator' ? 'ผู้ดูแลเซิร์ฟเวอร์ (คำสั่ง CLI)' : entry.actor.displayName || 'เจ้าหน้าที่';
  // An admin asking for the role for their own account is the case issue 13 found: said plainly.
  const self = entry.actor.userId !== null && entry.actor.userId === entry.subject?.userId;
  const reason = entry.reason ? `\nเหตุผล: ${clip(entry.reason, 200)}` : '';
  const lines: Record<string, string> = {
    'grant-requested': `มีคำขอแต่งตั้ง "${who}" เป็นเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต (ผู้ขอ: ${by})${self ? ' ⚠️ ผู้ขอแต่งตั้งตนเอง' : ''}\nต้องมีเจ้าหน้าที่ศูนย์ฯ อีกคนหนึ่งอนุมัติก่อน จึงจะเห็นเรื่องแจ้งเบาะแสได้`,
    'grant-approved': `"${who}" ได้รับการแต่งตั้งเป็นเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตแล้ว (อนุมัติโดย ${by})`,
    'grant-rejected': `คำขอแต่งตั้ง "${who}" เป็นเจ้าหน้าที่ศูนย์ฯ ไม่ได้รับอนุมัติ (โดย ${by})${reason}`,
    'grant-by-operator': `"${who}" ได้รับการแต่งตั้งเป็นเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต โดย${by}${reason}`,
    'role-revoked': `"${who}" ถูกถอนจากบทบาทเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต (โดย ${by})${reason}`,
  };
  const text = `${lines[entry.action] ?? 'มีการเปลี่ยนแปลงบทบาทเจ้าหน้าที่ศูนย์ฯ'}\nหากไม่ทราบเรื่องนี้ กรุณาตรวจสอบบันทึกการเข้าถึงทันที`;
  if (!pageUrl) return { type: 'text', text };
  return { type: 'text', text: `${text}\n${pageUrl}` };
}
