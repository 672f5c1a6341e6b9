import { NotFoundError } from '../errors.ts';
import { liffUrl } from '../line/liff.ts';
import type { ParsedDocument, Project, ReportDimensionRow } from '../plans/schema.ts';
import { missionTitle, type CorpusManual, type CorpusOrg } from '../search/corpus.ts';
import type { SearchHit } from '../search/index.ts';
import type { Knowledge, KnowledgeBase } from '../search/knowledgeBase.ts';
import { unitKey } from '../search/knowledgeBase.ts';
import { hasNoWords, matchKey, normalizeText } from '../search/normalize.ts';
import { tokenizeParts } from '../search/tokenize.ts';
import { clip, formatBaht, formatNumber, tidy } from './format.ts';
import {
  actionBubble,
  ask,
  budgetLines,
  flex,
  listCarousel,
  manualAltText,
  manualAspectText,
  manualBubble,
  projectAltText,
  projectBubble,
  quickReply,
  textMessage,
  unitOf,
  type ListItem,
} from './replies.ts';
import { CONTEXT_TTL_MS, type AnswerOutput, type ConversationContext, type Intent, type ListFilters, type Message, type ResultRef } from './types.ts';
import { orgNameVariants, understand, type Action, type ManualAspect, type Understanding } from './understand.ts';

export interface AnswerOptions {
  now?: Date;
  /** Local mode: LIFF pages are served by this server (see line/liff.ts). */
  liffLocalBase?: string;
  /** A card built by the manuals module for a manual, when it has one (it knows its own model best). */
  manualCard?: (manual: CorpusManual, org: CorpusOrg) => Message | null;
}

/** Answers one question of one organisation. Throws NotFoundError when the organisation does not exist. */
export async function answer(
  kb: KnowledgeBase,
  orgId: string,
  text: string,
  context: ConversationContext | null,
  options: AnswerOptions = {},
): Promise<AnswerOutput> {
  const knowledge = await kb.get(orgId);
  if (!knowledge) throw new NotFoundError(`organisation ${orgId}`, 'ไม่พบหน่วยงานนี้');
  return answerWith(knowledge, text, context, options);
}

/** A postback from a button of an earlier answer ("ดูรายละเอียด", "ดูเพิ่ม"). */
export async function answerPostback(
  kb: KnowledgeBase,
  orgId: string,
  params: URLSearchParams,
  context: ConversationContext | null,
  options: AnswerOptions = {},
): Promise<AnswerOutput> {
  const knowledge = await kb.get(orgId);
  if (!knowledge) throw new NotFoundError(`organisation ${orgId}`, 'ไม่พบหน่วยงานนี้');
  const now = options.now ?? new Date();
  const ctx = fresh(context, now);
  const more = params.get('more');
  const id = params.get('id');
  const t = params.get('t');
  const s = new Session(knowledge, ctx, options, now);
  if (more !== null && ctx?.list) return s.more(Number(more) || 0);
  if (id && t === 'project') {
    const p = knowledge.projects.get(id);
    if (p) return s.project(p, [], understand(''), 'project');
  }
  if (id && t === 'manual') {
    const m = knowledge.manuals.get(id);
    if (m) return s.manual(m, [], []);
  }
  return s.help('help');
}

function fresh(context: ConversationContext | null, now: Date): ConversationContext | null {
  if (!context) return null;
  const at = Date.parse(context.at);
  return Number.isFinite(at) && now.getTime() - at < CONTEXT_TTL_MS ? context : null;
}

/** The pure part: knowledge in, answer out. */
export function answerWith(knowledge: Knowledge, input: string, context: ConversationContext | null, options: AnswerOptions = {}): AnswerOutput {
  const now = options.now ?? new Date();
  const s = new Session(knowledge, fresh(context, now), options, now);
  const out = s.answer(input);
  return { ...out, results: out.results.map((r) => withWrittenName(knowledge, r)) };
}

/** Residents read the repaired name; whoever checks against the document can still find the name it wrote. */
function withWrittenName(knowledge: Knowledge, ref: ResultRef): ResultRef {
  if (ref.type !== 'project') return ref;
  const written = knowledge.projects.get(ref.id)?.nameAsWritten;
  return written && written !== ref.title ? { ...ref, writtenAs: written } : ref;
}

const LIST_PAGE = 11;

class Session {
  private readonly k: Knowledge;
  private readonly doc: ParsedDocument | null;
  private readonly ctx: ConversationContext | null;
  private readonly opts: AnswerOptions;
  private readonly now: Date;

  constructor(k: Knowledge, ctx: ConversationContext | null, opts: AnswerOptions, now: Date) {
    this.k = k;
    this.doc = k.corpus.document;
    this.ctx = ctx;
    this.opts = opts;
    this.now = now;
  }

  private context(c: Omit<ConversationContext, 'at'>): ConversationContext {
    return { ...c, at: this.now.toISOString() };
  }

