/**
 * Dimension titles, however the heading is written: "มิติที่ 1 <title>", "มิติ 1 : <title>", "มิติที่ ๒", "ด้านที่ 3",
 * OCR'd "มติที่", with the title after the number, on the next line, or in the next cell of a table row; or the
 * dimension's standard title alone on a line or in a row of its own ("4. การเสริมสร้าง…"). A dimension whose title
 * no heading gives is flagged (`review: [{ field: 'title' }]`), never filled with a wording the document does not print.
 */
import { cleanName, matchKey } from '../normalize.ts';
import type { Dimension, Mission, Project } from '../schema.ts';
import { DIMENSION_HEADING, dimensionByWords, unbullet, type Line } from './common.ts';
import { why, type FlagText } from './reasons.ts';

/** Words that start something other than a title: an item, a mission, a total, a count, a page or a table header. */
const NOT_A_TITLE = /^(?:\d|\(|โครงการ|กิจกรรม|มาตรการ|ภารกิจ|การกิจ|พันธกิจ|รวม|จำนวน|งบประมาณ|ที่$|ลำดับ|หน้า|ส่วนที่|ยุทธศาสตร์|แผนปฏิบัติการ|ม(?:ิ)?ติ|ด้านที่)/;

/** A title without what a conversion printed after it: a count, a running page header, a colon. */
export function cleanTitle(title: string): string {
  return cleanName(
    title
      .replace(/\t+/g, ' ')
      .replace(/^\s*[:.)–-]\s*/, '')
      .replace(/\s*(?:จำนวน\s*\d+\s*โครงการ|ประกอบด้วย|มีดังนี้|ดังนี้).*$/s, '')
      .replace(/\s(?:แผนปฏิบัติการ|แผนป้องกัน)\S*.*$/s, '')
      .trim(),
  );
}

const usable = (t: string) => t.length >= 4 && t.length < 200 && !NOT_A_TITLE.test(t);

export interface TitleSource {
  title: string;
  line: number;
}

/**
 * Titles by dimension, the first heading of each that gives one: heading lines first, then table rows naming a
 * dimension, then standard titles alone. `headings` lists the line of every heading read (titled or not), for a flag.
 */
export function readDimensionTitlesAll(lines: Line[]): { titles: Map<number, string>; prose: Map<number, TitleSource>; headings: Map<number, number> } {
  const found: Map<number, TitleSource>[] = [new Map(), new Map(), new Map()];
  const headings = new Map<number, number>();
  const put = (rank: number, n: number, title: string, line: number) => {
    const clean = cleanTitle(title);
    const map = found[rank] as Map<number, TitleSource>;
    if (usable(clean) && !map.has(n)) map.set(n, { title: clean, line });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const cells = l.text.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    if (cells.length === 0) continue;
    const first = unbullet(cells[0] ?? '');
    const m = first.match(DIMENSION_HEADING);
    if (m?.[1] && first.length < 220) {
      const n = Number(m[1]);
      if (!headings.has(n)) headings.set(n, l.no);
      const rest = cleanTitle(m[2] ?? '');
      // The title on the next line or row (a heading printed over two lines, "มิติ 1 :" + a row with the title): a text
      // alone on its line, without figures, that names no other dimension.
      const titleBelow = () => {
        const next = lines.slice(i + 1, i + 3).find((x) => x.text.trim() !== '');
        const nextCells = next ? next.text.split('\t').map((c) => c.trim()).filter((c) => c !== '') : [];
        const t = nextCells.length === 1 ? unbullet(nextCells[0] ?? '') : '';
        const byWords = dimensionByWords(matchKey(t));
        if (t && !/\d/.test(t) && t.length < 160 && (byWords === n || byWords === null) && !DIMENSION_HEADING.test(t)) put(l.text.includes('\t') ? 1 : 0, n, t, next?.no ?? l.no);
      };
      if (cells.length === 1 && !l.text.includes('\t')) {
        if (usable(rest)) put(0, n, rest, l.no);
        else titleBelow();
      } else if (cells.length <= 4) {
        // A table row naming the dimension: its title in the same cell or the next text cell, else in the row below.
        const nextCell = cells[1] ?? '';
        const inRow = usable(rest) ? rest : /\d/.test(nextCell) ? '' : nextCell;
        if (usable(cleanTitle(inRow))) put(1, n, `${inRow}${wrappedInCell(lines, i)}`, l.no);
        else titleBelow();
      }
      continue;
    }
    // The standard title alone, on a line or in a row of its own, maybe numbered ("4. การเสริมสร้าง…").
    if (cells.length === 1 && first.length < 200) {
      const numbered = first.match(/^([1-4])\s*[.)]\s*(\S.*)$/);
      const text = numbered?.[2] ?? first;
      const n = dimensionByWords(matchKey(text));
      if (n !== null && (!numbered || Number(numbered[1]) === n) && !NOT_A_TITLE.test(text)) put(2, n, text, l.no);
    }
  }
  const titles = new Map<number, string>();
  for (const map of found) for (const [n, s] of map) if (!titles.has(n)) titles.set(n, s.title);
  return { titles, prose: found[0] as Map<number, TitleSource>, headings };
}

