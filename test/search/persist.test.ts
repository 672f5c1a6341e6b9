import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../functions/src/cli/import.ts';
import { answer, answerWith } from '../../functions/src/chat/answer.ts';
import type { Corpus } from '../../functions/src/search/corpus.ts';
import { corpusSearchDocs } from '../../functions/src/search/corpus.ts';
import { FirestoreCorpusProvider } from '../../functions/src/search/firestoreCorpus.ts';
import { FIELD_SPECS } from '../../functions/src/search/index.ts';
import { encodeIndex, indexKey } from '../../functions/src/search/indexCodec.ts';
import { firestoreIndexStore, readSearchIndex, writeSearchIndex } from '../../functions/src/search/indexStore.ts';
import { buildKnowledge, KnowledgeBase, StaticCorpusProvider, type Knowledge } from '../../functions/src/search/knowledgeBase.ts';
import { withEnv } from '../support/env.ts';
import { startTestFirestore } from '../support/firestore.ts';
import { demoCorpora } from '../chat/fixtures.ts';

const NOW = new Date('2026-12-02T12:00:00+07:00');

/**
 * Questions from the organisation's own documents, so every index term class is exercised: each title as asked,
 * with a letter dropped (typo expansion), its second half only (name trigrams), and words of its summary — plus
 * residents' questions of every intent.
 */
function questions(corpus: Corpus): string[] {
  const out = [
    'มาตรการ NO Gift Policy คืออะไร',
    'มิติที่ 2 มีโครงการอะไรบ้าง',
    'งบประมาณรวมทั้งแผนเท่าไร',
    'กองคลังรับผิดชอบอะไรบ้าง',
    'แจ้งเกิดต้องใช้เอกสารอะไรบ้าง',
    'อบต.มี e-service ให้ยื่นเรื่องออนไลน์มั้ยครับ',
    'ข้างบ้านเสียงดัง กลิ่นเหม็น ทำยังไง',
    'ฟุตบอลโลก',
  ];
  for (const d of corpusSearchDocs(corpus)) {
    out.push(d.title, `${d.title.slice(0, 4)}${d.title.slice(5)} งบเท่าไร`, d.title.slice(Math.floor(d.title.length / 2)));
    if (d.fields.summary) out.push(d.fields.summary.slice(0, 40));
  }
  return out;
}

/** Everything a search says about a query, scores to the last bit. */
const searched = (k: Knowledge, q: string) => k.index.search(q, { limit: 20 }).map((h) => [h.doc.id, h.score, h.nameSimilarity, h.coverage]);

describe('a stored answer index', () => {
  it('loaded from its bytes, searches and answers exactly as the index it was built as', () => {
    for (const corpus of demoCorpora()) {
      const built = buildKnowledge(corpus, 0, { stored: null });
      expect(built.from).toBe('build');
      const stored = { key: built.indexKey as string, blob: encodeIndex(built.index.parts()) };
      const loaded = buildKnowledge(corpus, 0, { stored });
      expect(loaded.from).toBe('store');
      expect(loaded.index.footprint()).toEqual(built.index.footprint());
      const qs = questions(corpus);
      expect(qs.length).toBeGreaterThan(100);
      for (const q of qs) {
        expect(searched(loaded, q), q).toEqual(searched(built, q));
        expect(JSON.stringify(answerWith(loaded, q, null, { now: NOW })), q).toBe(JSON.stringify(answerWith(built, q, null, { now: NOW })));
      }
    }
  });

  it('is not used for other documents: a changed plan or manual gets another key and is built', () => {
    const corpus = demoCorpora()[0] as Corpus;
    const built = buildKnowledge(corpus, 0, { stored: null });
    const edited: Corpus = { ...corpus, manuals: corpus.manuals.map((m, i) => (i === 0 ? { ...m, summary: `${m.summary} (แก้ไข)` } : m)) };
    expect(indexKey(corpusSearchDocs(edited), FIELD_SPECS)).not.toBe(built.indexKey);
    const again = buildKnowledge(edited, 0, { stored: { key: built.indexKey as string, blob: encodeIndex(built.index.parts()) } });
    expect(again.from).toBe('build');
  });

  it('damaged bytes under the right key are rebuilt, not served', () => {
    const corpus = demoCorpora()[1] as Corpus;
    const built = buildKnowledge(corpus, 0, { stored: null });
    const blob = encodeIndex(built.index.parts());
    blob[blob.length - 7] = (blob[blob.length - 7] as number) ^ 0xff;
    expect(buildKnowledge(corpus, 0, { stored: { key: built.indexKey as string, blob } }).from).toBe('build');
  });
});