  answer(input: string): AnswerOutput {
    if (hasNoWords(input)) return this.help('help', 'ได้รับข้อความแล้วค่ะ 😊 พิมพ์คำถามเป็นข้อความได้เลย เช่น ชื่อโครงการ งบประมาณ หรือบริการที่ต้องการติดต่อ');
    const u = understand(input, {
      units: this.k.units,
      orgNames: orgNameVariants(this.k.corpus.org.name),
      fiscalYears: this.doc?.fiscalYears ?? [],
      now: this.now,
    });
    if (u.action) return this.action(u.action);
    if ((u.greeting || u.thanks || u.help) && u.topicWords.length === 0 && !u.wants.list && !u.wants.count) {
      return this.help(u.help ? 'help' : 'greeting', u.thanks ? 'ยินดีค่ะ 😊 มีอะไรให้ช่วยอีก พิมพ์ถามได้เลยค่ะ' : undefined);
    }

    // "อันที่ 2": an item of the last list; else the document's own item number.
    if (u.ordinal !== null) {
      const item = this.ctx?.list?.[u.ordinal - 1];
      if (item) return this.ref(item, u);
      const byNumber = [...this.k.projects.values()].find((p) => p.number === String(u.ordinal));
      if (byNumber && !this.ctx?.list) return this.project(byNumber, [], u, 'project');
    }

    const hasFilter = u.dimension !== null || u.mission !== null || u.unit !== null || u.years.length > 0;
    const slotsOnly = u.topicWords.length === 0;

    // Follow-ups: the subject comes from the previous answer, the new slots from this question.
    if (this.ctx && slotsOnly && !u.wants.count && !u.wants.top) {
      const t = this.ctx.topic;
      const aggregate = u.dimension !== null || u.mission !== null || u.unit !== null || (u.wants.list && u.mentionsPlan) || (u.wants.total && u.wants.budget);
      if (t?.type === 'project' && !aggregate) {
        const p = this.k.projects.get(t.id);
        if (p) {
          const year = u.years[0] ?? (u.followUp ? undefined : this.ctx.year);
          const budgetAsked = u.wants.budget || u.wants.money || (u.years.length > 0 && this.ctx.intent === 'project.budget');
          return this.project(p, [], u, budgetAsked ? 'project.budget' : u.wants.progress ? 'project.progress' : 'project', year);
        }
      }
      if (t?.type === 'manual' && !aggregate && (u.manualAspects.length > 0 || u.followUp)) {
        const m = this.k.manuals.get(t.id);
        if (m) return this.manual(m, u.manualAspects, []);
      }
      if (this.ctx.filters && (u.followUp || hasFilter)) {
        const merged: ListFilters = { ...this.ctx.filters };
        if (u.dimension !== null) merged.dimension = u.dimension;
        if (u.mission !== null) {
          merged.mission = u.mission;
          delete merged.missions;
        }
        if (u.unit !== null) merged.unit = u.unit;
        if (u.years[0] !== undefined) merged.year = u.years[0];
        const again = this.ctx.intent;
        if (again === 'list' || again === 'count' || again === 'budget.total' || again === 'budget.top') {
          return this.aggregate(again, merged, u);
        }
      }
    }

    const filters: ListFilters = {};
    if (u.dimension !== null) filters.dimension = u.dimension;
    if (u.mission !== null) filters.mission = u.mission;
    if (u.unit !== null) filters.unit = u.unit;
    if (u.years[0] !== undefined) filters.year = u.years[0];
    if (u.wants.withBudget) filters.withBudget = true;

    const isReport = this.doc?.kind === 'report';
    if (u.wants.count && (slotsOnly || hasFilter)) return this.aggregate('count', filters, u);
    if (u.wants.top && (u.wants.budget || u.wants.money)) return this.aggregate('budget.top', filters, u);
    if (u.wants.budget && slotsOnly && (hasFilter || u.wants.total || u.wants.planned)) return this.aggregate('budget.total', filters, u);
    if (isReport && u.wants.progress && slotsOnly) return this.progressSummary(filters);
    if (/คู่มือ|บริการอะไรบ้าง/u.test(u.compact) && (u.wants.list || slotsOnly) && !u.mentionsPlan) return this.manualList();
    if (hasFilter && (u.wants.list || (slotsOnly && (u.unit !== null || u.dimension !== null || u.mission !== null)))) {
      return this.aggregate('list', filters, u);
    }
    if (slotsOnly && u.wants.list && u.mentionsPlan) return this.aggregate('list', filters, u);
    // "โครงการเกี่ยวกับเด็กและเยาวชนมีอะไรบ้าง": a list of what one of the plan's missions is about.
    if (u.wants.list && u.mentionsPlan && u.mission === null && u.projectAspects.length === 0) {
      const missions = this.missionsAbout(subjectKeys(u.topicText), filters);
      if (missions.length === 1) return this.aggregate('list', { ...filters, mission: missions[0] as string }, u);
      if (missions.length > 1) return this.aggregate('list', { ...filters, missions }, u);
    }

    return this.lookup(u, filters);
  }

  /** The missions (at most 3) whose titles name every topic word and that have projects within the filters. */
  private missionsAbout(words: string[], filters: ListFilters): string[] {
    if (!this.doc || words.length === 0) return [];
    const found = this.doc.dimensions
      .flatMap((d) => d.missions)
      .filter((m) => {
        const title = matchKey(normalizeText(m.title)).replace(/\s+/g, '');
        return words.every((w) => title.includes(w));
      })
      .filter((m) => this.filtered({ ...filters, mission: m.code }).length > 0);
    // A topic in the titles of many missions is too general to be what the person means: search instead.
    return found.length <= 3 ? found.map((m) => m.code) : [];
  }

  // ---------- look-up ----------

