/**
 * Photos are downscaled in the browser before upload: at most 1280 px on the long side, re-encoded as JPEG at 0.8.
 * Drawing to a canvas and re-encoding keeps only pixels, so EXIF (GPS position, device) never leaves the phone.
 */
export const MAX_PHOTOS = 3;
export const MAX_EDGE = 1280;
export const JPEG_QUALITY = 0.8;
/** The server accepts at most 300 KB per photo; a busy scene at 1280 px can exceed it, so quality then size step down. */
export const MAX_PHOTO_BYTES = 300 * 1024;

export interface PreparedPhoto {
  /** Image bytes as base64 (no data: prefix): JPEG from the browser; a photo from a chat draft may be PNG or WebP. */
  data: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  bytes: number;
  /** An object URL for the preview; revoke when removed. */
  previewUrl: string;
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  if (!file.type.startsWith('image/')) throw new Error('ไฟล์นี้ไม่ใช่รูปภาพ');
  // createImageBitmap applies the EXIF orientation, so a portrait photo stays upright after EXIF is dropped.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' }).catch(() => null);
  const source: CanvasImageSource & { width: number; height: number } = bitmap ?? (await loadImage(file));
  let edge = MAX_EDGE;
  let quality = JPEG_QUALITY;
  for (;;) {
    const scale = Math.min(1, edge / Math.max(source.width, source.height));
    const width = Math.max(1, Math.round(source.width * scale));
    const height = Math.max(1, Math.round(source.height * scale));
    const blob = await encode(source, width, height, quality);
    if (blob.size <= MAX_PHOTO_BYTES || edge < 400) {
      bitmap?.close();
      if (blob.size > MAX_PHOTO_BYTES) throw new Error('รูปนี้ใหญ่เกินไป');
      const data = await blobToBase64(blob);
      return { data, contentType: 'image/jpeg', width, height, bytes: blob.size, previewUrl: URL.createObjectURL(blob) };
    }
    if (quality > 0.55) quality -= 0.1;
    else edge = Math.round(edge * 0.8);
  }
}

async function encode(source: CanvasImageSource, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('เบราว์เซอร์นี้ย่อรูปไม่ได้');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(source, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('แปลงรูปไม่สำเร็จ');
  return blob;
}

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('เปิดรูปนี้ไม่ได้'));
    };
    img.src = url;
  });
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('อ่านรูปไม่สำเร็จ'));
    reader.readAsDataURL(blob);
  });
}
