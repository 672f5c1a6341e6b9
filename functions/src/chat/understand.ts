import { matchKey, normalizeText } from '../search/normalize.ts';
import { isStopword } from '../search/stopwords.ts';
import { synonymsOf } from '../search/synonyms.ts';
import { tokenizeParts } from '../search/tokenize.ts';
import { readYears } from '../time/fiscalYear.ts';
import { ASPECT_FILLERS, MANUAL_ASPECTS, manualAspectsOf, SAME_DIMENSION, SAME_MISSION, type ManualAspect } from './aspects.ts';
import { readBudgetRange } from './budgetRange.ts';
import { OUTSIDE } from './outside.ts';
import { inDocumentWords } from './slang.ts';
import type { BudgetRange } from './types.ts';

/**
 * Reads the structure of a question: years, dimension, mission, responsible unit, ordinal, and the cue words that
 * say WHAT is asked (a budget, a count, a list, documents, time...). Pure and general: the cues are ordinary Thai
 * question forms, not phrases of particular questions. What the question is ABOUT is left to search.
 */

export type ProjectAspect = 'budget' | 'who' | 'when' | 'years' | 'why' | 'what' | 'kpi' | 'progress' | 'scope';
export type Action = 'complaint' | 'complaint.track' | 'corruption' | 'queue' | 'queue.status' | 'rating';

export interface Understanding {
  /** normalizeText of the input */
  text: string;
  /** same without spaces, for cue matching */
  compact: string;
  years: number[];
  dimension: number | null;
  mission: string | null;
  unit: string | null;
  /** "อันที่ 2" → 2 */
  ordinal: number | null;
  wants: {
    budget: boolean;
    money: boolean;
    count: boolean;
    list: boolean;
    total: boolean;
    top: boolean;
    progress: boolean;
    done: boolean;
    withBudget: boolean;
    /** "ไม่ใช้งบประมาณ": items without a budget */
    noBudget: boolean;
    planned: boolean;
    /** smallest / least */
    bottom: boolean;
    average: boolean;
    /** money actually spent (report) */
    spent: boolean;
    notDone: boolean;
    percent: boolean;
    /** the budget in the ordinance (ข้อบัญญัติ/เทศบัญญัติ) */
    ordinance: boolean;
    /** over every year of the plan ("ทั้งแผน", "ทุกปี", "5 ปี") */
    allYears: boolean;
    /** each year's figure ("ปีละ", "แต่ละปี", "รายปี") */
    perYear: boolean;
    /** "มิติไหน…": which dimension */
    whichDimension: boolean;
    /** a project status of a report's status table (in progress, cancelled, not possible, initial projects) */
    status: boolean;
    /** the whole plan, every dimension ("ทั้งแผน", "ทุกมิติ", "รวมทั้งหมด"): a follow-up drops the last filters */
    whole: boolean;
  };
  /** The unit was named with its kind word ("ฝ่ายนิติการ"), not only by its bare name ("นิติการ"). */
  unitInFull: boolean;
  /** Starts with a kind word glued to a name ("โครงการโรงเรียนคุณธรรม…"): names one item of the plan. */
  namesItem: boolean;
  /** Names another organisation or place than this one ("เทศบาลเมืองตาก", "อบต.อื่น", "กรุงเทพ"). */
  otherPlace: boolean;
  /** The word after an organisation kind word that is not this organisation's name ("ตาก" of "เทศบาลเมืองตาก"). */
  otherWord: string | null;
  /** Says what happened to the person ("ย้ายมาอยู่ใหม่", "คลอดลูก"): a life situation, answered by a service manual. */
  situation: boolean;
  manualAspects: ManualAspect[];
  projectAspects: ProjectAspect[];
  action: Action | null;
  greeting: boolean;
  thanks: boolean;
  help: boolean;
  /** Says "โครงการ/กิจกรรม/มาตรการ": the question is about the plan. */
  mentionsPlan: boolean;
  /** "แล้ว…ล่ะ": continues the previous question. */
  followUp: boolean;
  /** "มี … ในแผนไหม", "แผนนี้มีโครงการ … ไหม": asks whether the plan has such an item. */
  asksPlanHas: boolean;
  /** Asks what no plan or manual answers: an opinion, a prediction, the weather, prices, another place's hours. */
  outside: boolean;
  /** The text with slots (years, dimension, mission, unit, organisation name) and cue phrases removed. */
  topicText: string;
  /** Content words left in topicText. */
  topicWords: string[];
  /**
   * The topic words that name a subject once the words of an aspect question and politeness are set aside
   * ("ใครเป็นผู้รับผิดชอบคะ", "ทำช่วงไหนของปี", "หน่วยไหนดูแล", "มีโครงการอื่นในมิติเดียวกันอีกไหม" leave none): empty
   * means the question asks an aspect of whatever the conversation is about.
   */
  subjectWords: string[];
  /** "โครงการอื่นในมิติ/ภารกิจเดียวกัน": the other items of the last item's dimension or mission. */
  sameScope: 'dimension' | 'mission' | null;
  /** A budget threshold ("ตั้งแต่ 20,000 บาทขึ้นไป", "เกิน 5 หมื่น", "ไม่ถึง 10,000"): baht, bounds inclusive or not. */
  budgetRange: BudgetRange | null;
  /** Set for a question asked in English (answer.ts `read`): its content words neither the glossary nor the documents know. */
  english?: { unknownWords: number };
}


