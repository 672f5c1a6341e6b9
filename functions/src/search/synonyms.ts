import { matchKey, normalizeText } from './normalize.ts';
import { isStopword } from './stopwords.ts';
import { segmentKeys } from './tokenize.ts';

/**
 * Words residents use for what the plans call otherwise (the plans' own vocabulary on the right). Each group is one
 * meaning; a query word of a group also searches the group's other words, at a lower weight. Domain vocabulary of
 * the national template (integrity plans, complaints, procurement, e-services), not phrases of questions.
 */
const GROUPS: string[][] = [
  ['ของขวัญ', 'ของกำนัล', 'สินบน', 'gift', 'ผลประโยชน์', 'กิ๊ฟ', 'กิฟต์', 'กิฟท์', 'ของฝาก', 'สินน้ำใจ', 'เงินใต้โต๊ะ'],
  ['ผลประโยชน์ทับซ้อน', 'พวกพ้อง', 'เล่นพรรคเล่นพวก', 'ขัดกันแห่งผลประโยชน์', 'เอื้อประโยชน์'],
  ['นโยบาย', 'policy', 'โพลิซี่', 'โพลิซี', 'พอลิซี'],
  ['โกง', 'ทุจริต', 'คอรัปชั่น', 'คอร์รัปชัน', 'ประพฤติมิชอบ'],
  ['ร้องเรียน', 'ร้องทุกข์', 'แจ้งเบาะแส', 'รับเรื่อง', 'บ่น', 'แจ้งเรื่อง', 'แจ้งปัญหา'],
  ['ซื้อ', 'จัดซื้อ', 'จัดจ้าง', 'จ้างเหมา', 'พัสดุ', 'จัดหา', 'ประกวดราคา', 'สอบราคา', 'เปิดซอง'],
  ['ออนไลน์', 'อิเล็กทรอนิกส์', 'เว็บไซต์', 'service', 'อินเทอร์เน็ต'],
  ['ไลน์', 'line'],
  ['แซงคิว', 'บัตรคิว', 'คิว', 'ก่อนหลัง'],
  ['เงินเดือน', 'เลื่อนขั้น', 'ค่าตอบแทน'],
  ['ความพอใจ', 'พึงพอใจ'],
  ['เด็ก', 'เยาวชน', 'นักเรียน', 'เด็กเล็ก', 'ศพด.', 'ศูนย์พัฒนาเด็กเล็ก', 'ปฐมวัย', 'วัยรุ่น', 'วัยเรียน', 'ลูกหลาน'],
  ['ชาวบ้าน', 'ประชาชน', 'ชุมชน'],
  // Topics of the template's projects in everyday words (the plans' words among them).
  ['ยาเสพติด', 'ยาบ้า', 'ยาไอซ์', 'สารเสพติด', 'ยาเสพย์ติด'],
  ['ผู้สูงอายุ', 'คนแก่', 'คนชรา', 'ผู้เฒ่า', 'ผู้สูงวัย', 'สูงวัย'],
  ['ขยะ', 'ขยะมูลฝอย', 'มูลฝอย', 'สิ่งปฏิกูล'],
  ['อบรม', 'ฝึกอบรม', 'สอน', 'ให้ความรู้', 'สัมมนา', 'ปลูกฝัง'],
  ['เจ้าหน้าที่', 'บุคลากร', 'พนักงาน', 'ข้าราชการ', 'ลูกจ้าง'],
  ['ซื่อสัตย์', 'สุจริต', 'คุณธรรม', 'จริยธรรม'],
  ['โปร่งใส', 'ธรรมาภิบาล'],
  ['รางวัล', 'ยกย่อง', 'เชิดชูเกียรติ', 'ประกาศเกียรติคุณ', 'คนดี', 'ดีเด่น', 'ต้นแบบ'],
  ['ต้นไม้', 'ป่า', 'ปลูกป่า', 'สิ่งแวดล้อม'],
  ['พอเพียง', 'เศรษฐกิจพอเพียง', 'พอมีพอกิน', 'พออยู่พอกิน'],
  ['มอบอำนาจ', 'มอบหมาย', 'แบ่งอำนาจ', 'กระจายอำนาจ', 'เซ็นแทน', 'ลงนามแทน', 'ปฏิบัติราชการแทน', 'รักษาราชการแทน'],
  ['เว็บ', 'เว็บไซต์', 'เว็ปไซต์'],
  ['จับตา', 'เฝ้าระวัง', 'สอดส่อง'],
  // (Internal control and internal audit: one topic to residents, the template's dimension 4 missions.)
  ['ควบคุมภายใน', 'ตรวจสอบภายใน', 'ตรวจสอบการเงิน', 'ตรวจเช็คการเงิน', 'ตรวจบัญชี'],
  ['ทรัพย์สินของทางราชการ', 'ทรัพย์สินราชการ', 'ของหลวง', 'รถหลวง', 'รถส่วนกลาง', 'รถเทศบาล', 'รถราชการ', 'ของราชการ', 'ธุระส่วนตัว'],
  ['ส่งเสริม', 'ชวน', 'เชิญชวน', 'รณรงค์', 'สนับสนุน'],
  // (Not "เสียง" alone: matching drops tone marks, and "เสียง" is "เสี่ยง", risk.)
  ['เสียงดัง', 'กลิ่นเหม็น', 'เดือดร้อนรำคาญ', 'ควันไฟ'],
  ['ประกาศ', 'เผยแพร่', 'ประชาสัมพันธ์', 'แจ้งให้ทราบ'],
  ['คนพิการ', 'ผู้พิการ'],
  ['ประจำปี', 'รายปี'],
  ['ประชาคม', 'เวที', 'เวทีประชาคม', 'เวทีชาวบ้าน', 'ออกความเห็น', 'แสดงความคิดเห็น', 'รับฟังความคิดเห็น', 'ประชาพิจารณ์'],
  ['ตรวจรับ', 'ตรวจรับงาน', 'ตรวจงาน', 'คุมงาน', 'ตรวจงานจ้าง', 'กรรมการตรวจรับ'],
  // (A whistleblower's identity kept or not: a query may drop "ไม่", and either way it asks about identity.)
  ['ไม่ระบุตัวตน', 'ไม่เปิดเผยตัวตน', 'ไม่เปิดเผยชื่อ', 'ไม่ระบุชื่อ', 'ไม่บอกชื่อ', 'ปกปิดตัวตน', 'ปกปิดชื่อ', 'เปิดเผยชื่อ', 'เปิดเผยตัวตน', 'anonymous'],
  ['สภา', 'สมาชิกสภา', 'ส.ท.', 'สท.'],
];

