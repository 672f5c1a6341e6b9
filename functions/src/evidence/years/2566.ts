import type { EvidenceYear } from '../schema.ts';

/**
 * ITA 2566. The two corruption-complaint codes were seen on a public page that reprints the year's OIT list
 * (https://sites.google.com/pracharath.ac.th/mkschool/ita-2566/การสงเสรมความโปรงใส); the NACC manual itself was not
 * read, so no code here is marked verified. Items whose code was not seen carry the product's own key.
 */
export const ITA_2566: EvidenceYear = {
  year: 2566,
  manual: { title: 'คู่มือการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2566', publisher: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.)', url: null },
  verified: false,
  verification:
    'ยังไม่ได้ตรวจกับคู่มือฉบับที่ สำนักงาน ป.ป.ช. เผยแพร่: รหัส O27 และ O28 ตรวจจากหน้าเว็บของหน่วยงานที่เผยแพร่รายการ OIT ปี 2566 ซ้ำ (ไม่ใช่คู่มือโดยตรง) รายการอื่นใช้รหัสของระบบชั่วคราว ผู้ดูแลต้องใส่รหัสตามคู่มือก่อนใช้อ้างอิง',
  items: [
    { code: 'plan', codeVerified: false, codeSource: null, title: 'แผนปฏิบัติการป้องกันการทุจริต', serves: 'plan' },
    { code: 'plan-report-6m', codeVerified: false, codeSource: null, title: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน', serves: 'report-six-month' },
    { code: 'plan-report-12m', codeVerified: false, codeSource: null, title: 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี', serves: 'report-annual' },
    { code: 'service-manuals', codeVerified: false, codeSource: null, title: 'คู่มือหรือมาตรฐานการให้บริการ', serves: 'service-manuals' },
    { code: 'service-statistics', codeVerified: false, codeSource: null, title: 'ข้อมูลเชิงสถิติการให้บริการ', serves: 'service-statistics' },
    { code: 'satisfaction', codeVerified: false, codeSource: null, title: 'รายงานผลการสำรวจความพึงพอใจการให้บริการ', serves: 'satisfaction-results' },
    { code: 'e-service', codeVerified: false, codeSource: null, title: 'E–Service', serves: 'e-service' },
    { code: 'O27', codeVerified: false, codeSource: 'https://sites.google.com/pracharath.ac.th/mkschool/ita-2566/การสงเสรมความโปรงใส', title: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', serves: 'complaint-guideline' },
    { code: 'O28', codeVerified: false, codeSource: 'https://sites.google.com/pracharath.ac.th/mkschool/ita-2566/การสงเสรมความโปรงใส', title: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', serves: 'corruption-channel' },
    { code: 'corruption-statistics', codeVerified: false, codeSource: null, title: 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี', serves: 'corruption-statistics' },
    { code: 'complaint-channel', codeVerified: false, codeSource: null, title: 'ช่องทางแจ้งเรื่องร้องเรียนทั่วไปและติดตามผล', serves: 'complaint-channel' },
    { code: 'complaint-statistics', codeVerified: false, codeSource: null, title: 'ข้อมูลเชิงสถิติเรื่องร้องเรียนทั่วไป', serves: 'complaint-statistics' },
    { code: 'qa-channel', codeVerified: false, codeSource: null, title: 'ช่องทางการถาม-ตอบ (Q&A) ที่โต้ตอบได้ เช่น LINE Chatbot', serves: 'qa-channel' },
  ],
};
