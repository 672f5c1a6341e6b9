/**
 * The one table of complaint status names. LINE messages (complaints/messages.ts), the staff cards and group answers,
 * the LIFF pages (liff-app/src/lib/complaints.ts imports this file) and the API's `statusLabel` all read it, so a
 * status has one name wherever a resident or an officer meets it. Pure: no imports, safe to bundle into the LIFF app.
 */
export const STATUS_NAMES = {
  received: 'รับเรื่องเข้าระบบแล้ว',
  acknowledged: 'เจ้าหน้าที่รับเรื่องแล้ว',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  resolved: 'ดำเนินการแล้วเสร็จ',
  rejected: 'ไม่รับพิจารณา',
  forwarded: 'ส่งต่อหน่วยงานอื่น',
} as const;

/** The marker of a case the complainant reopened ("not fixed"), in the staff inbox and cards. */
export const REOPENED_NAME = 'ผู้ร้องแจ้งว่ายังไม่ได้แก้ไข';
