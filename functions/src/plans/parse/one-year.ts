/**
 * The 1-year template: one table per dimension, columns ที่ | แผนงาน/โครงการ/กิจกรรม | หน่วยนับ | ปริมาณงาน |
 * งบประมาณ (บาท) | ตัวชี้วัด | ผลลัพธ์ | แผนการดำเนินงาน (ไตรมาส 1-4) | หน่วยงานรับผิดชอบ. Columns are found by
 * their header text, so a document that orders or names them a little differently still reads.
 */
import { budgetCellValues, cleanName, joinWrappedRows, markTableWraps, matchKey, type TableRow, type WrapEvidence, writtenIfDifferent } from '../normalize.ts';
import type { Project, ReviewFlag, StatedTotal } from '../schema.ts';
import { nameLooksWrong } from './reconcile.ts';
import { NUMBER_CELL } from './cells.ts';
import { assignUnits, type UnitSlot } from './units.ts';
import { BARE_MISSION_HEADING, DIMENSION_HEADING, dimensionByWords, MISSION_HEADING, PAGE_HEADER, PAGE_MARK, projectIdFactory, unbullet, withoutPageMarks, withoutStatusRemark, type Line } from './common.ts';
import { isHeaderContinuation } from './summary-find.ts';
import { isRunningHeaderRow, repeatedPageLines } from './summary-layout.ts';
import { readMissionCell } from './mission-column.ts';
import { why } from './reasons.ts';

interface Columns {
  number: number;
  name: number;
  unit: number;
  quantity: number;
  budget: number;
  kpi: number;
  outcome: number;
  quarters: number[];
  responsible: number;
  /** A mission column ("ภารกิจ"): a code per item, or on a mission's first row only. */
  mission: number;
  count: number;
}

function readColumns(header: string[], sub: string[] | undefined): Columns | null {
  const find = (re: RegExp) => header.findIndex((c) => re.test(c.trim()));
  const name = find(/โครงการ|กิจกรรม/);
  const budget = find(/งบประมาณ/);
  if (name < 0 || budget < 0) return null;
  const plan = find(/แผนการดำเนินงาน|ไตรมาส|ระยะเวลา/);
  let quarters: number[] = [];
  if (sub) quarters = sub.map((c, i) => (/ไตรมาส|^Q\d/i.test(c.trim()) ? i : -1)).filter((i) => i >= 0);
  if (quarters.length === 0 && plan >= 0) quarters = [plan, plan + 1, plan + 2, plan + 3];
  return {
    number: find(/^(?:ที่|ลำดับ(?:ที่)?)$/),
    name,
    unit: find(/หน่วยนับ/),
    quantity: find(/ปริมาณ|เป้าหมาย/),
    budget,
    kpi: find(/ตัวชี้วัด/),
    outcome: find(/ผลลัพธ์|ผลที่คาด/),
    quarters: quarters.slice(0, 4),
    responsible: find(/รับผิดชอบ/),
    mission: header.findIndex((c, k) => k !== name && /^(?:ภารกิจ|การกิจ|พันธกิจ)/.test(c.trim())),
    count: header.length,
  };
}

export function isYearTableHeader(text: string): boolean {
  if (!text.includes('\t')) return false;
  const cells = text.split('\t').map((c) => c.trim());
  // A header names columns: short cells, no item number, no "no budget" figure.
  if (NUMBER_CELL.test(cells[0] ?? '') || /^\d/.test(cells[0] ?? '') || cells.some((c) => c.length > 60 || /^ไม่(?:ใช้|มี)งบ/.test(c))) return false;
  return cells.some((c) => /โครงการ|กิจกรรม/.test(c)) && cells.some((c) => /งบประมาณ/.test(c)) && cells.some((c) => /ตัวชี้วัด|หน่วยนับ|ไตรมาส|แผนการดำเนินงาน|ระยะเวลา|รับผิดชอบ/.test(c)) && !cells.some((c) => /^(?:ปี\s*)?25\d\d$/.test(c));
}

export interface YearTableResult {
  projects: Project[];
  stated: StatedTotal[];
  tableLines: Set<number>;
  /** Mission titles of the headings printed in or between the tables ("1.3" → title). */
  missionTitles: Map<string, string>;
}

/** A mission heading printed as a row of its own (or a line between the tables): where, which, and in which part. */
interface MissionMark {
  line: number;
  code: string;
  /** The dimension heading it stands under (a counter: a new dimension heading starts a new part). */
  part: number;
}

