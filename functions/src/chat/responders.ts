import type { Project } from '../plans/schema.ts';
import { projectsOfYear } from '../progress/projects.ts';
import { formatThaiDate } from '../time/bangkok.ts';
import type { CorpusManual } from '../search/corpus.ts';
import type { SearchHit } from '../search/index.ts';
import { normalizeText } from '../search/normalize.ts';
import { isStopword } from '../search/stopwords.ts';
import { segmentKeys } from '../search/tokenize.ts';
import type { AggregateIntent, Decision } from './decision.ts';
import { averageBudget, budgetTotal, dimensionRank, projectCount, ranked, reportFigure, source, type DimensionMeasure, type ReportMeasure } from './figures.ts';
import { withinRange } from './budgetRange.ts';
import { clip, formatBaht, formatNumber, tidy } from './format.ts';
import { amountSentences, ask, deadlines, flex, manualAltText, manualAspectText, manualBubble, manualSentences, quickReply, textMessage, type ListItem } from './replies.ts';
import { statusFigure, type StatusField } from './reportStatus.ts';
import { projectAnswer } from './projectAnswer.ts';
import { holds } from './topicItems.ts';
import { toRef, type Session } from './session.ts';
import type { AnswerOutput, FigureSource, ListFilters, LiveProgress, Message, ResultRef } from './types.ts';
import type { ManualAspect } from './aspects.ts';
import type { ProjectAspect } from './understand.ts';

/**
 * One responder per intent: each turns a decision (intent + slots) into the reply. Short first: one lead sentence
 * that answers, then at most one card or list; every figure with its source.
 */
export type Responder<D extends Decision = Decision> = (s: Session, d: D, input: ResponderInput) => AnswerOutput;

/** What a responder gets besides the decision: the project aspects asked, and the live progress fetched for it. */
export interface ResponderInput {
  project: ProjectAspect[];
  live?: LiveProgress | null;
  /** The question asks over every year of the plan ("ทั้ง 5 ปี", "ตลอดแผน"). */
  allYears?: boolean;
  /** The question's own text, slots and cues taken out (`topicText`): what it asks beyond the intent. */
  question?: string;
}

/** The decision shape that carries intent I (some shapes carry several intents). */
type Of<I extends Decision['intent'], D = Decision> = D extends { intent: infer J } ? (I extends J ? D : never) : never;

export const RESPONDERS: { [I in Decision['intent']]: Responder<Of<I>> } = {
  help: (s, d) => s.help('help', d.lead),
  greeting: (s, d) => s.help('greeting', d.lead === 'thanks' ? s.say('ยินดีค่ะ 😊 มีอะไรให้ช่วยอีก พิมพ์ถามได้เลยค่ะ', 'You are welcome! Ask me anything else.') : undefined),
  action: (s, d) => s.action(d.action, d.itemFirst === true),
  project: (s, d, a) => projectAnswer(s, d.project, d.hits, a.project, d.intent, d.year, d.fromList),
  'project.budget': (s, d, a) => projectAnswer(s, d.project, d.hits, a.project, d.intent, d.year, d.fromList, null, a.allYears === true),
  'project.progress': (s, d, a) => projectAnswer(s, d.project, d.hits, a.project, d.intent, d.year, d.fromList, a.live ?? null),
  manual: (s, d, a) => manualAnswer(s, d.manual, d.aspects, d.hits, a.question ?? ''),
  'manual.list': (s) => manualList(s),
  list: (s, d) => aggregate(s, d.intent, d.filters),
  count: (s, d) => aggregate(s, d.intent, d.filters),
  'budget.total': (s, d) => aggregate(s, d.intent, d.filters),
  'budget.top': (s, d) => aggregate(s, d.intent, d.filters),
  'budget.bottom': (s, d) => aggregate(s, d.intent, d.filters),
  'budget.average': (s, d) => aggregate(s, d.intent, d.filters),
  progress: (s, d) => progress(s, d.filters, d.measure),
  'progress.recorded': (s, d) => recordedProgress(s, d.year, d.records),
  'report.status': (s, d) => reportStatusAnswer(s, d.field),
  'dimension.rank': (s, d) => dimensionAnswer(s, d.measure, d.dir, d.year),
  unknown: (s, d) => s.abstain(d),
};

// ---------- manuals ----------

