import { describe, expect, it } from 'vitest';
import { answer, answerPostback } from '../../functions/src/chat/answer.ts';
import { InMemoryContextStore } from '../../functions/src/chat/contextStore.ts';
import { createChatService } from '../../functions/src/chat/service.ts';
import type { Message } from '../../functions/src/chat/types.ts';
import { replyText } from '../../functions/src/cli/eval.ts';
import { demoKb } from './fixtures.ts';

const kb = demoKb();
const ask = (org: string, text: string) => answer(kb, org, text, null);
const texts = (ms: Message[]) => replyText(ms);

describe('project questions', () => {
  it('answers a project by its name with a project card', async () => {
    const a = await ask('maesot', 'no gift policy คืออะไร');
    expect(a.intent).toBe('project');
    expect(a.results[0]?.title).toContain('NO Gift Policy');
    expect(a.messages.some((m) => m.type === 'flex')).toBe(true);
  });

  it('answers a budget question for a year written in Thai digits', async () => {
    const a = await ask('intapramul', 'จัดเวทีประชาชน ปี ๒๕๖๘ ได้งบเท่าไร');
    expect(a.intent).toBe('project.budget');
    expect(texts(a.messages)).toContain('10,000 บาท');
    expect(texts(a.messages)).toContain('2568');
  });

  it('names the responsible unit when asked who', async () => {
    const a = await ask('maesot', 'ใครรับผิดชอบโครงการจัดทำแผนการตรวจสอบภายใน');
    expect(a.messages[0]?.type).toBe('text');
    expect(texts(a.messages)).toMatch(/ผู้รับผิดชอบ/);
  });

  it('finds a project despite a misspelling', async () => {
    const a = await ask('maesaimitraphap', 'โครงการกดหมายน่ารู้สู่ชุมชน');
    expect(a.results[0]?.title).toContain('กฎหมายน่ารู้');
  });

  it('reports an activity result from a progress report', async () => {
    const a = await ask('tharae', 'กิจกรรมประเมิน ITA ผลการดำเนินงานเป็นอย่างไร');
    expect(a.intent).toBe('project.progress');
    expect(a.results[0]?.title).toContain('ITA');
  });
});

