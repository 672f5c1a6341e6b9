/**
 * npm run lint (after eslint) — no import cycles in functions/src and liff-app/src (docs/architecture.md, "Rules that
 * keep it so"). Every relative import counts, `import type` included: a type-only cycle still means two modules that
 * cannot be understood (or moved) apart. Imports are read with TypeScript's own pre-processor (import, export … from,
 * dynamic import), resolved as the code writes them (relative paths with their extension), and cycles are the strongly
 * connected components of that graph (Tarjan). Exit 1 with each cycle's files when there is one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type Graph = Map<string, string[]>;

/** Every group of modules that import each other, directly or around a loop; each sorted, biggest first. */
export function findCycles(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'lib') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The import graph of the files under `roots` (relative imports only; packages are not part of a cycle of ours). */
export function importGraph(repoRoot: string, roots: string[]): Graph {
  const graph: Graph = new Map();
  for (const file of roots.flatMap((r) => sourceFiles(path.join(repoRoot, r)))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.resolve(path.dirname(file), spec))
      .filter((target) => existsSync(target))
      .map((target) => path.relative(repoRoot, target));
    graph.set(path.relative(repoRoot, file), [...new Set(targets)]);
  }
  return graph;
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const cycles = findCycles(importGraph(root, ['functions/src', 'liff-app/src']));
  if (cycles.length === 0) {
    console.log('check-cycles: no import cycles');
  } else {
    for (const c of cycles) console.error(`import cycle (${c.length} files): ${c.join(' ↔ ')}`);
    console.error(`check-cycles: ${cycles.length} import cycle(s); break each (move the shared part down into its own module).`);
    process.exit(1);
  }
}
