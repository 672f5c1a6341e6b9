import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';

/**
 * "Names are clean Thai": every project name of the four real documents against the name a person writes after
 * reading the document (test/fixtures/plans/expected-names.json).
 */
const expected = JSON.parse(readFileSync(new URL('../fixtures/plans/expected-names.json', import.meta.url), 'utf8')) as {
  files: Record<string, string>;
  names: Record<string, Record<string, string>>;
};
const OTHER_SCRIPT = /[[\p{L}\p{M}]--[\p{sc=Thai}\p{sc=Latin}\p{sc=Inherited}\p{sc=Common}]]/v;

describe.each(Object.entries(expected.files))('names of %s', (org, file) => {
  const doc = parsePlanDocument(readFileSync(new URL(`../../data/plans/${file}`, import.meta.url), 'utf8'), { file });
  const want = expected.names[org] ?? {};

  it('are the names a person writes, project by project', () => {
    expect(Object.fromEntries(doc.projects.map((p) => [p.id, p.name]))).toEqual(want);
  });

  it('hold no letters of other scripts, no doubled or edge spaces', () => {
    for (const p of doc.projects) {
      expect(p.name, p.id).not.toMatch(OTHER_SCRIPT);
      expect(p.name, p.id).not.toMatch(/\s{2}|^\s|\s$|\n|\u2028/);
      if (p.responsibleUnit) expect(p.responsibleUnit, p.id).not.toMatch(OTHER_SCRIPT);
    }
  });

  it('keep the text as the document writes it when the name was repaired', () => {
    for (const p of doc.projects) {
      if (p.nameAsWritten !== undefined) expect(p.nameAsWritten).not.toBe(p.name);
    }
  });
});

describe('audit trail', () => {
  it('keeps the OCR-damaged organisation name as written', () => {
    const doc = parsePlanDocument(readFileSync(new URL('../../data/plans/intapramul-plan-2566-2570.txt', import.meta.url), 'utf8'));
    const p = doc.projects.find((x) => x.id === 'd1-1-2-3-4');
    expect(p?.name).toMatch(/องค์การบริหารส่วนตำบลอินทประมูล$/);
    expect(p?.nameAsWritten).toMatch(/องค์กรบริหารส่วนตำบล ?ลอนทประมูล$/);
    expect(doc.fidelity.notes.some((n) => n.includes('เปร่ำใส่'))).toBe(true);
  });
});
