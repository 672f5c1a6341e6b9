import type { Project } from '../plans/schema.ts';
import type { SearchHit } from '../search/index.ts';
import type { Knowledge } from '../search/knowledgeBase.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import { situationsNamed } from '../search/situations.ts';
import { synonymsOf } from '../search/synonyms.ts';
import { CONFIDENCE_THRESHOLD, LIST_CONFIDENCE_THRESHOLD, type Decision } from './decision.ts';
import type { ListFilters } from './types.ts';
import { asksAboutItem, stronglyNamedItem } from './namedItem.ts';
import { breakNearTie, preferWholeNames } from './ranking.ts';
import { asksProgressBeyond, isFrameWord, type Understanding } from './understand.ts';

/**
 * The search step of `decide`: a question that names no list, figure or action is looked up in the organisation's
 * documents; the top hit decides project vs manual, and its confidence whether to answer at all.
 */

const ASPECT_FRAME = /ใคร\s*(?:เป็น)?\s*(?:คน|ผู้)?\s*(?:รับผิดชอบ|ดูแล|เป็นเจ้าภาพ|ทำ)?|(?:เป็น)?(?:คน|ผู้)?รับผิดชอบ|หน่วยงานไหน|กองไหน|เจ้าภาพ|วัตถุประสงค์|เพื่ออะไร|ตัวชี้วัด/gu;

const LIST_FRAME = /(?:^|\s)เรื่อง|เกี่ยวกับ(?:เรื่อง)?|เกี่ยวข้องกับ(?:เรื่อง)?/gu;

/** The plan's items whose name (as the summary or the detail section writes it) carries every word, or a synonym of it. */
export function itemsNaming(k: Knowledge, words: string[]): Project[] {
  const unique = [...new Set(words)];
  if (unique.length === 0) return [];
  return [...k.projects.values()].filter((p) => {
    const names = [p.name, p.detail?.name].filter((x): x is string => !!x).map((t) => matchKey(normalizeText(t)).replace(/\s+/g, ''));
    return unique.every((w) => [w, ...synonymsOf(w)].some((x) => names.some((n) => n.includes(x))));
  });
}

