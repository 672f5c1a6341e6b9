/**
 * Detail sections of a 1-year plan (an appendix, ภาคผนวก, or a ส่วนที่ after the tables: "โครงการที่ N" /
 * "1. ชื่อโครงการ : …" sheets, or "ชื่อกิจกรรม : …" blocks with "งบประมาณ :" and "ผู้รับผิดชอบ :" lines), read as in
 * the 5-year template and reconciled with the table rows the same way: names, dimension, budget and responsible
 * unit compared, every disagreement a review flag on the field. The rows' values stay (figures are never adjusted);
 * a row without a unit takes the detail section's.
 */
import { matchKey, type WrapEvidence } from '../normalize.ts';
import type { Project } from '../schema.ts';
import type { Line } from './common.ts';
import { detailOfSection, parseDetailSections, type DetailSection } from './five-year.ts';
import { pairSections } from './link.ts';
import { reconcile, unitsDiffer } from './reconcile.ts';

export interface YearDetailsResult {
  unlinkedSections: DetailSection[];
  notes: string[];
  /** Whether the document has detail sections at all. */
  sections: number;
}


/**
 * Reads the detail sections outside the tables (`tableLines`) and reconciles each table row with its own. Changes
 * `projects` in place: `detail`, `review`, a name the detail shows the row cut or merged, a missing unit.
 */
export function reconcileYearDetails(projects: Project[], lines: Line[], tableLines: Set<number>, evidence: WrapEvidence): YearDetailsResult {
  const first = Math.min(...tableLines);
  const last = Math.max(...tableLines);
  if (!Number.isFinite(first)) return { unlinkedSections: [], notes: [], sections: 0 };
  // Table rows are the summary; detail sections are read after the last table (an appendix), or, when there are
  // none there, after the first (sheets printed between the tables). Headings between the tables name the tables'
  // dimensions, not the appendix's.
  const outside = lines.filter((l) => !tableLines.has(l.no));
  let sections = parseDetailSections(outside, last, evidence);
  if (sections.length === 0) sections = parseDetailSections(outside, first, evidence);
  if (sections.length === 0) return { unlinkedSections: [], notes: [], sections: 0 };
  const notes: string[] = [];
  const linked = pairSections(projects, sections, notes);
  const sectionsExist = sections.length >= projects.length * 0.8;
  projects.forEach((p, i) => {
    const s = linked.get(i) ?? null;
    const chosen = reconcile(
      { name: p.name, dimension: p.dimension, budgets: p.budgets, line: p.line ?? s?.line ?? 1, review: p.review ?? [], shared: p.budgetShared !== null, unit: p.responsibleUnit },
      s,
      sectionsExist,
    );
    p.review = chosen.review;
    if (chosen.name !== p.name) {
      p.nameAsWritten ??= p.name;
      p.name = chosen.name;
      p.nameKey = matchKey(chosen.name);
    }
    if (s) {
      p.detail = detailOfSection(s);
      if (!p.responsibleUnit && s.responsibleUnit) p.responsibleUnit = s.responsibleUnit;
      // The sheet names the unit and does not contradict the row: what a shared or empty unit cell left open is settled.
      if (s.responsibleUnit && !unitsDiffer(p.responsibleUnit, s.responsibleUnit, 1)) p.review = (p.review ?? []).filter((f) => !(f.field === 'responsibleUnit' && /unit cell/.test(f.reason)));
    }
  });
  const used = new Set(linked.values());
  return { unlinkedSections: sections.filter((s) => !used.has(s)), notes, sections: sections.length };
}
