import { liffUrl } from '../line/liff.ts';
import type { ParsedDocument, Project } from '../plans/schema.ts';
import { missionTitle, type CorpusManual, type CorpusOrg } from '../search/corpus.ts';
import type { SearchHit } from '../search/index.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { planItemFor } from './channels.ts';
import type { Decision } from './decision.ts';
import { filterProjects } from './scope.ts';
import type { FigureDoc } from './figures.ts';
import { clip, tidy } from './format.ts';
import { say, type Lang } from './lang.ts';
import { sharedBudgetOf } from '../plans/budgetConflict.ts';
import { actionBubble, ask, budgetLines, flex, listCarousel, quickReply, textMessage, type ListItem } from './replies.ts';
import type { AnswerOutput, BudgetRange, ConversationContext, FigureSource, Intent, ListFilters, Message, ProgressLookup, ResultRef, YearProgressLookup } from './types.ts';
import type { Action } from './understand.ts';

export interface AnswerOptions {
  now?: Date;
  /** Local mode: LIFF pages are served by this server (see line/liff.ts). */
  liffLocalBase?: string;
  /** A card built by the manuals module for a manual, when it has one (it knows its own model best). */
  manualCard?: (manual: CorpusManual, org: CorpusOrg) => Message | null;
  /** Progress staff recorded per project (progress/); without it the engine knows only the documents. */
  progressFor?: ProgressLookup;
  /** The plan-wide view of the same records ("ทำเสร็จไปกี่โครงการแล้ว", "ใช้งบไปเท่าไรแล้ว"). */
  progressOfYear?: YearProgressLookup;
}

export const LIST_PAGE = 11;

/**
 * What every responder shares for one answer: the organisation's knowledge, the conversation so far, the language,
 * today; and the pieces of replies that several intents use (lists, help, abstention, actions).
 */
export class Session {
  readonly k: Knowledge;
  readonly doc: ParsedDocument | null;
  readonly ctx: ConversationContext | null;
  readonly opts: AnswerOptions;
  readonly now: Date;
  readonly lang: Lang;

  constructor(k: Knowledge, ctx: ConversationContext | null, opts: AnswerOptions, now: Date, lang: Lang = 'th') {
    this.k = k;
    this.doc = k.corpus.document;
    this.ctx = ctx;
    this.opts = opts;
    this.now = now;
    this.lang = lang;
  }

  say(th: string, en: string): string {
    return say(this.lang, th, en);
  }

  get orgName(): string {
    return this.k.corpus.org.name;
  }

  figureDoc(): FigureDoc | null {
    return this.doc ? { doc: this.doc, planId: this.k.corpus.planId, lang: this.lang } : null;
  }

  /** Where a figure of the current plan comes from, as the reply shows it: "ที่มา: แผนฯ บรรทัด 162". */
  sourceLine(sources: FigureSource[]): string {
    const lines = [...new Set(sources.map((s) => s.line).filter((l): l is number => typeof l === 'number'))].slice(0, 3);
    if (!this.doc || lines.length === 0) return '';
    const what = this.doc.kind === 'report' ? this.say('รายงานผลฯ', 'progress report') : this.say('แผนปฏิบัติการฯ', 'action plan');
    return this.say(`ที่มา: ${what} บรรทัด ${lines.join(', ')}`, `Source: ${what}, line ${lines.join(', ')}`);
  }

  context(c: Omit<ConversationContext, 'at'>): ConversationContext {
    return { ...c, ...(this.lang === 'en' ? { lang: 'en' as const } : {}), at: this.now.toISOString() };
  }

  filtered(f: ListFilters): Project[] {
    return filterProjects(this.k, f);
  }

