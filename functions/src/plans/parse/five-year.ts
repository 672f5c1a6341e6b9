/**
 * The 5-year template: a summary table (summary.ts) followed by one detail section per item ("1. ชื่อโครงการ : …",
 * "2. หลักการและเหตุผล", …), linked to the summary's items and reconciled with them field by field.
 */
import { statedBudget } from './amounts.ts';
import {
  cleanName,
  matchKey,
  NO_BUDGET,
  repairFromWitness,
  type WrapEvidence,
  writtenIfDifferent,
} from '../normalize.ts';
import type { Project, ProjectDetail } from '../schema.ts';
import { DIMENSION_HEADING, dimensionByWords, MISSION_HEADING, PAGE_MARK, projectIdFactory, unbullet, withoutStatusRemark, type Line } from './common.ts';
import { pairSections } from './link.ts';
import { reconcile, unitsDiffer } from './reconcile.ts';
import type { SummaryItem } from './summary.ts';
import { withoutOrgSuffix } from './units.ts';

// ---------------------------------------------------------------------------------------------------------------
// Detail sections

const SECTION_NAME = /^(?:(\d{1,3})\s*\.\s*)?(?:ชื่อ|ข้อ)(?:โครงการ|กิจกรรม|มาตรการ)(?:\/(?:โครงการ|กิจกรรม|มาตรการ))*\s*[:：]?\s*(.*)$/;
const SECTION_NUMBER = /^(?:(?:โครงการ|ลำดับ|กิจกรรม|มาตรการ)\s*ที่|ข้อโครงการ(?:ที่)?)\s*(\d{1,3})\s*$/;
const SECTION_NUMBER_NAMED = /^(?:(?:โครงการ|ลำดับ|กิจกรรม|มาตรการ)\s*ที่|ข้อโครงการ(?:ที่)?)\s*(\d{1,3})\s*[:：.)]?\s+((?:โครงการ|กิจกรรม|มาตรการ)\S.*)$/;
/** A budget or unit label and its text on one line without a colon: "งบประมาณ ไม่ใช้งบประมาณ", "ผู้รับผิดชอบ กองคลัง". */
const BARE_FIELD = /^(งบประมาณ(?:ดำเนินการ|ที่ใช้)?|(?:ผู้|หน่วยงาน(?:ที่)?)รับผิดชอบ(?:โครงการ)?)\s+(\S.{0,80})$/;
const FIELD = /^(\d{1,2})\s*\.\s*(\S.{0,60})$/;
/** A numbered field with its text after a colon on the same line. */
const NUMBERED_INLINE = /^(\d{1,2})\s*\.\s*([^:：\d][^:：]{0,50}?)\s*[:：]\s*(\S.*)$/;
/** A field labelled on the line that holds its text: "วัตถุประสงค์ : …", "งบประมาณ : 5,000 บาท". */
const INLINE_FIELD = /^((?:วัตถุประสงค์|ตัวชี้วัด|งบประมาณ|ระยะเวลา|ผู้รับผิดชอบ|หน่วยงานรับผิดชอบ|หลักการ|เป้าหมาย|วิธีดำเนินการ|ผลผลิต|ผลลัพธ์|ผลที่คาดว่า)[^:：]{0,40})\s*[:：]\s*(.*)$/;
/** A field's label alone on its line, its text on the lines below ("ผู้รับผิดชอบ" then "สำนักปลัดเทศบาล"). */
const LABEL_ONLY = /^(?:หลักการและเหตุผล|วัตถุประสงค์|เป้าหมาย|กลุ่มเป้าหมาย|วิธี(?:การ)?ดำเนิน(?:การ|งาน)|ระยะเวลา(?:ดำเนินการ|ในการดำเนินการ|การดำเนินการ)?|งบประมาณ(?:ดำเนินการ|ที่ใช้)?|(?:ผู้|หน่วยงาน(?:ที่)?)รับผิดชอบ(?:โครงการ)?|ผลผลิต|ผลลัพธ์|ตัวชี้วัด|ผลที่คาดว่าจะได้รับ)\s*[:：]?$/;
/** Structure between sections that is never a section's text: totals lines, strategy headings, page numbers. */
const BETWEEN = /^รวม\s*(?:ม(?:ิ)?ติ|ด้าน)(?:ที่)?\s*\d|^ยุทธศาสตร์ที่\s*\d+\s|^[-–]\s*\d{1,3}\s*[-–]$|^หน้า\s*(?:ที่\s*)?\d{1,3}$/;
const SUB_MISSION = /^[1-4]\.\d{1,2}(?:\.\d{1,2})*\s+\S/;

