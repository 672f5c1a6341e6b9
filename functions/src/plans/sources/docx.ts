/**
 * A Word document (.docx) as the importer's text: `word/document.xml` read in order; a paragraph outside tables is
 * a line; a table row is one line of tab-separated cells (a cell's paragraphs joined by spaces, `gridSpan` adding
 * empty cells after it, a vertically merged continuation cell empty), so tables are read as tables, never guessed
 * from the layout. Nested tables are flattened into their cell.
 */
import { NotAPlanDocumentError } from '../parse/common.ts';
import { NotAZipError, readZipEntry } from './zip.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? _m),
  );

const TOKEN = /<(\/?)(w:(?:p|tbl|tr|tc|t|tab|br|cr|gridSpan|vMerge))(?=[\s/>])([^>]*?)(\/?)>|<[^>]*>|([^<]+)/g;

/** The text of a WordprocessingML body. */
export function documentXmlToText(xml: string): string {
  const lines: string[] = [];
  let depth = 0;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let span = 1;
  let para = '';
  let inText = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, tag, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (inText) para += decode(text);
      continue;
    }
    if (!tag) continue;
    const opening = !close;
    switch (tag) {
      case 'w:tbl':
        if (opening) depth++;
        else {
          depth--;
          if (depth === 0) lines.push('');
        }
        break;
      case 'w:tr':
        if (depth !== 1) break;
        if (opening) row = [];
        else if (row) {
          lines.push(row.join('\t'));
          row = null;
        }
        break;
      case 'w:tc':
        if (depth !== 1) break;
        if (opening) {
          cell = [];
          span = 1;
        } else if (row && cell) {
          row.push(cell.join(' ').replace(/\s+/g, ' ').trim());
          for (let k = 1; k < span; k++) row.push('');
          cell = null;
        }
        break;
      case 'w:gridSpan':
        span = Number(attrs?.match(/w:val="(\d+)"/)?.[1] ?? 1);
        break;
      case 'w:p':
        if (opening && !selfClose) para = '';
        else {
          const t = selfClose ? '' : para;
          if (cell) cell.push(t);
          else lines.push(t);
          para = '';
        }
        break;
      case 'w:t':
        inText = opening && !selfClose;
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        if (opening) para += ' ';
        break;
      default:
        break;
    }
  }
  return lines.join('\n');
}

/** The text of a .docx file. A file that is not a Word document is refused (nothing imported). */
export function docxToText(bytes: Uint8Array): string {
  let xml: Uint8Array | null;
  try {
    xml = readZipEntry(bytes, 'word/document.xml');
  } catch (err) {
    if (err instanceof NotAZipError) throw new NotAPlanDocumentError(`the .docx file cannot be read: ${err.message}`);
    throw err;
  }
  if (!xml) throw new NotAPlanDocumentError('the file is a zip archive but not a Word document (no word/document.xml)');
  return documentXmlToText(new TextDecoder('utf-8').decode(xml));
}
