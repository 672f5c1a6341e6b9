/**
 * Small Word and PDF files made in the test, from the importer's own text form (tab-separated table rows), so the
 * .docx and PDF paths are tested on the same documents as the text path.
 */
import { deflateRawSync, crc32 } from 'node:zlib';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A zip archive (deflated entries) of the given files. */
export function zip(files: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const run = (text: string) => `<w:r><w:rPr><w:rFonts w:cs="TH SarabunPSK"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
/** A paragraph whose text is split into several runs, as Word writes it. */
const para = (text: string) => `<w:p>${text === '' ? '' : text.match(/.{1,7}/gsu)?.map(run).join('') ?? ''}</w:p>`;

/**
 * A .docx of a text document: consecutive tab-separated lines become one Word table (a row per line, `<br>` inside
 * a cell a line break, an empty cell after a cell written "⟨span⟩" merged into it with gridSpan), other lines
 * paragraphs.
 */
export function makeDocx(text: string): Uint8Array {
  const body: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) body.push(`<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) {
      flush();
      body.push(para(line));
      continue;
    }
    const cells = line.split('\t');
    rows.push(`<w:tr>${cells.map((c) => `<w:tc><w:tcPr/>${c.split(/<br\s*\/?>/).map(para).join('')}</w:tc>`).join('')}</w:tr>`);
  }
  flush();
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': document,
  });
}

/** One piece of text placed on a PDF page (points from the bottom-left corner). */
export interface PdfText {
  x: number;
  y: number;
  text: string;
}

/**
 * A PDF whose pages hold the given texts in a Type0 font with a ToUnicode map (as Word's "save as PDF" writes Thai),
 * so the text layer reads back as written. A page with no texts gets a grey box instead (as a scan's image would).
 */
export function makePdf(pages: PdfText[][]): Uint8Array {
  const chars = [...new Set(pages.flat().flatMap((t) => [...t.text]))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const hex = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  // 1 catalog, 2 pages, 3 font, 4 descendant, 5 descriptor, 6 tounicode, then page + content pairs
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pages.map((_, i) => `${7 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /THSarabun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>');
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /THSarabun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 450 >>');
  add('<< /Type /FontDescriptor /FontName /THSarabun /Flags 4 /FontBBox [0 -250 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 >>');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunk(chars, 100).flatMap((part) => [`${part.length} beginbfchar`, ...part.map((c) => `<${hex(cid.get(c) ?? 0)}> <${[...Buffer.from(c, 'utf16le').swap16()].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()}>`), 'endbfchar']),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  add(stream(cmap));
  for (const page of pages) {
    const content = page.length
      ? page.map((t) => `BT /F1 10 Tf 1 0 0 1 ${t.x} ${t.y} Tm <${[...t.text].map((c) => hex(cid.get(c) ?? 0)).join('')}> Tj ET`).join('\n')
      : '0.8 g 50 50 495 742 re f';
    const n = objects.length + 1;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n + 1} 0 R >>`);
    add(stream(content));
  }
  let pdf = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Splits a cell's text into printed lines of at most `chars` characters, as a word processor does for Thai: at a
 * space when one is near the end of the line, else inside the word.
 */
function wrapCell(text: string, chars: number): string[] {
  const lines: string[] = [];
  let rest = [...text.trim()];
  while (rest.length > chars) {
    const window = rest.slice(0, chars + 1);
    const space = window.lastIndexOf(' ');
    const cut = space > chars * 0.6 ? space : chars;
    lines.push(rest.slice(0, cut).join('').trim());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  if (rest.length) lines.push(rest.join(''));
  return lines;
}

/**
 * Lays a text document out on A4 landscape pages as a word processor prints it: tab-separated lines are table rows
 * (text columns before the project column 90 pt, the project column 250 pt, the rest shared; a cell wraps inside
 * its column, its row as tall as its tallest cell), other lines at the left margin; a new page when one is full.
 */
export function layoutPdf(text: string): PdfText[][] {
  const pages: PdfText[][] = [[]];
  let y = 560;
  let columnX: number[] = [];
  const CHAR = 4.5; // width of a character at 10 pt with the font's default width 450
  const next = (rows: number) => {
    if (y - 13 * rows < 30) {
      pages.push([]);
      y = 560;
    }
  };
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) {
      const printed = wrapCell(line, 160);
      next(printed.length || 1);
      printed.forEach((piece, k) => (pages.at(-1) as PdfText[]).push({ x: 40, y: y - 13 * k, text: piece }));
      y -= 13 * Math.max(1, printed.length);
      continue;
    }
    const cells = line.split('\t');
    if (columnX.length === 0 || /โครงการ\/กิจกรรม/.test(line)) {
      const project = Math.max(0, cells.findIndex((c) => /โครงการ|กิจกรรม/.test(c)));
      const rest = cells.length - project - 1;
      columnX = cells.map((_, i) => (i <= project ? 40 + 90 * i : 40 + 90 * project + 250 + ((800 - (40 + 90 * project + 250)) / Math.max(1, rest)) * (i - project - 1)));
    }
    const wrapped = cells.map((c, i) => wrapCell(c.trim(), Math.max(4, Math.floor(((columnX[i + 1] ?? 810) - (columnX[i] ?? 0) - 6) / CHAR))));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    next(height);
    const page = pages.at(-1) as PdfText[];
    wrapped.forEach((w, i) => w.forEach((piece, k) => page.push({ x: columnX[i] ?? 800, y: y - 13 * k, text: piece })));
    y -= 13 * height;
  }
  return pages;
}