describe('answer indices in Firestore', () => {
  let env: Awaited<ReturnType<typeof startTestFirestore>>;
  beforeAll(async () => {
    env = await startTestFirestore();
  });
  afterAll(async () => {
    await env.stop();
  });

  it('a cold instance loads the index the first one built and stored, and answers the same', async () => {
    const corpus = demoCorpora()[2] as Corpus;
    const events: string[] = [];
    const first = new KnowledgeBase(new StaticCorpusProvider([corpus]), { persisted: firestoreIndexStore(env.db), log: (e) => events.push(e) });
    const q = 'โครงการเศรษฐกิจพอเพียงมีวัตถุประสงค์อะไร';
    const a1 = await answer(first, corpus.org.id, q, null, { now: NOW });
    await first.flush();
    expect(first.stats()).toMatchObject({ builds: 1, loads: 0, stored: 1 });

    const cold = new KnowledgeBase(new StaticCorpusProvider([corpus]), { persisted: firestoreIndexStore(env.db), log: (e) => events.push(e) });
    const a2 = await answer(cold, corpus.org.id, q, null, { now: NOW });
    await cold.flush();
    expect(cold.stats()).toMatchObject({ builds: 0, loads: 1, stored: 0 });
    expect(JSON.stringify(a2)).toBe(JSON.stringify(a1));
    expect(events).toEqual(['knowledge.build', 'knowledge.load']);
  });

  it('after the organisation’s documents change, an instance builds again and stores the new index', async () => {
    const corpus = demoCorpora()[3] as Corpus;
    const provider = new StaticCorpusProvider([corpus]);
    const first = new KnowledgeBase(provider, { persisted: firestoreIndexStore(env.db) });
    await first.get(corpus.org.id);
    await first.flush();
    const manual = corpus.manuals[0];
    if (!manual) throw new Error('the fixture has manuals');
    provider.set({ ...corpus, version: `${corpus.version}+1`, manuals: [{ ...manual, aliases: [...manual.aliases, 'สูจิบัตร'] }, ...corpus.manuals.slice(1)] });
    const cold = new KnowledgeBase(provider, { persisted: firestoreIndexStore(env.db) });
    const k = await cold.get(corpus.org.id);
    await cold.flush();
    expect(cold.stats()).toMatchObject({ builds: 1, loads: 0, stored: 1 });
    expect(k?.index.df('สูจิบัตร')).toBeGreaterThan(0);
    const third = new KnowledgeBase(provider, { persisted: firestoreIndexStore(env.db) });
    expect((await third.get(corpus.org.id))?.from).toBe('store');
  });

  it('splits an index over several documents under the size limit, and reads it back whole', async () => {
    const corpus = demoCorpora()[0] as Corpus;
    const built = buildKnowledge(corpus, 0, { stored: null });
    const stored = { key: built.indexKey as string, blob: encodeIndex(built.index.parts()) };
    await writeSearchIndex(env.db, 'chunked', stored, NOW, 64 * 1024);
    const head = await env.db.doc('orgs/chunked/searchIndex/current').get();
    expect(head.get('chunks')).toBeGreaterThan(2);
    const back = await readSearchIndex(env.db, 'chunked');
    expect(back?.key).toBe(stored.key);
    expect(Buffer.compare(Buffer.from(back?.blob ?? []), Buffer.from(stored.blob))).toBe(0);

    // Stored again in fewer chunks: the ones it no longer needs are gone.
    await writeSearchIndex(env.db, 'chunked', stored, NOW);
    const chunks = await env.db.collection('orgs/chunked/searchIndex/current/chunks').get();
    expect(chunks.size).toBe(1);
    expect((await readSearchIndex(env.db, 'chunked'))?.blob.length).toBe(stored.blob.length);
  });

  it('a chunk of another version makes the stored index absent (built again), never a mixture', async () => {
    const corpus = demoCorpora()[1] as Corpus;
    const built = buildKnowledge(corpus, 0, { stored: null });
    const stored = { key: built.indexKey as string, blob: encodeIndex(built.index.parts()) };
    await writeSearchIndex(env.db, 'mixed', stored, NOW, 64 * 1024);
    await env.db.doc('orgs/mixed/searchIndex/current/chunks/1').update({ key: 'another-version' });
    expect(await readSearchIndex(env.db, 'mixed')).toBeNull();
  });
});

describe('importing a plan with --publish', () => {
  let env: Awaited<ReturnType<typeof startTestFirestore>>;
  beforeAll(async () => {
    env = await startTestFirestore();
  });
  afterAll(async () => {
    await env.stop();
  });

  it('stores its answer index, so the first question on a cold instance loads it instead of building', async () => {
    const lines: string[] = [];
    const target = { FIRESTORE_EMULATOR_HOST: env.emulator.host, GCLOUD_PROJECT: env.projectId };
    expect(await withEnv(target, () => runImport(['--org', 'maesaimitraphap', '--file', 'data/plans/maesaimitraphap-plan-2565.txt', '--publish'], (l) => lines.push(l)))).toBe(0);
    expect(lines.some((l) => /^answer index built \(\d+ documents, \d+ ms\) and stored$/.test(l))).toBe(true);

    const cold = new KnowledgeBase(new FirestoreCorpusProvider(env.db), { persisted: firestoreIndexStore(env.db) });
    const reply = await answer(cold, 'maesaimitraphap', 'มิติที่ 1 มีกี่โครงการ', null, { now: NOW });
    expect(cold.stats()).toMatchObject({ loads: 1, builds: 0 });
    const built = new KnowledgeBase(new FirestoreCorpusProvider(env.db));
    expect(JSON.stringify(reply)).toBe(JSON.stringify(await answer(built, 'maesaimitraphap', 'มิติที่ 1 มีกี่โครงการ', null, { now: NOW })));
    expect(built.stats()).toMatchObject({ loads: 0, builds: 1 });
  });
});
