import type { Project } from '../plans/schema.ts';
import type { CorpusManual } from '../search/corpus.ts';
import type { SearchHit } from '../search/index.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import { situationsNamed } from '../search/situations.ts';
import { synonymsOf } from '../search/synonyms.ts';
import type { DimensionMeasure, ReportMeasure } from './figures.ts';
import type { ConversationContext, Intent, ListFilters, LiveProgress } from './types.ts';
import { asksAboutItem, stronglyNamedItem } from './namedItem.ts';
import { statusFieldOf, type StatusField } from './reportStatus.ts';
import { breakNearTie, preferWholeNames } from './ranking.ts';
import { missionsAbout, subjectKeys, withDocument } from './scope.ts';
import { asksProgressBeyond, isFrameWord, type Action, type ManualAspect, type Understanding } from './understand.ts';

/**
 * The pure step between reading a question and answering it: question (read into slots by `understand`) + the
 * conversation context + the organisation's knowledge → one intent with its slots and a confidence. The answer is
 * then built by the responder of that intent (responders.ts), one per intent.
 */

export type AggregateIntent = 'list' | 'count' | 'budget.total' | 'budget.top' | 'budget.bottom' | 'budget.average';

export type Decision = { confidence: number } & (
  | { intent: 'help' | 'greeting'; lead?: string }
  | { intent: 'action'; action: Action }
  | { intent: 'project' | 'project.budget' | 'project.progress'; project: Project; year?: number | undefined; hits: SearchHit[]; fromList?: boolean }
  | { intent: 'manual'; manual: CorpusManual; aspects: ManualAspect[]; hits: SearchHit[] }
  | { intent: AggregateIntent; filters: ListFilters }
  | { intent: 'progress'; filters: ListFilters; measure: ReportMeasure | null }
  | { intent: 'progress.recorded'; year: number; records: LiveProgress[] }
  | { intent: 'report.status'; field: StatusField }
  | { intent: 'manual.list' }
  | { intent: 'dimension.rank'; measure: DimensionMeasure; dir: 'top' | 'bottom'; year?: number | undefined }
  | { intent: 'unknown'; hits: SearchHit[]; reason: 'off-topic' | 'unsure' | 'no-plan' | 'year' | 'no-report' | 'no-field' | 'choices' | 'not-in-plan'; year?: number; manual?: CorpusManual }
);

/** Below this the engine abstains rather than shows its best guess. */
export const CONFIDENCE_THRESHOLD = 0.55;
/** For a list of items about a topic ("โครงการเกี่ยวกับ…มีอะไรบ้าง"). */
export const LIST_CONFIDENCE_THRESHOLD = 0.4;

const AGGREGATES: ReadonlySet<Intent> = new Set(['list', 'count', 'budget.total', 'budget.top', 'budget.bottom', 'budget.average']);

/** The report measure of a "which dimension" question ("ทำเสร็จเยอะที่สุด" is done, not planned). */
function measure0(u: Understanding): ReportMeasure | null {
  if (u.wants.done || /ทำ(?:ได้|เสร็จ)|ดำเนินการ(?:ได้|แล้ว)/u.test(u.compact)) return u.wants.percent ? (u.wants.budget ? 'percentBudget' : 'percent') : 'done';
  return reportMeasure(u);
}

/** The report measure a question asks for, when it asks for one. */
export function reportMeasure(u: Understanding): ReportMeasure | null {
  const w = u.wants;
  if (w.notDone) return 'notDone';
  if (w.spent) return w.percent ? 'percentBudget' : 'spent';
  if (w.ordinance) return 'ordinance';
  if (w.percent) return w.budget ? 'percentBudget' : 'percent';
  if (w.done || (w.progress && w.count)) return 'done';
  if (w.planned && (w.budget || w.money)) return 'budgetPlanned';
  if (w.planned && w.count) return 'planned';
  return null;
}

export function decide(k: Knowledge, read: Understanding, ctx: ConversationContext | null): Decision {
  const d = unsureInEnglish(k, read, decideIntent(k, read, ctx));
  // A project's budget for a year its document does not cover: a plain no, not a card of other years.
  const years = k.corpus.document?.fiscalYears ?? [];
  if (d.intent === 'project.budget' && d.year !== undefined && years.length > 0 && !years.includes(d.year)) {
    return { intent: 'unknown', hits: [], reason: 'year', year: d.year, confidence: 0.9 };
  }
  return d;
}