const INDEX = new Map<string, string[]>();
/**
 * A synonym's neighbouring-word pairs ("ยา|เสพ|ติด" → "ยาเสพ", "เสพติด") and longer single words ("รำคาญ"): how the
 * index may hold a phrase it does not hold whole.
 */
const PAIRS = new Map<string, string[]>();
for (const group of GROUPS) {
  for (const w of group) {
    const segs = segmentKeys(normalizeText(w));
    // (And its longer single words: a document may cut the phrase differently in its own sentence.)
    if (segs.length >= 2) PAIRS.set(segs.join(''), [...segs.slice(1).map((x, i) => `${segs[i]}${x}`).filter((x) => x !== segs.join('')), ...segs.filter((x) => x.length >= 4 && !isStopword(x))]);
  }
  const keys = group.map((w) => segmentKeys(normalizeText(w)).join('') || matchKey(w));
  // A query drops particles before it looks words up ("ของ|กำนัล" → "กำนัล"): the group is found by that form too.
  const bare = group.map((w) => segmentKeys(normalizeText(w)).filter((x) => !isStopword(x)).join('')).filter((k) => k.length >= 2 && !keys.includes(k));
  for (const k of [...keys, ...bare]) INDEX.set(k, [...new Set([...(INDEX.get(k) ?? []), ...keys.filter((x) => x !== k)])]);
}

/** Other words of the same meaning as a query word (matching form), or none. */
export function synonymsOf(key: string): string[] {
  return INDEX.get(key) ?? [];
}

/** The pairs and longer words a synonym phrase may be indexed under (none for a single word). */
export function synonymPairs(key: string): string[] {
  return PAIRS.get(key) ?? [];
}
