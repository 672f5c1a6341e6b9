import { missionTitle } from '../search/corpus.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import type { Decision } from './decision.ts';
import { lookup } from './lookup.ts';
import { filterProjects } from './scope.ts';
import { topicListIds } from './topicItems.ts';
import type { ListFilters } from './types.ts';
import type { Understanding } from './understand.ts';

/**
 * A list asked within a scope and about a topic ("ปีนี้มีโครงการอบรมอะไรบ้าง", "กองคลังมีโครงการเรื่องจัดซื้ออะไรบ้าง"):
 * the scope's items about the topic, not every item of the scope. The topic is found as for a list without a scope
 * (search near its best hit, and the items that say it otherwise), then kept within the scope.
 * - A topic no document covers ("ปีนี้จะซ่อมถนนเส้นไหน"): the abstention search gives, not the scope's whole list.
 * - A topic search is unsure of: null for a list (the scope's list: what the question certainly asks), the
 *   abstention for a count (a count of the whole scope would be a figure of another question).
 * The same for a count ("ปี 2568 มีโครงการอบรมกี่โครงการ", "มีโครงการคุณธรรมกี่โครงการ"): the items counted are listed.
 */
const REQUEST_WORDS: ReadonlySet<string> = new Set(['ราย', 'ชือ', 'รายชือ', 'ขอ', 'ดู', 'หนอย', 'ทังหมด', 'ตอง', 'ทำ', 'รายการ']);

export function topicInScope(k: Knowledge, u: Understanding, filters: ListFilters, text: string, kind: 'list' | 'count' = 'list'): Decision | null {
  // The words that name the scope itself ("มิติ 4 การยกระดับกลไกการตรวจสอบ", "ทุกสำนัก/กอง") or ask for a list
  // ("ขอรายชื่อ…หน่อย") are not a topic.
  const scope = matchKey(normalizeText([filters.dimension !== undefined ? k.corpus.document?.dimensions.find((d) => d.number === filters.dimension)?.title : '', filters.mission !== undefined ? missionTitle(k.corpus.document, filters.mission) : '', filters.unit ?? '', u.unit ?? ''].join(' '))).replace(/\s+/g, '');
  // (A dimension named by its title has its title's words out of `topicWords` already: scope.ts `withDocument`.)
  const words = u.subjectWords.filter((w) => u.topicWords.includes(w) && !scope.includes(w) && !REQUEST_WORDS.has(w));
  // (Most of its words in the scope's title: the question names the scope in its own words, "เรื่องเปิดเผยข้อมูล
  // สาธารณะ (ข้อ 2.1)" of "การเปิดเผยข้อมูลสารสนเทศ".)
  const naming = u.subjectWords.filter((w) => scope.includes(w)).length;
  if (words.length === 0 || naming >= words.length) return null;
  const found = lookup(k, { ...u, mentionsPlan: true, subjectWords: words, topicWords: words }, filters);
  // (A count of a topic search is unsure of is no count at all: the scope's whole count would answer another question.)
  if (found.intent === 'unknown') return found.reason === 'off-topic' || kind === 'count' ? found : null;
  if (!('hits' in found) || !found.intent.startsWith('project')) return null;
  const inScope = new Set(filterProjects(k, filters).map((p) => p.id));
  const ids = topicListIds(k, found.hits, words).filter((id) => inScope.has(id));
  if (ids.length === 0) return null;
  return { intent: kind, filters: { ...filters, topic: { text, ids } }, confidence: Math.min(0.9, found.confidence) };
}