describe('plan-wide questions', () => {
  it('lists every project of a dimension in results, even beyond what the carousel shows', async () => {
    const a = await ask('intapramul', 'มิติที่ 2 มีโครงการอะไรบ้าง');
    expect(a.intent).toBe('list');
    expect(a.results.length).toBe(29);
    const carousel = a.messages.find((m) => m.type === 'flex');
    expect(JSON.stringify(carousel)).toContain('ดูเพิ่ม');
  });

  it('lists the projects of a responsible unit', async () => {
    const a = await ask('maesot', 'กองคลังรับผิดชอบอะไรบ้าง');
    expect(a.intent).toBe('list');
    expect(a.results.length).toBeGreaterThan(0);
  });

  it('lists the projects of a mission given as "ข้อ 2.1"', async () => {
    const a = await ask('intapramul', 'ข้อ 2.1 มีโครงการอะไรบ้าง');
    expect(a.intent).toBe('list');
    const k = await kb.get('intapramul');
    const all = [...(k?.projects.values() ?? [])].filter((p) => p.mission === '2.1');
    expect(a.results.map((r) => r.id).sort()).toEqual(all.map((p) => p.id).sort());
  });

  it('lists a mission\'s projects when a list question names what the mission is about', async () => {
    const k = await kb.get('intapramul');
    const mission21 = [...(k?.projects.values() ?? [])].filter((p) => p.mission === '2.1');
    const a = await ask('intapramul', 'มีกิจกรรมอะไรบ้างที่เกี่ยวกับการเปิดเผยข้อมูล');
    expect(a.intent).toBe('list');
    expect(a.results.map((r) => r.id).sort()).toEqual(mission21.map((p) => p.id).sort());
    expect(texts(a.messages)).toContain('ภารกิจ 2.1 การเปิดเผยข้อมูลสารสนเทศ');

    const youth = await ask('maesot', 'โครงการเกี่ยวกับเด็กและเยาวชนมีอะไรบ้าง');
    expect(youth.intent).toBe('list');
    expect(texts(youth.messages)).toContain('เด็กและเยาวชน');
  });

  it('lists the projects of every mission a topic names, and follows up on that list', async () => {
    // "มีส่วนร่วม … ประชาชน" is in the titles of missions 3.1 and 3.3.
    const k = await kb.get('intapramul');
    const both = [...(k?.projects.values() ?? [])].filter((p) => p.mission === '3.1' || p.mission === '3.3');
    const chat = createChatService({ kb, contexts: new InMemoryContextStore() });
    const a = await chat.answerText({ orgId: 'intapramul', userId: 'U-missions', text: 'โครงการด้านการมีส่วนร่วมของประชาชนมีอะไรบ้าง' });
    expect(a.intent).toBe('list');
    expect(a.results.map((r) => r.id).sort()).toEqual(both.map((p) => p.id).sort());
    expect(texts(a.messages)).toMatch(/ภารกิจ 3\.1 .+ และ 3\.3 .+ มี \d+ โครงการ\/กิจกรรม/);
    const count = await chat.answerText({ orgId: 'intapramul', userId: 'U-missions', text: 'แล้วข้อ 3.1 ล่ะ' });
    expect(count.results.map((r) => r.id).sort()).toEqual(both.filter((p) => p.mission === '3.1').map((p) => p.id).sort());
  });

  it('answers a topic list with the one item search finds about it when no mission names it', async () => {
    // The one-year template places no item under a mission; the one item about children (its ศพด., a child
    // development centre) is the answer, not a list padded with items that merely say "เกี่ยวกับ".
    const out = await ask('maesaimitraphap', 'โครงการเกี่ยวกับเด็กและเยาวชนมีอะไรบ้าง');
    expect(out.intent).toBe('project');
    expect(out.results[0]?.title).toContain('ศพด');
    expect(out.results.map((r) => r.title).join('\n')).not.toContain('เกี่ยวกับการบริการประชาชน');
  });

  it('counts projects of a dimension', async () => {
    const a = await ask('intapramul', 'มิติที่๑ มีกี่โครงการ');
    expect(a.intent).toBe('count');
    expect(texts(a.messages)).toContain('17 โครงการ');
  });

  it('sums the budget of a dimension for a two-digit year', async () => {
    const a = await ask('maesot', 'มิติ4 ปี69 งบรวมทั้งหมดเท่าไร');
    expect(a.intent).toBe('budget.total');
    expect(texts(a.messages)).toContain('80,000 บาท');
  });

  it('names the largest budgets', async () => {
    const a = await ask('maesot', 'โครงการไหนได้งบมากที่สุด');
    expect(a.intent).toBe('budget.top');
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.results[0]?.score).toBeGreaterThanOrEqual(a.results[1]?.score ?? 0);
  });

  it('gives progress figures of a report', async () => {
    const a = await ask('tharae', 'มิติ 2 ดำเนินการไปแล้วกี่โครงการ');
    expect(texts(a.messages)).toContain('23');
  });
});

describe('service manuals', () => {
  it('answers a documents question about a manual', async () => {
    const a = await ask('maesot', 'แจ้งเกิดต้องใช้เอกสารอะไรบ้าง');
    expect(a.intent).toBe('manual');
    expect(a.results[0]?.id).toBe('birth-registration');
    expect(texts(a.messages)).toContain('หนังสือรับรองการเกิด');
  });

  it('answers how long a permit takes', async () => {
    const a = await ask('maesaimitraphap', 'ขออนุญาตก่อสร้าง ใช้เวลากี่วัน');
    expect(a.results[0]?.id).toBe('building-permit');
    expect(texts(a.messages)).toContain('45 วัน');
  });

  it('answers a keyword-only manual question', async () => {
    const a = await ask('maesaimitraphap', 'ภาษีป้าย');
    expect(a.results[0]?.id).toBe('signboard-tax');
  });
});

describe('requests for the mini-app', () => {
  it('gives a complaint button to the organisation LIFF page', async () => {
    const a = await answer(demoKb({ liffId: '1234-abcd' }), 'maesot', 'อยากร้องเรียนไฟถนนดับ', null);
    expect(a.intent).toBe('complaint');
    expect(JSON.stringify(a.messages)).toContain('https://liff.line.me/1234-abcd/complaints/new');
  });

  it('says how to contact the office when the organisation has no LIFF app', async () => {
    const a = await ask('maesot', 'ร้องเรียน');
    expect(a.intent).toBe('complaint');
    expect(a.messages[0]?.type).toBe('text');
    expect(texts(a.messages)).toContain('ติดต่อ');
  });

  it('recognises queue, rating, tracking and corruption-report requests', async () => {
    const kb2 = demoKb({ liffId: 'x-1' });
    expect((await answer(kb2, 'maesot', 'ขอรับบัตรคิวหน่อย', null)).intent).toBe('queue');
    expect((await answer(kb2, 'maesot', 'อยากประเมินความพึงพอใจ', null)).intent).toBe('rating');
    expect((await answer(kb2, 'maesot', 'ติดตามเรื่องร้องเรียน', null)).intent).toBe('complaint.track');
    expect((await answer(kb2, 'maesot', 'แจ้งเบาะแสการทุจริต', null)).intent).toBe('corruption');
  });

  it('treats a question about a queue project as a project, not a queue request', async () => {
    const a = await ask('intapramul', 'บัตรคิวที่ อบต. ใช้ยังไง');
    expect(a.intent).toBe('project');
  });
});