export function manualAnswer(s: Session, m: CorpusManual, aspects: ManualAspect[], hits: SearchHit[], question = ''): AnswerOutput {
  const results: ResultRef[] = hits.length ? hits.slice(0, 5).map(toRef) : [{ type: 'manual', id: m.id, title: m.title, score: 1 }];
  const primary = aspects.filter((a) => a !== 'steps' || aspects.length === 1);
  // What the question asks beyond the service itself ("ต้องไปแจ้งความก่อนมั้ย"): the manual's sentences that say it.
  const said = question ? sentencesAbout(m, question) : [];
  const aspectText = s.lang === 'en' ? englishManualLead(m, primary) : primary.slice(0, 2).map((a) => manualAspectText(m, a)).join('\n\n');
  const lead = said.length ? [s.say(`ตามคู่มือ${m.title}`, `The manual (${m.title}) says:`), ...said.map((x) => `• ${clip(x, 220)}`), ...(primary.length ? ['', aspectText] : [])].join('\n') : aspectText;
  const qr = quickReply([
    ask(s.say('เอกสารที่ต้องใช้', 'Documents'), 'ต้องใช้เอกสารอะไรบ้าง'),
    ask(s.say('ใช้เวลากี่วัน', 'How long?'), 'ใช้เวลากี่วัน'),
    ask(s.say('ค่าธรรมเนียม', 'Fee'), 'ค่าธรรมเนียมเท่าไร'),
    ask(s.say('ขั้นตอน', 'Steps'), 'มีขั้นตอนอย่างไร'),
    ask(s.say('ติดต่อที่ไหน', 'Where?'), 'ติดต่อที่ไหน'),
    ...s.alternatives(hits),
    ask(s.say('คู่มืออื่น ๆ', 'Other manuals'), 'มีคู่มือบริการอะไรบ้าง'),
  ]);
  const card = (s.lang === 'th' ? s.opts.manualCard?.(m, s.k.corpus.org) : null) ?? flex(lead || manualAltText(m), manualBubble(m, aspects, s.lang));
  const messages: Message[] = [...(lead ? [textMessage(lead)] : []), { ...card, quickReply: qr } as Message];
  return { intent: 'manual', results, messages, sources: [{ figure: m.title, kind: 'manual', manualId: m.id }], context: s.context({ intent: 'manual', topic: { type: 'manual', id: m.id } }) };
}

const segmented = new WeakMap<CorpusManual, Array<{ text: string; k: string[] }>>();

/** A manual's sentences with their word keys, segmented once per manual object. */
function segmentedSentences(m: CorpusManual): Array<{ text: string; k: string[] }> {
  let out = segmented.get(m);
  if (!out) {
    out = manualSentences(m).map((text) => ({ text, k: segmentKeys(normalizeText(text)) }));
    segmented.set(m, out);
  }
  return out;
}

/**
 * The manual's sentences that say what the question asks beyond the service itself ("บัตรหาย ต้องไปแจ้งความก่อนมั้ย" →
 * "บัตรหายหรือถูกทำลาย ไม่ต้องไปแจ้งความ …"), at most two, the best first. Evidence is the question's words whole (two
 * neighbouring ones, as "แจ้ง|ความ", count double; one short word alone is not enough), and only words the service's
 * name does not say and few of its sentences carry.
 */
function sentencesAbout(m: CorpusManual, question: string): string[] {
  const named = segmentKeys(normalizeText([m.title, ...m.aliases].join(' ')));
  // (Words matched whole: with tone marks dropped "ล้วง" is spelt as "ล่วง" of "ล่วงหน้า", one word there.)
  const sentences = segmentedSentences(m);
  const segs = segmentKeys(normalizeText(question));
  const single = segs.filter((w) => w.length >= 3 && !isStopword(w));
  const pairs = segs.slice(1).map((w, i) => `${segs[i]}${w}`).filter((w, i) => !(isStopword(segs[i] as string) && isStopword(segs[i + 1] as string)));
  const rare = (w: string) => !holds(named, w) && sentences.filter((x) => holds(x.k, w)).length <= 2;
  const own = [...new Set(single)].filter(rare).map((w) => ({ w, weight: 1 })).concat([...new Set(pairs)].filter(rare).map((w) => ({ w, weight: 2 })));
  if (own.length === 0) return [];
  return sentences
    .map((x) => ({ ...x, n: own.filter((o) => holds(x.k, o.w)).reduce((a, o) => a + o.weight, 0) }))
    .filter((x) => x.n >= 2)
    .sort((a, b) => b.n - a.n)
    // (A second sentence only as strong as the first.)
    .filter((x, _, all) => x.n === all[0]?.n)
    .slice(0, 2)
    .map((x) => x.text);
}

