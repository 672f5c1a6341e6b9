import { describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import type { AnswerOutput, ConversationContext, Message } from '../../functions/src/chat/types.ts';
import { replyText } from '../../functions/src/cli/eval.ts';
import { demoProvider } from '../../functions/src/chat/demoCorpus.ts';
import { KnowledgeBase } from '../../functions/src/search/knowledgeBase.ts';
import { demoKb } from './fixtures.ts';

const kb = demoKb();
const now = new Date('2026-12-02T05:00:00Z'); // fiscal year 2570
const ask = (org: string, text: string, context: ConversationContext | null = null) => answer(kb, org, text, context, { now });
const first = (out: AnswerOutput) => replyText(out.messages.slice(0, 1) as Message[]);
const cards = (out: AnswerOutput) => out.messages.filter((m) => m.type === 'flex').length;

describe('figures answered from the document, with their source', () => {
  it('gives a dimension\'s stated total per year and its line', async () => {
    const out = await ask('maesot', 'มิติที่ 1 งบรวมปีละเท่าไร');
    expect(first(out)).toContain('ปีละ 230,000 บาท');
    expect(first(out)).not.toContain('1,150,000'); // the five-year sum was not asked for
    expect(out.sources?.[0]).toMatchObject({ kind: 'plan', line: 130 });
  });

  it('names the smallest non-zero budget even when asked "not counting those without a budget"', async () => {
    const out = await ask('maesot', 'โครงการที่ใช้งบน้อยที่สุด ไม่นับที่ไม่ใช้งบ');
    expect(out.intent).toBe('budget.bottom');
    expect(first(out)).toContain('30,000 บาท');
    expect(out.results.length).toBeGreaterThan(0);
  });

  it('states a project\'s budget of the year asked, directly and as a follow-up naming only the year', async () => {
    const direct = await ask('maesot', 'โครงการโรงเรียนคุณธรรม ปี 2568');
    expect(direct.intent).toBe('project.budget');
    expect(first(direct)).toContain('ปี 2568 ได้งบประมาณ 50,000 บาท');
    const card = await ask('maesot', 'โครงการโรงเรียนคุณธรรม');
    const follow = await ask('maesot', 'แล้วปี 2568 ล่ะ', card.context);
    expect(first(follow)).toContain('ปี 2568 ได้งบประมาณ 50,000 บาท');
    expect(follow.sources?.[0]).toMatchObject({ kind: 'plan', figure: '50,000 บาท' });
  });

  it('says what a detail section states beside a summary row that gives a different budget, with both lines', async () => {
    // intapramul 2.2.2(12): its summary cell (line 188) gives "-" for every year; its detail (line 2111) states 16,000.
    const out = await ask('intapramul', 'โครงการประเมินความพึงพอใจของประชาชนที่มีต่อการให้บริการ งบประมาณเท่าไร');
    expect(out.intent).toBe('project.budget');
    expect(first(out)).toContain('ไม่ใช้งบประมาณ');
    expect(first(out)).toMatch(/รายละเอียดโครงการในเอกสาร \(บรรทัด 2111\) ระบุงบประมาณว่า "16,000 บาท/u);
    expect(out.sources?.map((x) => x.line)).toEqual(expect.arrayContaining([188, 2111]));
    // An item whose detail agrees with its row gets no such note.
    const plain = await ask('maesot', 'โครงการโรงเรียนคุณธรรม ปี 2568');
    expect(first(plain)).not.toContain('หมายเหตุ');
  });

  it('gives a row\'s one figure for several items as the row\'s, never as one item\'s own budget', async () => {
    // intapramul line 167: one cell lists seven items (1.1.1(1) … 1.1.3(3)) and one set of figures, 230,000 a year.
    const firstItem = await ask('intapramul', 'โครงการพัฒนาความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน งบประมาณเท่าไร');
    expect(firstItem.intent).toBe('project.budget');
    expect(first(firstItem)).toMatch(/^แผนไม่ได้แยกงบประมาณของโครงการพัฒนาความรู้ด้านกฎหมาย.*ตารางสรุป \(บรรทัด 167\) ระบุงบประมาณ ปี 2566-2570 ปีละ 230,000 บาท รวมกันสำหรับ 7 รายการ/u);
    expect(firstItem.sources).toEqual([expect.objectContaining({ figure: '230,000 บาท', line: 167 })]);
    // Another item of the row: the row's figure for the year asked, not the 0 the importer keeps on it.
    const other = await ask('intapramul', 'โครงการป้องกันผลประโยชน์ทับซ้อนขององค์การบริหารส่วนตำบลอินทประมูล ปี 2567 ได้งบเท่าไร');
    expect(first(other)).toContain('ปี 2567 230,000 บาท รวมกันสำหรับ 7 รายการ');
    expect(first(other)).toMatch(/รายละเอียดโครงการ \(บรรทัด 432\) ระบุงบประมาณว่า "ไม่มีงบประมาณ"/u);
    expect(first(other)).not.toContain('ไม่ใช้งบประมาณค่ะ');
    // Nor is the row's figure ranked as one project's.
    const top = await ask('intapramul', 'โครงการไหนงบมากที่สุด');
    expect(first(top)).not.toContain('230,000');
  });

  it('answers the budget of the year asked when a part of an item\'s name finds it, not the item\'s card of every year', async () => {
    // "ปรองดอง" is in one item's name only: search alone is not sure of it, the name is the evidence.
    const out = await ask('maesaimitraphap', 'กิจกรรมปรองดอง ปี 2565 งบเท่าไร');
    expect(out.intent).toBe('project.budget');
    expect(first(out)).toBe('กิจกรรมส่งเสริมและสนับสนุนความปรองดองและสมานฉันท์ของคนไทยชาติ ปี 2565 ได้งบประมาณ 5,000 บาท ค่ะ');
  });

  it('counts projects as the document states them', async () => {
    const out = await ask('intapramul', 'มิติที่ 3 มีกี่โครงการ');
    expect(first(out)).toContain('7 โครงการ');
    expect(out.sources?.[0]?.line).toEqual(expect.any(Number));
  });

  it('gives one report figure, from the column asked for, with the report line', async () => {
    const spent = await ask('tharae', 'มิติ 2 ใช้งบจริงไปเท่าไหร่');
    expect(first(spent)).toContain('15,000 บาท');
    expect(first(spent)).not.toContain('40,000'); // the planned column
    const pct = await ask('tharae', 'มิติที่ 1 ทำได้กี่เปอร์เซ็นต์');
    expect(first(pct)).toContain('52.94');
    expect(pct.sources?.[0]).toMatchObject({ kind: 'report', line: 70 });
  });

  it('counts the items without a budget when asked for those, not the funded ones', async () => {
    const out = await ask('maesaimitraphap', 'กี่โครงการที่ไม่ใช้งบประมาณ');
    expect(first(out)).toContain('ที่ไม่ใช้งบประมาณ');
    expect(first(out)).toContain('นับจากรายการ'); // the document states no such count
    const funded = await ask('maesaimitraphap', 'โครงการที่ได้รับงบประมาณมีกี่โครงการ');
    expect(first(funded)).not.toEqual(first(out));
  });

  it('reads "ทำไปกี่โครงการแล้ว" of a report as the done count, not the planned one', async () => {
    const out = await ask('tharae', 'มิติ 3 ทำไปกี่โครงการแล้ว');
    expect(first(out)).toContain('ดำเนินการแล้ว 8 โครงการ');
    expect(first(out)).not.toContain('12');
  });

  it('names the dimension with the most projects', async () => {
    const out = await ask('maesot', 'มิติไหนมีโครงการเยอะที่สุด');
    expect(out.intent).toBe('dimension.rank');
    expect(first(out)).toMatch(/มิติที่ 2 .*15 โครงการ/u);
  });

  it('gives the smallest yearly budget among funded projects', async () => {
    const out = await ask('maesot', 'โครงการไหนงบน้อยที่สุด');
    expect(out.intent).toBe('budget.bottom');
    expect(first(out)).toContain('ปีละ 30,000 บาท');
  });
});

describe('abstaining rather than guessing', () => {
  it.each([
    ['maesot', 'ผลบอลเมื่อคืน'],
    ['maesot', 'โครงการโรงเรียนคุณธรรมของเทศบาลเมืองตาก งบเท่าไหร่'],
    ['maesaimitraphap', 'โครงการโรงเรียนคุณธรรมงบเท่าไหร่'],
    ['intapramul', 'ปี 2571 มีโครงการไหนบ้าง'],
    ['maesot', 'โครงการโรงเรียนคุณธรรมใช้เงินไปแล้วเท่าไหร่'],
    ['maesot', 'โครงการสร้างสะพานลอยหน้าโรงเรียนงบเท่าไร'],
  ])('%s: "%s" gets a plain no and no card', async (org, q) => {
    const out = await ask(org, q);
    expect(out.intent).toBe('unknown');
    expect(cards(out)).toBe(0);
  });
});

const standard = demoProvider().then((p) => new KnowledgeBase(p));
const askStandard = async (org: string, text: string) => answer(await standard, org, text, null, { now });

describe('a dimension named in the other generation of the national template', () => {
  it('lists every project of that dimension, all of them in results', async () => {
    const out = await askStandard('intapramul', 'มิติการสร้างสังคมที่ไม่ทนต่อการทุจริต มีโครงการอะไรบ้าง');
    const byNumber = await askStandard('intapramul', 'มิติที่ 1 มีโครงการอะไรบ้าง');
    expect(out.intent).toBe('list');
    expect(byNumber.results.length).toBeGreaterThan(11);
    expect(out.results.map((r) => r.id)).toEqual(byNumber.results.map((r) => r.id));
  });
});

describe('what a manual question asks beyond the service', () => {
  const firstOf = async (org: string, q: string) => replyText((await askStandard(org, q)).messages.slice(0, 1) as Message[]);

  it('answers with the manual\'s own sentence that says it', async () => {
    const text = await firstOf('maesot', 'บัตรประชาชนหาย ต้องไปแจ้งความที่โรงพักก่อนไหมคะ');
    expect(text).toMatch(/^ตามคู่มือการทำบัตรประจำตัวประชาชน/u);
    expect(text).toContain('ไม่ต้องไปแจ้งความ');
    // Not a sentence that merely spells a word alike ("ล้วง" / "ล่วงหน้า").
    expect(await firstOf('maesot', 'โดนล้วงกระเป๋า บัตรประชาชนหาย ทำใหม่ยังไง')).not.toContain('ล่วงหน้า');
  });

  it('gives the amount an allowance pays, not the fee of registering for it', async () => {
    const text = await firstOf('maesot', 'คนพิการได้เงินเดือนละเท่าไหร่');
    expect(text).toContain('800 บาท');
    expect(text).not.toMatch(/^ค่าธรรมเนียม/u);
  });

  it('says the deadline with the steps', async () => {
    expect(await firstOf('maesot', 'ย้ายเข้าบ้านใหม่ต้องทำยังไงบ้าง')).toContain('ภายใน 15 วัน');
  });
});

describe('manuals by situation (the demo organisations with the standard manuals)', () => {
  it('reads an English question with nationality words and online selling as the commercial registration', async () => {
    const out = await askStandard('maesot', 'I am Burmese and sell clothes online in Mae Sot. Do I need to register?');
    expect(out.results[0]?.id).toBe('commercial-registration');
  });

  it('answers a disaster told with the weather as the relief service, and the weather alone as outside', async () => {
    const out = await askStandard('intapramul', 'พายุเข้าเมื่อวาน ต้นไม้ล้มทับหลังคาบ้าน อบต.ช่วยอะไรได้บ้างคะ');
    expect(out.intent).toBe('manual');
    expect(out.results[0]?.id).toBe('disaster-relief');
    expect((await askStandard('intapramul', 'พรุ่งนี้ฝนจะตกไหม')).intent).toBe('unknown');
  });

  it.each([
    ['maesaimitraphap', 'หลังน้ำท่วมเดือดร้อนมาก มีอะไรช่วยได้บ้าง', 'disaster-relief'],
    ['intapramul', 'อยากได้ข้อมูลทางราชการอย่างเป็นทางการ ต้องทำยังไง', 'information-request'],
    ['maesaimitraphap', 'อยากได้ข้อมูลทางราชการอย่างเป็นทางการ ต้องทำยังไง', 'information-request'],
  ])('%s: "%s" is the %s manual, not an abstention or a neighbour', async (org, q, id) => {
    const out = await askStandard(org, q);
    expect(out.intent).toBe('manual');
    expect(out.results[0]).toMatchObject({ type: 'manual', id });
  });

  it('reads a spending word inside an activity\'s name as the name, not as a question of what was spent', async () => {
    const out = await askStandard('maesaimitraphap', 'ประกาศรายงานผลการใช้จ่ายเงินให้ชาวบ้านรู้ ทำปีละกี่ครั้ง');
    expect(out.intent).toBe('project');
    expect(first(out)).toContain('กิจกรรมประกาศรายงานผลการใช้จ่ายเงินให้ประชาชนได้รับทราบ');
  });

  it('does not let a situation word outrank a project the question names', async () => {
    const out = await askStandard('tharae', 'ศูนย์รับเรื่องราวร้องทุกข์ของเทศบาล ผลการดำเนินงานเป็นไง');
    expect(out.results[0]?.type).toBe('project');
  });
});

describe('short first', () => {
  it('leads a list with one sentence and shows the items once', async () => {
    const out = await ask('maesot', 'มิติที่ 2 มีโครงการอะไรบ้าง');
    expect(out.messages).toHaveLength(2);
    expect(first(out).split('\n')[0]).toContain('15');
    expect(first(out)).not.toContain('NO Gift Policy'); // the titles are in the carousel, not repeated in the text
  });
});

describe('follow-ups', () => {
  it('opens an item of the last list with the question asked about it, and keeps the list for the next', async () => {
    const list = await ask('maesot', 'กองคลังมีโครงการอะไรบ้าง');
    const second = await ask('maesot', 'อันที่ 2 งบเท่าไร', list.context);
    expect(second.intent).toBe('project.budget');
    expect(second.context?.list).toEqual(list.context?.list);
  });

  it('keeps the scope of a list for a count, and drops it for the whole plan', async () => {
    const list = await ask('maesot', 'มิติ 1 มีกี่โครงการ');
    const whole = await ask('maesot', 'แล้วทั้งแผนล่ะ', list.context);
    expect(first(whole)).toContain('35');
  });
});

describe('English names typed in Thai letters', () => {
  it('finds an item the plan names in Latin letters ("NO Gift Policy") from its Thai spelling, and answers in Thai', async () => {
    const out = await ask('maesot', 'มาตรการโนกิฟท์ ใครรับผิดชอบ');
    expect(out.results[0]?.title).toBe('มาตรการ NO Gift Policy');
    expect(first(out)).toContain('ผู้รับผิดชอบคือ ฝ่ายนิติการ');
    const what = await ask('maesot', 'โนกิ๊ฟโพลิซี่ คืออะไร');
    expect(what.results[0]?.title).toBe('มาตรการ NO Gift Policy');
  });
});

describe('English', () => {
  it('answers an English question in English, with the document\'s Thai name', async () => {
    const out = await ask('maesot', 'How much is the budget of the moral school project in 2567?');
    expect(out.intent).toBe('project.budget');
    expect(first(out)).toMatch(/^โครงการโรงเรียนคุณธรรม: 50,000 baht in fiscal year 2567/u);
  });
});
