/**
 * The 5-year template's summary table (มิติ | ภารกิจตามมิติ | โครงการ/กิจกรรม/มาตรการ | ปี 2566 … ปี 2570), read as
 * the template's hierarchy: dimension → mission (headings in their own row, their own cell or inside an item's
 * cell) → numbered items → figures per fiscal year. Every field the reading is not sure of gets a review flag.
 */
import { budgetCellValues, cleanName, joinWrappedRows, markTableWraps, matchKey, NO_BUDGET, type TableRow, type WrapEvidence } from '../normalize.ts';
import type { Budgets, Project, ReviewFlag, StatedTotal } from '../schema.ts';
import { countSimpleMarks, NUMBER_CELL, splitCell, type CellContext, type CellItem } from './cells.ts';
import { assignColumnUnits, withoutOrgSuffix } from './units.ts';
import { readMissionCell } from './mission-column.ts';
import { why } from './reasons.ts';
import { type SummaryTable } from './summary-find.ts';
import { FIGURE_CELL, figuresOnSecondLine, headingAboveTable, isHeaderRow, isRunningHeaderRow, isRunningOrgHeader, isTableHeaderStart, isTotalsRow, ITEM_NUMBER_START, noBudgetMergedShort, repeatedPageLines, restAfterBreak, rowColumns, STARTS_ITEM, totalOverYears } from './summary-layout.ts';
import { DIMENSION_HEADING, dimensionByWords, MISSION_HEADING, PAGE_MARK, statedBudgets, unbullet, withoutPageMarks, withoutStatusRemark, type Line } from './common.ts';

export { findSummaryTable, type SummaryTable } from './summary-find.ts';

export interface SummaryItem {
  number: string;
  name: string;
  /** The item's text as the cell writes it. */
  written: string;
  dimension: number;
  mission: string | null;
  budgets: Budgets;
  budgetShared: Project['budgetShared'];
  line: number;
  /** The unit the summary's own column names for the item, if it has one. */
  unit: string | null;
  /** How many items the row's cell held (1 = a cell of its own). */
  rowItems: number;
  /** The row's unit cell as printed, when the table has a unit column ("" = empty). */
  unitCell?: string;
  review: ReviewFlag[];
}

export interface SummaryResult {
  items: SummaryItem[];
  stated: StatedTotal[];
  dimensionTitles: Map<number, string>;
  missionTitles: Map<string, string>;
  fiscalYears: number[];
  notes: string[];
}

const MISSION_CELL = /^([1-4])\s*\.\s*(\d{1,2})(?:\s*\.\s*\d{1,2})?(?!\d)\s*(.*)$/s;
/** A dimension cell: "1. การสร้าง…", "2.การบริหาร…", "3 การส่งเสริม…", "มิติที่ 1 …", "ด้านที่ 4 …". */
const DIMENSION_CELL = /^(?:(?:ม(?:ิ)?ติ|ด้าน)\s*(?:ที่)?\s*)?([1-4])(?!\d)(?!\s*\.\s*\d)\s*[.:)]?\s*(.*)$/s;
type DimensionSource = 'number' | 'words' | 'code' | 'sequence' | 'none';
const DIMENSION_HEADING_WRAPPED = new RegExp(DIMENSION_HEADING.source, 's');