describe('conversation', () => {
  it('greets and offers help with quick replies', async () => {
    const a = await ask('maesot', 'สวัสดีครับ');
    expect(a.intent).toBe('greeting');
    expect((a.messages[0] as { quickReply?: unknown }).quickReply).toBeTruthy();
  });

  it('answers emoji-only input helpfully', async () => {
    const a = await ask('maesot', '👍😀');
    expect(a.intent).toBe('help');
    expect(a.messages.length).toBeGreaterThan(0);
  });

  it('never stays silent on a question it cannot answer', async () => {
    const a = await ask('maesot', 'ฟุตบอลโลกใครชนะ');
    expect(a.intent).toBe('unknown');
    expect(a.messages.length).toBeGreaterThan(0);
  });

  it('keeps the project for "แล้วปี 2569 ล่ะ"', async () => {
    const chat = createChatService({ kb, contexts: new InMemoryContextStore() });
    const first = await chat.answerText({ orgId: 'maesot', userId: 'U1', text: 'กิจกรรมพัฒนาศักยภาพสมาชิกสภา ปี 2568 ได้งบเท่าไหร่' });
    expect(first.intent).toBe('project.budget');
    const next = await chat.answerText({ orgId: 'maesot', userId: 'U1', text: 'แล้วปี 2569 ล่ะ' });
    expect(next.intent).toBe('project.budget');
    expect(next.results[0]?.id).toBe(first.results[0]?.id);
    expect(texts(next.messages)).toContain('2569');
  });

  it('keeps the filters for "แล้วมิติ 3 ล่ะ" after a list', async () => {
    const chat = createChatService({ kb, contexts: new InMemoryContextStore() });
    await chat.answerText({ orgId: 'intapramul', userId: 'U2', text: 'มิติที่ 4 มีโครงการอะไรบ้าง' });
    const next = await chat.answerText({ orgId: 'intapramul', userId: 'U2', text: 'แล้วมิติ 3 ล่ะ' });
    expect(next.intent).toBe('list');
    expect(next.results.length).toBe(7);
  });

  it('opens the second item of the last list for "อันที่ 2"', async () => {
    const chat = createChatService({ kb, contexts: new InMemoryContextStore() });
    const list = await chat.answerText({ orgId: 'intapramul', userId: 'U3', text: 'มิติที่ 3 มีโครงการอะไรบ้าง' });
    const second = await chat.answerText({ orgId: 'intapramul', userId: 'U3', text: 'อันที่ 2' });
    expect(second.intent).toBe('project');
    expect(second.results[0]?.id).toBe(list.results[1]?.id);
  });

  it('answers a manual sub-question about the manual just shown', async () => {
    const chat = createChatService({ kb, contexts: new InMemoryContextStore() });
    await chat.answerText({ orgId: 'maesot', userId: 'U4', text: 'แจ้งตาย' });
    const next = await chat.answerText({ orgId: 'maesot', userId: 'U4', text: 'ต้องใช้เอกสารอะไรบ้าง' });
    expect(next.results[0]?.id).toBe('death-registration');
    expect(texts(next.messages)).toContain('ทะเบียนบ้าน');
  });

  it('forgets the context after it goes stale', async () => {
    const list = await ask('intapramul', 'มิติที่ 3 มีโครงการอะไรบ้าง');
    const old = { ...(list.context ?? { intent: 'list' as const, at: '' }), at: '2000-01-01T00:00:00.000Z' };
    const a = await answer(kb, 'intapramul', 'อันที่ 2', old);
    expect(a.results[0]?.id).not.toBe(list.results[1]?.id);
  });

  it('shows the next page with the "ดูเพิ่ม" postback', async () => {
    const list = await ask('intapramul', 'มิติที่ 2 มีโครงการอะไรบ้าง');
    const more = await answerPostback(kb, 'intapramul', new URLSearchParams('action=ask&more=11'), list.context);
    expect(more.results[0]?.id).toBe(list.results[11]?.id);
  });
});
