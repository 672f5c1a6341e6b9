import type { messagingApi } from '@line/bot-sdk';
import type { ParsedDocument, Project } from '../plans/schema.ts';
import { sharedBudgetOf, type SharedBudget } from '../plans/budgetConflict.ts';
import type { CorpusManual } from '../search/corpus.ts';
import { dimensionTitle, missionTitle } from '../search/corpus.ts';
import { LINE_LIMITS } from '../line/limits.ts';
import { clip, formatBaht, tidy } from './format.ts';
import type { ManualAspect } from './aspects.ts';
import type { ProjectAspect } from './understand.ts';
import type { Message } from './types.ts';

type FlexBubble = messagingApi.FlexBubble;
type FlexComponent = messagingApi.FlexComponent;
type FlexBox = messagingApi.FlexBox;
type QuickReply = messagingApi.QuickReply;
type QuickReplyItem = messagingApi.QuickReplyItem;


const GREY = '#6B7280';
const ACCENT = '#0B7A3E';

// ---------- small builders ----------

export const ask = (label: string, text = label): QuickReplyItem => ({
  type: 'action',
  action: { type: 'message', label: clip(label, LINE_LIMITS.actionLabel), text: clip(text, LINE_LIMITS.actionText) },
});

export function quickReply(items: QuickReplyItem[]): QuickReply {
  const seen = new Set<string>();
  const unique = items.filter((i) => {
    const key = i.action?.label ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { items: unique.slice(0, LINE_LIMITS.quickReplyItems) };
}

const text = (t: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({
  type: 'text',
  text: t || ' ',
  wrap: true,
  size: 'sm',
  ...extra,
});

function section(title: string, lines: string[], maxLines = 3, maxChars = 220): FlexComponent[] {
  const clean = lines.map(tidy).filter(Boolean);
  if (clean.length === 0) return [];
  const shown = clean.slice(0, maxLines).map((l) => clip(l.replace(/\n/g, ' '), maxChars));
  const more = clean.length > maxLines ? [text(`และอีก ${clean.length - maxLines} ข้อ`, { size: 'xs', color: GREY })] : [];
  return [
    text(title, { weight: 'bold', size: 'sm', color: ACCENT, margin: 'md' }),
    ...shown.map((l) => text(clean.length > 1 ? `• ${l}` : l, { size: 'sm' })),
    ...more,
  ];
}

function row(label: string, value: string, bold = false): FlexBox {
  return {
    type: 'box',
    layout: 'horizontal',
    contents: [
      text(label, { flex: 2, color: GREY, wrap: false }),
      text(value, { flex: 3, align: 'end', weight: bold ? 'bold' : 'regular' }),
    ],
  };
}

function bubble(body: FlexComponent[], footer?: FlexComponent[], size: FlexBubble['size'] = 'mega'): FlexBubble {
  const b: FlexBubble = {
    type: 'bubble',
    size,
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
  };
  if (footer && footer.length > 0) b.footer = { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer };
  return b;
}

export function postbackButton(label: string, data: string, displayText?: string): messagingApi.FlexButton {
  const action: messagingApi.PostbackAction = { type: 'postback', label: clip(label, LINE_LIMITS.flexButtonLabel), data: clip(data, LINE_LIMITS.postbackData) };
  if (displayText) action.displayText = clip(displayText, 300);
  return { type: 'button', style: 'link', height: 'sm', action };
}

export function uriButton(label: string, uri: string): messagingApi.FlexButton {
  return { type: 'button', style: 'primary', color: ACCENT, height: 'sm', action: { type: 'uri', label: clip(label, LINE_LIMITS.flexButtonLabel), uri } };
}

export function flex(altText: string, contents: messagingApi.FlexContainer, qr?: QuickReply): Message {
  const m: messagingApi.FlexMessage = { type: 'flex', altText: clip(altText.replace(/\s+/g, ' ').trim(), LINE_LIMITS.flexAltText), contents };
  if (qr) m.quickReply = qr;
  return m;
}

export function textMessage(t: string, qr?: QuickReply): Message {
  const m: messagingApi.TextMessage = { type: 'text', text: clip(t, LINE_LIMITS.text) };
  if (qr) m.quickReply = qr;
  return m;
}

// ---------- projects ----------

export function kindOf(name: string): string {
  const m = /^(โครงการ|กิจกรรม|มาตรการ)/u.exec(name);
  return m ? (m[1] as string) : 'โครงการ';
}

export function unitOf(p: Project): string {
  return tidy(p.responsibleUnit ?? p.detail?.responsibleUnit ?? p.yearPlan?.unit ?? '');
}

export function budgetYears(budgets: Project['budgets']): Array<[number, number]> {
  return Object.entries(budgets)
    .map(([y, v]) => [Number(y), v] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Budget lines: one per year, consecutive equal years merged ("ปี 2566-2570 ปีละ 30,000 บาท"). An item of a row that
 * prints one set of figures for several items (`shared`) gets the row's figures, said to be for all of them.
 */
export function budgetLines(p: Project, shared: SharedBudget | null = null): Array<[string, string]> {
  const years = budgetYears(shared?.budgets ?? p.budgets);
  const of = shared ? ` (งบรวม ${shared.count} รายการ)` : '';
  if (years.length === 0) {
    if (p.detail?.budgetAmount !== null && p.detail?.budgetAmount !== undefined) return [['งบประมาณ', formatBaht(p.detail.budgetAmount)]];
    return [];
  }
  if (years.length > 1 && years.every(([, v]) => v === years[0]?.[1])) {
    const [first] = years[0] as [number, number];
    const last = (years[years.length - 1] as [number, number])[0];
    const v = (years[0] as [number, number])[1];
    return [[`ปี ${first}-${last}`, v === 0 ? 'ไม่ใช้งบประมาณ' : `ปีละ ${formatBaht(v)}${of}`]];
  }
  return years.map(([y, v]) => [`ปี ${y}`, `${formatBaht(v)}${v === 0 ? '' : of}`]);
}

function whatLines(p: Project): string[] {
  if (p.detail?.method.length) return p.detail.method;
  if (p.activity?.steps.length) return p.activity.steps;
  if (p.yearPlan?.outcome) return [p.yearPlan.outcome];
  return [];
}

export interface ProjectCardOptions {
  highlight?: ProjectAspect[];
  year?: number | undefined;
  kind?: ParsedDocument['kind'];
  /** Labels in English (the document's own text stays Thai). */
  lang?: 'th' | 'en';
  /** Where the card's figures come from, shown small at its foot ("ที่มา: แผนปฏิบัติการฯ บรรทัด 123"). */
  source?: string;
}

const LABELS = {
  th: { kind: '', dimension: 'มิติที่', mission: 'ภารกิจ', results: 'ผลการดำเนินงาน', noResult: 'ยังไม่มีรายงานผล', what: 'ทำอะไร', why: 'เพื่อ', target: 'กลุ่มเป้าหมาย', budget: 'งบประมาณ', unit: 'ผู้รับผิดชอบ', when: 'ระยะเวลา', quarter: 'ไตรมาสที่', kpi: 'ตัวชี้วัด' },
  en: { kind: 'Project', dimension: 'Dimension', mission: 'Mission', results: 'Results', noResult: 'No result reported yet', what: 'What', why: 'Objectives', target: 'Target group', budget: 'Budget', unit: 'Responsible', when: 'Period', quarter: 'Quarter', kpi: 'Indicators' },
} as const;

export function projectBubble(p: Project, doc: ParsedDocument | null, opts: ProjectCardOptions = {}): FlexBubble {
  const hl = new Set(opts.highlight ?? []);
  const L = LABELS[opts.lang ?? 'th'];
  const label = [`${L.kind || kindOf(p.name)} · ${L.dimension} ${p.dimension}`, p.mission ? `${L.mission} ${p.mission}` : ''].filter(Boolean).join(' · ');
  const body: FlexComponent[] = [
    text(label, { size: 'xs', color: GREY }),
    text(clip(tidy(p.name), 200), { weight: 'bold', size: 'md' }),
  ];
  const mt = missionTitle(doc, p.mission) || dimensionTitle(doc, p.dimension);
  if (mt) body.push(text(clip(tidy(mt), 120), { size: 'xxs', color: GREY }));

  if (p.activity && (p.activity.results.length || hl.has('progress'))) {
    body.push(...section(L.results, p.activity.results.length ? p.activity.results : [L.noResult], hl.has('progress') ? 5 : 3));
  }
  body.push(...section(L.what, whatLines(p), hl.has('what') ? 4 : 2));
  body.push(...section(L.why, p.detail?.objectives ?? [], hl.has('why') ? 4 : 2));
  if (p.detail?.targetGroup) body.push(...section(L.target, [p.detail.targetGroup], 1, 160));

  const lines = budgetLines(p, doc ? sharedBudgetOf(p, doc.projects) : null);
  if (lines.length) {
    body.push(text(L.budget, { weight: 'bold', size: 'sm', color: ACCENT, margin: 'md' }));
    for (const [k, v] of lines) body.push(row(k, v, opts.year !== undefined && k === `ปี ${opts.year}`));
  }
  const unit = unitOf(p);
  if (unit) body.push(...section(L.unit, [unit], 1, 160));
  const when = [p.detail?.period, p.yearPlan?.quarters.length ? `${L.quarter} ${p.yearPlan.quarters.join(', ')}` : ''].filter(Boolean) as string[];
  if (when.length) body.push(...section(L.when, when, 2, 160));
  const kpis = [...(p.detail?.kpis ?? []), ...(p.yearPlan?.kpi ? [p.yearPlan.kpi] : [])];
  if (kpis.length && (hl.has('kpi') || hl.has('what'))) body.push(...section(L.kpi, kpis, 3));
  if (opts.source) body.push(text(opts.source, { size: 'xxs', color: GREY, margin: 'md' }));
  return bubble(body);
}

export function projectAltText(p: Project, doc: ParsedDocument | null, year?: number): string {
  const parts = [tidy(p.name)];
  const shared = doc ? sharedBudgetOf(p, doc.projects) : null;
  const y = year !== undefined ? (shared?.budgets ?? p.budgets)[String(year)] : undefined;
  if (y !== undefined) parts.push(`ปี ${year}: ${formatBaht(y)}${shared && y > 0 ? ` (งบรวม ${shared.count} รายการ)` : ''}`);
  else {
    const lines = budgetLines(p, shared);
    if (lines.length) parts.push(lines.map(([k, v]) => `${k} ${v}`).join(', '));
  }
  const unit = unitOf(p);
  if (unit) parts.push(`ผู้รับผิดชอบ: ${unit}`);
  return parts.join(' · ');
}

export interface ListItem {
  type: 'project' | 'manual';
  id: string;
  title: string;
  /** e.g. "ปี 2567: 50,000 บาท" */
  line?: string;
  sub?: string;
}

/**
 * A carousel of list items (one compact bubble each, a detail button on each), at most 12 bubbles: when more remain,
 * the twelfth is a "ดูเพิ่ม" bubble.
 */
export function listCarousel(items: ListItem[], opts: { offset: number; total: number; altText: string; qr?: QuickReply | undefined; lang?: 'th' | 'en' }): Message {
  const en = opts.lang === 'en';
  const room = LINE_LIMITS.flexCarouselBubbles;
  const remaining = opts.total - opts.offset;
  const take = remaining > room ? room - 1 : Math.min(room, remaining);
  const page = items.slice(0, take);
  const bubbles: FlexBubble[] = page.map((it, i) => {
    const n = opts.offset + i + 1;
    const body: FlexComponent[] = [
      text(`${n}/${opts.total}${it.sub ? ` · ${it.sub}` : ''}`, { size: 'xs', color: GREY }),
      text(clip(tidy(it.title), 160), { weight: 'bold', size: 'sm' }),
    ];
    if (it.line) body.push(text(clip(it.line, 160), { size: 'xs', color: '#374151' }));
    return bubble(body, [postbackButton(en ? 'Details' : 'ดูรายละเอียด', `action=ask&t=${it.type}&id=${encodeURIComponent(it.id)}`, `อันที่ ${n}`)], 'kilo');
  });
  const left = opts.total - opts.offset - page.length;
  if (left > 0) {
    bubbles.push(
      bubble(
        [text(en ? `${left} more` : `ยังมีอีก ${left} รายการ`, { weight: 'bold', size: 'sm' }), text(en ? 'Tap for the next items' : 'กดเพื่อดูรายการถัดไป', { size: 'xs', color: GREY })],
        [postbackButton(en ? 'More' : 'ดูเพิ่ม', `action=ask&more=${opts.offset + page.length}`, en ? 'More' : 'ดูเพิ่ม')],
        'kilo',
      ),
    );
  }
  return flex(opts.altText, { type: 'carousel', contents: bubbles }, opts.qr);
}

// ---------- manuals ----------

export function manualBubble(m: CorpusManual, highlight: ManualAspect[] = [], lang: 'th' | 'en' = 'th'): FlexBubble {
  const hl = new Set(highlight);
  const en = lang === 'en';
  const body: FlexComponent[] = [
    text(en ? 'Service manual' : 'คู่มือสำหรับประชาชน', { size: 'xs', color: GREY }),
    text(clip(m.title, 200), { weight: 'bold', size: 'md' }),
  ];
  if (m.summary) body.push(text(clip(tidy(m.summary), 240), { size: 'sm', color: '#374151' }));
  if (m.totalTime) body.push(row(en ? 'Time' : 'ระยะเวลา', clip(m.totalTime, 60), hl.has('time')));
  body.push(row(en ? 'Fee' : 'ค่าธรรมเนียม', clip(m.fees[0] ?? (en ? 'No fee' : 'ไม่มีค่าธรรมเนียม'), 60), hl.has('fee')));
  body.push(...section(en ? 'Documents' : 'เอกสารที่ต้องใช้', m.documents, hl.has('documents') ? 8 : 4, 120));
  body.push(...section(en ? 'Steps' : 'ขั้นตอน', m.steps.map((s) => (s.duration ? `${s.text} (${s.duration})` : s.text)), hl.has('steps') ? 6 : 3, 140));
  if (m.fees.length > 1) body.push(...section(en ? 'Fees' : 'ค่าธรรมเนียม', m.fees, hl.has('fee') ? 6 : 2, 120));
  body.push(...section(en ? 'Where' : 'ติดต่อที่', [m.where || m.unit, m.hours].filter(Boolean), 2, 160));
  return bubble(body);
}

/** The sentence that answers a manual sub-question directly, above the card. */
export function manualAspectText(m: CorpusManual, aspect: ManualAspect): string {
  switch (aspect) {
    case 'documents':
      return m.documents.length
        ? `เอกสารที่ต้องใช้สำหรับ${m.title}\n${m.documents.map((d, i) => `${i + 1}. ${d}`).join('\n')}`
        : `${m.title} ไม่ต้องใช้เอกสารเพิ่มเติมตามคู่มือค่ะ`;
    case 'time':
      return [`${m.title} ใช้เวลา ${m.totalTime || 'ตามขั้นตอนในคู่มือ'}`, ...deadlines(m)].join('\n');
    case 'fee':
      return `ค่าธรรมเนียม${m.title}: ${m.fees.length ? m.fees.join(' / ') : 'ไม่มีค่าธรรมเนียม'}`;
    case 'amount': {
      const amounts = amountSentences(m);
      return amounts.length ? [`${m.title}`, ...amounts.map((x) => `• ${clip(x, 200)}`)].join('\n') : `${m.title}: คู่มือไม่ได้ระบุจำนวนเงินไว้ค่ะ`;
    }
    case 'steps':
      // (With the deadline the manual sets: "แจ้งภายใน 15 วัน" is part of how.)
      return [`ขั้นตอน${m.title}\n${m.steps.map((s, i) => `${i + 1}. ${s.text}${s.duration ? ` (${s.duration})` : ''}`).join('\n')}`, ...deadlines(m)].join('\n');
    case 'where':
      return [`${m.title} ติดต่อได้ที่ ${m.where || m.unit}${m.hours ? `\nเวลา ${m.hours}` : ''}`, ...deadlines(m)].join('\n');
  }
}

const MONTHS = 'มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม';
const DEADLINE = new RegExp(`ภายใน\\s*\\d|ภายใน(?:เดือน|วันที่)|ภายใน\\s*(?:${MONTHS})|ก่อนวันที่|ไม่เกิน\\s*\\d|(?:${MONTHS})`, 'u');

/** The manual's sentences (summary, then the rest), tidied, each once. */
export function manualSentences(m: CorpusManual): string[] {
  return sentencesOf([m.summary, m.details]);
}

/** Texts cut into sentences (lines, ". ", "; ", wide gaps), tidied, each once. */
function sentencesOf(texts: readonly string[]): string[] {
  return [...new Set(texts.join('\n').split(/\n|(?<=[.;])\s+|\s{2,}/u).map((x) => tidy(x)).filter(Boolean))];
}

/** The sentences that state an amount in baht a resident receives (not the fees), at most three. */
export function amountSentences(m: CorpusManual): string[] {
  const fees = new Set(m.fees.map(tidy));
  return manualSentences(m).filter((x) => /\d[\d,]*\s*บาท/u.test(x) && !fees.has(x) && !/ค่าธรรมเนียม|ค่าปรับ/u.test(x)).slice(0, 3);
}

/** The manual's sentences that set a deadline ("แจ้งภายใน 24 ชั่วโมง", "ยื่นแบบภายในเดือนมีนาคม"), at most two. */
export function deadlines(m: CorpusManual): string[] {
  return sentencesOf([m.summary, m.details, ...m.fees]).filter((x) => DEADLINE.test(x)).slice(0, 2).map((x) => `• ${clip(x, 200)}`);
}

export function manualAltText(m: CorpusManual): string {
  return [m.title, m.totalTime ? `ใช้เวลา ${m.totalTime}` : '', m.fees[0] ?? '', m.documents.length ? `เอกสาร ${m.documents.length} รายการ` : '']
    .filter(Boolean)
    .join(' · ');
}

// ---------- actions ----------

export function actionBubble(title: string, description: string, button: { label: string; uri: string }): FlexBubble {
  return bubble(
    [text(title, { weight: 'bold', size: 'md' }), text(description, { size: 'sm', color: '#374151' })],
    [uriButton(button.label, button.uri)],
  );
}