  describe(f: ListFilters): string {
    const parts: string[] = [];
    // A topic within a scope leads ("โครงการที่เกี่ยวกับ "อบรม" ในมิติที่ 1 …").
    if (f.topic !== undefined) parts.push(this.say(`โครงการที่เกี่ยวกับ "${clip(f.topic.text, 60)}"`, `projects about "${clip(f.topic.text, 60)}"`));
    const within = f.topic !== undefined ? this.say('ใน', 'in ') : '';
    if (f.dimension !== undefined) {
      // The dimension's title as the plan prints it (not under a mission, whose own title says more).
      const title = f.mission === undefined ? tidy(this.doc?.dimensions.find((d) => d.number === f.dimension)?.title ?? '') : '';
      parts.push(`${within}${this.say(`มิติที่ ${f.dimension}${title ? ` ${clip(title, 80)}` : ''}`, `dimension ${f.dimension}`)}`);
    }
    if (f.mission !== undefined) {
      const title = tidy(missionTitle(this.doc, f.mission));
      parts.push(`${within}${this.say('ภารกิจ', 'mission')} ${f.mission}${title ? ` ${clip(title, 80)}` : ''}`);
    }
    if (f.missions !== undefined) {
      parts.push(`${within}${this.say('ภารกิจ', 'missions')} ${f.missions.map((code) => `${code}${missionTitle(this.doc, code) ? ` ${clip(tidy(missionTitle(this.doc, code)), 60)}` : ''}`).join(this.say(' และ ', ' and '))}`);
    }
    if (f.unit !== undefined) parts.push(this.say(`ที่${f.unit}รับผิดชอบ`, `under ${f.unit}`));
    if (f.budgetRange) parts.push(rangeText(this, f.budgetRange));
    if (f.year !== undefined) parts.push(this.say(`ปี ${f.year}`, `in fiscal year ${f.year}`));
    if (f.withBudget && !f.budgetRange) parts.push(this.say('ที่ได้รับงบประมาณ', 'with a budget'));
    if (f.noBudget) parts.push(this.say('ที่ไม่ใช้งบประมาณ', 'without a budget'));
    const others = (f.exclude ?? []).map((id) => this.k.projects.get(id)).filter((p): p is Project => !!p);
    if (others.length) parts.push(this.say(`นอกจาก${clip(tidy(others[0]?.name ?? ''), 60)}`, `other than ${clip(tidy(others[0]?.name ?? ''), 60)}`));
    const text = parts.join(' ');
    // "ที่กองคลังรับผิดชอบ" needs its noun: "โครงการที่กองคลังรับผิดชอบ".
    return /^(?:ที่|under|with)/u.test(text) ? this.say(`โครงการ${text}`, `projects ${text}`) : text;
  }

  listItem(p: Project, f: ListFilters): ListItem {
    // An item of a row printing one set of figures for several items shows the row's figures, said to be shared.
    const shared = this.doc ? sharedBudgetOf(p, this.doc.projects) : null;
    const budgets = shared?.budgets ?? p.budgets;
    const of = shared && (budgets[String(f.year)] ?? 0) > 0 ? this.say(` (งบรวม ${shared.count} รายการ)`, ` (for ${shared.count} items together)`) : '';
    const line =
      f.year !== undefined
        ? budgets[String(f.year)] === undefined
          ? ''
          : `${this.say('ปี', 'FY')} ${f.year}: ${budgetLines(p, shared).length ? (budgets[String(f.year)] ?? 0).toLocaleString('en-US') : '-'} ${this.say('บาท', 'baht')}${of}`
        : budgetLines(p, shared).map(([k, v]) => `${k}: ${v}`).join(', ');
    return { type: 'project', id: p.id, title: tidy(p.name), line, sub: this.say(`มิติที่ ${p.dimension}`, `dimension ${p.dimension}`) };
  }

