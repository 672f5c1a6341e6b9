/**
 * `npm run eval [-- --file PATH] [--url http://localhost:3000] [--offline [--plans DIR]] [--json]`
 * Runs the dev questions through the ask API (`POST /api/orgs/:orgId/ask`) — of the server at `--url`, or by default of
 * a server started here exactly as `npm start` does (embedded Firestore, demo organisations seeded from data/) — and
 * prints top-1/top-3 accuracy overall and per expectation type, and every failure. `--offline` asks the engine
 * in-process over the parsed files instead (no storage), for quick iteration on the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { answer } from '../chat/answer.ts';
import { demoProvider, loadStandardManuals, REPO_ROOT } from '../chat/demoCorpus.ts';
import type { Message, ResultRef } from '../chat/types.ts';
import { KnowledgeBase } from '../search/knowledgeBase.ts';
import { normalizeText } from '../search/normalize.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startRuntime, type Runtime } from '../runtime.ts';

export interface EvalQuestion {
  id: string;
  org: string;
  q: string;
  expect:
    | { type: 'project'; title: string; alts?: string[] }
    | { type: 'manual'; id: string }
    | { type: 'list'; titles: string[] }
    | { type: 'number'; value: number };
}

export interface AskResponse {
  intent: string;
  results: ResultRef[];
  messages: Message[];
}

export type Asker = (orgId: string, text: string) => Promise<AskResponse>;

export interface EvalOutcome {
  question: EvalQuestion;
  top1: boolean;
  top3: boolean;
  response: AskResponse;
  why: string;
}

export interface EvalSummary {
  total: number;
  top1: number;
  top3: number;
  byType: Record<string, { total: number; top1: number; top3: number }>;
  outcomes: EvalOutcome[];
}

/** Same title whatever the spacing, quotes, markup or digits. */
export function titleKey(t: string): string {
  return normalizeText(t).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Every string a reply shows (texts, alt texts, flex texts). */
export function replyText(messages: Message[]): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(messages);
  return out.join('\n');
}

export function judge(question: EvalQuestion, response: AskResponse): { top1: boolean; top3: boolean; why: string } {
  const e = question.expect;
  const results = response.results;
  // A result matches by the name it shows or by the name the document wrote (before the importer repaired it).
  const namesOf = (r: ResultRef) => [r.title, ...(r.writtenAs ? [r.writtenAs] : [])].map(titleKey);
  const titles = results.flatMap(namesOf);
  switch (e.type) {
    case 'project': {
      const wanted = [e.title, ...(e.alts ?? [])].map(titleKey);
      const at = results.findIndex((r) => r.type === 'project' && namesOf(r).some((n) => wanted.includes(n)));
      return { top1: at === 0, top3: at >= 0 && at < 3, why: `expected "${e.title}", got ${at === -1 ? 'it nowhere' : `it at ${at + 1}`}; top: ${results.slice(0, 3).map((r) => r.title).join(' | ') || '(none)'}` };
    }
    case 'manual': {
      const at = results.findIndex((r) => r.type === 'manual' && r.id === e.id);
      return { top1: at === 0, top3: at >= 0 && at < 3, why: `expected manual ${e.id}; top: ${results.slice(0, 3).map((r) => `${r.type}:${r.id}`).join(' | ') || '(none)'}` };
    }
    case 'list': {
      const missing = e.titles.filter((t) => !titles.includes(titleKey(t)));
      const ok = missing.length === 0;
      return { top1: ok, top3: ok, why: `missing ${missing.length}/${e.titles.length}: ${missing.join(' | ')} (intent ${response.intent}, ${results.length} results)` };
    }
    case 'number': {
      const text = replyText(response.messages);
      const forms = [String(e.value), e.value.toLocaleString('en-US')];
      const ok = forms.some((f) => new RegExp(`(?<![\\d,.])${f.replace(/[.,]/g, '\\$&')}(?![\\d]|,\\d)`).test(text));
      return { top1: ok, top3: ok, why: `expected ${e.value} in reply (intent ${response.intent}): ${text.slice(0, 160).replace(/\n/g, ' / ')}` };
    }
  }
}

export function readQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as EvalQuestion)
    .filter((q) => q.org && q.q && q.expect);
}

export async function runEval(questions: EvalQuestion[], ask: Asker): Promise<EvalSummary> {
  const outcomes: EvalOutcome[] = [];
  for (const question of questions) {
    const response = await ask(question.org, question.q);
    outcomes.push({ question, response, ...judge(question, response) });
  }
  const byType: EvalSummary['byType'] = {};
  for (const o of outcomes) {
    const t = (byType[o.question.expect.type] ??= { total: 0, top1: 0, top3: 0 });
    t.total++;
    if (o.top1) t.top1++;
    if (o.top3) t.top3++;
  }
  return {
    total: outcomes.length,
    top1: outcomes.filter((o) => o.top1).length,
    top3: outcomes.filter((o) => o.top3).length,
    byType,
    outcomes,
  };
}

export function inProcessAsker(kb: KnowledgeBase): Asker {
  return async (orgId, text) => answer(kb, orgId, text, null);
}

export function httpAsker(baseUrl: string): Asker {
  return async (orgId, text) => {
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/orgs/${encodeURIComponent(orgId)}/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    if (!res.ok) return { intent: `http ${res.status}`, results: [], messages: [] };
    return (await res.json()) as AskResponse;
  };
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

export function formatSummary(s: EvalSummary): string {
  const lines = [`top-1 ${pct(s.top1, s.total)} (${s.top1}/${s.total})   top-3 ${pct(s.top3, s.total)} (${s.top3}/${s.total})`];
  for (const [type, t] of Object.entries(s.byType)) {
    lines.push(`  ${type.padEnd(8)} top-1 ${pct(t.top1, t.total).padStart(6)} (${t.top1}/${t.total})   top-3 ${pct(t.top3, t.total).padStart(6)} (${t.top3}/${t.total})`);
  }
  const failures = s.outcomes.filter((o) => !o.top1);
  if (failures.length) {
    lines.push('', `failures (${failures.length}):`);
    for (const f of failures) lines.push(`  ${f.question.id} [${f.question.org}] ${f.question.q}\n      ${f.why}`);
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      url: { type: 'string' },
      plans: { type: 'string' },
      offline: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const candidates = [values.file, path.resolve(REPO_ROOT, '../shared/eval/dev-questions.jsonl'), path.resolve(REPO_ROOT, 'eval/dev-questions.jsonl')].filter(
    (f): f is string => !!f,
  );
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    console.error(`No questions file: tried ${candidates.join(', ')} (use --file PATH)`);
    process.exit(2);
  }
  let server: Runtime | undefined;
  let ask: Asker;
  if (values.offline) {
    if (!(await loadStandardManuals())) console.error('warning: the standard manuals could not be loaded; manual questions will fail');
    ask = inProcessAsker(new KnowledgeBase(await demoProvider(values.plans)));
  } else if (values.url) {
    ask = httpAsker(values.url);
  } else {
    server = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent' }), { log: createLogger({ level: 'silent' }), scheduleEveryMs: 0 });
    ask = httpAsker(server.baseUrl);
  }
  const summary = await runEval(readQuestions(file), ask);
  await server?.stop();
  if (values.json) console.log(JSON.stringify({ ...summary, outcomes: summary.outcomes.map((o) => ({ id: o.question.id, top1: o.top1, top3: o.top3, why: o.why })) }, null, 2));
  else console.log(`${file}\n${formatSummary(summary)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