  private lookup(u: Understanding, filters: ListFilters): AnswerOutput {
    const query = u.topicText || u.text;
    const manualCue = u.manualAspects.some((a) => a === 'documents' || a === 'fee' || a === 'where');
    const hits = this.k.index.search(query, {
      limit: 8,
      typeBoost: { project: u.mentionsPlan ? 1.5 : 1, manual: manualCue && !u.mentionsPlan ? 1.3 : 1 },
      filter: (d) => {
        if (d.type !== 'project') return filters.dimension === undefined && filters.mission === undefined;
        const p = this.k.projects.get(d.id);
        if (!p) return false;
        if (filters.dimension !== undefined && p.dimension !== filters.dimension) return false;
        if (filters.mission !== undefined && p.mission !== filters.mission) return false;
        return true;
      },
    });
    const top = hits[0];
    if (!top || !confident(top, u)) return this.unknown(hits);
    const results = hits.slice(0, 5).map(toRef);
    if (top.doc.type === 'manual') {
      const m = this.k.manuals.get(top.doc.id);
      if (m) return this.manual(m, u.manualAspects, results, hits);
    }
    const p = this.k.projects.get(top.doc.id);
    if (!p) return this.unknown(hits);
    const intent: Intent = u.wants.budget || (u.wants.money && u.manualAspects.length <= 1) ? 'project.budget' : u.wants.progress && p.activity ? 'project.progress' : 'project';
    return this.project(p, results, u, intent, u.years[0], hits);
  }

  private ref(item: { type: 'project' | 'manual'; id: string }, u: Understanding): AnswerOutput {
    if (item.type === 'project') {
      const p = this.k.projects.get(item.id);
      if (p) return this.project(p, [], u, 'project');
    } else {
      const m = this.k.manuals.get(item.id);
      if (m) return this.manual(m, u.manualAspects, []);
    }
    return this.unknown([]);
  }

  project(p: Project, results: ResultRef[], u: Understanding, intent: Intent, year?: number, hits: SearchHit[] = []): AnswerOutput {
    const refs = results.length ? results : [{ type: 'project' as const, id: p.id, title: p.name, score: 1 }];
    const lead = this.projectLead(p, u, intent, year);
    const alternatives = hits.slice(1, 3).filter((h) => h.score > (hits[0]?.score ?? 0) * 0.6);
    const qr = quickReply([
      ...(intent !== 'project.budget' ? [ask('งบประมาณ', 'งบประมาณเท่าไร')] : []),
      ask('ใครรับผิดชอบ'),
      ...(p.activity ? [ask('ผลการดำเนินงาน', 'ผลการดำเนินงานเป็นอย่างไร')] : [ask('วัตถุประสงค์', 'มีวัตถุประสงค์อะไร')]),
      ask(`โครงการในมิติที่ ${p.dimension}`, `มิติที่ ${p.dimension} มีโครงการอะไรบ้าง`),
      ...alternatives.map((h) => ask(clip(tidy(h.doc.title), 20), tidy(h.doc.title))),
      ask('เมนูหลัก', 'ช่วยอะไรได้บ้าง'),
    ]);
    const messages: Message[] = [];
    if (lead) messages.push(textMessage(lead));
    messages.push(flex(lead ? `${lead}` : projectAltText(p, year), projectBubble(p, this.doc, { highlight: u.projectAspects, year }), qr));
    return {
      intent,
      results: refs,
      messages,
      context: this.context({ intent, topic: { type: 'project', id: p.id }, ...(year !== undefined ? { year } : {}) }),
    };
  }

  private projectLead(p: Project, u: Understanding, intent: Intent, year?: number): string {
    const name = tidy(p.name);
    if (intent === 'project.budget') {
      if (year !== undefined) {
        const v = p.budgets[String(year)];
        if (v !== undefined) return v === 0 ? `${name} ปี ${year} ไม่ใช้งบประมาณค่ะ` : `${name} ปี ${year} ได้งบประมาณ ${formatBaht(v)} ค่ะ`;
        const years = this.doc?.fiscalYears ?? [];
        return `${name} ไม่มีงบประมาณของปี ${year} ในแผน${years.length ? ` (แผนนี้ครอบคลุมปี ${years[0]}${years.length > 1 ? `-${years[years.length - 1]}` : ''})` : ''}\n${budgetLines(p).map(([k, v]) => `${k}: ${v}`).join('\n')}`;
      }
      const lines = budgetLines(p);
      if (lines.length === 0) return `${name} ไม่ได้ระบุงบประมาณในแผนค่ะ`;
      const years = Object.values(p.budgets);
      const total = years.reduce((a, b) => a + b, 0);
      return `งบประมาณ${name}\n${lines.map(([k, v]) => `${k}: ${v}`).join('\n')}${years.length > 1 && total > 0 ? `\nรวมทั้งแผน ${formatBaht(total)}` : ''}`;
    }
    if (intent === 'project.progress' && p.activity) {
      const r = p.activity.results.map(tidy).filter(Boolean);
      return r.length ? `ผลการดำเนินงาน${name}\n${r.slice(0, 5).map((x) => `• ${clip(x, 300)}`).join('\n')}` : `${name} ยังไม่มีรายงานผลค่ะ`;
    }
    const a = new Set(u.projectAspects);
    if (a.has('who')) {
      const unit = unitOf(p);
      return unit ? `${name} มีผู้รับผิดชอบคือ ${unit}` : `${name} ไม่ได้ระบุผู้รับผิดชอบไว้ในแผนค่ะ`;
    }
    if (a.has('when')) {
      const when = tidy(p.detail?.period) || (p.yearPlan?.quarters.length ? `ไตรมาสที่ ${p.yearPlan.quarters.join(', ')} ของปีงบประมาณ` : '');
      const years = Object.keys(p.budgets);
      return when ? `${name} ดำเนินการ ${when}` : years.length ? `${name} อยู่ในแผนปี ${years.join(', ')}` : '';
    }
    if (a.has('kpi')) {
      const kpis = [...(p.detail?.kpis ?? []), ...(p.yearPlan?.kpi ? [p.yearPlan.kpi] : [])].map(tidy).filter(Boolean);
      if (kpis.length) return `ตัวชี้วัดของ${name}\n${kpis.slice(0, 5).map((x) => `• ${clip(x, 300)}`).join('\n')}`;
    }
    if (a.has('why')) {
      const obj = (p.detail?.objectives ?? []).map(tidy).filter(Boolean);
      if (obj.length) return `วัตถุประสงค์ของ${name}\n${obj.slice(0, 5).map((x) => `• ${clip(x, 300)}`).join('\n')}`;
    }
    return '';
  }

