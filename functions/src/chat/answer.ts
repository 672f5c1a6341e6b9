import { NotFoundError } from '../errors.ts';
import type { Knowledge, KnowledgeBase } from '../search/knowledgeBase.ts';
import { hasNoWords } from '../search/normalize.ts';
import { decide } from './decide.ts';
import type { Decision } from './decision.ts';
import { fiscalYearOf } from '../time/fiscalYear.ts';
import { tidy } from './format.ts';
import { detectLang, ENGLISH_FUNCTION_WORDS, englishToThai, nearestEnglishWord, withOrganisationName, type Lang } from './lang.ts';
import { projectAnswer } from './projectAnswer.ts';
import { manualAnswer, RESPONDERS, type Responder } from './responders.ts';
import { Session, type AnswerOptions } from './session.ts';
import { CONTEXT_TTL_MS, type AnswerOutput, type ConversationContext, type LiveProgress, type ResultRef } from './types.ts';
import { orgNameVariants, understand, type Understanding } from './understand.ts';

export type { AnswerOptions } from './session.ts';

/**
 * The answering engine: read the question (`understand`: slots and cues; `decide`: intent, slots, confidence), then
 * the responder of that intent builds the reply (`RESPONDERS`, one per intent). Pure apart from `kb.get`.
 */

/**
 * Answers one question of one organisation. Throws NotFoundError when the organisation does not exist. The I/O
 * lives here: the knowledge, then — only when the decision is about a project's progress — the progress staff
 * recorded (`options.progressFor`); the steps between are pure.
 */
export async function answer(kb: KnowledgeBase, orgId: string, text: string, context: ConversationContext | null, options: AnswerOptions = {}): Promise<AnswerOutput> {
  const knowledge = await kb.get(orgId);
  if (!knowledge) throw new NotFoundError(`organisation ${orgId}`, 'ไม่พบหน่วยงานนี้');
  const step = decideWith(knowledge, text, context, options);
  if ('out' in step) return step.out;
  const d = step.d;
  if (d.intent === 'unknown' && d.reason === 'no-report' && options.progressOfYear) {
    // "ทำเสร็จไปกี่โครงการแล้ว" of a plan: the progress staff recorded for the year, when there is any.
    const year = d.year ?? fiscalYearOf(options.now ?? new Date());
    const records = await options.progressOfYear(orgId, year);
    if (records.length > 0) return respondWith(knowledge, { ...step, d: { intent: 'progress.recorded', year, records, confidence: 0.9 } }, {});
  }
  const live = d.intent === 'project.progress' && options.progressFor ? await options.progressFor(orgId, d.project.id) : null;
  return respondWith(knowledge, step, { live });
}

/** A postback from a button of an earlier answer ("ดูรายละเอียด", "ดูเพิ่ม"). */
export async function answerPostback(kb: KnowledgeBase, orgId: string, params: URLSearchParams, context: ConversationContext | null, options: AnswerOptions = {}): Promise<AnswerOutput> {
  const knowledge = await kb.get(orgId);
  if (!knowledge) throw new NotFoundError(`organisation ${orgId}`, 'ไม่พบหน่วยงานนี้');
  const now = options.now ?? new Date();
  const ctx = fresh(context, now);
  const s = new Session(knowledge, ctx, options, now, ctx?.lang ?? 'th');
  const more = params.get('more');
  const id = params.get('id');
  const t = params.get('t');
  if (more !== null && ctx?.list) return s.more(Number(more) || 0);
  if (id && t === 'project') {
    const p = knowledge.projects.get(id);
    if (p) return projectAnswer(s, p, [], [], 'project');
  }
  if (id && t === 'manual') {
    const m = knowledge.manuals.get(id);
    if (m) return manualAnswer(s, m, [], []);
  }
  return s.help('help');
}

function fresh(context: ConversationContext | null, now: Date): ConversationContext | null {
  if (!context) return null;
  const at = Date.parse(context.at);
  return Number.isFinite(at) && now.getTime() - at < CONTEXT_TTL_MS ? context : null;
}

