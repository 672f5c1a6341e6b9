import { detailBudgetConflict, sharedBudgetOf } from '../plans/budgetConflict.ts';
import type { Project } from '../plans/schema.ts';
import { projectsOfYear } from '../progress/projects.ts';
import { formatThaiDate } from '../time/bangkok.ts';
import { missionTitle, type CorpusManual } from '../search/corpus.ts';
import type { SearchHit } from '../search/index.ts';
import { normalizeText } from '../search/normalize.ts';
import type { AggregateIntent, Decision } from './decision.ts';
import { averageBudget, budgetTotal, dimensionRank, projectCount, ranked, reportFigure, source, type DimensionMeasure, type ReportMeasure } from './figures.ts';
import { withinRange } from './budgetRange.ts';
import { clip, formatBaht, formatNumber, tidy } from './format.ts';
import { ask, budgetLines, flex, manualAltText, manualAspectText, manualBubble, projectAltText, projectBubble, quickReply, textMessage, unitOf, type ListItem } from './replies.ts';
import { statusFigure, type StatusField } from './reportStatus.ts';
import { sharedBudgetLead } from './sharedBudget.ts';
import { toRef, type Session } from './session.ts';
import type { AnswerOutput, FigureSource, Intent, ListFilters, LiveProgress, Message, ResultRef } from './types.ts';
import type { ManualAspect, ProjectAspect } from './understand.ts';

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
  manual: (s, d) => manualAnswer(s, d.manual, d.aspects, d.hits),
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

// ---------- projects ----------

export function projectAnswer(s: Session, p: Project, hits: SearchHit[], aspects: ProjectAspect[], intent: Intent, year?: number, fromList = false, live: LiveProgress | null = null, allYears = false): AnswerOutput {
  // Nothing recorded about a plan's project: an abstention on the figure (no card, no figure), said plainly.
  if (intent === 'project.progress' && !live && !p.activity) return noProgressRecorded(s, p);
  const results: ResultRef[] = hits.length ? hits.slice(0, 5).map(toRef) : [{ type: 'project', id: p.id, title: p.name, score: 1 }];
  const { lead, sources } = intent === 'project.progress' ? progressLead(s, p, live) : projectLead(s, p, aspects, intent, year, allYears);
  const fd = s.figureDoc();
  const from = s.sourceLine(sources.length ? sources : fd && p.line ? [source(fd, tidy(p.name), p.line)] : []);
  const qr = quickReply([
    ...(intent !== 'project.budget' ? [ask(s.say('งบประมาณ', 'Budget'), s.say('งบประมาณเท่าไร', 'How much is the budget?'))] : []),
    ask(s.say('ใครรับผิดชอบ', 'Who is responsible?'), s.say('ใครรับผิดชอบ', 'Who is responsible?')),
    ...(p.activity ? [ask(s.say('ผลการดำเนินงาน', 'Progress'), 'ผลการดำเนินงานเป็นอย่างไร')] : [ask(s.say('วัตถุประสงค์', 'Objectives'), s.say('มีวัตถุประสงค์อะไร', 'What are the objectives?'))]),
    ask(s.say(`โครงการในมิติที่ ${p.dimension}`, `Dimension ${p.dimension}`), `มิติที่ ${p.dimension} มีโครงการอะไรบ้าง`),
    ...s.alternatives(hits),
    ask(s.say('เมนูหลัก', 'Menu'), 'ช่วยอะไรได้บ้าง'),
  ]);
  const card = projectBubble(p, s.doc, { highlight: aspects, year, lang: s.lang, source: from });
  // The lead answers; the card holds the details one glance away (its alt text is the lead, not a repeat of the card).
  const messages: Message[] = lead ? [textMessage(lead), flex(lead, card, qr)] : [flex(projectAltText(p, s.doc, year), card, qr)];
  return {
    intent,
    results,
    messages,
    sources,
    // An item opened from a list keeps the list, so "แล้วอันที่ 3 ล่ะ" still finds it.
    context: s.context({ intent, topic: { type: 'project', id: p.id }, ...(year !== undefined ? { year } : {}), ...(fromList && s.ctx?.list ? { list: s.ctx.list } : {}) }),
  };
}

