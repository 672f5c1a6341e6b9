import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';

const LIFF_APP = path.resolve(import.meta.dirname, '../../liff-app');
export const DIST = path.join(LIFF_APP, 'dist');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the LIFF app into liff-app/dist, where the local server serves it from (/liff/), unless the build there is
 * newer than every source file. The build goes to a temp dir first and is swapped in, so a server (or another test
 * file) reading dist never sees it half-written.
 */
export async function buildLiffApp(): Promise<void> {
  const index = path.join(DIST, 'index.html');
  const sources = Math.max(
    newestSource(path.join(LIFF_APP, 'src')),
    ...['index.html', 'vite.config.ts', 'preloadPlugin.ts', 'package.json'].map((f) => statSync(path.join(LIFF_APP, f)).mtimeMs),
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const { build } = await import('vite');
  // Inside node_modules: ignored by git and eslint, and on the same filesystem as dist so the swap is a rename.
  const scratch = path.join(LIFF_APP, 'node_modules', '.liff-build');
  mkdirSync(scratch, { recursive: true });
  const tmp = path.join(scratch, `dist-${process.pid}`);
  await build({ configFile: path.join(LIFF_APP, 'vite.config.ts'), root: LIFF_APP, logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
  const old = path.join(scratch, `old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(tmp, DIST);
  rmSync(old, { recursive: true, force: true });
}

/** Makes the app's local-mode tester identity `sub`/`name` (what the dev banner's switch does), before the app loads. */
export async function actAs(page: Page, baseUrl: string, user: { sub: string; name: string }): Promise<void> {
  await page.goto(`${baseUrl}/healthz`);
  await page.evaluate((u) => localStorage.setItem('liff-dev-user', JSON.stringify(u)), user);
}

/** A new page of the test browser, signed in as `user` (see actAs), with page errors logged and a 10 s default timeout. */
export async function signedInPage(browser: { newPage(): Promise<Page> }, baseUrl: string, user: { sub: string; name: string }): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  trackRequests(page);
  await actAs(page, baseUrl, user);
  return page;
}

/** Requests each page (made by signedInPage) has started and not yet seen finish or fail. */
const inFlight = new WeakMap<Page, Set<Request>>();

function trackRequests(page: Page): Set<Request> {
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('request', (r) => void pending.add(r));
  const done = (r: Request) => void pending.delete(r);
  page.on('requestfinished', done).on('requestfailed', done);
  return pending;
}

/**
 * Waits until the page has no request in flight and shows no loading spinner (`.loading`), and has stayed so for
 * `quietMs`: what it fetched has arrived and been rendered. Playwright's 'networkidle' waits a fixed 500 ms of silence
 * instead; this ends as soon as the page is quiet. Fails after `timeoutMs`.
 */
export async function settled(page: Page, { quietMs = 100, timeoutMs = 10_000 } = {}): Promise<void> {
  const pending = inFlight.get(page) ?? trackRequests(page);
  const until = Date.now() + timeoutMs;
  let quietSince: number | undefined;
  for (;;) {
    const busy = pending.size > 0 || (await page.locator('.loading').count()) > 0;
    if (busy) quietSince = undefined;
    else if (quietSince === undefined) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > until) throw new Error(`page still busy after ${timeoutMs} ms: ${[...pending].map((r) => r.url()).join(', ') || 'a loading spinner'}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Opens a page of the app and waits until its heading is shown. */
export async function open(page: Page, baseUrl: string, orgId: string, pagePath = ''): Promise<void> {
  await page.goto(`${baseUrl}/liff/${orgId}/${pagePath}`);
  await page.locator('h1#page-title').waitFor();
}

/** A photo as a phone takes it: large (3000×2000), detailed, JPEG, made by the browser itself. */
export async function bigPhoto(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 3000;
    c.height = 2000;
    const ctx = c.getContext('2d')!;
    for (let i = 0; i < 4000; i++) {
      ctx.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
      ctx.fillRect((i * 7919) % 3000, (i * 104729) % 2000, 40 + (i % 90), 30 + (i % 70));
    }
    return c.toDataURL('image/jpeg', 0.95).split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

/** Reads JPEG dimensions from its SOF marker. */
export function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const len = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return null;
}
