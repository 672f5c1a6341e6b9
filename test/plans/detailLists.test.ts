/**
 * A detail section's numbered fields whose list items are numbered under the field ("3. วัตถุประสงค์" then "3.1 …",
 * "3.2 …"): items of the field, not mission headings (a "3.1 เพื่อ…" line once set the mission and was lost). Our own
 * content.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';

const T = '\t';
const plan = [
  'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2568 - 2570)',
  'องค์การบริหารส่วนตำบลบ้านทดสอบ',
  '',
  'มิติที่ 1 การสร้างวัฒนธรรมสุจริต',
  ['ที่', 'โครงการ/กิจกรรม/มาตรการ', 'หน่วยงานรับผิดชอบ', 'ปี 2568', 'ปี 2569', 'ปี 2570'].join(T),
  ['1', 'โครงการตลาดนัดความดี', 'สำนักปลัด', '10,000', '10,000', '10,000'].join(T),
  ['2', 'กิจกรรมเดินรณรงค์ต้านโกง', 'กองการศึกษา', '5,000', '5,000', '5,000'].join(T),
  '',
  'ส่วนที่ 3 รายละเอียดโครงการ',
  'มิติที่ 1 การสร้างวัฒนธรรมสุจริต',
  'ภารกิจที่ 1.2 การเสริมสร้างจิตสำนึกแก่ประชาชน',
  'โครงการที่ 1',
  '1. ชื่อโครงการ : โครงการตลาดนัดความดี',
  '2. หลักการและเหตุผล',
  'ชุมชนต้องการพื้นที่แลกเปลี่ยนความดี',
  '3. วัตถุประสงค์',
  '3.1 เพื่อให้ประชาชนได้แลกเปลี่ยนสินค้าอย่างซื่อสัตย์ร้อยละ 80',
  '3.2 เพื่อสร้างเครือข่ายคนดีในตำบล',
  '4. กลุ่มเป้าหมาย',
  'ประชาชน 6 หมู่บ้าน',
  '5. วิธีดำเนินการ',
  '(1) จัดตลาดนัดเดือนละครั้ง',
  '6. ระยะเวลาดำเนินการ',
  'ตุลาคม 2567 - กันยายน 2570',
  '7. งบประมาณ',
  'ปีละ 10,000 บาท',
  '8. ผู้รับผิดชอบโครงการ',
  'สำนักปลัด',
  '',
  'ภารกิจที่ 1.3 การเสริมสร้างจิตสำนึกแก่เด็กและเยาวชน',
  'โครงการที่ 2',
  '1. ชื่อโครงการ : กิจกรรมเดินรณรงค์ต้านโกง',
  '2. วัตถุประสงค์',
  '2.1 เพื่อให้เยาวชนรู้จักการทุจริต',
  '3. งบประมาณ',
  'ปีละ 5,000 บาท',
  '4. ผู้รับผิดชอบ',
  'กองการศึกษา',
  '',
  '- 18 -',
  '',
  'ภารกิจที่ 2.1 การเปิดเผยข้อมูลสาธารณะ',
].join('\n');

describe('a detail section whose list items are numbered under their field', () => {
  it('ends a sheet whose last field is the unit at the next mission heading, the page number between them not read', () => {
    const second = parsePlanDocument(plan).projects.find((p) => p.number === '2');
    expect(second?.detail?.responsibleUnit).toBe('กองการศึกษา');
    expect(second?.detail?.objectives).toEqual(['เพื่อให้เยาวชนรู้จักการทุจริต']);
  });

  const doc = parsePlanDocument(plan);
  const item = doc.projects.find((p) => p.number === '1');

  it('reads "3.1 …" and "3.2 …" under "3. วัตถุประสงค์" as the objectives', () => {
    expect(item?.detail?.objectives).toEqual(['เพื่อให้ประชาชนได้แลกเปลี่ยนสินค้าอย่างซื่อสัตย์ร้อยละ 80', 'เพื่อสร้างเครือข่ายคนดีในตำบล']);
  });

  it('reads the fields after them as before, and takes no mission from the items\' numbers', () => {
    expect(item?.detail?.targetGroup).toBe('ประชาชน 6 หมู่บ้าน');
    expect(item?.detail?.method).toEqual(['(1) จัดตลาดนัดเดือนละครั้ง']);
    expect(doc.projects.map((p) => p.mission)).not.toContain('3.1');
  });
});