function decideIntent(k: Knowledge, read: Understanding, ctx: ConversationContext | null): Decision {
  const doc = k.corpus.document;
  const documented = withDocument(k, read);
  // An item of the plan named strongly and asked about ("ช่องทางแจ้งเบาะแสแบบไม่ระบุตัวตน ใครรับผิดชอบ") is the plan's
  // item, not the feature its name's words call (namedItem.ts); a plain request stays the action.
  const aboutItem = documented.action !== null && asksAboutItem(documented) && stronglyNamedItem(k, documented) !== null;
  const u = aboutItem ? { ...documented, action: null } : documented;
  // "จะร้องเรียน ต้องมีหลักฐานอะไรบ้าง" asks about the procedure: its manual, not the form.
  const procedure = k.manuals.get('complaint-process');
  if (u.action && (u.action === 'complaint' || u.action === 'corruption') && procedure && u.manualAspects.some((a) => a !== 'fee')) {
    return { intent: 'manual', manual: procedure, aspects: u.manualAspects, hits: [], confidence: 0.9 };
  }
  if (u.action) return { intent: 'action', action: u.action, confidence: 1 };
  const chatty = (u.greeting || u.thanks || u.help) && u.topicWords.length === 0 && !u.wants.list && !u.wants.count;
  if (chatty) return { intent: u.help ? 'help' : 'greeting', ...(u.thanks ? { lead: 'thanks' } : {}), confidence: 1 };
  // An opinion, a prediction, the weather, another place's hours: no document answers it, whatever words it shares.
  if (u.outside && !u.mentionsPlan) return { intent: 'unknown', hits: [], reason: 'off-topic', confidence: 0.9 };

  // "อันที่ 2 งบเท่าไร": an item of the last list (asked about, or with the last question's aspect); else the
  // document's own item number.
  if (u.ordinal !== null) {
    const list = ctx?.list ?? [];
    const item = u.ordinal === -1 ? list[list.length - 1] : list[u.ordinal - 1];
    const p = item?.type === 'project' ? k.projects.get(item.id) : undefined;
    if (p) {
      const budget = u.wants.budget || u.wants.money || (u.followUp && ctx?.intent === 'project.budget' && u.projectAspects.length === 0);
      const year = u.years[0] ?? ctx?.year;
      return { intent: budget ? 'project.budget' : 'project', project: p, year, hits: [], fromList: true, confidence: 1 };
    }
    if (item?.type === 'manual' && k.manuals.get(item.id)) return { intent: 'manual', manual: k.manuals.get(item.id) as CorpusManual, aspects: u.manualAspects, hits: [], confidence: 1 };
    const byNumber = [...k.projects.values()].find((p) => p.number === String(u.ordinal));
    if (byNumber && !ctx?.list) return { intent: 'project', project: byNumber, hits: [], confidence: 0.8 };
  }

  const hasFilter = u.dimension !== null || u.mission !== null || u.unit !== null || u.years.length > 0;
  const slotsOnly = u.topicWords.length === 0;
  const measure = reportMeasure(u);
  const isReport = doc?.kind === 'report';

  // "มีโครงการอื่นในมิติเดียวกันอีกไหม" after an item: the other items of its dimension (or mission).
  const onProject = ctx?.topic?.type === 'project' ? k.projects.get(ctx.topic.id) : undefined;
  if (onProject && u.sameScope && u.subjectWords.length === 0 && u.dimension === null && u.mission === null) {
    const scope: ListFilters = u.sameScope === 'mission' && onProject.mission ? { mission: onProject.mission } : { dimension: onProject.dimension };
    if (u.years[0] !== undefined) scope.year = u.years[0];
    return { intent: 'list', filters: { ...scope, exclude: [onProject.id] }, confidence: 0.9 };
  }
  // An aspect asked with fillers and politeness ("ใครเป็นผู้รับผิดชอบคะ", "ทำช่วงไหนของปี", "หน่วยไหนดูแล") names no
  // subject of its own: it asks about the item the conversation is on.
  const aspectOnly = u.subjectWords.length === 0 && (u.projectAspects.length > 0 || u.manualAspects.length > 0 || u.wants.budget || u.wants.money);
  // Follow-ups: the subject comes from the previous answer, the new slots from this question.
  if (ctx && (slotsOnly || aspectOnly) && !u.budgetRange && !u.wants.count && !u.wants.top && !u.wants.bottom && !u.wants.average) {
    const t = ctx.topic;
    const aggregate = u.dimension !== null || u.mission !== null || u.unit !== null || (u.wants.list && u.mentionsPlan) || (u.wants.total && u.wants.budget);
    if (t?.type === 'project' && !aggregate) {
      const p = k.projects.get(t.id);
      if (p) {
        const year = u.years[0] ?? (u.followUp ? undefined : ctx.year);
        // A year is what a plan says per project only through its budget: "แล้วปี 2568 ล่ะ" asks that year's figure.
        const budgetAsked = u.wants.budget || u.wants.money || (u.years.length > 0 && u.projectAspects.length === 0) || (u.wants.allYears && ctx.intent === 'project.budget');
        return { intent: asksProgress(u, p, isReport) ? 'project.progress' : budgetAsked ? 'project.budget' : 'project', project: p, year, hits: [], confidence: 0.9 };
      }
    }
    if (t?.type === 'manual' && !aggregate && (u.manualAspects.length > 0 || u.followUp)) {
      const m = k.manuals.get(t.id);
      if (m) return { intent: 'manual', manual: m, aspects: u.manualAspects, hits: [], confidence: 0.9 };
    }
    // A whole question of its own ("การสร้างวัฒนธรรมสุจริต มีโครงการอะไรบ้าง" after a total) is not a follow-up: it is
    // read afresh. One that only adds a slot ("มิติ 2", "แล้วมิติ 2 ล่ะ") keeps the last question's kind and scope.
    const ownQuestion = !u.followUp && (u.wants.list || u.wants.budget || u.wants.money || u.wants.total || u.wants.progress);
    if (ctx.filters && (u.followUp || hasFilter) && !ownQuestion) {
      const merged: ListFilters = { ...ctx.filters };
      if (u.dimension !== null) merged.dimension = u.dimension;
      if (u.mission !== null) {
        merged.mission = u.mission;
        delete merged.missions;
      }
      if (u.unit !== null) merged.unit = u.unit;
      if (u.years[0] !== undefined) merged.year = u.years[0];
      // "แล้วทั้ง 5 ปีล่ะ": the same scope over every year of the plan.
      if (u.wants.allYears && u.years.length === 0) {
        merged.allYears = true;
        delete merged.year;
      }
      if (u.wants.whole) {
        delete merged.dimension;
        delete merged.mission;
        delete merged.missions;
        delete merged.unit;
      }
      if (AGGREGATES.has(ctx.intent)) return { intent: ctx.intent as AggregateIntent, filters: merged, confidence: 0.9 };
      if (ctx.intent === 'progress') return { intent: 'progress', filters: merged, measure: measure ?? ctx.measure ?? null, confidence: 0.9 };
    }
  }

  // A figure asked right after a list or a figure ("มีกี่อัน", "ทำไปแล้วกี่อัน") keeps its scope, unless it asks
  // for the whole plan ("แล้วทั้งแผนล่ะ").
  const inherit = ctx?.filters && slotsOnly && !hasFilter && (AGGREGATES.has(ctx.intent) || ctx.intent === 'progress');
  const filters: ListFilters = inherit && !u.wants.whole ? { ...ctx.filters, allYears: undefined } as ListFilters : {};
  delete filters.allYears;
  delete filters.perYear;
  if (u.dimension !== null) filters.dimension = u.dimension;
  if (u.mission !== null) filters.mission = u.mission;
  if (u.unit !== null) filters.unit = u.unit;
  if (u.years[0] !== undefined) filters.year = u.years[0];
  if (u.wants.withBudget) filters.withBudget = true;
  if (u.wants.noBudget) filters.noBudget = true;
  if (u.wants.allYears) filters.allYears = true;
  if (u.wants.perYear) filters.perYear = true;

  const planWide = slotsOnly || hasFilter;
  if (inherit && ctx?.intent === 'progress' && ctx.measure && measure === 'percent' && ['spent', 'budgetPlanned', 'ordinance', 'percentBudget'].includes(ctx.measure)) {
    return { intent: 'progress', filters, measure: 'percentBudget', confidence: 0.85 };
  }
  if (inherit && u.wants.whole && !u.wants.count && !u.wants.budget && !u.wants.money && !measure && AGGREGATES.has(ctx.intent)) {
    return { intent: ctx.intent as AggregateIntent, filters, confidence: 0.85 };
  }
  // Another organisation: "อบต.อื่น", or a name after a kind word that this organisation's documents never use.
  if (u.otherPlace || (u.otherWord && k.index.df(u.otherWord) === 0)) return { intent: 'unknown', hits: [], reason: 'off-topic', confidence: 0.9 };
  // Progress or spending asked of a plan (not a report): the document has no such figures.
  // A named project of the plan: its progress as staff recorded it (or a plain "nothing recorded").
  if (!isReport && doc && (u.wants.progress || u.wants.spent || u.wants.notDone || u.wants.done) && (planWide || u.mentionsPlan) && !u.wants.list) {
    if (!slotsOnly && !u.wants.count) {
      const found = lookup(k, u, filters);
      if (found.intent === 'project' || found.intent === 'project.budget' || found.intent === 'project.progress') {
        // The cue may be a word of the item's own name ("…รายงานผลการใช้จ่ายเงิน…"): then it asks about the item.
        if (!asksProgressBeyond(u.compact, found.project.name)) return found;
        return { ...found, intent: 'project.progress' };
      }
    }
    // Plan-wide: answered from the progress staff recorded when there is any (answer.ts), else a plain no.
    return { intent: 'unknown', hits: [], reason: 'no-report', ...(u.years[0] !== undefined ? { year: u.years[0] } : {}), confidence: 0.9 };
  }
  // A year the document does not cover: say so rather than answer with another year's figures.
  const outside = doc && u.years.length > 0 && u.years.every((y) => !doc.fiscalYears.includes(y));
  if (outside && planWide && (u.wants.list || u.wants.count || u.wants.budget || u.wants.money || u.wants.total || u.mentionsPlan)) {
    return { intent: 'unknown', hits: [], reason: 'year', year: u.years[0] as number, confidence: 0.9 };
  }
  // "โครงการที่ใช้งบตั้งแต่ 20,000 บาทขึ้นไป": the items whose stored budget is within the threshold (of the year asked,
  // else of some year of the plan), each with its figure and line.
  // (A report states no budget per item: a threshold over its items is a figure it does not hold.)
  // (A threshold of a plan's budget: said with งบ, a plan word or a list; a manual's fee — "ค่าธรรมเนียมไม่เกิน 100 บาท" —
  // is not one.)
  const planThreshold = u.budgetRange !== null && u.subjectWords.length === 0 && (u.wants.budget || u.mentionsPlan || u.wants.list) && !/ค่าธรรมเนียม|ค่าปรับ|เสียค่า|เสียเงิน|ภาษี/u.test(u.compact);
  if (planThreshold && isReport) return { intent: 'unknown', hits: [], reason: 'no-field', confidence: 0.9 };
  if (planThreshold && u.budgetRange && k.projects.size > 0) {
    delete filters.withBudget;
    delete filters.noBudget;
    delete filters.allYears;
    delete filters.perYear;
    return { intent: 'list', filters: { ...filters, budgetRange: u.budgetRange }, confidence: 0.9 };
  }
  if (u.wants.whichDimension && (u.wants.top || u.wants.bottom) && k.projects.size > 0) {
    const measure: DimensionMeasure = isReport ? (measure0(u) ?? (u.wants.budget ? 'budgetPlanned' : 'planned')) : u.wants.budget || u.wants.money && !u.wants.count ? 'budget' : 'projects';
    if (measure === 'notDone') return { intent: 'unknown', hits: [], reason: 'no-field', confidence: 0.9 };
    return { intent: 'dimension.rank', measure, dir: u.wants.bottom ? 'bottom' : 'top', year: u.years[0], confidence: 0.85 };
  }
  const money = u.wants.budget || u.wants.money;
  // A report figure the stored report does not hold (its status table: in progress, cancelled, initial projects):
  // say so rather than answer with a neighbouring figure.
  // "Not done" is a status too: the report states planned and done, and what became of the rest (in progress, not
  // possible, cancelled) only in its status table — planned minus done is not a figure it states.
  if (isReport && (u.wants.status || measure === 'notDone') && (planWide || u.wants.count || u.wants.percent) && !u.wants.list) {
    // From the report's status table (whole report only) when it has that column; else a plain no.
    const field = u.dimension === null ? statusFieldOf(u.compact, u.wants.percent) : null;
    if (field && doc?.report?.status?.[field] != null) return { intent: 'report.status', field, confidence: 0.9 };
    return { intent: 'unknown', hits: [], reason: 'no-field', confidence: 0.9 };
  }
  if (isReport && planWide && measure && !u.unit && !u.mission) return { intent: 'progress', filters, measure, confidence: 0.9 };
  if (u.wants.count && planWide) {
    if (isReport && (u.wants.done || u.wants.progress)) return { intent: 'progress', filters, measure: 'done', confidence: 0.9 };
    return { intent: 'count', filters, confidence: 0.9 };
  }
  if (u.wants.average && money && planWide) return { intent: 'budget.average', filters, confidence: 0.9 };
  // The smallest budget is the smallest one spent (a zero is no budget): "no budget" cannot be its filter.
  if (u.wants.bottom && money) {
    delete filters.noBudget;
    return { intent: 'budget.bottom', filters, confidence: 0.85 };
  }
  if (u.wants.top && money) return { intent: 'budget.top', filters, confidence: 0.85 };
  if (money && slotsOnly && (hasFilter || u.wants.total || u.wants.planned || u.wants.allYears)) {
    // A total is the same with or without the items that have no budget ("ได้งบรวมเท่าไร"); asking it so must not
    // turn the document's stated total into a sum of rows.
    delete filters.withBudget;
    return { intent: 'budget.total', filters, confidence: 0.9 };
  }
  if (isReport && u.wants.progress && slotsOnly) return { intent: 'progress', filters, measure: null, confidence: 0.9 };
  if (/คู่มือ|บริการอะไรบ้าง/u.test(u.compact) && (u.wants.list || slotsOnly) && !u.mentionsPlan) return { intent: 'manual.list', confidence: 0.9 };
  if (hasFilter && (u.wants.list || (slotsOnly && (u.unit !== null || u.dimension !== null || u.mission !== null)))) return { intent: 'list', filters, confidence: 0.9 };
  // "อะไรที่ทุกสำนัก/กองรับผิดชอบร่วมกัน": what a unit is responsible for is the list of its projects.
  if (u.unit !== null && u.unitInFull && u.projectAspects.includes('who') && u.topicWords.length <= 1) return { intent: 'list', filters, confidence: 0.8 };
  if (slotsOnly && u.wants.list && u.mentionsPlan) return { intent: 'list', filters, confidence: 0.85 };
  // "โครงการเกี่ยวกับเด็กและเยาวชนมีอะไรบ้าง": a list of what one to three of the plan's missions are about.
  if (u.wants.list && u.mentionsPlan && u.mission === null && u.projectAspects.length === 0) {
    const missions = missionsAbout(k, subjectKeys(u.topicText), filters);
    if (missions.length === 1) return { intent: 'list', filters: { ...filters, mission: missions[0] as string }, confidence: 0.8 };
    if (missions.length > 1) return { intent: 'list', filters: { ...filters, missions }, confidence: 0.75 };
  }
  const found = lookup(k, u, filters);
  // "มีโครงการแจ้งเกิดในแผนนี้ไหม": what answers is a service manual, not an item of the plan — the plan has no such
  // item, said plainly, and the manual offered (not given as if it answered).
  // (Only when no item of the plan carries the question's words in its name: "มีโครงการร้องเรียนในแผนไหม" has them.)
  // Nor is a question whose words an item's name carries ("มีโครงการเว็บไซต์ในแผนไหม") an abstention when search
  // ranked that item low: the name is the evidence.
  const doubtful = found.intent === 'unknown' && found.reason !== 'off-topic' && !u.outside && !u.otherPlace;
  if (((u.asksPlanHas && found.intent === 'manual') || ((u.asksPlanHas || u.mentionsPlan) && doubtful)) && k.projects.size > 0) {
    const carrying = u.subjectWords.every((w) => w.length >= 3) ? itemsNaming(k, u.subjectWords) : [];
    const text = u.topicText.replace(/โครงการ|กิจกรรม|มาตรการ|(?:ใน)?แผน(?:นี้)?|เกี่ยวกับ|เรื่อง|มีอะไรบ้าง|อะไรบ้าง|บ้าง|อะไร|ไหม|มั้ย|มั๊ย|หรือไม่|หรือเปล่า|มี|ครับ|คะ|ค่ะ|คับ|จ้า|งบ(?:ประมาณ)?|เท่าไห?ร่?|กี่บาท|ใช้เงิน|ใคร|รับผิดชอบ|ดูแล/gu, ' ').replace(/\s+/g, ' ').trim();
    if (carrying.length === 1) return { intent: 'project', project: carrying[0] as Project, hits: [], confidence: 0.8 };
    if (carrying.length > 1 && carrying.length <= 8) return { intent: 'list', filters: { ...filters, topic: { text: text || u.topicText, ids: carrying.map((p) => p.id) } }, confidence: 0.8 };
    if (found.intent === 'manual') return { intent: 'unknown', hits: found.hits, reason: 'not-in-plan', manual: found.manual, confidence: found.confidence };
  }
  // "มาตรการห้ามรับของขวัญมีอะไรบ้าง": a list question about a topic lists every item the search finds close to the
  // best one (a single one is answered as that item).
  if (u.wants.list && found.intent.startsWith('project') && 'hits' in found) {
    const top = found.hits[0];
    // Every item close to the best one (results list them all; the reply pages them).
    const near = found.hits.filter((h) => h.doc.type === 'project' && top && h.score >= top.score * 0.45);
    const text = u.topicText.replace(/โครงการ|กิจกรรม|มาตรการ|เกี่ยวกับ|เกี่ยวข้องกับ|เรื่อง|ด้าน|มีอะไรบ้าง|อะไรบ้าง|มีอะไร|ไหนบ้าง|บ้าง|อะไร|ไหม|มั้ย|มี/gu, ' ').replace(/\s+/g, ' ').trim();
    if (near.length > 1) return { intent: 'list', filters: { ...filters, topic: { text: text || u.topicText, ids: near.map((h) => h.doc.id) } }, confidence: found.confidence };
  }
  return found;
}

