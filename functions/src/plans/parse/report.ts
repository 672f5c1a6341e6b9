/**
 * Progress reports (รายงานผลการนำแผนไปปฏิบัติ): the per-dimension table (projects planned and done, budget planned,
 * by ordinance and spent, percentages), the restatements of the same figures in smaller tables, and each numbered
 * activity with its steps (การดำเนินการ) and results (ผลการดำเนินการ).
 */
import { cleanName, matchKey, NO_BUDGET, parseBaht, similarity, type WrapEvidence, writtenIfDifferent } from '../normalize.ts';
import type { Project, Report, ReportDimensionRow, StatedTotal } from '../schema.ts';
import { DIMENSION_HEADING, projectIdFactory, unbullet, type Line } from './common.ts';
import { readStatusTable } from './report-status.ts';

const NUMBER_CELL = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;
const num = (c: string) => Number(c.replace(/,/g, ''));

export function findReportTable(lines: Line[]): number {
  return lines.findIndex((l) => l.text.includes('\t') && /ตามแผน/.test(l.text) && /ดำเนินการแล้ว/.test(l.text));
}

export interface ReportTables {
  report: Report;
  stated: StatedTotal[];
  tableLines: Set<number>;
}

export function parseReportTables(lines: Line[], headerIndex: number, period: string): ReportTables {
  const dimensions: ReportDimensionRow[] = [];
  let total: ReportDimensionRow | null = null;
  const stated: StatedTotal[] = [];
  const tableLines = new Set<number>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (!l.text.includes('\t')) {
      if (l.text.trim() === '') continue;
      break;
    }
    tableLines.add(l.no);
    const cells = l.text.split('\t').map((c) => c.trim());
    const numbers = cells.map((c, idx) => ({ c, idx })).filter((x) => NUMBER_CELL.test(x.c));
    if (numbers.length < 7) continue;
    const last7 = numbers.slice(-7);
    const firstIdx = last7[0]?.idx ?? 0;
    const labelCells = cells.slice(0, firstIdx).filter((c) => c !== '');
    const isTotal = labelCells.some((c) => /รวม/.test(c));
    const dimCell = [...labelCells].reverse().find((c) => /^[1-4]$/.test(c));
    const v = last7.map((x) => num(x.c));
    const row: ReportDimensionRow = {
      dimension: isTotal || !dimCell ? null : Number(dimCell),
      projectsPlanned: v[0] ?? 0,
      projectsDone: v[1] ?? 0,
      budgetPlanned: v[2] ?? 0,
      budgetByOrdinance: v[3] ?? 0,
      budgetSpent: v[4] ?? 0,
      percentProjects: v[5] ?? 0,
      percentBudget: v[6] ?? 0,
      line: l.no,
    };
    const base = { dimension: row.dimension, mission: null, year: null, line: l.no, text: l.raw.trim() };
    // Every row states its percentages; the total row also states sums of the dimension rows.
    stated.push({ ...base, measure: 'percentProjects', value: row.percentProjects });
    stated.push({ ...base, measure: 'percentBudget', value: row.percentBudget });
    stated.push({ ...base, measure: 'projectsDone', value: row.projectsDone });
    if (isTotal) {
      total = row;
      stated.push({ ...base, measure: 'projects', value: row.projectsPlanned });
      stated.push({ ...base, measure: 'budget', value: row.budgetPlanned });
      stated.push({ ...base, measure: 'budgetByOrdinance', value: row.budgetByOrdinance });
      stated.push({ ...base, measure: 'budgetSpent', value: row.budgetSpent });
    } else if (row.dimension !== null) dimensions.push(row);
  }
  stated.push(...readRestatements(lines, headerIndex));
  const status = readStatusTable(lines, headerIndex);
  stated.push(...status.stated);
  return { report: { period, dimensions, total, status: status.status }, stated, tableLines };
}

/**
 * The same figures restated in small tables: "มิติที่ 1 ⇥⇥ มิติที่ 2 … รวม 4 มิติ" followed by a line of
 * (projects, budget) pairs, and "มิติที่ N ⇥ ตามแผน ⇥ ข้อบัญญัติ ⇥ เบิกจ่าย" rows.
 */
