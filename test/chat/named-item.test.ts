import { describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import { loadStandardManuals } from '../../functions/src/chat/demoCorpus.ts';
import type { Project } from '../../functions/src/plans/schema.ts';
import type { Corpus } from '../../functions/src/search/corpus.ts';
import { corporaFromPlanFiles } from '../../functions/src/search/fileCorpus.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';
import { PLANS_DIR } from './fixtures.ts';

/**
 * A plan nobody developed against: items whose names carry the words of the bot's own features (complaints, tip-offs,
 * queue tickets). Invented here, added to a demo organisation's plan with the standard manuals.
 */
const INVENTED: Array<{ id: string; name: string; budget: number }> = [
  { id: 'x-line', name: 'มาตรการรับแจ้งเรื่องร้องทุกข์ร้องเรียนทางแอปพลิเคชัน LINE ของเทศบาล', budget: 0 },
  { id: 'x-tip', name: 'กิจกรรมเปิดช่องทางแจ้งเบาะแสการทุจริตโดยไม่เปิดเผยตัวตนผู้แจ้ง', budget: 15000 },
  { id: 'x-queue', name: 'กิจกรรมพัฒนาระบบบัตรคิวอัตโนมัติงานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง', budget: 42000 },
  { id: 'x-line2', name: 'มาตรการรับเรื่องร้องเรียนร้องทุกข์ผ่าน LINE Official Account ของ อบต.', budget: 0 },
  { id: 'x-tip2', name: 'กิจกรรมจัดทำช่องทางแจ้งเบาะแสการทุจริตแบบไม่ระบุตัวตน', budget: 0 },
  { id: 'x-queue2', name: 'กิจกรรมจัดระบบบัตรคิวบริการจัดเก็บภาษีที่ดิน', budget: 30000 },
  { id: 'x-box', name: 'โครงการติดตั้งตู้รับความคิดเห็นและข้อร้องเรียนประจำหมู่บ้าน', budget: 27500 },
];

async function kbWithInvented(): Promise<KnowledgeBase> {
  const manuals = await loadStandardManuals();
  const corpora = corporaFromPlanFiles(PLANS_DIR, manuals ?? undefined);
  const base = corpora.find((c) => c.org.id === 'maesot') as Corpus;
  const doc = base.document;
  if (!doc) throw new Error('maesot has a plan');
  const template = doc.projects[0] as Project;
  const year = String(doc.fiscalYears[0]);
  const added: Project[] = INVENTED.map((x, i) => ({
    ...template,
    id: x.id,
    name: x.name,
    number: String(900 + i),
    seq: 900 + i,
    budgets: { [year]: x.budget },
    detail: null,
    yearPlan: null,
    activity: null,
  }) as Project);
  const corpus: Corpus = { ...base, org: { ...base.org, id: 'invented' }, version: 'invented-1', document: { ...doc, projects: [...doc.projects, ...added] } };
  return new KnowledgeBase(new StaticCorpusProvider([corpus]));
}

const now = new Date('2026-12-02T05:00:00Z');
const kb = await kbWithInvented();
const ask = (text: string) => answer(kb, 'invented', text, null, { now });

describe('a question about one of the plan\'s own items whose name carries feature words', () => {
  it.each([
    ['มีมาตรการรับแจ้งเรื่องร้องทุกข์ทางแอปพลิเคชันไหม', 'x-line'],
    ['มาตรการรับแจ้งร้องเรียนทาง LINE คืออะไร', 'x-line'],
    ['ช่องทางแจ้งเบาะแสทุจริตแบบไม่เปิดเผยตัวตนคืออะไร', 'x-tip'],
    ['แจ้งเบาะแสโดยไม่เปิดเผยตัวตน ใครรับผิดชอบ', 'x-tip'],
    ['ระบบบัตรคิวอัตโนมัติภาษีที่ดินงบเท่าไร', 'x-queue'],
    ['ตู้รับความคิดเห็นและข้อร้องเรียนประจำหมู่บ้านคืออะไร', 'x-box'],
    ['ช่องทางแจ้งเบาะแสแบบไม่ระบุตัวตนของ อบต. คืออะไร', 'x-tip2'],
    ['มีมาตรการรับเรื่องร้องเรียนผ่านไลน์ไหม', 'x-line2'],
    ['ร้องเรียนร้องทุกข์ผ่าน LINE Official Account ใครดูแล', 'x-line2'],
    ['บัตรคิวบริการจัดเก็บภาษีที่ดินงบเท่าไร', 'x-queue2'],
    ['มีช่องทางร้องเรียนทางแอปพลิเคชันไลน์ไหม', 'x-line'],
    ['จัดระบบบัตรคิวจัดเก็บภาษีคืออะไร', 'x-queue2'],
  ])('answers "%s" with the item', async (q, id) => {
    const out = await ask(q);
    expect(out.intent.startsWith('project'), `${q} → ${out.intent}`).toBe(true);
    expect(out.results[0]?.id).toBe(id);
  });
});

describe('a plain request with the same words stays the request', () => {
  it.each([
    ['ขอร้องเรียนไฟดับ', 'complaint'],
    ['อยากร้องเรียนเรื่องไฟฟ้าดับหน้าบ้าน', 'complaint'],
    ['จะแจ้งเบาะแส', 'corruption'],
    ['อยากแจ้งเบาะแสทุจริตแบบไม่เปิดเผยตัวตน', 'corruption'],
    ['แจ้งเบาะแสแบบไม่ระบุตัวตนได้ไหม', 'corruption'],
    ['รับบัตรคิว', 'queue'],
    ['ขอรับบัตรคิวภาษีที่ดิน', 'queue'],
  ])('"%s" → %s', async (q, intent) => {
    const out = await ask(q);
    expect(out.intent).toBe(intent);
  });

  it('a question about the complaint procedure still gets its manual', async () => {
    const out = await ask('จะร้องเรียน ต้องมีหลักฐานอะไรบ้าง');
    expect(out.intent).toBe('manual');
    expect(out.results[0]?.id).toBe('complaint-process');
  });
});