const DIMENSION = /(?:มิติ|มติ)\s*(?:ที่)?\s*([1-4]|หนึ่ง|สอง|สาม|สี่)(?![\d.])/u;
/** Names of the documents themselves, which frame a question without naming a subject. */
const DOCUMENT_NAMES = /รายงานผล(?:การ(?:ดำเนินงาน|ดำเนินการ|นำแผนไปปฏิบัติ))?(?:\s*รอบ\s*\d+\s*เดือน)?|รอบ\s*\d+\s*เดือน|แผนพัฒนาท้องถิ่น|แผนปฏิบัติการ(?:ป้องกัน(?:และปราบปราม)?การทุจริต)?|แผนป้องกัน(?:และปราบปราม)?การทุจริต|แผนต่อต้านการทุจริต|(?:ตาม)?ตาราง(?:การ)?[ก-๙]{0,12}/gu;
const NUMBER_WORDS: Record<string, number> = { หนึ่ง: 1, สอง: 2, สาม: 3, สี่: 4 };
const MISSION = /(?:(?:ข้อ|ภารกิจ|ภาระกิจ|การกิจ|ภารกิจที่|ข้อที่)\s*)?(?<![\d.])([1-4]\s?\.\s?[1-9])(?![\d.])/u;
const ORDINAL = /^(?:อัน|ข้อ|รายการ|ตัว|เบอร์|ลำดับ|โครงการ|กิจกรรม|เรื่อง)?\s*(?:ที่)?\s*(\d{1,2})$/u;
/** "อันที่ 2 งบเท่าไร", "อันแรก", "แล้วอันที่สองล่ะ": an item of the last list, with or without a question about it. */
const ORDINAL_LEAD = /^(?:แล้ว)?(?:อัน|ข้อ|รายการ|ตัว|ลำดับ|item|no\.?)\s*(?:ที่)?\s*(\d{1,2}|แรก|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|สุดท้าย)(?![\d.])/u;
const ORDINAL_WORDS: Record<string, number> = { แรก: 1, หนึ่ง: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9, สิบ: 10, สุดท้าย: -1 };

