import { describe, expect, it } from 'vitest';
import { DeletionTable, sortByHash, Vocabulary } from '../../functions/src/search/compact.ts';
import type { Corpus } from '../../functions/src/search/corpus.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';
import { demoCorpora } from '../chat/fixtures.ts';

/** Copies of a demo corpus under new organisation ids (the many-tenant case). */
function tenants(base: Corpus, n: number): Corpus[] {
  return Array.from({ length: n }, (_, i) => ({ ...base, org: { ...base.org, id: `t${i}` } }));
}

describe('knowledge cache', () => {
  it('evicts the least recently used organisation once the byte budget is exceeded, and counts it', async () => {
    const base = (await demoCorpora())[0] as Corpus;
    const events: string[] = [];
    const probe = new KnowledgeBase(new StaticCorpusProvider(tenants(base, 1)));
    const one = (await probe.get('t0'))?.bytes ?? 0;
    expect(one).toBeGreaterThan(0);
    const kb = new KnowledgeBase(new StaticCorpusProvider(tenants(base, 3)), { budgetBytes: one * 2.5, log: (e, f) => events.push(`${e}:${f.orgId}`) });
    await kb.get('t0');
    await kb.get('t1');
    await kb.get('t0'); // t0 is now more recent than t1
    await kb.get('t2'); // over budget: t1 goes
    expect(events).toEqual(['knowledge.build:t0', 'knowledge.build:t1', 'knowledge.evict:t1', 'knowledge.build:t2']);
    expect(kb.stats()).toMatchObject({ hits: 1, misses: 3, builds: 3, evictions: 1, entries: 2 });
    expect(kb.stats().bytes).toBeLessThanOrEqual(one * 2.5);
    await kb.get('t1');
    expect(kb.stats()).toMatchObject({ misses: 4, builds: 4, evictions: 2 });
  });

  it('builds a missing organisation once for many concurrent requests', async () => {
    const base = (await demoCorpora())[0] as Corpus;
    const kb = new KnowledgeBase(new StaticCorpusProvider(tenants(base, 1)));
    const all = await Promise.all(Array.from({ length: 20 }, () => kb.get('t0')));
    expect(new Set(all).size).toBe(1);
    expect(kb.stats().builds).toBe(1);
  });
});

describe('one-deletion table', () => {
  it('finds each term from itself and from the term less one letter, and nothing else', () => {
    const terms = ['ประมาณ', 'ประมง', 'abc'];
    const table = new DeletionTable((id) => terms[id] as string, [0, 1, 2]);
    const found = (key: string) => {
      const out: string[] = [];
      table.lookup(key, (id) => terms[id] as string, (id) => out.push(terms[id] as string));
      return out;
    };
    expect(found('ปะมาณ')).toEqual(['ประมาณ']);
    expect(found('ประมาณ')).toEqual(['ประมาณ']);
    expect(found('ab')).toEqual(['abc']);
    expect(found('ba')).toEqual([]);
    expect(found('ประม')).toEqual(['ประมง']);
    expect(found('ปม')).toEqual([]);
  });

  it('keeps only the first entries of a crowded key, as the map it replaces did', () => {
    const terms = Array.from({ length: 20 }, (_, i) => `ab${String.fromCharCode(0x63 + i)}`);
    const table = new DeletionTable((id) => terms[id] as string, terms.map((_, i) => i), 16);
    const out: number[] = [];
    table.lookup('ab', (id) => terms[id] as string, (id) => out.push(id));
    expect(out).toEqual(terms.slice(0, 16).map((_, i) => i));
  });

  it('orders entries by hash, equal hashes in insertion order, as a comparison sort does', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // Few distinct values (many ties) and values spread over all 32 bits, high bits included.
    const hashes = Uint32Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? next() % 7 : next()) >>> 0);
    const expected = Array.from(hashes.keys()).sort((a, b) => (hashes[a] as number) - (hashes[b] as number) || a - b);
    expect(Array.from(sortByHash(hashes))).toEqual(expected);
    expect(Array.from(sortByHash(new Uint32Array(0)))).toEqual([]);
  });
});

describe('vocabulary', () => {
  it('gives each term its id back and knows no other word, prefixes and longer words included', () => {
    const terms = Array.from({ length: 500 }, (_, i) => `งบ${i}`);
    const v = new Vocabulary(terms);
    expect(terms.every((t, i) => v.id(t) === i && v.term(i) === t)).toBe(true);
    expect(v.id('งบ')).toBe(-1);
    expect(v.id('งบ5000')).toBe(-1);
    expect(v.id('')).toBe(-1);
  });
});
