/**
 * Demo services of every organisation in local mode: civil registration (A), tax payment (B), building permits (C),
 * welfare (D), open Monday to Friday 08:30-16:30 Bangkok time; and one service open at every hour (T) so that anyone
 * can try the queue whenever they open the demo. Seeded create-if-absent by store.ts
 * (`seedDemoServices`): a restart keeps an admin's edits.
 */
import type { NewService } from './schema.ts';

const WEEKDAYS = { days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' };

export const DEMO_SERVICES: NewService[] = [
  {
    id: 'civil-registration',
    name: 'งานทะเบียนราษฎรและบัตรประจำตัวประชาชน',
    description: 'แจ้งเกิด แจ้งตาย ย้ายเข้า ย้ายออก ทำบัตรประชาชน',
    prefix: 'A',
    counters: [{ id: '1', name: 'ช่อง 1' }, { id: '2', name: 'ช่อง 2' }],
    hours: WEEKDAYS,
    manualIds: ['birth-registration', 'death-registration', 'move-in', 'move-out', 'id-card'],
    location: 'ชั้น 1 สำนักทะเบียน',
    typicalServiceMinutes: 10,
    order: 1,
  },
  {
    id: 'tax-payment',
    name: 'งานชำระภาษี',
    description: 'ภาษีที่ดินและสิ่งปลูกสร้าง ภาษีป้าย',
    prefix: 'B',
    counters: [{ id: '3', name: 'ช่อง 3' }, { id: '4', name: 'ช่อง 4' }],
    hours: WEEKDAYS,
    manualIds: ['land-building-tax', 'signboard-tax'],
    location: 'ชั้น 1 กองคลัง',
    typicalServiceMinutes: 6,
    order: 2,
  },
  {
    id: 'building-permits',
    name: 'งานขออนุญาตก่อสร้าง',
    description: 'ขออนุญาตก่อสร้าง ดัดแปลง รื้อถอนอาคาร',
    prefix: 'C',
    counters: [{ id: '5', name: 'ช่อง 5' }],
    hours: WEEKDAYS,
    manualIds: ['building-permit', 'demolition-permit'],
    location: 'ชั้น 2 กองช่าง',
    typicalServiceMinutes: 20,
    order: 3,
  },
  {
    id: 'welfare',
    name: 'งานสวัสดิการสังคม',
    description: 'เบี้ยยังชีพผู้สูงอายุ ผู้พิการ',
    prefix: 'D',
    counters: [{ id: '6', name: 'ช่อง 6' }],
    hours: WEEKDAYS,
    manualIds: ['elderly-allowance', 'disability-allowance'],
    location: 'ชั้น 1 กองสวัสดิการสังคม',
    typicalServiceMinutes: 8,
    order: 4,
  },
  {
    // The demo's always-open service: `hours: null` means no opening hours (README: "Opening hours of a service").
    id: 'demo-anytime',
    name: 'ทดลองรับบัตรคิว (เปิดตลอดเวลา)',
    description: 'บริการสาธิตสำหรับทดลองรับบัตรคิวและเรียกคิวได้ทุกเวลา',
    prefix: 'T',
    counters: [{ id: '9', name: 'ช่องทดลอง' }],
    hours: null,
    manualIds: [],
    location: 'บริการสาธิต',
    typicalServiceMinutes: 5,
    order: 5,
  },
];