const CUES = {
  budget: /งบ(?!้)/u, // not the งบ of "ยังไงบ้าง"
  money: /กี่บาท|เท่าไห?ร่?|ราคา|ค่าใช้จ่าย|เสียเงิน|ค่าธรรมเนียม|เสียค่า|ฟรี|ใช้เงิน/u,
  // ("ทั้งหมดกี่บาท" is an amount.)
  count: /กี่(โครงการ|กิจกรรม|มาตรการ|อัน|เรื่อง|รายการ|งาน)|จำนวน(โครงการ|กิจกรรม|มาตรการ)|มีกี่(?!บาท)|ทั้งหมดกี่(?!บาท)/u,
  list: /อะไรบ้าง|ไหนบ้าง|อะไรมั่ง|ไหนมั่ง|ไรมั่ง|รายการ|รายชื่อ|มีอะไร|ทำอะไร(?:บ้าง)?$|(?:โครงการ|กิจกรรม|มาตรการ)(?:อะไร|ไหน)/u,
  total: /รวม|ทั้งหมด|ทั้งสิ้น|ทั้งแผน|ทั้งปี/u,
  top: /มากที่สุด|สูงที่สุด|สูงสุด|เยอะที่สุด|มากสุด|เยอะสุด|อันดับ|(?<!น้อย|ต่ำ|ถูก)ที่สุด/u,
  progress: /ผลการดำเนิน|ผลดำเนิน|ความคืบหน้า|คืบหน้า|(?:ทำ|ไป|ดำเนินการ)ถึงไหน|เสร็จ(?:หรือ)?ยัง|ดำเนินการแล้ว|ดำเนินการไปแล้ว|ทำไปแล้ว|ทำเสร็จ|เสร็จแล้ว|แล้วเสร็จ|ผลเป็น(?:ยัง)?ไง|ผลเป็นอย่างไร|ผลลัพธ์|ทำอะไรไปแล้ว|รายงานผล/u,
  // ("ทำโครงการไปแล้วกี่โครงการ": the object between the verb and ไปแล้ว.)
  done: /ดำเนินการแล้ว|ดำเนินการไป(?:แล้ว|กี่)|ทำไป(?:แล้ว|กี่)|ทำแล้ว|ทำได้(?:กี่|แล้ว)|เสร็จ|ดำเนินการได้|(?:ทำ|ดำเนินการ)(?:โครงการ|กิจกรรม|มาตรการ)(?:ไป)?แล้ว/u,
  withBudget: /(?<!ไม่|ไม่ได้)(?:ได้รับงบ|ได้งบ|มีงบ|ใช้งบ)|ไม่ใช่0|ไม่เป็น0|ไม่ใช่ศูนย์/u,
  noBudget: /ไม่(?:ได้)?(?:ต้อง)?(?:ใช้|มี|รับ|ได้รับ|ได้)(?:งบ|เงิน|ค่าใช้จ่าย)|ไม่มีงบ|งบเป็น0|งบ0บาท/u,
  planned: /ตามแผน/u,
  bottom: /น้อยที่สุด|ต่ำที่สุด|น้อยสุด|ต่ำสุด|ถูกที่สุด/u,
  average: /เฉลี่ย/u,
  spent: /ใช้จ่าย|เบิกจ่าย|เบิกไป|(?:ใช้|จ่าย|เบิก)(?:งบ(?:ประมาณ)?|เงิน)?(?:จริง|ไป)/u,
  notDone: /ยังไม่(?:ได้)?(?:ดำเนิน|ทำ|เสร็จ)|ไม่ได้ดำเนินการ|ค้างอยู่|คงเหลือกี่/u,
  percent: /ร้อยละ|เปอร์เซ็น|%/u,
  ordinance: /ข้อบัญญัติ|เทศบัญญัติ/u,
  allYears: /ตลอด(?:ทั้ง)?(?:ระยะเวลา)?(?:ของ)?(?:แผน|โครงการ)|ทั้งแผน|ทุกปี|ตลอด\d?ปี|ทั้ง\d?ปี|\d+ปี(?:รวม|ทั้งหมด|ของแผน)|(?:รวม|ทั้งหมด)\d+ปี|ห้าปี|ทั้งโครงการ/u,
  whichDimension: /มิติ(?:ไหน|ใด|อะไร)/u,
  /** A project status the report's status table gives (in progress, cancelled, not possible, initial projects). */
  status: /(?:อยู่)?ระหว่าง(?:การ)?ดำเนิน|กำลังดำเนิน|กำลังทำ|ยกเลิก|ไม่สามารถ(?:ดำเนิน|ทำ)|ทำไม่ได้|ดำเนินการไม่ได้|ตั้งต้น|ชะลอ|เลื่อนออกไป|สถานะโครงการ|บรรจุใน/u,
  whole: /ทั้งแผน|ทุกมิติ|รวมทุก|ทั้ง4มิติ|ทั้งหมดทุก|whole|entire/u,
};

const PER_YEAR = /ปีละ|ต่อปี|แต่ละปี|รายปี/u;

/** "ไม่นับที่ไม่ใช้งบ", "ที่ไม่ใช่ไม่มีงบ": items without a budget are left out, not asked for. */
const EXCLUDES_NO_BUDGET = /(?:ไม่นับ|ยกเว้น|ไม่รวม|ไม่เอา|ไม่ใช่|นอกจาก)(?:โครงการ|อัน|รายการ)?(?:ที่)?(?:ไม่(?:ได้)?(?:ใช้|มี|รับ|ได้รับ|ได้)งบ(?:ประมาณ)?|ไม่มีงบ(?:ประมาณ)?|งบ(?:เป็น)?0(?:บาท)?)/gu;

