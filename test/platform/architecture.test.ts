import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../scripts/check-cycles.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the import-cycle check', () => {
  it('finds loops of any length, type-only imports included, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(findCycles(new Map([['x', ['y']], ['y', []]]))).toEqual([]);
  });

  it('reads the real import graph, relative imports only', () => {
    const graph = importGraph(root, ['functions/src/time']);
    expect(graph.get('functions/src/time/fiscalYear.ts')).toEqual(['functions/src/time/bangkok.ts']);
    expect(graph.get('functions/src/time/bangkok.ts')).toEqual([]);
  });
});

describe('the architecture lint rules', () => {
  const eslint = new ESLint({ cwd: root });
  const problems = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: path.join(root, file) }))[0]?.messages.map((m) => m.ruleId) ?? [];

  it('let only stores import Firestore or call its client', async () => {
    const importing = "import type { Firestore } from 'firebase-admin/firestore';\nexport const f = (db: Firestore) => db;\n";
    const calling = "import type { Firestore } from '../store/firestore.ts';\nexport const f = (db: Firestore) => db.collection('orgs').get();\n";
    expect(await problems('functions/src/orgs/service.ts', importing)).toContain('no-restricted-imports');
    expect(await problems('functions/src/orgs/service.ts', calling)).toContain('no-restricted-syntax');
    expect(await problems('functions/src/orgs/store.ts', importing)).toEqual([]);
    expect(await problems('functions/src/staff/groupsStore.ts', calling)).toEqual([]);
    expect(await problems('functions/src/store/firestore.ts', importing)).toEqual([]);
  });

  it('keep contracts pure and the LIFF app on types only', async () => {
    expect(await problems('functions/src/contracts/orgs.ts', "import { z } from 'zod';\nimport { getOrg } from '../orgs/store.ts';\nexport const a = [z, getOrg];\n")).toEqual(['no-restricted-imports']);
    expect(await problems('functions/src/contracts/orgs.ts', "import { z } from 'zod';\nimport { bangkokDate } from '../time/bangkok.ts';\nexport const a = [z, bangkokDate];\n")).toEqual([]);
    expect(await problems('liff-app/src/orgs.ts', "import { orgViewSchema } from '../../functions/src/contracts/orgs.ts';\nexport const a = orgViewSchema;\n")).toEqual(['no-restricted-imports']);
    expect(await problems('liff-app/src/orgs.ts', "import type { OrgView } from '../../functions/src/contracts/orgs.ts';\nexport type A = OrgView;\n")).toEqual([]);
  });
});
