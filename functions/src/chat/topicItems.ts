import type { Project } from '../plans/schema.ts';
import type { SearchHit } from '../search/index.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { normalizeText } from '../search/normalize.ts';
import { synonymsOf } from '../search/synonyms.ts';
import { segmentKeys } from '../search/tokenize.ts';

/**
 * The items of a topic, by the words their names carry. A topic asked in a resident's words ("ซื้อของ จ้างเหมา") is
 * one meaning the plans write several ways (จัดซื้อจัดจ้าง, จัดหาพัสดุ): search ranks the items that share the
 * question's own words far above those that say it otherwise, so a list cut by score alone misses the latter. Here
 * a topic is a question word with its synonym group, and an item carries it when its name holds one of the group's
 * words whole (at word boundaries: "ซื้อ" is in "จัดซื้อ", not in "ซื่อสัตย์", which matching spells alike).
 */

export interface Topic {
  /** The question's word (matching form). */
  word: string;
  /** The word and its synonyms (matching form). */
  keys: string[];
  /** Whether the word belongs to a synonym group: domain vocabulary, not any word. */
  grouped: boolean;
  /** Ids of the items whose name carries the topic, in document order. */
  items: string[];
}

/** At most this share of the plan's items (and this many) carry a topic that a list can be made of. */
const TOPIC_SHARE = 0.3;
const TOPIC_MAX = 12;
/** A key is matched against up to this many neighbouring words of a name. */
const SPAN = 4;

const nameWords = new WeakMap<Knowledge, Map<string, string[][]>>();

/** Each item's names (summary, as written, detail section) as word keys, segmented once per knowledge. */
function namesOf(k: Knowledge): Map<string, string[][]> {
  let names = nameWords.get(k);
  if (!names) {
    names = new Map();
    for (const p of k.projects.values()) {
      const texts = [...new Set([p.name, p.nameAsWritten, p.detail?.name].filter((x): x is string => !!x))];
      names.set(p.id, texts.map((t) => segmentKeys(normalizeText(t))));
    }
    nameWords.set(k, names);
  }
  return names;
}

/** Whether a key is one word of the text (word keys) or several neighbouring ones joined. */
export function holds(words: string[], key: string): boolean {
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + SPAN); j++) {
      joined += words[j];
      if (joined === key) return true;
      if (joined.length >= key.length || !key.startsWith(joined)) break;
    }
  }
  return false;
}

/** The items whose name carries one of the keys, in document order. */
export function itemsCarrying(k: Knowledge, keys: readonly string[]): Project[] {
  const names = namesOf(k);
  return [...k.projects.values()].filter((p) => (names.get(p.id) ?? []).some((words) => keys.some((key) => holds(words, key)))).sort((a, b) => a.seq - b.seq);
}

const carried = new WeakMap<Knowledge, Map<string, string[]>>();

/** The ids of the items carrying a topic's keys, remembered per knowledge (bounded: cleared when full). */
function carriedBy(k: Knowledge, id: string, keys: readonly string[]): string[] {
  let memo = carried.get(k);
  if (!memo) carried.set(k, (memo = new Map()));
  let ids = memo.get(id);
  if (!ids) {
    ids = itemsCarrying(k, keys).map((p) => p.id);
    if (memo.size >= 512) memo.clear();
    memo.set(id, ids);
  }
  return ids;
}

/** The question's words as topics (one per synonym group), with the items carrying each. */
export function topicsOf(k: Knowledge, words: readonly string[]): Topic[] {
  const seen = new Set<string>();
  const topics: Topic[] = [];
  for (const word of words) {
    if (word.length < 2) continue;
    const synonyms = synonymsOf(word);
    const keys = [...new Set([word, ...synonyms])];
    const id = [...keys].sort().join('|');
    if (seen.has(id)) continue;
    seen.add(id);
    topics.push({ word, keys, grouped: synonyms.length > 0, items: carriedBy(k, id, keys) });
  }
  return topics;
}

/** Whether a topic is narrow enough to list: carried by a few of the plan's items, not by most of them. */
export function isListable(k: Knowledge, t: Topic): boolean {
  return t.items.length > 0 && t.items.length <= Math.min(TOPIC_MAX, Math.max(2, Math.floor(k.projects.size * TOPIC_SHARE)));
}

/**
 * The items a search-found topic list leaves out: when every item search listed carries a topic of the question
 * (the meaning the list is about), the other items carrying it belong too. Several such topics: items carrying all.
 */
export function missedByList(k: Knowledge, words: readonly string[], listed: readonly string[]): string[] {
  if (listed.length === 0) return [];
  const shared = topicsOf(k, words).filter((t) => isListable(k, t) && listed.every((id) => t.items.includes(id)));
  if (shared.length === 0) return [];
  const [first, ...rest] = shared as [Topic, ...Topic[]];
  return first.items.filter((id) => !listed.includes(id) && rest.every((t) => t.items.includes(id)));
}

/** A hit belongs to a topic list when it scores at least this share of the best hit's score. */
const NEAR_SHARE = 0.45;

/**
 * The items of a list about a topic: every item search found close to its best hit (results list them all; the reply
 * pages them), then the items that say the topic they share in other words.
 */
export function topicListIds(k: Knowledge, hits: readonly SearchHit[], words: readonly string[]): string[] {
  const top = hits[0];
  const near = hits.filter((h) => h.doc.type === 'project' && top && h.score >= top.score * NEAR_SHARE).map((h) => h.doc.id);
  return [...near, ...missedByList(k, words, near)];
}

/**
 * A list question ("…มีมาตรการอะไรบ้าง") whose words name a topic of the domain vocabulary that a few items carry:
 * those items, whatever else the question says ("ข้างบ้าน", a situation the plans do not describe). Only grouped
 * words (residents' vocabulary mapped to the plans'), and only when they point to the same items.
 */
export function itemsOfNamedTopic(k: Knowledge, words: readonly string[]): string[] {
  const topics = topicsOf(k, words).filter((t) => t.grouped && isListable(k, t));
  if (topics.length === 0) return [];
  const [first, ...rest] = topics as [Topic, ...Topic[]];
  return first.items.filter((id) => rest.every((t) => t.items.includes(id)));
}
