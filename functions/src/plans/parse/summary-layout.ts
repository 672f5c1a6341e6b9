/**
 * The layout of the 5-year summary table's lines before they are read as items: which lines are the (repeated,
 * one- or two-line) header, where a row's figures sit, page furniture, a name continued after a page break, rows
 * whose figures come on a name's second line.
 */
import { budgetCellValues, matchKey, NO_BUDGET, type TableRow } from '../normalize.ts';
import { isHeaderContinuation, SHORT_YEAR_CELL, TOTAL_HEADER, YEAR_CELL, type SummaryTable } from './summary-find.ts';
import { DIMENSION_HEADING, dimensionByWords, MISSION_HEADING, PAGE_MARK, unbullet, type Line } from './common.ts';

export const HEADER_CELL = /โครงการ\/กิจกรรม|งบประมาณ\s*\(บาท\)|^งบประมาณ$|^\(บาท\)$|ภารกิจตาม|การกิจตาม|^ม(?:ิ)?ติ$/;
export const FIGURE_CELL = /^(?:จำนวน\s*)?(?:[\d,.\s]+|[-–—]|ไม่ใช้งบประมาณ|ไม่ใช้งบ\S*)(?:\s*บาท)?$/;

/** Where a row's figures are: the header's columns, or (a row with cells missing or added) aligned on its last figure. */
export function rowColumns(cells: string[], table: SummaryTable): { years: { index: number; year: number }[]; projectCol: number } {
  if (cells.length === table.columns || noBudgetMergedShort(cells, table)) return { years: table.yearCols, projectCol: table.projectCol };
  // A row's last figure is its total where the table has a total column.
  const last = table.totalCol ?? table.yearCols.at(-1)?.index ?? table.columns - 1;
  let r = -1;
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = (cells[i] ?? '').trim();
    if (c !== '' && FIGURE_CELL.test(c)) {
      r = i;
      break;
    }
    if (c !== '') break;
  }
  if (r < 0) return { years: table.yearCols, projectCol: Math.min(table.projectCol, Math.max(0, cells.length - 1)) };
  const shift = r - last;
  return {
    years: table.yearCols.map((y) => ({ index: y.index + shift, year: y.year })).filter((y) => y.index >= 0),
    projectCol: Math.max(0, table.projectCol + shift),
  };
}