  manual(m: CorpusManual, aspects: ManualAspect[], results: ResultRef[], hits: SearchHit[] = []): AnswerOutput {
    const refs = results.length ? results : [{ type: 'manual' as const, id: m.id, title: m.title, score: 1 }];
    const primary = aspects.filter((a) => a !== 'steps' || aspects.length === 1);
    const lead = primary.slice(0, 2).map((a) => manualAspectText(m, a)).join('\n\n');
    const alternatives = hits.slice(1, 3).filter((h) => h.score > (hits[0]?.score ?? 0) * 0.6);
    const qr = quickReply([
      ask('เอกสารที่ต้องใช้', 'ต้องใช้เอกสารอะไรบ้าง'),
      ask('ใช้เวลากี่วัน'),
      ask('ค่าธรรมเนียม', 'ค่าธรรมเนียมเท่าไร'),
      ask('ขั้นตอน', 'มีขั้นตอนอย่างไร'),
      ask('ติดต่อที่ไหน'),
      ...alternatives.map((h) => ask(clip(tidy(h.doc.title), 20), tidy(h.doc.title))),
      ask('คู่มืออื่น ๆ', 'มีคู่มือบริการอะไรบ้าง'),
    ]);
    const card = this.opts.manualCard?.(m, this.k.corpus.org) ?? flex(lead || manualAltText(m), manualBubble(m, aspects));
    const messages: Message[] = [];
    if (lead) messages.push(textMessage(lead));
    messages.push({ ...card, quickReply: qr } as Message);
    return { intent: 'manual', results: refs, messages, context: this.context({ intent: 'manual', topic: { type: 'manual', id: m.id } }) };
  }

  private manualList(): AnswerOutput {
    const manuals = [...this.k.manuals.values()];
    if (manuals.length === 0) return this.help('help', 'ขณะนี้ยังไม่มีคู่มือบริการในระบบค่ะ');
    const items: ListItem[] = manuals.map((m) => ({ type: 'manual', id: m.id, title: m.title, line: m.totalTime ? `ใช้เวลา ${m.totalTime}` : '' }));
    const textList = `คู่มือบริการประชาชนของ${this.k.corpus.org.name} ${manuals.length} เรื่อง\n${manuals.map((m, i) => `${i + 1}. ${m.title}`).join('\n')}\n\nพิมพ์ชื่อบริการหรือ "อันที่ N" เพื่อดูรายละเอียด`;
    return this.listAnswer('manual.list', items, textList, `คู่มือบริการประชาชน ${manuals.length} เรื่อง`, {}, []);
  }

  // ---------- aggregates over the plan ----------

  private filtered(f: ListFilters): Project[] {
    const unit = f.unit ? unitKey(f.unit) : null;
    return [...this.k.projects.values()]
      .filter((p) => f.dimension === undefined || p.dimension === f.dimension)
      .filter((p) => f.mission === undefined || p.mission === f.mission)
      .filter((p) => f.missions === undefined || (p.mission !== null && f.missions.includes(p.mission)))
      .filter((p) => !unit || unitKey([p.responsibleUnit, p.detail?.responsibleUnit, p.yearPlan?.unit].filter(Boolean).join(' ')).includes(unit))
      .filter((p) => {
        if (!f.withBudget) return true;
        if (f.year !== undefined) return (p.budgets[String(f.year)] ?? 0) > 0;
        return Object.values(p.budgets).some((v) => v > 0);
      })
      .sort((a, b) => a.seq - b.seq);
  }

  private describe(f: ListFilters): string {
    const parts: string[] = [];
    if (f.dimension !== undefined) parts.push(`มิติที่ ${f.dimension}`);
    if (f.mission !== undefined) {
      const title = tidy(missionTitle(this.doc, f.mission));
      parts.push(`ภารกิจ ${f.mission}${title ? ` ${clip(title, 80)}` : ''}`);
    }
    if (f.missions !== undefined) {
      parts.push(`ภารกิจ ${f.missions.map((code) => `${code}${missionTitle(this.doc, code) ? ` ${clip(tidy(missionTitle(this.doc, code)), 60)}` : ''}`).join(' และ ')}`);
    }
    if (f.unit !== undefined) parts.push(`ที่${f.unit}รับผิดชอบ`);
    if (f.year !== undefined) parts.push(`ปี ${f.year}`);
    if (f.withBudget) parts.push('ที่ได้รับงบประมาณ');
    return parts.join(' ');
  }

