/**
 * Complaint photos: data URLs from the browser (already downscaled there), checked and stripped of metadata here.
 * Pure byte handling, no I/O. JPEG: everything after the end-of-image marker is dropped; APP1..APP13, APP15 (EXIF with GPS, XMP, IPTC, ICC, vendor data) and comment segments
 * are removed; APP0 (JFIF) and APP14 (Adobe colour transform) carry no personal data and are kept so the image decodes
 * the same. PNG: only critical and colour chunks are kept (eXIf, tEXt, iTXt, zTXt, tIME dropped). WebP: EXIF and XMP
 * chunks are dropped and the VP8X flags cleared.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
import { MAX_PHOTO_BYTES } from '../contracts/tables/complaints.ts';

export { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../contracts/tables/complaints.ts';

export interface Photo {
  contentType: PhotoType;
  bytes: Buffer;
}

/** Parses and checks one data URL; returns a Thai problem description instead of throwing. */
export function decodePhoto(dataUrl: string): Photo | { problem: string } {
  const m = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (!m?.[1] || !m[2]) return { problem: 'รูปภาพต้องเป็นไฟล์ JPEG, PNG หรือ WebP (data URL แบบ base64)' };
  const contentType = m[1] as PhotoType;
  // Reject before decoding when the text alone is already too long.
  if ((m[2].length * 3) / 4 > MAX_PHOTO_BYTES + 3) return { problem: 'รูปภาพใหญ่เกินไป (ไม่เกิน 300 KB ต่อรูป)' };
  const bytes = Buffer.from(m[2], 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) return { problem: 'รูปภาพใหญ่เกินไป (ไม่เกิน 300 KB ต่อรูป)' };
  if (sniff(bytes) !== contentType) return { problem: 'เนื้อไฟล์ไม่ตรงกับชนิดรูปภาพที่ระบุ' };
  try {
    return { contentType, bytes: stripMetadata(contentType, bytes) };
  } catch {
    return { problem: 'ไฟล์รูปภาพเสียหาย อ่านไม่ได้' };
  }
}

export function sniff(b: Buffer): PhotoType | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function stripMetadata(type: PhotoType, bytes: Buffer): Buffer {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  return stripWebp(bytes);
}

class CorruptImage extends Error {}

/**
 * Walks JPEG segments and drops metadata segments (before and between scans). Entropy-coded scan data is copied
 * unchanged up to the next real marker (FF followed by neither 00 nor a restart marker); the file ends at the
 * end-of-image marker FFD9, and whatever follows it (a hidden archive, a second image, a trailer with the phone's
 * data) is dropped. A file without end-of-image is refused as damaged.
 */
export function stripJpeg(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw new CorruptImage('expected a marker');
    const marker = b[i + 1];
    if (marker === undefined) throw new CorruptImage('truncated');
    if (marker === 0xff) { i += 1; continue; } // fill byte
    if (marker === 0xd9) return Buffer.concat([...out, b.subarray(i, i + 2)]);
    // Markers without a length.
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { out.push(b.subarray(i, i + 2)); i += 2; continue; }
    if (i + 4 > b.length) throw new CorruptImage('truncated');
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) throw new CorruptImage('bad segment length');
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe;
    if (keep) out.push(b.subarray(i, i + 2 + len));
    i += 2 + len;
    if (marker === 0xda) {
      // Start of scan: entropy-coded data up to the next marker that is not stuffing (FF00) or a restart (FFD0-D7).
      const start = i;
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7) && b[i + 1] !== 0xff)) i++;
      if (i + 1 >= b.length) throw new CorruptImage('no end-of-image marker');
      out.push(b.subarray(start, i));
    }
  }
  throw new CorruptImage('no end-of-image marker');
}

const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'pHYs', 'bKGD']);

export function stripPng(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i < b.length) {
    if (i + 12 > b.length) throw new CorruptImage('truncated chunk');
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (end > b.length) throw new CorruptImage('bad chunk length');
    if (PNG_KEEP.has(type)) out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(out);
}

export function stripWebp(b: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const type = b.toString('latin1', i, i + 4);
    const len = b.readUInt32LE(i + 4);
    const end = i + 8 + len + (len % 2);
    if (i + 8 + len > b.length) throw new CorruptImage('bad chunk length');
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = Buffer.from(b.subarray(i, Math.min(end, b.length)));
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~0x0c; // clear EXIF (0x08) and XMP (0x04) flags
      chunks.push(chunk);
    }
    i = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
