import { matchKey, normalizeText } from './normalize.ts';
import { segmentKeys } from './tokenize.ts';

/**
 * Words residents use for what the plans call otherwise (the plans' own vocabulary on the right). Each group is one
 * meaning; a query word of a group also searches the group's other words, at a lower weight. Domain vocabulary of
 * the national template (integrity plans, complaints, procurement, e-services), not phrases of questions.
 */
const GROUPS: string[][] = [
  ['ของขวัญ', 'ของกำนัล', 'สินบน', 'gift', 'ผลประโยชน์'],
  ['โกง', 'ทุจริต', 'คอรัปชั่น', 'คอร์รัปชัน', 'ประพฤติมิชอบ'],
  ['ร้องเรียน', 'ร้องทุกข์', 'แจ้งเบาะแส', 'รับเรื่อง'],
  ['ซื้อ', 'จัดซื้อ', 'จัดจ้าง', 'จ้างเหมา', 'พัสดุ', 'จัดหา'],
  ['ออนไลน์', 'อิเล็กทรอนิกส์', 'เว็บไซต์', 'service', 'อินเทอร์เน็ต'],
  ['ไลน์', 'line'],
  ['แซงคิว', 'บัตรคิว', 'คิว', 'ก่อนหลัง'],
  ['เงินเดือน', 'เลื่อนขั้น', 'ค่าตอบแทน'],
  ['ความพอใจ', 'พึงพอใจ'],
  ['เด็ก', 'เยาวชน', 'นักเรียน'],
  ['ชาวบ้าน', 'ประชาชน', 'ชุมชน'],
];

const INDEX = new Map<string, string[]>();
for (const group of GROUPS) {
  const keys = group.map((w) => segmentKeys(normalizeText(w)).join('') || matchKey(w));
  for (const k of keys) INDEX.set(k, [...new Set([...(INDEX.get(k) ?? []), ...keys.filter((x) => x !== k)])]);
}

/** Other words of the same meaning as a query word (matching form), or none. */
export function synonymsOf(key: string): string[] {
  return INDEX.get(key) ?? [];
}