/**
 * A sheet printed as a two-column form (a Word table: "งบประมาณ ⇥ ไม่ใช้งบประมาณ", "ผู้รับผิดชอบ ⇥ กองคลัง"): the label
 * cell and its text read as "label : text".
 */
function formField(text: string): string {
  const tab = text.indexOf('\t');
  if (tab < 0) return text;
  const label = text.slice(0, tab).trim().replace(/[:：]$/, '').trim();
  const rest = text.slice(tab + 1).replace(/\t+/g, ' ').trim();
  return rest !== '' && (LABEL_ONLY.test(label) || /^(?:ชื่อ)(?:โครงการ|กิจกรรม|มาตรการ)(?:\/(?:โครงการ|กิจกรรม|มาตรการ))*$/.test(label)) ? `${label} : ${rest}` : text;
}

type FieldName = 'rationale' | 'objectives' | 'targetGroup' | 'method' | 'period' | 'budgetText' | 'responsibleUnit' | 'results';

function fieldOf(label: string): FieldName | null {
  if (/หลักการ|ที่มา/.test(label)) return 'rationale';
  if (/วัตถุประสงค์/.test(label)) return 'objectives';
  if (/เป้าหมาย/.test(label)) return 'targetGroup';
  if (/วิธี/.test(label)) return 'method';
  if (/ระยะเวลา/.test(label)) return 'period';
  if (/งบประมาณ/.test(label)) return 'budgetText';
  if (/ผู้รับผิดชอบ|หน่วยงานรับผิดชอบ|รับผิดชอบ/.test(label)) return 'responsibleUnit';
  if (/ผลผลิต|ผลลัพธ์|ตัวชี้วัด|ผลที่คาดว่า/.test(label)) return 'results';
  return null;
}

export interface DetailSection extends ProjectDetail {
  /** Number the document gives the section ("โครงการที่ 6"), if any. */
  number: string | null;
  dimension: number | null;
  /** The dimension came from a heading's title words out of sequence (no number). */
  dimensionInferred: boolean;
  mission: string | null;
  key: string;
  /** Lines where the budget and the unit text start, when the section gives them. */
  budgetLine: number | null;
  unitLine: number | null;
}

