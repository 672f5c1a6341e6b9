import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  budgetCellValues,
  cleanName,
  hasOcrNoise,
  joinWrappedRows,
  matchKey,
  normalizeLine,
  removeWrapSpaces,
  stripEmphasis,
  stripHtml,
  stripSuperscripts,
  thaiDigitsToArabic,
  wrapEvidenceFrom,
} from '../../functions/src/plans/normalize.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/normalize/${name}`, import.meta.url), 'utf8');

describe('normalisation rules (fixtures cut from the real documents)', () => {
  it('turns Thai digits into Arabic digits in numbers', () => {
    const text = fixture('thai-digits.txt');
    expect(text).toContain('๓๑ มีนาคม ๒๕๖๔');
    expect(thaiDigitsToArabic(text)).toContain('31 มีนาคม 2564');
  });

  it('removes markdown emphasis and keeps the words inside', () => {
    const line = fixture('emphasis.txt').split('\n')[0] ?? '';
    expect(line).toContain(':**');
    expect(stripEmphasis(line)).not.toContain('**');
    expect(stripEmphasis(line)).toContain('ชื่อโครงการ : มาตรการแสดงเจตนา');
  });

  it('drops footnote superscripts such as ^๑ after a title line', () => {
    const lines = fixture('superscript-markers.txt').split('\n');
    expect(lines[1]).toContain('^๑');
    expect(stripSuperscripts(lines[1] ?? '')).toBe('เพื่อยกระดับคุณธรรมและความโปร่งใส');
    expect(normalizeLine(lines[6] ?? '')).toBe('องค์การบริหารส่วนตำบลอินทประมูล');
  });

  it('keeps raised text of a wrapped cell but removes its ^{} markup', () => {
    const line = fixture('superscript-raised-text.txt').split('\n')[0] ?? '';
    expect(line).toContain('^{โครงการตาม}');
    const kpi = normalizeLine(line).split('\t')[5];
    expect(kpi).toBe('จำนวนคนเข้าร่วม โครงการตาม เป้าหมาย');
  });

  it('drops a superscript that only repeats the word before it', () => {
    const out = stripSuperscripts(fixture('superscript-duplicate.txt'));
    expect(out).not.toContain('^{');
    expect(normalizeLine(out)).toContain('การขัดกันแห่ง ผลประโยชน์');
  });

  it('removes HTML fragments such as <p> and </p> between items', () => {
    const line = fixture('html-fragments.txt');
    expect(line).toContain('<p>');
    const out = stripHtml(line);
    expect(out).not.toMatch(/<\/?p>/);
    expect(out).toContain('2.2.2(1)มาตรการ NO Gift Policy');
    expect(stripHtml('<https://intapramul.go.th/>')).toBe('https://intapramul.go.th/');
  });

  it('keeps OCR noise (Khmer, Lao letters) in the text but ignores it when matching', () => {
    const khmer = fixture('ocr-khmer.txt');
    const lao = fixture('ocr-lao.txt');
    expect(hasOcrNoise(khmer)).toBe(true);
    expect(hasOcrNoise(lao)).toBe(true);
    expect(hasOcrNoise('โครงการโรงเรียนคุณธรรม')).toBe(false);
    expect(normalizeLine(lao)).toContain('แยกແພດ');
    expect(matchKey(lao)).not.toMatch(/[\u0e80-\u0eff]/);
    expect(matchKey('โครงการ ปลูกฝัง “วิธีคิด”')).toBe('โครงการปลูกฝังวิธีคิด');
  });

  it('removes line-wrap spaces inside Thai words when the document writes them joined elsewhere', () => {
    const cell = normalizeLine(fixture('wrap-spaces-row.txt')).split('\t')[2] ?? '';
    expect(cell).toContain('ส่วน ท้องถิ่น');
    const evidence = wrapEvidenceFrom('บุคลากรองค์กรปกครองส่วนท้องถิ่น และระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน');
    const clean = removeWrapSpaces(cell, evidence);
    expect(clean).toContain('องค์กรปกครองส่วนท้องถิ่น');
    expect(clean).toContain('ระเบียบที่เกี่ยวข้อง');
    // A space the document really writes between phrases stays.
    expect(clean).toContain('ท้องถิ่น ผู้บริหาร');
  });

  it('joins a split where the right side cannot begin a Thai syllable, even without evidence', () => {
    expect(removeWrapSpaces('สมาชิกสภาท้องถิ ่น')).toBe('สมาชิกสภาท้องถิ่น');
    expect(removeWrapSpaces('ความโปร่งใ ส')).toBe('ความโปร่งใส');
    expect(removeWrapSpaces('โครงการ เ ทศบาล')).toBe('โครงการ เทศบาล');
    // Without evidence, a split between two complete syllables is left as written.
    expect(removeWrapSpaces('ประมวลจริยธรรม เทศบาล')).toBe('ประมวลจริยธรรม เทศบาล');
  });

  it('joins a name that wraps onto the next line', () => {
    const [first, second] = fixture('wrapped-name.txt').split('\n');
    const evidence = wrapEvidenceFrom('ระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน');
    const name = cleanName(`${(first ?? '').replace(/^.*: /, '')}\n${second}`, evidence);
    expect(name).toBe('โครงการเผยแพร่ประชาสัมพันธ์ความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงานให้แก่บุคลากรองค์กรปกครองส่วนท้องถิ่น ผู้บริหารและสมาชิกสภาท้องถิ่น');
  });

  it('reads budget cells: figures, "-", "0", "ไม่ใช้งบประมาณ" and two values in one cell', () => {
    expect(budgetCellValues('50,000')).toEqual([50000]);
    expect(budgetCellValues('จำนวน 230,000.บาท')).toEqual([230000]);
    expect(budgetCellValues('-')).toEqual([0]);
    expect(budgetCellValues('0')).toEqual([0]);
    expect(budgetCellValues('ไม่ใช้งบประมาณ')).toEqual([0]);
    expect(budgetCellValues('๑๖,๐๐๐')).toEqual([16000]);
    expect(budgetCellValues('')).toEqual([]);
    const twoValues = normalizeLine(fixture('shared-budget-two-values.txt')).split('\t')[3] ?? '';
    expect(budgetCellValues(twoValues)).toEqual([10000, 0]);
  });

  it('re-joins a table row that wrapped onto a second line', () => {
    const row = normalizeLine(fixture('multi-item-row.txt')).split('\t');
    // Cut the real row as the conversion sometimes does: the name cell continues on a line of its own.
    const name = row[2] ?? '';
    const cut = name.indexOf('22)');
    const first = [...row];
    first[2] = name.slice(0, cut).trim();
    const joined = joinWrappedRows(
      [
        { cells: first, line: 145 },
        { cells: [name.slice(cut)], line: 146 },
      ],
      4,
      2,
    );
    expect(joined).toHaveLength(1);
    expect(joined[0]?.cells[2]).toBe(name);
    expect(joined[0]?.line).toBe(145);
  });
});
