import { formatNumber, normalizeDigits } from '../lib/format.ts';
import { COMPLAINT_LIMITS, MAX_PHOTOS, PHONE_PATTERN, type ComplaintKind, type ComplainantUpdates, type ContactPreference } from '../../../functions/src/contracts/tables/complaints.ts';

/**
 * Client-side checks that mirror the server's complaint schema (functions/src/complaints), so most mistakes are caught
 * before sending; the server still decides and its 400 `issues` are shown next to the same fields.
 */
export const LIMITS = COMPLAINT_LIMITS;

export interface ComplaintDraft {
  kind: ComplaintKind;
  category: string;
  title: string;
  description: string;
  placeText: string;
  location: { lat: number; lng: number } | null;
  contact: ContactPreference;
  phone: string;
  email: string;
  /** Optional name for staff to use when they call or write. */
  contactName: string;
  consent: boolean;
  anonymous: boolean;
  /** What reaches them in LINE: 'important' (accepted, finished) or 'all' (every change). */
  updates: ComplainantUpdates;
}

export type FieldErrors = Record<string, string | undefined>;

const length = (s: string) => [...s.trim()].length;

export function validateComplaint(d: ComplaintDraft, photoCount: number): FieldErrors {
  const e: FieldErrors = {};
  if (!d.category) e.category = 'กรุณาเลือกประเภทเรื่อง';
  if (length(d.title) < LIMITS.title.min) e.title = `กรุณาระบุเรื่องอย่างน้อย ${LIMITS.title.min} ตัวอักษร`;
  else if (length(d.title) > LIMITS.title.max) e.title = `เรื่องยาวเกิน ${LIMITS.title.max} ตัวอักษร`;
  if (length(d.description) < LIMITS.description.min) e.description = `กรุณาเล่ารายละเอียดอย่างน้อย ${LIMITS.description.min} ตัวอักษร`;
  else if (length(d.description) > LIMITS.description.max) e.description = `รายละเอียดยาวเกิน ${formatNumber(LIMITS.description.max)} ตัวอักษร`;
  if (length(d.placeText) > LIMITS.place.max) e.place = `สถานที่ยาวเกิน ${LIMITS.place.max} ตัวอักษร`;
  if (photoCount > MAX_PHOTOS) e.photos = `แนบรูปได้ไม่เกิน ${MAX_PHOTOS} รูป`;
  const anonymous = d.kind === 'corruption' && d.anonymous;
  if (!anonymous && d.contact === 'phone') {
    const digits = normalizeDigits(d.phone).replace(/[\s().-]/g, '');
    if (!PHONE_PATTERN.test(digits)) e.phone = 'กรุณาใส่หมายเลขโทรศัพท์ 9-10 หลัก เช่น 0812345678';
  }
  if (!anonymous && d.contact === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) e.email = 'กรุณาใส่อีเมลให้ถูกต้อง เช่น name@example.com';
  if (!anonymous && (d.contact === 'phone' || d.contact === 'email') && length(d.contactName) > 100) e.contactName = 'ชื่อยาวเกิน 100 ตัวอักษร';
  if (!anonymous && !d.consent) e.consent = 'กรุณายืนยันการยินยอมให้ใช้ข้อมูลก่อนส่งเรื่อง';
  return e;
}
