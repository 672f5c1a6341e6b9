// temporary: snapshot of every eval answer (offline engine), to compare before/after
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { questionFiles, readQuestions, runEval, inProcessAsker } from '../functions/src/cli/eval.ts';
import { demoProvider, loadStandardManuals, REPO_ROOT } from '../functions/src/chat/demoCorpus.ts';
import { KnowledgeBase } from '../functions/src/search/knowledgeBase.ts';
const old = [path.resolve(REPO_ROOT, '../shared/eval/dev-questions.jsonl'), path.resolve(REPO_ROOT, '../../shared/eval/dev-questions.jsonl')].find((f) => existsSync(f));
const files = questionFiles([path.join(REPO_ROOT, 'test/fixtures/eval/dev')], old ? [old] : []);
const questions = files.flatMap(readQuestions);
await loadStandardManuals();
const s = await runEval(questions, inProcessAsker(new KnowledgeBase(await demoProvider())));
const out = s.outcomes.map((o) => ({ id: o.question.id, org: o.question.org, intent: o.response.intent, results: o.response.results, messages: o.response.messages }));
writeFileSync(process.argv[2] as string, JSON.stringify(out, null, 1));
console.log(questions.length, JSON.stringify(s.total));