/** Search: the top hit decides project vs manual; its confidence decides whether to answer at all. */
export function lookup(k: Knowledge, u: Understanding, filters: ListFilters): Decision {
  // The words that ask who/when/why ("ใครรับผิดชอบ") frame the question: searched, they pull towards any text that
  // says "รับผิดชอบ". The subject is searched (when there is one).
  // (A list's "เรื่อง…/เกี่ยวกับ…" frames its topic: searched, "เรื่อง" pulls towards "รับเรื่องร้องเรียน".)
  const framed = u.wants.list ? u.topicText.replace(LIST_FRAME, ' ') : u.topicText;
  const subject = u.topicWords.length > 0 ? framed.replace(ASPECT_FRAME, ' ').replace(/\s+/g, ' ').trim() : '';
  const query = subject || u.topicText || u.text;
  const manualCue = u.manualAspects.some((a) => a === 'documents' || a === 'fee' || a === 'where');
  const hits = k.index.search(query, {
    // A list about a topic may match many items: search deep enough to list them all.
    limit: u.wants.list && u.mentionsPlan ? 40 : 8,
    // "งบ" is a plan's word (a manual has fees): a budget question leans to projects.
    typeBoost: { project: u.mentionsPlan || u.wants.budget ? 1.5 : 1, manual: (manualCue || u.situation) && !u.mentionsPlan ? 1.3 : 1 },
    filter: (d) => {
      // "มีโครงการ/มาตรการอะไรบ้าง" asks for the plan's items: a manual is not one.
      if (d.type !== 'project') return filters.dimension === undefined && filters.mission === undefined && !(u.wants.list && u.mentionsPlan);
      const p = k.projects.get(d.id);
      if (!p) return false;
      if (filters.dimension !== undefined && p.dimension !== filters.dimension) return false;
      if (filters.mission !== undefined && p.mission !== filters.mission) return false;
      return true;
    },
  });
  // "งบ" is a plan's word: when a budget question's best hit is a manual and a project is close behind, the project.
  // ("ใช้เงินกี่บาท" of a channel asks what it is budgeted, as "งบ" does; "เสียเงิน/ค่าธรรมเนียม" asks a manual's fee.)
  if ((u.wants.budget || /ใช้เงิน/u.test(u.compact)) && hits[0]?.doc.type === 'manual') {
    const first = hits[0];
    const project = hits.find((h) => h.doc.type === 'project' && h.score >= first.score * 0.4);
    if (project) {
      hits.splice(hits.indexOf(project), 1);
      hits.unshift(project);
    }
  }
  // A manual that merely shares words with an item the question names strongly and asks about: the item.
  if (hits[0]?.doc.type === 'manual' && asksAboutItem(u)) {
    const id = stronglyNamedItem(k, u);
    const item = id ? hits.find((h) => h.doc.type === 'project' && h.doc.id === id) : undefined;
    // (Only an item sure enough to be answered: moving a doubtful one first would turn an answer into an abstention.)
    if (item && hitConfidence(k, item, u, query) >= CONFIDENCE_THRESHOLD) {
      hits.splice(hits.indexOf(item), 1);
      hits.unshift(item);
    }
  }
  // A short question that is a phrase of one item's name ("ศูนย์ข้อมูลข่าวสาร", "เว็บไซต์"): the items whose name holds
  // the whole phrase come before those that only share its words (in search order among themselves).
  const phrase = matchKey(normalizeText(u.topicText)).replace(/\s+/g, '');
  // (Any number of words when the phrase is long: the question is the item's name typed out.)
  if (u.topicWords.length > 0 && (u.topicWords.length <= 4 || phrase.length >= 16) && phrase.length >= 4 && u.manualAspects.length === 0 && !u.wants.list) {
    const holds = (h: SearchHit) => matchKey(normalizeText(h.doc.title)).replace(/\s+/g, '').includes(phrase);
    const lead = hits.findIndex(holds);
    if (lead > 0 && !holds(hits[0] as SearchHit)) hits.unshift(...hits.splice(lead, 1));
  }
  preferWholeNames(hits, u);
  breakNearTie(hits, u);
  // A life situation the question names word for word ("บ้านโดนน้ำท่วม", "ขอสำเนาเอกสาร") names its service: that
  // manual first, when search found it, and taken as understood (not an abstention for the other words).
  const situated = !u.mentionsPlan && !u.wants.budget ? situationsNamed(u.text, (t) => matchKey(normalizeText(t)).replace(/\s+/g, '')) : [];
  const found = situated.length === 1 ? hits.find((h) => h.doc.type === 'manual' && h.doc.id === situated[0]) : undefined;
  // Not over a project the question names, nor a manual search ranks far ahead ("ขอดูเอกสารที่ต้องใช้แจ้งเกิด").
  const lead = hits[0];
  const named = found && lead && (found === lead || (lead.doc.type === 'manual' && found.score >= lead.score * 0.5) || hitConfidence(k, lead, u, query) < CONFIDENCE_THRESHOLD) ? found : undefined;
  if (named && hits[0] !== named) {
    hits.splice(hits.indexOf(named), 1);
    hits.unshift(named);
  }
  const top = hits[0];
  const confidence = top ? Math.max(hitConfidence(k, top, u, query), named ? CONFIDENCE_THRESHOLD + 0.05 : 0) : 0;
  // Listing the items about a topic claims less than naming one answer: a lower bar (they are shown as candidates).
  // ("มีอะไรที่…บ้าง" without a plan word, when what it finds is the plan's: the same.)
  // (Not with a word no document uses, unless the question says it asks for the plan's items: "ศีล 5 มีอะไรบ้าง".)
  const bar = u.wants.list && (u.mentionsPlan || (top?.doc.type === 'project' && unknownSubjectWords(k, query).length === 0)) ? LIST_CONFIDENCE_THRESHOLD : CONFIDENCE_THRESHOLD;
  if (!top || confidence < bar) {
    return { intent: 'unknown', hits, reason: unknownShare(k, query) >= 0.5 ? 'off-topic' : 'unsure', confidence };
  }
  if (top.doc.type === 'manual') {
    const m = k.manuals.get(top.doc.id);
    if (m) return { intent: 'manual', manual: m, aspects: u.manualAspects, hits, confidence };
  }
  const p = k.projects.get(top.doc.id);
  if (!p) return { intent: 'unknown', hits, reason: 'unsure', confidence: 0 };
  return projectDecision(k, u, p, hits, confidence);
}

