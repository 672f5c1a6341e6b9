/**
 * Responsible units from a table's unit column when a unit cell serves several items: the items of one name cell
 * (`15) … 16) …` with one unit cell), or rows below whose unit cell is empty (a merged cell printed on its first
 * row). Whatever the importer then assigns, or leaves empty, is flagged `responsibleUnit` with the line of the cell:
 * a cell listing as many units as the items it may cover ("สำนักปลัดเทศบาล / กองช่าง" for two items) is assigned
 * in order; one unit for the items of one cell goes to each; a row with an empty cell stays without a unit.
 */
import type { ReviewFlag } from '../schema.ts';
import { why } from './reasons.ts';

/** One item of a table with a unit column, in document order. */
export interface UnitSlot {
  /** The row's unit cell as printed ("" = empty; "-" is a stated "none" and kept). */
  cell: string;
  /** The row's first line (items of one cell share it). */
  line: number;
  dimension: number;
  /** Set by `assignUnits`. */
  unit: string | null;
  review: ReviewFlag[];
}

/** The units a cell lists, when it lists several: "สำนักปลัดเทศบาล / กองช่าง", "กองคลัง, กองช่าง". "ทุกสำนัก/กอง" is one. */
export function splitUnits(cell: string): string[] {
  // A line break inside the cell is where the cell wrapped (a PDF, a narrow column), not a separator.
  const pieces = cell
    .split(/\s*[/,]\s*|\s+และ\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (pieces.length < 2 || /^ทุก/.test(cell.trim()) || pieces.some((p) => [...p.replace(/\s/g, '')].length < 4)) return [cell.trim()];
  return pieces;
}

const short = (s: string) => `"${s.replace(/\s+/g, ' ').slice(0, 60)}"`;

/** Sets `unit` (and flags) for every slot: `clean` turns a cell's text into a unit (or "" for none). */
export function assignUnits(slots: UnitSlot[], clean: (text: string) => string): void {
  // A unit column left empty in every row gives no unit for any item: nothing to assign, nothing to flag.
  if (slots.every((s) => s.cell.trim() === '')) return;
  let i = 0;
  while (i < slots.length) {
    const head = slots[i] as UnitSlot;
    // The items the head's cell may cover: the rest of its own cell, then rows below with an empty unit cell.
    let j = i + 1;
    while (j < slots.length && (slots[j] as UnitSlot).line === head.line) j++;
    const sameCell = j - i;
    let k = j;
    if (head.cell.trim() !== '') while (k < slots.length && (slots[k] as UnitSlot).cell.trim() === '' && (slots[k] as UnitSlot).dimension === head.dimension) k++;
    const group = slots.slice(i, k);
    const own = group.slice(0, sameCell);
    const below = group.slice(sameCell);
    const text = head.cell.trim();
    if (text === '') {
      for (const s of own) {
        s.unit = null;
        s.review.push({ field: 'responsibleUnit', ...why.unitCellEmpty(), line: s.line });
      }
    } else if (group.length === 1) {
      head.unit = clean(text) || null;
    } else {
      const pieces = splitUnits(text);
      if (pieces.length === group.length) {
        group.forEach((s, n) => {
          s.unit = clean(pieces[n] ?? '') || null;
          s.review.push({ field: 'responsibleUnit', ...why.unitsAssignedInOrder(head.line, pieces.length, short(text), group.length), line: head.line });
        });
      } else {
        for (const s of own) {
          s.unit = clean(text) || null;
          if (own.length > 1) s.review.push({ field: 'responsibleUnit', ...why.oneUnitForCell(short(text), own.length, head.line), line: head.line });
          else if (pieces.length > 1) s.review.push({ field: 'responsibleUnit', ...why.unitCellMayBeShared(pieces.length, short(text)), line: head.line });
        }
        for (const s of below) {
          s.unit = null;
          s.review.push({ field: 'responsibleUnit', ...why.unitCellEmptyAbove(head.line, short(text)), line: s.line });
        }
      }
    }
    i = Math.max(k, j);
  }
}

/**
 * A unit without the organisation's name (and address) printed after it: "สำนักปลัดเทศบาล เทศบาลตำบลบ้านเหล่า" →
 * "สำนักปลัดเทศบาล", "ทุกสำนัก/กอง ของเทศบาลนครแม่สอด" → "ทุกสำนัก/กอง". The name alone is left as it is.
 */
export function withoutOrgSuffix(unit: string): string {
  const cut = unit.replace(/\s+(?:ของ\s*)?(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อบต\.|ทต\.)\S*(?:\s+(?:อำเภอ|อ\.|จังหวัด|จ\.)\S*)*\s*$/, '').trim();
  return cut === '' ? unit : cut;
}

/**
 * The units of a summary table's items under its unit column: cells serving several items assigned (`assignUnits`),
 * and, whatever left an item without a unit (a cell not read, a row's cells shifted), that item flagged, unless its
 * cell states none ("-") or every cell is empty (a column the document never fills).
 */
export function assignColumnUnits(items: { unit: string | null; unitCell?: string; line: number; dimension: number; review: ReviewFlag[] }[], clean: (text: string) => string): void {
  const slots: UnitSlot[] = items.map((it) => ({ cell: it.unit ?? it.unitCell ?? '', line: it.line, dimension: it.dimension, unit: null, review: [] }));
  assignUnits(slots, clean);
  items.forEach((it, i) => {
    const slot = slots[i] as UnitSlot;
    it.unit = slot.unit;
    it.review.push(...slot.review);
    const stated = /^[-–—]$/.test(slot.cell.trim());
    if (it.unit === null && !stated && slots.some((x) => x.cell.trim() !== '') && !it.review.some((f) => f.field === 'responsibleUnit')) {
      it.review.push({ field: 'responsibleUnit', ...why.unitNotReadFromColumn(), line: it.line });
    }
  });
}
