/**
 * The 5-year template: a summary table (มิติ | ภารกิจตามมิติ | โครงการ/กิจกรรม/มาตรการ | ปี 2566 … ปี 2570) followed
 * by one detail section per item ("1. ชื่อโครงการ : …", "2. หลักการและเหตุผล", …).
 */
import {
  budgetCellValues,
  cleanName,
  joinWrappedRows,
  markTableWraps,
  matchKey,
  NO_BUDGET,
  parseBaht,
  repairFromWitness,
  similarity,
  type TableRow,
  type WrapEvidence,
  writtenIfDifferent,
} from '../normalize.ts';
import type { Budgets, Project, ProjectDetail, StatedTotal } from '../schema.ts';
import { DIMENSION_HEADING, projectIdFactory, statedBudgets, unbullet, type Line } from './common.ts';

export interface SummaryTable {
  headerLine: number;
  endLine: number;
  yearCols: { index: number; year: number }[];
  projectCol: number;
  columns: number;
}

/** Finds the summary table: a tab row with a โครงการ/กิจกรรม/มาตรการ column and at least two "ปี 25xx" columns. */
export function findSummaryTable(lines: Line[]): SummaryTable | null {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || !l.text.includes('\t')) continue;
    const cells = l.text.split('\t');
    const projectCol = cells.findIndex((c) => /โครงการ|กิจกรรม|มาตรการ/.test(c) && !/ไตรมาส/.test(c));
    const yearCols = cells
      .map((c, index) => ({ index, m: c.trim().match(/^(?:ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*)?(25\d\d)$/) }))
      .filter((x) => x.m?.[1])
      .map((x) => ({ index: x.index, year: Number(x.m?.[1]) }));
    if (projectCol < 0 || yearCols.length < 2 || projectCol > (yearCols[0]?.index ?? 0)) continue;
    let end = i;
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]?.text ?? '';
      end = j;
      if (/รวมทั้งสิ้น/.test(t) && t.includes('\t')) break;
      if (!t.includes('\t') && /^ส่วนที่\s*\d/.test(t.trim())) {
        end = j - 1;
        break;
      }
    }
    return { headerLine: l.no, endLine: lines[end]?.no ?? l.no, yearCols, projectCol, columns: cells.length };
  }
  return null;
}

interface SummaryItem {
  number: string;
  name: string;
  /** The item's text as the cell writes it. */
  written: string;
  dimension: number;
  mission: string | null;
  budgets: Budgets;
  budgetShared: Project['budgetShared'];
  line: number;
}

export interface SummaryResult {
  items: SummaryItem[];
  stated: StatedTotal[];
  dimensionTitles: Map<number, string>;
  missionTitles: Map<string, string>;
  fiscalYears: number[];
  notes: string[];
}

const HEADER_CELL = /โครงการ\/กิจกรรม|งบประมาณ\s*\(บาท\)|ภารกิจตาม|การกิจตาม|^ม(?:ิ)?ติ$/;

/** Item markers inside a project cell: "8) …", "1.1.1 (1) …", "1.1.3(4)…", "2.1.2 …", with the OCR's "1..1.3(1)". */
const ITEM_MARK = /(?<![\d.,])(?:([1-4](?:\.{1,2}\d{1,2}){1,3})\s*(?:\(\s*(\d{1,2})\s*\))?|(\d{1,3})\s*\))\s*(?=[^\d\s.,)])/g;

function splitItems(cell: string, dimension: number, expectedParen: number): { number: string; text: string }[] {
  const marks: { at: number; end: number; number: string }[] = [];
  let paren = expectedParen;
  for (const m of cell.matchAll(ITEM_MARK)) {
    const at = m.index ?? 0;
    if (at > 0 && !/\s/.test(cell[at - 1] ?? '')) continue;
    if (m[1]) {
      const code = m[1].replace(/\.{2,}/g, '.');
      if (Number(code.split('.')[0]) !== dimension) continue;
      marks.push({ at, end: at + m[0].length, number: m[2] ? `${code}(${Number(m[2])})` : code });
    } else if (m[3]) {
      const n = Number(m[3]);
      if (n !== paren && !(marks.length === 0 && at === 0)) continue;
      paren = n + 1;
      marks.push({ at, end: at + m[0].length, number: String(n) });
    }
  }
  return marks.map((mark, i) => ({ number: mark.number, text: cell.slice(mark.end, marks[i + 1]?.at ?? cell.length) }));
}

