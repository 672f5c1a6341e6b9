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
  /** A responsible-unit column ("ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ"), if any. */
  unitCol: number | null;
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

/** A year column's header: "ปี 2566", "2566", "ปีงบประมาณ พ.ศ. 2566", "ปี 2566 งบประมาณ (บาท)". */
export const YEAR_CELL = /^(?:(?:งบประมาณ\s*)?ปี(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.)?\s*)?(25\d\d)(?:\s*งบประมาณ)?(?:\s*\(\s*บาท\s*\))?$/;

/** Finds the summary table: a tab row with a โครงการ/กิจกรรม/มาตรการ column and at least two "ปี 25xx" columns (one, under the template's มิติ/ภารกิจ columns). */
export function findSummaryTable(lines: Line[]): SummaryTable | null {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || !l.text.includes('\t')) continue;
    const cells = l.text.split('\t');
    const projectCol = cells.findIndex((c) => /โครงการ|กิจกรรม|มาตรการ/.test(c) && !/ไตรมาส/.test(c));
    let yearCols = yearColsOf(cells);
    // A two-line header: "งบประมาณ (บาท)" above, the years on the line below.
    if (yearCols.length < 2 && cells.some((c) => /งบประมาณ/.test(c))) {
      const below = yearColsOf((lines[i + 1]?.text ?? '').split('\t'));
      if (below.length > yearCols.length) yearCols = below;
    }
    // One year column is a summary table too when the header is the template's (มิติ | ภารกิจตามมิติ | โครงการ…):
    // a 1-year plan printed in the 5-year layout.
    // (A table of counts per dimension, "มิติ | จำนวนโครงการ | งบประมาณ ปี 2565", is not one.)
    const templateColumns = cells.some((c) => /ภารกิจ|การกิจ/.test(c.trim())) && !/จำนวน/.test(cells[projectCol] ?? '');
    if (projectCol < 0 || yearCols.length < (templateColumns ? 1 : 2) || projectCol > (yearCols[0]?.index ?? 0)) continue;
    const numberCol = cells.findIndex((c, k) => k < projectCol && /^(?:ที่|ลำดับ(?:ที่)?|ข้อ|เลขที่)$/.test(c.trim()));
    const unitCol = cells.findIndex((c, k) => k > (yearCols.at(-1)?.index ?? 0) && /ผู้รับผิดชอบ|หน่วยงาน/.test(c));
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
      columns: Math.max(cells.length, (yearCols.at(-1)?.index ?? 0) + 1),
      numberCol: numberCol >= 0 ? numberCol : null,
      unitCol: unitCol >= 0 ? unitCol : null,
    };
  }
  return null;
}
