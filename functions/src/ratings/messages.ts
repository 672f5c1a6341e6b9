/**
 * LINE messages of the ratings feature. Pure builders. Every figure is labelled with its definition: "ร้อยละความพึงพอใจ
 * (คะแนนเฉลี่ย)" is mean ÷ 5 × 100; "ผู้ที่พึงพอใจ (ระดับ 4-5)" is the share of 4s and 5s. Nothing here takes a comment or a
 * LINE user id: staff cards carry scores and the service only (comments may hold personal data; staff read them in the
 * staff page, which needs a staff role).
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Message } from '../line/client.ts';
import { fitText } from '../line/limits.ts';
import type { Figures, Group } from './aggregate.ts';
import { ITEM_SHORT_LABELS, ITEMS, LOW_SCORE, SOURCE_LABELS, type Item, type Rating, type RatingSettings } from './schema.ts';
import { formatThaiDateTime, formatThaiWeek } from '../time/bangkok.ts';
import { formatNumber } from '../text/numbers.ts';

type FlexComponent = messagingApi.FlexComponent;
type FlexBubble = messagingApi.FlexBubble;

export const ALT_TEXT_MAX = 1500;

/** The shared LINE cut (line/limits.ts): at most `max` UTF-16 units, readable "…" ending. */
export const clip = fitText;

/** 91.6 -> "91.6%"; null -> "-". One decimal, as Thai reports print. */
export const pct = (x: number | null) => (x === null ? '-' : `${(Math.round(x * 10) / 10).toFixed(1)}%`);
const mean = (x: number | null) => (x === null ? '-' : x.toFixed(2));

const txt = (text: string, extra: Partial<messagingApi.FlexText> = {}): FlexComponent => ({ type: 'text', text, wrap: true, size: 'sm', color: '#111827', ...extra });
const row = (label: string, value: string, extra: Partial<messagingApi.FlexText> = {}): FlexComponent => ({
  type: 'box',
  layout: 'baseline',
  spacing: 'sm',
  contents: [txt(label, { color: '#6B7280', flex: 5 }), txt(value, { flex: 3, align: 'end', weight: 'bold', ...extra })],
});
const separator = (): FlexComponent => ({ type: 'separator', margin: 'md' });
const uriButton = (label: string, uri: string, style: 'primary' | 'secondary' | 'link' = 'link'): FlexComponent => ({ type: 'button', style, height: 'sm', action: { type: 'uri', label, uri } });

/** A horizontal bar for a percentage (0-100), coloured by whether it reaches the target. */
function bar(label: string, value: number | null, target: number): FlexComponent {
  const width = value === null ? 0 : Math.max(1, Math.min(100, Math.round(value)));
  const color = value !== null && value >= target ? '#16A34A' : '#F59E0B';
  return {
    type: 'box',
    layout: 'vertical',
    spacing: 'xs',
    contents: [
      { type: 'box', layout: 'baseline', contents: [txt(label, { size: 'xs', color: '#374151', flex: 5 }), txt(pct(value), { size: 'xs', align: 'end', flex: 2 })] },
      {
        type: 'box',
        layout: 'vertical',
        height: '6px',
        backgroundColor: '#E5E7EB',
        cornerRadius: '3px',
        contents: [{ type: 'box', layout: 'vertical', width: `${width}%`, height: '6px', backgroundColor: color, cornerRadius: '3px', contents: [] }],
      },
    ],
  };
}

/** The two figures of a group, each saying what it is. */
function figureRows(f: Pick<Figures, 'mean' | 'meanPercent' | 'satisfiedPercent'>, ratings: number): FlexComponent[] {
  return [
    row(`ร้อยละความพึงพอใจ (คะแนนเฉลี่ย ${mean(f.mean)} จาก 5)`, pct(f.meanPercent), { size: 'md', color: '#1D4ED8' }),
    row('ผู้ที่พึงพอใจถึงพึงพอใจมาก (ให้ 4-5 คะแนน)', pct(f.satisfiedPercent)),
    row('จำนวนผู้ประเมิน', `${formatNumber(ratings)} คน`),
  ];
}