const NAMES_ITEM = /^(?:โครงการ|กิจกรรม|มาตรการ)(?!ที่|ไหน|อะไร|ใด|ของ|ใน|เกี่ยว|ด้าน|นี้|นั้น|ต่าง|ทั้ง|มี|\s)/u;
/** Another organisation than this one: its kind word with a name left after this organisation's name is taken out. */
const OTHER_ORG = /(?:องค์การบริหารส่วนตำบล|เทศบาล(?:นคร|เมือง|ตำบล)?|อบต\.?|อบจ\.?)\s*(?:อื่น|([ก-๙]{2,}))|กรุงเทพมหานคร/u;
/** A full kind of organisation ("เทศบาลเมือง…") is always followed by its name. */
const FULL_KIND = /^(?:องค์การบริหารส่วนตำบล|เทศบาล(?:นคร|เมือง|ตำบล))/u;
const SITUATION = /^(?:ถ้า|หาก|เพิ่ง|พึ่ง|จะ|อยาก|ต้องการ)|(?:ย้าย|คลอด|เสียชีวิต|ตาย|เกิด|เปิดร้าน|ขาย|สร้าง|ต่อเติม|รื้อ|อายุครบ|พิการ|ขยะ|น้ำไม่ไหล|ประปา|ไฟไหม้|น้ำท่วม|บัตรหาย).*(?:ต้อง|ทำ|ยังไง|อย่างไร|ไหม|มั้ย|ได้)/u;


const PROJECT_ASPECTS: Array<[ProjectAspect, RegExp]> = [
  ['budget', /งบ(?!้)|กี่บาท|ใช้เงิน/u],
  ['who', /ใคร|หน่วย(?:งาน)?(?:ไหน|ใด|อะไร|ไร)|(?:กอง|ฝ่าย|สำนัก|ส่วนราชการ)(?:ไหน|ใด|อะไร|ไร)|ผู้รับผิดชอบ|รับผิดชอบ|ดูแล|เจ้าภาพ/u],
  ['when', /ช่วงไหน|เมื่อไห?ร่?|ระยะเวลา|ตอนไหน|เดือนไหน|ไตรมาส|ทำทุกปี|ปีละกี่|กี่ครั้ง|จัดวันไหน/u],
  // "จัดปีไหนบ้าง", "มีงบปีไหน", "ทำกี่ปี": the fiscal years the plan places the item in.
  ['years', /ปี(?:ไหน|ใด)|กี่ปี/u],
  ['why', /วัตถุประสงค์|เพื่ออะไร|ทำไม|เหตุผล/u],
  ['kpi', /ตัวชี้วัด|kpi|เป้าหมาย|ผลผลิต/u],
  ['progress', CUES.progress],
  ['what', /คืออะไร|ทำอะไร|เกี่ยวกับอะไร|ยังไง|อย่างไร|รายละเอียด|เพิ่มเติม|ขยายความ/u],
  ['scope', /(?:มิติ|ภารกิจ|ด้าน)(?:ที่)?(?:ไหน|ใด|อะไร)/u],
];


/** The aspect cues, global: taken out of a question to see whether it names a subject of its own. */
const ASPECT_PHRASES: readonly RegExp[] = [...PROJECT_ASPECTS, ...MANUAL_ASPECTS].map(([, re]) => new RegExp(re.source, 'gu'));

const PLAN_WORDS = /โครงการ|กิจกรรม|มาตรการ|แผนปฏิบัติ|(?:ตาม|ใน)แผน(?!ที่)|แผนนี้/u;

