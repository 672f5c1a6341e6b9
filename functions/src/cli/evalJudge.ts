/**
 * Scoring of one evaluation question on the CONTENT of the reply (what the resident reads first), apart from the
 * runner (cli/eval.ts). Pure.
 *
 * - content-correct: the first message carries the answer — the expected project's name, the expected figure
 *   (written as replies write figures: Arabic or Thai digits, with or without separators, with its unit), every
 *   expected list title among the results, the expected manual first, or a plain abstention where one is expected.
 *   An abstention on an answerable question is a miss.
 * - top-1: the first result is the expected one (project, manual), or every expected title is in the results (list).
 * - wrong figure: a number in the first message that the question lists as wrong (`expect.wrong`).
 */
import type { Message, ResultRef } from '../chat/types.ts';
import { normalizeText } from '../search/normalize.ts';

export type Expectation =
  | { type: 'project'; title: string; alts?: string[]; contains?: string[]; wrong?: number[] }
  | { type: 'manual'; id: string; contains?: string[]; wrong?: number[] }
  | { type: 'list'; titles: string[]; contains?: string[]; wrong?: number[] }
  | { type: 'number'; value: number; unit?: string; contains?: string[]; wrong?: number[] }
  | { type: 'abstain'; contains?: string[]; wrong?: number[] };

export interface EvalQuestion {
  id: string;
  org: string;
  /** Category of the set file (look-up, totals, follow-ups, …); the file's name when the line has none. */
  category?: string;
  lang?: string;
  q: string;
  /** Messages sent before `q` in the same conversation (strings, or objects with `q`). */
  turns?: Array<string | { q: string }>;
  /** The date the question is asked on (YYYY-MM-DD, Bangkok), for "ปีนี้", "ปีหน้า". */
  today?: string;
  expect: Expectation;
  source?: string;
  note?: string;
}

export interface AskResponse {
  intent: string;
  results: ResultRef[];
  messages: Message[];
  sources?: unknown[];
}

export interface Verdict {
  content: boolean;
  top1: boolean;
  wrongFigures: number[];
  abstained: boolean;
  why: string;
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
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        // Button payloads are not read by the resident.
        if (k === 'data' || k === 'uri' || k === 'url' || k === 'type' || k === 'layout' || k === 'size' || k === 'color') continue;
        walk(x);
      }
    }
  };
  walk(messages);
  return out.join('\n');
}

const THAI_DIGITS = /[๐-๙]/gu;
const toArabic = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));

/** Every number written in a text (Thai or Arabic digits, separators, decimals), as values. */
export function numbersIn(text: string): number[] {
  const t = toArabic(text);
  const out: number[] = [];
  for (const m of t.matchAll(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])/gu)) {
    out.push(Number(m[0].replace(/,/g, '')));
  }
  return out;
}

/** Whether the reply is a plain "this is not covered" (the engine's unknown intent, no project or manual card). */
export function isAbstention(r: AskResponse): boolean {
  return r.intent === 'unknown' || r.intent === 'abstain';
}

export function judge(question: EvalQuestion, response: AskResponse): Verdict {
  const e = question.expect;
  const results = response.results;
  const first = response.messages[0] ? replyText([response.messages[0]]) : '';
  const firstKey = titleKey(first);
  const abstained = isAbstention(response);
  const wrongFigures = (e.wrong ?? []).filter((w) => numbersIn(first).includes(w));
  const containsOk = (e.contains ?? []).every((c) => firstKey.includes(titleKey(c)));
  const namesOf = (r: ResultRef) => [r.title, ...(r.writtenAs ? [r.writtenAs] : [])].map(titleKey);
  const topLine = `top: ${results.slice(0, 3).map((r) => `${r.type}:${r.title.slice(0, 40)}`).join(' | ') || '(none)'}; first message: ${first.slice(0, 140).replace(/\n/g, ' / ')}`;
  const v = (content: boolean, top1: boolean, why: string): Verdict => ({
    content: content && containsOk && wrongFigures.length === 0 && (e.type === 'abstain' || !abstained),
    top1,
    wrongFigures,
    abstained,
    why: `${why}${containsOk ? '' : ` (missing ${JSON.stringify(e.contains)})`}${wrongFigures.length ? ` WRONG FIGURE ${wrongFigures.join(', ')}` : ''} (intent ${response.intent}); ${topLine}`,
  });
  switch (e.type) {
    case 'project': {
      const wanted = [e.title, ...(e.alts ?? [])].map(titleKey);
      const at = results.findIndex((r) => r.type === 'project' && namesOf(r).some((n) => wanted.includes(n)));
      // Names are long: the reply may clip them, so the first 24 letters of the name stand for it.
      const named = wanted.some((w) => firstKey.includes(w) || (w.length > 24 && firstKey.includes(w.slice(0, 24))));
      return v(at === 0 && named, at === 0, `expected "${e.title}" ${at === -1 ? 'nowhere' : `at ${at + 1}`}${named ? '' : ', not named in the first message'}`);
    }
    case 'manual': {
      const at = results.findIndex((r) => r.type === 'manual' && r.id === e.id);
      return v(at === 0, at === 0, `expected manual ${e.id} ${at === -1 ? 'nowhere' : `at ${at + 1}`}`);
    }
    case 'list': {
      const titles = results.flatMap(namesOf);
      const missing = e.titles.filter((t) => !titles.includes(titleKey(t)));
      return v(missing.length === 0, missing.length === 0, `missing ${missing.length}/${e.titles.length}: ${missing.slice(0, 3).join(' | ')} (${results.length} results)`);
    }
    case 'number': {
      const found = numbersIn(first).includes(e.value);
      const unitOk = !e.unit || firstKey.includes(titleKey(e.unit));
      return v(found && unitOk, found, `expected ${e.value}${e.unit ? ` ${e.unit}` : ''} in the first message`);
    }
    case 'abstain': {
      return v(abstained, abstained, 'expected an abstention');
    }
  }
}
