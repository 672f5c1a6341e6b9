import { missionTitle } from '../search/corpus.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import type { Decision } from './decision.ts';
import { lookup } from './lookup.ts';
import { filterProjects } from './scope.ts';
import { missedByList } from './topicItems.ts';
import type { ListFilters } from './types.ts';
import type { Understanding } from './understand.ts';

/**
 * A list asked within a scope and about a topic ("ปีนี้มีโครงการอบรมอะไรบ้าง", "กองคลังมีโครงการเรื่องจัดซื้ออะไรบ้าง"):
 * the scope's items about the topic, not every item of the scope. The topic is found as for a list without a scope
 * (search near its best hit, and the items that say it otherwise), then kept within the scope.
 * - A topic no document covers ("ปีนี้จะซ่อมถนนเส้นไหน"): the abstention search gives, not the scope's whole list.
 * - A topic search is unsure of: null (the scope's list, as before: what the question certainly asks).
 */
const REQUEST_WORDS: ReadonlySet<string> = new Set(['ราย', 'ชือ', 'รายชือ', 'ขอ', 'ดู', 'หนอย', 'ทังหมด', 'ตอง', 'ทำ', 'รายการ']);

export function topicInScope(k: Knowledge, u: Understanding, filters: ListFilters, text: string): Decision | null {
  // The words that name the scope itself ("มิติ 4 การยกระดับกลไกการตรวจสอบ", "ทุกสำนัก/กอง") or ask for a list
  // ("ขอรายชื่อ…หน่อย") are not a topic.
  const scope = matchKey(normalizeText([filters.dimension !== undefined ? k.corpus.document?.dimensions.find((d) => d.number === filters.dimension)?.title : '', filters.mission !== undefined ? missionTitle(k.corpus.document, filters.mission) : '', filters.unit ?? '', u.unit ?? ''].join(' '))).replace(/\s+/g, '');
  // (A dimension named by its title has its title's words out of `topicWords` already: scope.ts `withDocument`.)
  const words = u.subjectWords.filter((w) => u.topicWords.includes(w) && !scope.includes(w) && !REQUEST_WORDS.has(w));
  // (Most of its words in the scope's title: the question names the scope in its own words, "เรื่องเปิดเผยข้อมูล
  // สาธารณะ (ข้อ 2.1)" of "การเปิดเผยข้อมูลสารสนเทศ".)
  const naming = u.subjectWords.filter((w) => scope.includes(w)).length;
  if (!u.wants.list || words.length === 0 || naming >= words.length) return null;
  const found = lookup(k, { ...u, mentionsPlan: true, subjectWords: words, topicWords: words }, filters);
  if (found.intent === 'unknown') return found.reason === 'off-topic' ? found : null;
  if (!('hits' in found) || !found.intent.startsWith('project')) return null;
  const inScope = new Set(filterProjects(k, filters).map((p) => p.id));
  const top = found.hits[0];
  const near = found.hits.filter((h) => h.doc.type === 'project' && top && h.score >= top.score * 0.45).map((h) => h.doc.id);
  const ids = [...near, ...missedByList(k, words, near)].filter((id) => inScope.has(id));
  if (ids.length === 0) return null;
  return { intent: 'list', filters: { ...filters, topic: { text, ids } }, confidence: Math.min(0.9, found.confidence) };
}