  aggregate(intent: 'list' | 'count' | 'budget.total' | 'budget.top', f: ListFilters, u: Understanding): AnswerOutput {
    if (!this.doc || this.k.projects.size === 0) {
      return this.help('help', `ขณะนี้${this.k.corpus.org.name}ยังไม่ได้นำแผนปฏิบัติการเข้าสู่ระบบค่ะ สอบถามเรื่องบริการประชาชนได้เลย`);
    }
    const report = this.doc.kind === 'report' ? this.doc.report : null;
    const whole = f.unit === undefined && f.mission === undefined && f.missions === undefined;
    if (report && intent === 'count' && (u.wants.done || u.wants.progress) && whole) {
      return this.reportFigures(report, f, 'count');
    }
    if (report && intent === 'budget.total' && whole) {
      return this.reportFigures(report, f, 'budget');
    }
    const projects = this.filtered(f);
    const what = this.describe(f);
    if (projects.length === 0) {
      return {
        intent,
        results: [],
        messages: [textMessage(`ไม่พบโครงการ${what ? ` ${what}` : ''} ในแผนของ${this.k.corpus.org.name}ค่ะ`, this.helpQuickReply())],
        context: this.context({ intent, filters: f }),
      };
    }
    const years = f.year !== undefined ? [f.year] : (this.doc.fiscalYears ?? []);
    const amount = (p: Project) => (f.year !== undefined ? (p.budgets[String(f.year)] ?? 0) : Object.values(p.budgets).reduce((a, b) => a + b, 0));
    const line = (p: Project) => {
      if (f.year !== undefined) {
        const v = p.budgets[String(f.year)];
        return v === undefined ? 'ไม่มีงบในปีนี้' : `ปี ${f.year}: ${formatBaht(v)}`;
      }
      return budgetLines(p).map(([k, v]) => `${k}: ${v}`).join(', ');
    };
    const item = (p: Project): ListItem => ({ type: 'project', id: p.id, title: tidy(p.name), line: line(p), sub: `มิติที่ ${p.dimension}` });

    if (intent === 'count') {
      const stated = this.doc.stated.find(
        (s) => s.measure === 'projects' && s.dimension === (f.dimension ?? null) && s.mission === (f.mission ?? null) && f.unit === undefined && f.missions === undefined && !f.withBudget,
      );
      const note = stated && stated.value !== projects.length ? ` (เอกสารระบุ ${formatNumber(stated.value)} โครงการ)` : '';
      const head = `${what ? `${what} ` : `แผนของ${this.k.corpus.org.name} `}มีทั้งหมด ${projects.length} โครงการ/กิจกรรม${note}`;
      return this.listAnswer('count', projects.map(item), `${head}\n${numbered(projects)}`, head, f, projects.map((p) => ({ type: 'project', id: p.id, title: p.name, score: 1 })));
    }
    if (intent === 'budget.top') {
      const sorted = [...projects].sort((a, b) => amount(b) - amount(a)).filter((p) => amount(p) > 0);
      const top = sorted.slice(0, 5);
      const head = `โครงการที่ได้งบประมาณสูงสุด${what ? ` ${what}` : ''}`;
      const body = top.map((p, i) => `${i + 1}. ${tidy(p.name)} — ${formatBaht(amount(p))}${f.year === undefined && years.length > 1 ? ' (รวมทุกปี)' : ''}`).join('\n');
      return this.listAnswer('budget.top', top.map(item), `${head}\n${body || 'ไม่มีโครงการที่ใช้งบประมาณ'}`, head, f, top.map((p) => ({ type: 'project', id: p.id, title: p.name, score: amount(p) })));
    }
    if (intent === 'budget.total') {
      const perYear = years.map((y) => [y, projects.reduce((a, p) => a + (p.budgets[String(y)] ?? 0), 0)] as const);
      const grand = perYear.reduce((a, [, v]) => a + v, 0);
      const funded = projects.filter((p) => amount(p) > 0);
      const scope = what || 'ทั้งแผน';
      const lines =
        perYear.length === 1
          ? [`งบประมาณรวม ${scope}${f.year === undefined && perYear[0] ? ` ปี ${perYear[0][0]}` : ''}: ${formatBaht(perYear[0]?.[1] ?? 0)}`]
          : [`งบประมาณรวม ${scope}`, ...perYear.map(([y, v]) => `ปี ${y}: ${formatBaht(v)}`), `รวม ${perYear.length} ปี: ${formatBaht(grand)}`];
      const stated = this.doc.stated.filter(
        (s) => s.measure === 'budget' && s.dimension === (f.dimension ?? null) && s.mission === null && f.unit === undefined && f.missions === undefined && (f.year === undefined || s.year === f.year),
      );
      for (const s of stated) {
        const parsed = perYear.find(([y]) => y === s.year)?.[1];
        if (parsed !== undefined && parsed !== s.value) lines.push(`(เอกสารระบุยอดรวมปี ${s.year} ไว้ ${formatBaht(s.value)})`);
      }
      lines.push(`จาก ${projects.length} โครงการ มีงบประมาณ ${funded.length} โครงการ`);
      const head = lines.join('\n');
      return this.listAnswer('budget.total', funded.map(item), head, lines[0] ?? head, f, funded.map((p) => ({ type: 'project', id: p.id, title: p.name, score: amount(p) })));
    }
    const head = `${what ? `${what} ` : ''}มี ${projects.length} โครงการ/กิจกรรม`;
    return this.listAnswer('list', projects.map(item), `${head}\n${numbered(projects)}`, head, f, projects.map((p) => ({ type: 'project', id: p.id, title: p.name, score: 1 })));
  }

