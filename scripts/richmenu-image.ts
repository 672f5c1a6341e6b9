/**
 * npm run richmenu:image [-- --out PATH] [--html PATH] [--staff]
 *
 * Draws the rich menu image (data/richmenu/richmenu.png, committed) from the menu definition
 * (functions/src/richmenu/definition.ts: tiles, labels, hints, bounds): an HTML page rendered by headless Chromium and
 * captured at exactly LINE's size. Icons are inline SVG drawn here, so no emoji font is needed; Thai text needs a Thai
 * font (Debian: fonts-thai-tlwg). Chromium: CHROMIUM_PATH, default /usr/bin/chromium. With --staff: the staff menus
 * (functions/src/richmenu/staff.ts), one image per tool set, data/richmenu/staff-{variant}.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { RICH_MENU_SIZE, menuTiles, type MenuItemKey } from '../functions/src/richmenu/definition.ts';
import { STAFF_MENU_SIZE, STAFF_VARIANTS, staffTiles, type StaffToolKey, type StaffVariant } from '../functions/src/richmenu/staff.ts';
import { richMenuImageProblems } from '../functions/src/richmenu/image.ts';

const DEFAULT_OUT = fileURLToPath(new URL('../data/richmenu/richmenu.png', import.meta.url));
const FONTS = ['Waree', 'Loma', 'Garuda', 'Umpush', 'Sawasdee'];

/** Icon colours: white strokes on each; every colour has a contrast of at least 4.5:1 with white. */
const THEME: Record<MenuItemKey, { color: string; tint: string }> = {
  ask: { color: '#0b5cad', tint: '#e3effb' },
  manuals: { color: '#0b6e55', tint: '#e0f3ec' },
  complain: { color: '#b3360b', tint: '#fbe9e1' },
  track: { color: '#5b2bb5', tint: '#eee7fa' },
  queue: { color: '#0b6a82', tint: '#e0f1f5' },
  rate: { color: '#9a4a05', tint: '#fbefdc' },
};

/** 24×24 line icons, stroked in currentColor. */
const ICONS: Record<MenuItemKey, string> = {
  // A speech bubble with a question mark.
  ask: `<path d="M12 3.5c4.7 0 8.5 3.3 8.5 7.5s-3.8 7.5-8.5 7.5c-1 0-2-.15-2.9-.45L4.5 20l1.2-3.8C4.3 14.9 3.5 13 3.5 11 3.5 6.8 7.3 3.5 12 3.5z"/>
        <path d="M9.8 9.2a2.3 2.3 0 1 1 3.3 2.1c-.7.35-1.1.9-1.1 1.7v.4"/><circle cx="12" cy="15.6" r=".35" fill="currentColor"/>`,
  // An open book.
  manuals: `<path d="M12 6.5C10.3 5.2 7.6 4.5 3 4.5v13c4.6 0 7.3.7 9 2"/><path d="M12 6.5c1.7-1.3 4.4-2 9-2v13c-4.6 0-7.3.7-9 2z"/>
        <path d="M6 8.3c1.5.1 2.8.4 3.8.8M6 11.5c1.5.1 2.8.4 3.8.8M18 8.3c-1.5.1-2.8.4-3.8.8M18 11.5c-1.5.1-2.8.4-3.8.8"/>`,
  // A megaphone.
  complain: `<path d="M3.5 9.5v5h3l8.5 4.5v-14L6.5 9.5z"/><path d="M6.5 14.5l1.6 5h2.6l-1.3-4.2"/>
        <path d="M18 9.2a3.6 3.6 0 0 1 0 5.6"/><path d="M20 7a6.6 6.6 0 0 1 0 10"/>`,
  // A document under a magnifying glass.
  track: `<path d="M12.5 20.5H6a1.5 1.5 0 0 1-1.5-1.5V5A1.5 1.5 0 0 1 6 3.5h7l4.5 4.5v2.5"/><path d="M13 3.5V8h4.5"/>
        <path d="M7.5 10h4M7.5 13.5h2.5"/><circle cx="16" cy="15.5" r="3.2"/><path d="M18.4 17.9l2.6 2.6"/>`,
  // A queue ticket with a perforation and a number line.
  queue: `<path d="M3.5 7A1.5 1.5 0 0 1 5 5.5h14A1.5 1.5 0 0 1 20.5 7v2.6a2.4 2.4 0 0 0 0 4.8V17a1.5 1.5 0 0 1-1.5 1.5H5A1.5 1.5 0 0 1 3.5 17v-2.6a2.4 2.4 0 0 0 0-4.8z"/>
        <path d="M15.5 6v1.6M15.5 10.4v3.2M15.5 16.4V18" /><path d="M7 10h5M7 14h3.5"/>`,
  // A star.
  rate: `<path d="M12 3.6l2.6 5.3 5.8.85-4.2 4.1 1 5.8L12 16.9l-5.2 2.75 1-5.8-4.2-4.1 5.8-.85z"/>`,
};

