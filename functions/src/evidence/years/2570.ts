import type { EvidenceYear } from '../schema.ts';

/**
 * ITA 2570 (fiscal year Oct 2026 – Sep 2027). Its manual could not be read for this file: every item carries the
 * product's own key instead of the manual's code, and the page says so. Replace the codes (and mark them verified)
 * from the published manual.
 */
export const ITA_2570: EvidenceYear = {
  year: 2570,
  manual: { title: 'คู่มือการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2570', publisher: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.)', url: null },
  verified: false,
  verification:
    'ยังไม่ได้ตรวจกับคู่มือ ITA ปี 2570: รายการคือหลักฐานที่ระบบให้บริการได้ตามที่แผนและการประเมินปีก่อน ๆ ขอ (คู่มือบริการ สถิติ ผลความพึงพอใจ E-Service ช่องทางร้องเรียนแยกเรื่องทุจริต สถิติเรื่องร้องเรียน แผนและรายงานผล ช่องทางถาม-ตอบ) โดยใช้รหัสของระบบแทนรหัสตัวชี้วัด ผู้ดูแลต้องใส่รหัสตามคู่มือปี 2570 ก่อนใช้อ้างอิง',
  items: [
    { code: 'plan', codeVerified: false, codeSource: null, title: 'แผนปฏิบัติการป้องกันการทุจริต', serves: 'plan' },
    { code: 'plan-report-6m', codeVerified: false, codeSource: null, title: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน', serves: 'report-six-month' },
    { code: 'plan-report-12m', codeVerified: false, codeSource: null, title: 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี', serves: 'report-annual' },
    { code: 'service-manuals', codeVerified: false, codeSource: null, title: 'คู่มือหรือมาตรฐานการให้บริการ', serves: 'service-manuals' },
    { code: 'service-statistics', codeVerified: false, codeSource: null, title: 'ข้อมูลเชิงสถิติการให้บริการ', serves: 'service-statistics' },
    { code: 'satisfaction', codeVerified: false, codeSource: null, title: 'รายงานผลการสำรวจความพึงพอใจการให้บริการ', serves: 'satisfaction-results' },
    { code: 'e-service', codeVerified: false, codeSource: null, title: 'E–Service', serves: 'e-service' },
    { code: 'complaint-guideline', codeVerified: false, codeSource: null, title: 'แนวปฏิบัติการจัดการเรื่องร้องเรียน', serves: 'complaint-guideline' },
    { code: 'complaint-channel', codeVerified: false, codeSource: null, title: 'ช่องทางแจ้งเรื่องร้องเรียนทั่วไปและติดตามผล', serves: 'complaint-channel' },
    { code: 'complaint-statistics', codeVerified: false, codeSource: null, title: 'ข้อมูลเชิงสถิติเรื่องร้องเรียนทั่วไป', serves: 'complaint-statistics' },
    { code: 'corruption-channel', codeVerified: false, codeSource: null, title: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (แยกจากเรื่องทั่วไป)', serves: 'corruption-channel' },
    { code: 'corruption-statistics', codeVerified: false, codeSource: null, title: 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', serves: 'corruption-statistics' },
    { code: 'qa-channel', codeVerified: false, codeSource: null, title: 'ช่องทางการถาม-ตอบ (Q&A) ที่โต้ตอบได้ เช่น LINE Chatbot', serves: 'qa-channel' },
  ],
};