function projectLead(s: Session, p: Project, aspects: ProjectAspect[], intent: Intent, year?: number, allYears = false): { lead: string; sources: FigureSource[] } {
  const name = tidy(p.name);
  const fd = s.figureDoc();
  const src = (figure: string): FigureSource[] => (fd ? [source(fd, figure, p.line ?? p.detail?.line)] : []);
  const baht = (n: number) => (s.lang === 'en' ? (n === 0 ? 'no budget' : `${formatNumber(n)} baht`) : formatBaht(n));
  if (intent === 'project.budget') {
    const shared = s.doc ? sharedBudgetOf(p, s.doc.projects) : null;
    if (shared) return sharedBudgetLead(s, p, shared, year);
    if (year !== undefined) {
      const v = p.budgets[String(year)];
      if (v !== undefined) {
        const lead = v === 0 ? s.say(`${name} ปี ${year} ไม่ใช้งบประมาณค่ะ`, `${name}: no budget in fiscal year ${year}.`) : s.say(`${name} ปี ${year} ได้งบประมาณ ${formatBaht(v)} ค่ะ`, `${name}: ${baht(v)} in fiscal year ${year}.`);
        return withDetailNote(s, p, { lead, sources: src(baht(v)) });
      }
      const years = s.doc?.fiscalYears ?? [];
      const span = years.length ? `${years[0]}${years.length > 1 ? `-${years[years.length - 1]}` : ''}` : '';
      return { lead: s.say(`${name} ไม่มีงบประมาณของปี ${year} ในแผน${span ? ` (แผนนี้ครอบคลุมปี ${span})` : ''}`, `${name} has no budget for fiscal year ${year} in the plan${span ? ` (the plan covers ${span})` : ''}.`), sources: [] };
    }
    const lines = budgetLines(p);
    if (lines.length === 0) return { lead: s.say(`${name} ไม่ได้ระบุงบประมาณในแผนค่ะ`, `The plan states no budget for ${name}.`), sources: [] };
    const values = Object.values(p.budgets);
    const perYear = lines.map(([k, v]) => `${k}: ${v}`).join(', ');
    const en = Object.entries(p.budgets).map(([y, v]) => `FY ${y}: ${baht(v)}`).join(', ');
    if (allYears && values.length > 1) return withDetailNote(s, p, wholePlanBudget(s, p));
    return withDetailNote(s, p, { lead: s.say(`งบประมาณ${name} ${perYear}`, `Budget of ${name}: ${en}`), sources: src(perYear) });
  }
  const a = new Set(aspects);
  if (a.has('who')) {
    const unit = unitOf(p);
    return { lead: unit ? s.say(`${name} มีผู้รับผิดชอบคือ ${unit}`, `${name} is the responsibility of ${unit}.`) : s.say(`${name} ไม่ได้ระบุผู้รับผิดชอบไว้ในแผนค่ะ`, `The plan names no responsible unit for ${name}.`), sources: [] };
  }
  if (a.has('when')) {
    const when = tidy(p.detail?.period) || (p.yearPlan?.quarters.length ? s.say(`ไตรมาสที่ ${p.yearPlan.quarters.join(', ')} ของปีงบประมาณ`, `quarter ${p.yearPlan.quarters.join(', ')} of the fiscal year`) : '');
    const years = Object.keys(p.budgets);
    return { lead: when ? s.say(`${name} ดำเนินการ ${when}`, `${name}: ${when}`) : years.length ? s.say(`${name} อยู่ในแผนปี ${years.join(', ')}`, `${name} is in the plan for fiscal years ${years.join(', ')}.`) : '', sources: [] };
  }
  if (a.has('kpi')) {
    const kpis = [...(p.detail?.kpis ?? []), ...(p.yearPlan?.kpi ? [p.yearPlan.kpi] : [])].map(tidy).filter(Boolean);
    if (kpis.length) return { lead: `${s.say('ตัวชี้วัดของ', 'Indicators of ')}${name}\n${kpis.slice(0, 5).map((x) => `• ${clip(x, 300)}`).join('\n')}`, sources: [] };
  }
  if (a.has('scope')) {
    const dim = s.doc?.dimensions.find((d) => d.number === p.dimension);
    const mission = p.mission ? tidy(missionTitle(s.doc, p.mission)) : '';
    return { lead: s.say(`${name} อยู่ในมิติที่ ${p.dimension}${dim?.title ? ` ${clip(tidy(dim.title), 100)}` : ''}${p.mission ? ` ภารกิจ ${p.mission}${mission ? ` ${clip(mission, 100)}` : ''}` : ''}`, `${name} is in dimension ${p.dimension}${p.mission ? `, mission ${p.mission}` : ''} of the plan.`), sources: [] };
  }
  if (a.has('why')) {
    const obj = (p.detail?.objectives ?? []).map(tidy).filter(Boolean);
    if (obj.length) return { lead: `${s.say('วัตถุประสงค์ของ', 'Objectives of ')}${name}\n${obj.slice(0, 5).map((x) => `• ${clip(x, 300)}`).join('\n')}`, sources: [] };
  }
  // English: always one lead sentence, since the card's texts are the document's Thai.
  if (s.lang === 'en') return { lead: `${name} is ${p.activity ? 'a reported item' : 'an item'} of dimension ${p.dimension} of the ${s.doc?.kind === 'report' ? 'report' : 'plan'}.`, sources: [] };
  return { lead: '', sources: [] };
}

