import path from 'node:path';
import type { Corpus, CorpusManual } from '../../functions/src/search/corpus.ts';
import { corporaFromPlanFiles } from '../../functions/src/search/fileCorpus.ts';
import { KnowledgeBase, StaticCorpusProvider } from '../../functions/src/search/knowledgeBase.ts';

/** A few manuals written for the tests (the manuals module has the real standard set). */
export const TEST_MANUALS: CorpusManual[] = [
  {
    id: 'birth-registration',
    title: 'การแจ้งเกิด',
    aliases: ['แจ้งเกิด', 'สูติบัตร', 'ใบเกิด', 'เด็กเกิดใหม่'],
    summary: 'การแจ้งเกิดของเด็กที่เกิดในเขตเทศบาล ภายใน 15 วันนับแต่วันเกิด',
    unit: 'งานทะเบียนราษฎร สำนักปลัด',
    where: 'สำนักทะเบียนท้องถิ่น ชั้น 1',
    hours: 'วันจันทร์ - วันศุกร์ 08.30 - 16.30 น.',
    totalTime: '15 นาที',
    steps: [
      { text: 'ยื่นหนังสือรับรองการเกิดและตรวจเอกสาร', duration: '5 นาที' },
      { text: 'นายทะเบียนออกสูติบัตร', duration: '10 นาที' },
    ],
    documents: ['หนังสือรับรองการเกิด (ท.ร.1/1) จากโรงพยาบาล', 'บัตรประจำตัวประชาชนของผู้แจ้ง', 'ทะเบียนบ้านฉบับเจ้าบ้าน'],
    fees: ['ไม่มีค่าธรรมเนียม (แจ้งเกินกำหนดมีค่าปรับ)'],
    details: 'บิดา มารดา หรือเจ้าบ้านเป็นผู้แจ้ง',
  },
  {
    id: 'death-registration',
    title: 'การแจ้งตาย',
    aliases: ['แจ้งตาย', 'มรณบัตร', 'ใบมรณบัตร', 'คนในบ้านเสียชีวิต'],
    summary: 'เมื่อมีคนตายในบ้าน เจ้าบ้านแจ้งการตายภายใน 24 ชั่วโมง เพื่อรับมรณบัตร',
    unit: 'งานทะเบียนราษฎร สำนักปลัด',
    where: 'สำนักทะเบียนท้องถิ่น',
    hours: 'ทุกวันในเวลาราชการ',
    totalTime: '15 นาที',
    steps: [{ text: 'ยื่นหนังสือรับรองการตาย', duration: '5 นาที' }, { text: 'ออกมรณบัตร', duration: '10 นาที' }],
    documents: ['บัตรประจำตัวประชาชนของผู้แจ้งและผู้ตาย', 'ทะเบียนบ้าน', 'หนังสือรับรองการตาย (ถ้ามี)'],
    fees: ['ไม่มีค่าธรรมเนียม'],
    details: 'แจ้งภายใน 24 ชั่วโมงนับแต่เวลาตาย',
  },
  {
    id: 'signboard-tax',
    title: 'การชำระภาษีป้าย',
    aliases: ['ภาษีป้าย', 'ป้ายร้าน', 'ป้ายโฆษณา'],
    summary: 'เจ้าของป้ายแสดงชื่อ ยี่ห้อ หรือโฆษณา ยื่นแบบ ภ.ป.1 ภายในเดือนมีนาคมของทุกปี',
    unit: 'กองคลัง',
    where: 'งานจัดเก็บรายได้ กองคลัง',
    hours: 'วันจันทร์ - วันศุกร์ 08.30 - 16.30 น.',
    totalTime: '30 นาที',
    steps: [{ text: 'ยื่นแบบแสดงรายการภาษีป้าย (ภ.ป.1)', duration: '10 นาที' }, { text: 'ประเมินและชำระภาษี', duration: '20 นาที' }],
    documents: ['แบบ ภ.ป.1', 'บัตรประจำตัวประชาชน', 'ภาพถ่ายป้าย'],
    fees: ['ตามอัตราภาษีป้าย ขั้นต่ำ 200 บาท'],
    details: 'ชำระภายใน 15 วันนับแต่ได้รับแจ้งการประเมิน',
  },
  {
    id: 'building-permit',
    title: 'การขออนุญาตก่อสร้างอาคาร',
    aliases: ['ขออนุญาตก่อสร้าง', 'ใบอนุญาตก่อสร้าง', 'สร้างบ้าน', 'ต่อเติมบ้าน'],
    summary: 'ผู้ประสงค์จะก่อสร้างอาคารต้องได้รับใบอนุญาตก่อนลงมือก่อสร้าง',
    unit: 'กองช่าง',
    where: 'กองช่าง ชั้น 2',
    hours: 'วันจันทร์ - วันศุกร์ 08.30 - 16.30 น.',
    totalTime: 'ไม่เกิน 45 วัน',
    steps: [{ text: 'ยื่นคำขอ (ข.1) พร้อมแบบแปลน', duration: '1 วัน' }, { text: 'ตรวจพิจารณาแบบและสถานที่', duration: '30 วัน' }, { text: 'ออกใบอนุญาต (อ.1)', duration: '14 วัน' }],
    documents: ['แบบคำขอ ข.1', 'แบบแปลน 5 ชุด', 'สำเนาโฉนดที่ดิน'],
    fees: ['ค่าธรรมเนียมใบอนุญาต 20 บาท และค่าตรวจแบบตามพื้นที่'],
    details: 'อาคารพักอาศัย อาคารพาณิชย์',
  },
];

export const PLANS_DIR = path.resolve(import.meta.dirname, '../../data/plans');

let cached: Corpus[] | null = null;
export function demoCorpora(): Corpus[] {
  cached ??= corporaFromPlanFiles(PLANS_DIR, () => TEST_MANUALS);
  return cached;
}

export function demoKb(options: { liffId?: string } = {}): KnowledgeBase {
  const corpora = demoCorpora().map((c) => ({ ...c, org: { ...c.org, line: options.liffId ? { liffId: options.liffId } : {} } }));
  return new KnowledgeBase(new StaticCorpusProvider(corpora));
}
