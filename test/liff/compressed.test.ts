import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { LIFF_DIST, pickEncoding } from '../../functions/src/http/liffStatic.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildLiffApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  await buildLiffApp();
  t = await startTestApp();
}, 120_000);
afterAll(async () => t?.stop());

/** Raw bytes and headers (fetch would decompress for us and hide what went over the wire). */
function get(url: string, acceptEncoding: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('LIFF assets on a phone network', () => {
  it('sends hashed scripts brotli- or gzip-compressed with a year of caching, and the page shell revalidated', async () => {
    const js = readdirSync(path.join(LIFF_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const raw = readFileSync(path.join(LIFF_DIST, 'assets', js));
    const br = await get(`${t.rt.baseUrl}/liff/assets/${js}`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
    expect(br.body.length).toBeLessThan(raw.length);
    const gz = await get(`${t.rt.baseUrl}/liff/assets/${js}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);
    const plain = await get(`${t.rt.baseUrl}/liff/assets/${js}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
    const page = await get(`${t.rt.baseUrl}/liff/maesot/complaints/new`, 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.body).toString()).toContain('<html');
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip')).toBe('br');
    expect(pickEncoding(undefined)).toBe('identity');
    expect(pickEncoding('*')).toBe('br');
  });
});
