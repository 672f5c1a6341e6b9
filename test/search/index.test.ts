import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../functions/src/search/corpus.ts';
import { SearchIndex, type SearchDoc } from '../../functions/src/search/index.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';
import { demoCorpora } from '../chat/fixtures.ts';

const doc = (id: string, name: string, body = ''): SearchDoc => ({ id, type: 'project', title: name, names: [name], fields: { name, method: body } });

describe('search index', () => {
  const index = new SearchIndex([
    doc('a', 'โครงการโรงเรียนคุณธรรม', 'ปลูกฝังนักเรียนให้ซื่อสัตย์สุจริต'),
    doc('b', 'โครงการจัดทำแผนการตรวจสอบภายในประจำปี', 'หน่วยตรวจสอบภายในจัดทำแผน'),
    doc('c', 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ', 'ให้บริการตามลำดับก่อนหลัง'),
    doc('d', 'โครงการกฎหมายน่ารู้สู่ชุมชน', 'อบรมกฎหมายแก่ประชาชน'),
    doc('e', 'การแจ้งย้ายเข้า', 'ย้ายชื่อเข้าทะเบียนบ้านใหม่'),
    doc('f', 'การแจ้งย้ายออก', 'ย้ายชื่อออกจากทะเบียนบ้าน'),
  ]);

  it('reads a word the segmenter glued to its neighbour ("ออกไป") by its known parts', () => {
    expect(index.search('ย้ายชื่อออกไปอยู่ต่างจังหวัด')[0]?.doc.id).toBe('f');
  });

  it('ranks the document whose name matches first', () => {
    expect(index.search('แผนตรวจสอบภายในประจำปีใครรับผิดชอบ')[0]?.doc.id).toBe('b');
  });

  it('finds a document from words of its body when the name is not used', () => {
    expect(index.search('สอนเด็กนักเรียนให้ซื่อสัตย์')[0]?.doc.id).toBe('a');
  });

  it('tolerates a misspelling', () => {
    expect(index.search('กดหมายน่ารู้')[0]?.doc.id).toBe('d');
  });

  it('tolerates missing and extra spaces', () => {
    expect(index.search('บัตร คิว ติดต่อ ราชการ')[0]?.doc.id).toBe('c');
    expect(index.search('โรงเรียนคุณธรรม')[0]?.doc.id).toBe('a');
  });

  it('accepts a one-word query', () => {
    expect(index.search('คิว')[0]?.doc.id).toBe('c');
  });

  it('returns nothing for words it has never seen', () => {
    expect(index.search('ฟุตบอลโลก')).toEqual([]);
  });
});

describe('knowledge base', () => {
  it('builds a per-organisation index from the parsed demo plans', async () => {
    const kb = new KnowledgeBase(new StaticCorpusProvider(demoCorpora()));
    const k = await kb.get('intapramul');
    expect(k?.projects.size).toBeGreaterThan(50);
    expect(await kb.get('nowhere')).toBeNull();
  });

  it('rebuilds when the organisation version changes, after the check interval, without a restart', async () => {
    const [first] = demoCorpora();
    if (!first) throw new Error('no demo corpus');
    let now = 0;
    const provider = new StaticCorpusProvider([first]);
    const kb = new KnowledgeBase(provider, { checkIntervalMs: 2000, now: () => now });
    const before = await kb.get(first.org.id);
    const changed: Corpus = { ...first, version: 'v2', manuals: [] };
    provider.set(changed);
    now = 1000;
    expect(await kb.get(first.org.id)).toBe(before);
    now = 2500;
    const after = await kb.get(first.org.id);
    expect(after).not.toBe(before);
    expect(after?.corpus.version).toBe('v2');
  });

  it('checks the version only once per interval', async () => {
    const [first] = demoCorpora();
    if (!first) throw new Error('no demo corpus');
    let calls = 0;
    const provider = new StaticCorpusProvider([first]);
    const counting = { version: async (id: string) => (calls++, provider.version(id)), load: (id: string) => provider.load(id) };
    let now = 0;
    const kb = new KnowledgeBase(counting, { checkIntervalMs: 2000, now: () => now });
    await Promise.all([kb.get(first.org.id), kb.get(first.org.id), kb.get(first.org.id)]);
    now = 100;
    await kb.get(first.org.id);
    expect(calls).toBe(1);
  });
});