function readRestatements(lines: Line[], from: number): StatedTotal[] {
  const out: StatedTotal[] = [];
  let caption = '';
  for (let i = from; i < Math.min(lines.length, from + 200); i++) {
    const l = lines[i] as Line;
    const t = l.text.trim();
    if (!l.text.includes('\t')) {
      if (t !== '') caption = t;
      continue;
    }
    const cells = l.text.split('\t').map((c) => c.trim());
    // Pairs table: header of dimensions, sub-header, then one line of numbers.
    if (cells.filter((c) => /^ม(?:ิ)?ติที่\s*[1-4]$/.test(c)).length >= 2 && cells.some((c) => /รวม/.test(c))) {
      const values = (lines[i + 2]?.text ?? '').split('\t').map((c) => c.trim()).filter((c) => NUMBER_CELL.test(c)).map(num);
      const line = lines[i + 2] as Line | undefined;
      if (line && values.length >= 10) {
        const budgetMeasure = /ข้อบัญญัติ|เทศบัญญัติ/.test(caption) ? 'budgetByOrdinance' : 'budget';
        for (let d = 0; d < 5; d++) {
          const dimension = d < 4 ? d + 1 : null;
          const base = { dimension, mission: null, year: null, line: line.no, text: line.raw.trim() };
          out.push({ ...base, measure: 'projects', value: values[d * 2] ?? 0 });
          out.push({ ...base, measure: budgetMeasure, value: values[d * 2 + 1] ?? 0 });
        }
      }
      i += 2;
      continue;
    }
    // Disbursement rows.
    const dim = cells[0]?.match(/^ม(?:ิ)?ติที่\s*([1-4])$/);
    const totalRow = /^รวม/.test(cells[0] ?? '');
    const values = cells.slice(1).filter((c) => NUMBER_CELL.test(c)).map(num);
    if ((dim?.[1] || totalRow) && values.length === 3 && /เบิกจ่าย/.test(caption)) {
      const base = { dimension: dim?.[1] ? Number(dim[1]) : null, mission: null, year: null, line: l.no, text: l.raw.trim() };
      out.push({ ...base, measure: 'budget', value: values[0] ?? 0 });
      out.push({ ...base, measure: 'budgetByOrdinance', value: values[1] ?? 0 });
      out.push({ ...base, measure: 'budgetSpent', value: values[2] ?? 0 });
    }
  }
  return out;
}

const STEPS = /^(?:การดำเนินการ|การดำเนินงาน|ขั้นตอนการดำเนิน|วิธี(?:การ)?ดำเนิน)/;
const RESULTS = /^ผลการดำเนิน/;
const ACTIVITY = /^(\d{1,3}(?:\.\d{1,2}){0,3})\s*[.)]?\s*(\D.{3,})$/;

/** A labelled budget line of an activity: "งบประมาณ 15,000 บาท", "งบประมาณที่ใช้ : ไม่ใช้งบประมาณ". */
const BUDGET_LINE = /^(?:งบประมาณ(?:ที่ใช้(?:จริง)?|ที่ได้รับ|ตามข้อบัญญัติ|ตามเทศบัญญัติ|ดำเนินการ)?|ใช้งบประมาณ|เบิกจ่าย(?:งบประมาณ)?)\s*[:：]?\s*(.*)$/;
/** A labelled responsible unit: "ผู้รับผิดชอบ : กองคลัง", "หน่วยงานที่รับผิดชอบ กองคลัง". */
const UNIT_LINE = /^(?:ผู้รับผิดชอบ(?:โครงการ)?|หน่วยงาน(?:ที่|ผู้)?รับผิดชอบ(?:โครงการ)?)\s*[:：]\s*(.*)$|^(?:ผู้รับผิดชอบ(?:โครงการ)?|หน่วยงาน(?:ที่|ผู้)?รับผิดชอบ(?:โครงการ)?)\s*$/;

/**
 * Numbered activities: a numbered line followed (within two lines) by "การดำเนินการ" or "ผลการดำเนินการ". An
 * activity's budget and responsible unit are read when the report states them on a labelled line of their own
 * (not a bullet of its steps or results): "งบประมาณ 15,000 บาท" (an amount in baht or "ไม่ใช้งบประมาณ"; the amount
 * is recorded for the report's fiscal year) and "ผู้รับผิดชอบ : กองคลัง" (or the label alone, the unit on the next
 * line). Nothing is inferred from the steps' text.
 */
