import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  budgetCellValues,
  cleanName,
  columnWrapWidth,
  correctOrgWords,
  hasOcrNoise,
  joinWrappedRows,
  mapOcrTwins,
  markWraps,
  matchKey,
  normalizeLine,
  repairFromWitness,
  removeWrapSpaces,
  stripEmphasis,
  stripHtml,
  stripSuperscripts,
  thaiDigitsToArabic,
  wrapEvidenceFrom,
  wrapJoinReason,
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
    // The cell's printed lines were flattened into spaces: mark where they wrapped (column width from the cell).
    const clean = removeWrapSpaces(markWraps(cell, columnWrapWidth([cell])), evidence);
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
    // The continuation is joined with "\n": a known wrap for the name rules.
    expect(joined[0]?.cells[2]).toBe(`${name.slice(0, cut).trim()}\n${name.slice(cut)}`);
    expect(joined[0]?.line).toBe(145);
  });
});

describe('clean names: wrap spaces, OCR look-alikes, near-misses (fixtures cut from the real documents)', () => {
  it('finds where a flattened table cell wrapped from the column width, and removes those spaces only with a reason', () => {
    const lines = fixture('wrap-cells-one-year.txt').split('\n').map((l) => normalizeLine(l).split('\t'));
    // maesaimitraphap lines 381-383 (one printed table) and 440-443 (another): the name column.
    const table1 = lines.slice(2, 5).map((c) => c[1] ?? '');
    const w1 = columnWrapWidth(table1);
    expect(markWraps(table1[0] ?? '', w1).split('\n')).toEqual([
      'โครงการฝึกอบรมและศึกษาดู',
      'งานเพื่อพัฒนาศักยภาพและการ',
      'ทำงานของคณะผู้บริหาร',
      'สมาชิกสภาเทศบาล\u2028พนักงาน',
      'เทศบาล\u2028และพนักงานจ้าง',
    ]);
    // "ประมวล จริยธรรม", "ทั้งฝ่าย ประจำ": the document writes these joined more often than spaced.
    const whole = readFileSync(new URL('../../data/plans/maesaimitraphap-plan-2565.txt', import.meta.url), 'utf8');
    const evidence = wrapEvidenceFrom('', { fullText: whole.replace(/\t/g, ' ') });
    const t2 = lines.slice(7).map((c) => c[1] ?? '');
    const w2 = columnWrapWidth(t2);
    const names = [...table1.map((c) => cleanName(markWraps(c, w1), evidence)), ...t2.map((c) => cleanName(markWraps(c, w2), evidence))];
    expect(names).toEqual([
      'โครงการฝึกอบรมและศึกษาดูงานเพื่อพัฒนาศักยภาพและการทำงานของคณะผู้บริหาร สมาชิกสภาเทศบาล พนักงานเทศบาล และพนักงานจ้าง',
      'มาตรการจัดทำประมวลจริยธรรมแก่บุคลากรทั้งฝ่ายประจำและฝ่ายการเมืองของเทศบาล',
      'กิจกรรมส่งเสริมและสนับสนุนความปรองดองและสมานฉันท์ของคนไทยชาติ',
      'กิจกรรมการจัดทำรายงานการควบคุมภายในประจำปี',
      'โครงการกฎหมายน่ารู้สู่ชุมชนและการอบรมเพื่อรักษาความสงบภายใน',
      'กิจกรรมประกาศรายงานผลการใช้จ่ายเงินให้ประชาชนได้รับทราบ',
      'กิจกรรมประกาศรายงานผลการดำเนินการตามแผนการจัดหาพัสดุ',
    ]);
  });

  it('gives the reason for each join and keeps list spaces', () => {
    expect(wrapJoinReason('และการ', 'ทำงาน')).toMatch(/การ/);
    expect(wrapJoinReason('สมานฉันท์', 'ของคนไทยชาติ')).toMatch(/ของ/);
    expect(wrapJoinReason('รักษาความสงบ', 'ภายใน')).toMatch(/ภายใน/);
    expect(wrapJoinReason('พนักงาน', 'เทศบาล และพนักงานจ้าง')).toMatch(/organisation/);
    expect(wrapJoinReason('กิจกรรมส่งเสริมและสนับสนุน', 'ความปรองดอง')).toMatch(/object/);
    expect(wrapJoinReason('ขั้นตอน/', 'กระบวนการ')).toBe('slash');
    expect(wrapJoinReason('ผลการใช้', 'จ่ายเงิน')).toMatch(/one word/);
    // Kept: a conjunction starts the next item, a list of parallel phrases, an abbreviation, two nouns of a list.
    expect(wrapJoinReason('ประชุมหมู่บ้าน', 'และตำบล')).toBeNull();
    expect(wrapJoinReason('การรับฟังความคิดเห็น', 'การรับและตอบสนอง')).toBeNull();
    expect(wrapJoinReason('ให้ความรู้ตาม', 'พ.ร.บ. ข้อมูลข่าวสาร')).toBeNull();
    expect(wrapJoinReason('คณะผู้บริหาร', 'สมาชิกสภาเทศบาล')).toBeNull();
    expect(wrapJoinReason('รักแผ่นดิน', 'เพื่อเฉลิมพระเกียรติ')).toBeNull();
    // Document evidence: joined more often than spaced.
    const doc = wrapEvidenceFrom('', { fullText: 'ประมวลจริยธรรม ประมวลจริยธรรม คุณธรรม จริยธรรม คุณธรรม จริยธรรม คุณธรรมจริยธรรม' });
    expect(wrapJoinReason('จัดทำประมวล', 'จริยธรรม', doc)).toMatch(/document/);
    expect(wrapJoinReason('หนุนเสริมคุณธรรม', 'จริยธรรม', doc)).toBeNull();
  });

  it('keeps the spaces an author typed in running text', () => {
    const [a, b] = fixture('author-spaces.txt').split('\n');
    expect(cleanName((a ?? '').replace(/^.*?\./, ''))).toBe('มาตรการโครงการเสริมสร้างความซื่อสัตย์ สุจริต และปลูกฝังทัศนคติ วัฒนธรรมที่ดีในการต่อต้านการทุจริต');
    expect(cleanName((b ?? '').replace(/^.*?\./, ''))).toBe('กิจกรรมให้ความรู้ เรื่อง ผลประโยชน์ทับซ้อนให้กับพนักงานเทศบาลตำบลท่าแร่');
  });

  it('maps Lao, Khmer and Devanagari look-alikes to their Thai twins inside Thai words', () => {
    const lao = fixture('ocr-lao-twin.txt');
    expect(lao).toContain('เทคบາล');
    expect(mapOcrTwins(normalizeLine(lao))).toContain('เทคบาลตำบลแม่สายมิตรภาพ');
    expect(mapOcrTwins(fixture('ocr-devanagari.txt'))).toContain('งานกิจการสภา สำนักปลัด');
    // A whole word of another script is not Thai text: left alone (and ignored by matchKey).
    expect(mapOcrTwins('ເມືອງຫຼວງ')).toBe('ເມືອງຫຼວງ');
    expect(hasOcrNoise(mapOcrTwins('สภาដ้าน'))).toBe(true);
  });

  it("corrects near-misses of the template's words and of the organisation's own name from the header", () => {
    const org = 'องค์การบริหารส่วนตำบลอินทประมูล';
    const cells = fixture('org-name-near-miss.txt').split('\n').map((l) => normalizeLine(l).split('\t')[2] ?? '');
    const fix = (s: string) => correctOrgWords(s, org);
    expect(cells[0]).toContain('องค์กรบริหารส่วนตำบลลอนทประมูล');
    expect(fix(cells[0] ?? '')).toContain('ขององค์การบริหารส่วนตำบลอินทประมูล');
    expect(cells[1]).toContain('อินทนпромูล');
    expect(fix(cells[1] ?? '')).toContain('ร้องเรียนขององค์การบริหารส่วนตำบลอินทประมูล');
    expect(fix('ขององค์การบริหารส่วนตำบลอินทนิลประมูล')).toBe(`ของ${org}`);
    expect(fix('ขององค์กรบริหารส่วนตำบลอินทร์ประมูล”')).toBe(`ของ${org}”`);
    expect(correctOrgWords('ของเทศบาลตำบลแม่สาย มิตรภาพ', 'เทศบาลตำบลแม่สายมิตรภาพ')).toBe('ของเทศบาลตำบลแม่สายมิตรภาพ');
    expect(correctOrgWords('เทคบาลตำบลแม่สายมิตรภาพ', 'เทศบาลตำบลแม่สายมิตรภาพ')).toBe('เทศบาลตำบลแม่สายมิตรภาพ');
    // A short place name is not changed on a one-letter difference: it may be a neighbour.
    expect(correctOrgWords('เทศบาลตำบลท่าแพ', 'เทศบาลตำบลท่าแร่')).toBe('เทศบาลตำบลท่าแพ');
    // "องค์กรปกครองส่วนท้องถิ่น" is the right word for local government in general; not touched.
    expect(fix('บุคลากรองค์กรปกครองส่วนท้องถิ่น')).toBe('บุคลากรองค์กรปกครองส่วนท้องถิ่น');
  });

  it('repairs a summary name from its detail section when only the summary has the letters, once', () => {
    const [row, heading] = fixture('two-witnesses.txt').split('\n');
    const summary = cleanName((normalizeLine(row ?? '').split('\t')[2] ?? '').match(/โครงการเสริมสร้างความเปร่ำใส่[^ ]*/)?.[0] ?? '');
    const detail = cleanName((heading ?? '').replace(/^.*?:\s*/, ''));
    expect(summary).toBe('โครงการเสริมสร้างความเปร่ำใส่ในการใช้ทรัพย์สินของทางราชการ');
    const evidence = wrapEvidenceFrom('', { fullText: `${row}\n${heading}\nความโปร่งใส ความโปร่งใส` });
    expect(repairFromWitness(summary, detail, evidence)).toBe('โครงการเสริมสร้างความโปร่งใสในการใช้ทรัพย์สินของทางราชการ');
    // Different wording in the two places (both written elsewhere too) is not an OCR error: the summary stays.
    const words2 = wrapEvidenceFrom('', { fullText: 'จัดเวทีประชาชน ประชาชน ประชาคม ประชาคม' });
    expect(repairFromWitness('โครงการจัดเวทีประชาชน', 'โครงการจัดเวทีประชาคม', words2)).toBe('โครงการจัดเวทีประชาชน');
  });
});