/** An item's number at the start of a cell: "5)", "(5)", "5.", "1.1.1(2)". */
export const ITEM_NUMBER_START = /^(?:\(?\s*\d{1,3}\s*[.)](?!\d)|[1-4]\.\d{1,2}\.\d{1,2}\s*\(\s*\d)/;
/** The organisation's name alone on a line between a page's number and the next page's headers: a running header. */
/** (Also abbreviated, as running headers print it: "อบต.ห้วยทรายทอง", "ทต.นาบัว", "ทม.…", "อบจ.…".) */
const ORG_ONLY = /^(?:(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วน(?:ตำบล|จังหวัด))\s?\S{2,30}|(?:อบต|อบจ|ทต|ทม|ทน)\.\s?[^\s\d]\S{1,30})$/;
export function isRunningOrgHeader(lines: Line[], no: number): boolean {
  const t = lines[no - 1]?.text.trim() ?? '';
  if (!ORG_ONLY.test(t)) return false;
  const near = (step: number) => {
    for (let k = no - 1 + step; k >= 0 && k < lines.length; k += step) {
      const x = lines[k]?.text.trim() ?? '';
      if (x !== '') return x;
    }
    return '';
  };
  const before = near(-1);
  const after = near(1);
  return PAGE_MARK.test(before.replace(/\t/g, ' ').trim()) || /^(?:แผนปฏิบัติการ|แผนป้องกัน)/.test(after) || after.split('\t').some((c) => HEADER_CELL.test(c.trim()));
}

export const isTotalsRow = (cells: string[]) => cells.some((c) => /^รวม|รวมทั้งสิ้น|^จำนวน\s*\d+\s*โครงการ/.test(c.trim()));
export const STARTS_ITEM = /^(?:\(?\s*\d{1,3}\s*[.)]|[1-4]\s*\.\s*\d|ภารกิจ|การกิจ|ม(?:ิ)?ติ|ด้านที่|รวม)/;

/**
 * A cell centred vertically prints its figures beside the second line of a wrapped name: the first line (an item's
 * number and the start of its name) has no figures, the next (the rest of the name, no number) has them. The two
 * lines are one row.
 */
export function figuresOnSecondLine(rows: TableRow[], table: SummaryTable): TableRow[] {
  const hasFigures = (r: TableRow) => table.yearCols.some(({ index }) => (r.cells[index] ?? '').trim() !== '');
  const out: TableRow[] = [];
  for (const row of rows) {
    const prev = out.at(-1);
    const name = (row.cells[table.projectCol] ?? '').trim();
    const prevName = (prev?.cells[table.projectCol] ?? '').trim();
    const beforeEmpty = row.cells.slice(0, table.projectCol).every((c) => c.trim() === '' || !/^[1-4]|^ม/.test(c.trim()));
    const ownNumber = table.numberCol !== null && (row.cells[table.numberCol] ?? '').trim() !== '';
    const totals = isTotalsRow(row.cells);
    if (prev && !totals && !hasFigures(prev) && hasFigures(row) && name !== '' && !STARTS_ITEM.test(name) && ITEM_NUMBER_START.test(prevName) && beforeEmpty && !ownNumber && row.cells.length === table.columns) {
      const cells = row.cells.map((c, i) => (i <= table.projectCol ? `${prev.cells[i] ?? ''}\n${c}`.trim() : c));
      out[out.length - 1] = { cells, line: prev.line };
      continue;
    }
    out.push(row);
  }
  return out;
}

/**
 * A line of the table's header (the first line, or the repeated header after a page break): column names, not an
 * item. A "รวม" cell is a header's when it names the total column ("รวม", "รวม 4 ปี"), not a totals row's words.
 * The second line of a two-line header is one after a header line.
 */
export function isHeaderRow(cells: string[], text: string, table: SummaryTable, afterHeader: boolean): boolean {
  if (table.headerTexts.some((h) => sameCells(h, text))) return true;
  // (Where the table's own header has two lines, a line of header words alone under its repeat is a header line only
  // with the years: "งบประมาณ" alone in the unit column is the end of "กองยุทธศาสตร์และงบประมาณ".)
  const years = cells.filter((c) => YEAR_CELL.test(c.trim()) || SHORT_YEAR_CELL.test(c.trim())).length;
  if (afterHeader && isHeaderContinuation(text) && (table.headerTexts.length === 1 || years >= 2)) return true;
  // (A lone "งบประมาณ" in the unit column is the wrapped end of "กองยุทธศาสตร์และงบประมาณ", not a header.)
  const named = cells.some((c, i) => HEADER_CELL.test(c.trim()) && i !== table.unitCol) || years >= 2;
  const totalsWords = cells.some((c) => /รวม/.test(c) && !TOTAL_HEADER.test(c.trim()));
  const figures = cells.some((c) => /\d{1,3},\d{3}/.test(c));
  return named && !totalsWords && !figures;
}
const sameCells = (a: string, b: string) => a.split('\t').map((c) => c.trim()).join('\t').replace(/\t+$/, '') === b.split('\t').map((c) => c.trim()).join('\t').replace(/\t+$/, '');

/**
 * The first line under a repeated header that only continues the item above the page break: the rest of its name
 * and/or of its unit cell; no number, no figure, no heading, nothing in other columns. Returns the pieces, or null.
 */
export function restAfterBreak(cells: string[], table: SummaryTable): { name: string; unit: string; alone: boolean } | null {
  // Alone on its line: no tabs, or words alone in the first (number) column, where a PDF's left margin puts them.
  const filled = cells.flatMap((c, i) => (c.trim() !== '' ? [i] : []));
  const single = cells.length === 1 || (filled.length === 1 && filled[0] === 0 && table.numberCol === 0 && /^[^\d(]{4,}/.test((cells[0] ?? '').trim()));
  const name = (single ? (cells[0] ?? '') : (cells[table.projectCol] ?? '')).trim();
  const unit = !single && table.unitCol !== null ? (cells[table.unitCol] ?? '').trim() : '';
  if (name === '' && unit === '') return null;
  if (!single && cells.some((c, i) => c.trim() !== '' && i !== table.projectCol && i !== table.unitCol)) return null;
  if (name !== '' && (STARTS_ITEM.test(name) || PAGE_MARK.test(name) || DIMENSION_HEADING.test(unbullet(name)) || MISSION_HEADING.test(unbullet(name)) || isTotalsRow(cells))) return null;
  return { name, unit, alone: single };
}

/**
 * A running page header printed as a row of cells (the plan's title ⇥ the organisation, a page number): page
 * furniture, never a wrapped line of the row above.
 */
export function isRunningHeaderRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length < 2 || filled.length > 3) return false;
  const title = (c: string) => /^(?:แผนปฏิบัติการ|แผนป้องกัน)/.test(c) && !/\d{1,3},\d{3}/.test(c);
  return filled.some(title) && filled.every((c) => title(c) || ORG_ONLY.test(c) || PAGE_MARK.test(c) || /^\(?พ\.ศ\./.test(c));
}

/** A page number as a cell of a running header ("หน้า 6", "หน้า 5 จาก 12", "- 8 -"); a bare number may be an item's. */
const PAGE_CELL = /^(?:หน้า\s*(?:ที่)?\s*\d{1,3}(?:\s*(?:\/|จาก)\s*\d{1,3})?|[-–]\s*\d{1,3}\s*[-–])$/;

/**
 * Lines a page break repeats: a line printed at two or more page breaks (within two lines after a page number,
 * within two lines before the table's repeated header, or holding a page number itself), identically or but for its
 * digits (a page number or a year inside it), starting at the left edge (its first cell filled). A running page header
 * ("แผนปฏิบัติการ… ⇥ อบต.ห้วยทรายทอง"), never the continuation of a name or a unit. Lines with figures, item rows,
 * headings, header lines and lines whose first cell is empty (a row's wrapped cells) are never counted.
 */
export function repeatedPageLines(lines: Line[], isHeader: (text: string) => boolean): Set<number> {
  const filled = lines.filter((l) => l.text.trim() !== '');
  const flat = (l: Line | undefined) => (l?.text ?? '').replace(/\t+/g, ' ').trim();
  const pageMark = (l: Line | undefined) => l !== undefined && PAGE_MARK.test(flat(l));
  const headerStart = (l: Line | undefined) => l !== undefined && isHeader(l.text);
  const keyOf = (l: Line) => matchKey(flat(l).replace(/\d+/g, ''));
  const atBreak: { no: number; key: string }[] = [];
  filled.forEach((l, i) => {
    const cells = l.text.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    const first = cells[0] ?? '';
    if (pageMark(l) || headerStart(l) || isHeaderContinuation(l.text) || /\d{1,3},\d{3}/.test(l.text)) return;
    // (A running header starts at the page's left edge: a line whose first cell is empty continues a row's cells.)
    if ((l.text.split('\t')[0] ?? '').trim() === '') return;
    if (/^\(?\d{1,3}\s*[.)]?$/.test(first) || STARTS_ITEM.test(first) || DIMENSION_HEADING.test(unbullet(first)) || MISSION_HEADING.test(unbullet(first))) return;
    const near = pageMark(filled[i - 1]) || pageMark(filled[i - 2]) || headerStart(filled[i + 1]) || headerStart(filled[i + 2]) || cells.some((c) => PAGE_CELL.test(c));
    const key = keyOf(l);
    if (near && key.length >= 4) atBreak.push({ no: l.no, key });
  });
  const counts = new Map<string, number>();
  for (const { key } of atBreak) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Set(atBreak.filter(({ key }) => (counts.get(key) ?? 0) >= 2).map(({ no }) => no));
}

/** The first line of a summary table's header, as printed again after a page break. */
export const isTableHeaderStart = (table: SummaryTable) => (text: string) => sameCells(table.headerTexts[0] ?? '', text);

/** A dimension heading printed just above the table's first header line ("มิติที่ 1 การสร้าง…"): the first rows' dimension. */
export function headingAboveTable(lines: Line[], headerLine: number): { number: number } | null {
  let seen = 0;
  for (let k = headerLine - 2; k >= 0 && seen < 4; k--) {
    const t = lines[k]?.text.trim() ?? '';
    if (t === '') continue;
    if (t.includes('\t')) return null;
    seen++;
    const m = unbullet(t).match(DIMENSION_HEADING);
    if (m?.[1]) return { number: Number(m[1]) };
    // "1. การสร้างสังคมที่ไม่ทนต่อการทุจริต": the standard title with its number.
    const numbered = t.match(/^([1-4])\s*[.)]\s*(\S.{8,})$/);
    if (numbered?.[1] && dimensionByWords(matchKey(numbered[2] ?? '')) === Number(numbered[1])) return { number: Number(numbered[1]) };
  }
  return null;
}

/** A row whose one "ไม่ใช้งบประมาณ" cell (merged over the years) is its last: the conversion left out the empty cells after it. */
export function noBudgetMergedShort(cells: string[], table: SummaryTable): boolean {
  const last = cells.reduce((k, c, i) => (c.trim() !== '' ? i : k), -1);
  return cells.length < table.columns && last === table.yearCols[0]?.index && NO_BUDGET.test(cells[last] ?? '');
}

/** A row's figure in the table's total-over-the-years column ("รวม 4 ปี"), or null (no such column, or empty). */
export function totalOverYears(cells: string[], cols: { years: { index: number; year: number }[] }, table: SummaryTable): number | null {
  if (table.totalCol === null) return null;
  const shift = cols.years.length === table.yearCols.length ? (cols.years[0]?.index ?? 0) - (table.yearCols[0]?.index ?? 0) : 0;
  const values = budgetCellValues(cells[table.totalCol + shift] ?? '');
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}