const ACTIONS: Array<[Action, RegExp]> = [
  ['corruption', /^(?:อยาก|จะ|ขอ|ต้องการ)?แจ้งเบาะแส|(?:อยาก|จะ|ขอ|ต้องการ)(?:แจ้ง|ร้องเรียน)(?:เรื่อง)?(?:การ)?ทุจริต|ถูกเรียก(?:รับ)?(?:เงิน|สินบน)|เรียกเงินใต้โต๊ะ|^ร้องเรียนทุจริต|^แจ้งทุจริต/u],
  ['complaint.track', /^ติดตาม(?:เรื่อง|สถานะ|ผล)?(?:การ)?(?:ร้องเรียน|ร้องทุกข์|คำร้อง|ที่แจ้ง)|^ติดตามเรื่อง$|(?:เช็ค|ตรวจ|ดู)สถานะ(?:เรื่อง)?(?:ร้องเรียน|ร้องทุกข์|คำร้อง)|รหัสติดตาม|เรื่องที่แจ้งไป(?:ถึงไหน|เป็นไง)/u],
  ['complaint', /^(?:อยาก|จะ|ขอ|ต้องการ|ช่วย)?(?:ร้องเรียน|ร้องทุกข์|แจ้งปัญหา|แจ้งเหตุ|แจ้งเรื่อง)|(?:อยาก|จะ|ขอ|ต้องการ)(?:ร้องเรียน|ร้องทุกข์|แจ้งปัญหา|แจ้งเหตุ|แจ้งเรื่อง)/u],
  ['queue.status', /(?:คิว|บัตรคิว)(?:ของ)?(?:ฉัน|ผม|หนู|เรา)|(?:ถึง|เหลือ)(?:กี่)?คิว|คิวถึงไหน/u],
  ['queue', /(?:จอง|กด|รับ|เอา|ขอ|ออก)(?:บัตร)?คิว|คิวออนไลน์|บัตรคิวออนไลน์/u],
  ['rating', /^(?:อยาก|จะ|ขอ)?(?:ประเมินความพึงพอใจ|ให้คะแนน|ทำแบบประเมิน|ประเมินการบริการ|ประเมินบริการ)|(?:อยาก|จะ|ขอ)(?:ประเมิน|ให้คะแนน)/u],
];

const GREETING = /^(สวัสดี|หวัดดี|ดีครับ|ดีค่ะ|ดีคับ|ดีจ้า|hello|hi|hey|good (?:morning|afternoon|evening))/u;
const THANKS = /^(ขอบคุณ|ขอบใจ|thank|thx|ขอบพระคุณ)/u;
const HELP = /^(help|ช่วยเหลือ|วิธีใช้|เมนู|menu|เริ่มต้น|start)$|(?:ทำอะไรได้บ้าง|ถามอะไรได้บ้าง|ช่วยอะไรได้บ้าง|ใช้งานยังไง)/u;
// (Not the "ละ" of "ร้อยละ", "ปีละ": a percent or a rate, not a follow-up particle.)
const FOLLOW_UP = /^แล้ว|(?:ล่ะ|หละ|(?<!ร้อย|ปี|เดือน|วัน|คน|ครั้ง)ละ|อ่ะ)$/u;

/** Words that frame a question without naming its subject (matching form: no tone marks). */
const FRAME_WORDS: ReadonlySet<string> = new Set(
  `งบ ประมาณ งบประมาณ โครงการ กิจกรรม มาตรการ มิติ ภารกิจ แผน แผนนี้ ปฏิบัติ ปฏิบัติการ จำนวน รวม ทั้งหมด ทั้งสิ้น บาท
  ได้รับ รับ ไม่ใช่ ดำเนิน ดำเนินการ เสร็จ แล้วเสร็จ รอบ เดือน ปี ข้อ มาก สูง สุด ที่สุด มากที่สุด สูงสุด รับผิดชอบ ผิด ชอบ
  ดูแล เจ้าภาพ งาน ทำ ใช้ มี ได้ ของ นี้ ตาม เรื่อง อัน ไหน บ้าง เงิน ลำดับ การ ความ
  เอกสาร หลักฐาน เตรียม ขั้นตอน วิธี ระยะ เวลา ระยะเวลา วัน นาน ค่าธรรมเนียม ธรรมเนียม ค่า ค่าใช้จ่าย จ่าย ติดต่อ สถานที่ ยื่น
  ตัวชี้วัด ชี้วัด วัตถุประสงค์ ผู้รับผิดชอบ ผล ผลการ ดำเนินงาน คืบหน้า ความคืบหน้า ต่อ ต้อง เสีย เสียเงิน ฟรี ยัง
  เกี่ยว เกี่ยวกับ เกี่ยวข้อง ด้าน เฉลี่ย น้อย ต่ำ ต่ำสุด น้อยสุด ใช้จ่าย เบิกจ่าย เบิก จริง ไป แล้ว ร้อยละ เปอร์เซ็นต์ เปอร์เซ็น
  ข้อบัญญัติ บัญญัติ เทศบัญญัติ ราคา ตั้ง ตั้งไว้ ไว้ เอา ทั้ง สิ้น ทุก ทุกมิติ คิด คิดเป็น ร้อย คน เป็นคน ร่วมกัน ขอดู อยากรู้ อยากทราบ ทราบ รายละเอียด ยัง ไม่ ได้ ค้าง คงเหลือ เหลือ ต่อ แต่ละ ละ ไม่มี สัก เลย สำหรับ หมวด เฉพาะ ทำได้`
    .split(/\s+/)
    .filter(Boolean)
    .map(matchKey),
);

