/**
 * Figures and table rows: money as the documents write it ("50,000", "ไม่ใช้งบประมาณ", "-"), a budget cell's
 * values, and rows joined where a wrapped cell continued on lines without figures. Pure.
 */
import { thaiDigitsToArabic } from '../../text/numbers.ts';

/** Parses one money figure as the documents write it: "50,000", "230,000.", "16,000.00", "๑๖,๐๐๐". Returns null if there is none. */
export function parseBaht(text: string): number | null {
  const m = thaiDigitsToArabic(text).match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/);
  if (!m) return null;
  const value = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** Words the documents use for "no budget": 0. */
export const NO_BUDGET = /ไม่ใช้งบ|ไม่ใช่งบ|ไม่มีงบ|ไม่ระบุงบ|ไม่มีใช้งบ|ไม่ได้ใช้งบ|ไม่ต้องใช้งบ/;

/**
 * The values in one budget cell, in order: numbers, and 0 for "-", "0" or "ไม่ใช้งบประมาณ". A cell of a row that
 * lists several items may hold several values ("10,000 -").
 */
export function budgetCellValues(cell: string): number[] {
  const text = thaiDigitsToArabic(cell).replace(/จำนวน|บาท/g, ' ').trim();
  if (text === '') return [];
  if (NO_BUDGET.test(text)) return [0];
  const values: number[] = [];
  for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|[-–—]/g)) {
    const token = m[0];
    if (/^[-–—]$/.test(token)) values.push(0);
    else values.push(Math.round(Number(token.replace(/,/g, '').replace(/\.$/, ''))));
  }
  return values;
}

/** A table row: its cells and the 1-based source line where it starts. */
export interface TableRow {
  cells: string[];
  line: number;
}

/**
 * Re-joins table rows that the conversion wrapped onto several lines: a line with fewer than `minCells` cells (it
 * does not reach the figure columns) continues the row above; its cells are appended to the row's cells from the
 * left, except a single cell, which continues `textColumn` (the name column).
 */
export function joinWrappedRows(rows: TableRow[], minCells: number, textColumn: number): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    const prev = out.at(-1);
    const filled = row.cells.filter((c) => c.trim() !== '').length;
    if (prev && row.cells.length < minCells && filled > 0) {
      const cells = [...prev.cells];
      while (cells.length < minCells) cells.push('');
      if (row.cells.length === 1) {
        cells[textColumn] = `${cells[textColumn] ?? ''}\n${row.cells[0] ?? ''}`.trim();
      } else {
        row.cells.forEach((c, i) => {
          if (c.trim() !== '') cells[i] = `${cells[i] ?? ''}\n${c}`.trim();
        });
      }
      out[out.length - 1] = { cells, line: prev.line };
    } else {
      out.push({ cells: [...row.cells], line: row.line });
    }
  }
  return out;
}
