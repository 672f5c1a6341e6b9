import { detailBudgetConflict, sharedBudgetOf } from '../plans/budgetConflict.ts';
import type { Project } from '../plans/schema.ts';
import { missionTitle } from '../search/corpus.ts';
import type { SearchHit } from '../search/index.ts';
import { normalizeText } from '../search/normalize.ts';
import { source } from './figures.ts';
import { clip, formatBaht, formatNumber, tidy } from './format.ts';
import { ask, budgetLines, flex, projectAltText, projectBubble, quickReply, textMessage, unitOf } from './replies.ts';
import { sharedBudgetLead } from './sharedBudget.ts';
import { toRef, type Session } from './session.ts';
import type { AnswerOutput, FigureSource, Intent, LiveProgress, Message, ResultRef } from './types.ts';
import type { ProjectAspect } from './understand.ts';

/**
 * The answer about one item of the plan: its card, and a lead sentence that answers what was asked of it (its
 * budget, of a year or every year; who, when, which years, why, indicators, scope; its progress).
 */
export function projectAnswer(s: Session, p: Project, hits: SearchHit[], aspects: ProjectAspect[], intent: Intent, year?: number, fromList = false, live: LiveProgress | null = null, allYears = false): AnswerOutput {
  // Nothing recorded about a plan's project: an abstention on the figure asked (no card, no spent figure), said plainly;
  // with a year, the year's planned figure, said as planned.
  if (intent === 'project.progress' && !live && !p.activity) return noProgressRecorded(s, p, year);
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
  if (a.has('years')) return yearsLead(s, p);
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
/** The fiscal years the plan places an item in: those with a budget (each with its figure), then those without. */
function yearsLead(s: Session, p: Project): { lead: string; sources: FigureSource[] } {
  const name = tidy(p.name);
  const entries = Object.entries(p.budgets).sort(([a], [b]) => Number(a) - Number(b));
  if (entries.length === 0) return { lead: s.say(`${name} ไม่ได้ระบุปีงบประมาณไว้ในแผนค่ะ`, `The plan gives no fiscal year for ${name}.`), sources: [] };
  // (A row whose figures are several items' together: the years only, no figure of this item's own.)
  const shared = s.doc ? sharedBudgetOf(p, s.doc.projects) !== null : false;
  const funded = shared ? [] : entries.filter(([, v]) => v > 0);
  const without = entries.filter(([, v]) => v === 0).map(([y]) => y);
  const all = entries.map(([y]) => y).join(', ');
  if (funded.length === 0) {
    const tail = shared ? '' : s.say(' (ไม่ใช้งบประมาณ)', ' (no budget)');
    return { lead: s.say(`${name} อยู่ในแผนปี ${all}${tail}`, `${name} is in the plan for fiscal years ${all}${tail}.`), sources: [] };
  }
  const fd = s.figureDoc();
  // (The same figure every year of an unbroken span: said once, "ปี 2566-2570 ปีละ 50,000 บาท".)
  const [first, last] = [funded[0] as [string, number], funded[funded.length - 1] as [string, number]];
  const even = funded.length > 1 && funded.every(([y, v], i) => v === first[1] && Number(y) === Number(first[0]) + i);
  const th = even ? `ปี ${first[0]}-${last[0]} ปีละ ${formatBaht(first[1])}` : funded.map(([y, v]) => `ปี ${y} (${formatBaht(v)})`).join(', ');
  const en = even ? `${first[0]}-${last[0]}, ${formatNumber(first[1])} baht a year` : funded.map(([y, v]) => `${y} (${formatNumber(v)} baht)`).join(', ');
  const rest = without.length ? s.say(` ส่วนปี ${without.join(', ')} ไม่ใช้งบประมาณ`, `; no budget in ${without.join(', ')}`) : '';
  return {
    lead: s.say(`${name} มีงบประมาณ${th}${rest}`, `${name} has a budget in fiscal years ${en}${rest}.`),
    sources: fd ? (even ? [first] : funded).map(([, v]) => source(fd, formatBaht(v), p.line ?? p.detail?.line)) : [],
  };
}

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
function noProgressRecorded(s: Session, p: Project, year?: number): AnswerOutput {
  const name = tidy(p.name);
  // The year's planned figure, said as planned (what the plan states; not what was spent), with its line.
  const planned = year !== undefined && s.doc && !sharedBudgetOf(p, s.doc.projects) ? p.budgets[String(year)] : undefined;
  const fd = s.figureDoc();
  const plannedText = planned === undefined ? '' : planned === 0 ? s.say(` (แผนระบุว่าปี ${year} ไม่ใช้งบประมาณ)`, ` (the plan sets no budget for ${year})`) : s.say(` (แผนตั้งงบประมาณปี ${year} ไว้ ${formatBaht(planned)} ซึ่งเป็นงบตามแผน ไม่ใช่เงินที่ใช้จริง)`, ` (the plan sets ${formatNumber(planned)} baht for ${year}: planned, not spent)`);
  const text = s.say(
    `ขออภัยค่ะ ${name} ยังไม่มีการบันทึกผลการดำเนินงานในระบบ แผนปฏิบัติการบอกเฉพาะสิ่งที่วางแผนไว้ (งบประมาณที่ตั้งไว้) ไม่ได้บอกผลหรือเงินที่ใช้ไปจริง${plannedText}`,
    `Sorry, no progress has been recorded for ${name} yet: the action plan says what is planned (the budget set), not what was done or spent${plannedText}.`,
  );
  const sources = planned !== undefined && planned > 0 && fd ? [source(fd, formatBaht(planned), p.line ?? p.detail?.line)] : [];
  const qr = quickReply([
    ask(s.say('งบตามแผน', 'Planned budget'), s.say('งบประมาณเท่าไร', 'How much is the budget?')),
    ask(s.say('ใครรับผิดชอบ', 'Who is responsible?'), s.say('ใครรับผิดชอบ', 'Who is responsible?')),
    ...(s.helpQuickReply().items ?? []),
  ]);
  return { intent: 'unknown', results: [], messages: [textMessage(text, qr)], sources, context: s.context({ intent: 'project.progress', topic: { type: 'project', id: p.id } }), confidence: 0.9 };
}

const ENGLISH_STATUS: Record<LiveProgress['status'], string> = { not_started: 'not started', in_progress: 'in progress', done: 'done', cancelled: 'cancelled or postponed' };