function englishManualLead(m: CorpusManual, aspects: ManualAspect[]): string {
  const first = aspects[0];
  if (first === 'amount') {
    const amounts = amountSentences(m);
    return amounts.length ? `What the manual states for ${m.title}:\n${amounts.map((x) => `• ${clip(x, 200)}`).join('\n')}` : `The manual (${m.title}) states no amount.`;
  }
  if (first === 'documents') return `These are the documents you need for ${m.title}:\n${m.documents.map((d, i) => `${i + 1}. ${d}`).join('\n') || 'none beyond the form'}`;
  // (With the manual's deadlines, as the Thai: "แจ้งภายใน 24 ชั่วโมง".)
  if (first === 'time') return [`It takes ${m.totalTime || 'the time set out in the manual'} to get this done (${m.title}).`, ...deadlines(m)].join('\n');
  if (first === 'fee') return `The fee for this service (${m.title}) is: ${m.fees.join(' / ') || 'no fee'}`;
  if (first === 'where') return `You can apply for this service (${m.title}) at ${m.where || m.unit}${m.hours ? ` (${m.hours})` : ''}.`;
  return [`The service you need is ${m.title}${m.totalTime ? `; it takes ${m.totalTime}` : ''}. The steps are:\n${m.steps.map((x, i) => `${i + 1}. ${x.text}`).join('\n')}`, ...deadlines(m)].join('\n');
}

function manualList(s: Session): AnswerOutput {
  const manuals = [...s.k.manuals.values()];
  if (manuals.length === 0) return s.help('help', s.say('ขณะนี้ยังไม่มีคู่มือบริการในระบบค่ะ', 'There are no service manuals yet.'));
  const items: ListItem[] = manuals.map((m) => ({ type: 'manual', id: m.id, title: m.title, line: m.totalTime ? s.say(`ใช้เวลา ${m.totalTime}`, `takes ${m.totalTime}`) : '' }));
  const lead = s.say(`คู่มือบริการประชาชนของ${s.orgName} มี ${manuals.length} เรื่อง เลือกดูได้เลยค่ะ`, `${s.orgName} has ${manuals.length} service manuals:`);
  return s.listAnswer('manual.list', items, lead, {}, manuals.map((m) => ({ type: 'manual', id: m.id, title: m.title, score: 1 })));
}

// ---------- figures over the plan ----------

