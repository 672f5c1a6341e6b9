import { describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import type { AnswerOutput, Message } from '../../functions/src/chat/types.ts';
import { replyText } from '../../functions/src/cli/evalJudge.ts';
import { documentFromCsv } from '../../functions/src/plans/forms.ts';
import { corpusFromDocument } from '../../functions/src/search/fileCorpus.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';

/** A three-year plan whose items are funded in some years and not others. */
const CSV = `org_name,org_district,org_province,dimension,mission,number,name,responsible_unit,budget_2568,budget_2569,budget_2570
เทศบาลตำบลปีงบ,เมือง,น่าน,1,1.1,1,โครงการค่ายเยาวชนต้านโกง,กองการศึกษา,40000,0,45000
เทศบาลตำบลปีงบ,เมือง,น่าน,1,1.1,2,โครงการอบรมคุณธรรมพนักงาน,สำนักปลัด,20000,20000,20000
เทศบาลตำบลปีงบ,เมือง,น่าน,2,2.1,3,มาตรการเผยแพร่ข้อมูลจัดซื้อจัดจ้าง,กองคลัง,0,0,0
`;
const doc = documentFromCsv(CSV, 'years.csv');
const kb = new KnowledgeBase(new StaticCorpusProvider([corpusFromDocument('years', doc, [])]));
const now = new Date('2026-12-02T12:00:00+07:00');
const first = (out: AnswerOutput) => (out.messages[0] ? replyText([out.messages[0]] as Message[]) : '');
async function conversation(...questions: string[]): Promise<AnswerOutput> {
  let out: AnswerOutput | null = null;
  for (const q of questions) out = await answer(kb, 'years', q, out?.context ?? null, { now });
  if (!out) throw new Error('no question');
  return out;
}

describe('which fiscal years an item is in', () => {
  it('names the years with a budget, each with its figure, and the years without', async () => {
    const out = await conversation('ค่ายเยาวชนต้านโกงงบเท่าไร', 'จัดปีไหนบ้าง');
    expect(out.intent).toBe('project');
    expect(first(out)).toBe('โครงการค่ายเยาวชนต้านโกง มีงบประมาณปี 2568 (40,000 บาท), ปี 2570 (45,000 บาท) ส่วนปี 2569 ไม่ใช้งบประมาณ');
    expect(out.sources?.map((x) => x.figure)).toEqual(['40,000 บาท', '45,000 บาท']);
  });

  it('says the same figure every year once', async () => {
    expect(first(await conversation('โครงการอบรมคุณธรรมพนักงาน', 'ทำกี่ปี'))).toBe('โครงการอบรมคุณธรรมพนักงาน มีงบประมาณปี 2568-2570 ปีละ 20,000 บาท');
  });

  it('names the years of an item without a budget as such', async () => {
    expect(first(await conversation('มาตรการเผยแพร่ข้อมูลจัดซื้อจัดจ้าง', 'มีในแผนปีไหนบ้าง'))).toBe('มาตรการเผยแพร่ข้อมูลจัดซื้อจัดจ้าง อยู่ในแผนปี 2568, 2569, 2570 (ไม่ใช้งบประมาณ)');
  });

  it('answers the question in English in English', async () => {
    const out = await conversation('โครงการค่ายเยาวชนต้านโกง', 'Which years?');
    expect(first(out)).toBe('โครงการค่ายเยาวชนต้านโกง has a budget in fiscal years 2568 (40,000 baht), 2570 (45,000 baht); no budget in 2569.');
  });
});
