/** LINE's rules for a rich menu image: JPEG or PNG, 800-2,500 px wide, at least 250 px high, width/height ≥ 1.45, ≤ 1 MB. */
export const RICH_MENU_IMAGE_MAX_BYTES = 1024 * 1024;

export interface ImageInfo {
  type: 'png' | 'jpeg';
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type and pixel size of a PNG (from its IHDR chunk) or JPEG (from its first SOF marker); null for anything else. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 24 && buf.subarray(0, 8).equals(PNG_SIGNATURE) && buf.toString('latin1', 12, 16) === 'IHDR') {
    return { type: 'png', contentType: 'image/png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let at = 2;
    while (at + 9 <= buf.length) {
      if (buf[at] !== 0xff) return null;
      const marker = buf[at + 1]!;
      if (marker === 0xff) {
        at += 1; // fill byte
        continue;
      }
      const length = buf.readUInt16BE(at + 2);
      // SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpeg', contentType: 'image/jpeg', height: buf.readUInt16BE(at + 5), width: buf.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** Every way an image breaks LINE's rules or does not fit the menu's declared size; empty when it is fine. */
export function richMenuImageProblems(bytes: Uint8Array, size: { width: number; height: number }): string[] {
  const info = imageInfo(bytes);
  if (!info) return ['not a PNG or JPEG image'];
  const problems: string[] = [];
  if (bytes.byteLength > RICH_MENU_IMAGE_MAX_BYTES) problems.push(`${bytes.byteLength} bytes: LINE accepts at most ${RICH_MENU_IMAGE_MAX_BYTES} (1 MB)`);
  if (info.width !== size.width || info.height !== size.height) {
    problems.push(`${info.width}×${info.height} px: the menu declares ${size.width}×${size.height}`);
  }
  return problems;
}
