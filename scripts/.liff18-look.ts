// scratch: look at a page at phone size (not committed)
import { chromium } from 'playwright-core';
import { chromiumInstall } from '../test/support/chromium.ts';
const [base, user, name, path, out, full] = process.argv.slice(2);
const install = await chromiumInstall();
const b = await chromium.launch({ executablePath: install.executablePath, env: { ...process.env, ...install.env }, args: ['--no-sandbox', '--no-zygote'] });
const ctx = await b.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, locale: 'th-TH', timezoneId: 'Asia/Bangkok', isMobile: true, hasTouch: true });
const p = await ctx.newPage();
p.on('pageerror', (e) => console.error('pageerror', e.message));
await p.goto(`${base}/healthz`);
await p.evaluate((u) => localStorage.setItem('liff-dev-user', JSON.stringify(u)), { sub: user, name });
await p.goto(`${base}/liff/maesot/${path}`);
await p.locator('h1#page-title').waitFor();
await p.waitForTimeout(1500);
await p.screenshot({ path: out, fullPage: full === 'full' });
console.log(await p.locator('main').innerText());
await b.close();