export function parseSummaryTable(lines: Line[], table: SummaryTable, evidence: WrapEvidence): SummaryResult {
  const byNo = new Map(lines.map((l) => [l.no, l]));
  // Rows by printed table (the header repeats on each page): a column's wrap width is the table's.
  const blocks: TableRow[][] = [[]];
  for (let no = table.headerLine + 1; no <= table.endLine; no++) {
    const l = byNo.get(no);
    if (!l || l.text.trim() === '') continue;
    const cells = l.text.split('\t');
    if (cells.some((c) => HEADER_CELL.test(c.trim())) && !cells.some((c) => /รวม/.test(c))) {
      if ((blocks.at(-1) ?? []).length > 0) blocks.push([]);
      continue;
    }
    if (!l.text.includes('\t') && (/^(?:ส่วนที่|แผนปฏิบัติการ|\(พ\.ศ\.)/.test(l.text.trim()) || l.text.trim().length < 3)) continue;
    blocks.at(-1)?.push({ cells, line: l.no });
  }
  const textColumns = Array.from({ length: table.projectCol + 1 }, (_, i) => i);
  const rawRows = blocks.flatMap((b) => markTableWraps(b, textColumns));
  const rows = joinWrappedRows(rawRows, (table.yearCols[0]?.index ?? table.columns - 1) + 1, table.projectCol);

  const items: SummaryItem[] = [];
  const stated: StatedTotal[] = [];
  const dimensionTitles = new Map<number, string>();
  const missionTitles = new Map<string, string>();
  const notes: string[] = [];
  let dimension = 0;
  let mission: string | null = null;
  let nextParen = 1;

  for (const row of rows) {
    const line = byNo.get(row.line) as Line;
    const cells = row.cells;
    const before = cells.slice(0, table.projectCol).map((c) => c.trim());
    const projectCell = cells[table.projectCol]?.trim() ?? '';
    const isTotal = [...before, projectCell].some((c) => /^รวม|^จำนวน\s*\d+\s*โครงการ/.test(c)) || cells.some((c) => /รวมทั้งสิ้น/.test(c));

    const dimCell = before[0] ?? '';
    const dimMatch = dimCell.match(/^(?:ม(?:ิ)?ติ\s*(?:ที่)?\s*)?([1-4])\s*\.?\s*(.*)$/s);
    if (dimMatch?.[1]) {
      dimension = Number(dimMatch[1]);
      const title = cleanName(dimMatch[2] ?? '', evidence);
      if (title && !/^รวม/.test(title) && !dimensionTitles.has(dimension)) dimensionTitles.set(dimension, title);
    }

    if (isTotal) {
      const grand = cells.some((c) => /รวมทั้งสิ้น/.test(c));
      const dim = grand ? null : dimension || null;
      const count = cells.map((c) => c.match(/(\d{1,3})\s*โครงการ/)).find((m) => m?.[1]);
      if (count?.[1]) {
        stated.push({ measure: 'projects', dimension: dim, mission: null, year: null, value: Number(count[1]), line: line.no, text: line.raw.trim() });
      }
      stated.push(...statedBudgets(cells, table.yearCols, dim, line));
      continue;
    }

    const missionCell = before[1] ?? '';
    const missionMatch = missionCell.match(/^([1-4])\.(\d{1,2})(?!\.\d)\s*(.*)$/s);
    if (missionMatch?.[1] && missionMatch[2]) {
      mission = `${missionMatch[1]}.${Number(missionMatch[2])}`;
      if (!dimension) dimension = Number(missionMatch[1]);
      // The mission cell may carry sub-missions ("1.1 … 1.1.1 …"): the title ends where they start.
      const title = cleanName((missionMatch[3] ?? '').replace(/\s[1-4]\.\d{1,2}\.\d.*$/s, ''), evidence);
      if (!missionTitles.has(mission)) missionTitles.set(mission, title);
    }
    if (!dimension || projectCell === '') {
      if (projectCell !== '') notes.push(`line ${line.no}: a table row outside any dimension was skipped`);
      continue;
    }

    const parts = splitItems(projectCell, dimension, nextParen);
    if (parts.length === 0) {
      parts.push({ number: String(nextParen), text: projectCell });
      notes.push(`line ${line.no}: an item without a number was numbered ${nextParen} by its position`);
    }
    const last = parts.at(-1);
    if (last && /^\d+$/.test(last.number)) nextParen = Number(last.number) + 1;

    const rowItems: SummaryItem[] = parts.map((p) => ({
      number: p.number,
      name: cleanName(p.text, evidence),
      written: p.text,
      dimension,
      mission: mission && Number(mission.split('.')[0]) === dimension ? mission : null,
      budgets: {},
      budgetShared: null,
      line: line.no,
    }));

    let shared = false;
    for (const { index, year } of table.yearCols) {
      const values = budgetCellValues(cells[index] ?? '');
      if (values.length === 0) continue;
      if (rowItems.length === 1) {
        const only = rowItems[0] as SummaryItem;
        only.budgets[String(year)] = values.reduce((a, b) => a + b, 0);
        continue;
      }
      if (values.length !== rowItems.length && values.some((v) => v > 0)) shared = true;
      rowItems.forEach((item, i) => {
        item.budgets[String(year)] = values.length === rowItems.length ? (values[i] ?? 0) : i < values.length ? (values[i] ?? 0) : 0;
      });
    }
    if (shared) {
      const ids = rowItems.map((it) => it.number);
      const note = `แถวที่บรรทัด ${line.no} ระบุงบประมาณชุดเดียวสำหรับ ${rowItems.length} รายการ (${ids.join(', ')}); ตัวเลขแสดงไว้ที่รายการแรก`;
      for (const it of rowItems) it.budgetShared = { line: line.no, projectIds: [], note };
      notes.push(`line ${line.no}: one set of budget figures for ${rowItems.length} items (${ids.join(', ')}): kept on the first item, 0 on the others`);
    }
    items.push(...rowItems);
  }

  const fiscalYears = table.yearCols.map((y) => y.year);
  return { items, stated, dimensionTitles, missionTitles, fiscalYears, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// Detail sections

const SECTION_NAME = /^(?:[1]\s*\.\s*)?(?:ชื่อ|ข้อ)(?:โครงการ|กิจกรรม|มาตรการ)(?:\/(?:โครงการ|กิจกรรม|มาตรการ))*\s*[:：]?\s*(.*)$/;
const SECTION_NUMBER = /^(?:โครงการ|ลำดับ|กิจกรรม|มาตรการ)\s*ที่\s*(\d{1,3})\s*$/;
const FIELD = /^(\d{1,2})\s*\.\s*(\S.{0,60})$/;
const SUB_MISSION = /^[1-4]\.\d{1,2}(?:\.\d{1,2})*\s+\S/;

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
  mission: string | null;
  key: string;
}

export function parseDetailSections(lines: Line[], fromLine: number, evidence: WrapEvidence): DetailSection[] {
  const sections: DetailSection[] = [];
  let dimension: number | null = null;
  let mission: string | null = null;
  let pendingNumber: string | null = null;
  let current: (DetailSection & { lastField: number; field: FieldName | null; resultsTarget: 'outputs' | 'outcomes' | 'kpis' }) | null = null;
  const buffers = new Map<string, string[]>();

  const flush = () => {
    if (!current) return;
    const get = (f: string) => buffers.get(f) ?? [];
    const text = (f: string) => cleanName(get(f).join(' '));
    const list = (f: string) => get(f).map((s) => cleanName(unbullet(s))).filter((s) => s !== '');
    current.rationale = text('rationale');
    current.objectives = list('objectives');
    current.targetGroup = text('targetGroup');
    current.method = list('method');
    current.period = text('period');
    current.budgetText = text('budgetText');
    current.budgetAmount = NO_BUDGET.test(current.budgetText) ? 0 : /บาท/.test(current.budgetText) ? parseBaht(current.budgetText) : null;
    current.responsibleUnit = text('responsibleUnit');
    current.outputs = list('outputs');
    current.outcomes = list('outcomes');
    current.kpis = list('kpis');
    const { lastField: _l, field: _f, resultsTarget: _r, ...section } = current;
    sections.push(section);
    current = null;
    buffers.clear();
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.no <= fromLine) continue;
    const t = unbullet(l.text.replace(/\t/g, ' ')).trim();
    if (t === '') continue;

    const dim = t.match(DIMENSION_HEADING);
    if (dim?.[1] && t.length < 120) {
      flush();
      dimension = Number(dim[1]);
      continue;
    }
    const num = t.match(SECTION_NUMBER);
    if (num?.[1]) {
      flush();
      pendingNumber = num[1];
      continue;
    }
    const name = t.match(SECTION_NAME);
    if (name && (name[1] ?? '').length > 0) {
      flush();
      let nameText = name[1] ?? '';
      // The name may wrap onto following lines, up to the next blank line.
      while (i + 1 < lines.length && (lines[i + 1]?.text.trim() ?? '') !== '' && !FIELD.test(lines[i + 1]?.text.trim() ?? '')) {
        i++;
        nameText += `\n${lines[i]?.text.trim() ?? ''}`;
      }
      const clean = cleanName(nameText.replace(/^[:：\s]+/, ''), evidence);
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
        number: pendingNumber,
        dimension,
        mission,
        key: matchKey(clean),
        lastField: 1,
        field: null,
        resultsTarget: 'outputs',
      };
      pendingNumber = null;
      continue;
    }
    if (SUB_MISSION.test(t) && !/^\d+\.\s/.test(t)) {
      const m = t.match(/^([1-4])\.(\d{1,2})/);
      if (m?.[1] && m[2]) mission = `${m[1]}.${Number(m[2])}`;
      if (current && current.field !== null && current.lastField >= 8) flush();
      continue;
    }
    if (/^ภ\s*า\s*ค\s*ผ\s*น\s*ว\s*ก/.test(t) || /^ส่วนที่\s*\d/.test(t)) {
      flush();
      continue;
    }
    if (!current) continue;
    const field = t.match(FIELD);
    if (field?.[1] && field[2]) {
      const n = Number(field[1]);
      const kind = fieldOf(field[2]);
      if (kind && n > current.lastField && n <= current.lastField + 3) {
        current.lastField = n;
        current.field = kind;
        if (kind === 'results') current.resultsTarget = /ตัวชี้วัด/.test(field[2]) && !/ผลผลิต|ผลลัพธ์/.test(field[2]) ? 'kpis' : 'outputs';
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
  }
  flush();
  return sections;
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
  const keys = items.map((it) => matchKey(it.name));
  const linked = new Map<number, DetailSection>();
  const usedSections = new Set<DetailSection>();

  // 1. By the number the section gives itself, when the names agree enough.
  for (const s of sections) {
    if (!s.number) continue;
    const idx = items.findIndex((it) => it.number === s.number);
    const key = keys[idx];
    if (idx < 0 || linked.has(idx) || key === undefined) continue;
    const score = similarity(key, s.key);
    if (score >= 0.3) {
      linked.set(idx, s);
      usedSections.add(s);
    } else {
      notes.push(`section "${s.name}" (line ${s.line}) says it is number ${s.number}, but the summary's item ${s.number} is "${items[idx]?.name}": linked by name instead`);
    }
  }
  // 2. By name similarity, best pairs first; same dimension preferred.
  const pairs: { i: number; s: DetailSection; score: number }[] = [];
  items.forEach((it, i) => {
    if (linked.has(i)) return;
    for (const s of sections) {
      if (usedSections.has(s)) continue;
      let score = similarity(keys[i] ?? '', s.key);
      if (s.dimension !== null && s.dimension !== it.dimension) score -= 0.15;
      if (score >= 0.45) pairs.push({ i, s, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const p of pairs) {
    if (linked.has(p.i) || usedSections.has(p.s)) continue;
    linked.set(p.i, p.s);
    usedSections.add(p.s);
  }

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
    const detail: ProjectDetail | null = s
      ? {
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
        }
      : null;
    return {
      id: nextId(it.dimension, it.number),
      number: it.number,
      seq: i + 1,
      name,
      ...writtenIfDifferent(it.written, name),
      nameKey: matchKey(name),
      dimension: it.dimension as 1 | 2 | 3 | 4,
      mission: it.mission,
      budgets: it.budgets,
      budgetShared: it.budgetShared,
      responsibleUnit: detail?.responsibleUnit || null,
      detail,
      yearPlan: null,
      activity: null,
      line: it.line,
    };
  });
  // Shared-budget rows: list the ids of every item of the row.
  const byLine = new Map<number, Project[]>();
  for (const p of projects) if (p.budgetShared) byLine.set(p.budgetShared.line, [...(byLine.get(p.budgetShared.line) ?? []), p]);
  for (const group of byLine.values()) for (const p of group) if (p.budgetShared) p.budgetShared.projectIds = group.map((g) => g.id);

  return { projects, unlinkedSections: sections.filter((s) => !usedSections.has(s)), notes };
}
