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

/** The text of a PDF's pages (items per page), tables as tab-separated rows. */
export function pdfItemsToText(pages: PdfItem[][]): string {
  const out: string[] = [];
  let columns: number[] | null = null;
  let firstYear = 0;
  let headerOpen = false;
  for (const page of pages) {
    for (const line of linesOf(page)) {
      const pieces = joinPieces(line.items);
      // A table header: the project column and at least two year columns.
      const starts: number[] = [];
      {
        let end = Number.NEGATIVE_INFINITY;
        for (const it of line.items) {
          if (it.x - end > 12 || starts.length === 0) starts.push(it.x);
          end = it.x + it.width;
        }
      }
      const headerWords = pieces.filter((p) => YEAR.test(p.trim()) || /^(?:งบประมาณ|ตัวชี้วัด|ไตรมาส|หน่วยนับ|ผลลัพธ์|ระยะเวลา|ผู้รับผิดชอบ|หน่วยงานรับผิดชอบ|แผนการดำเนินงาน)/.test(p.trim())).length;
      if (pieces.length >= 3 && headerWords >= 2 && pieces.some((p) => /โครงการ|กิจกรรม|มาตรการ/.test(p)) && pieces.every((p) => p.length < 60)) {
        columns = starts;
        const year = line.items.find((it) => YEAR.test(it.str.trim()) || /^งบประมาณ/.test(it.str.trim()));
        firstYear = year ? Math.max(0, columns.findLastIndex((c) => c <= year.x + 3)) : columns.length;
        headerOpen = true;
        out.push(pieces.join('\t'));
        continue;
      }
      // The header's second line (years under "งบประมาณ", quarters under "แผนการดำเนินงาน"): its columns too.
      if (headerOpen && columns && pieces.every((p) => YEAR.test(p.trim()) || /^(?:ไตรมาส|งบประมาณ|\(บาท\)|ปี|Q\d|พ\.ศ\.)/.test(p.trim()))) {
        const merged: number[] = [...columns];
        for (const x of starts) if (!merged.some((c) => Math.abs(c - x) < 6)) merged.push(x);
        const cols2 = merged.sort((a, b) => a - b);
        const yearItem = line.items.find((it) => YEAR.test(it.str.trim()));
        if (yearItem) firstYear = Math.max(0, cols2.findLastIndex((c) => c <= yearItem.x + 3));
        columns = cols2;
        const cells = new Array<string>(cols2.length).fill('');
        for (const it of line.items) {
          const k = Math.max(0, cols2.findLastIndex((c) => c <= it.x + 3));
          cells[k] = cells[k] ? `${cells[k]} ${it.str}` : it.str;
        }
        out.push(cells.join('\t'));
        continue;
      }
      headerOpen = false;
      if (columns && pieces.length === 1 && /^ส่วนที่\s*\S/.test(pieces[0] ?? '')) columns = null;
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