export function parseDetailSections(lines: Line[], fromLine: number, evidence: WrapEvidence): DetailSection[] {
  const sections: DetailSection[] = [];
  let dimension: number | null = null;
  let mission: string | null = null;
  let pendingNumber: string | null = null;
  let dimensionByTitle = false;
  let current: (DetailSection & { lastField: number; field: FieldName | null; resultsTarget: 'outputs' | 'outcomes' | 'kpis' }) | null = null;
  const buffers = new Map<string, string[]>();
  /** The line where each field's text starts (a flag on the budget or the unit points there). */
  const fieldLines = new Map<string, number>();
  const append = (target: string, text: string, no: number) => {
    if (!fieldLines.has(target)) fieldLines.set(target, no);
    buffers.set(target, [...(buffers.get(target) ?? []), text]);
  };
  // "N. ชื่อโครงการ : …" numbers the items when the document has no "โครงการที่ N" headings and its Ns are not all 1
  // (in the 5-year sheet, "1. ชื่อโครงการ" is the sheet's first field).
  const nameNumbers = lines.filter((l) => l.no > fromLine).map((l) => unbullet(l.text).match(SECTION_NAME)?.[1]).filter((n) => n !== undefined);
  const itemNumbered = nameNumbers.some((n) => n !== '1') && !lines.some((l) => l.no > fromLine && SECTION_NUMBER.test(unbullet(l.text).trim()));

  const flush = () => {
    if (!current) return;
    const get = (f: string) => buffers.get(f) ?? [];
    const text = (f: string) => cleanName(get(f).join(' '));
    // (Items numbered under their field, "3.1 …", lose the number as "1. …" does.)
    const list = (f: string) => get(f).map((s) => cleanName(unbullet(s).replace(/^\d{1,2}\.\d{1,2}\s+/u, ''))).filter((s) => s !== '');
    current.rationale = text('rationale');
    current.objectives = list('objectives');
    current.targetGroup = text('targetGroup');
    current.method = list('method');
    current.period = text('period');
    current.budgetText = text('budgetText');
    current.budgetAmount = NO_BUDGET.test(current.budgetText) ? 0 : /บาท/.test(current.budgetText) ? statedBudget(current.budgetText).amount : null;
    current.responsibleUnit = text('responsibleUnit');
    current.budgetLine = fieldLines.get('budgetText') ?? null;
    current.unitLine = fieldLines.get('responsibleUnit') ?? null;
    current.outputs = list('outputs');
    current.outcomes = list('outcomes');
    current.kpis = list('kpis');
    const { lastField: _l, field: _f, resultsTarget: _r, ...section } = current;
    sections.push(section);
    current = null;
    buffers.clear();
    fieldLines.clear();
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.no <= fromLine) continue;
    const raw = formField(l.text).replace(/\t/g, ' ').trim();
    const t = unbullet(raw).trim();
    if (t === '') continue;
    // A page's number ("- 18 -") is never a field's text (read before unbullet takes its "- " for a bullet).
    if (/^[-–]\s*\d{1,3}\s*[-–]$/.test(raw)) continue;

    if (BETWEEN.test(t)) {
      if (!/^[-–]|^หน้า/.test(t)) flush();
      continue;
    }
    const dim = t.match(DIMENSION_HEADING);
    // A numbered full title ("4. การเสริมสร้างและปรับปรุงกลไก…") is its dimension's heading, not a field or an item.
    const numberedTitle = t.match(/^([1-4])\s*\.\s*(\S.*)$/);
    if (numberedTitle?.[1] && t.length < 160 && !SECTION_NAME.test(t) && dimensionByWords(matchKey(numberedTitle[2] ?? '')) === Number(numberedTitle[1]) && (!current || current.field !== null)) {
      flush();
      dimension = Number(numberedTitle[1]);
      dimensionByTitle = false;
      continue;
    }
    if (dim?.[1] && t.length < 120) {
      flush();
      dimension = Number(dim[1]);
      dimensionByTitle = false;
      continue;
    }
    // Between sections, a dimension's standard title on a line of its own (no number) is its heading.
    const titled: number | null = t.length < 120 && !l.text.includes('\t') && (!current || current.lastField >= 8) ? dimensionByWords(matchKey(t)) : null;
    if (titled && titled !== dimension) {
      flush();
      dimensionByTitle = titled !== (dimension ?? 0) + 1;
      dimension = titled;
      continue;
    }
    const num = t.match(SECTION_NUMBER);
    if (num?.[1]) {
      flush();
      pendingNumber = num[1];
      continue;
    }
    // "โครงการที่ 3 : โครงการ…" — the number and the name on one line.
    const numbered = t.match(SECTION_NUMBER_NAMED);
    if (numbered?.[1]) pendingNumber = numbered[1];
    let name = numbered?.[2] ? (['', undefined, numbered[2]] as RegExpMatchArray) : t.match(SECTION_NAME);
    // "ชื่อโครงการ" alone, the name on the next line.
    if (name && (name[2] ?? '') === '' && !numbered) {
      let k = i + 1;
      while (k < lines.length && (lines[k]?.text.trim() ?? '') === '') k++;
      const next = unbullet(lines[k]?.text.replace(/\t/g, ' ') ?? '').trim();
      if (next !== '' && /^(?:โครงการ|กิจกรรม|มาตรการ)/.test(next) && !FIELD.test(next) && !INLINE_FIELD.test(next) && !LABEL_ONLY.test(next)) {
        i = k;
        name = ['', name[1], next] as RegExpMatchArray;
      }
    }
    if (name && (name[2] ?? '').length > 0) {
      flush();
      let nameText = name[2] ?? '';
      // The name may wrap onto following lines, up to the next blank line.
      // (A PDF's text has no blank lines: a field's label alone on a line, or the next section, ends it too.)
      const endsName = (next: string) => next === '' || FIELD.test(next) || (NUMBERED_INLINE.test(next) && fieldOf(next.match(NUMBERED_INLINE)?.[2] ?? '') !== null) || INLINE_FIELD.test(next) || BARE_FIELD.test(next) || LABEL_ONLY.test(next) || BETWEEN.test(next) || PAGE_MARK.test(next) || SECTION_NUMBER.test(next) || SECTION_NAME.test(next);
      while (i + 1 < lines.length && !endsName(formField(lines[i + 1]?.text ?? '').trim()) && !endsName(unbullet(formField(lines[i + 1]?.text ?? '')))) {
        i++;
        nameText += `\n${lines[i]?.text.trim() ?? ''}`;
      }
      const clean = cleanName(withoutStatusRemark(nameText.replace(/^[:：\s]+/, '')), evidence);
      current = {
        name: clean,
        rationale: '',
        objectives: [],
        targetGroup: '',
        method: [],
        period: '',
        budgetText: '',
        budgetAmount: null,
        responsibleUnit: '',
        outputs: [],
        outcomes: [],
        kpis: [],
        line: l.no,
        number: pendingNumber ?? (itemNumbered && name[1] !== undefined ? String(Number(name[1])) : null),
        dimension,
        dimensionInferred: dimensionByTitle,
        mission,
        key: matchKey(clean),
        budgetLine: null,
        unitLine: null,
        lastField: 1,
        field: null,
        resultsTarget: 'outputs',
      };
      pendingNumber = null;
      continue;
    }
    // Inside a section, "3.1 เพื่อ…" under "3. วัตถุประสงค์" is an item of that field, not a mission heading.
    const subItem = /^(\d{1,2})\.\d{1,2}\s/.exec(t);
    const fieldItem = !!current && current.field !== null && !!subItem && Number(subItem[1]) === current.lastField;
    // A mission heading between the sheets: "2.2 …", "2.2.1 …", or by its word "ภารกิจที่ 2.2 …" / "ภารกิจ ๒.๒: …".
    // (After a sheet's closing field — the unit, the budget, the period — a mission heading ends the sheet.)
    const closing = !!current && (current.lastField >= 8 || current.field === 'responsibleUnit' || current.field === 'budgetText' || current.field === 'period');
    if (!fieldItem && ((SUB_MISSION.test(t) && !/^\d+\.\s/.test(t)) || ((!current || current.field === null || closing) && MISSION_HEADING.test(t)))) {
      const m = t.match(/^([1-4])\.(\d{1,2})/) ?? t.match(MISSION_HEADING);
      if (m?.[1] && m[2]) mission = `${m[1]}.${Number(m[2])}`;
      if (current && current.field !== null && closing) flush();
      // Between sections, a mission heading also names the dimension (a "มิติที่ N" heading may be missing).
      if (!current && m?.[1]) dimension = Number(m[1]);
      continue;
    }
    if (/^ภ\s*า\s*ค\s*ผ\s*น\s*ว\s*ก/.test(t) || /^ส่วนที่\s*\d/.test(t)) {
      flush();
      // A new part: the dimension and mission of what came before do not carry into it.
      dimension = null;
      mission = null;
      continue;
    }
    if (!current) continue;
    const inline = t.match(INLINE_FIELD);
    const inlineKind = inline?.[1] ? fieldOf(inline[1]) : null;
    if (inline && inlineKind) {
      current.field = inlineKind;
      if (inlineKind === 'results') current.resultsTarget = /ตัวชี้วัด/.test(inline[1] ?? '') ? 'kpis' : /ผลลัพธ์/.test(inline[1] ?? '') ? 'outcomes' : 'outputs';
      const target = inlineKind === 'results' ? current.resultsTarget : inlineKind;
      if ((inline[2] ?? '').trim() !== '') append(target, (inline[2] ?? '').trim(), l.no);
      continue;
    }
    const bare = t.match(BARE_FIELD);
    const bareKind = bare?.[1] ? fieldOf(bare[1]) : null;
    const bareText = (bare?.[2] ?? '').trim();
    if (bareKind && (bareKind === 'budgetText' ? /ไม่(?:ใช้|มี)งบ|บาท|^[-–]$|^\d/.test(bareText) : bareText.length <= 60 && !/\d/.test(bareText))) {
      current.field = bareKind;
      append(bareKind, bareText, l.no);
      continue;
    }
    const labelKind = LABEL_ONLY.test(t) ? fieldOf(t) : null;
    if (labelKind && labelKind !== 'results') {
      current.field = labelKind;
      continue;
    }
    if (labelKind === 'results' && current.field !== 'results') {
      current.field = 'results';
      current.resultsTarget = /ตัวชี้วัด/.test(t) ? 'kpis' : /ผลลัพธ์/.test(t) ? 'outcomes' : 'outputs';
      continue;
    }
    // A numbered field, its text on the same line after a colon ("8. งบประมาณดำเนินการ : ไม่ใช้งบประมาณ") or below.
    const field = t.match(NUMBERED_INLINE) ?? t.match(FIELD);
    if (field?.[1] && field[2]) {
      const n = Number(field[1]);
      const kind = fieldOf(field[2]);
      if (kind && n > current.lastField && n <= current.lastField + 3) {
        current.lastField = n;
        current.field = kind;
        if (kind === 'results') current.resultsTarget = /ตัวชี้วัด/.test(field[2]) && !/ผลผลิต|ผลลัพธ์/.test(field[2]) ? 'kpis' : 'outputs';
        const rest = (field[3] ?? '').trim();
        const target = kind === 'results' ? current.resultsTarget : kind;
        if (rest !== '') append(target, rest, l.no);
        continue;
      }
    }
    if (!current.field) continue;
    let target: string = current.field;
    if (current.field === 'results') {
      const label = t.replace(/[:：\s]+$/, '');
      if (/^ผลผลิต(?:\s*\(output\))?$/i.test(label)) {
        current.resultsTarget = 'outputs';
        continue;
      }
      if (/^ผลลัพธ์(?:\s*\(outcome\))?$/i.test(label)) {
        current.resultsTarget = 'outcomes';
        continue;
      }
      if (/^ตัวชี้วัด$/.test(label)) {
        current.resultsTarget = 'kpis';
        continue;
      }
      target = current.resultsTarget;
    }
    const buf = buffers.get(target) ?? [];
    const listish = ['objectives', 'method', 'outputs', 'outcomes', 'kpis'].includes(target);
    // In lists, a line that does not start a new item continues the one before (the PDF wrapped it).
    if (listish && buf.length > 0 && !/^(?:[-●•]|\d{1,2}\s*[.)]|\(\d{1,2}\)|[๑-๙]\s*[.)])/.test(l.text.trim())) {
      buf[buf.length - 1] = `${buf[buf.length - 1] ?? ''} ${t}`;
    } else buf.push(t);
    buffers.set(target, buf);
    if (!fieldLines.has(target)) fieldLines.set(target, l.no);
  }
  flush();
  return sections;
}