/** The staff menus' tiles (functions/src/richmenu/staff.ts), in the same style. */
const STAFF_THEME: Record<StaffToolKey, { color: string; tint: string }> = {
  home: { color: '#00653a', tint: '#e0f2e8' },
  inbox: { color: '#b3360b', tint: '#fbe9e1' },
  queue: THEME.queue,
  comments: THEME.rate,
};
const STAFF_ICONS: Record<StaffToolKey, string> = {
  // A house.
  home: `<path d="M3.5 11.2L12 4l8.5 7.2"/><path d="M5.8 9.5v10h4.4v-5.5h3.6v5.5h4.4v-10"/>`,
  // An inbox tray.
  inbox: `<path d="M3.5 13.5l2.6-8h11.8l2.6 8v5a1.5 1.5 0 0 1-1.5 1.5h-14a1.5 1.5 0 0 1-1.5-1.5z"/><path d="M3.5 13.5h5l1.2 2.5h4.6l1.2-2.5h5"/>`,
  queue: ICONS.queue,
  // A speech bubble with lines.
  comments: `<path d="M4 5.5h16a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-9l-4.5 3.5v-3.5H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1z"/><path d="M7.5 9.5h9M7.5 12.5h6"/>`,
};

interface DrawnTile {
  color: string;
  tint: string;
  icon: string;
  lines: readonly string[];
  hint?: string | undefined;
  bounds: { x: number; y: number; width: number; height: number };
}

export function richMenuHtml(): string {
  return menuHtml(
    RICH_MENU_SIZE,
    menuTiles().map((t) => ({ ...THEME[t.key], icon: ICONS[t.key], lines: t.lines ?? [t.label], hint: t.hint, bounds: t.bounds })),
    { padTop: 128, badge: 260, gap: 50, label: 108, hint: 66 },
  );
}

/** One staff menu: a single row on LINE's compact size, so the badge and the text are smaller. */
export function staffMenuHtml(variant: StaffVariant): string {
  return menuHtml(
    STAFF_MENU_SIZE,
    staffTiles(variant).map((t) => ({ ...STAFF_THEME[t.key], icon: STAFF_ICONS[t.key], lines: [t.label], hint: t.hint, bounds: t.bounds })),
    { padTop: 110, badge: 330, gap: 36, label: 112, hint: 62 },
  );
}

