/**
 * Scoring of one evaluation question on the CONTENT of the reply (what the resident reads first), apart from the
 * runner (cli/eval.ts). Pure.
 *
 * - content-correct: the first message carries the answer — the expected project's name, the expected figure
 *   (written as replies write figures: Arabic or Thai digits, with or without separators, with its unit), every
 *   expected list title among the results, the expected manual first, a plain abstention where one is expected, or
 *   the expected action (complaint, corruption report, queue, rating) for a request to use a feature.
 *   An abstention on an answerable question is a miss.
 * - top-1: the first result is the expected one (project, manual), or every expected title is in the results (list).
 * - wrong figure: a number in the first message that the question lists as wrong (`expect.wrong`).
 */
import type { Message, ResultRef } from '../chat/types.ts';
import { normalizeText } from '../search/normalize.ts';
import { thaiDigitsToArabic } from '../text/numbers.ts';

export type Expectation =
  | { type: 'project'; title: string; alts?: string[]; contains?: string[]; wrong?: number[] }
  | { type: 'manual'; id: string; contains?: string[]; wrong?: number[] }
  | { type: 'list'; titles: string[]; contains?: string[]; wrong?: number[] }
  | { type: 'number'; value: number; unit?: string; contains?: string[]; wrong?: number[] }
  | { type: 'abstain'; contains?: string[]; wrong?: number[] }
  /** A request to use a feature (complain, report, take a ticket, rate): that action, with `contains` in its first message. */
  | { type: 'action'; action: string; contains?: string[]; wrong?: number[] };

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
  /** "wrong" numbers that appear only in the rows'-sum disclosure clause (not given as the answer). */
  disclosedWrong: number[];
  abstained: boolean;
  why: string;
}

/** Same title whatever the spacing, quotes, markup or digits. */
export function titleKey(t: string): string {
  return normalizeText(t).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether two titles name the same item: equal keys, or near-equal once the generic kind word is set aside. A
 * document may write one project's name differently in its summary table and its detail section ("เวทีประชาชน" /
 * "เวทีประชาคม", "องค์การ" / "องค์กร"), and the expected title may come from either.
 */
export function sameTitle(a: string, b: string): boolean {
  if (a === b) return true;
  const strip = (t: string) => t.replace(/^(?:โครงการ|กิจกรรม|มาตรการ)+/u, '');
  const x = strip(a);
  const y = strip(b);
  if (x === y) return true;
  const grams = (t: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < t.length - 1; i++) out.set(t.slice(i, i + 2), (out.get(t.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  const dice = (2 * common) / Math.max(1, x.length - 1 + (y.length - 1));
  return dice >= 0.85;
}

/** Every string a reply shows as its content (texts, alt texts, flex texts; not the quick-reply suggestions). */
export function replyText(messages: Message[]): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        // Button payloads are not read by the resident.
        if (k === 'data' || k === 'uri' || k === 'url' || k === 'type' || k === 'layout' || k === 'size' || k === 'color' || k === 'quickReply') continue;
        walk(x);
      }
    }
  };
  walk(messages);
  return out.join('\n');
}


/** Every number written in a text (Thai or Arabic digits, separators, decimals), as values. */
export function numbersIn(text: string): number[] {
  const t = thaiDigitsToArabic(text);
  const out: number[] = [];
  for (const m of t.matchAll(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])/gu)) {
    out.push(Number(m[0].replace(/,/g, '')));
  }
  return out;
}

/**
 * Whether the reply is a plain "this is not covered": the engine's unknown intent, or a list that found nothing and
 * says so ("ไม่พบโครงการ… ในแผน", "The plan … has no projects") — an honest no, with no item in results.
 */
export function isAbstention(r: AskResponse): boolean {
  if (r.intent === 'unknown' || r.intent === 'abstain') return true;
  const first = r.messages[0] ? replyText([r.messages[0]]) : '';
  return r.intent === 'list' && r.results.length === 0 && /ไม่พบ|ไม่มี(?:โครงการ|กิจกรรม|มาตรการ)|not found|has no projects/iu.test(first);
}

const ZERO_WORDS = /ไม่ใช้งบ|ไม่มีงบ|ไม่ได้ใช้งบ|ไม่ได้รับงบ|\bno budget\b|\b0 baht\b/iu;

/** The unit of an expected figure, as replies write it: บาท/baht, ร้อยละ/%/percent; counts need none. */
function unitShown(unit: string | undefined, text: string, value: number): boolean {
  if (!unit || unit === 'count') return true;
  if (unit === 'baht') return /บาท|baht|งบ/iu.test(text) || value === 0;
  if (unit === 'percent') return /ร้อยละ|%|percent/iu.test(text);
  return titleKey(text).includes(titleKey(unit));
}

/** Whether a reply's first message speaks English (its lead and labels), for questions asked in English. */
export function speaksEnglish(text: string): boolean {
  return (text.match(/\b[A-Za-z][a-z]{1,}\b/g) ?? []).length >= 3;
}

