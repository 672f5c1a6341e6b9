import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumInstall } from '../support/chromium.ts';

/**
 * The npm-installed Chromium (test/support/chromium.ts: one browser version and one set of fonts on every machine),
 * headless, as the browser tests use it: a fresh profile in a temp dir and a 360×740 phone-sized viewport (the
 * narrowest screen the app promises to read well on).
 */
export const VIEWPORT = { width: 360, height: 740 };

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'liff-chromium-'));
  const browser = await chromiumInstall();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    args: [
      '--no-sandbox',
      '--no-zygote',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    isMobile: true,
    hasTouch: true,
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