function aggregate(s: Session, intent: AggregateIntent, f: ListFilters): AnswerOutput {
  const fd = s.figureDoc();
  if (!fd || s.k.projects.size === 0) {
    return s.help('help', s.say(`ขณะนี้${s.orgName}ยังไม่ได้นำแผนปฏิบัติการเข้าสู่ระบบค่ะ สอบถามเรื่องบริการประชาชนได้เลย`, `${s.orgName} has not published its action plan here yet; ask about services instead.`));
  }
  const report = fd.doc.kind === 'report' ? fd.doc.report : null;
  const whole = f.unit === undefined && f.mission === undefined && f.missions === undefined;
  if (report && intent === 'budget.total' && whole) return progress(s, f, 'budgetPlanned');
  const projects = s.filtered(f);
  const what = s.describe(f);
  const refs = (list: Project[], score = (_p: Project) => 1) => list.map((p) => ({ type: 'project' as const, id: p.id, title: p.name, score: score(p) }));
  if (projects.length === 0) {
    return {
      intent,
      results: [],
      messages: [textMessage(f.exclude?.length ? s.say(`ไม่พบโครงการอื่น ใน${what}ค่ะ`, `The plan of ${s.orgName} has no other projects in ${what}.`) : s.say(`ไม่พบโครงการ${what ? ` ${what}` : ''} ในแผนของ${s.orgName}ค่ะ`, `The plan of ${s.orgName} has no projects${what ? ` ${what}` : ''}.`), s.helpQuickReply())],
      context: s.context({ intent, filters: f }),
    };
  }
  const items = projects.map((p) => s.listItem(p, f));
  if (intent === 'count') {
    const fig = projectCount(fd, projects, f, what, s.orgName);
    return s.listAnswer('count', items, fig.text, f, refs(projects), fig.sources);
  }
  if (intent === 'budget.total') {
    const fig = budgetTotal(fd, projects, f, what, f.allYears === true);
    const funded = projects.filter((p) => Object.values(p.budgets).some((v) => v > 0));
    return s.listAnswer('budget.total', funded.map((p) => s.listItem(p, f)), fig.text, f, refs(funded), fig.sources, fig.detail);
  }
  if (intent === 'budget.average') {
    const fig = averageBudget(fd, projects, f, what);
    return s.listAnswer('budget.average', [], fig.text, f, refs(projects), fig.sources);
  }
  if (intent === 'budget.top' || intent === 'budget.bottom') {
    const rows = ranked(projects, f, intent === 'budget.top' ? 'top' : 'bottom');
    // Ranked by budget, "ที่ได้รับงบประมาณ" goes without saying.
    const rankedWhat = s.describe({ ...f, withBudget: false });
    const top = rows.slice(0, 5);
    const perYear = f.year === undefined && fd.doc.fiscalYears.length > 1;
    const amount = (n: number) => `${perYear ? s.say('ปีละ ', '') : ''}${s.lang === 'en' ? `${formatNumber(n)} baht` : formatBaht(n)}${perYear ? s.say('', ' a year') : ''}`;
    const first = top[0];
    const ties = first ? top.filter((x) => x.amount === first.amount).length : 0;
    const head = !first
      ? s.say(`ไม่มีโครงการที่ใช้งบประมาณ${rankedWhat ? ` ${rankedWhat}` : ''}`, `No project${rankedWhat ? ` ${rankedWhat}` : ''} has a budget.`)
      : intent === 'budget.top'
        ? s.say(`โครงการที่ได้งบประมาณสูงสุด${rankedWhat ? ` ${rankedWhat}` : ''} คือ ${tidy(first.p.name)} ${amount(first.amount)}${ties > 1 ? ` (เท่ากัน ${ties} โครงการ)` : ''}`, `The largest budget${rankedWhat ? ` ${rankedWhat}` : ''}: ${tidy(first.p.name)}, ${amount(first.amount)}${ties > 1 ? ` (${ties} projects tie)` : ''}`)
        : s.say(`โครงการที่ได้งบประมาณน้อยที่สุด${rankedWhat ? ` ${rankedWhat}` : ''} (ไม่นับที่ไม่ใช้งบ) คือ ${tidy(first.p.name)} ${amount(first.amount)}${ties > 1 ? ` (เท่ากัน ${ties} โครงการ)` : ''}`, `The smallest budget${rankedWhat ? ` ${rankedWhat}` : ''} (among funded projects): ${tidy(first.p.name)}, ${amount(first.amount)}${ties > 1 ? ` (${ties} projects tie)` : ''}`);
    const sources = fd ? top.map((x) => source(fd, amount(x.amount), x.p.line)) : [];
    return s.listAnswer(intent, top.map((x) => ({ ...s.listItem(x.p, f), line: amount(x.amount) })), head, f, top.map((x) => ({ type: 'project' as const, id: x.p.id, title: x.p.name, score: x.amount })), sources);
  }
  const lead = s.say(`${what ? `${what} ` : `แผนของ${s.orgName} `}มี ${projects.length} โครงการ/กิจกรรม`, `${what ? `${what[0]?.toUpperCase()}${what.slice(1)}: ` : ''}${projects.length} projects/activities`);
  if (f.budgetRange) return thresholdList(s, fd, projects, items, lead, f, refs(projects));
  return s.listAnswer('list', items, lead, f, refs(projects));
}

/**
 * A list by a budget threshold: each item with the stored figure that is within it (the year asked, else the years
 * of the plan that are) and its line; items without a budget are never within a threshold, and the lead says so.
 */