/** Whether a word (matching form) only frames a question ("งบ", "โครงการ", "เกี่ยวกับ"), saying nothing of its subject. */
export const isFrameWord = (key: string): boolean => FRAME_WORDS.has(key);

export interface UnderstandOptions {
  /** Responsible units of the organisation, matching form (no spaces), longest first. */
  units?: string[];
  /** Words of the organisation's name, removed from the topic ("แม่สอด", "อินทประมูล"). */
  orgNames?: string[];
  /** Years of the current document, to read two-digit years ("ปี 68"). */
  fiscalYears?: number[];
  /** For "ปีนี้/ปีหน้า/ปีที่แล้ว": the Thai fiscal year (October to September, Buddhist era) of this moment. */
  now?: Date;
}

export { fiscalYearOf } from '../time/fiscalYear.ts';

export function orgNameVariants(name: string): string[] {
  const n = normalizeText(name);
  const kind = /^(เทศบาล(?:นคร|เมือง|ตำบล)?|องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|อบต\.?|ทต\.?)\s*/u.exec(n)?.[1] ?? '';
  const core = n.slice(kind.length).trim();
  // Residents shorten the kind ("เทศบาลแม่สอด", "ทน.แม่สอด", "อบต.อินทประมูล"): each is this organisation, longest first.
  const short = !kind || core.length < 2 ? [] : kind.startsWith('เทศบาล') ? ['เทศบาล', 'ทน.', 'ทม.', 'ทต.', 'ทน', 'ทม', 'ทต'] : kind.startsWith('องค์การบริหารส่วนตำบล') || kind.startsWith('อบต') ? ['องค์การบริหารส่วนตำบล', 'อบต.', 'อบต'] : [];
  return [...new Set([n, ...short.flatMap((k) => [`${k}${core}`, `${k} ${core}`]), core].filter((x) => x.length >= 2))];
}

// (ทต./ทน./ทม. only with their dot: "ทน" is also a word — "สังคมที่ไม่ทนต่อการทุจริต".)
const ORG_TYPE = /องค์การบริหารส่วนตำบล|องค์กรบริหารส่วนตำบล|เทศบาลนคร|เทศบาลเมือง|เทศบาลตำบล|เทศบาล|อบต\.?|ทต\.|ทน\.|ทม\./gu;