  /** A list: one lead sentence, then the items once (a carousel), never the same items twice. */
  listAnswer(intent: Intent, items: ListItem[], lead: string, f: ListFilters, results: ResultRef[], sources: FigureSource[] = [], detail?: string): AnswerOutput {
    const page = items.slice(0, LIST_PAGE + 1);
    const from = this.sourceLine(sources);
    const messages: Message[] = [textMessage(from ? `${lead}\n${from}` : lead, page.length || detail ? undefined : this.helpQuickReply())];
    // Details (figures per year) one message below the lead, never inside it.
    if (detail) messages.push(textMessage(detail, page.length ? undefined : this.helpQuickReply()));
    if (page.length) messages.push(listCarousel(page, { offset: 0, total: items.length, altText: lead, qr: this.listQuickReply(f), lang: this.lang }));
    return {
      intent,
      results,
      messages,
      sources,
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
      if (p) items.push(this.listItem(p, {}));
      if (m) items.push({ type: 'manual', id: m.id, title: m.title });
    }
    if (items.length === 0) return this.help('help', this.say('แสดงครบทุกรายการแล้วค่ะ', 'That was the whole list.'));
    const intent = this.ctx?.intent ?? 'list';
    const alt = this.say(`รายการที่ ${offset + 1} ถึง ${Math.min(list.length, offset + items.length)} จาก ${list.length}`, `Items ${offset + 1}-${Math.min(list.length, offset + items.length)} of ${list.length}`);
    return {
      intent,
      results: items.map((i) => ({ type: i.type, id: i.id, title: i.title, score: 1 })),
      messages: [listCarousel(items, { offset, total: list.length, altText: alt, qr: this.listQuickReply(this.ctx?.filters ?? {}), lang: this.lang })],
      context: this.context({ ...(this.ctx ?? { intent }), intent, shown: offset + items.length }),
    };
  }

