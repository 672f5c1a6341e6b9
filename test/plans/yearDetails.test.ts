import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';

/**
 * A 1-year plan's detail sections (appendix) reconciled with its table rows, whatever the sheets' headings: a
 * contradiction becomes a review flag on the field, with the line that states it. Documents of our own.
 */
const H = 'ที่\tโครงการ/กิจกรรม/มาตรการ\tหน่วยนับ\tงบประมาณ (บาท)\tตัวชี้วัด\tหน่วยงานรับผิดชอบ';
const table = [
  'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567',
  'องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง จังหวัดน่าน',
  'มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต',
  H,
  '1\tโครงการอบรมคุณธรรมจริยธรรมพนักงานส่วนตำบล\tครั้ง\t20,000\tร้อยละ 80\tสำนักปลัด',
  '2\tกิจกรรมประกาศเจตจำนงสุจริตของผู้บริหาร\tครั้ง\t-\tมีประกาศ 1 ฉบับ\tสำนักปลัด',
  'มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต',
  H,
  '1\tมาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างประจำเดือน\tครั้ง\t-\t12 ครั้ง\tกองคลัง',
  '2\tโครงการจัดทำคู่มือการปฏิบัติงานด้านพัสดุ\tเล่ม\t5,000\t1 เล่ม\tกองคลัง',
  '',
  'ภาคผนวก',
];

const flags = (text: string) =>
  parsePlanDocument(text).projects.map((p) => [p.id, (p.review ?? []).map((f) => `${f.field}@${f.line}`).join(' ')]);

describe('1-year plan: appendix sheets contradicting the table are flagged per field', () => {
  it('with the sheet name on the line after "ชื่อโครงการ", and labels without a colon', () => {
    const text = [
      ...table,
      'มิติที่ 1',
      'ชื่อโครงการ',
      'โครงการอบรมคุณธรรมจริยธรรมพนักงานส่วนตำบล',
      'งบประมาณ ไม่ใช้งบประมาณ',
      'ผู้รับผิดชอบ สำนักปลัด',
      '',
      'ชื่อโครงการ',
      'กิจกรรมประกาศเจตจำนงสุจริตของผู้บริหาร',
      'งบประมาณ ไม่ใช้งบประมาณ',
      'ผู้รับผิดชอบ กองการศึกษา',
      '',
      'มิติที่ 2',
      'ชื่อโครงการ',
      'มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างประจำเดือน',
      'งบประมาณ ไม่ใช้งบประมาณ',
      'ผู้รับผิดชอบ กองคลัง',
      '',
      'ชื่อโครงการ',
      'โครงการจัดทำคู่มือการปฏิบัติงานด้านพัสดุ',
      'งบประมาณ 5,000 บาท',
      'ผู้รับผิดชอบ กองคลัง',
    ].join('\n');
    expect(flags(text)).toEqual([
      ['d1-1', 'budgets.2567@16'],
      ['d1-2', 'responsibleUnit@22'],
      ['d2-1', ''],
      ['d2-2', ''],
    ]);
  });

  it('with the number and the name on one line ("โครงการที่ 2 : …"), numbering restarting per dimension', () => {
    const text = [
      ...table,
      'มิติที่ 1',
      'โครงการที่ 1 : โครงการอบรมคุณธรรมจริยธรรมพนักงานส่วนตำบล',
      'งบประมาณ : 20,000 บาท',
      'โครงการที่ 2 : กิจกรรมประกาศเจตจำนงของนายก อบต.',
      'งบประมาณ : ไม่ใช้งบประมาณ',
      'มิติที่ 2',
      'โครงการที่ 1 : มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างประจำเดือน',
      'งบประมาณ : 3,000 บาท',
      'โครงการที่ 2 : โครงการจัดทำคู่มือการปฏิบัติงานด้านพัสดุ',
      'งบประมาณ : 5,000 บาท',
    ].join('\n');
    expect(flags(text)).toEqual([
      ['d1-1', ''],
      ['d1-2', 'name@16'],
      ['d2-1', 'budgets.2567@20'],
      ['d2-2', ''],
    ]);
  });

  it('a table without an appendix is as before: nothing to reconcile, nothing flagged', () => {
    expect(flags(table.slice(0, -2).join('\n'))).toEqual([
      ['d1-1', ''],
      ['d1-2', ''],
      ['d2-1', ''],
      ['d2-2', ''],
    ]);
  });
});

describe('1-year plan: an appendix numbered straight through, without dimension headings', () => {
  const text = readFileSync(new URL('../fixtures/plans/classes/one-year-appendix-continuous.txt', import.meta.url), 'utf8');

  it('pairs each sheet with its row by name, not by the last table\'s dimension, and flags exactly the contradictions', () => {
    const doc = parsePlanDocument(text);
    expect(doc.projects.map((p) => [p.id, (p.review ?? []).map((f) => f.field).join(' ')])).toEqual([
      ['d1-1', ''],
      ['d1-2', 'budgets.2567'],
      ['d1-3', ''],
      ['d2-1', 'responsibleUnit'],
      ['d2-2', 'name budgets.2567'],
    ]);
    expect(doc.projects.every((p) => p.detail !== null)).toBe(true);
    // The table's values stay; the flags say what the appendix states.
    expect(doc.projects.find((p) => p.id === 'd2-2')).toMatchObject({ budgets: { 2567: 5000 }, responsibleUnit: 'สำนักปลัด', name: 'กิจกรรมการให้บริการประชาชนด้วยระบบคิวบัตร' });
  });
});

describe('1-year plan: appendix sheets printed as two-column forms (label ⇥ text)', () => {
  it('reads the label cells as fields and flags the same contradictions', () => {
    const text = readFileSync(new URL('../fixtures/plans/classes/one-year-appendix-continuous.txt', import.meta.url), 'utf8')
      .replace(/^\d+\. ชื่อโครงการ : /gm, 'ชื่อโครงการ\t')
      .replace(/^(งบประมาณ|ผู้รับผิดชอบ|วัตถุประสงค์) : /gm, '$1\t');
    expect(text).toContain('ผู้รับผิดชอบ\tกองช่าง');
    expect(parsePlanDocument(text).projects.map((p) => [p.id, (p.review ?? []).map((f) => f.field).join(' ')])).toEqual([
      ['d1-1', ''],
      ['d1-2', 'budgets.2567'],
      ['d1-3', ''],
      ['d2-1', 'responsibleUnit'],
      ['d2-2', 'name budgets.2567'],
    ]);
  });
});