export function understand(input: string, options: UnderstandOptions = {}): Understanding {
  const text = inDocumentWords(normalizeText(input));
  const compact = text.replace(/\s+/g, '');
  const read = readYears(text, options.now ?? new Date());
  const years = read.years;
  let rest = read.rest;

  const dim = DIMENSION.exec(rest);
  const dimension = dim ? (NUMBER_WORDS[dim[1] as string] ?? Number(dim[1])) : null;
  if (dim) rest = rest.replace(DIMENSION, ' ');
  const mis = MISSION.exec(rest);
  const mission = mis ? (mis[1] as string).replace(/\s/g, '') : null;
  if (mis) rest = rest.replace(MISSION, ' ');

  let unit: string | null = null;
  // "หน่วยงานตรวจสอบภายใน" and "หน่วยตรวจสอบภายใน" are one unit.
  const unitForm = (x: string) => x.replace(/หน่วยงาน/gu, 'หน่วย');
  const restCompact = unitForm(rest.replace(/\s+/g, ''));
  for (const u of options.units ?? []) {
    if (restCompact.includes(unitForm(u))) {
      unit = u;
      break;
    }
  }
  const unitInFull = unit !== null;
  // A unit named without its kind word ("นิติการ" for ฝ่ายนิติการ), when what is left is long enough to be a name.
  if (!unit) {
    for (const u of options.units ?? []) {
      const bare = u.replace(/^(?:ฝ่าย|งาน|กอง|สำนัก|หน่วย)/u, '');
      if (bare !== u && bare.length >= 5 && restCompact.includes(bare)) {
        unit = bare;
        break;
      }
    }
  }
  if (!unit) {
    // (Not "กองทุน…", a fund.)
    // (Nor "กองไหน", a question word.)
    const m = /(สำนักปลัด|กอง(?!ทุน|ไหน|ใด|อะไร|ไร)[ก-๙]{2,}?)(?=รับผิดชอบ|ดูแล|เป็นเจ้าภาพ|ทำ|มี|\s|$)/u.exec(rest);
    if (m && /^(สำนักปลัด|กอง)/u.test(m[1] as string)) unit = m[1] as string;
  }
  if (unit) rest = removeLoose(rest, unit);

  // Cues are read where slots are gone: "ปีงบ 68" is a year, not a budget; "มิติที่สอง|บริหาร" has no "งบ".
  const cue = rest.replace(/\s+/g, '');
  let withoutOurs = text;
  for (const name of options.orgNames ?? []) withoutOurs = removeLoose(withoutOurs, name);
  const other = OTHER_ORG.exec(withoutOurs);
  // "เทศบาลเมืองตาก": the first word after the kind word, judged against the organisation's documents by decide().
  // (Only the word right after the kind word: "เทศบาลบอกชาวบ้าน…" has a verb there, not a name.)
  const firstAfter = other?.[1] ? tokenizeParts(other[1]).words[0] : undefined;
  const otherWord = firstAfter && !isStopword(firstAfter) && !FRAME_WORDS.has(firstAfter) ? firstAfter : null;
  const otherPlace = !!other && (!other[1] || FULL_KIND.test(other[0]));
  for (const name of options.orgNames ?? []) rest = removeLoose(rest, name);
  rest = rest.replace(DOCUMENT_NAMES, ' ');
  rest = rest.replace(ORG_TYPE, ' ');

  const stripped = compact.replace(/(ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ|อ่ะ|อะ|ฮะ|[?!.ๆ~])+$/u, '');
  const ord = ORDINAL.exec(stripped) ?? ORDINAL_LEAD.exec(stripped);
  const ordinal = ord ? (ORDINAL_WORDS[ord[1] as string] ?? Number(ord[1])) : null;
  if (ord && ORDINAL_LEAD.test(stripped)) rest = rest.replace(/(?:แล้ว)?(?:อัน|ข้อ|รายการ|ตัว|ลำดับ)\s*(?:ที่)?\s*(?:\d{1,2}|แรก|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|สุดท้าย)/u, ' ');

  // "งบ" as a word, not the letters across two words ("เรื่อง|บัตรคิว").
  const saysBudget = CUES.budget.test(cue) && tokenizeParts(cue).words.some((w) => w.startsWith('งบ'));
  const wants = {
    budget: saysBudget,
    money: CUES.money.test(cue),
    count: CUES.count.test(cue),
    list: CUES.list.test(cue),
    total: CUES.total.test(cue),
    top: CUES.top.test(cue),
    progress: CUES.progress.test(cue),
    done: CUES.done.test(cue),
    withBudget: (CUES.withBudget.test(cue) && !CUES.noBudget.test(cue)) || EXCLUDES_NO_BUDGET.test(cue),
    noBudget: CUES.noBudget.test(cue.replace(EXCLUDES_NO_BUDGET, ' ')),
    planned: CUES.planned.test(cue),
    bottom: CUES.bottom.test(cue),
    average: CUES.average.test(cue),
    spent: CUES.spent.test(cue),
    notDone: CUES.notDone.test(cue),
    percent: CUES.percent.test(cue),
    ordinance: CUES.ordinance.test(cue),
    // "ปีละเท่าไร", "แต่ละปี" ask the yearly figure, whatever else says "ทั้งแผน".
    allYears: CUES.allYears.test(cue) && !PER_YEAR.test(cue),
    perYear: PER_YEAR.test(cue),
    whichDimension: CUES.whichDimension.test(cue),
    status: CUES.status.test(cue),
    whole: CUES.whole.test(cue),
  };
  const mentionsPlan = PLAN_WORDS.test(compact);
  let action: Action | null = null;
  if (!mentionsPlan) {
    for (const [a, re] of ACTIONS) {
      if (re.test(stripped)) {
        action = a;
        break;
      }
    }
  }

  // "ตั้งแต่ 20,000 บาทขึ้นไป": a slot (a budget threshold), not a subject.
  const range = readBudgetRange(compact);
  const budgetRange = range?.range ?? null;
  for (const phrase of range?.phrases ?? []) rest = removeLoose(rest, phrase);
  // "ตลอดแผน", "ทั้ง 5 ปี": a slot (every year of the plan), not a subject.
  for (const m of cue.matchAll(new RegExp(CUES.allYears.source, 'gu'))) rest = removeLoose(rest, m[0]);
  const topicText = rest.replace(/\s+/g, ' ').trim();
  const parts = tokenizeParts(topicText, { dropStopwords: true });
  // Two or three words that are one word of a synonym group ("คน|แก่" → ผู้สูงอายุ, "ตรวจ|สอบ|ภายใน") are one topic
  // word. (Spans do not overlap; two side by side, "เสียง|ดัง|กลิ่น|เหม็น", are both kept.)
  const spanned = new Set<number>();
  const spans: string[] = [];
  const spanParts = new Map<string, string[]>();
  parts.words.forEach((w, i) => {
    if (spanned.has(i) || synonymsOf(w).length > 0) return;
    for (const n of [3, 2]) {
      if (i + n > parts.words.length || parts.words.slice(i, i + n).some((_, j) => spanned.has(i + j))) continue;
      const joined = parts.words.slice(i, i + n).join('');
      if (synonymsOf(joined).length === 0) continue;
      for (let j = i; j < i + n; j++) spanned.add(j);
      spans.push(joined);
      spanParts.set(joined, parts.words.slice(i, i + n));
      return;
    }
  });
  const topicWords = [...parts.words.filter((w, i) => !spanned.has(i) && !/^\d/.test(w) && w.length > 1 && !FRAME_WORDS.has(w)), ...spans];

  // The words left once the aspect phrases themselves are taken out ("เป้า|หมาย", "ตัว|ชี้|วัด") and fillers dropped.
  let aspectFree = topicText;
  for (const re of ASPECT_PHRASES) aspectFree = aspectFree.replace(re, ' ');
  const freeKey = matchKey(aspectFree).replace(/\s+/g, '');
  // (A span's words may stand apart in the text, a dropped particle between them: "ไม่|บอก|ชื่อ".)
  const subjectWords = topicWords.filter((w) => (spanParts.get(w) ?? [w]).every((x) => freeKey.includes(x)) && !ASPECT_FILLERS.has(w));
  const sameScope = SAME_MISSION.test(compact) ? 'mission' : SAME_DIMENSION.test(compact) ? 'dimension' : null;

  return {
    text,
    compact,
    years: [...new Set(years)],
    dimension,
    mission,
    unit,
    ordinal,
    wants,
    manualAspects: manualAspectsOf(cue),
    projectAspects: PROJECT_ASPECTS.filter(([a, re]) => re.test(cue) && (a !== 'budget' || saysBudget || /กี่บาท|ใช้เงิน/u.test(cue))).map(([a]) => a),
    action,
    greeting: GREETING.test(stripped),
    thanks: THANKS.test(stripped),
    help: HELP.test(stripped),
    mentionsPlan,
    followUp: FOLLOW_UP.test(stripped),
    asksPlanHas: /มี/u.test(compact) && /(?:ไหม|มั้ย|มั๊ย|หรือไม่|หรือเปล่า|รึเปล่า|ป่าว|ปะ)$/u.test(stripped) && (mentionsPlan || /แผน/u.test(compact)),
    outside: OUTSIDE.test(compact),
    situation: !mentionsPlan && SITUATION.test(stripped),
    namesItem: NAMES_ITEM.test(stripped),
    unitInFull,
    otherPlace,
    otherWord,
    topicText,
    topicWords,
    subjectWords,
    sameScope,
    budgetRange,
  };
}

