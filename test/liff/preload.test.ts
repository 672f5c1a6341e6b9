import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../liff-app/preloadPlugin.ts';
import { notFound, routes } from '../../liff-app/src/routes.ts';
import { buildLiffApp, DIST } from './support.ts';

const LIFF_APP = path.resolve(import.meta.dirname, '../../liff-app');

describe('the boot script written into index.html (Slow 3G)', () => {
  beforeAll(async () => buildLiffApp(), 120_000);

  it('reads every route of the route table, in order, with the file it loads', () => {
    const read = routeTable(readFileSync(path.join(LIFF_APP, 'src/routes.ts'), 'utf8'));
    expect(read.map((r) => r.pattern)).toEqual(routes.map((r) => r.pattern).filter((p) => p !== notFound.pattern));
    for (const r of read) expect(r.file, r.pattern).toMatch(/^\.\/.+\.tsx?$/);
  });

  it('starts the organisation and the first page’s chunks before the stylesheet, and never the LIFF SDK', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const boot = html.indexOf('window.__liffOrg');
    expect(boot).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(boot).toBeLessThan(html.indexOf('rel="stylesheet"'));
    const table = JSON.parse(/var R=(\[.*?\]\]\]),files=/s.exec(html)![1]!) as Array<[string, string[]]>;
    const form = table.find(([p]) => p === 'complaints/new/general')![1];
    expect(form.some((f) => /\/liff\/assets\/complaintForm-[\w-]+\.js$/.test(f))).toBe(true);
    expect(table.flatMap(([, files]) => files).some((f) => /\/assets\/liff-/.test(f))).toBe(false);
  });
});