/**
 * The rest of a heading's cell a PDF wraps onto the next line: that line fills only the same cell, with no figure and
 * no heading (""when none). Returned with the wrap ("\n…").
 */
function wrappedInCell(lines: Line[], i: number): string {
  const row = (lines[i]?.text ?? '').split('\t');
  const next = (lines[i + 1]?.text ?? '').split('\t');
  const at = row.findIndex((c) => c.trim() !== '');
  const filled = next.flatMap((c, k) => (c.trim() !== '' ? [k] : []));
  const text = (next[at] ?? '').trim();
  return next.length > 1 && filled.length === 1 && filled[0] === at && text.length < 40 && !/\d/.test(text) && !NOT_A_TITLE.test(text) && dimensionByWords(matchKey(text)) === null ? `\n${text}` : '';
}

/** A dimension title two places print differently, kept for the review: which one was taken and where the other is. */
export interface TitleDoubt extends FlagText {
  line: number;
}

/**
 * A summary table's titles reconciled with the prose headings'. A narrow table cell may abbreviate a title ("ของ อปท.")
 * and a heading may be cut by a page wrap, so where both print one and they differ, the fuller wording is taken and
 * the dimension is flagged: neither source is sure.
 */
export function reconcileTitles(fromTable: Map<number, string>, prose: Map<number, TitleSource>, other: Map<number, string>): { titles: Map<number, string>; doubts: Map<number, TitleDoubt> } {
  const titles = new Map([...other, ...fromTable]);
  const doubts = new Map<number, TitleDoubt>();
  for (const [n, heading] of prose) {
    const cell = fromTable.get(n);
    if (cell === undefined || matchKey(cell) === matchKey(heading.title)) {
      titles.set(n, cell ?? heading.title);
      continue;
    }
    const fuller = matchKey(heading.title).length >= matchKey(cell).length ? heading.title : cell;
    titles.set(n, fuller);
    doubts.set(n, { ...why.titlesDiffer(heading.title, cell), line: heading.line });
  }
  return { titles, doubts };
}

/** The dimensions the items and headings name, with their missions; an untitled dimension or mission is flagged. */
export function dimensionsOf(
  projects: Project[],
  titles: Map<number, string>,
  missionTitles: Map<string, string>,
  headings: Map<number, number> = new Map(),
  doubts: Map<number, TitleDoubt> = new Map(),
): Dimension[] {
  const numbers = [...new Set([...titles.keys(), ...projects.map((p) => p.dimension)])].filter((n) => n >= 1 && n <= 4).sort();
  return numbers.map((n) => {
    const codes = [...new Set([...missionTitles.keys(), ...projects.map((p) => p.mission).filter((m): m is string => m !== null)])]
      .filter((c) => Number(c.split('.')[0]) === n)
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
    const title = cleanTitle(titles.get(n) ?? '');
    const missions: Mission[] = codes.map((code) => ({ code, title: missionTitles.get(code) ?? '' }));
    const line = headings.get(n) ?? projects.find((p) => p.dimension === n)?.line ?? null;
    const doubt = doubts.get(n);
    const review = [
      ...(doubt && title !== '' ? [{ field: 'title' as const, reason: doubt.reason, reasonTh: doubt.reasonTh, line: doubt.line }] : []),
      ...(title === '' ? [{ field: 'title' as const, ...why.noDimensionTitle(n), line }] : []),
      ...missions.filter((m) => m.title === '').map((m) => ({ field: 'missions' as const, mission: m.code, ...why.noMissionTitle(m.code), line })),
    ];
    return { number: n as 1 | 2 | 3 | 4, title, missions, ...(review.length ? { review } : {}) };
  });
}
