import type { Knowledge } from '../search/knowledgeBase.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import { synonymsOf } from '../search/synonyms.ts';
import type { Understanding } from './understand.ts';

/**
 * A plan's own items may carry the words of the bot's features in their names ("มาตรการรับเรื่องร้องเรียนผ่าน LINE",
 * "กิจกรรมช่องทางแจ้งเบาะแสแบบไม่ระบุตัวตน", "กิจกรรมจัดระบบบัตรคิว…"). A question that asks ABOUT such an item
 * (what it is, its budget, who runs it, whether there is one) is about the plan, not a request to complain, report or
 * take a ticket, nor about a manual that merely shares its words. A plain request ("ขอร้องเรียนไฟดับ", "จะแจ้งเบาะแส",
 * "รับบัตรคิว") names no item strongly and asks nothing about one, so it stays the action.
 */

/** "คืออะไร", "มีไหม", "ทำอะไร", "เป็นยังไง": asks about a thing rather than asking to do it. */
const ASKS_ABOUT = /คืออะไร|คือ(?:โครงการ|กิจกรรม|มาตรการ)?อะไร|ทำอะไร|อะไรบ้าง|(?:เป็น|มี)(?:อย่างไร|ยังไง|ไง)|รายละเอียด|มี.*(?:ไหม|มั้ย|หรือไม่|หรือเปล่า|รึเปล่า|ป่าว|มั๊ย)$/u;
/** "ได้ไหม" asks to be able to do it: the feature, not the item. */
const ASKS_CAN = /ได้(?:ไหม|มั้ย|มั๊ย|หรือไม่|หรือเปล่า|ป่าว)$/u;

/** Words of the question kept for the name test: its content words in matching form. */
const key = (t: string) => matchKey(normalizeText(t)).replace(/\s+/g, '');

export function asksAboutItem(u: Understanding): boolean {
  const bare = u.compact.replace(/(ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ|อ่ะ|อะ|ฮะ|[?!.ๆ~])+$/u, '');
  if (ASKS_CAN.test(bare) && u.projectAspects.length === 0 && !u.wants.budget && !u.wants.money) return false;
  return u.projectAspects.length > 0 || u.wants.budget || u.wants.money || ASKS_ABOUT.test(bare);
}

/**
 * The plan item the question names strongly: the best project hit of its subject words, with most of those words in
 * the item's name (at least three, and three quarters of them; or both of two), clearly ahead of the next project.
 * Null otherwise.
 */
export function stronglyNamedItem(k: Knowledge, u: Understanding): string | null {
  const words = [...new Set(u.subjectWords)];
  if (words.length < 2 || !u.topicText) return null;
  const hits = k.index.search(u.topicText, { limit: 3, filter: (d) => d.type === 'project' });
  const top = hits[0];
  if (!top) return null;
  // A word or one of its synonyms ("ไลน์" for LINE) in the name.
  const named = (title: string) => {
    const name = key(title);
    return words.filter((w) => [w, ...synonymsOf(w)].some((x) => name.includes(x))).length;
  };
  const inName = named(top.doc.title);
  // Three words and three quarters of them, or both words of a two-word subject ("ร้องเรียน|ทุจริต").
  if (!((inName >= 3 && inName / words.length >= 0.75) || (words.length === 2 && inName === 2))) return null;
  const second = hits[1];
  if (second) {
    if (named(second.doc.title) >= inName && second.score >= top.score * 0.9) return null;
  }
  return top.doc.id;
}
