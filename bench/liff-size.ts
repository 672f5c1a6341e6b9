/**
 * Size of the LIFF mini-app: builds it with Vite into a temp dir and reports gzipped bytes per chunk, and the
 * initial JavaScript a citizen downloads before the home page works (entry + its static imports + the LIFF SDK + the
 * home page chunk). Budget: 80 KB gzipped. Local-mode-only code (@line/liff-mock) and the lazy pages are reported apart.
 * Run alone: `node bench/liff-size.ts` (or `npm run size -w liff-app`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIFF_APP = path.resolve(import.meta.dirname, '../liff-app');
export const INITIAL_JS_BUDGET_BYTES = 80 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface LiffSizeReport {
  budgetKB: number;
  initialJsGzipKB: number;
  withinBudget: boolean;
  initialFiles: string[];
  cssGzipKB: number;
  localModeOnlyGzipKB: number;
  staffPagesGzipKB: number;
  pagesGzipKB: Record<string, number>;
  allJsGzipKB: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function benchLiffSize(): Promise<LiffSizeReport> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(path.join(tmpdir(), 'liff-size-'));
  try {
    await build({
      configFile: path.join(LIFF_APP, 'vite.config.ts'),
      root: LIFF_APP,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
    const gz = new Map<string, number>();
    const gzOf = (file: string) => {
      if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length);
      return gz.get(file)!;
    };
    /** A chunk and everything it imports statically (what the browser fetches to run it). */
    const closure = (key: string, seen = new Set<string>()): Set<string> => {
      const chunk = manifest[key];
      if (!chunk || seen.has(chunk.file)) return seen;
      seen.add(chunk.file);
      for (const imp of chunk.imports ?? []) closure(imp, seen);
      return seen;
    };
    const sum = (files: Iterable<string>) => [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gzOf(f), 0);

    const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
    if (!entryKey) throw new Error('no entry chunk in the manifest');
    const liffKey = Object.keys(manifest).find((k) => /@line\/liff\/|@line\/liff$/.test(k) || manifest[k]!.name === 'liff');
    const mockKey = Object.keys(manifest).find((k) => k.includes('@line/liff-mock'));
    const homeKey = Object.keys(manifest).find((k) => k.endsWith('src/pages/home.tsx'));
    if (!liffKey || !homeKey) throw new Error(`cannot find the LIFF SDK or home chunk in ${Object.keys(manifest).join(', ')}`);

    const initial = new Set<string>();
    for (const key of [entryKey, liffKey, homeKey]) closure(key, initial);
    const initialBytes = sum(initial);

    const pages: Record<string, number> = {};
    let staff = 0;
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!chunk.isDynamicEntry || !key.startsWith('src/')) continue;
      const own = [...closure(key)].filter((f) => !initial.has(f));
      const bytes = sum(own);
      pages[key.replace(/^src\//, '')] = kb(bytes);
      if (key.startsWith('src/staff/')) staff += bytes;
    }
    const mockBytes = mockKey ? sum([...closure(mockKey)].filter((f) => !initial.has(f))) : 0;
    const allJs = Object.values(manifest).map((c) => c.file).filter((f, i, a) => f.endsWith('.js') && a.indexOf(f) === i);
    const css = Object.values(manifest).flatMap((c) => c.css ?? []).filter((f, i, a) => a.indexOf(f) === i);
    return {
      budgetKB: kb(INITIAL_JS_BUDGET_BYTES),
      initialJsGzipKB: kb(initialBytes),
      withinBudget: initialBytes <= INITIAL_JS_BUDGET_BYTES,
      initialFiles: [...initial].map((f) => `${f} ${kb(gzOf(f))} KB`),
      cssGzipKB: kb(css.reduce((n, f) => n + gzOf(f), 0)),
      localModeOnlyGzipKB: kb(mockBytes),
      staffPagesGzipKB: kb(staff),
      pagesGzipKB: pages,
      allJsGzipKB: kb(sum(allJs)),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await benchLiffSize();
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.withinBudget ? 0 : 1);
}