/**
 * A budget answer from the summary row, and, when the item's detail section states a budget the row does not give
 * (plans/budgetConflict.ts), that statement too, quoted with its line: the document says both, so the reply does.
 * A detail figure equal to the row's sum over the years is the whole-plan total, not a contradiction.
 */
function withDetailNote(s: Session, p: Project, a: { lead: string; sources: FigureSource[] }): { lead: string; sources: FigureSource[] } {
  const amount = p.detail?.budgetAmount;
  const sum = Object.values(p.budgets).reduce((x, v) => x + v, 0);
  const fd = s.figureDoc();
  if (!detailBudgetConflict(p) || amount === null || amount === undefined || amount === sum || !fd) return a;
  const said = clip(tidy(p.detail?.budgetText) || formatBaht(amount), 120);
  // The budget's own line where the importer recorded it (its review flag), else the detail section's first line.
  const line = p.review?.find((f) => f.field.startsWith('budgets'))?.line ?? p.detail?.line;
  const note = s.say(
    `หมายเหตุ: รายละเอียดโครงการในเอกสาร${line ? ` (บรรทัด ${line})` : ''} ระบุงบประมาณว่า "${said}" ไม่ตรงกับตารางสรุปข้างต้น`,
    `Note: the project's detail section${line ? ` (line ${line})` : ''} states its budget as "${said}", which differs from the summary table above.`,
  );
  return { lead: `${a.lead}\n${note}`, sources: [...a.sources, source(fd, s.lang === 'en' ? `${formatNumber(amount)} baht` : formatBaht(amount), line)] };
}

/**
 * A project's budget over every year of the plan ("ทั้ง 5 ปี"): the total its detail section states ("รวม 5 ปี เป็น
 * เงิน 150,000 บาท"), else the sum of its yearly figures, said to be one. The figures per year stay on the card.
 */
function wholePlanBudget(s: Session, p: Project): { lead: string; sources: FigureSource[] } {
  const name = tidy(p.name);
  const fd = s.figureDoc();
  const entries = Object.entries(p.budgets);
  const sum = entries.reduce((a, [, v]) => a + v, 0);
  const span = `${entries[0]?.[0]}-${entries[entries.length - 1]?.[0]}`;
  const amount = (n: number) => (s.lang === 'en' ? (n === 0 ? 'no budget' : `${formatNumber(n)} baht`) : formatBaht(n));
  const text = normalizeText(p.detail?.budgetText ?? '').replace(/\s+/g, ' ');
  const m = /รวม\s*(?:ทั้งสิ้น\s*)?(?:\d+|ห้า|สาม)\s*ปี\s*(?:เป็นเงิน|จำนวน|=)?\s*([\d,]+)\s*บาท/u.exec(text);
  const statedAll = m ? Number((m[1] as string).replace(/,/g, '')) : null;
  if (statedAll !== null && fd) {
    const note = statedAll !== sum ? s.say(` (งบรายปีในตารางรวมได้ ${formatBaht(sum)})`, ` (its yearly figures add up to ${amount(sum)})`) : '';
    return {
      lead: s.say(`${name} ตลอดแผน ${entries.length} ปี (ปี ${span}) ตามเอกสารระบุ ${formatBaht(statedAll)}${note}`, `${name}: ${amount(statedAll)} over the ${entries.length} years of the plan (${span}), as the document states${note}.`),
      sources: [source(fd, amount(statedAll), p.detail?.line)],
    };
  }
  return {
    lead: s.say(`${name} ตลอดแผน ${entries.length} ปี (ปี ${span}) รวม ${formatBaht(sum)} (รวมจากงบรายปีที่แผนระบุ ${entries.length} ปี)`, `${name}: ${amount(sum)} over the ${entries.length} years of the plan (${span}), the sum of its yearly budgets in the plan.`),
    sources: fd ? [source(fd, amount(sum), p.line ?? p.detail?.line, `sum of ${entries.length} yearly budgets`)] : [],
  };
}

/**
 * How far a project got: the progress staff recorded (with its date and source), else the report's results of an
 * activity, else a plain "nothing recorded" (a plan says what is planned, not what was done).
 */