  action(a: Action, itemFirst = false): AnswerOutput {
    const org = this.k.corpus.org;
    const pages: Record<Action, { path: string; title: string; description: string; label: string; intent: Intent }> = {
      complaint: { path: 'complaints/new', title: this.say('แจ้งเรื่องร้องเรียน/ร้องทุกข์', 'File a complaint'), description: this.say('กรอกแบบฟอร์ม แนบรูปและตำแหน่งได้ ระบบจะให้รหัสติดตามและแจ้งความคืบหน้าทาง LINE ภายใน 15 วัน', 'Fill in the form with a photo and the place; you get a tracking code and updates in LINE within 15 days.'), label: this.say('เปิดแบบฟอร์มร้องเรียน', 'Open the form'), intent: 'complaint' },
      corruption: { path: 'complaints/new?kind=corruption', title: this.say('แจ้งเบาะแสการทุจริต', 'Report corruption'), description: this.say('ช่องทางแยกจากเรื่องร้องเรียนทั่วไป เลือกไม่เปิดเผยตัวตนได้ ข้อมูลผู้แจ้งเห็นได้เฉพาะเจ้าหน้าที่ที่รับผิดชอบเท่านั้น', 'A channel apart from general complaints; you may stay anonymous and only the integrity officer sees who reported.'), label: this.say('แจ้งเบาะแส', 'Report'), intent: 'corruption' },
      'complaint.track': { path: 'complaints/track', title: this.say('ติดตามเรื่องร้องเรียน', 'Track a complaint'), description: this.say('ดูสถานะและความคืบหน้าด้วยรหัสติดตามที่ได้รับตอนแจ้งเรื่อง', 'See the status with the tracking code you were given.'), label: this.say('ติดตามเรื่อง', 'Track'), intent: 'complaint.track' },
      queue: { path: 'queue', title: this.say('รับบัตรคิวออนไลน์', 'Take a queue ticket'), description: this.say('รับคิวตามลำดับก่อนหลัง ดูลำดับและเวลารอโดยประมาณ LINE แจ้งเมื่อถึงคิว (และเมื่อใกล้ถึง ถ้าขอไว้)', 'First come, first served; see your position and the wait. LINE tells you when you are called (and when you are near, if you ask).'), label: this.say('รับบัตรคิว', 'Take a ticket'), intent: 'queue' },
      'queue.status': { path: 'queue', title: this.say('บัตรคิวของฉัน', 'My queue ticket'), description: this.say('ดูลำดับคิวและเวลารอโดยประมาณ', 'See your position and the waiting time.'), label: this.say('ดูคิวของฉัน', 'My ticket'), intent: 'queue.status' },
      rating: { path: 'ratings/new', title: this.say('ประเมินความพึงพอใจ', 'Rate our service'), description: this.say('ให้คะแนนการบริการ ใช้เวลาไม่ถึง 1 นาที ผลการประเมินเผยแพร่ต่อสาธารณะ', 'Takes less than a minute; the results are published.'), label: this.say('ประเมินความพึงพอใจ', 'Rate'), intent: 'rating' },
    };
    const page = pages[a];
    const url = liffUrl(org, page.path, this.opts.liffLocalBase);
    const qr = this.helpQuickReply();
    // The plan's own item for this channel, in one line (the feature answers; the plan says it is planned).
    const item = planItemFor(this.k, a);
    const report = this.doc?.kind === 'report';
    const inPlan = item ? this.say(`ใน${report ? 'รายงานผลฯ' : 'แผนปฏิบัติการฯ'}: ${clip(tidy(item.name), 140)}${item.line ? ` (บรรทัด ${item.line})` : ''}`, `In the ${report ? 'progress report' : 'action plan'}: ${clip(tidy(item.name), 140)}${item.line ? ` (line ${item.line})` : ''}`) : '';
    const description = inPlan ? `${page.description}\n${inPlan}` : page.description;
    const messages: Message[] = url
      ? [flex(`${page.title}: ${description}`, actionBubble(page.title, description, { label: page.label, uri: url }), qr)]
      : [textMessage(`${page.title}\n${this.say(`ขณะนี้ยังเปิดผ่าน LINE ไม่ได้ กรุณาติดต่อ${org.name}`, `Not available in LINE yet; please contact ${org.name}`)}${this.contactLine()}${inPlan ? `\n${inPlan}` : ''}`, qr)];
    // The organisation's manual of how complaints are handled is what a complaint or a report is about; the plan's
    // item first when the question fits it better ("ร้องเรียนผ่านไลน์ได้ไหม": the form, and the plan's LINE channel).
    const manual = a === 'complaint' || a === 'corruption' || a === 'complaint.track' ? this.k.manuals.get('complaint-process') : undefined;
    const manualRef: ResultRef[] = manual ? [{ type: 'manual', id: manual.id, title: manual.title, score: 1 }] : [];
    const itemRef: ResultRef[] = item ? [{ type: 'project', id: item.id, title: item.name, score: 1 }] : [];
    const results = itemFirst ? [...itemRef, ...manualRef] : [...manualRef, ...itemRef];
    return { intent: page.intent, results, messages, context: null };
  }

  help(intent: 'help' | 'greeting', lead?: string): AnswerOutput {
    const hello = lead ?? (intent === 'greeting' ? this.say(`สวัสดีค่ะ 🙏 LINE ของ${this.orgName} ยินดีให้บริการ`, `Hello! This is the LINE account of ${this.orgName}.`) : this.say(`ช่องทางนี้ตอบคำถามของ${this.orgName}ค่ะ`, `This account answers questions about ${this.orgName}.`));
    const body = [hello, '', this.say('ถามได้ เช่น', 'You can ask, for example:'), ...this.examples().map((e) => `• ${e}`)].join('\n');
    return { intent, results: [], messages: [textMessage(body, this.helpQuickReply())], context: null };
  }