/**
 * Numbers a reply gives as its answer: those of the first message, except inside the one clause where a reply
 * discloses that the document's rows add up to something other than its stated total ("(รวมรายการได้ Y บาท)",
 * "its rows add up to Y") — that clause says the figure is NOT the answer. Counted apart as `disclosed`.
 */
export function answeredNumbers(first: string): { answered: number[]; disclosed: number[] } {
  const clause = /\((?:รวมรายการได้|ในตารางมีรายการ|the document states this; its rows add up to|[^()]*are listed in its tables)[^()]*\)/gu;
  const disclosed = [...first.matchAll(clause)].flatMap((m) => numbersIn(m[0]));
  // (A number that names something — "มิติที่ 3", "ภารกิจ 2.1", a source's "บรรทัด 150" — is not a figure given.)
  const labels = /(?:มิติที่|มิติ|dimension|ภารกิจ(?:ที่)?|mission|บรรทัด|line)\s*[\d๐-๙]+(?:\.[\d๐-๙]+)?/giu;
  // (Nor a list's numbering: "1. โครงการ…" at the start of a line.)
  const numbering = /^\s*\d{1,2}\.\s/gmu;
  return { answered: numbersIn(first.replace(clause, ' ').replace(labels, ' ').replace(numbering, ' ')), disclosed };
}

export function judge(question: EvalQuestion, response: AskResponse): Verdict {
  const e = question.expect;
  const results = response.results;
  const first = response.messages[0] ? replyText([response.messages[0]]) : '';
  const firstKey = titleKey(first);
  const abstained = isAbstention(response);
  const { answered, disclosed } = answeredNumbers(first);
  const wrongFigures = (e.wrong ?? []).filter((w) => answered.includes(w));
  const disclosedWrong = (e.wrong ?? []).filter((w) => !answered.includes(w) && disclosed.includes(w));
  const englishOk = question.lang !== 'en' || speaksEnglish(first);
  const containsOk = (e.contains ?? []).every((c) => firstKey.includes(titleKey(c)));
  const namesOf = (r: ResultRef) => [r.title, ...(r.writtenAs ? [r.writtenAs] : []), ...(r.alsoCalled ? [r.alsoCalled] : [])].map(titleKey);
  const topLine = `top: ${results.slice(0, 3).map((r) => `${r.type}:${r.title.slice(0, 40)}`).join(' | ') || '(none)'}; first message: ${first.slice(0, 140).replace(/\n/g, ' / ')}`;
  const v = (content: boolean, top1: boolean, why: string): Verdict => ({
    content: content && containsOk && englishOk && wrongFigures.length === 0 && (e.type === 'abstain' || !abstained),
    top1,
    wrongFigures,
    disclosedWrong,
    abstained,
    why: `${why}${containsOk ? '' : ` (missing ${JSON.stringify(e.contains)})`}${englishOk ? '' : ' (not in English)'}${wrongFigures.length ? ` WRONG FIGURE ${wrongFigures.join(', ')}` : ''} (intent ${response.intent}); ${topLine}`,
  });
  switch (e.type) {
    case 'project': {
      const wanted = [e.title, ...(e.alts ?? [])].map(titleKey);
      const at = results.findIndex((r) => r.type === 'project' && namesOf(r).some((n) => wanted.some((w) => sameTitle(n, w))));
      // Names are long: the reply may clip them, so the first 24 letters of the name stand for it.
      const shown = at >= 0 ? [...wanted, ...namesOf(results[at] as ResultRef)] : wanted;
      const named = shown.some((w) => firstKey.includes(w) || (w.length > 24 && firstKey.includes(w.slice(0, 24))));
      return v(at === 0 && named, at === 0, `expected "${e.title}" ${at === -1 ? 'nowhere' : `at ${at + 1}`}${named ? '' : ', not named in the first message'}`);
    }
    case 'manual': {
      const at = results.findIndex((r) => r.type === 'manual' && r.id === e.id);
      return v(at === 0, at === 0, `expected manual ${e.id} ${at === -1 ? 'nowhere' : `at ${at + 1}`}`);
    }
    case 'list': {
      const titles = results.flatMap(namesOf);
      const missing = e.titles.filter((t) => !titles.some((n) => sameTitle(n, titleKey(t))));
      return v(missing.length === 0, missing.length === 0, `missing ${missing.length}/${e.titles.length}: ${missing.slice(0, 3).join(' | ')} (${results.length} results)`);
    }
    case 'number': {
      // "ไม่ใช้งบประมาณ" / "no budget" state a zero budget in words.
      const found = numbersIn(first).includes(e.value) || (e.value === 0 && ZERO_WORDS.test(first));
      const unitOk = unitShown(e.unit, first, e.value);
      return v(found && unitOk, found, `expected ${e.value}${e.unit ? ` ${e.unit}` : ''} in the first message${unitOk ? '' : ' (unit not shown)'}`);
    }
    case 'abstain': {
      return v(abstained, abstained, 'expected an abstention');
    }
    case 'action': {
      const ok = response.intent === e.action;
      return v(ok, ok, `expected the ${e.action} action`);
    }
  }
}
