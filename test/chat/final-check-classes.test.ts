import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import { readBudgetRange } from '../../functions/src/chat/budgetRange.ts';
import type { ConversationContext, Message } from '../../functions/src/chat/types.ts';
import { answeredNumbers, replyText } from '../../functions/src/cli/evalJudge.ts';
import { corporaFromPlanFiles } from '../../functions/src/search/fileCorpus.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';
import { loadStandardManuals } from '../../functions/src/chat/demoCorpus.ts';
import { demoCorpora, PLANS_DIR, TEST_MANUALS } from './fixtures.ts';

/**
 * The classes a final check with residents' own questions found (issue 15): aspects of the item just answered asked
 * with fillers, the other items of its dimension or mission, lists by a budget threshold, English paraphrases of a
 * Thai item name, "is X in the plan" where X is only a service manual, and channels that are both a feature and an
 * item of the plan. Over the demo plans and the plan variants of another hand (org id = file prefix, e.g. "v15").
 */
const variants = corporaFromPlanFiles(path.resolve(import.meta.dirname, '../fixtures/plans/variants'), () => TEST_MANUALS);
const kb = new KnowledgeBase(new StaticCorpusProvider([...demoCorpora(), ...variants]));
const now = new Date('2026-12-02T12:00:00+07:00');
const first = (ms: Message[]) => (ms[0] ? replyText([ms[0]]) : '');

/** Asks the turns of one conversation in order; returns every answer. */
async function conversation(org: string, ...turns: string[]) {
  let ctx: ConversationContext | null = null;
  const out = [];
  for (const t of turns) {
    const a = await answer(kb, org, t, ctx, { now });
    ctx = a.context ?? ctx;
    out.push(a);
  }
  return out;
}

