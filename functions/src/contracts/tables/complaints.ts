/**
 * The complaints feature's shared tables: statuses and their Thai names, kinds, the default categories, the limits of
 * a complaint's fields. Plain data, no imports (not even zod), so the LIFF app may import it by value without growing
 * its bundle; the API's zod schemas and response types are in contracts/complaints.ts. LINE messages
 * (complaints/messages.ts), the staff cards and group answers, the LIFF pages and the API's `statusLabel` all read
 * these names, so a status has one name wherever a resident or an officer meets it.
 */

export const STATUSES = ['received', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'forwarded'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_NAMES = {
  received: 'รับเรื่องเข้าระบบแล้ว',
  acknowledged: 'เจ้าหน้าที่รับเรื่องแล้ว',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  resolved: 'ดำเนินการแล้วเสร็จ',
  rejected: 'ไม่รับพิจารณา',
  forwarded: 'ส่งต่อหน่วยงานอื่น',
} as const satisfies Record<Status, string>;

/** Finished states: the case is closed for the 15-day rule and for statistics. */
export const FINISHED_STATUSES: readonly Status[] = ['resolved', 'rejected', 'forwarded'];

/** The marker of a case the complainant reopened ("not fixed"), in the staff inbox and cards. */
export const REOPENED_NAME = 'ผู้ร้องแจ้งว่ายังไม่ได้แก้ไข';

export const KINDS = ['general', 'corruption'] as const;
export type ComplaintKind = (typeof KINDS)[number];

export const CONTACT_PREFERENCES = ['line', 'phone', 'email', 'none'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

/**
 * What reaches the complainant in LINE: 'important' (default: accepted, finished, their own "not fixed"), or 'all'
 * (also the receipt and every progress note). Each push costs a message of the organisation's monthly LINE quota;
 * everything is always visible on the LIFF tracking page.
 */
export const COMPLAINANT_UPDATES = ['important', 'all'] as const;
export type ComplainantUpdates = (typeof COMPLAINANT_UPDATES)[number];

/** Days a complaint should take at most (the 15-day rule of the plans). */
export const ANSWER_DAYS = 15;

/** Lengths of a complaint's free-text fields, in characters (the form checks them before the server does). */
export const COMPLAINT_LIMITS = {
  title: { min: 3, max: 120 },
  description: { min: 10, max: 4000 },
  place: { max: 500 },
  reopenReason: { min: 5, max: 500 },
} as const;

/** The consent a complainant gives, word for word the same in the form and in a report made in chat. */
export const CONSENT_SENTENCE = 'ฉันอ่านและยินยอมให้หน่วยงานเก็บและใช้ข้อมูลนี้เพื่อดำเนินการเรื่องนี้';

/** A Thai phone number once spaces, dashes, dots and brackets are gone: 0 or +66, then 8-9 digits. */
export const PHONE_PATTERN = /^(?:\+66|0)\d{8,9}$/;

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 300 * 1024;

export interface CategoryDefinition {
  id: string;
  title: string;
  kind: ComplaintKind;
  order: number;
  active: boolean;
}

const general = (id: string, title: string, order: number): CategoryDefinition => ({ id, title, kind: 'general', order, active: true });
const corruption = (id: string, title: string, order: number): CategoryDefinition => ({ id, title, kind: 'corruption', order, active: true });

/** Every organisation starts with these; an organisation may replace them (PUT .../staff/complaints/categories). */
export const DEFAULT_CATEGORIES: readonly CategoryDefinition[] = [
  general('road', 'ถนน/ทางเท้า', 1),
  general('street-light', 'ไฟฟ้าส่องสว่าง', 2),
  general('garbage', 'ขยะ/ความสะอาด', 3),
  general('water', 'น้ำประปา', 4),
  general('drainage', 'ท่อระบายน้ำ/น้ำท่วม', 5),
  general('noise', 'เสียงรบกวน/เหตุรำคาญ', 6),
  general('animals', 'สัตว์จรจัด', 7),
  general('staff-conduct', 'พฤติกรรมเจ้าหน้าที่', 8),
  general('other', 'อื่น ๆ', 99),
  corruption('bribery', 'เรียกรับเงินหรือผลประโยชน์', 101),
  corruption('procurement', 'การจัดซื้อจัดจ้างไม่โปร่งใส', 102),
  corruption('abuse-of-power', 'ใช้อำนาจหน้าที่โดยมิชอบ', 103),
  corruption('corruption-other', 'ทุจริตหรือประพฤติมิชอบอื่น ๆ', 199),
];
