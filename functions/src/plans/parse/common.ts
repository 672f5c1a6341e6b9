import { ValidationError } from '../../errors.ts';
import { budgetCellValues, cleanName, normalizeLine, type WrapEvidence } from '../normalize.ts';
import type { StatedTotal } from '../schema.ts';

/** One source line: its 1-based number, the raw text and the normalised text (digits Arabic, markup removed). */
export interface Line {
  no: number;
  raw: string;
  text: string;
}

export function toLines(source: string): Line[] {
  return source.split(/\r?\n/).map((raw, i) => ({ no: i + 1, raw, text: normalizeLine(raw) }));
}

/** A file that is not a plan or a progress report of the national template. Nothing is written for it. */
export class NotAPlanDocumentError extends ValidationError {
  constructor(reason: string) {
    super([{ path: 'file', message: reason }], 'ไฟล์นี้ไม่ใช่แผนปฏิบัติการป้องกันการทุจริตหรือรายงานผลตามแบบที่รองรับ');
  }
}

/** "มิติที่ 2 …", its OCR variant "มติที่ 2 …", "มิติ 2 …", "ด้านที่ 2 …" at the start of a line. */
export const DIMENSION_HEADING = /^(?:[-●•]\s*)?(?:ม(?:ิ)?ติ\s*(?:ที่)?|ด้าน\s*ที่)\s*([1-4])(?![\d]|\.\d)\s*[.:)]?\s*(.*)$/;

/**
 * A mission heading by its word: "ภารกิจที่ 1.3 …", "ภารกิจ 1.3 …", "ภารกิจที่ 1.3: …" (Thai digits already Arabic),
 * OCR'd "การกิจ", also "พันธกิจ"; a sub-mission code "1.3.2" names mission 1.3. Groups: dimension, mission, title.
 */
export const MISSION_HEADING = /^(?:[-●•]\s*)?(?:ภารกิจ|การกิจ|พันธกิจ)\s*(?:ที่)?\s*([1-4])\s*\.\s*(\d{1,2})(?:\s*\.\s*\d{1,2})*(?!\d)\s*[:.)–-]?\s*(.*)$/s;

