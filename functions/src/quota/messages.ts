import type { DeliveryStatus } from '../contracts/quota.ts';
import { formatNumber } from '../text/numbers.ts';

/** What people read about the push quota: the staff home's notice and each notification's delivery state. Thai. */
export const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  pending: 'กำลังส่งแจ้งเตือนทาง LINE',
  sent: 'ส่งแจ้งเตือนทาง LINE แล้ว',
  failed: 'ส่งแจ้งเตือนทาง LINE ไม่สำเร็จ',
  refused: 'ส่งแจ้งเตือนทาง LINE ไม่สำเร็จ',
  cancelled: 'ยกเลิกการแจ้งเตือน',
  quota: 'ไม่ได้ส่งแจ้งเตือนทาง LINE: ข้อความของหน่วยงานเดือนนี้หมดโควตา ติดตามสถานะได้ที่หน้านี้',
  capped: 'ไม่ได้ส่งแจ้งเตือนทาง LINE: หน่วยงานจำกัดจำนวนข้อความเดือนนี้ ติดตามสถานะได้ที่หน้านี้',
};

const n = (x: number) => formatNumber(x);

export function quotaNotice(s: { limitReached: boolean; percent: number | null; used: number; limit: number | null; lowSkipped: boolean; warning: boolean }): string | null {
  if (s.limitReached) {
    return 'LINE แจ้งว่าข้อความของบัญชีเดือนนี้ครบโควตาแล้ว ประชาชนจะไม่ได้รับแจ้งเตือนทาง LINE จนกว่าจะเริ่มเดือนใหม่หรือเปลี่ยนแพ็กเกจใน LINE Official Account Manager (สถานะยังดูได้ในหน้าติดตาม)';
  }
  if (s.limit === null || s.percent === null) return null;
  if (s.lowSkipped) return `ใช้ข้อความไปแล้ว ${n(s.used)} จาก ${n(s.limit)} (${s.percent}%) ระบบงดส่งสรุปรายสัปดาห์และแจ้ง "ใกล้ถึงคิว" เพื่อเก็บข้อความไว้สำหรับเรื่องสำคัญ`;
  if (s.warning) return `ใช้ข้อความไปแล้ว ${n(s.used)} จาก ${n(s.limit)} (${s.percent}%) ใกล้ครบโควตาของเดือนนี้`;
  return null;
}