function thresholdList(s: Session, fd: NonNullable<ReturnType<Session['figureDoc']>>, projects: Project[], items: ListItem[], lead: string, f: ListFilters, results: ResultRef[]): AnswerOutput {
  const range = f.budgetRange as NonNullable<ListFilters['budgetRange']>;
  const amount = (n: number) => (s.lang === 'en' ? `${formatNumber(n)} baht` : formatBaht(n));
  const sources = projects.map((p) => {
    const years = Object.entries(p.budgets).filter(([y, v]) => (f.year === undefined || y === String(f.year)) && withinRange(v, range));
    const figure = years.map(([y, v]) => `${s.say('ปี', 'FY')} ${y}: ${amount(v)}`).join(', ');
    return source(fd, figure, p.line ?? p.detail?.line);
  });
  const years = fd.doc.fiscalYears;
  const note = s.say(
    `(ตามงบประมาณในตารางของแผน${f.year === undefined && years.length > 1 ? ` ปีใดปีหนึ่งใน ${years[0]}-${years[years.length - 1]}` : ''} ไม่นับรายการที่ไม่ใช้งบประมาณ)`,
    `(budgets as the plan's table states them${f.year === undefined && years.length > 1 ? `, in any year of ${years[0]}-${years[years.length - 1]}` : ''}; items without a budget are not counted)`,
  );
  // A figure the document gives once for a row of several items is the row's, not the first item's alone.
  const shared = [...new Map(projects.filter((p) => p.budgetShared).map((p) => [p.budgetShared?.line, p.budgetShared])).values()];
  const sharedNotes = shared.map((b) => s.say(`หมายเหตุ: ${b?.note ?? ''}`, `Note: line ${b?.line ?? ''} gives one budget for ${b?.projectIds.length ?? ''} items together; it is shown on the first of them.`));
  return s.listAnswer('list', items, [`${lead} ${note}`, ...sharedNotes].join('\n'), f, results, sources);
}

/** Report figures: from the report's per-dimension table, the measure asked for (or all of them). */
function progress(s: Session, f: ListFilters, measure: ReportMeasure | null): AnswerOutput {
  const fd = s.figureDoc();
  const report = s.doc?.report;
  // A report figure the stored document does not hold: a plain no, never a neighbouring figure.
  if (!fd || !report || (f.dimension !== undefined ? !report.dimensions.some((r) => r.dimension === f.dimension) : !report.total && report.dimensions.length === 0)) {
    return s.abstain({ intent: 'unknown', hits: [], reason: 'no-field', confidence: 0.9 });
  }
  const projects = s.filtered({ ...(f.dimension !== undefined ? { dimension: f.dimension } : {}) });
  const results: ResultRef[] = [
    { type: 'report', id: f.dimension !== undefined ? `dimension-${f.dimension}` : 'total', title: f.dimension !== undefined ? `มิติที่ ${f.dimension}` : 'ทั้งหมด', score: 1 },
    ...projects.map((p) => ({ type: 'project' as const, id: p.id, title: p.name, score: 1 })),
  ];
  const ctx = s.context({ intent: 'progress', filters: f, ...(measure ? { measure } : {}) });
  if (measure) {
    const fig = reportFigure(fd, report, f.dimension, measure);
    if (!fig) return s.abstain({ intent: 'unknown', hits: [], reason: 'no-field', confidence: 0.9 });
    const from = s.sourceLine(fig.sources);
    return { intent: 'progress', results, messages: [textMessage(`${fig.text}${from ? `\n${from}` : ''}`, s.helpQuickReply())], sources: fig.sources, context: ctx };
  }
  const rows = f.dimension !== undefined ? report.dimensions.filter((r) => r.dimension === f.dimension) : report.dimensions;
  const lines = rows.map((r) => s.say(`มิติที่ ${r.dimension ?? '-'}: ดำเนินการแล้ว ${r.projectsDone}/${r.projectsPlanned} โครงการ ใช้จ่าย ${formatBaht(r.budgetSpent)}`, `Dimension ${r.dimension ?? '-'}: ${r.projectsDone}/${r.projectsPlanned} projects done, ${formatNumber(r.budgetSpent)} baht spent`));
  const total = f.dimension === undefined ? report.total : null;
  const sources: FigureSource[] = rows.map((r) => source(fd, `${r.projectsDone}/${r.projectsPlanned}`, r.line));
  if (total) sources.unshift(source(fd, `${total.projectsDone}/${total.projectsPlanned}`, total.line));
  const lead = total
    ? s.say(`ผลการดำเนินงาน ${tidy(report.period)}: ดำเนินการแล้ว ${total.projectsDone} จาก ${total.projectsPlanned} โครงการ (ร้อยละ ${formatNumber(total.percentProjects)}) ใช้จ่ายงบประมาณ ${formatBaht(total.budgetSpent)}`, `Progress (${tidy(report.period)}): ${total.projectsDone} of ${total.projectsPlanned} projects done (${formatNumber(total.percentProjects)}%), ${formatNumber(total.budgetSpent)} baht spent`)
    : s.say(`ผลการดำเนินงาน ${tidy(report.period)}`, `Progress (${tidy(report.period)})`);
  const from = s.sourceLine(sources);
  return { intent: 'progress', results, messages: [textMessage(`${lead}\n${lines.join('\n')}${from ? `\n${from}` : ''}`, s.helpQuickReply())], sources, context: ctx };
}