function targetLine(f: Pick<Figures, 'meanPercent' | 'satisfiedPercent'>, target: { percent: number; basis: RatingSettings['targetBasis']; label: string }): FlexComponent {
  const value = target.basis === 'mean' ? f.meanPercent : f.satisfiedPercent;
  const basis = target.basis === 'mean' ? 'ร้อยละความพึงพอใจ (คะแนนเฉลี่ย)' : 'ผู้ที่พึงพอใจ (4-5 คะแนน)';
  const verdict = value === null ? 'ยังไม่มีผลประเมิน' : value >= target.percent ? 'ผ่านเป้าหมาย ✓' : 'ต่ำกว่าเป้าหมาย';
  return txt(`${target.label}: ${basis} ไม่น้อยกว่าร้อยละ ${target.percent} — ${verdict}`, { size: 'xs', color: value !== null && value >= target.percent ? '#15803D' : '#B45309' });
}

// ---------- low score alert (staff group) ----------

/**
 * A low rating of how a corruption case was handled: to integrity officers only, and with nothing of the case or the
 * rating in it (the case's page shows the rating to them).
 */
export function corruptionLowScoreNotice(inboxUrl: string | undefined): Message {
  const text = 'มีผลประเมินความพึงพอใจต่ำของการจัดการเรื่องแจ้งเบาะแสการทุจริต 1 เรื่อง กรุณาตรวจสอบในระบบ (เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ)';
  return { type: 'text', text: inboxUrl ? `${text}\n${inboxUrl}` : text };
}

/** Items a rating scored at or below LOW_SCORE. */
export function lowItems(r: Pick<Rating, 'scores'>): Item[] {
  return ITEMS.filter((i) => r.scores[i] <= LOW_SCORE);
}

/**
 * Sent at once to the service's staff group when any item scored 2 or less: the service, the five scores, when and
 * how the rating came; no comment text and nothing about the person.
 */
export function lowScoreAlert(r: Pick<Rating, 'serviceTitle' | 'scores' | 'createdAt' | 'source' | 'hasComment'>, staffUrl: string | undefined): Message {
  const low = lowItems(r);
  const body: FlexComponent[] = [
    txt('⚠️ มีผลประเมินความพึงพอใจต่ำ', { weight: 'bold', size: 'md', color: '#B91C1C' }),
    txt(clip(r.serviceTitle, 80), { weight: 'bold' }),
    txt(`${formatThaiDateTime(r.createdAt)} · ${SOURCE_LABELS[r.source]}`, { size: 'xs', color: '#6B7280' }),
    separator(),
    ...ITEMS.map((i) => row(ITEM_SHORT_LABELS[i], `${r.scores[i]} / 5`, r.scores[i] <= LOW_SCORE ? { color: '#B91C1C' } : {})),
    separator(),
    txt(r.hasComment ? 'ผู้ประเมินเขียนความคิดเห็นไว้ อ่านได้ในหน้าความคิดเห็น (เฉพาะเจ้าหน้าที่)' : 'ไม่มีความคิดเห็นเพิ่มเติม', { size: 'xs', color: '#374151' }),
  ];
  const bubble: FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(staffUrl ? { footer: { type: 'box', layout: 'vertical', contents: [uriButton('ดูความคิดเห็นและผลประเมิน', staffUrl, 'primary')] } } : {}),
  };
  const alt = `ผลประเมินความพึงพอใจต่ำ: ${r.serviceTitle} (${low.map((i) => `${ITEM_SHORT_LABELS[i]} ${r.scores[i]}/5`).join(', ')})`;
  return { type: 'flex', altText: clip(alt, 400), contents: bubble };
}

// ---------- weekly summary (staff group) ----------

export interface WeeklyCardInput {
  orgName: string;
  week: string;
  group: Group;
  previous: Group | null;
  services: Array<{ title: string; ratings: number; meanPercent: number | null; satisfiedPercent: number | null; lowAnswers: number }>;
  target: { percent: number; basis: RatingSettings['targetBasis']; label: string };
}

const trend = (now: number | null, before: number | null) => {
  if (now === null || before === null) return '';
  const d = Math.round((now - before) * 10) / 10;
  return d === 0 ? ' (เท่าสัปดาห์ก่อน)' : ` (${d > 0 ? '▲' : '▼'} ${Math.abs(d).toFixed(1)} จากสัปดาห์ก่อน)`;
};

