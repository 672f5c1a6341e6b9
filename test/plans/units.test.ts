import { describe, expect, it } from 'vitest';
import { assignUnits, splitUnits, type UnitSlot } from '../../functions/src/plans/parse/units.ts';

const slot = (cell: string, line: number, dimension = 1): UnitSlot => ({ cell, line, dimension, unit: null, review: [] });
const run = (slots: UnitSlot[]) => {
  assignUnits(slots, (t) => t.trim());
  return slots.map((s) => [s.unit, s.review.map((f) => f.field)]);
};

describe('responsible units from a unit cell serving several items', () => {
  it('splits a cell listing several units, but not one unit written with a slash', () => {
    expect(splitUnits('สำนักปลัดเทศบาล / กองช่าง')).toEqual(['สำนักปลัดเทศบาล', 'กองช่าง']);
    expect(splitUnits('สำนักปลัด/กองคลัง/กองช่าง')).toEqual(['สำนักปลัด', 'กองคลัง', 'กองช่าง']);
    expect(splitUnits('ทุกสำนัก/กอง')).toEqual(['ทุกสำนัก/กอง']);
    expect(splitUnits('งานทะเบียนราษฎร สำนักปลัดเทศบาล')).toEqual(['งานทะเบียนราษฎร สำนักปลัดเทศบาล']);
  });

  it('assigns one unit per item in order when the cell lists as many as the items it covers (rows below left empty), every one flagged', () => {
    expect(run([slot('สำนักปลัดเทศบาล / กองช่าง', 10), slot('', 11), slot('กองคลัง', 12)])).toEqual([
      ['สำนักปลัดเทศบาล', ['responsibleUnit']],
      ['กองช่าง', ['responsibleUnit']],
      ['กองคลัง', []],
    ]);
  });

  it('gives one cell\'s unit to each item of that cell, flagged; a row below with an empty cell stays without a unit, flagged', () => {
    expect(run([slot('กองคลัง', 5), slot('กองคลัง', 5), slot('หน่วยตรวจสอบภายใน', 6), slot('', 7)])).toEqual([
      ['กองคลัง', ['responsibleUnit']],
      ['กองคลัง', ['responsibleUnit']],
      ['หน่วยตรวจสอบภายใน', []],
      [null, ['responsibleUnit']],
    ]);
  });

  it('does not carry a unit into the next dimension, and flags an empty cell with no unit above', () => {
    expect(run([slot('กองคลัง', 5, 1), slot('', 9, 2)])).toEqual([
      ['กองคลัง', []],
      [null, ['responsibleUnit']],
    ]);
  });

  it('keeps a stated "-" as the row\'s own', () => {
    expect(run([slot('-', 5), slot('กองคลัง', 6)])).toEqual([
      ['-', []],
      ['กองคลัง', []],
    ]);
  });

  it('flags nothing when the unit column is empty in every row (the table gives no unit at all)', () => {
    expect(run([slot('', 5), slot('', 6)])).toEqual([
      [null, []],
      [null, []],
    ]);
  });
});