/** A mission heading without its word, as a row of its own: "1.3 การสร้างจิตสำนึก…" (title starts with a letter). */
export const BARE_MISSION_HEADING = /^([1-4])\s*\.\s*(\d{1,2})(?!\s*\.\s*\d)(?!\d)\s*[:)–-]?\s*([^\d\s(].*)$/s;

/**
 * The national template's dimension titles, in their several wordings (2017-2022 and 2023-2027 editions), by the
 * words that only that dimension's title uses. Matched on `matchKey` text (no spaces).
 */
const DIMENSION_WORDS: [number, RegExp][] = [
  [1, /วัฒนธรรมสุจริต|สังคมที่ไม่ทน|ไม่ทนต่อการทุจริต/],
  [2, /บริหารราชการด้วยความโปร่งใส|บริหารราชการเพื่อป้องกันการทุจริต|^การบริหารราชการ/],
  [3, /ส่งเสริมบทบาทและการมีส่วนร่วม|การมีส่วนร่วมของภาคประชาชน$/],
  [4, /กลไกการตรวจสอบ|กลไกในการตรวจสอบ|ยกระดับกลไก|ปรับปรุงกลไก/],
];

/** The dimension a title names by its standard words (no number needed), or null when none or several match. */
export function dimensionByWords(key: string): number | null {
  const hits = DIMENSION_WORDS.filter(([, re]) => re.test(key)).map(([n]) => n);
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/** Page numbers printed between a table's pieces: "- 7 -", "หน้า 22", "๑๒" (digits already Arabic). */
export const PAGE_MARK = /^(?:[-–]\s*\d{1,3}\s*[-–]|หน้า\s*(?:ที่)?\s*\d{1,3}(?:\s*(?:\/|จาก)\s*\d{1,3})?|\d{1,3})$/;

/** A page number printed inside a table's text: "หน้า 8", "หน้าที่ 8", "หน้า 8/20", or "- 8 -" at a cell's edge. */
const PAGE_MARK_IN_TEXT = /(?:^|\s)หน้า\s*(?:ที่\s*)?\d{1,3}(?:\s*(?:\/|จาก)\s*\d{1,3})?(?=\s|$)|^\s*[-–]\s*\d{1,3}\s*[-–](?=\s|$)|\s[-–]\s*\d{1,3}\s*[-–]\s*$/g;

/** A table cell without the page numbers a conversion printed into it: a page mark is never part of a name. */
export function withoutPageMarks(cell: string): string {
  const out = cell.replace(PAGE_MARK_IN_TEXT, ' ');
  return out === cell ? cell : out.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, '');
}

/**
 * A name without the status remark a plan prints after it in brackets ("(ต่อเนื่อง)", "(โครงการใหม่)",
 * "(ดำเนินการทุกปี)"): the remark says how the item runs, it is not its name. `nameAsWritten` keeps it.
 */
export function withoutStatusRemark(name: string): string {
  return name.replace(/\s*\(\s*(?:โครงการ|กิจกรรม)?\s*(?:ต่อเนื่อง|ใหม่|เดิม|ดำเนินการ\s*(?:ทุกปี(?:งบประมาณ)?|ต่อเนื่อง|ต่อเนื่องทุกปี)|ทุกปี)\s*\)\s*$/, '');
}

/** A running page header repeated at each page: the plan's title (and organisation) on a line of its own. */
export const PAGE_HEADER = /^(?:แผนปฏิบัติการ|แผนป้องกัน)\S*(?:\s|$)/;

/** Text without leading bullets/list markers ("- ", "● "). */
export function unbullet(text: string): string {
  return text.replace(/^\s*(?:[-●•▪]\s+)+/, '').trim();
}

export function slugNumber(number: string): string {
  return number.replace(/[^0-9]+/g, '-').replace(/^-+|-+$/g, '') || '0';
}

/** Stable project id: dimension + the document's number for the item. Duplicates in one document get "-b", "-c". */
export function projectIdFactory(): (dimension: number, number: string) => string {
  const used = new Set<string>();
  return (dimension, number) => {
    const base = `d${dimension}-${slugNumber(number)}`;
    let id = base;
    for (let n = 1; used.has(id); n++) id = `${base}-${String.fromCharCode(97 + n)}`;
    used.add(id);
    return id;
  };
}

const ORG_NAME = /^(เทศบาล(?:นคร|เมือง|ตำบล)\s?[^\s\t(]+|องค์การบริหารส่วน(?:ตำบล|จังหวัด)\s?[^\s\t(]*)/;
const DISTRICT_PROVINCE = /อำเภอ\s*([^\s\t]+)\s*จังหวัด\s*([^\s\t]+)/;

export interface Header {
  org: { name: string; district: string; province: string };
  title: string;
  fiscalYears: number[];
}

/** Organisation name, district and province, the title and the fiscal years, from the document's first page(s). */
export function readHeader(lines: Line[], titleStart: RegExp): Header {
  const head = lines.slice(0, 150);
  let name = '';
  for (const l of head) {
    const t = l.text.trim();
    const m = t.match(ORG_NAME);
    if (m?.[1] && (t.length < 80 || DISTRICT_PROVINCE.test(t))) {
      name = m[1].replace(/\s/g, '');
      break;
    }
  }
  // A title line that ends with the organisation's name ("แผนปฏิบัติการ … (พ.ศ. 2566 – 2570) เทศบาลนครแม่สอด").
  for (const l of name ? [] : head) {
    const t = l.text.trim();
    const m = t.match(/\s(เทศบาล(?:นคร|เมือง|ตำบล)\s?[^\s\t(]+|องค์การบริหารส่วน(?:ตำบล|จังหวัด)\s?[^\s\t(]+)(?:\s+อำเภอ.*)?$/);
    if (m?.[1] && t.length < 200) {
      name = m[1].replace(/\s/g, '');
      break;
    }
  }
  let district = '';
  let province = '';
  for (const l of lines.slice(0, 400)) {
    const m = l.text.match(DISTRICT_PROVINCE);
    if (m?.[1] && m[2]) {
      district = m[1];
      province = m[2];
      break;
    }
  }
  let title = '';
  const start = head.findIndex((l) => titleStart.test(l.text.trim()));
  if (start >= 0) {
    const parts: string[] = [];
    for (let i = start; i < head.length && parts.length < 6; i++) {
      const t = head[i]?.text.trim() ?? '';
      if (t === '' || (parts.length > 0 && ORG_NAME.test(t))) break;
      parts.push(t);
    }
    title = cleanName(parts.join(' '));
  }
  return { org: { name, district, province }, title, fiscalYears: fiscalYearsIn(title) };
}

/** Fiscal years a title names: "พ.ศ. 2566 – 2570" → 2566…2570; "พ.ศ. 2565" → [2565]. */
export function fiscalYearsIn(text: string): number[] {
  const range = text.match(/(25\d\d)\s*[-–—]\s*(25\d\d)/);
  if (range?.[1] && range[2]) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to >= from && to - from < 10) return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const single = text.match(/(25\d\d)/);
  return single?.[1] ? [Number(single[1])] : [];
}

/**
 * Dimension titles from the document's headings ("มิติที่ 1 การสร้างวัฒนธรรมสุจริต จำนวน 8 โครงการ"): the first
 * heading line of each dimension that is not a table row or a contents line.
 */
export function readDimensionTitles(lines: Line[]): Map<number, string> {
  const titles = new Map<number, string>();
  for (const l of lines) {
    if (l.text.includes('\t')) continue;
    const m = unbullet(l.text).match(DIMENSION_HEADING);
    if (!m?.[1]) continue;
    const n = Number(m[1]);
    const title = cleanName((m[2] ?? '').replace(/\s*(?:จำนวน\s*\d+\s*โครงการ|ประกอบด้วย).*$/, ''));
    if (!titles.has(n) && title.length >= 4) titles.set(n, title);
  }
  return titles;
}

/** Mission titles ("2.2 มาตรการส่งเสริมคุณธรรมและความโปร่งใส") from heading lines outside tables. */
export function readMissionHeadings(lines: Line[], evidence: WrapEvidence): Map<string, string> {
  const titles = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || l.text.includes('\t')) continue;
    const m = unbullet(l.text).match(/^([1-4])\.(\d{1,2})\s+(\S.*)$/) ?? unbullet(l.text).match(MISSION_HEADING);
    if (!m?.[1] || !m[2] || !m[3]) continue;
    const code = `${m[1]}.${Number(m[2])}`;
    if (titles.has(code)) continue;
    let title = m[3];
    const next = lines[i + 1]?.text.trim() ?? '';
    // A heading wrapped onto the next line (no blank line between).
    if (next !== '' && !/^\d/.test(next) && !next.includes('\t') && title.length > 60) title += `\n${next}`;
    titles.set(code, cleanName(title.replace(/\s*(?:ใน \d+ ลักษณะ ดังนี้|ได้แก่|ประกอบด้วย|โดย(?:ดำเนินการให้มี)?|ดังนี้)\s*$/, ''), evidence));
  }
  return titles;
}

/**
 * Project counts the document states in running text or small tables outside the main table:
 * "มิติที่ 1 … จำนวน 8 โครงการ", "รวมทั้งสิ้นจำนวน 35 โครงการ", "รวม มิติที่ 1 ⇥ 17 โครงการ".
 */
export function readStatedCounts(lines: Line[], skip: (line: number) => boolean): StatedTotal[] {
  const out: StatedTotal[] = [];
  for (const l of lines) {
    if (skip(l.no)) continue;
    const t = unbullet(l.text);
    if (!/โครงการ/.test(t)) continue;
    const counts = [...t.matchAll(/(?:จำนวน|รวม)?\s*(\d{1,3})\s*โครงการ/g)];
    const last = counts.at(-1);
    if (!last?.[1]) continue;
    const value = Number(last[1]);
    const dimHeading = t.match(DIMENSION_HEADING);
    const dimTotal = t.match(/รวม\s*(?:ม(?:ิ)?ติ|ด้าน)\s*(?:ที่)?\s*([1-4])(?!\d)/);
    if (dimTotal?.[1]) {
      out.push({ measure: 'projects', dimension: Number(dimTotal[1]), mission: null, year: null, value, line: l.no, text: l.raw.trim() });
    } else if (dimHeading?.[1] && /จำนวน\s*\d+\s*โครงการ/.test(t) && !t.includes('\t')) {
      out.push({ measure: 'projects', dimension: Number(dimHeading[1]), mission: null, year: null, value, line: l.no, text: l.raw.trim() });
    } else if (/รวมทั้งสิ้น|รวมจำนวน|รวม\s*จำนวน/.test(t) && !dimHeading) {
      out.push({ measure: 'projects', dimension: null, mission: null, year: null, value, line: l.no, text: l.raw.trim() });
    }
  }
  return out;
}

/**
 * Budget totals a plan states in a sentence or a totals line outside its tables: "รวมมิติที่ 1 จำนวน 5 โครงการ
 * งบประมาณ 125,000 บาท", "… รวม 30 โครงการ งบประมาณรวมทั้งสิ้น 170,000 บาท", "รวมทั้งสิ้น … ปี 2566 จำนวน 230,000
 * บาท ปี 2567 …". A line counts only when it names its scope (a dimension's total, or the whole plan with its
 * project count, or, in the introduction before the tables (`introBefore`), "ทั้งสิ้น" / "รวม 3 ปี") and an amount in
 * baht; the year is the one the amount follows ("ปี 2566 … 230,000 บาท"), or the plan's only fiscal year. An amount
 * over all the plan's years ("… และปี 2570 จำนวน 372,000 บาท รวม 3 ปี เป็นเงินทั้งสิ้น 1,030,500 บาท", "รวม 3 ปี" in a
 * 3-year plan) is a total of no single year (`year: null`); "รวม 5 ปี 150,000 บาท" of a project's sheet, or for fewer
 * years than the plan's, states nothing.
 */
export function readStatedBudgetLines(lines: Line[], skip: (line: number) => boolean, years: number[], introBefore = 0): StatedTotal[] {
  const out: StatedTotal[] = [];
  for (const l of lines) {
    if (skip(l.no)) continue;
    const t = unbullet(l.text.replace(/\t+/g, ' '));
    if (!/บาท/.test(t)) continue;
    const intro = l.no < introBefore && /ทั้งสิ้น|รวม\s*\d{1,2}\s*ปี/.test(t) && /งบประมาณ|เป็นเงิน/.test(t);
    if (!/รวม/.test(t) && !intro) continue;
    const dim = /รวม/.test(t) ? (t.match(/รวม\s*(?:ม(?:ิ)?ติ|ด้าน)\s*(?:ที่)?\s*([1-4])(?!\d)/)?.[1] ?? t.match(DIMENSION_HEADING)?.[1]) : undefined;
    const whole = !dim && ((/รวมทั้งสิ้น|ทั้งแผน|รวม\s*\d{1,3}\s*โครงการ|รวมทั้งหมด/.test(t) && /\d\s*โครงการ/.test(t)) || intro);
    if (!dim && !whole) continue;
    // Each amount's year: the last "ปี 25xx" between the amount before it and itself.
    let from = 0;
    const perYear = [...t.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})?\s*(?:\.-)?\s*บาท/g)].map((m) => {
      const before = t.slice(from, m.index);
      from = (m.index ?? 0) + m[0].length;
      const year = [...before.matchAll(/ปี(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.)?\s*(25\d\d)/g)].at(-1)?.[1];
      // Over all the plan's years: "รวม 3 ปี" (as many years as the plan's), or "ทั้งสิ้น" after the yearly amounts.
      const span = before.match(/รวม\s*(?:ทั้งสิ้น\s*)?(\d{1,2})\s*ปี(?!งบ)/)?.[1];
      const overAll = !year && years.length > 1 && (span ? Number(span) === years.length : /ทั้งสิ้น|รวมทั้งหมด/.test(before));
      return { value: Number((m[1] ?? '').replace(/,/g, '')), year: year ? Number(year) : 0, overAll, span: span !== undefined };
    });
    const dimension = dim ? Number(dim) : null;
    const push = (year: number | null, value: number) => out.push({ measure: 'budget', dimension, mission: null, year, value, line: l.no, text: l.raw.trim() });
    if (perYear.some((a) => a.year > 0)) {
      for (const a of perYear) if (a.year > 0 && years.includes(a.year)) push(a.year, a.value);
      for (const a of perYear) if (a.overAll) push(null, a.value);
    } else if (years.length === 1 && perYear.length === 1 && !/ปีละ|\d\s*ปี(?!งบ)/.test(t.replace(/ปีงบประมาณ|พ\.ศ\.\s*25\d\d/g, ''))) {
      push(years[0] as number, perYear[0]?.value ?? 0);
    } else {
      // Without yearly amounts, only "รวม N ปี" (N the plan's years) says the amount is over all of them.
      for (const a of perYear) if (a.overAll && a.span) push(null, a.value);
    }
  }
  return out;
}