/** The Monday card: last week's figures (both definitions), per item and per service, against the target. */
export function weeklySummaryCard(w: WeeklyCardInput, links: { results?: string | undefined; staff?: string | undefined }): Message {
  const g = w.group;
  const services = [...w.services].sort((a, b) => (a.meanPercent ?? 101) - (b.meanPercent ?? 101)).slice(0, 8);
  const body: FlexComponent[] = [
    txt('สรุปความพึงพอใจประจำสัปดาห์', { weight: 'bold', size: 'md' }),
    txt(`${clip(w.orgName, 60)} · ${formatThaiWeek(w.week)}`, { size: 'xs', color: '#6B7280' }),
    separator(),
    ...figureRows(g.allItems, g.ratings),
    txt(`เทียบสัปดาห์ก่อน: ร้อยละความพึงพอใจ${trend(g.allItems.meanPercent, w.previous?.allItems.meanPercent ?? null) || ' (ไม่มีข้อมูลสัปดาห์ก่อน)'}`, { size: 'xs', color: '#6B7280' }),
    targetLine(g.allItems, w.target),
    separator(),
    txt('รายด้าน (ร้อยละความพึงพอใจ จากคะแนนเฉลี่ย)', { size: 'xs', weight: 'bold', color: '#374151' }),
    ...ITEMS.map((i) => bar(ITEM_SHORT_LABELS[i], g.items[i].meanPercent, w.target.percent)),
  ];
  if (services.length > 0) {
    body.push(separator(), txt('รายบริการ (เรียงจากต่ำไปสูง)', { size: 'xs', weight: 'bold', color: '#374151' }));
    for (const s of services) {
      body.push(row(`${clip(s.title, 40)} (${s.ratings} คน${s.lowAnswers ? `, คะแนน 1-2: ${s.lowAnswers}` : ''})`, `${pct(s.meanPercent)} / ${pct(s.satisfiedPercent)}`, { size: 'xs' }));
    }
    body.push(txt('ตัวเลข: ร้อยละความพึงพอใจ (คะแนนเฉลี่ย) / ผู้ที่ให้ 4-5 คะแนน', { size: 'xxs', color: '#6B7280' }));
  }
  if (g.comments > 0) body.push(txt(`มีความคิดเห็น ${g.comments} รายการ (อ่านได้เฉพาะเจ้าหน้าที่)`, { size: 'xs', color: '#374151' }));
  const footer: FlexComponent[] = [
    ...(links.staff ? [uriButton('อ่านความคิดเห็น', links.staff, 'primary')] : []),
    ...(links.results ? [uriButton('ผลที่เผยแพร่ต่อสาธารณะ', links.results)] : []),
  ];
  const bubble: FlexBubble = {
    type: 'bubble',
    size: 'mega',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(footer.length ? { footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer } } : {}),
  };
  const alt = `สรุปความพึงพอใจสัปดาห์ ${formatThaiWeek(w.week)}: ร้อยละความพึงพอใจ (คะแนนเฉลี่ย) ${pct(g.allItems.meanPercent)}, ผู้ที่พึงพอใจ (4-5 คะแนน) ${pct(g.allItems.satisfiedPercent)}, ผู้ประเมิน ${g.ratings} คน`;
  return { type: 'flex', altText: clip(alt, ALT_TEXT_MAX), contents: bubble };
}

// ---------- the chat answer ----------

export interface PeriodFigures {
  label: string;
  ratings: number;
  mean: number | null;
  meanPercent: number | null;
  satisfiedPercent: number | null;
  items: Record<Item, { meanPercent: number | null; satisfiedPercent: number | null }>;
}

/** What the chat engine needs to answer "ความพึงพอใจเป็นอย่างไร" (built by `latestSatisfactionSummary`). */
export interface SatisfactionSummary {
  orgId: string;
  orgName: string;
  asOf: string;
  /** The most recent Bangkok month with ratings in the last 12 months; null when there is none. */
  latestMonth: (PeriodFigures & { month: string }) | null;
  /** The Thai fiscal year so far (1 October to today, Bangkok). */
  yearToDate: PeriodFigures & { fiscalYear: number; from: string; to: string };
  target: { percent: number; basis: RatingSettings['targetBasis']; basisLabel: string; source: string; origin: RatingSettings['origin']; label: string; metByYearToDate: boolean | null; metByLatestMonth: boolean | null };
  definitions: { meanPercent: string; satisfiedPercent: string };
}

