/**
 * node scripts/liff-before-screens.ts BASE_URL OUT_DIR
 *
 * The "before" screenshots of docs/liff.md ("Walking the product"): the screens issue 16 changed, as they were before
 * it. Run against a local server (`npm start`, demo data) of the commit before the change — 93758a1 — e.g.
 *
 *   git archive 93758a1 | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   (cd /tmp/before && npm run build -w liff-app && PORT=4152 node functions/src/server.ts) &
 *   node scripts/liff-before-screens.ts http://localhost:4152 docs/img
 *
 * Selectors are those of that commit's pages. Same Chromium and phone size as the browser tests (360×740).
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumInstall } from '../test/support/chromium.ts';

interface DemoStaff {
  userId: string;
  displayName: string;
  roles: string[];
}

async function main(): Promise<number> {
  const [base, out] = process.argv.slice(2);
  if (!base || !out) {
    process.stderr.write('usage: node scripts/liff-before-screens.ts BASE_URL OUT_DIR\n');
    return 64;
  }
  const demo = (await (await fetch(`${base}/dev/demo`)).json()) as { orgs: Array<{ id: string; staff: DemoStaff[] }> };
  const org = demo.orgs[0]!;
  const staff = (role: string) => org.staff.find((m) => m.roles.length === 1 && m.roles[0] === role)!;
  const install = await chromiumInstall();
  const browser = await chromium.launch({ executablePath: install.executablePath, env: { ...process.env, ...install.env }, args: ['--no-sandbox', '--no-zygote'] });
  const as = async (user: { sub: string; name: string }): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'th-TH', timezoneId: 'Asia/Bangkok', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/healthz`);
    await page.evaluate((u) => localStorage.setItem('liff-dev-user', JSON.stringify(u)), user);
    return page;
  };
  const open = async (page: Page, path: string) => {
    await page.goto(`${base}/liff/${org.id}/${path}`);
    await page.locator('h1#page-title').waitFor();
  };
  try {
    // 1. A queue operator opening the staff page: the inbox's refusal.
    const operator = staff('queue_operator');
    const op = await as({ sub: operator.userId, name: operator.displayName });
    await open(op, 'staff/complaints');
    await op.locator('.notice').first().waitFor();
    await op.screenshot({ path: `${out}/staff-home-queue-operator-before.png`, fullPage: true });

    // 2. A citizen files a complaint; an officer closes it from the detail page: closed at once, for good.
    const citizen = await as({ sub: `U${'c'.repeat(32)}`, name: 'ผู้ร้องทดสอบ' });
    await open(citizen, 'complaints/new/general');
    await citizen.locator('#category option[value="street-light"]').waitFor({ state: 'attached' });
    await citizen.selectOption('#category', 'street-light');
    await citizen.fill('#title', 'ไฟถนนดับหน้าซอย 5');
    await citizen.fill('#description', 'ไฟถนนดับมาสามคืนแล้ว มืดมาก เด็กเดินกลับบ้านอันตราย');
    await citizen.fill('#place', 'ซอย 5 ถนนอินทรคีรี');
    await citizen.check('#consent');
    await citizen.click('main button[type=submit]');
    const code = (await citizen.locator('[data-testid=tracking-code]').getAttribute('data-code'))!;
    const officer = staff('officer');
    const off = await as({ sub: officer.userId, name: officer.displayName });
    await open(off, 'staff/complaints');
    await off.click(`.list-item:has-text("${code}")`);
    await off.locator('#s-title').waitFor();
    await off.check('input[name=to][value=resolved]');
    await off.fill('#note', 'ซ่อมไฟเรียบร้อยแล้ว');
    await off.click('main form.form button[type=submit]');
    await off.locator('.notice-success').waitFor();
    await off.screenshot({ path: `${out}/staff-close-undo-before.png`, fullPage: true });

    // 3. An anonymous corruption report, submitted: the old secret.
    const anon = await as({ sub: `U${'d'.repeat(32)}`, name: 'ผู้แจ้งทดสอบ' });
    await open(anon, 'complaints/new/corruption');
    await anon.check('input[name=anonymous][value=anonymous]');
    await anon.locator('#category option[value="bribery"]').waitFor({ state: 'attached' });
    await anon.selectOption('#category', 'bribery');
    await anon.fill('#title', 'ถูกเรียกเงินเพื่อให้ได้ใบอนุญาตเร็วขึ้น');
    await anon.fill('#description', 'เจ้าหน้าที่เรียกเงินสามพันบาทเพื่อเร่งใบอนุญาตก่อสร้าง เมื่อวันที่ 10');
    await anon.click('main button[type=submit]');
    await anon.locator('[data-testid=tracking-secret]').waitFor();
    await anon.screenshot({ path: `${out}/secret-before.png`, fullPage: true });
    process.stdout.write(`wrote ${out}/{staff-home-queue-operator,staff-close-undo,secret}-before.png\n`);
    return 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => void (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`error: ${String((err as Error)?.stack ?? err)}\n`);
    process.exitCode = 1;
  },
);
