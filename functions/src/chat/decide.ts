import type { Project } from '../plans/schema.ts';
import type { CorpusManual } from '../search/corpus.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import { situationsNamed } from '../search/situations.ts';
import { synonymsOf } from '../search/synonyms.ts';
import type { DimensionMeasure, ReportMeasure } from './figures.ts';
import type { ConversationContext, Intent, ListFilters } from './types.ts';
import { LIST_CONFIDENCE_THRESHOLD, type AggregateIntent, type Decision } from './decision.ts';
import { asksProgress, itemsNaming, lookup, projectDecision } from './lookup.ts';
import { planItemFor } from './channels.ts';
import { topicInScope } from './scopedTopic.ts';
import { asksAboutItem, stronglyNamedItem } from './namedItem.ts';
import { statusFieldOf } from './reportStatus.ts';
import { missionsAbout, subjectKeys, withDocument } from './scope.ts';
import { itemsOfNamedTopic, topicListIds, topicsOf } from './topicItems.ts';
import { asksProgressBeyond, type Understanding } from './understand.ts';

/**
 * The pure step between reading a question and answering it: question (read into slots by `understand`) + the
 * conversation context + the organisation's knowledge → one intent with its slots and a confidence. The answer is
 * then built by the responder of that intent (responders.ts), one per intent.
 */

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
  if (u.action) return { intent: 'action', action: u.action, itemFirst: channelItemFits(k, u), confidence: 1 };
  const chatty = (u.greeting || u.thanks || u.help) && u.topicWords.length === 0 && !u.wants.list && !u.wants.count;
  if (chatty) return { intent: u.help ? 'help' : 'greeting', ...(u.thanks ? { lead: 'thanks' } : {}), confidence: 1 };
  // An opinion, a prediction, the weather, another place's hours: no document answers it, whatever words it shares.
  // (Unless it names a situation a service answers: "ฝนตกหนัก ต้นไม้ล้มทับครัวพัง" is the weather and disaster relief.)
  // (…and asks for help with it, not an opinion: "เว็บขายของออนไลน์เว็บไหนถูกที่สุด" stays outside.)
  const asksHelp = /ช่วย|ทำ(?:ยังไง|อย่างไร|ไง)|ต้อง(?:ทำ|ไป|ยื่น|แจ้ง|จด)|ได้(?:ไหม|มั้ย|บ้าง)/u.test(u.compact);
  const situated = () => asksHelp && situationsNamed(u.text, (t) => matchKey(normalizeText(t)).replace(/\s+/g, '')).length > 0;
  if (u.outside && !u.mentionsPlan && !situated()) return { intent: 'unknown', hits: [], reason: 'off-topic', confidence: 0.9 };

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
    const aggregate = u.dimension !== null || u.mission !== null || u.unit !== null || (u.wants.list && u.mentionsPlan && u.projectAspects.length === 0) || (u.wants.total && u.wants.budget);
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
      // "แล้วที่ไม่ได้งบล่ะ" after the funded ones: the other side (they exclude each other).
      if (u.wants.noBudget) {
        merged.noBudget = true;
        delete merged.withBudget;
      } else if (u.wants.withBudget) {
        merged.withBudget = true;
        delete merged.noBudget;
      }
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
  // (Funded and unfunded exclude each other: the question's own word replaces the one the last answer kept.)
  if (u.wants.withBudget) {
    filters.withBudget = true;
    delete filters.noBudget;
  }
  if (u.wants.noBudget) {
    filters.noBudget = true;
    delete filters.withBudget;
  }
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
  // (Not a service's question: "แม่จะอายุครบ 60 ปีหน้า จะได้เงินเดือนละเท่าไหร่" is a manual's, its year a person's.)
  const ofService = !u.mentionsPlan && !u.wants.budget && u.manualAspects.some((a) => a === 'amount' || a === 'documents' || a === 'steps' || a === 'where');
  const outside = doc && !ofService && u.years.length > 0 && u.years.every((y) => !doc.fiscalYears.includes(y));
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
  // "รอบ 12 เดือน" asked of a report of 6: a period it has no figures for (its own are not that period's).
  const period = isReport && doc?.report ? otherPeriod(u.compact, doc.report.period) : null;
  if (period) return { intent: 'unknown', hits: [], reason: 'period', period, confidence: 0.9 };
  if (isReport && planWide && measure && !u.unit && !u.mission) return { intent: 'progress', filters, measure, confidence: 0.9 };
  if (u.wants.count && (planWide || u.mentionsPlan)) {
    if (isReport && (u.wants.done || u.wants.progress)) return { intent: 'progress', filters, measure: 'done', confidence: 0.9 };
    const topical = u.wants.list ? null : topicInScope(k, u, filters, listTopicText(u), 'count');
    if (topical) return topical;
    if (planWide) return { intent: 'count', filters, confidence: 0.9 };
  }
  if (u.wants.average && money && planWide) return { intent: 'budget.average', filters, confidence: 0.9 };
  // The smallest budget is the smallest one spent (a zero is no budget): "no budget" cannot be its filter.
  if (u.wants.bottom && money) {
    delete filters.noBudget;
    return { intent: 'budget.bottom', filters, confidence: 0.85 };
  }
  if (u.wants.top && money) return { intent: 'budget.top', filters, confidence: 0.85 };
  if (money && slotsOnly && (hasFilter || u.wants.total || u.wants.planned || u.wants.allYears || u.wants.perYear)) {
    // A total is the same with or without the items that have no budget ("ได้งบรวมเท่าไร"); asking it so must not
    // turn the document's stated total into a sum of rows.
    delete filters.withBudget;
    return { intent: 'budget.total', filters, confidence: 0.9 };
  }
  if (isReport && u.wants.progress && slotsOnly) return { intent: 'progress', filters, measure: null, confidence: 0.9 };
  if (/คู่มือ|บริการอะไรบ้าง/u.test(u.compact) && (u.wants.list || slotsOnly) && !u.mentionsPlan) return { intent: 'manual.list', confidence: 0.9 };
  if (hasFilter && (u.wants.list || (slotsOnly && (u.unit !== null || u.dimension !== null || u.mission !== null)))) {
    return (u.wants.list ? topicInScope(k, u, filters, listTopicText(u)) : null) ?? { intent: 'list', filters, confidence: 0.9 };
  }
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
  // "…แผนป้องกันทุจริตเทศบาลนครแม่สอด ปีงบ 2568 งบรวมทั้งแผนกี่บาท" with words about the asker ("เป็นนักข่าว ขอเช็ค
  // ตัวเลข") that name no item: the plan's total asked in so many words.
  if (found.intent === 'unknown' && money && u.wants.total && /ทั้งแผน/u.test(u.compact) && !u.outside && !u.otherPlace) {
    delete filters.withBudget;
    return { intent: 'budget.total', filters, confidence: 0.7 };
  }
  // "มีโครงการแจ้งเกิดในแผนนี้ไหม": what answers is a service manual, not an item of the plan — the plan has no such
  // item, said plainly, and the manual offered (not given as if it answered).
  // (Only when no item of the plan carries the question's words in its name: "มีโครงการร้องเรียนในแผนไหม" has them.)
  // Nor is a question whose words an item's name carries ("มีโครงการเว็บไซต์ในแผนไหม") an abstention when search
  // ranked that item low: the name is the evidence.
  const doubtful = found.intent === 'unknown' && found.reason !== 'off-topic' && !u.outside && !u.otherPlace;
  if (((u.asksPlanHas && found.intent === 'manual') || ((u.asksPlanHas || u.mentionsPlan) && doubtful)) && k.projects.size > 0) {
    const carrying = u.subjectWords.every((w) => w.length >= 3) ? itemsNaming(k, u.subjectWords) : [];
    const text = u.topicText.replace(/โครงการ|กิจกรรม|มาตรการ|(?:ใน)?แผน(?:นี้)?|เกี่ยวกับ|เรื่อง|มีอะไรบ้าง|อะไรบ้าง|บ้าง|อะไร|ไหม|มั้ย|มั๊ย|หรือไม่|หรือเปล่า|มี|ครับ|คะ|ค่ะ|คับ|จ้า|งบ(?:ประมาณ)?|เท่าไห?ร่?|กี่บาท|ใช้เงิน|ใคร|รับผิดชอบ|ดูแล/gu, ' ').replace(/\s+/g, ' ').trim();
    // The one item whose name carries the words, asked what the question asks of it ("… ปี 2569 งบเท่าไร").
    if (carrying.length === 1) return projectDecision(k, u, carrying[0] as Project, [], 0.8);
    if (carrying.length > 1 && carrying.length <= 8) return { intent: 'list', filters: { ...filters, topic: { text: text || u.topicText, ids: carrying.map((p) => p.id) } }, confidence: 0.8 };
    if (found.intent === 'manual') return { intent: 'unknown', hits: found.hits, reason: 'not-in-plan', manual: found.manual, confidence: found.confidence };
  }
  // "มาตรการห้ามรับของขวัญมีอะไรบ้าง": a list question about a topic lists every item the search finds close to the
  // best one (a single one is answered as that item).
  const text = listTopicText(u);
  // (Not "กิจกรรม<name> ทำอะไรบ้าง": what one named item does.)
  if (u.wants.list && !(u.namesItem && u.projectAspects.length > 0) && found.intent.startsWith('project') && 'hits' in found) {
    const ids = topicListIds(k, found.hits, u.subjectWords);
    if (ids.length > 1) return { intent: 'list', filters: { ...filters, topic: { text, ids } }, confidence: found.confidence };
  }
  // "ข้างบ้านเสียงดัง มีมาตรการอะไรไหม": what search is unsure of, a list question whose words name a topic of the
  // plans' vocabulary that a few items carry is answered with those items (the rest of it describes a situation).
  if (u.wants.list && u.mentionsPlan && found.intent === 'unknown' && !u.outside && !u.otherPlace) {
    const ids = itemsOfNamedTopic(k, u.subjectWords);
    if (ids.length > 0) return { intent: 'list', filters: { ...filters, topic: { text, ids } }, confidence: LIST_CONFIDENCE_THRESHOLD };
  }
  return found;
}

