import { describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import { itemsCarrying, missedByList } from '../../functions/src/chat/topicItems.ts';
import type { Message } from '../../functions/src/chat/types.ts';
import { replyText } from '../../functions/src/cli/evalJudge.ts';
import { documentFromCsv } from '../../functions/src/plans/forms.ts';
import { corpusFromDocument } from '../../functions/src/search/fileCorpus.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';
import { loadStandardManuals } from '../../functions/src/chat/demoCorpus.ts';

/**
 * A plan of its own (not one of the demo documents) whose topics are written several ways, as real plans write them:
 * procurement as จัดซื้อจัดจ้าง, พัสดุ and ประกวดราคา; a nuisance as เหตุเดือดร้อนรำคาญ; and names that hold a topic's
 * letters without its word (ซื่อสัตย์ is spelt like ซื้อ once tone marks are dropped).
 */
const CSV = `org_name,org_district,org_province,dimension,mission,number,name,responsible_unit,budget_2568,budget_2569
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,1,1.1,1,โครงการอบรมความซื่อสัตย์สุจริตแก่พนักงาน,สำนักปลัด,20000,20000
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,1,1.1,2,โครงการค่ายคุณธรรมเยาวชน,กองการศึกษา,30000,30000
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,2,2.1,3,มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างรายเดือน,กองคลัง,0,0
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,2,2.1,4,มาตรการความโปร่งใสในการจัดซื้อจัดจ้าง,กองคลัง,0,0
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,2,2.1,5,กิจกรรมประกาศแผนการจัดหาพัสดุประจำปี,กองคลัง,0,0
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,2,2.1,6,กิจกรรมเชิญประชาชนสังเกตการณ์การเปิดซองประกวดราคา,กองคลัง,5000,5000
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,2,2.2,7,มาตรการความโปร่งใสในการเลื่อนขั้นเงินเดือน,สำนักปลัด,0,0
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,3,3.1,8,มาตรการแก้ไขเหตุเดือดร้อนรำคาญด้านสาธารณสุข,กองสาธารณสุข,10000,10000
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,3,3.1,9,โครงการรับเรื่องร้องเรียนผ่านไลน์,สำนักปลัด,0,0
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,4,4.1,10,กิจกรรมรายงานการควบคุมภายในประจำปี,สำนักปลัด,0,0
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,3,3.2,11,โครงการคัดแยกขยะในชุมชน,กองสาธารณสุข,15000,15000
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,3,3.2,12,โครงการเยี่ยมบ้านผู้สูงอายุ,กองสวัสดิการสังคม,8000,8000
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,3,3.3,13,กิจกรรมจัดเวทีประชาคมหมู่บ้าน,สำนักปลัด,12000,12000
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,4,4.2,14,กิจกรรมจัดทำแผนการตรวจสอบภายในประจำปี,สำนักปลัด,0,0
เทศบาลตำบลหัวข้อ,เมือง,พะเยา,4,4.3,15,กิจกรรมช่องทางแจ้งเบาะแสการทุจริตแบบไม่ระบุตัวตน,งานนิติการ,0,0
`;
const doc = documentFromCsv(CSV, 'topics.csv');
// The standard service manuals, as an organisation gets them (the complaint procedure among them).
const manuals = await loadStandardManuals();
if (!manuals) throw new Error('standard manuals not found');
const kb = new KnowledgeBase(new StaticCorpusProvider([corpusFromDocument('topics', doc, manuals('topics', doc.org.name))]));
const ask = (text: string) => answer(kb, 'topics', text, null, { now: new Date('2026-12-02T12:00:00+07:00') });
const first = (ms: Message[]) => (ms[0] ? replyText([ms[0]]) : '');
const titles = async (q: string) => (await ask(q)).results.filter((r) => r.type === 'project').map((r) => r.title);

describe('lists of a topic asked in residents\' words', () => {
  it('lists every procurement item, also those the plan calls พัสดุ or ประกวดราคา, and nothing else', async () => {
    const out = await ask('เทศบาลซื้อของจ้างเหมา มีมาตรการอะไรบ้าง');
    expect(out.intent).toBe('list');
    const listed = out.results.map((r) => r.title);
    expect(listed).toEqual(expect.arrayContaining([
      'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างรายเดือน',
      'มาตรการความโปร่งใสในการจัดซื้อจัดจ้าง',
      'กิจกรรมประกาศแผนการจัดหาพัสดุประจำปี',
      'กิจกรรมเชิญประชาชนสังเกตการณ์การเปิดซองประกวดราคา',
    ]));
    // Honesty (ซื่อสัตย์) is not buying (ซื้อ), and transparency of salaries is not procurement.
    expect(listed).not.toContain('โครงการอบรมความซื่อสัตย์สุจริตแก่พนักงาน');
    expect(listed).not.toContain('มาตรการความโปร่งใสในการเลื่อนขั้นเงินเดือน');
    expect(first(out.messages)).toContain('4 โครงการ/กิจกรรม');
  });

  it('answers a list question that describes a situation with the items of the topic it names', async () => {
    const out = await ask('ข้างบ้านเสียงดัง กลิ่นเหม็นทั้งวัน เทศบาลมีมาตรการอะไรบ้าง');
    expect(out.intent).toBe('list');
    expect(out.results.map((r) => r.title)).toEqual(['มาตรการแก้ไขเหตุเดือดร้อนรำคาญด้านสาธารณสุข']);
  });

  it('still says the plan has no such item when a yes/no question adds a subject no document uses', async () => {
    const out = await ask('มีโครงการอบรมภาษาญี่ปุ่นให้พนักงานไหม');
    expect(out.intent).toBe('unknown');
    expect(first(out.messages)).not.toContain('โครงการอบรมความซื่อสัตย์สุจริตแก่พนักงาน');
  });

  it('answers the same question without the unknown subject with the item', async () => {
    expect((await titles('มีโครงการอบรมพนักงานให้ซื่อสัตย์ไหม'))[0]).toBe('โครงการอบรมความซื่อสัตย์สุจริตแก่พนักงาน');
  });

  it('finds internal audit and internal control as one topic', async () => {
    const listed = await titles('เรื่องตรวจสอบภายในมีโครงการอะไรบ้าง');
    expect(listed).toEqual(expect.arrayContaining(['กิจกรรมรายงานการควบคุมภายในประจำปี', 'กิจกรรมจัดทำแผนการตรวจสอบภายในประจำปี']));
  });
});

describe('items carrying a topic', () => {
  it('matches a topic word at word boundaries only', async () => {
    const k = await kb.get('topics');
    if (!k) throw new Error('no knowledge');
    const buying = itemsCarrying(k, ['ซือ']).map((p) => p.name);
    expect(buying).toEqual(['มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างรายเดือน', 'มาตรการความโปร่งใสในการจัดซื้อจัดจ้าง']);
  });

  it('adds to a list only the items of the topic every listed item shares', async () => {
    const k = await kb.get('topics');
    if (!k) throw new Error('no knowledge');
    const ids = (names: string[]) => [...k.projects.values()].filter((p) => names.includes(p.name)).map((p) => p.id);
    const listed = ids(['มาตรการความโปร่งใสในการจัดซื้อจัดจ้าง', 'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างรายเดือน']);
    const added = missedByList(k, ['ซือ', 'โปรงใส'], listed).map((id) => k.projects.get(id)?.name);
    expect(added).toEqual(['กิจกรรมประกาศแผนการจัดหาพัสดุประจำปี', 'กิจกรรมเชิญประชาชนสังเกตการณ์การเปิดซองประกวดราคา']);
    // A list whose items share no topic of the question gains nothing.
    expect(missedByList(k, ['ซือ'], ids(['มาตรการความโปร่งใสในการเลื่อนขั้นเงินเดือน', 'มาตรการความโปร่งใสในการจัดซื้อจัดจ้าง']))).toEqual([]);
  });
});

describe('a feature asked for through the plan\'s own channel', () => {
  it('offers the form and names the plan\'s LINE complaint item first when the question names LINE', async () => {
    const out = await ask('ร้องเรียนผ่านไลน์ได้ไหมคะ');
    expect(out.intent).toBe('complaint');
    expect(out.results[0]).toMatchObject({ type: 'project', title: 'โครงการรับเรื่องร้องเรียนผ่านไลน์' });
    expect(first(out.messages)).toContain('โครงการรับเรื่องร้องเรียนผ่านไลน์');
  });

  it('names the plan\'s anonymous channel first when a corruption report asks to keep the name out', async () => {
    const out = await ask('แจ้งเบาะแสทุจริตโดยไม่เปิดเผยชื่อ');
    expect(out.intent).toBe('corruption');
    expect(out.results[0]).toMatchObject({ type: 'project', title: 'กิจกรรมช่องทางแจ้งเบาะแสการทุจริตแบบไม่ระบุตัวตน' });
    expect((await ask('แจ้งเบาะแสทุจริต')).results[0]?.type).toBe('manual');
  });

  it('keeps the manual of how complaints are handled first for a plain request', async () => {
    const out = await ask('ขั้นตอนร้องเรียนร้องทุกข์');
    expect(out.results[0]?.type).toBe('manual');
  });
});

describe('English words read in their plural', () => {
  it('reads "surveys" and "codes" as the lexicon\'s words, with nothing left unknown', async () => {
    const out = await ask('Are there any community forums?');
    expect(out.intent).not.toBe('unknown');
    expect(out.results[0]?.title).toBe('กิจกรรมจัดเวทีประชาคมหมู่บ้าน');
    expect(first(out.messages)).toMatch(/[A-Za-z]/u);
  });
});

describe('a topic asked within a scope', () => {
  it('lists the items of the year about the topic, not every item of the year', async () => {
    const out = await ask('ปี 2569 มีโครงการอบรมอะไรบ้าง');
    expect(out.intent).toBe('list');
    expect(out.results.map((r) => r.title)).toEqual(['โครงการอบรมความซื่อสัตย์สุจริตแก่พนักงาน']);
    expect(first(out.messages)).toMatch(/^โครงการที่เกี่ยวกับ "อบรม" ปี 2569 มี 1 /u);
  });

  it('lists a unit\'s items about the topic', async () => {
    const out = await ask('สำนักปลัดมีโครงการเรื่องร้องเรียนอะไรบ้าง');
    expect(out.results.map((r) => r.title)).toEqual(['โครงการรับเรื่องร้องเรียนผ่านไลน์']);
  });

  it('lists a dimension\'s items about the topic, the dimension after the topic', async () => {
    // (Not a word of the dimension's title: "มิติที่ 2 … ความโปร่งใส" names the dimension itself, in the template's words.)
    const out = await ask('มิติที่ 2 มีเรื่องพัสดุอะไรบ้าง');
    expect(out.results.map((r) => r.title)).toEqual([
      'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างรายเดือน',
      'มาตรการความโปร่งใสในการจัดซื้อจัดจ้าง',
      'กิจกรรมประกาศแผนการจัดหาพัสดุประจำปี',
      'กิจกรรมเชิญประชาชนสังเกตการณ์การเปิดซองประกวดราคา',
    ]);
    expect(first(out.messages)).toMatch(/^โครงการที่เกี่ยวกับ "พัสดุ" ในมิติที่ 2 /u);
  });

  it('keeps a scope\'s whole list when the question only asks for it', async () => {
    for (const q of ['ปี 2569 มีโครงการอะไรบ้าง', 'ขอรายชื่อโครงการมิติ 2 หน่อยค่ะ']) {
      const out = await ask(q);
      expect(out.intent).toBe('list');
      expect(out.results.length).toBeGreaterThanOrEqual(5);
    }
  });
});
