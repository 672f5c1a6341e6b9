import { answer } from '../chat/answer.ts';
import { demoProvider } from '../chat/demoCorpus.ts';
import { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { ConversationContext } from '../chat/types.ts';
const kb = new KnowledgeBase(await demoProvider());
const [org, ...qs] = process.argv.slice(2);
let ctx: ConversationContext | null = null;
for (const q of qs) {
  const out = await answer(kb, org as string, q, ctx, { now: new Date('2026-12-02T03:00:00Z') });
  if (out.context) ctx = out.context;
  const m = out.messages[0] as { text?: string; altText?: string };
  console.log(`${q}\n  → ${out.intent} n=${out.results.length} | ${(m.text ?? m.altText ?? '').slice(0, 140).replace(/\n/g, ' / ')}`);
}