const ASPECT_FRAME = /ใคร\s*(?:เป็น)?\s*(?:คน|ผู้)?\s*(?:รับผิดชอบ|ดูแล|เป็นเจ้าภาพ|ทำ)?|(?:เป็น)?(?:คน|ผู้)?รับผิดชอบ|หน่วยงานไหน|กองไหน|เจ้าภาพ|วัตถุประสงค์|เพื่ออะไร|ตัวชี้วัด/gu;

/**
 * An English question read through the glossary and lexicon loses precision: before naming one item of the plan it
 * needs clear evidence — every English content word understood, and most of the Thai words it reads as in the item's
 * name (as the summary or the detail section writes it), or said otherwise (synonyms). Otherwise it is not sure: it
 * says so and offers the closest items as choices, never one item's figures.
 */
function unsureInEnglish(k: Knowledge, u: Understanding, d: Decision): Decision {
  if (!u.english || (d.intent !== 'project' && d.intent !== 'project.budget' && d.intent !== 'project.progress') || d.hits.length === 0 || d.fromList) return d;
  const names = [d.project.name, d.project.nameAsWritten, d.project.detail?.name].filter((x): x is string => !!x).map((t) => matchKey(normalizeText(t)).replace(/\s+/g, ''));
  const words = [...new Set(u.subjectWords)];
  const said = (w: string) => [w, ...synonymsOf(w)].some((x) => names.some((n) => n.includes(x)));
  const inName = words.filter(said).length;
  const clear = u.english.unknownWords === 0 && (words.length === 0 || inName / words.length >= 0.66);
  if (clear) return d;
  return { intent: 'unknown', hits: d.hits.filter((h) => h.doc.type === 'project').slice(0, 3), reason: 'choices', confidence: Math.min(d.confidence, 0.5) };
}

