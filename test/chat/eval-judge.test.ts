import { describe, expect, it } from 'vitest';
import { answeredNumbers, judge, numbersIn, sameTitle, titleKey, type EvalQuestion } from '../../functions/src/cli/evalJudge.ts';

const text = (t: string) => ({ type: 'text' as const, text: t });

describe('scoring an answer on its content', () => {
  it('reads numbers written with Thai or Arabic digits and separators', () => {
    expect(numbersIn('งบ ๕๐,๐๐๐ บาท ร้อยละ 52.94 จาก 1,150,000')).toEqual([50000, 52.94, 1150000]);
  });

  it('does not count the rows\' sum a reply discloses as the answer it gives', () => {
    const r = answeredNumbers('งบประมาณรวมปี 2567 ตามเอกสารระบุ 360,000 บาท (รวมรายการได้ 410,000 บาท)');
    expect(r.answered).toContain(360000);
    expect(r.answered).not.toContain(410000);
    expect(r.disclosed).toEqual([410000]);
  });

  it('does not count a number that names a dimension, a mission or a source line as a figure given', () => {
    const r = answeredNumbers('มิติที่ 3 การส่งเสริมบทบาท มีทั้งหมด 5 โครงการ ภารกิจ 2.1 ที่มา: แผนปฏิบัติการฯ บรรทัด 150');
    expect(r.answered).toEqual([5]);
    expect(answeredNumbers('Dimension 3 has 3 projects (line 12)').answered).toEqual([3]);
    // Nor a list's numbering.
    expect(answeredNumbers('ที่ใกล้เคียง:\n1. โครงการสำรวจความพึงพอใจ\n2. กิจกรรม 15,000 บาท').answered).toEqual([15000]);
  });

  it('counts a listed wrong figure given in the first message, and only the first message', () => {
    const q: EvalQuestion = { id: 'x', org: 'o', q: 'q', expect: { type: 'number', value: 9, unit: 'count', wrong: [17] } };
    expect(judge(q, { intent: 'progress', results: [], messages: [text('ดำเนินการแล้ว 9 จาก 17 โครงการ')] }).wrongFigures).toEqual([17]);
    const fine = judge(q, { intent: 'progress', results: [], messages: [text('ดำเนินการแล้ว 9 โครงการ'), text('17')] });
    expect(fine.content).toBe(true);
    expect(fine.wrongFigures).toEqual([]);
  });

  it('counts an abstention on an answerable question as a miss', () => {
    const q: EvalQuestion = { id: 'x', org: 'o', q: 'q', expect: { type: 'manual', id: 'move-in' } };
    expect(judge(q, { intent: 'unknown', results: [{ type: 'manual', id: 'move-in', title: 't', score: 1 }], messages: [text('ขออภัย')] }).content).toBe(false);
  });

  it('counts a list that found nothing and says so as an abstention, and an empty count as a figure', () => {
    const q: EvalQuestion = { id: 'x', org: 'o', q: 'q', expect: { type: 'abstain' } };
    expect(judge(q, { intent: 'list', results: [], messages: [text('ไม่พบโครงการ ที่กองสวัสดิการสังคมรับผิดชอบ ในแผนของเทศบาลค่ะ')] }).content).toBe(true);
    expect(judge(q, { intent: 'list', results: [{ type: 'project', id: 'd1-1', title: 't', score: 1 }], messages: [text('ไม่พบ…')] }).content).toBe(false);
    const zero: EvalQuestion = { id: 'y', org: 'o', q: 'q', expect: { type: 'number', value: 0, unit: 'count' } };
    expect(judge(zero, { intent: 'count', results: [], messages: [text('ไม่มีโครงการที่ไม่ใช้งบประมาณ 0 โครงการ')] }).content).toBe(true);
  });

  it('wants English for a question asked in English', () => {
    const q: EvalQuestion = { id: 'x', org: 'o', lang: 'en', q: 'q', expect: { type: 'number', value: 15, unit: 'count' } };
    expect(judge(q, { intent: 'count', results: [], messages: [text('มิติที่ 2 มีทั้งหมด 15 โครงการ')] }).content).toBe(false);
    expect(judge(q, { intent: 'count', results: [], messages: [text('Dimension 2 has 15 projects/activities')] }).content).toBe(true);
  });

  it('takes one item\'s two spellings in its document as the same title, not two different items', () => {
    expect(sameTitle(titleKey('โครงการจัดเวทีประชาคม'), titleKey('จัดเวทีประชาคม'))).toBe(true);
    expect(sameTitle(titleKey('โครงการโรงเรียนคุณธรรม'), titleKey('โครงการฝึกอบรมคุณธรรมจริยธรรม'))).toBe(false);
  });
});