function menuHtml(size: { width: number; height: number }, drawn: DrawnTile[], px: { padTop: number; badge: number; gap: number; label: number; hint: number }): string {
  const { width, height } = size;
  const gap = 14;
  const tiles = drawn
    .map((t) => {
      const theme = t;
      const b = t.bounds;
      return `<section class="tile" style="left:${b.x + gap}px;top:${b.y + gap}px;width:${b.width - 2 * gap}px;height:${b.height - 2 * gap}px;--c:${theme.color};--t:${theme.tint}">
  <div class="badge"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${t.icon}</svg></div>
  <h2 class="label">${t.lines.map((l) => `<span>${l}</span>`).join('')}</h2>
  ${t.hint ? `<p class="hint">${t.hint}</p>` : ''}
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; margin: 0; }
  html, body { width: ${width}px; height: ${height}px; overflow: hidden; }
  body { background: #dfe6ee; font-family: ${FONTS.map((f) => `'${f}'`).join(', ')}, sans-serif; position: relative; }
  .tile { position: absolute; background: #ffffff; border-radius: 44px; border: 4px solid #c3cedb;
          display: flex; flex-direction: column; align-items: center; justify-content: flex-start; padding: ${px.padTop}px 30px 0; }
  .badge { flex: none; width: ${px.badge}px; height: ${px.badge}px; border-radius: 50%; background: var(--c); color: #fff;
           display: flex; align-items: center; justify-content: center; box-shadow: 0 0 0 18px var(--t); }
  .badge svg { width: 168px; height: 168px; }
  .label { margin-top: ${px.gap}px; font-size: ${px.label}px; line-height: 1.2; font-weight: 700; color: #14213d; text-align: center; }
  .label span { display: block; white-space: nowrap; }
  .hint { margin-top: 8px; font-size: ${px.hint}px; line-height: 1.3; color: #3a4658; white-space: nowrap; }
</style></head><body>
${tiles}
</body></html>`;
}

/** Shrinks every label (and every hint) to one common size at which the widest fits its tile, so the tiles match. */
function fitText(): number[] {
  const sizes: number[] = [];
  for (const selector of ['.label span', '.hint']) {
    const els = [...document.querySelectorAll<HTMLElement>(selector)];
    let size = parseFloat(getComputedStyle(els[0]!).fontSize);
    const fits = () => els.every((el) => el.scrollWidth <= (el.closest('.tile')!.clientWidth - 60));
    while (!fits() && size > 30) {
      size -= 2;
      for (const el of els) el.style.fontSize = `${size}px`;
    }
    sizes.push(size);
  }
  return sizes;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, html: { type: 'string' }, staff: { type: 'boolean', default: false } }, strict: true });

  let thaiFonts = '';
  try {
    thaiFonts = execFileSync('fc-list', [':lang=th', 'family'], { encoding: 'utf8' });
  } catch {
    // fc-list missing: Chromium's own fallback decides; the check below still warns.
  }
  if (!FONTS.some((f) => thaiFonts.includes(f))) {
    process.stderr.write(`error: none of the Thai fonts ${FONTS.join(', ')} is installed (Debian: apt-get install fonts-thai-tlwg)\n`);
    return 1;
  }

  // --staff: every staff menu (data/richmenu/staff-{variant}.png); otherwise the citizens' menu.
  const jobs = values.staff
    ? STAFF_VARIANTS.map((v) => ({ html: staffMenuHtml(v), size: STAFF_MENU_SIZE, out: fileURLToPath(new URL(`../data/richmenu/staff-${v}.png`, import.meta.url)) }))
    : [{ html: richMenuHtml(), size: RICH_MENU_SIZE, out: values.out ?? DEFAULT_OUT }];
  if (values.html) await writeFile(values.html, jobs[0]!.html);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const job of jobs) {
      const page = await browser.newPage({ viewport: { ...job.size }, deviceScaleFactor: 1 });
      await page.setContent(job.html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const [label, hint] = await page.evaluate(fitText);
      process.stdout.write(`labels ${label}px, hints ${hint}px (about ${Math.round((label ?? 0) * 0.15)} and ${Math.round((hint ?? 0) * 0.15)} px on a 375 px wide phone)\n`);
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...job.size } });
      await page.close();
      const problems = richMenuImageProblems(png, job.size);
      if (problems.length) {
        process.stderr.write(`error: the rendered image breaks LINE's rules: ${problems.join('; ')}\n`);
        return 1;
      }
      await mkdir(dirname(job.out), { recursive: true });
      await writeFile(job.out, png);
      process.stdout.write(`wrote ${job.out}: ${job.size.width}×${job.size.height} PNG, ${png.byteLength} bytes\n`);
    }
    return 0;
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`error: ${String((err as Error)?.stack ?? err)}\n`);
      process.exitCode = 1;
    },
  );
}