  private reportFigures(report: NonNullable<ParsedDocument['report']>, f: ListFilters, what: 'count' | 'budget'): AnswerOutput {
    const row: ReportDimensionRow | null | undefined =
      f.dimension !== undefined ? report.dimensions.find((r) => r.dimension === f.dimension) : (report.total ?? sumRows(report.dimensions));
    if (!row) return this.progressSummary(f);
    const scope = f.dimension !== undefined ? `มิติที่ ${f.dimension}` : 'ทั้งหมด';
    const period = tidy(report.period);
    const text =
      what === 'count'
        ? `ผลการดำเนินงาน${period ? ` ${period}` : ''} ${scope}: ดำเนินการแล้ว ${formatNumber(row.projectsDone)} จาก ${formatNumber(row.projectsPlanned)} โครงการตามแผน (ร้อยละ ${formatNumber(row.percentProjects)})`
        : `งบประมาณ ${scope}${period ? ` (${period})` : ''}\nตามแผน: ${formatBaht(row.budgetPlanned)}\nตามข้อบัญญัติ: ${formatBaht(row.budgetByOrdinance)}\nใช้จ่ายจริง: ${formatBaht(row.budgetSpent)}`;
    const projects = this.filtered({ ...(f.dimension !== undefined ? { dimension: f.dimension } : {}) });
    return {
      intent: what === 'count' ? 'progress' : 'budget.total',
      results: [
        { type: 'report', id: f.dimension !== undefined ? `dimension-${f.dimension}` : 'total', title: scope, score: 1 },
        ...projects.map((p) => ({ type: 'project' as const, id: p.id, title: p.name, score: 1 })),
      ],
      messages: [textMessage(text, this.helpQuickReply())],
      context: this.context({ intent: what === 'count' ? 'count' : 'budget.total', filters: f }),
    };
  }

  private progressSummary(f: ListFilters): AnswerOutput {
    const report = this.doc?.report;
    if (!report) return this.help('help', 'ขณะนี้ยังไม่มีรายงานผลการดำเนินงานในระบบค่ะ');
    const rows = f.dimension !== undefined ? report.dimensions.filter((r) => r.dimension === f.dimension) : report.dimensions;
    const lines = rows.map(
      (r) => `มิติที่ ${r.dimension ?? '-'}: ดำเนินการแล้ว ${r.projectsDone}/${r.projectsPlanned} โครงการ, ใช้งบ ${formatBaht(r.budgetSpent)}`,
    );
    const total = report.total ?? sumRows(report.dimensions);
    if (f.dimension === undefined && total) lines.push(`รวม: ดำเนินการแล้ว ${total.projectsDone}/${total.projectsPlanned} โครงการ`);
    return {
      intent: 'progress',
      results: rows.map((r) => ({ type: 'report' as const, id: `dimension-${r.dimension ?? 0}`, title: `มิติที่ ${r.dimension ?? '-'}`, score: 1 })),
      messages: [textMessage(`ผลการดำเนินงาน ${tidy(report.period)}\n${lines.join('\n')}`, this.helpQuickReply())],
      context: this.context({ intent: 'progress', filters: f }),
    };
  }

  private listAnswer(intent: Intent, items: ListItem[], summary: string, alt: string, f: ListFilters, results: ResultRef[]): AnswerOutput {
    const page = items.slice(0, LIST_PAGE + 1);
    const messages: Message[] = [textMessage(summary)];
    if (page.length) {
      messages.push(listCarousel(page, { offset: 0, total: items.length, altText: alt, qr: this.listQuickReply(f) }));
    }
    return {
      intent,
      results,
      messages,
      context: this.context({
        intent,
        filters: f,
        ...(f.year !== undefined ? { year: f.year } : {}),
        list: items.map((i) => ({ type: i.type, id: i.id })),
        shown: Math.min(items.length, items.length > 12 ? LIST_PAGE : 12),
      }),
    };
  }

  more(offset: number): AnswerOutput {
    const list = this.ctx?.list ?? [];
    const items: ListItem[] = [];
    for (const ref of list.slice(offset, offset + LIST_PAGE + 1)) {
      const p = ref.type === 'project' ? this.k.projects.get(ref.id) : undefined;
      const m = ref.type === 'manual' ? this.k.manuals.get(ref.id) : undefined;
      if (p) items.push({ type: 'project', id: p.id, title: tidy(p.name), line: budgetLines(p).map(([k, v]) => `${k}: ${v}`).join(', '), sub: `มิติที่ ${p.dimension}` });
      if (m) items.push({ type: 'manual', id: m.id, title: m.title });
    }
    if (items.length === 0) return this.help('help', 'แสดงครบทุกรายการแล้วค่ะ');
    const intent = this.ctx?.intent ?? 'list';
    return {
      intent,
      results: items.map((i) => ({ type: i.type, id: i.id, title: i.title, score: 1 })),
      messages: [listCarousel(items, { offset, total: list.length, altText: `รายการที่ ${offset + 1} ถึง ${Math.min(list.length, offset + items.length)} จาก ${list.length}`, qr: this.listQuickReply(this.ctx?.filters ?? {}) })],
      context: this.context({ ...(this.ctx ?? { intent }), intent, shown: offset + items.length }),
    };
  }