/** The plan's items whose name (as the summary or the detail section writes it) carries every word, or a synonym of it. */
function itemsNaming(k: Knowledge, words: string[]): Project[] {
  const unique = [...new Set(words)];
  if (unique.length === 0) return [];
  return [...k.projects.values()].filter((p) => {
    const names = [p.name, p.detail?.name].filter((x): x is string => !!x).map((t) => matchKey(normalizeText(t)).replace(/\s+/g, ''));
    return unique.every((w) => [w, ...synonymsOf(w)].some((x) => names.some((n) => n.includes(x))));
  });
}

/** Search: the top hit decides project vs manual; its confidence decides whether to answer at all. */
function lookup(k: Knowledge, u: Understanding, filters: ListFilters): Decision {
  // The words that ask who/when/why ("ใครรับผิดชอบ") frame the question: searched, they pull towards any text that
  // says "รับผิดชอบ". The subject is searched (when there is one).
  const subject = u.topicWords.length > 0 ? u.topicText.replace(ASPECT_FRAME, ' ').replace(/\s+/g, ' ').trim() : '';
  const query = subject || u.topicText || u.text;
  const manualCue = u.manualAspects.some((a) => a === 'documents' || a === 'fee' || a === 'where');
  const hits = k.index.search(query, {
    // A list about a topic may match many items: search deep enough to list them all.
    limit: u.wants.list && u.mentionsPlan ? 40 : 8,
    // "งบ" is a plan's word (a manual has fees): a budget question leans to projects.
    typeBoost: { project: u.mentionsPlan || u.wants.budget ? 1.5 : 1, manual: (manualCue || u.situation) && !u.mentionsPlan ? 1.3 : 1 },
    filter: (d) => {
      // "มีโครงการ/มาตรการอะไรบ้าง" asks for the plan's items: a manual is not one.
      if (d.type !== 'project') return filters.dimension === undefined && filters.mission === undefined && !(u.wants.list && u.mentionsPlan);
      const p = k.projects.get(d.id);
      if (!p) return false;
      if (filters.dimension !== undefined && p.dimension !== filters.dimension) return false;
      if (filters.mission !== undefined && p.mission !== filters.mission) return false;
      return true;
    },
  });
  // "งบ" is a plan's word: when a budget question's best hit is a manual and a project is close behind, the project.
  // ("ใช้เงินกี่บาท" of a channel asks what it is budgeted, as "งบ" does; "เสียเงิน/ค่าธรรมเนียม" asks a manual's fee.)
  if ((u.wants.budget || /ใช้เงิน/u.test(u.compact)) && hits[0]?.doc.type === 'manual') {
    const first = hits[0];
    const project = hits.find((h) => h.doc.type === 'project' && h.score >= first.score * 0.4);
    if (project) {
      hits.splice(hits.indexOf(project), 1);
      hits.unshift(project);
    }
  }
  // A manual that merely shares words with an item the question names strongly and asks about: the item.
  if (hits[0]?.doc.type === 'manual' && asksAboutItem(u)) {
    const id = stronglyNamedItem(k, u);
    const item = id ? hits.find((h) => h.doc.type === 'project' && h.doc.id === id) : undefined;
    // (Only an item sure enough to be answered: moving a doubtful one first would turn an answer into an abstention.)
    if (item && hitConfidence(k, item, u, query) >= CONFIDENCE_THRESHOLD) {
      hits.splice(hits.indexOf(item), 1);
      hits.unshift(item);
    }
  }
  // A short question that is a phrase of one item's name ("ศูนย์ข้อมูลข่าวสาร", "เว็บไซต์"): the items whose name holds
  // the whole phrase come before those that only share its words (in search order among themselves).
  const phrase = matchKey(normalizeText(u.topicText)).replace(/\s+/g, '');
  if (u.topicWords.length > 0 && u.topicWords.length <= 4 && phrase.length >= 4 && u.manualAspects.length === 0 && !u.wants.list) {
    const holds = (h: SearchHit) => matchKey(normalizeText(h.doc.title)).replace(/\s+/g, '').includes(phrase);
    const lead = hits.findIndex(holds);
    if (lead > 0 && !holds(hits[0] as SearchHit)) hits.unshift(...hits.splice(lead, 1));
  }
  preferWholeNames(hits, u);
  breakNearTie(hits, u);
  // A life situation the question names word for word ("บ้านโดนน้ำท่วม", "ขอสำเนาเอกสาร") names its service: that
  // manual first, when search found it, and taken as understood (not an abstention for the other words).
  const situated = !u.mentionsPlan && !u.wants.budget ? situationsNamed(u.text, (t) => matchKey(normalizeText(t)).replace(/\s+/g, '')) : [];
  const found = situated.length === 1 ? hits.find((h) => h.doc.type === 'manual' && h.doc.id === situated[0]) : undefined;
  // Not over a project the question names, nor a manual search ranks far ahead ("ขอดูเอกสารที่ต้องใช้แจ้งเกิด").
  const lead = hits[0];
  const named = found && lead && (found === lead || (lead.doc.type === 'manual' && found.score >= lead.score * 0.5) || hitConfidence(k, lead, u, query) < CONFIDENCE_THRESHOLD) ? found : undefined;
  if (named && hits[0] !== named) {
    hits.splice(hits.indexOf(named), 1);
    hits.unshift(named);
  }
  const top = hits[0];
  const confidence = top ? Math.max(hitConfidence(k, top, u, query), named ? CONFIDENCE_THRESHOLD + 0.05 : 0) : 0;
  // Listing the items about a topic claims less than naming one answer: a lower bar (they are shown as candidates).
  // ("มีอะไรที่…บ้าง" without a plan word, when what it finds is the plan's: the same.)
  const bar = u.wants.list && (u.mentionsPlan || top?.doc.type === 'project') ? LIST_CONFIDENCE_THRESHOLD : CONFIDENCE_THRESHOLD;
  if (!top || confidence < bar) {
    return { intent: 'unknown', hits, reason: unknownShare(k, query) >= 0.5 ? 'off-topic' : 'unsure', confidence };
  }
  if (top.doc.type === 'manual') {
    const m = k.manuals.get(top.doc.id);
    if (m) return { intent: 'manual', manual: m, aspects: u.manualAspects, hits, confidence };
  }
  const p = k.projects.get(top.doc.id);
  if (!p) return { intent: 'unknown', hits, reason: 'unsure', confidence: 0 };
  // "โครงการ X ปี 2568": a plan says a project's year through its budget, so the lead states that year's figure.
  const yearAsked = u.years.length > 0 && u.projectAspects.length === 0 && !u.wants.list && k.corpus.document?.kind !== 'report';
  const intent = asksProgress(u, p, k.corpus.document?.kind === 'report') ? 'project.progress' : u.wants.budget || (u.wants.money && u.manualAspects.length <= 1) || yearAsked ? 'project.budget' : 'project';
  return { intent, project: p, year: u.years[0], hits, confidence };
}