function periodSection(title: string, p: PeriodFigures, target: SatisfactionSummary['target']): FlexComponent[] {
  return [
    txt(title, { weight: 'bold', size: 'sm', color: '#374151' }),
    ...figureRows(p, p.ratings),
    targetLine(p, target),
  ];
}

/**
 * The chat reply: latest month and fiscal year to date, both figures named, the target, and buttons to the public
 * results and the form. One Flex bubble (well under 30 KB), altText under 1,500 characters.
 */
export function satisfactionMessages(s: SatisfactionSummary, links: { results?: string | undefined; rate?: string | undefined }): Message[] {
  if (s.yearToDate.ratings === 0 && !s.latestMonth) {
    const text = `${s.orgName} ยังไม่มีผลการประเมินความพึงพอใจในปีงบประมาณ ${s.yearToDate.fiscalYear} ค่ะ${links.rate ? '\nร่วมประเมินได้หลังรับบริการ ใช้เวลาไม่ถึง 1 นาที' : ''}`;
    if (!links.rate) return [{ type: 'text', text }];
    return [{ type: 'template', altText: clip(text, 400), template: { type: 'buttons', text: clip(text, 160), actions: [{ type: 'uri', label: 'ประเมินความพึงพอใจ', uri: links.rate }] } }];
  }
  const body: FlexComponent[] = [
    txt('ผลการประเมินความพึงพอใจ', { weight: 'bold', size: 'md' }),
    txt(clip(s.orgName, 80), { size: 'xs', color: '#6B7280' }),
    separator(),
  ];
  if (s.latestMonth) body.push(...periodSection(`เดือน${s.latestMonth.label}`, s.latestMonth, s.target), separator());
  body.push(...periodSection(`ปีงบประมาณ ${s.yearToDate.fiscalYear} (ตั้งแต่ 1 ต.ค. ถึงปัจจุบัน)`, s.yearToDate, s.target));
  if (s.yearToDate.ratings > 0) {
    body.push(separator(), txt('รายด้าน ปีงบประมาณนี้ (ร้อยละความพึงพอใจ จากคะแนนเฉลี่ย)', { size: 'xs', weight: 'bold', color: '#374151' }));
    body.push(...ITEMS.map((i) => bar(ITEM_SHORT_LABELS[i], s.yearToDate.items[i].meanPercent, s.target.percent)));
  }
  body.push(txt('ร้อยละความพึงพอใจ = คะแนนเฉลี่ย ÷ 5 × 100 · ผู้ที่พึงพอใจ = สัดส่วนผู้ให้ 4 หรือ 5 คะแนน', { size: 'xxs', color: '#6B7280', margin: 'md' }));
  const footer: FlexComponent[] = [
    ...(links.results ? [uriButton('ดูผลทั้งหมด', links.results, 'primary')] : []),
    ...(links.rate ? [uriButton('ประเมินความพึงพอใจ', links.rate, links.results ? 'secondary' : 'primary')] : []),
  ];
  const bubble: FlexBubble = {
    type: 'bubble',
    size: 'mega',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(footer.length ? { footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer } } : {}),
  };
  const parts = [`ความพึงพอใจ ${s.orgName}`];
  if (s.latestMonth) parts.push(`เดือน${s.latestMonth.label}: ร้อยละความพึงพอใจ (คะแนนเฉลี่ย) ${pct(s.latestMonth.meanPercent)}, ผู้ที่พึงพอใจ (4-5 คะแนน) ${pct(s.latestMonth.satisfiedPercent)}, ${s.latestMonth.ratings} คน`);
  parts.push(`ปีงบประมาณ ${s.yearToDate.fiscalYear}: ${pct(s.yearToDate.meanPercent)} / ${pct(s.yearToDate.satisfiedPercent)}, ${s.yearToDate.ratings} คน`);
  parts.push(`เป้าหมายร้อยละ ${s.target.percent}`);
  return [{ type: 'flex', altText: clip(parts.join(' · '), ALT_TEXT_MAX), contents: bubble }];
}
