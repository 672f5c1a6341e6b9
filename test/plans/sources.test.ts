import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerKeySchema, flagRecall, pct, scoreVariant } from '../../functions/src/plans/score.ts';
import { documentText, readDocumentBytes } from '../../functions/src/plans/sources/index.ts';
import { layoutPdf, makeDocx, makePdf } from './support/office.ts';

const variant = (name: string) => new URL(`../fixtures/plans/variants/${name}`, import.meta.url);

describe('Word documents (.docx): tables read as tables', () => {
  it('turns each table row into one line of cells and paragraphs into lines, runs joined', async () => {
    const bytes = makeDocx('เทศบาลนครแม่สอด\nมิติ\tโครงการ/กิจกรรม/มาตรการ\tปี 2566\n1. การสร้าง<br>วัฒนธรรมสุจริต\t1) โครงการโรงเรียนคุณธรรม\t50,000');
    expect(await documentText(bytes, 'plan.docx')).toBe('เทศบาลนครแม่สอด\nมิติ\tโครงการ/กิจกรรม/มาตรการ\tปี 2566\n1. การสร้าง วัฒนธรรมสุจริต\t1) โครงการโรงเรียนคุณธรรม\t50,000\n');
  });

  it.each([
    'v06-maesot-d2-many-items-one-cell',
    'v08-maesot-d3d4-numbering',
    'v12-maesaimitraphap-pipe-table',
    // Mission rows, dimension titles on the next line or cell, unit cells shared by several items.
    'v23-one-year-mission-rows-merged-units-dimension-headings',
    'v24-five-year-html-mission-rows-shared-units',
    'v25-five-year-tab-mission-rows-units-own-lines',
    // Headers printed on two lines, unit columns before the years, total columns, names across page breaks.
    'v26-four-year-two-line-header-unit-before-years-total',
    'v27-five-year-split-header-total-before-unit-details',
    'v28-three-year-merged-totals-tab-running-headers',
    'v29-one-year-two-line-header-name-after-break',
    // A ภารกิจ column (codes on a mission's first row or on every row), running headers with the organisation's short name.
    'v30-three-year-mission-column-first-rows-running-header-prose-total',
    'v31-four-year-mission-column-every-row-unit-after-years-mission-headings',
    'v32-one-year-mission-column-running-header-org-first',
  ])(
    'imports %s written as a Word document as well as its text form',
    async (name) => {
      const text = readFileSync(variant(`${name}.txt`), 'utf8');
      const key = answerKeySchema.parse(JSON.parse(readFileSync(variant(`${name}.key.json`), 'utf8')));
      const fromWord = await readDocumentBytes(makeDocx(text), `${name}.docx`);
      const score = scoreVariant(key, fromWord.projects, fromWord.dimensions);
      expect(pct(score.names), score.misses.join('\n')).toBeGreaterThanOrEqual(95);
      expect(pct(score.missions), score.misses.join('\n')).toBeGreaterThanOrEqual(95);
      expect(pct(score.dimensionTitles), score.misses.join('\n')).toBe(100);
      expect(pct(score.dimensions)).toBeGreaterThanOrEqual(95);
      expect(pct(score.budgets)).toBeGreaterThanOrEqual(95);
      expect(flagRecall(score), score.misses.join('\n')).toBeGreaterThanOrEqual(90);
    },
  );

  it('refuses a zip that is not a Word document, and a damaged file, saying why', async () => {
    const { zip } = await import('./support/office.ts');
    await expect(readDocumentBytes(zip({ 'a.txt': 'x' }), 'plan.docx')).rejects.toThrow(/not a Word document/);
    await expect(readDocumentBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'plan.docx')).rejects.toThrow(/cannot be read/);
  });
});

