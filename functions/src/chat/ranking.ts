import type { SearchHit } from '../search/index.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import type { Understanding } from './understand.ts';

/** Re-orderings of a look-up's hits by what the question's own words say about the names. Pure; they reorder in place. */

const key = (t: string) => matchKey(normalizeText(t)).replace(/\s+/g, '');

/**
 * A name that holds every content word of a short question ("เว็บไซต์ งบประมาณ" → "การจัดทำและพัฒนาเว็บไซต์…") comes
 * before items that only mention them in their text (in search order among themselves); a budget or plan question
 * moves only a project.
 */
export function preferWholeNames(hits: SearchHit[], u: Understanding): void {
  const content = [...new Set(u.subjectWords)];
  if (content.length < 1 || content.length > 3 || u.wants.list || !hits[0]) return;
  const holdsAll = (h: SearchHit) => {
    const name = key(h.doc.title);
    return content.every((w) => name.includes(w));
  };
  const at = hits.findIndex((h) => holdsAll(h) && (h.doc.type === 'project' || !(u.wants.budget || u.mentionsPlan)));
  if (at > 0 && !holdsAll(hits[0])) hits.unshift(...hits.splice(at, 1));
}

/**
 * A near tie (within 3 % of the best, same kind: "แจ้งย้ายเข้า" scores move-in and move-out alike when "เข้า" is a
 * stopword): the name sharing the longest run of the question's own letters first.
 */
export function breakNearTie(hits: SearchHit[], u: Understanding): void {
  const lead = hits[0];
  if (!lead) return;
  const asked = key(u.topicText);
  const close = hits.filter((h) => h.doc.type === lead.doc.type && h.score >= lead.score * 0.97);
  const run = (h: SearchHit) => longestCommonRun(asked, key(h.doc.title));
  const best = close.reduce((a, h) => (run(h) > run(a) ? h : a), lead);
  if (best !== lead) hits.unshift(...hits.splice(hits.indexOf(best), 1));
}

/** Length of the longest run of letters two strings share. */
export function longestCommonRun(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = (prev[j - 1] as number) + 1;
        if ((cur[j] as number) > best) best = cur[j] as number;
      }
    }
    prev = cur;
  }
  return best;
}