/** Reads a question against an organisation's knowledge: the language, the slots and cues. */
export function read(knowledge: Knowledge, question: string, now: Date, onTopic = false): { lang: Lang; u: Understanding } {
  const lang = detectLang(question);
  const input = lang === 'en' ? withOrganisationName(question, knowledge.corpus.org.id, knowledge.corpus.org.name) : question;
  // English words left after the glossary count only when the organisation's documents use them ("NO Gift Policy").
  // Capitalised words inside a sentence are names ("Premier League", "Chiang Mai"): kept, so a name the documents
  // never use counts against confidence.
  const names = new Set(lang === 'en' ? (input.match(/(?<=\S\s+)[A-Z][a-z]+/g) ?? []) : []);
  let dropped = 0;
  const keep = (w: string) => {
    if (names.has(w) || knowledge.index.df(w.toLowerCase()) > 0) return true;
    if (!ENGLISH_FUNCTION_WORDS.has(w.toLowerCase()) && w.length > 2 && !nearestEnglishWord(w)) dropped++;
    return false;
  };
  // An English word neither the glossary nor the documents know may be a typo of a glossary or lexicon word.
  const text = lang === 'en' ? englishToThai(input).replace(/[A-Za-z][A-Za-z-]*/g, (w) => (keep(w) ? w : (nearestEnglishWord(w) ?? ' '))) : input;
  const doc = knowledge.corpus.document;
  const read = understand(text, { units: knowledge.units, orgNames: orgNameVariants(knowledge.corpus.org.name), fiscalYears: doc?.fiscalYears ?? [], now });
  // English content words the glossary and the documents do not know ("drugs", "noodle"), and nothing else left to
  // search: the question is about something the documents do not cover — not a question about nothing.
  // (Not an aspect of the item the conversation is on: "When does it run?" asks about that item.)
  const aspect = onTopic && (read.projectAspects.length > 0 || read.manualAspects.length > 0 || read.sameScope !== null);
  const aboutNothing = !aspect && dropped > 0 && read.topicWords.length === 0 && read.dimension === null && read.mission === null && read.unit === null && read.years.length === 0 && read.action === null;
  const u = lang === 'en' ? { ...read, english: { unknownWords: dropped } } : read;
  return { lang, u: aboutNothing ? { ...u, outside: true, mentionsPlan: false } : u };
}

/** What the engine reads from outside the organisation's documents, fetched for the decision at hand. */
export interface LiveInputs {
  /** The newest recorded progress of the decision's project (null: none recorded). */
  live?: LiveProgress | null;
}

type Decided = { out: AnswerOutput } | { s: Session; d: Decision; u: Understanding };

/** Pure: read the question and decide (or answer at once when there is nothing to read). */
function decideWith(knowledge: Knowledge, input: string, context: ConversationContext | null, options: AnswerOptions): Decided {
  const now = options.now ?? new Date();
  const ctx = fresh(context, now);
  if (hasNoWords(input)) {
    const s = new Session(knowledge, ctx, options, now, ctx?.lang ?? 'th');
    return { out: s.help('help', 'ได้รับข้อความแล้วค่ะ 😊 พิมพ์คำถามเป็นข้อความได้เลย เช่น ชื่อโครงการ งบประมาณ หรือบริการที่ต้องการติดต่อ') };
  }
  const { lang, u } = read(knowledge, input, now, ctx?.topic !== undefined);
  const s = new Session(knowledge, ctx, options, now, lang);
  return { s, d: decide(knowledge, u, ctx), u };
}

/** Pure: the responder of the decided intent builds the reply. */
function respondWith(knowledge: Knowledge, step: { s: Session; d: Decision; u: Understanding }, inputs: LiveInputs): AnswerOutput {
  const { s, d, u } = step;
  const respond = RESPONDERS[d.intent] as Responder<Decision>;
  const out = respond(s, d, { project: u.projectAspects, live: inputs.live ?? null, allYears: u.wants.allYears, question: u.topicText });
  return { ...out, confidence: out.confidence ?? d.confidence, results: out.results.map((r) => withWrittenName(knowledge, r)) };
}

/** The pure part: knowledge (and any live inputs) in, answer out. */
export function answerWith(knowledge: Knowledge, input: string, context: ConversationContext | null, options: AnswerOptions = {}, inputs: LiveInputs = {}): AnswerOutput {
  const step = decideWith(knowledge, input, context, options);
  return 'out' in step ? step.out : respondWith(knowledge, step, inputs);
}

/** Residents read the repaired name; whoever checks against the document can still find the name it wrote. */
function withWrittenName(knowledge: Knowledge, ref: ResultRef): ResultRef {
  if (ref.type !== 'project') return ref;
  const p = knowledge.projects.get(ref.id);
  const written = p?.nameAsWritten;
  // The detail section may name the item differently from the summary table ("เวทีประชาชน" / "เวทีประชาคม").
  const detail = p?.detail?.name ? tidy(p.detail.name) : '';
  const key = (t: string) => t.replace(/\s+/g, '');
  return {
    ...ref,
    ...(written && written !== ref.title ? { writtenAs: written } : {}),
    ...(detail && key(detail) !== key(ref.title) && key(detail) !== key(written ?? '') ? { alsoCalled: detail } : {}),
  };
}
