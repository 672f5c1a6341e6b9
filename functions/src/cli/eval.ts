/**
 * `npm run eval [-- --dir DIR] [--file PATH]... [--no-dev] [--url http://localhost:3000] [--offline [--plans DIR]] [--json] [--all-failures]`
 *
 * Organisations: the demo ones (data/plans) and the plan variants of test/fixtures/plans/variants (org id = the
 * file's prefix, "v07"): offline they are parsed in-process; on a server this starts, a variant a question asks about
 * is imported first exactly as `npm run import -- --publish` does (parsed, stored, made current).
 *
 * Reads the question sets — every `test/fixtures/eval/dev/*.jsonl` (one file per category), the team's old
 * `../shared/eval/dev-questions.jsonl`, and any `--file`/`--dir` given — and asks each question through
 * `POST /api/orgs/:orgId/ask`: of the server at `--url`, or by default of a server started here exactly as
 * `npm start` does (embedded Firestore, demo organisations). Multi-turn questions send their earlier turns first in
 * one API conversation (same follow-up context as one LINE user); a question's `today` is sent as the ask API's
 * local-mode `today`, the date the engine resolves "ปีนี้"/"ปีหน้า" against. `--offline` asks the engine in-process.
 *
 * Prints per category: n, content-correct % (the first message carries the answer), top-1 %, wrong figures (a number
 * the question lists as wrong, given in the first message), "disclosed" (such a number only inside the reply's
 * rows'-sum disclosure), and the failures. A question without `today` is asked on `--today` (default 2026-12-02, the
 * dev set's convention). Scoring: cli/evalJudge.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { answer } from '../chat/answer.ts';
import { demoProvider, loadStandardManuals, REPO_ROOT } from '../chat/demoCorpus.ts';
import type { ConversationContext } from '../chat/types.ts';
import { KnowledgeBase } from '../search/knowledgeBase.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startRuntime, type Runtime } from '../runtime.ts';
import { parsePlanDocument } from '../plans/parse/index.ts';
import { importPlanDocument } from '../plans/store.ts';
import { corporaFromPlanFiles, orgIdOfFile } from '../search/fileCorpus.ts';
import { bangkokNoon } from '../time/bangkok.ts';
import { judge, type AskResponse, type EvalQuestion, type Verdict } from './evalJudge.ts';

export { judge, replyText, titleKey, type AskResponse, type EvalQuestion } from './evalJudge.ts';

/** One question of a conversation: text, the conversation it belongs to (if any), the day it is asked. */
export type Asker = (orgId: string, text: string, opts: { conversation?: string; today?: string }) => Promise<AskResponse>;

export interface EvalOutcome extends Verdict {
  question: EvalQuestion;
  response: AskResponse;
}

export interface CategoryScore {
  n: number;
  content: number;
  top1: number;
  wrongFigures: number;
  /** Answers whose only "wrong" number is in the rows'-sum disclosure ("(รวมรายการได้ Y บาท)"). */
  disclosed: number;
}

export interface EvalSummary {
  total: CategoryScore;
  byCategory: Record<string, CategoryScore>;
  outcomes: EvalOutcome[];
}

/** Reads a JSON-lines set; lines without a category take the file's name ("totals.jsonl" → "totals"). */
export function readQuestions(file: string): EvalQuestion[] {
  const fallback = path.basename(file).replace(/\.jsonl$/, '');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as EvalQuestion)
    .filter((q) => q.org && q.q && q.expect)
    .map((q) => ({ ...q, category: q.category ?? (fallback === 'dev-questions' ? `team:${q.expect.type}` : fallback) }));
}

export function questionFiles(dirs: string[], files: string[]): string[] {
  const out = [...files];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    out.push(...readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f)));
  }
  return [...new Set(out.filter((f) => existsSync(f)))];
}

const turnText = (t: string | { q: string }) => (typeof t === 'string' ? t : t.q);

/** The date a question without its own `today` is asked on: the dev set's convention (test/fixtures/eval/README.md). */
export const DEFAULT_TODAY = '2026-12-02';