export function parseActivities(lines: Line[], fromIndex: number, evidence: WrapEvidence, fiscalYear: number | null = null): Project[] {
  const nextId = projectIdFactory();
  const out: Project[] = [];
  let dimension = 0;
  let mission: string | null = null;
  let current: { p: Project; target: 'steps' | 'results' | null } | null = null;

  const nonEmptyAfter = (i: number, n: number): string[] => {
    const found: string[] = [];
    for (let j = i + 1; j < lines.length && found.length < n; j++) {
      const t = lines[j]?.text.trim() ?? '';
      if (t !== '') found.push(t);
    }
    return found;
  };
  const push = (list: string[], text: string, raw: string) => {
    const item = cleanName(unbullet(text), evidence);
    if (item === '') return;
    if (list.length > 0 && !/^\s*(?:[-●•]|\d{1,2}\s*[.)]|[๐-๙]{1,2}\s*[.)])/.test(raw)) list[list.length - 1] = `${list[list.length - 1] ?? ''} ${item}`;
    else list.push(item);
  };

  for (let i = fromIndex; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = unbullet(l.text.replace(/\t/g, ' ')).trim();
    if (t === '') continue;
    const dim = t.match(DIMENSION_HEADING);
    if (dim?.[1] && !l.text.includes('\t') && t.length < 160) {
      dimension = Number(dim[1]);
      current = null;
      continue;
    }
    const m = t.match(ACTIVITY);
    const [next = '', after = ''] = nonEmptyAfter(i, 2);
    const wrapped = !/^[\d(\-●•]/.test(next) && !STEPS.test(next) && !RESULTS.test(next) && STEPS.test(after);
    const startsBlock = STEPS.test(next) || (RESULTS.test(next) && current?.target !== 'steps') || wrapped;
    if (m?.[1] && m[2] && dimension && startsBlock && !STEPS.test(t) && !RESULTS.test(t)) {
      const written = wrapped ? `${m[2]}\n${next}` : m[2];
      const name = cleanName(written, evidence);
      const p: Project = {
        id: nextId(dimension, m[1]),
        number: m[1],
        seq: out.length + 1,
        name,
        ...writtenIfDifferent(written, name),
        nameKey: matchKey(name),
        dimension: dimension as 1 | 2 | 3 | 4,
        mission: mission && Number(mission.split('.')[0]) === dimension ? mission : null,
        budgets: {},
        budgetShared: null,
        review: [],
        responsibleUnit: null,
        detail: null,
        yearPlan: null,
        activity: { steps: [], results: [], planProjectId: null },
        line: l.no,
      };
      out.push(p);
      current = { p, target: null };
      continue;
    }
    const missionHeading = t.match(/^([1-4])\.(\d{1,2})(?:\.\d{1,2})*\s+\S/);
    const indented = /^\s*[-●•]/.test(l.raw);
    if (missionHeading?.[1] && missionHeading[2] && !indented && !m?.[2]?.match(/^(?:โครงการ|กิจกรรม|มาตรการ)/)) {
      mission = `${missionHeading[1]}.${Number(missionHeading[2])}`;
      current = null;
      continue;
    }
    if (!current) continue;
    const bulleted = /^\s*(?:[-●•]|\d{1,2}\s*[.)]|[๐-๙]{1,2}\s*[.)])/.test(l.raw);
    const budgetLine = bulleted ? null : t.match(BUDGET_LINE);
    if (budgetLine && fiscalYear !== null && (/บาท/.test(t) || NO_BUDGET.test(t))) {
      const amount = NO_BUDGET.test(t) ? 0 : parseBaht(budgetLine[1] ?? '');
      if (amount !== null) {
        current.p.budgets[String(fiscalYear)] = amount;
        continue;
      }
    }
    const unitLine = bulleted ? null : t.match(UNIT_LINE);
    if (unitLine) {
      const unit = unitLine[1] ?? (nonEmptyAfter(i, 1)[0] ?? '');
      if (unitLine[1] === undefined) {
        const next = lines.findIndex((x, k) => k > i && x.text.trim() !== '');
        if (next > i) i = next;
      }
      const clean = cleanName(unit, evidence);
      if (clean !== '') current.p.responsibleUnit = clean;
      continue;
    }
    if (STEPS.test(t)) {
      current.target = 'steps';
      continue;
    }
    if (RESULTS.test(t)) {
      current.target = 'results';
      continue;
    }
    if (!current.target || !current.p.activity) continue;
    push(current.target === 'steps' ? current.p.activity.steps : current.p.activity.results, t, l.text);
  }
  return out;
}

/** Links a report's activities to a plan's projects by name similarity (best pairs first). Returns the number linked. */
export function linkActivitiesToPlan(activities: Project[], planProjects: Project[], threshold = 0.55): number {
  const pairs: { a: Project; p: Project; score: number }[] = [];
  for (const a of activities) for (const p of planProjects) {
    const score = similarity(a.nameKey, p.nameKey) - (a.dimension === p.dimension ? 0 : 0.1);
    if (score >= threshold) pairs.push({ a, p, score });
  }
  pairs.sort((x, y) => y.score - x.score);
  const usedA = new Set<Project>();
  const usedP = new Set<Project>();
  for (const { a, p } of pairs) {
    if (usedA.has(a) || usedP.has(p) || !a.activity) continue;
    a.activity.planProjectId = p.id;
    usedA.add(a);
    usedP.add(p);
  }
  return usedA.size;
}