/** Removes a phrase from text even when the text spaces it differently. */
function removeLoose(text: string, phrase: string): string {
  const re = loosePattern(phrase);
  return re ? text.replace(re, ' ') : text;
}

/** Compiled phrase patterns (an organisation's names are removed from every question): bounded, cleared when full. */
const LOOSE = new Map<string, RegExp | null>();
function loosePattern(phrase: string): RegExp | null {
  let re = LOOSE.get(phrase);
  if (re === undefined) {
    const chars = [...phrase.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = chars.length === 0 ? null : new RegExp(chars.join('\\s*'), 'gu');
    if (LOOSE.size >= 4096) LOOSE.clear();
    LOOSE.set(phrase, re);
  }
  if (re) re.lastIndex = 0;
  return re;
}

/**
 * Whether a question asks how far something got or what it spent in words of its own, not only in the words of the
 * item's name ("ประกาศรายงานผลการใช้จ่ายเงิน… ทำปีละกี่ครั้ง" names an activity about spending; it does not ask
 * what was spent).
 */
export function asksProgressBeyond(compact: string, name: string): boolean {
  const inName = normalizeText(name).replace(/\s+/g, '');
  for (const re of [CUES.progress, CUES.spent, CUES.done, CUES.notDone]) {
    for (const m of compact.matchAll(new RegExp(re.source, 'gu'))) {
      if (!inName.includes(m[0])) return true;
    }
  }
  return false;
}