  /**
   * Abstention: says plainly that the plans and manuals do not cover the question and what the bot can do instead
   * (the menu, a complaint, the office's phone). Never a project or manual card; near topics only as buttons.
   */
  abstain(d: Extract<Decision, { intent: 'unknown' }>): AnswerOutput {
    const org = this.k.corpus.org;
    if (d.reason === 'choices' && d.hits.length > 0) return this.choices(d.hits);
    if (d.reason === 'not-in-plan' && d.manual) return this.notInPlan(d.manual, d.confidence);
    const near = d.reason === 'unsure' ? d.hits.slice(0, 2) : [];
    const phone = org.office?.phone;
    const years = this.doc?.fiscalYears ?? [];
    const span = years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : `${years[0] ?? ''}`;
    const lines = [
      d.reason === 'no-report'
        ? this.say(`ขออภัยค่ะ ${org.name}ยังไม่มีรายงานผลการดำเนินงานในระบบ แผนปฏิบัติการบอกเฉพาะสิ่งที่วางแผนไว้ (โครงการและงบประมาณที่ตั้งไว้) ไม่ได้บอกผลหรือเงินที่ใช้ไปจริง`, `Sorry, ${org.name} has no progress report here yet: the action plan says what is planned (projects and budgets), not what was done or spent.`)
        : d.reason === 'no-field'
        ? this.say(`ขออภัยค่ะ รายงานผลการดำเนินงานของ${org.name}ที่มีในระบบไม่ได้ระบุตัวเลขนี้ไว้ (เช่น โครงการที่ยกเลิก หรือสถานะรายมิติ) จึงตอบตัวเลขนี้ไม่ได้ ถามได้เรื่องจำนวนโครงการที่ดำเนินการแล้ว งบประมาณ และการเบิกจ่ายรายมิติ`, `Sorry, the progress report of ${org.name} held here does not state this figure (such as cancelled projects, or a status per dimension), so I cannot give it; you can ask how many projects were done, the budgets and the spending per dimension.`)
        : d.reason === 'year'
        ? this.say(`ขออภัยค่ะ ${this.doc?.kind === 'report' ? 'รายงาน' : 'แผน'}ของ${org.name}ที่มีในระบบครอบคลุมปีงบประมาณ ${span} ไม่มีข้อมูลของปี ${d.year ?? ''}`, `Sorry, the ${this.doc?.kind === 'report' ? 'report' : 'plan'} of ${org.name} covers fiscal year${years.length > 1 ? 's' : ''} ${span}; it says nothing about ${d.year ?? 'that year'}.`)
        : this.say(`ขออภัยค่ะ เรื่องนี้ไม่มีในแผนปฏิบัติการและคู่มือบริการของ${org.name}`, `Sorry, the action plan and service manuals of ${org.name} do not cover this.`),
      this.say('ถามได้เรื่องโครงการในแผน งบประมาณ และคู่มือบริการประชาชน หรือเลือกจากปุ่มด้านล่าง (ร้องเรียน แจ้งเบาะแส รับบัตรคิว)', 'You can ask about the plan’s projects and budgets and the service manuals, or use the buttons below (complaints, queue tickets).'),
      ...(phone ? [this.say(`หรือโทรสอบถาม ${phone}`, `Or call ${phone}.`)] : []),
    ];
    const qr = quickReply([...near.map((h) => ask(clip(tidy(h.doc.title), 20), tidy(h.doc.title))), ...(this.helpQuickReply().items ?? [])]);
    return { intent: 'unknown', results: near.map(toRef), messages: [textMessage(lines.join('\n'), qr)], context: null, confidence: d.confidence };
  }

  /**
   * Not sure which item is meant: says so, and offers the closest items as choices (names only, no figure); a tap
   * asks about that item by its name.
   */
  choices(hits: SearchHit[]): AnswerOutput {
    const names = hits.map((h) => tidy(h.doc.title));
    const lead = this.say(
      `ขออภัยค่ะ ไม่แน่ใจว่าหมายถึงรายการใด ในแผนไม่พบรายการที่ชื่อตรงกับคำถามนี้ชัดเจน รายการที่ใกล้เคียงที่สุด:\n${names.map((n, i) => `${i + 1}. ${clip(n, 120)}`).join('\n')}\nแตะเลือกด้านล่างเพื่อดูรายละเอียด`,
      `Sorry, I am not sure which item you mean: no item of the plan is clearly named like that. The closest ones are:\n${names.map((n, i) => `${i + 1}. ${clip(n, 120)}`).join('\n')}\nTap one below to see it.`,
    );
    const qr = quickReply([...hits.map((h) => ({ type: 'action' as const, action: { type: 'postback' as const, label: clip(tidy(h.doc.title), 20), data: `action=ask&t=${h.doc.type}&id=${h.doc.id}`, displayText: clip(tidy(h.doc.title), 300) } })), ...(this.helpQuickReply().items ?? []).slice(0, 13 - hits.length)]);
    return { intent: 'unknown', results: hits.map(toRef), messages: [textMessage(lead, qr)], context: null, confidence: 0.5 };
  }