describe('an aspect of the item just answered, asked with fillers and politeness', () => {
  it.each(['ใครเป็นผู้รับผิดชอบคะ', 'หน่วยงานไหนเป็นคนดูแลครับ', 'ผู้รับผิดชอบคือหน่วยไหนจ๊ะ'])('answers "%s" about that item, naming its unit', async (q) => {
    const [, a] = await conversation('maesot', 'โครงการโรงเรียนคุณธรรมคืออะไร', q);
    expect(a?.intent).toBe('project');
    expect(a?.results[0]?.id).toBe('d1-8');
    expect(first(a?.messages ?? [])).toContain('กองการศึกษา');
  });

  it('answers when and how much about that item', async () => {
    const [, when, budget] = await conversation('maesot', 'โครงการจัดเวทีประชาคม', 'จัดทำช่วงไหนของปีคะ', 'ใช้เงินเท่าไหร่ครับ');
    expect(when?.results[0]?.id).toBe('d3-24');
    expect(first(when?.messages ?? [])).toContain('2566');
    expect(budget?.intent).toBe('project.budget');
    expect(answeredNumbers(first(budget?.messages ?? [])).answered).toContain(50_000);
  });

  it('lists the other items of its dimension, and of its mission, without it', async () => {
    const [, dim] = await conversation('maesot', 'โครงการโรงเรียนคุณธรรมคืออะไร', 'ในมิติเดียวกันมีโครงการอื่นอีกไหม');
    expect(dim?.intent).toBe('list');
    const ids = dim?.results.map((r) => r.id) ?? [];
    expect(ids).not.toContain('d1-8');
    expect(ids).toEqual(['d1-1', 'd1-2', 'd1-3', 'd1-4', 'd1-5', 'd1-6', 'd1-7']);
    const [, mission] = await conversation('intapramul', 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ', 'ภารกิจเดียวกันมีอะไรอีกบ้าง');
    const kb2 = await kb.get('intapramul');
    expect(mission?.results.length).toBeGreaterThan(5);
    for (const r of mission?.results ?? []) expect(kb2?.projects.get(r.id)?.mission).toBe('2.2');
  });

  it('still reads a question with a subject of its own as a new question', async () => {
    const [, a] = await conversation('maesot', 'โครงการโรงเรียนคุณธรรมคืออะไร', 'โครงการจัดเวทีประชาคมใครเป็นผู้รับผิดชอบ');
    expect(a?.results[0]?.id).toBe('d3-24');
  });
});

describe('lists by a budget threshold', () => {
  it('lists every item whose stored budget is within the threshold, with the figures and their lines', async () => {
    const [a] = await conversation('maesot', 'โครงการที่ได้งบตั้งแต่ 30,000 บาทขึ้นไปมีอะไรบ้าง');
    expect(a?.intent).toBe('list');
    const k = await kb.get('maesot');
    const expected = [...(k?.projects.values() ?? [])].filter((p) => Object.values(p.budgets).some((v) => v >= 30_000)).map((p) => p.id);
    expect(a?.results.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(first(a?.messages ?? [])).toContain('ตั้งแต่ 30,000 บาทขึ้นไป');
    expect(first(a?.messages ?? [])).toMatch(/ที่มา: แผนปฏิบัติการฯ บรรทัด \d+/u);
    expect(a?.sources?.length).toBe(expected.length);
  });

  it('reads the threshold in the year named, and never counts an item without a budget as under it', async () => {
    const [y68] = await conversation('v15', 'ปี 2568 มีโครงการไหนได้งบเกิน 10,000 บาทบ้าง');
    expect(y68?.results.map((r) => r.id)).toContain('d4-30');
    const [y67] = await conversation('v15', 'ปี 2567 มีโครงการไหนได้งบเกิน 10,000 บาทบ้าง');
    expect(y67?.results.map((r) => r.id)).not.toContain('d4-30');
    const [under] = await conversation('maesaimitraphap', 'งบไม่ถึง 1 หมื่นมีอะไรบ้าง');
    const k = await kb.get('maesaimitraphap');
    for (const r of under?.results ?? []) {
      const v = k?.projects.get(r.id)?.budgets['2565'] ?? 0;
      expect(v > 0 && v < 10_000).toBe(true);
    }
    expect(under?.results.length).toBe(3);
  });

  it('answers an English threshold in English', async () => {
    const [a] = await conversation('maesaimitraphap', 'Which projects have a budget of at least 20,000 baht?');
    expect(a?.results.map((r) => r.id).sort()).toEqual(['d1-1', 'd1-4', 'd3-2']);
    expect(first(a?.messages ?? [])).toMatch(/20,000 baht or more/u);
  });

  it('does not read a manual\'s fee or a count as a threshold of the plan\'s budgets', async () => {
    const [fee] = await conversation('maesot', 'ค่าธรรมเนียมไม่เกิน 100 บาทใช่ไหม');
    expect(fee?.intent).not.toBe('list');
    const [count] = await conversation('maesot', 'มีโครงการเกิน 30 โครงการไหม');
    expect(count?.intent).not.toBe('list');
  });

  it('reads comparison words, multipliers and counts apart', () => {
    expect(readBudgetRange('งบเกิน5หมื่นบาท')?.range).toEqual({ min: { value: 50_000, inclusive: false } });
    expect(readBudgetRange('ไม่เกิน30,000บาท')?.range).toEqual({ max: { value: 30_000, inclusive: true } });
    expect(readBudgetRange('ระหว่าง10,000ถึง50,000บาท')?.range).toEqual({ min: { value: 10_000, inclusive: true }, max: { value: 50_000, inclusive: true } });
    expect(readBudgetRange('มีเกิน5โครงการไหม')).toBeNull();
    expect(readBudgetRange('ปี2568งบเท่าไร')).toBeNull();
  });
});

describe('English paraphrases of a Thai item name', () => {
  it('matches through the lexicon when the name carries the words', async () => {
    const [a] = await conversation('maesaimitraphap', 'What is the budget of the village meeting forum?');
    expect(a?.intent).toBe('project.budget');
    expect(a?.results[0]?.id).toBe('d3-4');
    expect(answeredNumbers(first(a?.messages ?? [])).answered).toContain(5_000);
  });

  it('is not sure, says so and offers choices, when no item is clearly named — never another item\'s figure', async () => {
    for (const q of ['youth moral camp budget', 'What is the budget for the youth drug prevention camp?']) {
      const [a] = await conversation('maesot', q);
      expect(a?.intent, q).toBe('unknown');
      const lead = first(a?.messages ?? []);
      expect(lead).toMatch(/not sure/u);
      expect(answeredNumbers(lead).answered.filter((n) => n >= 100)).toEqual([]);
      const qr = (a?.messages[0] as { quickReply?: { items: Array<{ action: { label?: string; data?: string } }> } }).quickReply;
      expect(qr?.items.length).toBeLessThanOrEqual(13);
      for (const item of qr?.items ?? []) {
        expect((item.action.label ?? '').length).toBeLessThanOrEqual(20);
        expect((item.action.data ?? '').length).toBeLessThanOrEqual(300);
      }
    }
  });

  it('reads a typo as the word meant', async () => {
    const [a] = await conversation('intapramul', 'anti-corruption slogan contset budget');
    expect(a?.results[0]?.id).toBe('d1-1-3-1-2');
  });
});

describe('"is X in the plan" where X is only a service manual', () => {
  it('says the plan has no such item, then offers the manual', async () => {
    const [a] = await conversation('maesot', 'ในแผนนี้มีโครงการแจ้งเกิดไหมคะ');
    expect(a?.intent).toBe('unknown');
    const lead = first(a?.messages ?? []);
    expect(lead).toMatch(/^แผนปฏิบัติการฯ ของเทศบาลนครแม่สอดไม่มีโครงการ/u);
    expect(lead).toContain('การแจ้งเกิด');
    expect(a?.results[0]).toMatchObject({ type: 'manual', id: 'birth-registration' });
  });

  it('answers with the item when the plan has one', async () => {
    const [a] = await conversation('maesot', 'แผนนี้มีกิจกรรมบัตรคิวไหม');
    expect(a?.intent).toBe('project');
    expect(a?.results[0]?.id).toBe('d2-18');
  });

  it('never says the plan lacks an item whose name carries the words, even when a manual is about them too', async () => {
    // The standard manuals: their complaint manual is search's best hit for "ร้องเรียน".
    const manuals = await loadStandardManuals();
    const standard = new KnowledgeBase(new StaticCorpusProvider(corporaFromPlanFiles(PLANS_DIR, manuals ?? undefined)));
    const a = await answer(standard, 'maesaimitraphap', 'มีโครงการร้องเรียนในแผนไหม', null, { now });
    expect(a.intent).toBe('list');
    expect(a.results.map((r) => r.id)).toEqual(['d3-3', 'd3-5']);
    expect(first(a.messages)).not.toMatch(/ไม่มีโครงการ/u);
    const b = await answer(standard, 'maesaimitraphap', 'มีโครงการเว็บไซต์ในแผนไหม', null, { now });
    expect(b.results.map((r) => r.id)).toContain('d3-2');
  });

  it('still answers a manual asked without the plan', async () => {
    const [a] = await conversation('maesot', 'แจ้งเกิดต้องใช้เอกสารอะไรบ้าง');
    expect(a?.intent).toBe('manual');
  });
});

describe('channels that are both a feature and an item of the plan', () => {
  it('answers a budget or who question about the channel from the plan item', async () => {
    const [budget] = await conversation('maesaimitraphap', 'การสำรวจความพึงพอใจผู้รับบริการใช้งบกี่บาท');
    expect(budget?.results[0]?.id).toBe('d2-2');
    expect(answeredNumbers(first(budget?.messages ?? [])).answered).toContain(15_000);
    const [has] = await conversation('intapramul', 'อบต.มีช่องทางรับเรื่องร้องเรียนเรื่องทุจริตไหมคะ');
    expect(has?.results[0]?.id).toBe('d4-4-3-2');
    const [who] = await conversation('maesot', 'ใครรับผิดชอบเรื่องร้องเรียนทุจริต');
    expect(who?.results[0]?.id).toBe('d4-35');
    expect(first(who?.messages ?? [])).toContain('ทุกกอง/ฝ่าย');
  });

  it('gives the action for a request and names the plan item with its line', async () => {
    const [queue] = await conversation('intapramul', 'ขอรับบัตรคิวค่ะ');
    expect(queue?.intent).toBe('queue');
    expect(first(queue?.messages ?? [])).toMatch(/ในแผนปฏิบัติการฯ: กิจกรรมการใช้บัตรคิวในการติดต่อราชการ \(บรรทัด \d+\)/u);
    const [tip] = await conversation('maesot', 'อยากแจ้งเบาะแสทุจริต');
    expect(tip?.intent).toBe('corruption');
    expect(first(tip?.messages ?? [])).toContain('ช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริต');
    const [complaint] = await conversation('maesot', 'อยากร้องเรียนไฟทางดับ');
    expect(complaint?.intent).toBe('complaint');
    expect(first(complaint?.messages ?? [])).toContain('จัดการเรื่องราร้องทุกข์/ร้องเรียน');
  });
});