/** The stored form of a detail section (what the project keeps of it). */
export function detailOfSection(s: DetailSection): ProjectDetail {
  return {
    name: s.name,
    rationale: s.rationale,
    objectives: s.objectives,
    targetGroup: s.targetGroup,
    method: s.method,
    period: s.period,
    budgetText: s.budgetText,
    budgetAmount: s.budgetAmount,
    responsibleUnit: s.responsibleUnit,
    outputs: s.outputs,
    outcomes: s.outcomes,
    kpis: s.kpis,
    line: s.line,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Linking summary rows to detail sections

const PLACEHOLDER = /ระบุชื่อ/;

export interface LinkResult {
  projects: Project[];
  unlinkedSections: DetailSection[];
  notes: string[];
}

export function linkSections(items: SummaryItem[], sections: DetailSection[], evidence?: WrapEvidence): LinkResult {
  const notes: string[] = [];
  const linked = pairSections(items, sections, notes);
  const usedSections = new Set(linked.values());

  const nextId = projectIdFactory();
  const projects: Project[] = items.map((it, i) => {
    const s = linked.get(i) ?? null;
    let name = it.name;
    if (s && PLACEHOLDER.test(name) && !PLACEHOLDER.test(s.name)) {
      notes.push(`item ${it.number}: the summary keeps the template's placeholder ("${it.name}"); the detail section's name is used`);
      name = s.name;
    } else if (s && evidence) {
      const repaired = repairFromWitness(name, s.name, evidence);
      if (repaired !== name) {
        notes.push(`item ${it.number}: "${name}" (summary, line ${it.line}) read as "${repaired}", as its detail section (line ${s.line}) and the rest of the document write it`);
        name = repaired;
      }
    }
    const chosen = reconcile(
      { name, dimension: it.dimension, budgets: it.budgets, line: it.line, review: it.review, shared: it.budgetShared !== null, unit: it.unit },
      s,
      // Only a document that gives (nearly) every item a detail section makes a missing one suspicious.
      sections.length >= items.length * 0.8,
    );
    name = chosen.name;
    const detail: ProjectDetail | null = s ? detailOfSection(s) : null;
    // The detail section names the unit and does not contradict the row: the unit is settled, whatever the
    // summary's shared or empty unit cell left open.
    if (detail?.responsibleUnit && !unitsDiffer(it.unit, detail.responsibleUnit, 1)) chosen.review = chosen.review.filter((f) => !(f.field === 'responsibleUnit' && /unit cell/.test(f.reason)));
    return {
      id: nextId(chosen.dimension, it.number),
      number: it.number,
      seq: i + 1,
      name,
      ...writtenIfDifferent(it.written, name),
      nameKey: matchKey(name),
      dimension: chosen.dimension as 1 | 2 | 3 | 4,
      mission: it.mission,
      budgets: it.budgets,
      budgetShared: it.budgetShared,
      // The summary's unit column, where it names the unit and the detail section agrees: the column's text is the
      // unit alone (a detail section's unit line often goes on with the organisation's name and address).
      // (Under a unit column, a detail section's unit drops the organisation's name the column never prints.)
      responsibleUnit: (it.unit && detail?.responsibleUnit && !unitsDiffer(it.unit, detail.responsibleUnit, 1) ? it.unit : null) || (detail?.responsibleUnit && it.unitCell !== undefined ? withoutOrgSuffix(detail.responsibleUnit) : detail?.responsibleUnit) || it.unit || null,
      detail,
      yearPlan: null,
      activity: null,
      line: it.line,
      review: chosen.review,
    };
  });
  // Shared-budget rows: list the ids of every item of the row.
  const byLine = new Map<number, Project[]>();
  for (const p of projects) if (p.budgetShared) byLine.set(p.budgetShared.line, [...(byLine.get(p.budgetShared.line) ?? []), p]);
  for (const group of byLine.values()) {
    if (splitSharedByDetails(group)) {
      notes.push(`line ${group[0]?.line ?? '?'}: one set of figures for ${group.length} items (${group.map((g) => g.number).join(', ')}) split as their detail sections state (${group.map((g) => g.detail?.budgetAmount).join(' + ')})`);
      continue;
    }
    for (const p of group) if (p.budgetShared) p.budgetShared.projectIds = group.map((g) => g.id);
  }

  return { projects, unlinkedSections: sections.filter((s) => !usedSections.has(s)), notes };
}

/**
 * A row's one set of figures, when every item of the row has a detail section stating its own amount and those
 * amounts add up to the row's figure in each year it gives: each item gets its own amount (the sums stay the
 * document's) and the shared-figure flags go. Returns false, changing nothing, otherwise.
 */
function splitSharedByDetails(group: Project[]): boolean {
  const amounts = group.map((p) => p.detail?.budgetAmount ?? null);
  if (group.length < 2 || amounts.some((a) => a === null)) return false;
  const first = group[0] as Project;
  const sum = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);
  const years = Object.keys(first.budgets);
  const sharedYears = years.filter((y) => group.reduce((s, p) => s + (p.budgets[y] ?? 0), 0) > 0);
  if (sharedYears.length === 0 || !sharedYears.every((y) => group.reduce((s, p) => s + (p.budgets[y] ?? 0), 0) === sum)) return false;
  group.forEach((p, i) => {
    for (const y of sharedYears) p.budgets[y] = amounts[i] ?? 0;
    p.budgetShared = null;
    p.review = (p.review ?? []).filter((f) => !(f.field.startsWith('budgets') && /one set of figures/.test(f.reason)));
  });
  return true;
}