  // ---------- actions, help, unknown ----------

  action(a: Action): AnswerOutput {
    const org = this.k.corpus.org;
    const pages: Record<Action, { path: string; title: string; description: string; label: string; intent: Intent }> = {
      complaint: { path: 'complaints/new', title: 'แจ้งเรื่องร้องเรียน/ร้องทุกข์', description: 'กรอกแบบฟอร์ม แนบรูปและตำแหน่งได้ ระบบจะให้รหัสติดตามและแจ้งความคืบหน้าทาง LINE ภายใน 15 วัน', label: 'เปิดแบบฟอร์มร้องเรียน', intent: 'complaint' },
      corruption: { path: 'complaints/new?kind=corruption', title: 'แจ้งเบาะแสการทุจริต', description: 'ช่องทางแยกจากเรื่องร้องเรียนทั่วไป เลือกไม่เปิดเผยตัวตนได้ ข้อมูลผู้แจ้งเห็นได้เฉพาะเจ้าหน้าที่ที่รับผิดชอบเท่านั้น', label: 'แจ้งเบาะแส', intent: 'corruption' },
      'complaint.track': { path: 'complaints/track', title: 'ติดตามเรื่องร้องเรียน', description: 'ดูสถานะและความคืบหน้าด้วยรหัสติดตามที่ได้รับตอนแจ้งเรื่อง', label: 'ติดตามเรื่อง', intent: 'complaint.track' },
      queue: { path: 'queue', title: 'รับบัตรคิวออนไลน์', description: 'รับคิวตามลำดับก่อนหลัง ดูลำดับและเวลารอโดยประมาณ แล้วรับแจ้งเตือนทาง LINE เมื่อใกล้ถึงคิว', label: 'รับบัตรคิว', intent: 'queue' },
      'queue.status': { path: 'queue', title: 'บัตรคิวของฉัน', description: 'ดูลำดับคิวและเวลารอโดยประมาณ', label: 'ดูคิวของฉัน', intent: 'queue.status' },
      rating: { path: 'ratings/new', title: 'ประเมินความพึงพอใจ', description: 'ให้คะแนนการบริการ ใช้เวลาไม่ถึง 1 นาที ผลการประเมินเผยแพร่ต่อสาธารณะ', label: 'ประเมินความพึงพอใจ', intent: 'rating' },
    };
    const page = pages[a];
    const url = liffUrl(org, page.path, this.opts.liffLocalBase);
    const qr = this.helpQuickReply();
    const messages: Message[] = url
      ? [flex(`${page.title}: ${page.description}`, actionBubble(page.title, page.description, { label: page.label, uri: url }), qr)]
      : [textMessage(`${page.title}\nขณะนี้ยังเปิดผ่าน LINE ไม่ได้ กรุณาติดต่อ${org.name}${contactLine(org)}`, qr)];
    return { intent: page.intent, results: [], messages, context: null };
  }

  help(intent: 'help' | 'greeting', lead?: string): AnswerOutput {
    const org = this.k.corpus.org;
    const hello = lead ?? (intent === 'greeting' ? `สวัสดีค่ะ 🙏 LINE ของ${org.name} ยินดีให้บริการ` : `ช่องทางนี้ตอบคำถามของ${org.name}ค่ะ`);
    const body = [
      hello,
      '',
      'ถามได้ เช่น',
      ...this.examples().map((e) => `• ${e}`),
    ].join('\n');
    return { intent, results: [], messages: [textMessage(body, this.helpQuickReply())], context: null };
  }

  private unknown(hits: SearchHit[]): AnswerOutput {
    const suggestions = hits.slice(0, 3);
    const lines = [
      'ขออภัยค่ะ ยังไม่พบคำตอบที่ตรงกับคำถามนี้',
      ...(suggestions.length ? ['', 'หรือหมายถึงเรื่องเหล่านี้', ...suggestions.map((h) => `• ${clip(tidy(h.doc.title), 120)}`)] : []),
      '',
      'ลองพิมพ์ชื่อโครงการหรือบริการ หรือเลือกจากปุ่มด้านล่างค่ะ',
      ...(this.k.corpus.org.office?.phone ? [`หรือโทร ${this.k.corpus.org.office.phone}`] : []),
    ];
    const qr = quickReply([...suggestions.map((h) => ask(clip(tidy(h.doc.title), 20), tidy(h.doc.title))), ...(this.helpQuickReply().items ?? [])]);
    return { intent: 'unknown', results: suggestions.map(toRef), messages: [textMessage(lines.join('\n'), qr)], context: null };
  }

