import { buildLiffApp } from '../liff/support.ts';
import { chromiumInstall } from './chromium.ts';

/**
 * Once per test run, before any worker starts: build the LIFF app (the browser tests' files then find it built and
 * skip their own build) and unpack the test browser.
 */
export default async function setup(): Promise<void> {
  await Promise.all([buildLiffApp(), chromiumInstall()]);
}
