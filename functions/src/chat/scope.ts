import { sharedBudgetOf } from '../plans/budgetConflict.ts';
import type { Project } from '../plans/schema.ts';
import { unitKey, type Knowledge } from '../search/knowledgeBase.ts';
import { matchKey, normalizeText } from '../search/normalize.ts';
import { synonymsOf } from '../search/synonyms.ts';
import { tokenizeParts } from '../search/tokenize.ts';
import { withinRange } from './budgetRange.ts';
import type { ListFilters } from './types.ts';
import type { Understanding } from './understand.ts';

/**
 * The scope of a question in the organisation's document: the dimension it names by its title, the missions its
 * subject names, and the projects within a list's filters (dimension, mission, unit — OCR-noised spellings too —,
 * year, budget, topic). Pure.
 */

/**
 * What the organisation's own document tells about a question's words: a dimension named by its title ("มิติการมี
 * ส่วนร่วมของภาคประชาชน", or "มิติที่ 3 การมีส่วนร่วม…": the title words are the slot, not a subject).
 */
/** The four dimensions' titles in the national template, 2561-2565 generation and 2566-2570 generation. */
const NATIONAL_DIMENSION_TITLES: Readonly<Record<number, readonly string[]>> = {
  1: ['การสร้างสังคมที่ไม่ทนต่อการทุจริต', 'การสร้างวัฒนธรรมสุจริต'],
  2: ['การบริหารราชการเพื่อป้องกันการทุจริต', 'การบริหารราชการด้วยความโปร่งใส'],
  3: ['การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน'],
  4: ['การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น', 'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น'],
};

/** The words of what the whole plan is for: preventing and opposing corruption (matching form). */
const ANTI_CORRUPTION: ReadonlySet<string> = new Set(['ป้องกัน', 'ต่อต้าน', 'ต้าน', 'ปราบปราม', 'ทุจริต', 'การทุจริต', 'ป้องกันการทุจริต', 'ต่อต้านการทุจริต', 'แก้ไข'].map(matchKey));

/** The plan's own title with the national template's, in matching form: what the whole plan is about. */
const PLAN_TITLE = (title: string) => matchKey(normalizeText(`${title} แผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใส`)).replace(/\s+/g, '');

export function withDocument(k: Knowledge, u: Understanding): Understanding {
  const doc = k.corpus.document;
  if (!doc || u.topicWords.length === 0) return u;
  const titleKey = (t: string) => matchKey(normalizeText(t)).replace(/\s+/g, '');
  let dimension = u.dimension;
  // "มิติ…", or "ด้าน…" opening the question ("ด้านความโปร่งใสมีโครงการอะไรบ้าง": the templates head dimensions so).
  const saysDimension = /มิติ|มติ|หมวด/u.test(u.compact) || /^(?:ใน|ของ)?ด้าน(?!ที่)/u.test(u.compact);
  const aggregate = u.wants.list || u.wants.count || (u.wants.total && (u.wants.budget || u.wants.money));
  if (dimension === null && !u.wants.whichDimension && (saysDimension || aggregate)) {
    // The document's own title, or the national template's title of that dimension in either generation of the
    // template (plans written to one are asked about in the words of the other).
    const titles = (d: { number: number; title: string }) => [d.title, ...(NATIONAL_DIMENSION_TITLES[d.number] ?? [])];
    const wordsOf = (t: string) => tokenizeParts(t, { dropStopwords: true }).words.filter((w) => w.length > 1 && !LIST_FRAME.has(w)).length;
    const keysOf = (d: { number: number; title: string }) => titles(d).map(titleKey);
    // A word only one dimension's titles carry ("กลไก", "วัฒนธรรม"): it names that dimension, unless an item's name
    // carries the question's words too (then the question may be about those items).
    const planTitle = PLAN_TITLE(doc.title);
    const others = (n: number) => doc.dimensions.filter((d) => d.number !== n).flatMap(keysOf);
    const inSomeName = [...k.projects.values()].some((p) => {
      const name = titleKey(p.name);
      return u.topicWords.every((w) => name.includes(w));
    });
    const scored = doc.dimensions
      .map((d) => {
        const all = titles(d).map((t) => {
          const key = titleKey(t);
          const hit = u.topicWords.filter((w) => key.includes(w)).length;
          return { hit, share: hit / Math.max(1, wordsOf(t)) };
        });
        const best = all.sort((a, b) => b.hit - a.hit || b.share - a.share)[0] ?? { hit: 0, share: 0 };
        const own = keysOf(d);
        // (Not a word of the plan's own title: "ป้องกันการทุจริต" is what the whole plan is about.)
        const distinctive = u.topicWords.some((w) => own.some((t) => t.includes(w)) && !others(d.number).some((t) => t.includes(w)) && !planTitle.includes(w));
        return { d: d.number, hit: best.hit, share: best.share, distinctive };
      })
      // With "มิติ" two title words name it; without, the question's words must be (nearly) all the title's: three
      // of them with at most one other word, or two that are most of a short title and nothing else, or two with a
      // word of that dimension's title alone that no item's name carries with them.
      .filter((x) =>
        saysDimension
          ? x.hit >= 2 || (x.hit >= 1 && u.topicWords.length === 1)
          : (x.hit >= 3 && x.hit >= u.topicWords.length - 1) ||
            (x.hit >= 2 && x.hit === u.topicWords.length && x.share >= 0.6) ||
            (x.hit >= 2 && x.hit === u.topicWords.length && x.distinctive && !inSomeName),
      )
      .sort((a, b) => b.hit - a.hit);
    if (scored[0] && scored[0].hit > (scored[1]?.hit ?? 0)) dimension = scored[0].d;
  }
  if (dimension === null) {
    // "ป้องกันการทุจริตมีกี่โครงการ": words of the plan's own title name the whole plan, not a subject in it.
    const plan = PLAN_TITLE(doc.title);
    // (Unless an item's name carries them: "โครงการคุณธรรมมีกี่โครงการ" counts those items. "ป้องกัน/ต่อต้านการ
    // ทุจริต" is what every item of the plan is for: a total or count of it is the plan's, "ตั้งงบป้องกันทุจริตรวมไว้เท่าไร".)
    const planSubject = u.topicWords.every((w) => ANTI_CORRUPTION.has(w) || synonymsOf(w).includes(matchKey('ทุจริต')));
    const wholePlan = aggregate && !saysDimension && (planSubject || (u.topicWords.every((w) => plan.includes(w)) && ![...k.projects.values()].some((p) => u.topicWords.every((w) => titleKey(p.name).includes(w)))));
    return wholePlan ? { ...u, topicWords: [] } : u;
  }
  const own = doc.dimensions.find((d) => d.number === dimension);
  const named = [own?.title ?? '', ...(NATIONAL_DIMENSION_TITLES[dimension] ?? [])].map(titleKey);
  const topicWords = u.topicWords.filter((w) => !named.some((t) => t.includes(w)));
  return { ...u, dimension, topicWords };
}