  private examples(): string[] {
    const out: string[] = [];
    const projects = [...this.k.projects.values()];
    const funded = projects.find((p) => Object.values(p.budgets).some((v) => v > 0)) ?? projects[0];
    if (funded) out.push(`${clip(tidy(funded.name), 60)} งบเท่าไร`);
    if (projects.length) out.push('มิติที่ 1 มีโครงการอะไรบ้าง', 'งบประมาณรวมทั้งแผนเท่าไร');
    if (this.doc?.kind === 'report') out.push('ผลการดำเนินงานเป็นอย่างไร');
    const manual = this.k.manuals.values().next().value;
    if (manual) out.push(`${manual.title} ต้องใช้เอกสารอะไรบ้าง`);
    out.push('ร้องเรียน / แจ้งเบาะแสทุจริต / รับบัตรคิว / ประเมินความพึงพอใจ');
    return out;
  }

  private helpQuickReply() {
    const hasPlan = this.k.projects.size > 0;
    return quickReply([
      ...(hasPlan ? [ask('โครงการมิติที่ 1', 'มิติที่ 1 มีโครงการอะไรบ้าง'), ask('งบประมาณรวม', 'งบประมาณรวมทั้งแผนเท่าไร')] : []),
      ...(this.doc?.kind === 'report' ? [ask('ผลการดำเนินงาน', 'ผลการดำเนินงานเป็นอย่างไร')] : []),
      ask('คู่มือประชาชน', 'มีคู่มือบริการอะไรบ้าง'),
      ask('ร้องเรียน'),
      ask('แจ้งเบาะแสทุจริต', 'แจ้งเบาะแสการทุจริต'),
      ask('ติดตามเรื่อง', 'ติดตามเรื่องร้องเรียน'),
      ask('รับบัตรคิว'),
      ask('ประเมินความพึงพอใจ'),
    ]);
  }

  private listQuickReply(f: ListFilters) {
    const dims = [1, 2, 3, 4].filter((d) => d !== f.dimension).slice(0, 3);
    const years = this.doc?.fiscalYears ?? [];
    return quickReply([
      ask('อันที่ 1', 'อันที่ 1'),
      ...dims.map((d) => ask(`มิติที่ ${d}`, `แล้วมิติที่ ${d} ล่ะ`)),
      ...years.filter((y) => y !== f.year).slice(0, 3).map((y) => ask(`ปี ${y}`, `แล้วปี ${y} ล่ะ`)),
      ask('งบรวม', `${f.dimension !== undefined ? `มิติที่ ${f.dimension} ` : ''}${f.year !== undefined ? `ปี ${f.year} ` : ''}งบรวมเท่าไร`),
      ask('งบสูงสุด', 'โครงการไหนงบสูงที่สุด'),
      ask('เมนูหลัก', 'ช่วยอะไรได้บ้าง'),
    ]);
  }
}

/** Words that say what kind of thing is asked for, not its subject ("โครงการเกี่ยวกับ…", "กิจกรรมด้าน…"). */
const LIST_FRAME: ReadonlySet<string> = new Set(['โครงการ', 'กิจกรรม', 'มาตรการ', 'ภารกิจ', 'แผน', 'เกี่ยว', 'เกี่ยวข้อง', 'ด้าน', 'เรื่อง', 'การ'].map(matchKey));

/**
 * The subject of a list question as word keys. Kept apart from `topicWords`, whose framing words for budgets and
 * totals would drop "ร่วม" (its key is that of "รวม") from "มีส่วนร่วม".
 */
function subjectKeys(topicText: string): string[] {
  return tokenizeParts(topicText, { dropStopwords: true }).words.filter((w) => w.length > 1 && !/^\d/.test(w) && !LIST_FRAME.has(w));
}

function contactLine(org: Knowledge['corpus']['org']): string {
  const parts = [org.office?.phone ? ` โทร ${org.office.phone}` : '', org.office?.address ? ` ที่ ${org.office.address}` : '', org.office?.hours ? ` (${org.office.hours})` : ''];
  return parts.join('') || ' ที่สำนักงานในวันและเวลาราชการ';
}

function numbered(projects: Project[], max = 40): string {
  const lines = projects.slice(0, max).map((p, i) => `${i + 1}. ${clip(tidy(p.name), 150)}`);
  if (projects.length > max) lines.push(`…และอีก ${projects.length - max} รายการ`);
  return lines.join('\n');
}

function sumRows(rows: ReportDimensionRow[]): ReportDimensionRow | null {
  if (rows.length === 0) return null;
  const sum = (k: keyof ReportDimensionRow) => rows.reduce((a, r) => a + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
  const planned = sum('projectsPlanned');
  const done = sum('projectsDone');
  return {
    dimension: null,
    projectsPlanned: planned,
    projectsDone: done,
    budgetPlanned: sum('budgetPlanned'),
    budgetByOrdinance: sum('budgetByOrdinance'),
    budgetSpent: sum('budgetSpent'),
    percentProjects: planned ? Math.round((done / planned) * 10000) / 100 : 0,
    percentBudget: 0,
    line: rows[0]?.line ?? 1,
  };
}

function toRef(h: SearchHit): ResultRef {
  return { type: h.doc.type, id: h.doc.id, title: h.doc.title, score: Math.round(h.score * 1000) / 1000 };
}

/** Enough of the question matched for the top hit to be an answer rather than a guess. */
function confident(h: SearchHit, u: Understanding): boolean {
  if (h.nameSimilarity >= 0.35) return true;
  if (u.topicWords.length === 0) return h.score > 2;
  return h.coverage >= 0.3 || h.score >= 4;
}