/** A figure of the report's status table, with its line; a plain no when the stored table lacks it. */
function reportStatusAnswer(s: Session, field: StatusField): AnswerOutput {
  const fd = s.figureDoc();
  const report = s.doc?.report;
  const fig = fd && report?.status ? statusFigure(fd, report.status, field, tidy(report.period)) : null;
  if (!fig) return s.abstain({ intent: 'unknown', hits: [], reason: 'no-field', confidence: 0.9 });
  const from = s.sourceLine(fig.sources);
  return { intent: 'progress', results: [{ type: 'report', id: 'status', title: 'สถานะโครงการ/กิจกรรม/มาตรการ', score: 1 }], messages: [textMessage(`${fig.text}${from ? `\n${from}` : ''}`, s.helpQuickReply())], sources: fig.sources, context: s.context({ intent: 'progress' }) };
}

function dimensionAnswer(s: Session, measure: DimensionMeasure, dir: 'top' | 'bottom', year?: number): AnswerOutput {
  const fd = s.figureDoc();
  const fig = fd ? dimensionRank(fd, [...s.k.projects.values()], measure, dir, year) : null;
  if (!fig) return s.help('help', s.say('ขณะนี้ยังไม่มีแผนในระบบค่ะ', 'No plan has been published here yet.'));
  const from = s.sourceLine(fig.sources);
  return {
    intent: 'dimension.rank',
    results: [],
    messages: [textMessage(`${fig.text}${from ? `\n${from}` : ''}`, s.listQuickReply({}))],
    sources: fig.sources,
    context: s.context({ intent: 'dimension.rank' }),
  };
}

// ---------- progress staff recorded (plan-wide) ----------

/**
 * How far the plan got in a fiscal year, from the progress staff recorded: done of the year's planned projects,
 * in progress, cancelled, the sum spent, with the date of the newest record. Projects without a record are counted
 * as not recorded, never as done.
 */
function recordedProgress(s: Session, year: number, records: LiveProgress[]): AnswerOutput {
  const doc = s.doc;
  const planned = doc ? projectsOfYear(doc, [...s.k.projects.values()], year).length : 0;
  const count = (st: LiveProgress['status']) => records.filter((r) => r.status === st).length;
  const spent = Math.round(records.reduce((a, r) => a + r.spentBaht, 0) * 100) / 100;
  const asOf = records.map((r) => r.asOf).sort().at(-1) as string;
  const [done, going, cancelled] = [count('done'), count('in_progress'), count('cancelled')];
  const notRecorded = Math.max(0, planned - records.length);
  const lead = s.say(
    `ผลการดำเนินงานตามแผน ปีงบประมาณ ${year} ตามที่เจ้าหน้าที่บันทึก: ดำเนินการแล้วเสร็จ ${done} จาก ${planned} โครงการ` +
      ` อยู่ระหว่างดำเนินการ ${going} ยกเลิก/เลื่อน ${cancelled}${notRecorded ? ` ยังไม่มีการบันทึก ${notRecorded} โครงการ` : ''}` +
      ` ใช้งบประมาณไปแล้วรวม ${formatBaht(spent)} (ข้อมูล ณ วันที่ ${formatThaiDate(asOf)})\nที่มา: ผลการดำเนินงานที่เจ้าหน้าที่บันทึก`,
    `Plan progress in fiscal year ${year}, as recorded by staff: ${done} of ${planned} projects done, ${going} in progress, ${cancelled} cancelled or postponed${notRecorded ? `, ${notRecorded} not recorded` : ''}; ${formatNumber(spent)} baht spent (data as of ${asOf}).\nSource: progress recorded by staff`,
  );
  const sources: FigureSource[] = [
    { figure: s.lang === 'en' ? `${formatNumber(spent)} baht` : formatBaht(spent), kind: 'progress', fiscalYear: year, asOf, derived: `sum of ${records.length} recorded projects` },
    { figure: `${done}`, kind: 'progress', fiscalYear: year, asOf, derived: 'count of projects recorded as done' },
  ];
  const results: ResultRef[] = records.map((r) => ({ type: 'project', id: r.projectId, title: r.projectName, score: 1 }));
  return { intent: 'progress', results, messages: [textMessage(lead, s.helpQuickReply())], sources, context: s.context({ intent: 'progress', year }) };
}
