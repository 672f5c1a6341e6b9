import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/src/errors.ts';
import { documentFromCsv, documentFromJson, documentToCsv, documentToJson, readDocumentFile } from '../../functions/src/plans/forms.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';

const doc = parsePlanDocument(readFileSync(new URL('../fixtures/plans/five-year-maesot-excerpt.txt', import.meta.url), 'utf8'));

describe('structured forms', () => {
  it('JSON round-trips in the output schema', () => {
    expect(documentFromJson(documentToJson(doc))).toEqual(doc);
    expect(readDocumentFile(documentToJson(doc), 'plan.json').projects).toHaveLength(35);
  });

  it('JSON with a wrong field is refused with the field path', () => {
    const broken = JSON.parse(documentToJson(doc)) as { projects: { budgets: Record<string, unknown> }[] };
    (broken.projects[0] as { budgets: Record<string, unknown> }).budgets['2566'] = 'ห้าหมื่น';
    try {
      documentFromJson(JSON.stringify(broken));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues[0]?.path).toBe('projects.0.budgets.2566');
    }
    expect(() => documentFromJson('{not json')).toThrow(/not valid JSON/);
  });

  it('CSV of the summary table round-trips names, numbers, dimensions, missions and budgets', () => {
    const csv = documentToCsv(doc);
    expect(csv.split('\n')[0]).toBe('org_name,org_district,org_province,dimension,mission,number,name,responsible_unit,budget_2566,budget_2567,budget_2568,budget_2569,budget_2570');
    const back = documentFromCsv(csv, 'maesot.csv');
    expect(back.template).toBe('structured');
    expect(back.org).toEqual(doc.org);
    expect(back.fiscalYears).toEqual(doc.fiscalYears);
    expect(back.projects.map((p) => [p.id, p.number, p.name, p.dimension, p.mission, p.budgets])).toEqual(
      doc.projects.map((p) => [p.id, p.number, p.name, p.dimension, p.mission, p.budgets]),
    );
  });

  it('CSV with a bad dimension or budget names the row and column', () => {
    const csv = ['org_name,org_district,org_province,dimension,mission,number,name,responsible_unit,budget_2567', 'เทศบาลตำบลตัวอย่าง,เมือง,ตาก,5,1.1,1,โครงการหนึ่ง,สำนักปลัด,"๕๐,๐๐๐"', 'เทศบาลตำบลตัวอย่าง,เมือง,ตาก,1,1.1,2,โครงการสอง,สำนักปลัด,ห้าพัน'].join('\n');
    try {
      documentFromCsv(csv);
      expect.unreachable();
    } catch (err) {
      const paths = (err as ValidationError).issues.map((i) => i.path);
      expect(paths).toContain('row 2.dimension');
      expect(paths).toContain('row 3.budget_2567');
    }
    expect(() => documentFromCsv('name,budget\nx,1')).toThrow(/missing column org_name/);
  });

  it('CSV accepts Thai digits and "-" in budget cells', () => {
    const csv = 'org_name,org_district,org_province,dimension,mission,number,name,responsible_unit,budget_2567\n"เทศบาลตำบลตัวอย่าง",เมือง,ตาก,๑,1.1,๑,โครงการหนึ่ง,สำนักปลัด,"๕๐,๐๐๐"\nเทศบาลตำบลตัวอย่าง,เมือง,ตาก,2,,2,โครงการสอง,,-\n';
    const d = documentFromCsv(csv);
    expect(d.projects.map((p) => [p.id, p.budgets])).toEqual([
      ['d1-1', { 2567: 50000 }],
      ['d2-2', { 2567: 0 }],
    ]);
  });
});
