/**
 * `npm run ask -- --org ID "question" [--json] [--plans DIR] [--today YYYY-MM-DD]`
 * Prints what the bot answers: intent, results, and the messages as readable text. Reads Firestore when
 * FIRESTORE_EMULATOR_HOST is set (the organisation's imported plan and manuals), else the demo plans in data/plans.
 */
import { parseArgs } from 'node:util';
import type { messagingApi } from '@line/bot-sdk';
import { answer } from '../chat/answer.ts';
import { demoProvider } from '../chat/demoCorpus.ts';
import type { AnswerOutput, Message } from '../chat/types.ts';
import { FirestoreCorpusProvider } from '../search/firestoreCorpus.ts';
import { KnowledgeBase } from '../search/knowledgeBase.ts';
import { openFirestore } from '../store/firestore.ts';
import { bangkokNoon, isValidDate } from '../time/bangkok.ts';

/** Flex and template messages as indented text, the way a reader scans them on a phone. */
export function messageAsText(m: Message): string {
  const lines: string[] = [];
  const walk = (c: unknown, depth: number) => {
    if (!c || typeof c !== 'object') return;
    const o = c as Record<string, unknown>;
    if (o.type === 'text' && typeof o.text === 'string' && depth > 0) lines.push(`${'  '.repeat(depth)}${o.text}`);
    if (o.type === 'button' && o.action && typeof o.action === 'object') {
      const a = o.action as { label?: string; uri?: string; data?: string };
      lines.push(`${'  '.repeat(depth)}[${a.label ?? ''}] ${a.uri ?? a.data ?? ''}`);
    }
    for (const key of ['header', 'hero', 'body', 'footer']) walk(o[key], depth + 1);
    if (Array.isArray(o.contents)) for (const x of o.contents) walk(x, o.type === 'carousel' ? depth + 1 : depth);
  };
  if (m.type === 'text') lines.push(m.text);
  else if (m.type === 'flex') {
    lines.push(`[flex] ${m.altText}`);
    walk((m as messagingApi.FlexMessage).contents, 0);
  } else lines.push(`[${m.type}] ${JSON.stringify(m).slice(0, 300)}`);
  const qr = (m as { quickReply?: messagingApi.QuickReply }).quickReply;
  if (qr?.items?.length) lines.push(`  ปุ่มด่วน: ${qr.items.map((i) => i.action?.label).join(' · ')}`);
  return lines.join('\n');
}

export function formatAnswer(out: AnswerOutput): string {
  const results = out.results.slice(0, 20).map((r, i) => `  ${i + 1}. [${r.type}] ${r.title} (${r.id}, ${r.score})`);
  if (out.results.length > 20) results.push(`  … ${out.results.length - 20} more`);
  const sources = (out.sources ?? []).map((s) => `  ${s.figure} ← ${s.kind}${s.planId ? ` ${s.planId}` : ''}${s.manualId ? ` ${s.manualId}` : ''}${s.line ? ` line ${s.line}` : ''}${s.derived ? ` (${s.derived})` : ''}`);
  return [
    `intent: ${out.intent}${out.confidence !== undefined ? ` (confidence ${out.confidence.toFixed(2)})` : ''}`,
    `results (${out.results.length}):`,
    ...results,
    ...(sources.length ? ['sources:', ...sources] : []),
    '',
    ...out.messages.map((m, i) => `--- message ${i + 1}\n${messageAsText(m)}`),
  ].join('\n');
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { org: { type: 'string' }, json: { type: 'boolean', default: false }, plans: { type: 'string' }, today: { type: 'string' } },
  });
  const question = positionals.join(' ');
  if (!values.org || !question.trim()) {
    console.error('usage: npm run ask -- --org ID "question"');
    process.exit(2);
  }
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  const db = host ? openFirestore({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-integrity', emulatorHost: host }) : null;
  const kb = new KnowledgeBase(db ? new FirestoreCorpusProvider(db) : await demoProvider(values.plans));
  try {
    // --today: answer as on that Bangkok date ("ปีนี้", "ปีหน้า" are read against its fiscal year).
    if (values.today !== undefined && !isValidDate(values.today)) throw new Error('--today: a date as YYYY-MM-DD');
    const now = values.today ? bangkokNoon(values.today) : new Date();
    const out = await answer(kb, values.org, question, null, { now });
    console.log(values.json ? JSON.stringify(out, null, 2) : formatAnswer(out));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  } finally {
    await db?.terminate();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