/** One item of the plan found: what the question asks of it (its budget, of a year; its progress; the item itself). */
export function projectDecision(k: Knowledge, u: Understanding, p: Project, hits: SearchHit[], confidence: number): Decision {
  // "โครงการ X ปี 2568": a plan says a project's year through its budget, so the lead states that year's figure.
  // (A 'budget' aspect counts as none here: "กิจกรรมอบรมการตรวจสอบงบประมาณ… ปี 2566" asks that year's figure.)
  const yearAsked = u.years.length > 0 && u.projectAspects.every((a) => a === 'budget') && !u.wants.list && k.corpus.document?.kind !== 'report';
  // ("โครงการ…บริหารงบประมาณ หน่วยงานไหนดูแล": the "งบ" of the item's own name asks nothing.)
  const budget = (u.wants.budget || (u.wants.money && u.manualAspects.length <= 1)) && asksBudgetBeyond(u.compact, p.name);
  const intent = asksProgress(u, p, k.corpus.document?.kind === 'report') ? 'project.progress' : budget || yearAsked ? 'project.budget' : 'project';
  return { intent, project: p, year: u.years[0], hits, confidence };
}

/** Whether a budget word of the question lies outside the item's name (its letters around it are not the name's). */
export function asksBudgetBeyond(compact: string, name: string): boolean {
  const inName = normalizeText(name).replace(/\s+/g, '');
  for (const m of compact.matchAll(/งบ|กี่บาท|ใช้เงิน|เท่าไห?ร่?/gu)) {
    const at = m.index;
    const around = compact.slice(Math.max(0, at - 4), at + m[0].length + 4);
    if (!inName.includes(around)) return true;
  }
  return false;
}

/**
 * A project's progress is asked: how far it got, or what it spent ("ใช้งบไปเท่าไร" is spent, not the planned
 * budget). A report's activity answers from its results; a plan's project from the progress staff recorded.
 */
export function asksProgress(u: Understanding, p: Project, isReport: boolean): boolean {
  if (isReport) return !!p.activity && u.wants.progress && !u.wants.budget && !u.wants.money;
  if (!asksProgressBeyond(u.compact, p.name)) return false;
  return u.wants.spent || (u.wants.progress && !u.wants.budget) || ((u.wants.done || u.wants.notDone) && !u.wants.budget && !u.projectAspects.includes('when'));
}

/** Share of the question's information in words the organisation's documents never use (weather, football…). */
export function unknownShare(k: Knowledge, query: string): number {
  const { terms, unknownMass: all, unknownWords } = k.index.queryTerms(query);
  // (Words that only frame a question — "เกี่ยวกับ", "ดูแล" — say nothing about its subject, known or not.)
  const unknownMass = unknownWords.length ? (all * unknownWords.filter((w) => !isFrameWord(w)).length) / unknownWords.length : 0;
  const known = terms.filter((t) => !t.optional).reduce((a, t) => a + k.index.idf(t.term) * t.weight, 0);
  return unknownMass + known > 0 ? unknownMass / (unknownMass + known) : 1;
}

/**
 * How sure the top hit is the answer, 0..1. Evidence: the query names the document (trigram similarity of names),
 * the document covers the query's information, a clear lead over the runner-up; against it: query words no document
 * uses. Calibrated on the team's sets so that 0.5 separates answerable questions from off-topic ones.
 */
