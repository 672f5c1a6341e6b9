import { ENGLISH_LEXICON } from './englishLexicon.ts';

/**
 * Questions in English. The engine reads Thai; an English question is read through a small glossary of the plans'
 * and manuals' own vocabulary (question forms, plan structure, the services, common subjects of the plans) into the
 * Thai words the documents use (then through `englishLexicon.ts`, the subjects of the template's items), and answered in English: the lead sentence and the card's labels, the documents'
 * Thai names as written. Words without an entry are kept (the plans use some English: "NO Gift Policy", "ITA").
 */
export type Lang = 'th' | 'en';

/** English when Latin letters outnumber Thai ones clearly (a Thai question quoting "NO Gift Policy" stays Thai). */
export function detectLang(text: string): Lang {
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  const thai = (text.match(/[\u0E00-\u0E7F]/g) ?? []).length;
  // Words, not codes: "RT PER SKQ" (a tracking code) is not English.
  const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => /[a-z]/.test(w));
  return words.length >= 2 && latin >= 6 && latin > thai * 2 ? 'en' : 'th';
}

/** English words that carry no subject (articles, pronouns, auxiliaries, question words, courtesy, light verbs). */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the is are was were be been being am do does did done have has had can could will would shall should may might
  must there here this that these those it its i me my mine you your we our us they their them he she his her what
  which who whom whose when where why how much many any some all each every no not of for in on at to from by with
  about into over under as and or but if then than so too very also just only please tell show give let know want
  need like get got find see ask asking question questions thanks thank hello hi hey dear sir madam ok okay yes
  there's what's who's how's it's i'm i'd you're don't doesn't isn't aren't was wasn't does did info information
  details detail more most less same other another else again now today currently still yet ever per one two three
  four five actually really thing things stuff r u contain contains include includes hello worker workers
  myanmar burmese shan karen lao laos cambodian khmer vietnamese chinese foreigner foreign migrant`
    .split(/\s+/)
    .filter(Boolean),
);

/** Longest phrases first; matched on word boundaries, case-insensitive. */
const GLOSSARY: Array<[string, string]> = [
  // over every year of the plan (before the single-year words)
  ['over the whole plan', 'ตลอดแผน'],
  ['over the entire plan', 'ตลอดแผน'],
  ['over all five years', 'ตลอด 5 ปี'],
  ['over the five years', 'ตลอด 5 ปี'],
  ['over five years', 'ตลอด 5 ปี'],
  ['over 5 years', 'ตลอด 5 ปี'],
  ['over the 5 years', 'ตลอด 5 ปี'],
  ['all five years', 'ทั้ง 5 ปี'],
  ['all 5 years', 'ทั้ง 5 ปี'],
  ['five-year total', 'รวม 5 ปี'],
  ['5-year total', 'รวม 5 ปี'],
  ['all years', 'ทุกปี'],
  ['every year combined', 'ทุกปี'],
  ['the entire plan', 'ทั้งแผน'],
  // each year's figure
  ['each year', 'แต่ละปี'],
  ['per year', 'ต่อปี'],
  ['a year', 'ต่อปี'],
  ['yearly', 'รายปี'],
  ['annual', 'รายปี'],
  // years (read against today's fiscal year afterwards)
  ['next fiscal year', 'ปีหน้า'],
  ['next year', 'ปีหน้า'],
  ['this fiscal year', 'ปีนี้'],
  ['this year', 'ปีนี้'],
  ['current year', 'ปีนี้'],
  ['last fiscal year', 'ปีที่แล้ว'],
  ['last year', 'ปีที่แล้ว'],
  ['previous year', 'ปีที่แล้ว'],
  ['fiscal year', 'ปีงบ'],
  ['budget year', 'ปีงบ'],
  ['fy', 'ปีงบ'],
  ['year', 'ปี'],
  // the document itself
  ['anti-corruption action plan', 'แผน'],
  ['anti corruption action plan', 'แผน'],
  ['anti corruption plan', 'แผน'],
  ['anti-corruption plan', 'แผน'],
  ['action plan', 'แผน'],
  ['the plan', 'แผน'],
  ['6-month report', 'รายงานผลรอบ 6 เดือน'],
  ['six-month report', 'รายงานผลรอบ 6 เดือน'],
  ['progress report', 'รายงานผล'],
  // question forms
  ['what percentage', 'ร้อยละเท่าไร'],
  ['percentage', 'ร้อยละ'],
  ['carried out', 'ดำเนินการแล้ว'],
  ['implemented', 'ดำเนินการแล้ว'],
  ['runs', 'รับผิดชอบ'],
  ['budgeted', 'งบประมาณ'],
  ['asked me for money', 'ถูกเรียกเงิน'],
  ['asked for money', 'ถูกเรียกเงิน'],
  ['bribe', 'ถูกเรียกเงิน'],
  ['how many projects', 'กี่โครงการ'],
  ['how many activities', 'กี่กิจกรรม'],
  ['how many', 'กี่โครงการ'],
  ['how much', 'เท่าไร'],
  ['what documents', 'เอกสารอะไรบ้าง'],
  ['which documents', 'เอกสารอะไรบ้าง'],
  ['documents', 'เอกสาร'],
  ['document', 'เอกสาร'],
  ['how long', 'ใช้เวลากี่วัน'],
  ['how fast', 'ภายในกี่วัน'],
  ['how soon', 'ภายในกี่วัน'],
  ['how do i', 'ขั้นตอน'],
  ['how to', 'ขั้นตอน'],
  ['who is responsible', 'ใครรับผิดชอบ'],
  ['per month', 'เดือนละ'],
  ['a month', 'เดือนละ'],
  ['monthly', 'ประจำเดือน'],
  ['after 6 months', 'รอบ 6 เดือน'],
  ['first six months', 'รอบ 6 เดือน'],
  ['first 6 months', 'รอบ 6 เดือน'],
  ['in 6 months', 'รอบ 6 เดือน'],
  ['six months', 'รอบ 6 เดือน'],
  ['spend', 'ใช้จ่าย'],
  ['who runs', 'ใครรับผิดชอบ'],
  ['finished', 'ดำเนินการแล้ว'],
  ['finish', 'ดำเนินการแล้ว'],
  ['altogether', 'ทั้งหมด'],
  ['in total', 'ทั้งหมด'],
  ['overall', 'ทั้งหมด'],
  ['so far', 'แล้ว'],
  ['planned', 'ตามแผน'],
  ['which fiscal years', 'ปีไหน'],
  ['which years', 'ปีไหน'],
  ['which year', 'ปีไหน'],
  ['how many years', 'กี่ปี'],
  ['when', 'เมื่อไร'],
  ['responsible', 'รับผิดชอบ'],
  ['in charge', 'รับผิดชอบ'],
  ['who', 'ใครรับผิดชอบ'],
  ['where', 'ติดต่อที่ไหน'],
  ['what are the objectives', 'วัตถุประสงค์'],
  ['objectives', 'วัตถุประสงค์'],
  ['objective', 'วัตถุประสงค์'],
  ['purpose', 'วัตถุประสงค์'],
  ['which projects', 'โครงการอะไรบ้าง'],
  ['what projects', 'โครงการอะไรบ้าง'],
  ['list', 'อะไรบ้าง'],
  ['what services', 'บริการอะไรบ้าง'],
  ['manuals', 'คู่มือ'],
  ['manual', 'คู่มือ'],
  // plan structure and figures
  ['total budget', 'งบประมาณรวม'],
  ['budget', 'งบประมาณ'],
  ['cost', 'งบประมาณ'],
  ['in total', 'ทั้งหมด'],
  ['total', 'รวม'],
  ['the whole plan', 'ทั้งแผน'],
  ['largest', 'สูงที่สุด'],
  ['biggest', 'สูงที่สุด'],
  ['highest', 'สูงที่สุด'],
  ['most', 'สูงที่สุด'],
  ['smallest', 'น้อยที่สุด'],
  ['lowest', 'น้อยที่สุด'],
  ['least', 'น้อยที่สุด'],
  ['average', 'เฉลี่ย'],
  ['dimension', 'มิติที่'],
  ['mission', 'ภารกิจ'],
  ['projects', 'โครงการ'],
  ['project', 'โครงการ'],
  ['activities', 'กิจกรรม'],
  ['activity', 'กิจกรรม'],
  ['measures', 'มาตรการ'],
  ['measure', 'มาตรการ'],
  ['progress', 'ผลการดำเนินงาน'],
  ['results', 'ผลการดำเนินงาน'],
  // opinions and recommendations (no document answers them)
  ['the best', 'ไหนดีที่สุด'],
  ['best', 'ไหนดีที่สุด'],
  ['delicious', 'อร่อย'],
  ['tasty', 'อร่อย'],
  ['recommend', 'แนะนำร้าน'],
  ['cancelled', 'ยกเลิก'],
  ['canceled', 'ยกเลิก'],
  ['postponed', 'เลื่อนออกไป'],
  ['in progress', 'อยู่ระหว่างดำเนินการ'],
  ['ongoing', 'อยู่ระหว่างดำเนินการ'],
  ['completed', 'ดำเนินการแล้ว'],
  ['done', 'ดำเนินการแล้ว'],
  ['not yet', 'ยังไม่ได้ดำเนินการ'],
  ['spent', 'ใช้จ่าย'],
  ['percent', 'ร้อยละ'],
  ['finance division', 'กองคลัง'],
  ['engineering division', 'กองช่าง'],
  ['education division', 'กองการศึกษา'],
  ["chief administrator's office", 'สำนักปลัด'],
  ['office of the permanent secretary', 'สำนักปลัด'],
  ['internal audit', 'ตรวจสอบภายใน'],
  ['internal control', 'ควบคุมภายใน'],
  // subjects of the plans
  ['anti-corruption', 'ต่อต้านการทุจริต'],
  ['anti corruption', 'ต่อต้านการทุจริต'],
  ['corruption', 'ทุจริต'],
  ['transparency', 'ความโปร่งใส'],
  ['transparent', 'โปร่งใส'],
  ['integrity', 'คุณธรรม'],
  ['moral', 'คุณธรรม'],
  ['morality', 'คุณธรรม'],
  ['ethics', 'จริยธรรม'],
  ['school', 'โรงเรียน'],
  ['training', 'ฝึกอบรม'],
  ['community forum', 'เวทีประชาคม'],
  ['public forum', 'เวทีประชาคม'],
  ['community', 'ชุมชน'],
  ['youth', 'เยาวชน'],
  ['children', 'เด็ก'],
  ['public participation', 'การมีส่วนร่วมของประชาชน'],
  ['participation', 'มีส่วนร่วม'],
  ['procurement', 'จัดซื้อจัดจ้าง'],
  ['website', 'เว็บไซต์'],
  ['information center', 'ศูนย์ข้อมูลข่าวสาร'],
  ['information', 'ข้อมูลข่าวสาร'],
  ['complaints', 'ร้องเรียน'],
  ['complaint', 'ร้องเรียน'],
  ['satisfaction', 'ความพึงพอใจ'],
  ['conflict of interest', 'ผลประโยชน์ทับซ้อน'],
  ['honour', 'เชิดชูเกียรติ'],
  ['honor', 'เชิดชูเกียรติ'],
  ['risk', 'ความเสี่ยง'],
  ['staff', 'บุคลากร'],
  ['council', 'สภา'],
  // services (the manuals)
  ['new address', 'แจ้งย้ายเข้า'],
  ['moved into', 'แจ้งย้ายเข้า'],
  ['baby', 'แจ้งเกิด'],
  ['born', 'แจ้งเกิด'],
  ['noodle shop', 'สถานที่จำหน่ายอาหาร'],
  ['food stall', 'สถานที่จำหน่ายอาหาร'],
  ['shop', 'ร้าน'],
  ['permit', 'ขออนุญาต'],
  ['extend my house', 'ต่อเติมอาคาร'],
  ['extend', 'ต่อเติม'],
  ['land and building tax', 'ภาษีที่ดินและสิ่งปลูกสร้าง'],
  ['pay', 'ชำระ'],
  ['honour certificates', 'ประกาศเกียรติคุณ'],
  ['honor certificates', 'ประกาศเกียรติคุณ'],
  ['certificates', 'ประกาศเกียรติคุณ'],
  ['community committees', 'คณะกรรมการชุมชน'],
  ['committees', 'คณะกรรมการ'],
  ['annual', 'ประจำปี'],
  ['queue ticket', 'บัตรคิว'],
  ['tickets', 'บัตรคิว'],
  ['register a birth', 'แจ้งเกิด'],
  ['birth', 'แจ้งเกิด'],
  ['register a death', 'แจ้งตาย'],
  ['death', 'แจ้งตาย'],
  ['move in', 'แจ้งย้ายเข้า'],
  ['moving in', 'แจ้งย้ายเข้า'],
  ['moved here', 'แจ้งย้ายเข้า'],
  ['move out', 'แจ้งย้ายออก'],
  ['moving out', 'แจ้งย้ายออก'],
  ['id card', 'บัตรประจำตัวประชาชน'],
  ['building permit', 'ขออนุญาตก่อสร้างอาคาร'],
  ['build a house', 'ขออนุญาตก่อสร้างอาคาร'],
  ['demolish', 'รื้อถอนอาคาร'],
  ['demolition', 'รื้อถอนอาคาร'],
  ['land tax', 'ภาษีที่ดินและสิ่งปลูกสร้าง'],
  ['property tax', 'ภาษีที่ดินและสิ่งปลูกสร้าง'],
  ['sign tax', 'ภาษีป้าย'],
  ['signboard', 'ภาษีป้าย'],
  ['elderly allowance', 'เบี้ยยังชีพผู้สูงอายุ'],
  ['elderly', 'เบี้ยยังชีพผู้สูงอายุ'],
  ['disability allowance', 'เบี้ยความพิการ'],
  ['disability', 'คนพิการ'],
  ['garbage', 'เก็บขยะมูลฝอย'],
  ['waste', 'เก็บขยะมูลฝอย'],
  ['trash', 'เก็บขยะมูลฝอย'],
  ['water supply', 'น้ำประปา'],
  ['tap water', 'น้ำประปา'],
  ['food shop', 'สถานที่จำหน่ายอาหาร'],
  ['restaurant', 'สถานที่จำหน่ายอาหาร'],
  ['business registration', 'จดทะเบียนพาณิชย์'],
  ['register a business', 'จดทะเบียนพาณิชย์'],
  ['health hazard', 'กิจการที่เป็นอันตรายต่อสุขภาพ'],
  ['disaster', 'ช่วยเหลือผู้ประสบสาธารณภัย'],
  ['flood', 'ช่วยเหลือผู้ประสบสาธารณภัย'],
  ['fee', 'ค่าธรรมเนียม'],
  ['fees', 'ค่าธรรมเนียม'],
  ['steps', 'ขั้นตอน'],
  ['queue', 'รับบัตรคิว'],
  ['track', 'ติดตามเรื่องร้องเรียน'],
  ['hello', 'สวัสดี'],
  ['hi', 'สวัสดี'],
  ['thank you', 'ขอบคุณ'],
  ['thanks', 'ขอบคุณ'],
  ['help', 'ช่วยเหลือ'],
];

/** Comparisons before an amount ("more than 40,000 baht"): the Thai words `budgetRange.ts` reads. */
const COMPARATORS: Array<[RegExp, string]> = [
  [/\b(?:no more than|not more than|at most|up to)\s+(?=\d)/giu, ' ไม่เกิน '],
  [/\b(?:at least|no less than|not less than)\s+(?=\d)/giu, ' ตั้งแต่ '],
  [/\b(?:more than|greater than|over|above|exceeding|higher than)\s+(?=\d)/giu, ' เกิน '],
  [/\b(?:less than|fewer than|under|below|lower than)\s+(?=\d)/giu, ' ต่ำกว่า '],
  [/(?<=\d)(?:\s*baht)?\s+(?:or more|and above|and over|or above)\b/giu, ' บาทขึ้นไป '],
  [/(?<=\d)(?:\s*baht)?\s+(?:or less|and below|or below)\b/giu, ' บาทลงมา '],
];

/** "Is there …?", "Does the plan have …?": asks whether something exists, as Thai asks it ("มี … ไหม"). */
const EXISTENCE = /^\s*(?:is there|are there|does\s+(?:the\s+)?(?:plan|municipality|tambon|sao|town|city|office|organi[sz]ation|it|they)\s+(?:have|include|contain)|do you have|do they have|have you got)\b/iu;

/** Words of an English question that carry no subject. */
const FILLER = /\b(?:what|is|are|the|a|an|of|for|in|on|does|do|did|i|you|your|my|me|it|its|there|this|that|to|be|can|please|tell|about|and|with|which|much|many|any|have|has|will|would|need|get|at|by|from|per|municipality|tambon|sao|town)\b/giu;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Phrases before single words, the glossary's before the lexicon's ("council members" before "council").
const ENTRIES = [...GLOSSARY, ...ENGLISH_LEXICON];
// A word's plural reads as the word ("surveys", "codes", "committees"), unless the list has the plural itself.
const plural = (en: string) => (/[a-z]$/u.test(en) ? (/[^aeiou]y$/u.test(en) ? `(?:${escape(en)}|${escape(en.slice(0, -1))}ies)` : `${escape(en)}(?:s|es)?`) : escape(en));
const COMPILED = [...ENTRIES.filter(([en]) => /\s/u.test(en)), ...ENTRIES.filter(([en]) => !/\s/u.test(en))].map(([en, th]) => [new RegExp(`(?<![A-Za-z])${plural(en)}(?![A-Za-z])`, 'giu'), th] as const);

/** The Thai reading of an English question: glossary phrases replaced, filler words dropped, numbers kept. */
export function englishToThai(text: string): string {
  let out = ` ${text} `;
  const exists = EXISTENCE.test(out);
  for (const [re, th] of COMPARATORS) out = out.replace(re, th);
  for (const [re, th] of COMPILED) out = out.replace(re, ` ${th} `);
  if (exists) out = ` มี ${out.replace(EXISTENCE, ' ')} ไหม `;
  // "dimension 2" → "มิติที่ 2" already; "2.2" stays.
  out = out.replace(/(?<=[A-Za-z])['’]s\b/gu, ' ').replace(FILLER, ' ').replace(/[?!,;:]/g, ' ');
  return out.replace(/\s+/g, ' ').trim();
}

/** Single English words of the glossary and the lexicon, for reading a typo ("developmnet") as the word meant. */
const SINGLE_WORDS: ReadonlyArray<readonly [string, string]> = [...GLOSSARY, ...ENGLISH_LEXICON].filter(([en]) => /^[a-z]+$/u.test(en));

/**
 * The Thai of the glossary or lexicon word an unknown English word is a typo of: within one edit (words of 5-7 letters)
 * or two (8 or more), and only when one word is that close. Null otherwise.
 */
export function nearestEnglishWord(word: string): string | null {
  // (A typo is a plain word: not a name or a code — "E-Service", "ITA".)
  if (!/^[a-z]+$/u.test(word.slice(1)) || /[^A-Za-z]/u.test(word)) return null;
  const w = word.toLowerCase();
  if (w.length < 5) return null;
  const max = w.length >= 8 ? 2 : 1;
  let best: { d: number; th: string; en: string } | null = null;
  let tie = false;
  for (const [en, th] of SINGLE_WORDS) {
    if (Math.abs(en.length - w.length) > max) continue;
    const d = editDistance(w, en, max);
    if (d > max) continue;
    if (!best || d < best.d) {
      best = { d, th, en };
      tie = false;
    } else if (d === best.d && th !== best.th) tie = true;
  }
  return best && !tie ? best.th : null;
}

/**
 * An English question names this organisation in Latin letters ("Mae Sot municipality", "Intapramul SAO", "Tha Rae"):
 * a run of words (capitalised or not) whose letters are the organisation's id (its romanised name, "maesot") or
 * within one letter of it ("Mittraphap") is replaced by the Thai name, which the Thai reading knows as this
 * organisation. Other names stay
 * (another town's name is a name the documents never use).
 */
export function withOrganisationName(text: string, orgId: string, thaiName: string): string {
  const id = orgId.toLowerCase().replace(/[^a-z]/g, '');
  // (A short id may be an English word: "years".)
  if (id.length < 6) return text;
  // Latin words with their positions; from each word, the longest run of up to four that spells the id.
  const words = [...text.matchAll(/[A-Za-z]+/g)].map((m) => ({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  let out = '';
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const run = words.slice(i, i + n);
      // (Only words next to each other: a space or a hyphen between them.)
      if (run.some((x, j) => j > 0 && !/^[\s-]+$/.test(text.slice(run[j - 1]!.end, x.start)))) continue;
      const key = run.map((x) => x.w).join('');
      if (key === id || (key.length >= 6 && editDistance(key, id, 1) <= 1)) {
        out += `${text.slice(at, run[0]!.start)} ${thaiName} `;
        // (With its possessive: "Intapramul's plan".)
        at = run[n - 1]!.end + (/^['’]s\b/u.exec(text.slice(run[n - 1]!.end))?.[0].length ?? 0);
        i += n - 1;
        break;
      }
    }
  }
  return out + text.slice(at);
}

/** Edit distance with adjacent transpositions, cut off above `max`. */
function editDistance(a: string, b: string, max: number): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** Thai or English text of a label by language. */
export const say = (lang: Lang, th: string, en: string): string => (lang === 'en' ? en : th);
