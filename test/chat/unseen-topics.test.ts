import { describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import type { Message } from '../../functions/src/chat/types.ts';
import { replyText } from '../../functions/src/cli/evalJudge.ts';
import { documentFromCsv } from '../../functions/src/plans/forms.ts';
import { corpusFromDocument } from '../../functions/src/search/fileCorpus.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';
import { TEST_MANUALS } from './fixtures.ts';

/**
 * A municipality the engine was never tuned on, typed in as the structured CSV form, with projects of subjects the
 * national template's plans often carry (drugs, the elderly, garbage, integrity training): residents ask about them
 * in their own words.
 */
const CSV = `org_name,org_district,org_province,dimension,mission,number,name,responsible_unit,budget_2567,budget_2568
เทศบาลตำบลทดสอบใหม่,เมือง,ลำปาง,1,1.1,1,โครงการอบรมคุณธรรมจริยธรรมและความโปร่งใสแก่บุคลากร,สำนักปลัด,30000,30000
เทศบาลตำบลทดสอบใหม่,เมือง,ลำปาง,1,1.2,2,โครงการป้องกันและแก้ไขปัญหายาเสพติดในชุมชน,สำนักปลัด,20000,20000
เทศบาลตำบลทดสอบใหม่,เมือง,ลำปาง,1,1.2,3,โครงการส่งเสริมสุขภาพและคุณภาพชีวิตผู้สูงอายุ,กองสาธารณสุขและสิ่งแวดล้อม,40000,40000
เทศบาลตำบลทดสอบใหม่,เมือง,ลำปาง,1,1.3,4,โครงการคัดแยกขยะมูลฝอยในโรงเรียน,กองสาธารณสุขและสิ่งแวดล้อม,10000,10000
เทศบาลตำบลทดสอบใหม่,เมือง,ลำปาง,2,2.1,5,มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างทางเว็บไซต์,กองคลัง,0,0
`;
const doc = documentFromCsv(CSV, 'unseen.csv');
const kb = new KnowledgeBase(new StaticCorpusProvider([corpusFromDocument('unseen', doc, TEST_MANUALS)]));
const ask = (text: string) => answer(kb, 'unseen', text, null, { now: new Date('2026-12-02T12:00:00+07:00') });
const first = (ms: Message[]) => (ms[0] ? replyText([ms[0]]) : '');

describe('a plan never seen, asked in residents\' words', () => {
  for (const [q, word] of [
    ['มีโครงการเกี่ยวกับยาบ้าไหม', 'ยาเสพติด'],
    ['เทศบาลดูแลคนแก่ยังไงบ้าง มีโครงการไหม', 'ผู้สูงอายุ'],
    ['เรื่องขยะมีโครงการอะไรบ้าง', 'ขยะ'],
    ['อบรมพนักงานให้ซื่อสัตย์ มีไหม', 'คุณธรรม'],
    ['ทำเว็บประกาศซื้อของ มีมาตรการไหม', 'เว็บไซต์'],
  ] as const) {
    it(`finds the project about "${word}" for "${q}"`, async () => {
      const a = await ask(q);
      expect(a.intent).not.toBe('unknown');
      expect(a.results[0]?.title).toContain(word);
    });
  }

  it('answers a total over the plan\'s years as the sum of the items, said to be one', async () => {
    const a = await ask('งบรวมทั้งแผนตลอด 2 ปีเท่าไหร่');
    expect(first(a.messages)).toContain('200,000 บาท');
    expect(first(a.messages)).toContain('ไม่พบยอดรวมที่เอกสารระบุไว้');
  });

  it('abstains on off-topic questions that share its words', async () => {
    for (const q of ['ร้านขายยาที่ไหนดี', 'โรงเรียนไหนดีในลำปาง']) expect((await ask(q)).intent).toBe('unknown');
  });
});
