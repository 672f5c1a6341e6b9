/**
 * Finding the 5-year template's summary table: the header row (a โครงการ/กิจกรรม/มาตรการ column and at least two
 * year columns), its optional number and unit columns, and where the table ends.
 */
import { unbullet, type Line } from './common.ts';

export interface SummaryTable {
  headerLine: number;
  endLine: number;
  yearCols: { index: number; year: number }[];
  projectCol: number;
  columns: number;
  /** A column of item numbers ("ที่", "ลำดับ", "ข้อ") before the project column, if any. */
  numberCol: number | null;
  /** A responsible-unit column ("ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ"), if any, before or after the year columns. */
  unitCol: number | null;
  /** A column of each row's total over the years ("รวม", "รวม 4 ปี"), after the years: never a year. */
  totalCol: number | null;
  /**
   * A mission column ("ภารกิจ", "ภารกิจตามมิติ"), if any: before the name (the template's, headings "1.1 <title>")
   * or after it (a code per item, often printed only on a mission's first row).
   */
  missionCol: number | null;
  /** The header's lines as printed (one, or two when the column names are split over two rows). */
  headerTexts: string[];
}

/** A header cell of a total over the plan's years: "รวม", "รวม 4 ปี", "รวม (บาท)", "4 ปี" (under "รวม"). */
export const TOTAL_HEADER = /^(?:รวม\s*(?:งบประมาณ\s*)?(?:\d\s*ปี)?|\d\s*ปี)\s*(?:\(\s*บาท\s*\))?$/;
/** A header cell that names the responsible unit (also split: "หน่วยงาน" / "รับผิดชอบ", "ผู้รับ" / "ผิดชอบ"). */
const UNIT_HEADER = /ผู้รับผิดชอบ|หน่วยงาน|รับผิดชอบ/;

/**
 * The second line of a header printed on two rows: no figure, no item, only the rest of the column names (the years,
 * "รับผิดชอบ", "มาตรการ", "ที่", "4 ปี", "(บาท)").
 */
export function isHeaderContinuation(text: string): boolean {
  const cells = text.split('\t').map((c) => c.trim());
  const filled = cells.filter((c) => c !== '');
  if (!text.includes('\t') || filled.length === 0) return false;
  // (Also a 1-year table's: ตัวชี้วัด, ผลลัพธ์ที่คาดว่าจะได้รับ, หน่วยนับ, ปริมาณงาน.)
  const words = /^(?:ที่|ลำดับ(?:ที่)?|\/?มาตรการ|กิจกรรม(?:\/มาตรการ)?|รับผิดชอบ|ผิดชอบ|ผู้รับผิดชอบ|หน่วยงาน(?:ที่)?(?:รับผิดชอบ)?|\(บาท\)|บาท|งบประมาณ(?:\s*\(บาท\))?|หมายเหตุ|ตัวชี้วัด|(?:ที่)?คาดว่าจะได้รับ|ผลลัพธ์(?:ที่คาดว่าจะได้รับ)?|หน่วยนับ|ปริมาณ(?:งาน)?|งาน|เป้าหมาย|วัตถุประสงค์)$/;
  return filled.every((c) => YEAR_CELL.test(c) || SHORT_YEAR_CELL.test(c) || TOTAL_HEADER.test(c) || words.test(c));
}

/** Column names of a header printed on one or two rows, joined column by column (spaces between the pieces removed). */
function headerNames(first: string[], second: string[] | null): string[] {
  const n = Math.max(first.length, second?.length ?? 0);
  return Array.from({ length: n }, (_, k) => `${first[k] ?? ''}${second?.[k] ?? ''}`.replace(/\s+/g, ''));
}

/** "ปี 66", "ปีงบประมาณ 67": a Buddhist-era year written with two digits. */
export const SHORT_YEAR_CELL = /^ปี(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.)?\s*([6-9]\d)(?:\s*\(\s*บาท\s*\))?$/;

const yearColsOf = (cells: string[]) =>
  cells
    .map((c, index) => {
      const full = c.trim().match(YEAR_CELL)?.[1];
      const short = c.trim().match(SHORT_YEAR_CELL)?.[1];
      return { index, year: full ? Number(full) : short ? 2500 + Number(short) : 0 };
    })
    .filter((x) => x.year > 0);

/** The start of a detail section (ส่วนที่ 3): "1. ชื่อโครงการ :", "ชื่อกิจกรรม", "โครงการที่ 6", "ลำดับที่ 6". */
const DETAIL_START = /^(?:1\s*\.\s*)?(?:ชื่อ|ข้อ)(?:โครงการ|กิจกรรม|มาตรการ)|^(?:โครงการ|ลำดับ|กิจกรรม|มาตรการ)\s*ที่\s*\d{1,3}\s*$/;

