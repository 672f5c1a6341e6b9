/**
 * What a municipality has, as the importer's text: plain text (the conversions), Word (.docx: tables read as tables)
 * and PDF with a text layer, all through the same parser. A scanned PDF (no text layer) is refused with a clear
 * message; nothing is imported from it.
 */
import type { ParsedDocument } from '../schema.ts';
import { readDocumentFile } from '../forms.ts';
import { docxToText } from './docx.ts';
import { pdfToText } from './pdf.ts';

const startsWith = (bytes: Uint8Array, sig: string) => [...sig].every((c, i) => bytes[i] === c.charCodeAt(0));

/** The document's text in the importer's form (tab-separated table rows), whatever the file is. */
export async function documentText(bytes: Uint8Array, file: string): Promise<string> {
  if (startsWith(bytes, 'PK\u0003\u0004') || /\.docx$/i.test(file)) return docxToText(bytes);
  if (startsWith(bytes, '%PDF') || /\.pdf$/i.test(file)) return pdfToText(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Parses any supported file (text, JSON/CSV forms, .docx, PDF). */
export async function readDocumentBytes(bytes: Uint8Array, file: string): Promise<ParsedDocument> {
  return readDocumentFile(await documentText(bytes, file), file);
}
