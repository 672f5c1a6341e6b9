import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer, answerPostback, type AnswerOptions } from '../../functions/src/chat/answer.ts';
import { demoProvider, loadStandardManuals, REPO_ROOT } from '../../functions/src/chat/demoCorpus.ts';
import type { AnswerOutput } from '../../functions/src/chat/types.ts';
import { sendRequestProblems } from '../../functions/src/line/sandbox/requestRules.ts';
import { manualCardFor } from '../../functions/src/manuals/line.ts';
import { KnowledgeBase } from '../../functions/src/search/knowledgeBase.ts';

/**
 * Every answer card the engine builds passes LINE's published schema and documented limits — for questions made from
 * the demo organisations' own data (every project, manual, dimension, year and unit, asked several ways), the dev
 * questions when they are there, and input nobody should send. The same check the sandbox makes on every reply.
 */
const ORGS = ['maesot', 'maesaimitraphap', 'intapramul', 'tharae'];
const options: AnswerOptions = { liffLocalBase: 'http://localhost:3000', manualCard: manualCardFor('http://localhost:3000'), now: new Date('2026-11-22T03:00:00Z') };

function problemsOf(out: AnswerOutput): string[] {
  return sendRequestProblems('reply', { replyToken: 'token', messages: out.messages }).map((p) => `${p.property}: ${p.message}`);
}

async function questionsFor(kb: KnowledgeBase, org: string): Promise<string[]> {
  const k = await kb.get(org);
  const qs = ['สวัสดี', 'ช่วยอะไรได้บ้าง', 'มีโครงการอะไรบ้าง', 'งบประมาณรวมเท่าไร', 'โครงการไหนงบสูงที่สุด', 'แผนนี้มีกี่โครงการ', 'มีคู่มือบริการอะไรบ้าง',
    'ร้องเรียน', 'แจ้งเบาะแสการทุจริต', 'ติดตามเรื่องร้องเรียน', 'รับบัตรคิว', 'ประเมินความพึงพอใจ', 'ผลการดำเนินงานเป็นอย่างไร', 'ฟุตบอลโลก', '😀🙏',
    'ก'.repeat(1000), 'โครงการ '.repeat(120), 'อันที่ 1'];
  for (const d of [1, 2, 3, 4]) qs.push(`มิติที่ ${d} มีโครงการอะไรบ้าง`, `มิติที่ ${d} งบเท่าไร`);
  for (const y of ['2565', '2566', '2567', '2568', '2569', '2570']) qs.push(`ปี ${y} มีโครงการอะไรบ้าง`, `งบปี ${y} เท่าไร`);
  for (const u of k?.units ?? []) qs.push(`${u} รับผิดชอบอะไรบ้าง`);
  for (const p of k?.projects.values() ?? []) qs.push(p.name, `${p.name} งบเท่าไร`, `${p.name} ใครรับผิดชอบ`);
  for (const m of k?.manuals.values() ?? []) qs.push(m.title, `${m.title} ใช้เอกสารอะไรบ้าง`, `${m.title} ค่าธรรมเนียมเท่าไร`, `${m.title} ติดต่อที่ไหน`);
  return qs;
}

function devQuestions(): Array<{ org: string; q: string }> {
  const file = [path.resolve(REPO_ROOT, '../shared/eval/dev-questions.jsonl'), path.resolve(REPO_ROOT, 'eval/dev-questions.jsonl')].find((f) => existsSync(f));
  if (!file) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { org: string; q: string });
}

describe('answer cards LINE accepts', () => {
  it('for questions made from every demo organisation\'s projects, manuals, dimensions, years and units, and their follow-ups', async () => {
    expect(await loadStandardManuals()).toBeTruthy();
    const kb = new KnowledgeBase(await demoProvider());
    const refused: string[] = [];
    let asked = 0;
    for (const org of ORGS) {
      for (const q of await questionsFor(kb, org)) {
        const out = await answer(kb, org, q, null, options);
        asked++;
        for (const p of problemsOf(out)) refused.push(`${org} "${q.slice(0, 60)}" → ${p}`);
        // Every quick reply the answer offers, asked in its context, is answered within the rules too.
        for (const item of (out.messages.at(-1) as { quickReply?: { items: Array<{ action: { type: string; text?: string } }> } }).quickReply?.items ?? []) {
          if (item.action.type !== 'message' || !item.action.text) continue;
          const next = await answer(kb, org, item.action.text, out.context, options);
          asked++;
          for (const p of problemsOf(next)) refused.push(`${org} "${q.slice(0, 40)}" then "${item.action.text}" → ${p}`);
        }
      }
      const k = await kb.get(org);
      for (const p of k?.projects.values() ?? []) {
        for (const p2 of problemsOf(await answerPostback(kb, org, new URLSearchParams(`action=ask&t=project&id=${p.id}`), null, options))) refused.push(`${org} card ${p.id} → ${p2}`);
      }
      for (const m of k?.manuals.values() ?? []) {
        for (const p2 of problemsOf(await answerPostback(kb, org, new URLSearchParams(`action=ask&t=manual&id=${m.id}`), null, options))) refused.push(`${org} manual ${m.id} → ${p2}`);
      }
    }
    expect(asked).toBeGreaterThan(1000);
    expect(refused).toEqual([]);
  });

  it('for the dev questions', async () => {
    const kb = new KnowledgeBase(await demoProvider());
    const refused: string[] = [];
    for (const { org, q } of devQuestions()) for (const p of problemsOf(await answer(kb, org, q, null, options))) refused.push(`${org} "${q}" → ${p}`);
    expect(refused).toEqual([]);
  });
});