/** The months of a reporting period ("รอบ 6 เดือน", "ทั้งปี" = 12), or null when none is said. */
function monthsOf(text: string): number | null {
  const m = /(?:รอบ)?(\d{1,2})เดือน/u.exec(text.replace(/\s+/g, ''));
  if (m) return Number(m[1]);
  return /ทั้งปี|สิ้นปี|ครบปี|รอบปี/u.test(text) ? 12 : null;
}

/** The period a question asks of a report when it is not the report's own ("รอบ 12 เดือน" of a 6-month report). */
function otherPeriod(compact: string, reportPeriod: string): string | null {
  const asked = monthsOf(compact);
  const own = monthsOf(reportPeriod);
  return asked !== null && own !== null && asked !== own ? `รอบ ${asked} เดือน` : null;
}

/** A list's topic as the question words it, for the reply's lead ("โครงการที่เกี่ยวกับ \"อบรม\""). */
function listTopicText(u: Understanding): string {
  const text = u.topicText.replace(/กี่(?:โครงการ|กิจกรรม|มาตรการ|อัน|รายการ|เรื่อง)?|โครงการ|กิจกรรม|มาตรการ|เกี่ยวกับ|เกี่ยวข้องกับ|เรื่อง|ด้าน|มีอะไรบ้าง|อะไรบ้าง|มีอะไร|ไหนบ้าง|บ้าง|อะไร|ไหม|มั้ย|มี/gu, ' ').replace(/\s+/g, ' ').trim();
  return text || u.topicText;
}

/**
 * Whether a request for a feature ("ร้องเรียนผ่านไลน์ได้ไหม", "แจ้งเบาะแสโดยไม่เปิดเผยชื่อ") is about the plan's own item for
 * that channel more than about the manual of how complaints are handled: a word of the question beyond the
 * channel's own words that the item's name carries (LINE, anonymity) and the manual's title does not.
 */
function channelItemFits(k: Knowledge, u: Understanding): boolean {
  const item = u.action ? planItemFor(k, u.action) : null;
  const manual = k.manuals.get('complaint-process');
  if (!item || !manual) return item !== null;
  const title = matchKey(normalizeText(manual.title)).replace(/\s+/g, '');
  return topicsOf(k, u.subjectWords).some((t) => !t.keys.some((x) => CHANNEL_WORDS.test(x) || title.includes(x)) && t.items.includes(item.id));
}

/** The words every complaint or corruption channel says (matching form): not evidence of one channel. */
const CHANNEL_WORDS = /รองเรียน|รองทุกข|แจง|เบาะแส|ทุจริต|ชองทาง/u;

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