/** A name that reads as an item of the plan. */
const ITEM_WORD = /^(?:โครงการ|กิจกรรม|มาตรการ)/;
const TICK = /[✓✔√☑✗xX•●]/;

/**
 * Lines that continue the row above in several columns at once (a PDF prints each wrapped cell's next line on the
 * same printed line): no item number, no budget figure, and not a row of its own (an unnumbered item has its unit
 * or quantity). Each cell's text goes on in the same cell of the row above, as a wrapped line.
 */
function foldContinuations(rows: TableRow[], cols: Columns): TableRow[] {
  const out: TableRow[] = [];
  const cell = (r: TableRow, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
  for (const r of rows) {
    const prev = out.at(-1);
    const continues =
      prev !== undefined &&
      r.cells.length > 1 &&
      (cols.number < 0 || cell(r, cols.number) === '') &&
      cell(r, cols.budget) === '' &&
      cell(r, cols.unit) === '' &&
      cell(r, cols.quantity) === '' &&
      !/รวม/.test(cell(r, cols.name)) &&
      (cols.number >= 0 || !ITEM_WORD.test(cell(r, cols.name)));
    if (!continues || !prev) {
      out.push(r);
      continue;
    }
    const cells = [...prev.cells];
    r.cells.forEach((c, i) => {
      if (c.trim() !== '') cells[i] = (cells[i] ?? '').trim() === '' ? c : `${cells[i] ?? ''}\n${c}`;
    });
    out[out.length - 1] = { cells, line: prev.line };
  }
  return out;
}

export function parseYearTables(lines: Line[], fiscalYear: number, evidence: WrapEvidence): YearTableResult {
  const projects: Project[] = [];
  const stated: StatedTotal[] = [];
  const tableLines = new Set<number>();
  const nextId = projectIdFactory();
  let dimension = 0;
  let columns: Columns | null = null;
  let pending: TableRow[] = [];
  let pendingDimension = 0;
  let dimensionFromWords = false;
  const missionTitles = new Map<string, string>();
  const marks: MissionMark[] = [];
  // Each change of dimension (or a new part of the document) starts a part: a mission heading counts only for the items of its own part.
  let part = 0;
  let pendingPart = 0;
  // The pending rows start right under a (repeated) table header: their first line may end the name of the item
  // above the page break.
  let pendingAfterHeader = false;
  // The mission heading row just read, while its text may go on on the next lines (a PDF wraps it in its cell).
  let openMission: { code: string; text: string } | null = null;
  const markMission = (m: RegExpMatchArray, line: number) => {
    const code = `${Number(m[1])}.${Number(m[2])}`;
    marks.push({ line, code, part });
    const title = cleanName((m[3] ?? '').replace(/\t+/g, ' ').trim(), evidence);
    if (title && !missionTitles.has(code)) missionTitles.set(code, title);
  };
  /** The mission of an item: the nearest heading above it in its part, when the heading's code is of its dimension. */
  const missionAt = (line: number, dim: number): { mission: string | null; flag: { field: string; reason: string; reasonTh: string; line: number } | null } => {
    const mark = marks.filter((k) => k.part === pendingPart && k.line < line).at(-1);
    if (!mark) return { mission: null, flag: null };
    if (Number(mark.code.split('.')[0]) === dim) return { mission: mark.code, flag: null };
    return { mission: null, flag: { field: 'mission', ...why.missionOfOtherDimension(mark.line, mark.code, dim), line: mark.line } };
  };

  // A mission column's mission carried down its empty cells (within a part: a new dimension heading resets it), with
  // its doubt (a code of another dimension, a cell that is no code); and whether any mission cell held text.
  let carried: { part: number; mission: string | null; flag: ReviewFlag | null } = { part: -1, mission: null, flag: null };
  let missionCellsFilled = false;
  /** The mission an item takes from the mission column (null when the table has none or nothing was carried yet). */
  const missionFromColumn = (text: string, line: number, dim: number): { mission: string | null; flag: ReviewFlag | null } | null => {
    if (carried.part !== pendingPart) carried = { part: pendingPart, mission: null, flag: null };
    const read = readMissionCell(text);
    if (read.kind !== 'empty') missionCellsFilled = true;
    if (read.kind === 'code') {
      const ofDimension = Number(read.code.split('.')[0]) === dim;
      carried = { part: pendingPart, mission: ofDimension ? read.code : null, flag: ofDimension ? null : { field: 'mission', ...why.missionCodeOfOtherDimension(read.code, dim), line } };
      if (ofDimension && read.title && !missionTitles.has(read.code)) missionTitles.set(read.code, cleanName(read.title, evidence));
    } else if (read.kind === 'unread') carried = { part: pendingPart, mission: null, flag: { field: 'mission', ...why.missionCellNotRead(read.text), line } };
    else if (read.kind === 'none') carried = { part: pendingPart, mission: null, flag: null };
    return carried.mission !== null || carried.flag !== null ? { mission: carried.mission, flag: carried.flag } : null;
  };

  const flush = () => {
    if (!columns || pending.length === 0) return;
    const cols = columns;
    // Flattened cells: the spaces where a cell's printed lines wrapped become "\n" (see markWraps).
    const textColumns = [cols.name, cols.unit, cols.quantity, cols.kpi, cols.outcome, cols.responsible].filter((c) => c >= 0);
    // A line with only the name column filled continues the name of the row above (however many empty cells it has).
    // Text in the number column alone, not a number (a page header wrapped into the narrow first column of a PDF's
    // table), is not part of the row above.
    const furniture = (r: TableRow) => cols.number >= 0 && r.cells.every((c, k) => k === cols.number || c.trim() === '') && !/^\d|รวม/.test((r.cells[cols.number] ?? '').trim());
    const lines0 = pending.filter((r) => !furniture(r)).map((r) => (r.cells.every((c, k) => k === cols.name || c.trim() === '') && (r.cells[cols.name] ?? '').trim() !== '' ? { cells: [r.cells[cols.name] ?? ''], line: r.line } : r));
    const last = projects.at(-1);
    const rest = pendingAfterHeader && lines0[0]?.cells.length === 1 && last && last.dimension === pendingDimension ? lines0.shift() : undefined;
    if (rest && last) {
      // The rest of the name of the item above the page break, alone under the repeated header: joined, flagged.
      const written = `${last.nameAsWritten ?? last.name}\n${(rest.cells[0] ?? '').trim()}`;
      last.name = cleanName(withoutStatusRemark(written), evidence);
      last.nameKey = matchKey(last.name);
      const asWritten = writtenIfDifferent(written, last.name).nameAsWritten;
      if (asWritten) last.nameAsWritten = asWritten;
      else delete last.nameAsWritten;
      last.review = [...(last.review ?? []), { field: 'name', ...why.nameAfterPageBreak(rest.line), line: rest.line }];
    }
    const rows = joinWrappedRows(foldContinuations(markTableWraps(lines0, textColumns), cols), cols.budget + 1, cols.name);
    const slots: { project: Project; slot: UnitSlot }[] = [];
    for (const row of rows) {
      const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
      const rawNumber = cols.number >= 0 ? cell(cols.number) : '';
      const numberCell = rawNumber.match(NUMBER_CELL)?.[1] ?? rawNumber;
      const nameCell = cell(cols.name);
      const raw = row.cells.join(' ');
      if (/รวม/.test(numberCell) || /^รวม/.test(nameCell)) {
        const values = budgetCellValues(cell(cols.budget));
        const count = raw.match(/(\d{1,3})\s*โครงการ/);
        const line = lines[row.line - 1];
        // Whose total: the dimension it names, the whole plan ("รวมทั้งสิ้น", "รวม 4 มิติ"), else the table's dimension.
        const named = raw.match(/รวม\s*(?:ม(?:ิ)?ติ|ด้าน)\s*(?:ที่)?\s*([1-4])(?!\d)/)?.[1];
        const whole = /รวมทั้งสิ้น|รวมทั้งหมด|ทุกมิติ|รวม\s*[1-4]\s*มิติ/.test(raw);
        const totalOf = named ? Number(named) : whole ? null : pendingDimension || null;
        if (count?.[1]) stated.push({ measure: 'projects', dimension: totalOf, mission: null, year: null, value: Number(count[1]), line: row.line, text: line?.raw.trim() ?? raw });
        if (values.length) stated.push({ measure: 'budget', dimension: totalOf, mission: null, year: fiscalYear, value: values.reduce((a, b) => a + b, 0), line: row.line, text: line?.raw.trim() ?? raw });
        continue;
      }
      // A row without a number whose name reads as an item (and that is not a wrapped name: other cells are filled)
      // is an item all the same; its number is inferred from position and flagged.
      const unnumbered = numberCell === '' && ITEM_WORD.test(nameCell) && row.cells.some((c, k) => k !== cols.name && k !== cols.number && c.trim() !== '');
      if ((!/^\d{1,3}$/.test(numberCell) && !unnumbered) || nameCell === '' || !pendingDimension) continue;
      const number = unnumbered ? String(Number(projects.at(-1)?.number ?? '0') + 1 || projects.length + 1) : numberCell;
      const values = budgetCellValues(cell(cols.budget));
      const name = cleanName(withoutStatusRemark(nameCell), evidence);
      const placed = (cols.mission >= 0 ? missionFromColumn(cell(cols.mission), row.line, pendingDimension) : null) ?? missionAt(row.line, pendingDimension);
      projects.push({
        id: nextId(pendingDimension, number),
        number,
        seq: projects.length + 1,
        name,
        ...writtenIfDifferent(nameCell, name),
        nameKey: matchKey(name),
        dimension: pendingDimension as 1 | 2 | 3 | 4,
        mission: placed.mission,
        budgets: values.length ? { [String(fiscalYear)]: values.reduce((a, b) => a + b, 0) } : {},
        budgetShared: null,
        review: [
          ...(unnumbered ? [{ field: 'number', ...why.rowWithoutNumber(), line: row.line }] : []),
          ...(dimensionFromWords ? [{ field: 'dimension', ...why.dimensionFromWords(), line: row.line }] : []),
          ...[nameLooksWrong(name, row.line)].filter((f) => f !== null),
          ...(values.length === 0 ? [{ field: `budgets.${fiscalYear}`, ...why.noFigureInBudgetColumn(), line: row.line }] : []),
          ...(placed.flag ? [placed.flag] : []),
        ],
        responsibleUnit: cleanName(cell(cols.responsible), evidence) || null,
        detail: null,
        yearPlan: {
          unit: cleanName(cell(cols.unit), evidence),
          quantity: cleanName(cell(cols.quantity), evidence),
          kpi: cleanName(cell(cols.kpi), evidence),
          outcome: cleanName(cell(cols.outcome), evidence),
          quarters: cols.quarters.map((q, i) => (TICK.test(cell(q)) ? i + 1 : 0)).filter((q) => q > 0),
        },
        activity: null,
        line: row.line,
      });
      const project = projects.at(-1) as Project;
      if (cols.responsible >= 0) slots.push({ project, slot: { cell: cell(cols.responsible), line: row.line, dimension: pendingDimension, unit: null, review: [] } });
    }
    // A unit cell printed on the first of several rows (a merged cell), or listing a unit per row: assigned and flagged.
    assignUnits(
      slots.map((s) => s.slot),
      (t) => cleanName(t, evidence),
    );
    for (const { project, slot } of slots) {
      project.responsibleUnit = slot.unit;
      project.review = [...(project.review ?? []), ...slot.review];
    }
    pending = [];
    pendingAfterHeader = false;
  };

  // Running page headers a page break repeats (also "ทต.… ⇥ แผนปฏิบัติการ… ⇥ หน้า 7"): never a row's text.
  const runningHeaders = repeatedPageLines(lines, isYearTableHeader);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = l.text;
    if (PAGE_HEADER.test(t.trim()) || PAGE_MARK.test(t.replace(/\t/g, ' ').trim()) || runningHeaders.has(l.no) || (t.includes('\t') && isRunningHeaderRow(t.split('\t')))) continue;
    if (!t.includes('\t')) {
      const missionLine = unbullet(t).match(MISSION_HEADING);
      if (missionLine) {
        markMission(missionLine, l.no);
        continue;
      }
      const dim = unbullet(t).match(DIMENSION_HEADING);
      const byWords = t.trim().length < 160 && !/^ยุทธศาสตร์/.test(t.trim()) ? dimensionByWords(matchKey(t)) : null;
      if (dim?.[1] && t.trim().length < 160) {
        flush();
        if (Number(dim[1]) !== dimension) part++;
        dimension = Number(dim[1]);
        dimensionFromWords = false;
      } else if (byWords && byWords !== dimension) {
        flush();
        part++;
        // The standard title of the dimension that comes next is as good as its number; out of order, it is a guess.
        dimensionFromWords = byWords !== dimension + 1;
        dimension = byWords;
      } else if (/^(?:ส่วนที่\s*\d|ภาคผนวก)/.test(t.trim())) {
        flush();
        columns = null;
        part++;
      }
      continue;
    }
    if (isYearTableHeader(t)) {
      flush();
      const sub = lines[i + 1]?.text.includes('ไตรมาส') ? lines[i + 1]?.text.split('\t') : undefined;
      // A header printed on two lines ("หน่วยงาน" / "รับผิดชอบ", "โครงการ/กิจกรรม/" / "มาตรการ"): the column names
      // are both lines' together, and the second line is the header's, never an item.
      const second = !sub && isHeaderContinuation(lines[i + 1]?.text ?? '') ? (lines[i + 1]?.text ?? '').split('\t') : undefined;
      const names = second ? t.split('\t').map((c, k) => `${c.trim()}${second[k]?.trim() ?? ''}`) : t.split('\t');
      columns = readColumns(names, sub);
      pendingAfterHeader = true;
      openMission = null;
      pendingDimension = dimension;
      pendingPart = part;
      tableLines.add(l.no);
      if (sub || second) {
        i++;
        tableLines.add(l.no + 1);
      }
      continue;
    }
    if (!columns) continue;
    // A part's heading or the appendix's in the table's first cell (a PDF's line) ends the table.
    const only1 = t.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    if (only1.length === 1 && /^(?:ส่วนที่\s*\d|ภ\s*า\s*ค\s*ผ\s*น\s*ว\s*ก)/.test(only1[0] ?? '')) {
      flush();
      columns = null;
      continue;
    }
    // A dimension heading printed as a full-width row of the table.
    const filledCells = t.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    // A mission heading printed as a row of its own ("ภารกิจที่ 1.3 …" across the table, or "1.3 …" alone in a cell).
    // (Also the code alone in the number column and the title in the name column: an item is never numbered "1.3".)
    const codeOnly = filledCells.length === 2 && /^[1-4]\s*\.\s*\d{1,2}$/.test(filledCells[0] ?? '');
    const missionRow = filledCells.length >= 1 && filledCells.length <= 2 ? (filledCells.join(' ').match(MISSION_HEADING) ?? (filledCells.length === 1 || codeOnly ? filledCells.join(' ').match(BARE_MISSION_HEADING) : null)) : null;
    if (missionRow && (MISSION_HEADING.test(filledCells.join(' ')) || Number(missionRow[1]) === dimension)) {
      markMission(missionRow, l.no);
      tableLines.add(l.no);
      openMission = { code: `${Number(missionRow[1])}.${Number(missionRow[2])}`, text: missionRow[3] ?? '' };
      continue;
    }
    // The heading's text wrapped onto the next line(s): one filled cell, no number, no figure, before any item.
    const numberText = columns.number >= 0 ? (t.split('\t')[columns.number] ?? '').trim() : '';
    if (openMission && filledCells.length === 1 && numberText === '' && budgetCellValues((t.split('\t')[columns.budget] ?? '').trim()).length === 0) {
      openMission.text += `\n${filledCells[0] ?? ''}`;
      const title = cleanName(openMission.text, evidence);
      if (title) missionTitles.set(openMission.code, title);
      tableLines.add(l.no);
      continue;
    }
    openMission = null;
    const rowHeading = filledCells.length <= 2 ? unbullet(filledCells.join(' ')).match(DIMENSION_HEADING) : null;
    // Or the dimension's standard title alone in a full-width row (no number, no mission code).
    const only = filledCells.length === 1 ? (filledCells[0] ?? '') : '';
    const rowByWords = only && !/^\d|^(?:ภารกิจ|การกิจ|พันธกิจ)|(?:^|\s)[1-4]\.\d/.test(only) && only.length < 160 ? dimensionByWords(matchKey(only)) : null;
    if (rowHeading?.[1] || (rowByWords && rowByWords !== dimension)) {
      flush();
      const next = rowHeading?.[1] ? Number(rowHeading[1]) : (rowByWords ?? 0);
      dimensionFromWords = !rowHeading?.[1] && next !== dimension + 1;
      if (next !== dimension) part++;
      dimension = next;
      pendingDimension = dimension;
      pendingPart = part;
      tableLines.add(l.no);
      continue;
    }
    if (dimension !== pendingDimension || part !== pendingPart) {
      flush();
      pendingDimension = dimension;
      pendingPart = part;
    }
    tableLines.add(l.no);
    const rowCells = t.split('\t').map(withoutPageMarks);
    if (rowCells.every((c) => c.trim() === '')) continue;
    pending.push({ cells: rowCells, line: l.no });
  }
  flush();
  // A mission column with text in it from which no item's mission was read: said on every item, never silent.
  if (missionCellsFilled && projects.length > 0 && projects.every((p) => p.mission === null)) {
    for (const p of projects) if (!(p.review ?? []).some((f) => f.field === 'mission')) p.review = [...(p.review ?? []), { field: 'mission', ...why.missionColumnNotRead(), line: p.line ?? 0 }];
  }
  return { projects, stated, tableLines, missionTitles };
}
