import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.ts';

/**
 * The test browser renders Thai with a real Thai font (shipped by npm, not the system): a missing font would draw
 * every Thai letter as the same empty box (.notdef), and a combining vowel or tone mark as a box of its own.
 */
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the test browser', () => {
  it('shapes Thai: letters have their own widths and marks above a letter take no room', async () => {
    const page = await browser.newPage();
    await page.setContent('<html lang="th"><body style="font-family: system-ui, sans-serif"><p id="t">ติดตามเรื่องร้องเรียน</p></body></html>');
    const widths = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = '32px system-ui, sans-serif';
      const w = (s: string) => ctx.measureText(s).width;
      return { ko: w('ก'), mo: w('ม'), ko_i: w('กี'), ko_tone: w('ก่'), box: w('\u{10FFFD}') };
    });
    expect(widths.ko).toBeGreaterThan(0);
    expect(widths.mo).not.toBe(widths.ko);
    expect(widths.ko_i).toBe(widths.ko);
    expect(widths.ko_tone).toBe(widths.ko);
    await page.close();
  });
});
