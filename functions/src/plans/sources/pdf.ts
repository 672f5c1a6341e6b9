/**
 * A PDF with a text layer as the importer's text, through unpdf (PDF.js built for servers, no native parts; see
 * docs/decisions/). Text items are grouped into printed lines by their baseline; inside a table, each item goes to
 * the column whose header starts at or left of it, so a row becomes tab-separated cells with empty cells where the
 * PDF prints nothing (the same form as the text conversions). A PDF without a text layer (a scan) is refused with
 * what to do about it: nothing is imported.
 */
import { NotAPlanDocumentError } from '../parse/common.ts';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** A scanned PDF: pages but no text to read. */
export class ScannedPdfError extends NotAPlanDocumentError {
  constructor(pages: number) {
    super(
      `the PDF has no text layer (${pages} page${pages === 1 ? '' : 's'} of images, a scan): nothing can be read from it. ` +
        'Export the plan from Word as .docx (or as PDF from Word, which keeps the text), or run OCR on the scan and import its text',
    );
  }
}

const YEAR = /^(?:ปี\s*)?(?:25|๒๕)[\d๐-๙]{2}$/;

interface PrintedLine {
  y: number;
  items: PdfItem[];
}

function linesOf(items: PdfItem[]): PrintedLine[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PrintedLine[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < 2.5);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

/** Pieces of one printed line joined: touching pieces without a space, a small gap a space, a wide one a tab. */
function joinPieces(items: PdfItem[]): string[] {
  const pieces: string[] = [];
  let current = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const it of items) {
    const gap = it.x - end;
    if (current !== '' && gap > 12) {
      pieces.push(current);
      current = it.str;
    } else current += current !== '' && gap > 1.5 ? ` ${it.str}` : it.str;
    end = it.x + it.width;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Gap (pt) wider than a space between two words of a header: a new column. */
const HEADER_GAP = 3;

/** Where a line's pieces start, a piece ending where the next begins after a gap wider than `gap`. */
function columnStarts(items: PdfItem[], gap: number): number[] {
  const starts: number[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const it of items) {
    if (it.x - end > gap || starts.length === 0) starts.push(it.x);
    end = it.x + it.width;
  }
  return starts;
}

/** A line's items as cells: each to the last column starting at or before it. */
function cellsOf(items: PdfItem[], columns: number[]): string[] {
  const cells = new Array<string>(columns.length).fill('');
  for (const it of items) {
    const k = Math.max(0, columns.findLastIndex((c) => c <= it.x + 3));
    cells[k] = cells[k] ? `${cells[k]} ${it.str}` : it.str;
  }
  return cells;
}

/** A header's items as cells: a word wrapped between two Thai letters is joined without a space ("ตัวชี้วั" + "ด"). */
function headerCells(items: PdfItem[], columns: number[]): string[] {
  const cells = new Array<string>(columns.length).fill('');
  for (const it of items) {
    const k = Math.max(0, columns.findLastIndex((c) => c <= it.x + 3));
    const before = cells[k] ?? '';
    const glue = before === '' ? '' : /\p{sc=Thai}$/u.test(before) && /^\p{sc=Thai}/u.test(it.str) ? '' : ' ';
    cells[k] = `${before}${glue}${it.str}`;
  }
  return cells;
}

/** The text of a PDF's pages (items per page), tables as tab-separated rows. */
export function pdfItemsToText(pages: PdfItem[][]): string {
  const out: string[] = [];
  let columns: number[] | null = null;
  let firstYear = 0;
  let headerOpen = false;
  let headerLines = 0;
  let sawSubHeader = false;
  let yearX: number | null = null;
  let header: { at: number; items: PdfItem[] } | null = null;
  for (const page of pages) {
    for (const line of linesOf(page)) {
      const pieces = joinPieces(line.items);
      // A table header: the project column and at least two year columns.
      // Column starts of a header line: a header names its columns in short words, so any gap wider than a space
      // separates two columns (a 1-year table's narrow columns, หน่วยนับ | ปริมาณงาน | งบประมาณ | ตัวชี้วัด, sit
      // closer than the gap that separates cells of ordinary text).
      const starts = columnStarts(line.items, HEADER_GAP);
      // (A header printed on two lines names its unit column "หน่วยงาน" and its total column "รวม" on the first.)
      const headerWords = pieces.filter((p) => YEAR.test(p.trim()) || /^(?:งบประมาณ|ตัวชี้วั|ไตรมาส|หน่วยนับ|ผลลัพธ์|ระยะเวลา|ผู้รับ(?:ผิด|$)|หน่วยงาน(?:รับผิด|ที่รับ|$)|แผนการดำเนิน|รวม$)/.test(p.trim())).length;
      if (pieces.length >= 3 && headerWords >= 2 && pieces.some((p) => /โครงการ|กิจกรรม|มาตรการ/.test(p)) && pieces.every((p) => p.length < 60)) {
        columns = starts;
        headerLines = 0;
        sawSubHeader = false;
        const year = line.items.find((it) => YEAR.test(it.str.trim()) || /^งบประมาณ/.test(it.str.trim()));
        yearX = year ? year.x : null;
        firstYear = yearX !== null ? Math.max(0, columns.findLastIndex((c) => c <= (yearX ?? 0) + 3)) : columns.length;
        headerOpen = true;
        header = { at: out.length, items: line.items };
        out.push(headerCells(line.items, columns).join('\t'));
        continue;
      }
      // The header's next lines: years under "งบประมาณ", quarters under "แผนการดำเนินงาน", or the rest of header
      // words wrapped in narrow columns ("ปริมาณงา" / "น"): their columns too.
      const headerWrap =
        headerOpen &&
        columns !== null &&
        headerLines < 3 &&
        !sawSubHeader &&
        !line.items.some((it) => /\d/.test(it.str)) &&
        // Header words wrap in several narrow columns at once, or one short word ("รับผิดชอบ"); a longer text alone
        // under the header is a wrapped name continuing after a page break.
        (line.items.length >= 2 || (pieces[0] ?? '').length <= 12) &&
        pieces.every((p) => p.length < 30) &&
        line.items.every((it) => (columns ?? []).some((c) => Math.abs(c - it.x) < 6));
      // (With the years, the rest of a two-line header's names: "รับผิดชอบ", "มาตรการ", "ที่", "4 ปี".)
      const subHeader =
        pieces.every((p) => YEAR.test(p.trim()) || /^(?:ไตรมาส|งบประมาณ|\(บาท\)|ปี|Q\d|พ\.ศ\.)/.test(p.trim()) || /^(?:รับผิดชอบ|ผิดชอบ|มาตรการ|ที่|\d\s*ปี|รวม)$/.test(p.trim())) &&
        pieces.some((p) => !/^(?:รับผิดชอบ|ผิดชอบ|มาตรการ|ที่|\d\s*ปี|รวม)$/.test(p.trim()));
      if (headerOpen && columns && header && headerWrap && !subHeader) {
        // Header words wrapped in their columns ("หน่วยงาน" / "รับผิดชอบ"): one header line, as a text conversion prints it.
        headerLines++;
        header.items.push(...line.items);
        out[header.at] = headerCells(header.items, columns).join('\t');
        continue;
      }
      if (headerOpen && columns && subHeader) {
        headerLines++;
        sawSubHeader = true;
        const merged: number[] = [...columns];
        for (const x of starts) if (!merged.some((c) => Math.abs(c - x) < 6)) merged.push(x);
        const cols2 = merged.sort((a, b) => a - b);
        const yearItem = line.items.find((it) => YEAR.test(it.str.trim()));
        if (yearItem) yearX = yearItem.x;
        if (yearX !== null) firstYear = Math.max(0, cols2.findLastIndex((c) => c <= (yearX ?? 0) + 3));
        columns = cols2;
        // The header's first line again, by the columns now known (a column may start on a later line).
        if (header) out[header.at] = headerCells(header.items, cols2).join('\t');
        out.push(cellsOf(line.items, cols2).join('\t'));
        continue;
      }
      headerOpen = false;
      // A part's heading or the appendix's ends the table.
      if (columns && pieces.length === 1 && /^(?:ส่วนที่\s*\S|ภ\s*า\s*ค\s*ผ\s*น\s*ว\s*ก)/.test(pieces[0] ?? '')) columns = null;
      if (!columns) {
        out.push(pieces.join('\t'));
        continue;
      }
      // Inside a table: a line running across the columns (a page header, a heading) is not a row.
      const cols = columns;
      const first = line.items[0];
      const last = line.items.at(-1);
      const second = cols[1] ?? Number.POSITIVE_INFINITY;
      if (pieces.length === 1 && first && last && first.x < second - 3 && last.x + last.width > second + 3) {
        out.push(pieces[0] ?? '');
        continue;
      }
      // Each piece to the last column starting at or before it.
      const cells = new Array<string>(cols.length).fill('');
      let end = Number.NEGATIVE_INFINITY;
      let col = -1;
      for (const it of line.items) {
        const k = Math.max(0, cols.findLastIndex((c) => c <= it.x + 3));
        const gap = it.x - end;
        if (k !== col) {
          col = k;
          cells[k] = cells[k] ? `${cells[k]} ${it.str}` : it.str;
        } else cells[k] += gap > 1.5 ? ` ${it.str}` : it.str;
        end = it.x + it.width;
      }
      const filled = cells.filter((c) => c.trim() !== '').length;
      // A line with figures keeps every column; a wrapped name's line ends with its text (it continues the row).
      const figures = cells.slice(firstYear).some((c) => c.trim() !== '');
      // (A line with text in the first column only keeps one tab: it is still a table line.)
      out.push(figures ? cells.join('\t') : filled <= 1 && cells[0] !== '' ? `${cells[0]}\t` : cells.join('\t').replace(/\t+$/, ''));
    }
    out.push('');
  }
  return out.join('\n');
}

/** The text of a PDF file; a PDF without a text layer throws ScannedPdfError. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const { extractTextItems } = await import('unpdf');
  let result: Awaited<ReturnType<typeof extractTextItems>>;
  try {
    // PDF.js may take ownership of the buffer: give it a copy.
    result = await extractTextItems(new Uint8Array(bytes));
  } catch (err) {
    throw new NotAPlanDocumentError(`the PDF cannot be read: ${(err as Error).message}`);
  }
  const pages = result.items.map((page) => page.map((i) => ({ str: i.str, x: i.x, y: i.y, width: i.width })));
  const letters = pages.flat().reduce((n, i) => n + i.str.replace(/\s/g, '').length, 0);
  if (letters < 20) throw new ScannedPdfError(result.totalPages);
  return pdfItemsToText(pages);
}