/**
 * A project's progress is asked: how far it got, or what it spent ("ใช้งบไปเท่าไร" is spent, not the planned
 * budget). A report's activity answers from its results; a plan's project from the progress staff recorded.
 */
function asksProgress(u: Understanding, p: Project, isReport: boolean): boolean {
  if (isReport) return !!p.activity && u.wants.progress && !u.wants.budget && !u.wants.money;
  if (!asksProgressBeyond(u.compact, p.name)) return false;
  return u.wants.spent || (u.wants.progress && !u.wants.budget) || ((u.wants.done || u.wants.notDone) && !u.wants.budget && !u.projectAspects.includes('when'));
}

/** Share of the question's information in words the organisation's documents never use (weather, football…). */
export function unknownShare(k: Knowledge, query: string): number {
  const { terms, unknownMass: all, unknownWords } = k.index.queryTerms(query);
  // (Words that only frame a question — "เกี่ยวกับ", "ดูแล" — say nothing about its subject, known or not.)
  const unknownMass = unknownWords.length ? (all * unknownWords.filter((w) => !isFrameWord(w)).length) / unknownWords.length : 0;
  const known = terms.filter((t) => !t.optional).reduce((a, t) => a + k.index.idf(t.term) * t.weight, 0);
  return unknownMass + known > 0 ? unknownMass / (unknownMass + known) : 1;
}