  /** The plan has no such item; a service manual is about it: said in that order, the manual one tap away. */
  notInPlan(m: CorpusManual, confidence: number): AnswerOutput {
    const lead = this.say(
      `แผนปฏิบัติการฯ ของ${this.orgName}ไม่มีโครงการ/กิจกรรมเรื่องนี้ค่ะ\nแต่มีคู่มือบริการประชาชนเรื่อง "${m.title}" แตะปุ่มด้านล่างเพื่อดูขั้นตอนและเอกสารที่ต้องใช้`,
      `The action plan of ${this.orgName} has no such project or activity.\nThere is a service manual about it: "${m.title}". Tap the button below to see its steps and documents.`,
    );
    const open = { type: 'action' as const, action: { type: 'postback' as const, label: clip(this.say('ดูคู่มือ', 'Open the manual'), 20), data: `action=ask&t=manual&id=${m.id}`, displayText: clip(m.title, 300) } };
    const qr = quickReply([open, ...(this.helpQuickReply().items ?? []).slice(0, 12)]);
    return { intent: 'unknown', results: [{ type: 'manual', id: m.id, title: m.title, score: 1 }], messages: [textMessage(lead, qr)], context: null, confidence };
  }

  contactLine(): string {
    const o = this.k.corpus.org.office;
    const parts = [o?.phone ? ` ${this.say('โทร', 'phone')} ${o.phone}` : '', o?.address ? ` ${this.say('ที่', 'at')} ${o.address}` : '', o?.hours ? ` (${o.hours})` : ''];
    return parts.join('') || this.say(' ที่สำนักงานในวันและเวลาราชการ', ' at the office during office hours');
  }

  examples(): string[] {
    const out: string[] = [];
    const projects = [...this.k.projects.values()];
    const funded = projects.find((p) => Object.values(p.budgets).some((v) => v > 0)) ?? projects[0];
    if (funded) out.push(`${clip(tidy(funded.name), 60)} ${this.say('งบเท่าไร', '— budget?')}`);
    if (projects.length) out.push(this.say('มิติที่ 1 มีโครงการอะไรบ้าง', 'What projects are in dimension 1?'), this.say('งบประมาณรวมทั้งแผนเท่าไร', 'What is the total budget?'));
    if (this.doc?.kind === 'report') out.push(this.say('ผลการดำเนินงานเป็นอย่างไร', 'How is the progress?'));
    const manual = this.k.manuals.values().next().value;
    if (manual) out.push(this.say(`${manual.title} ต้องใช้เอกสารอะไรบ้าง`, `${manual.title}: which documents?`));
    out.push(this.say('ร้องเรียน / แจ้งเบาะแสทุจริต / รับบัตรคิว / ประเมินความพึงพอใจ', 'complaint / report corruption / queue ticket / rate our service'));
    return out;
  }