/** The missions (at most 3) whose titles name every topic word and that have projects within the filters. */
export function missionsAbout(k: Knowledge, words: string[], filters: ListFilters): string[] {
  const doc = k.corpus.document;
  if (!doc || words.length === 0) return [];
  const found = doc.dimensions
    .flatMap((d) => d.missions)
    .filter((m) => {
      const title = matchKey(normalizeText(m.title)).replace(/\s+/g, '');
      return words.every((w) => title.includes(w));
    })
    .filter((m) => filterProjects(k, { ...filters, mission: m.code }).length > 0);
  // A topic in the titles of many missions is too general to be what the person means: search instead.
  return found.length <= 3 ? found.map((m) => m.code) : [];
}

/** "หน่วยงานตรวจสอบภายใน" and "หน่วยตรวจสอบภายใน" are one unit. */
const sameUnitKey = (key: string) => key.replace(/หน่วยงาน/gu, 'หน่วย');

/**
 * Whether a project's unit text names the unit: contains it, or (a unit name of 8+ letters) contains it with OCR
 * noise — a stretch within a quarter of its length in edits ("งานกิจกรรมสปา" for "งานกิจการสภา").
 */
export function unitNamed(text: string, unit: string): boolean {
  if (text.includes(unit)) return true;
  if (unit.length < 8) return false;
  const max = Math.floor(unit.length / 4);
  for (let len = unit.length - max; len <= unit.length + max; len++) {
    for (let i = 0; i + len <= text.length; i++) if (editDistance(text.slice(i, i + len), unit, max) <= max) return true;
  }
  return false;
}

/** Levenshtein distance, cut off above `max`. */
function editDistance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The projects within a list's filters, in document order. */
export function filterProjects(k: Knowledge, f: ListFilters): Project[] {
  const unit = f.unit ? unitKey(f.unit) : null;
  const all = [...k.projects.values()];
  // Whether an item has a budget is its row's: an item of a row whose one set of figures is several items' is funded
  // (together with them) though the importer keeps the figures on the row's first item.
  const budgetsOf = (p: Project) => sharedBudgetOf(p, all)?.budgets ?? p.budgets;
  return all
    .filter((p) => f.dimension === undefined || p.dimension === f.dimension)
    .filter((p) => f.mission === undefined || p.mission === f.mission)
    .filter((p) => f.missions === undefined || (p.mission !== null && f.missions.includes(p.mission)))
    .filter((p) => f.topic === undefined || f.topic.ids.includes(p.id))
    .filter((p) => !unit || unitNamed(sameUnitKey(unitKey([p.responsibleUnit, p.detail?.responsibleUnit, p.yearPlan?.unit].filter(Boolean).join(' '))), sameUnitKey(unit)))
    .filter((p) => {
      if (!f.noBudget) return true;
      if (f.year !== undefined) return (budgetsOf(p)[String(f.year)] ?? 0) === 0;
      return Object.values(budgetsOf(p)).every((v) => v === 0);
    })
    .filter((p) => !f.exclude?.includes(p.id))
    .filter((p) => {
      if (!f.budgetRange) return true;
      // (A row's figures for several items are no one item's amount: not within or outside any threshold.)
      if (p.budgetShared) return false;
      const range = f.budgetRange;
      if (f.year !== undefined) return withinRange(p.budgets[String(f.year)] ?? 0, range);
      return Object.values(p.budgets).some((v) => withinRange(v, range));
    })
    .filter((p) => {
      if (!f.withBudget) return true;
      if (f.year !== undefined) return (budgetsOf(p)[String(f.year)] ?? 0) > 0;
      return Object.values(budgetsOf(p)).some((v) => v > 0);
    })
    .sort((a, b) => a.seq - b.seq);
}

/** Words that say what kind of thing is asked for, not its subject ("โครงการเกี่ยวกับ…", "กิจกรรมด้าน…"). */
const LIST_FRAME: ReadonlySet<string> = new Set(['โครงการ', 'กิจกรรม', 'มาตรการ', 'ภารกิจ', 'แผน', 'เกี่ยว', 'เกี่ยวข้อง', 'ด้าน', 'เรื่อง', 'การ'].map(matchKey));

/** The subject of a list question as word keys (kept apart from `topicWords`, whose budget framing drops "ร่วม"). */
export function subjectKeys(topicText: string): string[] {
  return tokenizeParts(topicText, { dropStopwords: true }).words.filter((w) => w.length > 1 && !/^\d/.test(w) && !LIST_FRAME.has(w));
}