export function hitConfidence(k: Knowledge, top: SearchHit, u: Understanding, query: string): number {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const unknown = unknownShare(k, query);
  // A strong match (BM25F score 15+) or the question naming the document (trigram similarity 0.6+) is evidence…
  // (Every content word of the question inside the item's name is evidence too: "งบทำเว็บไซต์" → "…พัฒนาเว็บไซต์…".)
  const name = matchKey(normalizeText(top.doc.title)).replace(/\s+/g, '');
  // (A word "said otherwise" — one of its synonyms in the name — counts: "สินบน/ของกำนัล" → "NO Gift Policy".)
  const saidIn = (w: string) => [w, ...synonymsOf(w)].some((x) => name.includes(x));
  // (Two neighbouring words may be one word said otherwise: "ชาว|บ้าน" → "ประชาชน".)
  const found = u.topicWords.map((w, i) => saidIn(w) || (i > 0 && saidIn(`${u.topicWords[i - 1]}${w}`)) || (i + 1 < u.topicWords.length && saidIn(`${w}${u.topicWords[i + 1]}`)));
  const inName = found.filter(Boolean).length;
  const named = u.topicWords.length > 0 && inName === u.topicWords.length ? 0.8 : inName >= 2 && inName / u.topicWords.length >= 0.66 ? 0.65 : 0;
  // (Letters alone are weak evidence when no word of the question, nor a synonym, is in the name: "โรงเรียน" shares
  // most of its trigrams with "ร้องเรียน".)
  const bySpelling = clamp(top.nameSimilarity / 0.6) * (u.topicWords.length > 0 && inName === 0 ? 0.5 : 1);
  const evidence = Math.max(clamp((top.score - 3) / 12), bySpelling, named);
  // …tempered by how much of the question the document covers — the question's content words alone too (frame
  // words like โครงการ/งบ/เท่าไร set aside: a document matching only "คุณธรรม" of "โรงเรียนคุณธรรม" is a neighbour)…
  const content = u.topicWords.length > 0;
  // Synonyms of the question's words count as matches of them (they never lower coverage).
  // (…and so does the documents' word that stands in for one: "เสพติด" of "ยาเสพติด" for "ยาบ้า".)
  const isContent = (term: string, synonym: boolean) => synonym || u.topicWords.some((w) => term.includes(w) || synonymsOf(w).some((x) => x.includes(term)));
  const core = content ? (k.index.search(query, { limit: 1, onlyTerms: isContent, filter: (d) => d.id === top.doc.id && d.type === top.doc.type })[0]?.coverage ?? 0) : top.coverage;
  // (Frame words weigh on the whole question's coverage, so with content words their coverage alone decides.)
  const covered = content ? 0.4 + 0.6 * clamp(core / 0.4) : 0.5 + 0.5 * clamp(top.coverage / 0.35);
  // …and by question words no document of the organisation uses (weather, football, other towns).
  const slotOnly = u.topicWords.length === 0 && top.score > 2 ? 0.6 : 0;
  let confidence = clamp(Math.max(evidence * covered, slotOnly) * (1 - 0.8 * unknown));
  // "โครงการ<name>…": a question naming an item must find that name, not a neighbour's words.
  if (u.namesItem && top.doc.type === 'project' && top.nameSimilarity < 0.25) confidence = Math.min(confidence, 0.3);
  // …and most of the words of that name: "โครงการสร้างสะพานลอยหน้าโรงเรียน" is not "โครงการโรงเรียนคุณธรรม" because
  // both say โรงเรียน (a name the plan does not have is a plain no, not a neighbour's card).
  if (u.namesItem && top.doc.type === 'project' && top.nameSimilarity < 0.5 && u.topicWords.length >= 2) {
    const inName = u.topicWords.filter((w) => name.includes(w)).length / u.topicWords.length;
    if (inName < 0.5) confidence = Math.min(confidence, 0.3);
  }
  // "มีโครงการอบรมภาษาอังกฤษไหม": a word of the item asked for that no document uses says the plan has no such item
  // (the training it does have is a neighbour, not a yes). A word the item's own name holds is a spelling the index
  // does not know ("อิเล็กทรอนิก", "นายกฯ"), not another subject.
  if ((u.namesItem || u.asksPlanHas) && top.doc.type === 'project' && unknownSubjectWords(k, query).some((w) => !name.includes(w.replace(/[ฯ.]/gu, '')))) confidence = Math.min(confidence, 0.3);
  return confidence;
}

/** The question's subject words no document of the organisation uses, nor says otherwise (frame words aside). */
export function unknownSubjectWords(k: Knowledge, query: string): string[] {
  return k.index.queryTerms(query).unknownWords.filter((w) => w.length >= 2 && !/^\d/.test(w) && !isFrameWord(w));
}