export async function runEval(questions: EvalQuestion[], ask: Asker, options: { today?: string; runId?: string } = {}): Promise<EvalSummary> {
  const runId = options.runId ?? Date.now().toString(36);
  const defaultToday = options.today ?? DEFAULT_TODAY;
  const outcomes: EvalOutcome[] = [];
  for (const question of questions) {
    const turns = question.turns ?? [];
    const conversation = turns.length ? `eval-${runId}-${question.id}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64) : undefined;
    const opts = { ...(conversation ? { conversation } : {}), today: question.today ?? defaultToday };
    for (const t of turns) await ask(question.org, turnText(t), opts);
    const response = await ask(question.org, question.q, opts);
    outcomes.push({ question, response, ...judge(question, response) });
  }
  const score = (list: EvalOutcome[]): CategoryScore => ({
    n: list.length,
    content: list.filter((o) => o.content).length,
    top1: list.filter((o) => o.top1).length,
    wrongFigures: list.reduce((a, o) => a + (o.wrongFigures.length ? 1 : 0), 0),
    disclosed: list.reduce((a, o) => a + (o.disclosedWrong.length ? 1 : 0), 0),
  });
  const byCategory: Record<string, CategoryScore> = {};
  for (const c of [...new Set(outcomes.map((o) => o.question.category ?? '-'))].sort()) {
    byCategory[c] = score(outcomes.filter((o) => (o.question.category ?? '-') === c));
  }
  return { total: score(outcomes), byCategory, outcomes };
}

/** The engine in-process over the parsed files (no storage); conversations kept in a map. */
export function inProcessAsker(kb: KnowledgeBase): Asker {
  const contexts = new Map<string, ConversationContext | null>();
  return async (orgId, text, { conversation, today }) => {
    const now = today ? bangkokNoon(today) : new Date();
    const out = await answer(kb, orgId, text, conversation ? (contexts.get(conversation) ?? null) : null, { now });
    if (conversation && out.context) contexts.set(conversation, out.context);
    return out;
  };
}

export function httpAsker(baseUrl: string): Asker {
  return async (orgId, text, opts) => {
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/orgs/${encodeURIComponent(orgId)}/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, ...opts }),
    });
    if (!res.ok) return { intent: `http ${res.status}: ${(await res.text()).slice(0, 200)}`, results: [], messages: [] };
    return (await res.json()) as AskResponse;
  };
}

/** Plan documents written in the national template's family by other hands (test/fixtures/plans/variants). */
export const VARIANTS_DIR = path.join(REPO_ROOT, 'test/fixtures/plans/variants');

/** The variant files the questions ask about (by org id), to import into a server before asking. */
export function variantFilesFor(questions: EvalQuestion[], dir = VARIANTS_DIR): Map<string, string> {
  const wanted = new Set(questions.map((q) => q.org));
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const org = orgIdOfFile(f);
    if (wanted.has(org)) out.set(org, path.join(dir, f));
  }
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

export function formatSummary(s: EvalSummary, options: { maxFailures?: number } = {}): string {
  const row = (name: string, c: CategoryScore) =>
    `${name.padEnd(22)} ${String(c.n).padStart(4)}   ${pct(c.content, c.n).padStart(6)}   ${pct(c.top1, c.n).padStart(6)}   ${String(c.wrongFigures).padStart(5)}   ${String(c.disclosed).padStart(9)}`;
  const lines = [`${'category'.padEnd(22)} ${'n'.padStart(4)}   content    top-1   wrong   disclosed`];
  for (const [c, score] of Object.entries(s.byCategory)) lines.push(row(c, score));
  lines.push(row('ALL', s.total));
  const failures = s.outcomes.filter((o) => !o.content);
  if (failures.length) {
    const max = options.maxFailures ?? 80;
    lines.push('', `not content-correct (${failures.length}${failures.length > max ? `, first ${max}` : ''}):`);
    for (const f of failures.slice(0, max)) {
      lines.push(`  ${f.question.id} [${f.question.org}/${f.question.category}] ${f.question.turns?.length ? `${f.question.turns.map(turnText).join(' → ')} → ` : ''}${f.question.q}\n      ${f.why}`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', multiple: true },
      dir: { type: 'string', multiple: true },
      url: { type: 'string' },
      plans: { type: 'string' },
      offline: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'all-failures': { type: 'boolean', default: false },
      only: { type: 'string' },
      today: { type: 'string' },
      /** Only the sets given with --file/--dir (e.g. a set kept aside until the end). */
      'no-dev': { type: 'boolean', default: false },
    },
  });
  const old = [path.resolve(REPO_ROOT, '../shared/eval/dev-questions.jsonl'), path.resolve(REPO_ROOT, '../../shared/eval/dev-questions.jsonl')].find((f) => existsSync(f));
  const dev = values['no-dev'] ? [] : [path.join(REPO_ROOT, 'test/fixtures/eval/dev')];
  const files = questionFiles([...dev, ...(values.dir ?? [])], [...(old && !values['no-dev'] ? [old] : []), ...(values.file ?? [])]);
  if (files.length === 0) {
    console.error('No question files found (test/fixtures/eval/dev/*.jsonl, ../shared/eval/dev-questions.jsonl); use --file PATH or --dir DIR');
    process.exit(2);
  }
  let questions = files.flatMap(readQuestions);
  if (values.only) questions = questions.filter((q) => q.category === values.only || q.id === values.only);
  let server: Runtime | undefined;
  let ask: Asker;
  if (values.offline) {
    if (!(await loadStandardManuals())) console.error('warning: the standard manuals could not be loaded; manual questions will fail');
    const manuals = await loadStandardManuals();
    const provider = await demoProvider(values.plans);
    for (const c of corporaFromPlanFiles(VARIANTS_DIR, manuals ?? undefined)) provider.set(c);
    ask = inProcessAsker(new KnowledgeBase(provider));
  } else if (values.url) {
    ask = httpAsker(values.url);
  } else {
    server = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent' }), { log: createLogger({ level: 'silent' }), scheduleEveryMs: 0 });
    for (const [org, file] of variantFilesFor(questions)) {
      const text = readFileSync(file, 'utf8');
      await importPlanDocument(server.db, org, { ...parsePlanDocument(text, { file: path.basename(file) }), status: 'published' }, new Date(), { sourceText: text });
    }
    ask = httpAsker(server.baseUrl);
  }
  const summary = await runEval(questions, ask, values.today ? { today: values.today } : {});
  await server?.stop();
  if (values.json) {
    console.log(JSON.stringify({ total: summary.total, byCategory: summary.byCategory, outcomes: summary.outcomes.map((o) => ({ id: o.question.id, category: o.question.category, content: o.content, top1: o.top1, wrongFigures: o.wrongFigures, why: o.why })) }, null, 2));
  } else {
    console.log(`${files.map((f) => path.relative(process.cwd(), f)).join('\n')}\n\n${formatSummary(summary, values['all-failures'] ? { maxFailures: Infinity } : {})}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