/**
 * How sure the top hit is the answer, 0..1. Evidence: the query names the document (trigram similarity of names),
 * the document covers the query's information, a clear lead over the runner-up; against it: query words no document
 * uses. Calibrated on the team's sets so that 0.5 separates answerable questions from off-topic ones.
 */
export function hitConfidence(k: Knowledge, top: SearchHit, u: Understanding, query: string): number {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const unknown = unknownShare(k, query);
  // A strong match (BM25F score 15+) or the question naming the document (trigram similarity 0.6+) is evidence…
  // (Every content word of the question inside the item's name is evidence too: "งบทำเว็บไซต์" → "…พัฒนาเว็บไซต์…".)
  const name = matchKey(normalizeText(top.doc.title)).replace(/\s+/g, '');
  // (A word "said otherwise" — one of its synonyms in the name — counts: "สินบน/ของกำนัล" → "NO Gift Policy".)
  const saidIn = (w: string) => [w, ...synonymsOf(w)].some((x) => name.includes(x));
  // (Two neighbouring words may be one word said otherwise: "ชาว|บ้าน" → "ประชาชน".)
  const found = u.topicWords.map((w, i) => saidIn(w) || (i > 0 && saidIn(`${u.topicWords[i - 1]}${w}`)) || (i + 1 < u.topicWords.length && saidIn(`${w}${u.topicWords[i + 1]}`)));
  const inName = found.filter(Boolean).length;
  const named = u.topicWords.length > 0 && inName === u.topicWords.length ? 0.8 : inName >= 2 && inName / u.topicWords.length >= 0.66 ? 0.65 : 0;
  // (Letters alone are weak evidence when no word of the question, nor a synonym, is in the name: "โรงเรียน" shares
  // most of its trigrams with "ร้องเรียน".)
  const bySpelling = clamp(top.nameSimilarity / 0.6) * (u.topicWords.length > 0 && inName === 0 ? 0.5 : 1);
  const evidence = Math.max(clamp((top.score - 3) / 12), bySpelling, named);
  // …tempered by how much of the question the document covers — the question's content words alone too (frame
  // words like โครงการ/งบ/เท่าไร set aside: a document matching only "คุณธรรม" of "โรงเรียนคุณธรรม" is a neighbour)…
  const content = u.topicWords.length > 0;
  // Synonyms of the question's words count as matches of them (they never lower coverage).
  // (…and so does the documents' word that stands in for one: "เสพติด" of "ยาเสพติด" for "ยาบ้า".)
  const isContent = (term: string, synonym: boolean) => synonym || u.topicWords.some((w) => term.includes(w) || synonymsOf(w).some((x) => x.includes(term)));
  const core = content ? (k.index.search(query, { limit: 1, onlyTerms: isContent, filter: (d) => d.id === top.doc.id && d.type === top.doc.type })[0]?.coverage ?? 0) : top.coverage;
  // (Frame words weigh on the whole question's coverage, so with content words their coverage alone decides.)
  const covered = content ? 0.4 + 0.6 * clamp(core / 0.4) : 0.5 + 0.5 * clamp(top.coverage / 0.35);
  // …and by question words no document of the organisation uses (weather, football, other towns).
  const slotOnly = u.topicWords.length === 0 && top.score > 2 ? 0.6 : 0;
  let confidence = clamp(Math.max(evidence * covered, slotOnly) * (1 - 0.8 * unknown));
  // "โครงการ<name>…": a question naming an item must find that name, not a neighbour's words.
  if (u.namesItem && top.doc.type === 'project' && top.nameSimilarity < 0.25) confidence = Math.min(confidence, 0.3);
  // …and most of the words of that name: "โครงการสร้างสะพานลอยหน้าโรงเรียน" is not "โครงการโรงเรียนคุณธรรม" because
  // both say โรงเรียน (a name the plan does not have is a plain no, not a neighbour's card).
  if (u.namesItem && top.doc.type === 'project' && top.nameSimilarity < 0.5 && u.topicWords.length >= 2) {
    const inName = u.topicWords.filter((w) => name.includes(w)).length / u.topicWords.length;
    if (inName < 0.5) confidence = Math.min(confidence, 0.3);
  }
  return confidence;
}
