import type { Project } from '../plans/schema.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { normalizeText } from '../search/normalize.ts';
import type { Action } from './understand.ts';

/**
 * The bot's features (complaints, corruption reports, queue tickets, satisfaction ratings) are also items of the
 * national template's plans ("มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริต", "กิจกรรมการใช้บัตรคิว
 * ในการติดต่อราชการ", "โครงการประเมินความพึงพอใจ…"). A request to use a feature is answered by the feature, and names
 * the plan's item for it in one line. Pure: the words are the template's words for each channel, not a plan's names.
 */
interface Channel {
  /** Words an item's name must carry. */
  name: RegExp;
  /** When some item carries these too, only those (a corruption channel: "ทุจริต" with a complaint word). */
  also?: RegExp;
  /** Items carrying these are another channel's, unless no other item fits (general complaints vs corruption). */
  not?: RegExp;
  /** Searched among the fitting items to rank them. */
  query: string;
}

const COMPLAINT: Channel = { name: /ร้องเรียน|ร้องทุกข์/u, not: /ทุจริต/u, query: 'ช่องทาง รับ เรื่อง ร้องเรียน ร้องทุกข์' };
const QUEUE: Channel = { name: /บัตรคิว|ระบบคิว/u, query: 'บัตรคิว' };
const CHANNELS: Record<Action, Channel> = {
  complaint: COMPLAINT,
  'complaint.track': COMPLAINT,
  corruption: { name: /ทุจริต/u, also: /ร้องเรียน|เบาะแส|แจ้ง|ช่องทาง/u, query: 'ช่องทาง ร้องเรียน แจ้ง เบาะแส ทุจริต' },
  queue: QUEUE,
  'queue.status': QUEUE,
  rating: { name: /ความพึงพอใจ/u, query: 'ประเมิน ความพึงพอใจ' },
};

/** The plan's item for a feature, when the plan has one: the best of the items whose name fits (search order). */
export function planItemFor(k: Knowledge, action: Action): Project | null {
  const c = CHANNELS[action];
  const all = [...k.projects.values()].filter((p) => c.name.test(normalizeText(p.name)));
  if (all.length === 0) return null;
  const withAlso = c.also ? all.filter((p) => (c.also as RegExp).test(normalizeText(p.name))) : all;
  if (c.also && withAlso.length === 0) return null;
  const preferred = c.not ? withAlso.filter((p) => !(c.not as RegExp).test(normalizeText(p.name))) : withAlso;
  const pool = new Set((preferred.length ? preferred : withAlso).map((p) => p.id));
  const top = k.index.search(c.query, { limit: 1, filter: (d) => d.type === 'project' && pool.has(d.id) })[0];
  return (top && k.projects.get(top.doc.id)) ?? [...pool].map((id) => k.projects.get(id)).find((p): p is Project => !!p) ?? null;
}