export function parseSummaryTable(lines: Line[], table: SummaryTable, evidence: WrapEvidence): SummaryResult {
  const byNo = new Map(lines.map((l) => [l.no, l]));
  // Rows by printed table (the header repeats on each page): a column's wrap width is the table's.
  const blocks: TableRow[][] = [[]];
  // Rows (by their first line) whose name goes on after a page break, alone under the repeated header.
  const continuedAfterBreak = new Map<number, { line: number; name: boolean; unit: boolean }>();
  let afterHeader = true;
  const runningHeaders = repeatedPageLines(lines, isTableHeaderStart(table));
  for (let no = table.headerLine + 1; no <= table.endLine; no++) {
    const l = byNo.get(no);
    if (!l || l.text.trim() === '') continue;
    const cells = l.text.split('\t').map(withoutPageMarks);
    if (cells.every((c) => c.trim() === '')) continue;
    if (isRunningHeaderRow(cells) || runningHeaders.has(no)) continue;
    if (isHeaderRow(cells, l.text, table, afterHeader)) {
      if ((blocks.at(-1) ?? []).length > 0) blocks.push([]);
      afterHeader = true;
      continue;
    }
    const firstAfterHeader = afterHeader;
    afterHeader = false;
    if (!l.text.includes('\t')) {
      const t = l.text.trim();
      // (Also a running header that starts with the organisation: "เทศบาลตำบล… แผนปฏิบัติการป้องกันการทุจริต …".)
      const orgThenPlan = /^(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|(?:อบต|อบจ|ทต|ทม|ทน)\.)/.test(t) && /แผนปฏิบัติการ|แผนป้องกัน/.test(t);
      if (/^(?:ส่วนที่|แผนปฏิบัติการ|\(พ\.ศ\.)/.test(t) || orgThenPlan || t.length < 3 || PAGE_MARK.test(t) || isRunningOrgHeader(lines, l.no)) continue;
      // A heading printed between the table's rows (dimension or mission): a row of its own, not a wrapped name.
      if (unbullet(t).match(DIMENSION_HEADING) || MISSION_CELL.test(t) || /^(?:ภารกิจ|การกิจ)\s*ที่/.test(t) || MISSION_HEADING.test(unbullet(t)) || (dimensionByWords(matchKey(t)) !== null && t.length < 150)) {
        blocks.at(-1)?.push({ cells: [unbullet(t).replace(/^(?:ภารกิจ|การกิจ|พันธกิจ)\s*(?:ที่)?\s*(?=[1-4]\s*\.)/, '').replace(/^(?:ภารกิจ|การกิจ)\s*ที่\s*/, ''), ...new Array<string>(table.columns - 1).fill('')], line: l.no });
        continue;
      }
    }
    if (PAGE_MARK.test(l.text.replace(/\t/g, ' ').trim())) continue;
    // The rest of the name (or unit) of the item above the page break, printed alone under the repeated header:
    // joined to that item (as a wrapped line of its row) and flagged, never an item of its own.
    const previous = blocks.at(-2);
    const rest = firstAfterHeader && (blocks.at(-1) ?? []).length === 0 && previous && previous.length > 0 ? restAfterBreak(cells, table) : null;
    if (rest !== null && previous) {
      const minText = (table.yearCols[0]?.index ?? table.columns - 1) + 1;
      const owner = previous.findLast((r) => r.cells.length >= minText);
      if (owner) continuedAfterBreak.set(owner.line, { line: l.no, name: rest.name !== '', unit: rest.unit !== '' });
      const unitAfter = table.unitCol !== null && table.unitCol >= minText;
      if (rest.unit && unitAfter && owner && table.unitCol !== null) owner.cells[table.unitCol] = `${owner.cells[table.unitCol] ?? ''} ${rest.unit}`.trim();
      const kept = rest.alone ? [rest.name] : cells.slice(0, Math.max(1, Math.min(cells.length, minText - 1)));
      if (rest.name || !unitAfter) previous.push({ cells: kept, line: l.no });
      continue;
    }
    // A short line that starts an item whose figures come on the next line is a row, not a wrapped name.
    const minCells = (table.yearCols[0]?.index ?? table.columns - 1) + 1;
    const startsItem = (cs: string[]) => STARTS_ITEM.test((cs[table.projectCol] ?? '').trim()) && !/^รวม/.test((cs[table.projectCol] ?? '').trim());
    if (cells.length < minCells && startsItem(cells)) {
      const following = byNo.get(no + 1)?.text.split('\t') ?? [];
      if (!startsItem(following) && !isTotalsRow(following) && table.yearCols.some(({ index }) => (following[index] ?? '').trim() !== '')) while (cells.length < table.columns) cells.push('');
    }
    // A full row that starts an item but has no figures, nothing before its name and no number of its own, and is not
    // the first line of a name whose figures come on the next line: a further item of the cell above printed on its
    // own line ("22. กิจกรรม…"), so it shares that cell's figures.
    if (cells.length >= minCells && startsItem(cells) && !table.yearCols.some(({ index }) => (cells[index] ?? '').trim() !== '')) {
      const following = byNo.get(no + 1)?.text.split('\t') ?? [];
      const nameGoesOn = !startsItem(following) && !isTotalsRow(following) && table.yearCols.some(({ index }) => (following[index] ?? '').trim() !== '');
      const beforeEmpty = cells.slice(0, table.projectCol).every((c) => c.trim() === '');
      const ownNumber = table.numberCol !== null && (cells[table.numberCol] ?? '').trim() !== '';
      const above = blocks.at(-1)?.at(-1);
      if (!nameGoesOn && beforeEmpty && !ownNumber && above && ITEM_NUMBER_START.test((above.cells[table.projectCol] ?? '').trim())) {
        cells.length = table.projectCol + 1;
      }
    }
    // A line with neither figures nor a number or heading continues the row above (its cells wrapped), however many
    // empty cells it has (a wrapped unit column reaches past the figures).
    const figures = table.yearCols.some(({ index }) => (cells[index] ?? '').trim() !== '');
    // A dimension's standard title alone in a row (a heading "มิติ 1 :" whose title the next row prints) is a row too.
    const titleRow = /^การ/.test((cells[0] ?? '').trim()) && (cells[0] ?? '').trim().length < 150 && cells.slice(1).every((c) => c.trim() === '') && dimensionByWords(matchKey(cells[0] ?? '')) !== null;
    const headingCell = titleRow || cells.some((c, i) => i <= table.projectCol && (MISSION_CELL.test(c.trim()) || DIMENSION_HEADING.test(c.trim()) || /^รวม|^(?:ภารกิจ|การกิจ)/.test(unbullet(c.trim()))));
    // A heading row ("ภารกิจที่ …", "มิติที่ …", a totals row) is a row of its own however few cells the conversion
    // printed (a PDF drops the empty cells after the text): never a wrapped line of the row above.
    // (Only a heading by its word: a bare code "2.2.3 …" may be a sub-mission printed inside the item cell above.)
    const wordHeading = cells.some((c, i) => i <= table.projectCol && (/^(?:ภารกิจ|การกิจ)\s*ที่|^รวม/.test(c.trim()) || MISSION_HEADING.test(unbullet(c.trim())) || DIMENSION_HEADING.test(c.trim())));
    // A bare mission code ("4.1 …") right under a heading row (no item above it to be a sub-mission of) is a heading too.
    const aboveRow = blocks.at(-1)?.at(-1);
    const underHeading = aboveRow !== undefined && !ITEM_NUMBER_START.test((aboveRow.cells[table.projectCol] ?? '').trim()) && !table.yearCols.some(({ index }) => (aboveRow.cells[index] ?? '').trim() !== '');
    const bareHeading = underHeading && cells.some((c, i) => i <= table.projectCol && i !== table.numberCol && MISSION_CELL.test(c.trim()) && !/^[1-4]\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\s*\(/.test(c.trim()));
    if ((wordHeading || bareHeading) && cells.length < minCells) while (cells.length < minCells) cells.push('');
    const continues = !figures && !headingCell && !startsItem(cells) && cells.length >= minCells && (blocks.at(-1) ?? []).length > 0 && !(table.numberCol !== null && (cells[table.numberCol] ?? '').trim() !== '');
    if (continues) {
      const last = cells.reduce((k, c, i) => (c.trim() !== '' ? i : k), -1);
      cells.length = Math.min(cells.length, Math.max(last + 1, 1), minCells - 1);
      if (last >= minCells - 1) {
        // Text beyond the figures (a wrapped unit): kept with the row it continues.
        const row = blocks.at(-1)?.at(-1);
        if (row) row.cells = row.cells.map((c, i) => (i > (table.yearCols.at(-1)?.index ?? i) && (l.text.split('\t')[i] ?? '').trim() ? `${c} ${(l.text.split('\t')[i] ?? '').trim()}` : c));
      }
    }
    blocks.at(-1)?.push({ cells, line: l.no });
  }
  const textColumns = Array.from({ length: table.projectCol + 1 }, (_, i) => i);
  const rawRows = blocks.flatMap((b) => markTableWraps(b, textColumns));
  const rows = figuresOnSecondLine(joinWrappedRows(rawRows, (table.yearCols[0]?.index ?? table.columns - 1) + 1, table.projectCol), table);

  const style = rows.reduce((n, r) => n + countSimpleMarks(r.cells[table.projectCol] ?? ''), 0) >= 2 ? 'simple' : 'coded';
  const ctx: CellContext = { style, next: 1 };

  const items: SummaryItem[] = [];
  const stated: StatedTotal[] = [];
  const dimensionTitles = new Map<number, string>();
  const missionTitles = new Map<string, string>();
  const notes: string[] = [];
  let dimension = 0;
  let dimSource = 'none' as DimensionSource;
  let afterTotal = false;
  let mission: string | null = null;
  // A mission column's doubt carried down with its mission (a code of another dimension, a cell that is no code).
  let missionDoubt: ReviewFlag | null = null;
  let missionCellsFilled = 0;

  const setDimension = (n: number, source: DimensionSource, title?: string) => {
    if (n !== dimension || source === 'number' || (source === 'code' && dimSource !== 'number')) {
      if (n !== dimension) {
        mission = null;
        missionDoubt = null;
      }
      dimension = n;
      dimSource = source;
    }
    afterTotal = false;
    const clean = title ? cleanName(title, evidence) : '';
    if (clean && !/^รวม/.test(clean) && !dimensionTitles.has(n)) dimensionTitles.set(n, clean);
  };
  const setMission = (code: string, title: string, sub = code.split('.').length > 2) => {
    const [d, m] = code.split('.');
    const c = `${Number(d)}.${Number(m)}`;
    if (Number(d) !== dimension) setDimension(Number(d), 'code');
    else if (dimSource !== 'number') dimSource = 'code';
    mission = c;
    const clean = cleanName(title.replace(/^\s*[:.)–-]\s*/, '').replace(/\s[1-4]\.\d{1,2}\.\d.*$/s, ''), evidence);
    if (!sub && clean && !missionTitles.has(c)) missionTitles.set(c, clean);
  };

  const above = headingAboveTable(lines, table.headerLine);
  // (Its title is read with the document's headings: here only the number is the table's.)
  if (above) setDimension(above.number, 'number');
  for (const row of rows) {
    const line = byNo.get(row.line) as Line;
    const cells = row.cells;
    const cols = rowColumns(cells, table);
    const before = cells.slice(0, cols.projectCol).map((c) => c.trim());
    // "ภารกิจที่ 4.3 - …", "- ภารกิจ 4.2 …": the heading's punctuation and bullet are not the title's.
    let projectCell = unbullet(cells[cols.projectCol]?.trim() ?? '').replace(/^((?:ภารกิจ|การกิจ|พันธกิจ)\s*(?:ที่)?\s*[1-4]\s*\.\s*\d{1,2}(?:\s*\.\s*\d{1,2})*)\s*[:\-–]\s*/, '$1 ');
    const isTotal = [...before, projectCell].some((c) => /^รวม|^จำนวน\s*\d+\s*โครงการ/.test(c)) || cells.some((c) => /รวมทั้งสิ้น/.test(c));

    // Dimension: a number in the first cell or a heading in any text cell; else the standard title's words.
    let dimHere = false;
    for (const [i, cell] of before.entries()) {
      // The number column holds a heading by its word ("มิติ 4 :") when the conversion printed it there.
      // (Also a numbered standard title "2. การบริหารราชการ…" printed across the number column.)
      if (cell === '' || (i === table.numberCol && !DIMENSION_HEADING.test(cell) && !(cell.length > 12 && dimensionByWords(matchKey(cell)) !== null))) continue;
      const asCell = i === 0 ? cell.match(DIMENSION_CELL) : null;
      const heading = cell.match(DIMENSION_HEADING) ?? (asCell && ((asCell[2] ?? '').trim().length >= 3 || /^(?:ม|ด้าน)/.test(cell)) ? asCell : null);
      if (heading?.[1]) {
        setDimension(Number(heading[1]), 'number', heading[2]);
        dimHere = true;
        break;
      }
      const byWords = i === 0 && !MISSION_CELL.test(cell) ? dimensionByWords(matchKey(cell)) : null;
      if (byWords) {
        // The standard title of the dimension that comes next is as good as its number; out of order, it is a guess.
        setDimension(byWords, byWords === dimension + 1 || byWords === dimension ? 'number' : 'words', cell);
        dimHere = true;
        break;
      }
    }
    // A heading without its title ("มิติ 4 :") whose title fills the name cell: the title, not an item.
    if (dimHere && !/^\(?\d|^[1-4]\./.test(projectCell) && dimensionByWords(matchKey(projectCell)) === dimension && cols.years.every(({ index }) => (cells[index] ?? '').trim() === '')) {
      setDimension(dimension, 'number', projectCell);
      projectCell = '';
    }
    // (A heading wrapped onto the next line in its cell, as a PDF prints a long title, is still the heading.)
    const headingInProject = projectCell.match(DIMENSION_HEADING_WRAPPED);
    if (headingInProject?.[1] && !isTotal) {
      setDimension(Number(headingInProject[1]), 'number', headingInProject[2]?.replace(/\s(?:\(?\d{1,3}[.)]|[1-4]\.\d).*$/s, ''));
      dimHere = true;
      projectCell = (headingInProject[2] ?? '').replace(/^.*?(?=\s(?:\(?\d{1,3}[.)]|[1-4]\.\d))/s, '').trim();
      if (!/^\(?\d|^[1-4]\./.test(projectCell)) projectCell = '';
    }

    if (isTotal) {
      const grand = cells.some((c) => /รวมทั้งสิ้น/.test(c));
      const dim = grand ? null : dimension || null;
      const count = cells.map((c) => c.match(/(\d{1,3})\s*โครงการ/)).find((m) => m?.[1]);
      if (count?.[1]) stated.push({ measure: 'projects', dimension: dim, mission: null, year: null, value: Number(count[1]), line: line.no, text: line.raw.trim() });
      stated.push(...statedBudgets(cells, cols.years, dim, line));
      // The row's total over the plan's years (a "รวม 4 ปี" column): a budget total of no single year.
      const overYears = totalOverYears(cells, cols, table);
      if (overYears !== null) stated.push({ measure: 'budget', dimension: dim, mission: null, year: null, value: overYears, line: line.no, text: line.raw.trim() });
      if (!grand) afterTotal = true;
      continue;
    }

    for (const cell of before) {
      const m = cell.match(MISSION_CELL) ?? cell.match(MISSION_HEADING);
      if (m?.[1] && m[2]) {
        setMission(`${m[1]}.${m[2]}`, m[3] ?? '', /^[1-4]\s*\.\s*\d{1,2}\s*\.\s*\d/.test(cell));
      }
    }
    // A mission column after the name: the item's code, or empty for "the same mission as the row above". A code of
    // another dimension than the heading's is a doubt (flagged, carried down with the empty cells below it).
    const missionIndex = table.missionCol === null ? -1 : table.missionCol + (cols.projectCol - table.projectCol);
    if (missionIndex >= 0 && (cells[missionIndex] ?? '').trim() !== '') missionCellsFilled++;
    if (table.missionCol !== null && table.missionCol > table.projectCol) {
      const read = readMissionCell(cells[missionIndex] ?? '');
      if (read.kind === 'code') {
        const d = Number(read.code.split('.')[0]);
        if (dimension > 0 && d !== dimension && (dimSource === 'number' || dimSource === 'words')) {
          mission = null;
          missionDoubt = { field: 'mission', ...why.missionCodeOfOtherDimension(read.code, dimension), line: line.no };
        } else {
          const was = dimension;
          setMission(read.code, read.title);
          missionDoubt = null;
          if (dimension !== was) dimHere = true;
        }
      } else if (read.kind === 'unread') {
        mission = null;
        missionDoubt = { field: 'mission', ...why.missionCellNotRead(read.text), line: line.no };
      } else if (read.kind === 'none') {
        mission = null;
        missionDoubt = null;
      }
    }
    if (projectCell === '') continue;

    const firstExpected = ctx.next;
    const split = splitCell(projectCell, ctx);
    const parts = split.parts;
    // "ภารกิจที่ 3.1 …": the word before a mission code is the heading's, not an item's.
    const lead = /^(?:ภารกิจ|การกิจ|พันธกิจ)\s*(?:ที่)?$/.test(split.lead) ? '' : split.lead;
    const numberCell = table.numberCol !== null && cols.projectCol === table.projectCol ? (before[table.numberCol] ?? '') : '';
    const leadDim = lead.match(DIMENSION_HEADING);
    if (leadDim?.[1]) setDimension(Number(leadDim[1]), 'number', leadDim[2]);
    const cellItems: { part: CellItem; mission: string | null; dimension: number; flags: ReviewFlag[] }[] = [];
    const cellFlags: ReviewFlag[] = [];
    if (lead.length >= 3 && parts.length > 0 && !leadDim) {
      notes.push(`line ${line.no}: text before the first item of the cell was not read as an item: "${lead.slice(0, 60)}"`);
      cellFlags.push({ field: 'name', ...why.textBeforeFirstItem(), line: line.no });
    }
    const items0 = parts.filter((p): p is CellItem => p.kind === 'item');
    if (parts.length === 0 && lead !== '' && !leadDim) {
      // An item without a number: numbered by its position.
      parts.push({ kind: 'item', number: null, text: lead, codeMission: null });
    }
    const numbered = numberCell.match(NUMBER_CELL);
    const onlyItem = parts.length === 1 ? parts[0] : undefined;
    if (numbered?.[1] && onlyItem?.kind === 'item' && onlyItem.number === null) {
      onlyItem.number = String(Number(numbered[1]));
      ctx.next = Number(numbered[1]) + 1;
    }
    // Numbering restarted at 1 with no dimension heading: the next dimension's first item.
    const firstSimple = items0.find((p) => p.number !== null && /^\d+$/.test(p.number));
    if (!dimHere && firstSimple?.number === '1' && firstExpected > 2 && dimension > 0 && dimension < 4) {
      setDimension(dimension + 1, 'sequence');
    } else if (!dimHere && afterTotal && dimension > 0 && dimension < 4 && !parts.some((p) => p.kind === 'mission' || (p.kind === 'item' && p.codeMission)) && !before.some((c) => MISSION_CELL.test(c))) {
      setDimension(dimension + 1, 'sequence');
    }
    for (const p of parts) {
      if (p.kind === 'mission') {
        setMission(p.code, p.title);
        continue;
      }
      const flags: ReviewFlag[] = [...cellFlags];
      if (p.codeMission) {
        const d = Number(p.codeMission.split('.')[0]);
        if (d !== dimension) setDimension(d, 'code');
        else if (dimSource !== 'number') dimSource = 'code';
        mission = p.codeMission;
      }
      if (dimension === 0) {
        setDimension(1, 'none');
        notes.push(`line ${line.no}: no dimension is named before this row: dimension 1 assumed`);
      }
      if (dimSource === 'words') flags.push({ field: 'dimension', ...why.dimensionFromWords(), line: line.no });
      if (dimSource === 'sequence') flags.push({ field: 'dimension', ...why.dimensionFromSequence(), line: line.no });
      if (dimSource === 'none') flags.push({ field: 'dimension', ...why.noDimensionBeforeRow(), line: line.no });
      if (p.number === null) {
        p.number = String(ctx.style === 'simple' ? ctx.next++ : items.filter((it) => it.dimension === dimension).length + cellItems.length + 1);
        flags.push({ field: 'number', ...why.itemWithoutNumber(), line: line.no });
        notes.push(`line ${line.no}: an item without a number was numbered ${p.number} by its position`);
      }
      if (missionDoubt) flags.push(missionDoubt);
      cellItems.push({ part: p, mission: mission && Number(mission.split('.')[0]) === dimension ? mission : null, dimension, flags });
    }
    if (cellItems.length === 0) continue;
    // Missing numbers between items of the cell: a name may hold a lost item.
    const nums = cellItems.map((c) => Number(c.part.number)).filter((n) => Number.isInteger(n));
    for (let i = 1; i < nums.length; i++) {
      if ((nums[i] ?? 0) - (nums[i - 1] ?? 0) > 1) cellItems[i - 1]?.flags.push({ field: 'name', ...why.numbersMissingAfter((nums[i - 1] ?? 0) + 1, (nums[i] ?? 0) - 1), line: line.no });
    }

    // A row with cells missing keeps its unit as its last cell, beyond its figures (the unit column's text moved left).
    const lastText = [...cells].reverse().find((c) => c.trim() !== '')?.trim() ?? '';
    const shiftedUnit = table.unitCol !== null && cells.length < table.columns && cells.lastIndexOf(cells.findLast((c) => c.trim() !== '') ?? '') > table.projectCol && !FIGURE_CELL.test(lastText) && !/\d/.test(lastText);
    // A unit column before the years stays in place in a row whose figures are where the header puts them, however
    // many empty cells the conversion left out after them (a merged "ไม่ใช้งบประมาณ").
    const unitBeforeYears = table.unitCol !== null && table.unitCol < (table.yearCols[0]?.index ?? 0) && cols.years[0]?.index === table.yearCols[0]?.index;
    const unitCell = table.unitCol !== null && (cells.length === table.columns || unitBeforeYears) ? (cells[table.unitCol] ?? '').trim() : shiftedUnit ? lastText : '';
    if (shiftedUnit && cellItems.length === 1) cellItems[0]?.flags.push({ field: 'responsibleUnit', ...why.unitFromLastCell(), line: line.no });
    const rowItems: SummaryItem[] = cellItems.map((c) => ({
      unit: unitCell && cellItems.length === 1 ? cleanName(unitCell, evidence) : null,
      ...(table.unitCol !== null ? { unitCell } : {}),
      number: c.part.number ?? '',
      name: cleanName(withoutStatusRemark(c.part.text), evidence),
      written: c.part.text,
      dimension: c.dimension,
      mission: c.mission,
      budgets: {},
      budgetShared: null,
      line: line.no,
      rowItems: cellItems.length,
      review: c.flags,
    }));
    const rest = continuedAfterBreak.get(line.no);
    if (rest?.name) rowItems.at(-1)?.review.push({ field: 'name', ...why.nameAfterPageBreak(rest.line), line: rest.line });
    if (rest?.unit) rowItems.at(-1)?.review.push({ field: 'responsibleUnit', ...why.unitAfterPageBreak(rest.line), line: rest.line });
    for (const it of rowItems) {
      if (it.name === '') it.review.push({ field: 'name', ...why.noNameInSummary(), line: line.no });
      else if ([...it.name].length > 250) it.review.push({ field: 'name', ...why.veryLongName(), line: line.no });
    }

    const sharedYears: string[] = [];
    const yearCells = cols.years.map(({ index }) => (cells[index] ?? '').trim());
    const filled = yearCells.filter((c) => c !== '');
    // One "ไม่ใช้งบประมาณ" written across the year columns (a merged cell): no budget in any year.
    const noBudgetAcross = filled.length === 1 && NO_BUDGET.test(filled[0] ?? '');
    if (filled.length > 0 && filled.length < yearCells.length && !noBudgetAcross) {
      cols.years.forEach(({ year }, k) => {
        if (yearCells[k] === '') for (const it of rowItems) it.review.push({ field: `budgets.${year}`, ...why.noFigureForYear(year), line: line.no });
      });
    }
    // A year cell holding words, not a figure: the row's cells shifted (its unit printed under a year, as a PDF
    // places text by position). Flagged; the words are the unit when the unit column is empty and they are the last.
    cols.years.forEach(({ year }, k) => {
      const c = yearCells[k] ?? '';
      if (c === '' || FIGURE_CELL.test(c) || NO_BUDGET.test(c) || /\d/.test(c)) return;
      for (const it of rowItems) it.review.push({ field: `budgets.${year}`, ...why.wordsInYearColumn(year, c), line: line.no });
      const unitEmpty = table.unitCol !== null && (cells[table.unitCol] ?? '').trim() === '';
      if (unitEmpty && k === yearCells.length - 1 && rowItems.length === 1 && rowItems[0] && !rowItems[0].unit) {
        rowItems[0].unit = cleanName(c, evidence);
        rowItems[0].review.push({ field: 'responsibleUnit', ...why.unitFromYearColumn(year), line: line.no });
      }
    });
    if (filled.length === 0) {
      for (const it of rowItems) it.review.push({ field: 'budgets', ...why.noFigureInAnyYear(), line: line.no });
    }
    if (cells.length !== table.columns && filled.length > 0 && !noBudgetMergedShort(cells, table)) {
      for (const it of rowItems) it.review.push({ field: 'budgets', ...why.cellCountDiffers(cells.length, table.columns), line: line.no });
    }
    for (const { index, year } of cols.years) {
      const values = noBudgetAcross ? [0] : budgetCellValues(cells[index] ?? '');
      if (values.length === 0) continue;
      if (rowItems.length === 1) {
        const only = rowItems[0] as SummaryItem;
        only.budgets[String(year)] = values.reduce((a, b) => a + b, 0);
        continue;
      }
      if (values.length !== rowItems.length && values.some((v) => v > 0)) sharedYears.push(String(year));
      rowItems.forEach((item, i) => {
        item.budgets[String(year)] = values.length === rowItems.length ? (values[i] ?? 0) : i < values.length ? (values[i] ?? 0) : 0;
      });
    }
    // The row's own total over the years, where the table prints one, checks the year figures read.
    const rowTotal = totalOverYears(cells, cols, table);
    const only = rowItems.length === 1 ? rowItems[0] : undefined;
    if (only && rowTotal !== null && Object.keys(only.budgets).length > 0) {
      const sum = Object.values(only.budgets).reduce((a, b) => a + b, 0);
      if (sum !== rowTotal) only.review.push({ field: 'budgets', ...why.rowTotalDiffers(rowTotal, sum), line: line.no });
    }
    if (sharedYears.length > 0) {
      const ids = rowItems.map((it) => it.number);
      const note = `แถวที่บรรทัด ${line.no} ระบุงบประมาณชุดเดียวสำหรับ ${rowItems.length} รายการ (${ids.join(', ')}); ตัวเลขแสดงไว้ที่รายการแรก`;
      for (const it of rowItems) {
        it.budgetShared = { line: line.no, projectIds: [], note };
        for (const y of sharedYears) it.review.push({ field: `budgets.${y}`, ...why.oneSetOfFigures(rowItems.length, ids), line: line.no });
      }
      notes.push(`line ${line.no}: one set of budget figures for ${rowItems.length} items (${ids.join(', ')}): kept on the first item, 0 on the others`);
    }
    items.push(...rowItems);
  }

  // A mission column with text in it from which no item's mission was read: said on every item, never silent.
  if (table.missionCol !== null && missionCellsFilled > 0 && items.length > 0 && items.every((it) => it.mission === null)) {
    for (const it of items) if (!it.review.some((f) => f.field === 'mission')) it.review.push({ field: 'mission', ...why.missionColumnNotRead(), line: it.line });
  }

  // A unit cell serving several items (of one cell, or rows below left empty): assigned and flagged.
  if (table.unitCol !== null) assignColumnUnits(items, (t) => withoutOrgSuffix(cleanName(t, evidence)));

  const fiscalYears = table.yearCols.map((y) => y.year);
  return { items, stated, dimensionTitles, missionTitles, fiscalYears, notes };
}