  helpQuickReply() {
    const hasPlan = this.k.projects.size > 0;
    return quickReply([
      ...(hasPlan ? [ask(this.say('โครงการมิติที่ 1', 'Dimension 1'), this.say('มิติที่ 1 มีโครงการอะไรบ้าง', 'What projects are in dimension 1?')), ask(this.say('งบประมาณรวม', 'Total budget'), this.say('งบประมาณรวมทั้งแผนเท่าไร', 'What is the total budget?'))] : []),
      ...(this.doc?.kind === 'report' ? [ask(this.say('ผลการดำเนินงาน', 'Progress'), this.say('ผลการดำเนินงานเป็นอย่างไร', 'How many projects are done?'))] : []),
      ask(this.say('คู่มือประชาชน', 'Service manuals'), 'มีคู่มือบริการอะไรบ้าง'),
      ask(this.say('ร้องเรียน', 'Complaint'), 'ร้องเรียน'),
      ask(this.say('แจ้งเบาะแสทุจริต', 'Report corruption'), 'แจ้งเบาะแสการทุจริต'),
      ask(this.say('ติดตามเรื่อง', 'Track a complaint'), 'ติดตามเรื่องร้องเรียน'),
      ask(this.say('รับบัตรคิว', 'Queue ticket'), 'รับบัตรคิว'),
      ask(this.say('ประเมินความพึงพอใจ', 'Rate our service'), 'ประเมินความพึงพอใจ'),
    ]);
  }

  listQuickReply(f: ListFilters) {
    const dims = [1, 2, 3, 4].filter((d) => d !== f.dimension).slice(0, 3);
    const years = this.doc?.fiscalYears ?? [];
    return quickReply([
      ask(this.say('อันที่ 1', 'Item 1'), 'อันที่ 1'),
      ...dims.map((d) => ask(this.say(`มิติที่ ${d}`, `Dimension ${d}`), `แล้วมิติที่ ${d} ล่ะ`)),
      ...years.filter((y) => y !== f.year).slice(0, 3).map((y) => ask(this.say(`ปี ${y}`, `FY ${y}`), `แล้วปี ${y} ล่ะ`)),
      ask(this.say('งบรวม', 'Total budget'), `${f.dimension !== undefined ? `มิติที่ ${f.dimension} ` : ''}${f.year !== undefined ? `ปี ${f.year} ` : ''}งบรวมเท่าไร`),
      ask(this.say('งบสูงสุด', 'Largest budget'), 'โครงการไหนงบสูงที่สุด'),
      ask(this.say('เมนูหลัก', 'Menu'), 'ช่วยอะไรได้บ้าง'),
    ]);
  }

  /** Near alternatives of a look-up, as quick-reply buttons. */
  alternatives(hits: SearchHit[]) {
    return hits.slice(1, 3).filter((h) => h.score > (hits[0]?.score ?? 0) * 0.6).map((h) => ask(clip(tidy(h.doc.title), 20), tidy(h.doc.title)));
  }
}

/** "ที่ได้งบประมาณตั้งแต่ 20,000 บาทขึ้นไป", "with a budget over 10,000 baht". */
function rangeText(s: Session, r: BudgetRange): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const th: string[] = [];
  const en: string[] = [];
  if (r.min && r.max) {
    th.push(`ระหว่าง ${n(r.min.value)} ถึง ${n(r.max.value)} บาท`);
    en.push(`between ${n(r.min.value)} and ${n(r.max.value)} baht`);
  } else if (r.min) {
    th.push(r.min.inclusive ? `ตั้งแต่ ${n(r.min.value)} บาทขึ้นไป` : `เกิน ${n(r.min.value)} บาท`);
    en.push(r.min.inclusive ? `of ${n(r.min.value)} baht or more` : `over ${n(r.min.value)} baht`);
  } else if (r.max) {
    th.push(r.max.inclusive ? `ไม่เกิน ${n(r.max.value)} บาท` : `ต่ำกว่า ${n(r.max.value)} บาท`);
    en.push(r.max.inclusive ? `of at most ${n(r.max.value)} baht` : `under ${n(r.max.value)} baht`);
  }
  return s.say(`ที่ได้งบประมาณ${th.join('')}`, `with a budget ${en.join('')}`);
}

export function toRef(h: SearchHit): ResultRef {
  return { type: h.doc.type, id: h.doc.id, title: h.doc.title, score: Math.round(h.score * 1000) / 1000 };
}