/**
 * Project counts per mission from a count table (intapramul lines 221-248: กรอบการจัดทำแผน | วัตถุประสงค์ |
 * จำนวนโครงการ; or มิติ | ภารกิจ | จำนวน with bare figures: "1. <dimension> ⇥ 1.1 <mission> ⇥ 4", "⇥ 1.2 <mission> ⇥ 3"):
 * a table row whose last cell holds only "N โครงการ" figures (or one bare figure under a "จำนวน" column) and whose
 * other cells name mission codes ("1.1 …", "1.1.1 …"). The figures go to the codes in order. When a row has fewer
 * figures than codes, they go to the missions ("3.2") only if that pairs them one to one; a trailing "รวม มิติที่ N"
 * figure is the dimension's total (read by `readStatedCounts`), a "รวม" row's bare figure the table's total. Rows
 * that cannot be paired are skipped and said in `notes`. The missions' titles the cells print ("1.1 <title>") are
 * returned too (`titles`).
 */
export function readMissionCounts(lines: Line[], skip: (line: number) => boolean, evidence?: WrapEvidence): { stated: StatedTotal[]; notes: string[]; titles: Map<string, string> } {
  const stated: StatedTotal[] = [];
  const notes: string[] = [];
  const titles = new Map<string, string>();
  // Inside a table whose header has a "จำนวน" column (bare figures there are counts).
  let countColumn = false;
  for (const l of lines) {
    if (skip(l.no)) continue;
    if (!l.text.includes('\t')) {
      if (l.text.trim() !== '') countColumn = false;
      continue;
    }
    const cells = l.text.split('\t').map((x) => x.trim());
    if (cells.some((c) => /^จำนวน/.test(c)) && !cells.some((c) => /\d/.test(c))) {
      countColumn = true;
      continue;
    }
    const last = [...cells].reverse().find((x) => x !== '') ?? '';
    const bare = countColumn && /^\d{1,3}$/.test(last);
    if (!/^(?:\d{1,3}\s*โครงการ\s*)+$/.test(last) && !bare) continue;
    let counts = bare ? [Number(last)] : [...last.matchAll(/(\d{1,3})\s*โครงการ/g)].map((m) => Number(m[1]));
    const text = cells.slice(0, cells.lastIndexOf(last)).join(' ');
    const codes = [...text.matchAll(/(?:^|\s)([1-4]\.\d{1,2}(?:\.\d{1,2})?)(?=\s)/g)].map((m) => m[1] ?? '');
    if (codes.length === 0) {
      // The count table's own totals row ("รวม ⇥ ⇥ 12", "รวมมิติที่ 1 ⇥ ⇥ 4").
      const dim = text.match(/^รวม\s*(?:ม(?:ิ)?ติ|ด้าน)?\s*(?:ที่)?\s*([1-4])?(?!\d)/);
      if (bare && dim && !/\d/.test(text.replace(/ม(?:ิ)?ติ\s*(?:ที่)?\s*[1-4]/, ''))) stated.push({ measure: 'projects', dimension: dim[1] ? Number(dim[1]) : null, mission: null, year: null, value: counts[0] ?? 0, line: l.no, text: l.raw.trim() });
      continue;
    }
    for (const c of cells) {
      const m = c.match(/^([1-4])\s*\.\s*(\d{1,2})\s+([^\d\s].*)$/);
      const code = m ? `${m[1]}.${Number(m[2])}` : '';
      const title = cleanName((m?.[3] ?? '').replace(/\s[1-4]\.\d{1,2}\.\d.*$/, ''), evidence);
      if (code && title && !titles.has(code)) titles.set(code, title);
    }
    if (/รวม\s*ม(?:ิ)?ติ\s*ที่\s*[1-4]/.test(text) && counts.length === codes.length + 1) counts = counts.slice(0, -1);
    let pairs: [string, number][] = [];
    if (counts.length === codes.length) pairs = codes.map((code, i) => [code, counts[i] ?? 0]);
    else {
      const missions = codes.filter((code) => code.split('.').length === 2);
      if (missions.length === counts.length) pairs = missions.map((code, i) => [code, counts[i] ?? 0]);
      else notes.push(`line ${l.no}: ${counts.length} project counts for ${codes.length} mission codes (${codes.join(', ')}): not checked`);
    }
    for (const [code, value] of pairs) {
      stated.push({ measure: 'projects', dimension: Number(code[0]), mission: code, year: null, value, line: l.no, text: l.raw.trim() });
    }
  }
  return { stated, notes, titles };
}

/** Budget figures of a totals row, one per year column; a blank cell states nothing. */
export function statedBudgets(
  cells: string[],
  yearCols: { index: number; year: number }[],
  dimension: number | null,
  line: Line,
): StatedTotal[] {
  const out: StatedTotal[] = [];
  for (const { index, year } of yearCols) {
    const values = budgetCellValues(cells[index] ?? '');
    if (values.length === 0) continue;
    out.push({
      measure: 'budget',
      dimension,
      mission: null,
      year,
      value: values.reduce((a, b) => a + b, 0),
      line: line.no,
      text: line.raw.trim(),
    });
  }
  return out;
}
