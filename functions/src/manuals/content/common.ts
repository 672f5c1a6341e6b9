import type { Duration, ManualContentInput } from '../schema.ts';

/**
 * Standard manuals are written with placeholders, filled in per organisation by `instantiateStandardManuals`:
 *
 * | placeholder          | value                                                               |
 * |----------------------|---------------------------------------------------------------------|
 * | `{{org}}`            | the organisation's name, "เทศบาลนครแม่สอด"                           |
 * | `{{officeAddress}}`  | its office address, or empty: only after a unit or the name          |
 * | `{{officePhone}}`    | its phone number, or empty: use it only as a whole field (contact)  |
 * | `{{officeHours}}`    | its office hours                                                    |
 * | `{{district}}`       | the district name without "อำเภอ", or "ในท้องที่"                      |
 * | `{{province}}`       | the province name without "จังหวัด", or empty (reads "...จังหวัด")    |
 */
export const PLACEHOLDERS = ['org', 'officeAddress', 'officePhone', 'officeHours', 'district', 'province'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What changes a template beyond its placeholders. */
export interface TemplateContext {
  /**
   * Whether the organisation runs a local registration office (สำนักทะเบียนท้องถิ่น). Every เทศบาล is set up as one;
   * an อบต. normally is not, and its residents go to the district registration office (สำนักทะเบียนอำเภอ).
   */
  hasRegistrationOffice: boolean;
}

export type ManualTemplate = (ctx: TemplateContext) => ManualContentInput;

/** Bumped when the standard texts change in a way organisations should hear about. */
export const TEMPLATE_VERSION = 1;

export const minutes = (amount: number, text = `${amount} นาที`): Duration => ({ amount, unit: 'minutes', text });
export const hours = (amount: number, text = `${amount} ชั่วโมง`): Duration => ({ amount, unit: 'hours', text });
export const days = (amount: number, text = `${amount} วัน`): Duration => ({ amount, unit: 'days', text });
export const businessDays = (amount: number, text = `${amount} วันทำการ`): Duration => ({
  amount,
  unit: 'business-days',
  text,
});

type DocInput = ManualContentInput['documents'][number];
type DocExtra = Partial<Pick<DocInput, 'condition' | 'note' | 'unit'>>;

/** เอกสารยืนยันตัวตนที่ออกโดยหน่วยงานภาครัฐ. */
export function idDoc(name: string, issuer: string, originals: number, copies: number, extra: DocExtra = {}): DocInput {
  return { group: 'identity', name, issuer, originals, copies, ...extra };
}

/** เอกสารอื่นสำหรับยื่นเพิ่มเติม. */
export function otherDoc(name: string, issuer: string, originals: number, copies: number, extra: DocExtra = {}): DocInput {
  return { group: 'supporting', name, issuer, originals, copies, ...extra };
}

export const ID_CARD = (whose: string, copies = 1, extra: DocExtra = {}) =>
  idDoc(`บัตรประจำตัวประชาชนของ${whose}`, 'กรมการปกครอง', 1, copies, extra);
export const HOUSE_REGISTRATION = (whose: string, copies = 1, extra: DocExtra = {}) =>
  idDoc(`ทะเบียนบ้าน (ท.ร.14) ของ${whose}`, 'กรมการปกครอง', 1, copies, extra);
export const POWER_OF_ATTORNEY = otherDoc(
  'หนังสือมอบอำนาจ พร้อมบัตรประจำตัวประชาชนของผู้มอบและผู้รับมอบอำนาจ',
  'ผู้ยื่นคำขอ',
  1,
  1,
  { condition: 'กรณีมอบอำนาจให้ผู้อื่นยื่นแทน' },
);

/** Where to complain about a service; every national manual ends with these. */
export const STANDARD_COMPLAINT_CHANNELS: ManualContentInput['complaintChannels'] = [
  {
    name: 'ผู้บริหาร{{org}}',
    detail:
      'ยื่นหนังสือร้องเรียนที่ที่ทำการ{{org}} หรือแจ้งผ่าน LINE Official Account ของ{{org}} เมนู "แจ้งเรื่องร้องเรียน"',
  },
  { name: 'ศูนย์ดำรงธรรมจังหวัด{{province}}', detail: 'สายด่วน 1567 หรือยื่นเรื่องที่ศาลากลางจังหวัด' },
  {
    name: 'ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี',
    detail: 'สายด่วน 1111 หรือส่งไปรษณีย์ ตู้ ปณ. 1111 เลขที่ 1 ถนนพิษณุโลก เขตดุสิต กรุงเทพฯ 10300',
  },
];

export const REGISTRATION_COMPLAINT_CHANNELS: ManualContentInput['complaintChannels'] = [
  ...STANDARD_COMPLAINT_CHANNELS,
  { name: 'ศูนย์บริการร่วม กรมการปกครอง', detail: 'สายด่วน 1548 (สอบถามและร้องเรียนเรื่องทะเบียนราษฎรและบัตรประจำตัวประชาชน)' },
];

export const OFFICE_LOCATION = (unit: string): ManualContentInput['locations'][number] => ({
  place: `${unit} {{org}} {{officeAddress}}`,
  hours: '{{officeHours}}',
});

export const OFFICE_CONTACT = (unit: string): ManualContentInput['contact'] => ({
  unit: `${unit} {{org}}`,
  phone: '{{officePhone}}',
  address: '{{officeAddress}}',
});

export const TIME_COUNTS_FROM_COMPLETE =
  'ระยะเวลาเริ่มนับเมื่อเจ้าหน้าที่ได้รับเอกสารหลักฐานครบถ้วนและถูกต้องแล้ว หากเอกสารไม่ครบ เจ้าหน้าที่จะบันทึกรายการที่ขาดให้ผู้ยื่นลงนาม และผู้ยื่นต้องนำมาเพิ่มเติมภายในเวลาที่กำหนด มิฉะนั้นถือว่าละทิ้งคำขอ';

export const ORDINANCE_NOTE = 'อัตราตามข้อบัญญัติของ{{org}} ซึ่งต้องไม่เกินอัตราที่กฎกระทรวงกำหนด';