describe('PDF with a text layer', () => {
  it('reads a table row as cells by the columns of its header, and other lines as lines', async () => {
    const pdf = makePdf(layoutPdf('เทศบาลนครแม่สอด\nมิติ\tภารกิจ\tโครงการ/กิจกรรม/มาตรการ\tปี 2566\tปี 2567\n1. การสร้าง\t\t1) โครงการโรงเรียนคุณธรรม\t50,000\t-'));
    expect(await documentText(pdf, 'plan.pdf')).toBe('เทศบาลนครแม่สอด\nมิติ\tภารกิจ\tโครงการ/กิจกรรม/มาตรการ\tปี 2566\tปี 2567\n1. การสร้าง\t\t1) โครงการโรงเรียนคุณธรรม\t50,000\t-\n');
  });

  it.each([
    'v02-maesot-d3d4-mission-in-cell',
    'v06-maesot-d2-many-items-one-cell',
    'v11-intapramul-d2-p-cells',
    'v13-intapramul-d3d4-stacked-figures',
    // Years on a header line of their own under "งบประมาณ", the unit header wrapped, a row whose unit sits under 2570.
    'v07-maesot-d1-year-columns',
    // Numbering styles, a bullet in the number column, "ภารกิจที่ …" rows printed without their empty cells.
    'v08-maesot-d3d4-numbering',
    // 1-year tables: twelve narrow columns whose header words wrap in their columns, cells wrapping over many lines.
    'v03-maesaimitraphap-d1d2-thai-digits',
    'v20-maesaimitraphap-appendix-contradictions',
    'v21-one-year-2567-summary-missions-details',
    // Mission rows (and their text wrapped in the cell), titles on the next line, unit cells over several rows.
    'v23-one-year-mission-rows-merged-units-dimension-headings',
    'v25-five-year-tab-mission-rows-units-own-lines',
    // Headers printed on two lines ("หน่วยงาน" / "รับผิดชอบ", "รวม" / "4 ปี"), names continued after page breaks.
    'v26-four-year-two-line-header-unit-before-years-total',
    'v27-five-year-split-header-total-before-unit-details',
    'v28-three-year-merged-totals-tab-running-headers',
    'v29-one-year-two-line-header-name-after-break',
    // A ภารกิจ column (codes on a mission's first row or on every row), running headers with the organisation's short name.
    'v30-three-year-mission-column-first-rows-running-header-prose-total',
    'v31-four-year-mission-column-every-row-unit-after-years-mission-headings',
    'v32-one-year-mission-column-running-header-org-first',
  ])(
    'imports %s printed to PDF (cells wrapped in their columns) as well as its text form',
    async (name) => {
      const text = readFileSync(variant(`${name}.txt`), 'utf8');
      const key = answerKeySchema.parse(JSON.parse(readFileSync(variant(`${name}.key.json`), 'utf8')));
      const fromPdf = await readDocumentBytes(makePdf(layoutPdf(text)), `${name}.pdf`);
      const score = scoreVariant(key, fromPdf.projects, fromPdf.dimensions);
      expect(pct(score.names), score.misses.join('\n')).toBeGreaterThanOrEqual(95);
      expect(pct(score.dimensions), score.misses.join('\n')).toBeGreaterThanOrEqual(95);
      expect(pct(score.budgets), score.misses.join('\n')).toBeGreaterThanOrEqual(95);
      expect(pct(score.units), score.misses.join('\n')).toBeGreaterThanOrEqual(95);
      expect(pct(score.missions), score.misses.join('\n')).toBeGreaterThanOrEqual(95);
      expect(pct(score.dimensionTitles), score.misses.join('\n')).toBe(100);
      expect(flagRecall(score), score.misses.join('\n')).toBeGreaterThanOrEqual(90);
    },
  );

  it('reads a 1-year table\'s header wrapped in narrow columns as one header row, each column on its own', async () => {
    const text = readFileSync(variant('v03-maesaimitraphap-d1d2-thai-digits.txt'), 'utf8');
    const lines = (await documentText(makePdf(layoutPdf(text)), 'plan.pdf')).split('\n');
    const header = lines.find((l) => l.startsWith('ที่\t'))?.split('\t');
    expect(header?.slice(0, 7)).toEqual(['ที่', 'แผนงาน/โครงการ/กิจกรรม', 'หน่วยนับ', 'ปริมาณงาน', 'งบประมาณ (บาท)', 'ตัวชี้วัด', 'ผลลัพธ์']);
    expect(lines.find((l) => l.startsWith('๑\t'))?.split('\t').slice(2, 5)).toEqual(['ครั้ง', '๑', '๑๐๐,๐๐๐']);
  });

  it('refuses a scanned PDF (no text layer) with what to do, importing nothing', async () => {
    const scan = makePdf([[], []]);
    await expect(readDocumentBytes(scan, 'plan.pdf')).rejects.toThrow(/no text layer.*2 pages.*\.docx.*OCR/s);
  });
});