function progressLead(s: Session, p: Project, live: LiveProgress | null): { lead: string; sources: FigureSource[] } {
  const name = tidy(p.name);
  if (live) {
    const results = live.status === 'done' && live.results ? `\nผลการดำเนินการ: ${clip(live.results, 300)}` : '';
    const from = s.say('ที่มา: ผลการดำเนินงานที่เจ้าหน้าที่บันทึก', 'Source: progress recorded by staff');
    const lead = s.lang === 'en'
      ? `Latest progress of ${name}: fiscal year ${live.fiscalYear}, ${ENGLISH_STATUS[live.status]}${live.status === 'not_started' ? '' : `, ${formatNumber(live.spentBaht)} baht spent${live.budgetBaht ? ` of the planned ${formatNumber(live.budgetBaht)} baht` : ''}`} (data as of ${live.asOf}).\n${from}`
      : `ความคืบหน้าล่าสุดของ${name}\n${live.text}${results}\n${from}`;
    const fd = s.figureDoc();
    const spent: FigureSource = { figure: s.lang === 'en' ? `${formatNumber(live.spentBaht)} baht` : formatBaht(live.spentBaht), kind: 'progress', projectId: live.projectId, fiscalYear: live.fiscalYear, asOf: live.asOf };
    const planned = live.budgetBaht && fd ? [source(fd, formatBaht(live.budgetBaht), p.line ?? p.detail?.line)] : [];
    return { lead, sources: live.status === 'not_started' ? [] : [spent, ...planned] };
  }
  if (p.activity) {
    const r = p.activity.results.map(tidy).filter(Boolean);
    return { lead: r.length ? `${s.say('ผลการดำเนินงาน', 'Progress of ')}${name}\n${r.slice(0, 5).map((x) => `• ${clip(x, 300)}`).join('\n')}` : s.say(`${name} ยังไม่มีรายงานผลค่ะ`, `No result reported yet for ${name}.`), sources: [] };
  }
  return { lead: '', sources: [] };
}

/**
 * A plan's project without recorded progress: the engine does not know how far it got, so it abstains (intent
 * `unknown`, no card, no figure) and says so about that project; the project stays the topic for "งบเท่าไร".
 */
function noProgressRecorded(s: Session, p: Project): AnswerOutput {
  const name = tidy(p.name);
  const text = s.say(
    `ขออภัยค่ะ ${name} ยังไม่มีการบันทึกผลการดำเนินงานในระบบ แผนปฏิบัติการบอกเฉพาะสิ่งที่วางแผนไว้ (งบประมาณที่ตั้งไว้) ไม่ได้บอกผลหรือเงินที่ใช้ไปจริง`,
    `Sorry, no progress has been recorded for ${name} yet: the action plan says what is planned (the budget set), not what was done or spent.`,
  );
  const qr = quickReply([
    ask(s.say('งบตามแผน', 'Planned budget'), s.say('งบประมาณเท่าไร', 'How much is the budget?')),
    ask(s.say('ใครรับผิดชอบ', 'Who is responsible?'), s.say('ใครรับผิดชอบ', 'Who is responsible?')),
    ...(s.helpQuickReply().items ?? []),
  ]);
  return { intent: 'unknown', results: [], messages: [textMessage(text, qr)], sources: [], context: s.context({ intent: 'project.progress', topic: { type: 'project', id: p.id } }), confidence: 0.9 };
}

const ENGLISH_STATUS: Record<LiveProgress['status'], string> = { not_started: 'not started', in_progress: 'in progress', done: 'done', cancelled: 'cancelled or postponed' };

// ---------- manuals ----------

export function manualAnswer(s: Session, m: CorpusManual, aspects: ManualAspect[], hits: SearchHit[]): AnswerOutput {
  const results: ResultRef[] = hits.length ? hits.slice(0, 5).map(toRef) : [{ type: 'manual', id: m.id, title: m.title, score: 1 }];
  const primary = aspects.filter((a) => a !== 'steps' || aspects.length === 1);
  const lead = s.lang === 'en' ? englishManualLead(m, primary) : primary.slice(0, 2).map((a) => manualAspectText(m, a)).join('\n\n');
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

function englishManualLead(m: CorpusManual, aspects: ManualAspect[]): string {
  const first = aspects[0];
  if (first === 'documents') return `These are the documents you need for ${m.title}:\n${m.documents.map((d, i) => `${i + 1}. ${d}`).join('\n') || 'none beyond the form'}`;
  if (first === 'time') return `It takes ${m.totalTime || 'the time set out in the manual'} to get this done (${m.title}).`;
  if (first === 'fee') return `The fee for this service (${m.title}) is: ${m.fees.join(' / ') || 'no fee'}`;
  if (first === 'where') return `You can apply for this service (${m.title}) at ${m.where || m.unit}${m.hours ? ` (${m.hours})` : ''}.`;
  return `The service you need is ${m.title}${m.totalTime ? `; it takes ${m.totalTime}` : ''}. The steps are:\n${m.steps.map((x, i) => `${i + 1}. ${x.text}`).join('\n')}`;
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
