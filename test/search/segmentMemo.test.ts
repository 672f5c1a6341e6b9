import { afterAll, describe, expect, it } from 'vitest';
import { demoProvider } from '../../functions/src/chat/demoCorpus.ts';
import type { Corpus } from '../../functions/src/search/corpus.ts';
import { corpusSearchDocs } from '../../functions/src/search/corpus.ts';
import { encodeIndex } from '../../functions/src/search/indexCodec.ts';
import { buildKnowledge } from '../../functions/src/search/knowledgeBase.ts';
import { normalizeText } from '../../functions/src/search/normalize.ts';
import { SegmentMemo, segmentKeys, segmentKeysMany, segmentMemo } from '../../functions/src/search/tokenize.ts';

const ORGS = ['maesot', 'maesaimitraphap', 'intapramul', 'tharae'];

async function demo(): Promise<Corpus[]> {
  const provider = await demoProvider();
  return Promise.all(ORGS.map(async (id) => (await provider.load(id)) as Corpus));
}

const fieldTexts = (corpus: Corpus) => corpusSearchDocs(corpus).flatMap((d) => Object.values(d.fields).filter(Boolean).map(normalizeText));

describe('segmentation memo (process-wide, across organisations)', () => {
  const budget = segmentMemo.budgetBytes;
  afterAll(() => segmentMemo.reset(budget));

  it("gives every text of an organisation the keys of its own segmentation when the memo holds the others' chunks", async () => {
    const corpora = await demo();
    for (let k = 0; k < corpora.length; k++) {
      const memo = new SegmentMemo(64 * 1024 * 1024);
      corpora.forEach((c, j) => j !== k && segmentKeysMany(fieldTexts(c), memo));
      const hitsBefore = memo.hits;
      const texts = fieldTexts(corpora[k] as Corpus);
      expect(segmentKeysMany(texts, memo)).toEqual(texts.map((t) => segmentKeys(t)));
      expect(memo.hits).toBeGreaterThan(hitsBefore); // the template's and manuals' phrases were found
    }
  });

  it('builds the same index bytes with the memo empty, off, holding the other organisations, or too small to hold one', async () => {
    const corpora = await demo();
    const encoded = (c: Corpus) => Buffer.from(encodeIndex(buildKnowledge(c).index.parts()));
    for (let k = 0; k < corpora.length; k++) {
      const corpus = corpora[k] as Corpus;
      segmentMemo.reset(0);
      const alone = encoded(corpus);
      segmentMemo.reset(8 * 1024 * 1024);
      expect(encoded(corpus).equals(alone)).toBe(true);
      corpora.forEach((c, j) => j !== k && buildKnowledge(c));
      expect(encoded(corpus).equals(alone)).toBe(true);
      segmentMemo.reset(16 * 1024);
      corpora.forEach((c, j) => j !== k && buildKnowledge(c));
      expect(encoded(corpus).equals(alone)).toBe(true);
    }
  });

  it('stays within its byte budget, and keeps nothing with none', async () => {
    const corpora = await demo();
    const memo = new SegmentMemo(64 * 1024);
    for (const c of corpora) {
      segmentKeysMany(fieldTexts(c), memo);
      expect(memo.bytes).toBeLessThanOrEqual(64 * 1024 + 4096);
    }
    expect(memo.bytes).toBeGreaterThan(0);
    const none = new SegmentMemo(0);
    segmentKeysMany(fieldTexts(corpora[0] as Corpus), none);
    segmentKeysMany(fieldTexts(corpora[0] as Corpus), none);
    expect(none.bytes).toBe(0);
    expect(none.hits).toBe(0);
  });
});
