/**
 * Reading one cell of a summary table as the template's hierarchy: mission headings ("1.3", "1.3.1 <title>") and
 * numbered items ("8)", "8.", "(8)", "1.1.1(2)", "2.1.3") in the order printed. A cell may hold a mission heading and
 * the first item of the mission, or several items: each item's text ends where the next heading or item starts, so a
 * name is never longer than its item and a heading is never an item.
 */

/** How the document numbers its items: "simple" (8), 8., (8)) or "coded" (1.1.1(2), 2.1.3). */
/** An item number in a number column, in any table: "24", "(24)", "25.", "26)", "ข้อ 31". */
export const NUMBER_CELL = /^(?:ข้อ|ลำดับที่|ที่)?\s*\(?\s*(\d{1,3})\s*[.)]?$/;

export type NumberingStyle = 'simple' | 'coded';

export interface CellHeading {
  kind: 'mission';
  /** "1.3" or "1.3.1" */
  code: string;
  title: string;
}

export interface CellItem {
  kind: 'item';
  /** The document's number ("8", "1.1.1(2)", "2.1.3"), or null when the item has none. */
  number: string | null;
  text: string;
  /** Mission code the number itself names ("1.1.1(2)" → "1.1"), if any. */
  codeMission: string | null;
}

export type CellPart = CellHeading | CellItem;

interface Mark {
  at: number;
  end: number;
  kind: 'code' | 'simple';
  code?: string;
  sub?: number;
  n?: number;
}

/** "1.1.1 (1)", "1.1.3(4)", "2.1.2", "1.3", OCR "1..1.3(1)". */
const CODE_MARK = /(?<![\d.,/])([1-4](?:\.{1,2}\d{1,2}){1,3})\s*(?:\(\s*(\d{1,2})\s*\))?(?![\d,]|\.\d)/g;
/** "8)", "(8)", "8." at an item's start. */
const SIMPLE_MARK = /(?<![\d.,/(])(?:\(\s*(\d{1,3})\s*\)|(\d{1,3})\s*\)|(\d{1,3})\.(?!\d))/g;

const boundaryBefore = (cell: string, at: number) => at === 0 || /[\s"“(]/.test(cell[at - 1] ?? '');
/** A marker must be followed by the item's text, not by a figure or a unit. */
const textAfter = (cell: string, end: number) => /^\s*[^\d\s.,)\-–]/.test(cell.slice(end)) && !/^\s*(?:บาท|คน|ครั้ง|%|ร้อยละ|ปี)/.test(cell.slice(end));

function findMarks(cell: string): Mark[] {
  const marks: Mark[] = [];
  for (const m of cell.matchAll(CODE_MARK)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (!boundaryBefore(cell, at) || !textAfter(cell, end)) continue;
    marks.push({ at, end, kind: 'code', code: (m[1] ?? '').replace(/\.{2,}/g, '.'), ...(m[2] ? { sub: Number(m[2]) } : {}) });
  }
  for (const m of cell.matchAll(SIMPLE_MARK)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (!boundaryBefore(cell, at) || !textAfter(cell, end)) continue;
    if (marks.some((k) => at < k.end && end > k.at)) continue;
    marks.push({ at, end, kind: 'simple', n: Number(m[1] ?? m[2] ?? m[3]) });
  }
  return marks.sort((a, b) => a.at - b.at);
}

/** How many simple item markers a cell starts with or holds (to choose the document's numbering style). */
export function countSimpleMarks(cell: string): number {
  return findMarks(cell).filter((m) => m.kind === 'simple' && (m.n ?? 0) >= 1).length;
}

export interface CellContext {
  style: NumberingStyle;
  /** The next simple number expected (1 + the last item's). */
  next: number;
}

/**
 * Splits one project cell into headings and items. Simple numbers are accepted in sequence (a few may be missing);
 * a number out of sequence inside a name is text. Bare codes ("1.3.1 …") are mission headings in a document that
 * numbers its items simply, and items in a coded one unless an item marker follows them in the same cell.
 */
export function splitCell(cell: string, ctx: CellContext): { parts: CellPart[]; lead: string } {
  const all = findMarks(cell);
  const accepted: Mark[] = [];
  let next = ctx.next;
  for (const m of all) {
    if (m.kind === 'simple') {
      const n = m.n ?? 0;
      const first = accepted.filter((a) => a.kind === 'simple').length === 0;
      // "(ฉบับที่ 2)": a number closing a bracket opened in the text before it is the text's.
      const since = cell.slice(accepted.at(-1)?.end ?? 0, m.at);
      if ((since.match(/\(/g) ?? []).length > (since.match(/\)/g) ?? []).length && cell[m.at] !== '(') continue;
      // In sequence (a few numbers may be missing; more when an item word follows); the first item of a cell may
      // also start or restart the count (at the cell's start, or after headings only).
      const itemWord = /^\s*(?:โครงการ|กิจกรรม|มาตรการ)/.test(cell.slice(m.end));
      const inSequence = n >= next && n <= next + (itemWord ? 12 : 3);
      if (!inSequence && !(first && n >= 1 && (m.at === 0 || accepted.every((a) => a.kind === 'code' && a.sub === undefined)))) continue;
      next = n + 1;
    }
    accepted.push(m);
  }
  const parts: CellPart[] = [];
  const lead = cell.slice(0, accepted[0]?.at ?? cell.length).trim();
  accepted.forEach((m, i) => {
    const text = cell.slice(m.end, accepted[i + 1]?.at ?? cell.length).trim();
    const following = accepted[i + 1];
    if (m.kind === 'simple') {
      parts.push({ kind: 'item', number: String(m.n), text, codeMission: null });
      return;
    }
    const code = m.code ?? '';
    const depth = code.split('.').length;
    const mission = code.split('.').slice(0, 2).join('.');
    if (m.sub !== undefined) {
      parts.push({ kind: 'item', number: `${code}(${m.sub})`, text, codeMission: mission });
    } else if (depth === 2 || ctx.style === 'simple' || following?.kind === 'simple' || text === '') {
      parts.push({ kind: 'mission', code, title: text });
    } else {
      parts.push({ kind: 'item', number: code, text, codeMission: mission });
    }
  });
  ctx.next = next;
  return { parts, lead };
}
