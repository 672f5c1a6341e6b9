import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumInstall } from '../support/chromium.ts';

/**
 * The npm-installed Chromium (test/support/chromium.ts: one browser version and one set of fonts on every machine),
 * headless, as the browser tests use it: one browser per test worker, and for each caller a fresh context (its own
 * cookies and storage, like a fresh profile) with a 360×740 phone-sized viewport (the narrowest screen the app
 * promises to read well on).
 */
export const VIEWPORT = { width: 360, height: 740 };

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes this caller's context; the worker's browser stays for the next test file. */
  close(): Promise<void>;
}

let shared: Promise<Browser> | undefined;

function workerBrowser(): Promise<Browser> {
  shared ??= (async () => {
    const install = await chromiumInstall();
    const browser = await chromium.launch({
      executablePath: install.executablePath,
      env: { ...process.env, ...install.env },
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
    });
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  })();
  return shared;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const context = await (await workerBrowser()).newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    isMobile: true,
    hasTouch: true,
  });
  return { context, newPage: () => context.newPage(), close: () => context.close() };
}