/** A year column's header: "ปี 2566", "2566", "พ.ศ. 2566", "ปีงบประมาณ พ.ศ. 2566", "ปี 2566 งบประมาณ (บาท)". */
export const YEAR_CELL = /^(?:(?:งบประมาณ\s*)?ปี(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.)?\s*|พ\.\s*ศ\.\s*)?(25\d\d)(?:\s*งบประมาณ)?(?:\s*\(\s*บาท\s*\))?$/;

/** Finds the summary table: a tab row with a โครงการ/กิจกรรม/มาตรการ column and at least two "ปี 25xx" columns (one, under the template's มิติ/ภารกิจ columns). */
export function findSummaryTable(lines: Line[]): SummaryTable | null {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || !l.text.includes('\t')) continue;
    const cells = l.text.split('\t');
    const projectCol = cells.findIndex((c) => /โครงการ|กิจกรรม|มาตรการ/.test(c) && !/ไตรมาส/.test(c));
    let yearCols = yearColsOf(cells);
    // A two-line header: "งบประมาณ (บาท)" above, the years on the line below; or any header whose column names go on
    // to the next line ("หน่วยงาน" / "รับผิดชอบ", "โครงการ/กิจกรรม/" / "มาตรการ", "รวม" / "4 ปี").
    const nextText = lines[i + 1]?.text ?? '';
    const second = isHeaderContinuation(nextText) ? nextText.split('\t') : null;
    if (yearCols.length < 2 && (second || cells.some((c) => /งบประมาณ/.test(c)))) {
      const below = yearColsOf(nextText.split('\t'));
      if (below.length > yearCols.length) yearCols = below;
    }
    // One year column is a summary table too when the header is the template's (มิติ | ภารกิจตามมิติ | โครงการ…):
    // a 1-year plan printed in the 5-year layout.
    // (A table of counts per dimension, "มิติ | จำนวนโครงการ | งบประมาณ ปี 2565", is not one.)
    const templateColumns = cells.some((c) => /ภารกิจ|การกิจ/.test(c.trim())) && !/จำนวน/.test(cells[projectCol] ?? '');
    if (projectCol < 0 || yearCols.length < (templateColumns ? 1 : 2) || projectCol > (yearCols[0]?.index ?? 0)) continue;
    // A table of counts per dimension and year ("มิติ | จำนวนโครงการ | ปี 2567 …", often before the list) lists no item.
    if (/^จำนวน/.test((cells[projectCol] ?? '').trim())) continue;
    const names = headerNames(cells, second);
    const numberCol = names.findIndex((c, k) => k < projectCol && /^(?:ที่|ลำดับ(?:ที่)?|ข้อ|เลขที่)$/.test(c));
    const isYear = (k: number) => yearCols.some((y) => y.index === k);
    const lastYear = yearCols.at(-1)?.index ?? 0;
    const totalCol = names.findIndex((c, k) => k > lastYear && TOTAL_HEADER.test(c));
    // The unit column: after the years (the template's), or between the name and the years.
    const unitAfter = names.findIndex((c, k) => k > lastYear && k !== totalCol && UNIT_HEADER.test(c));
    const missionCol = names.findIndex((c, k) => k !== projectCol && !isYear(k) && /^(?:ภารกิจ|การกิจ|พันธกิจ)/.test(c));
    const unitCol = unitAfter >= 0 ? unitAfter : names.findIndex((c, k) => k > projectCol && k < (yearCols[0]?.index ?? 0) && !isYear(k) && UNIT_HEADER.test(c) && !/งบประมาณ/.test(c));
    let end = i;
    let lastRow = i;
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]?.text ?? '';
      end = j;
      if (t.includes('\t')) lastRow = j;
      if (/รวมทั้งสิ้น/.test(t) && t.includes('\t')) break;
      if (!t.includes('\t') && /^ส่วนที่\s*\d/.test(t.trim())) {
        end = j - 1;
        break;
      }
      // The first detail section: the table ended with its last row before it.
      if (!t.includes('\t') && DETAIL_START.test(unbullet(t))) {
        end = lastRow;
        break;
      }
    }
    return {
      headerLine: l.no,
      endLine: lines[end]?.no ?? l.no,
      yearCols,
      projectCol,
      columns: Math.max(cells.length, (yearCols.at(-1)?.index ?? 0) + 1, totalCol + 1, unitCol + 1, missionCol + 1),
      numberCol: numberCol >= 0 ? numberCol : null,
      unitCol: unitCol >= 0 ? unitCol : null,
      totalCol: totalCol >= 0 ? totalCol : null,
      missionCol: missionCol >= 0 ? missionCol : null,
      headerTexts: second ? [l.text, nextText] : [l.text],
    };
  }
  return null;
}
