/**
 * Looking again where the document's own count says items are missing: when a dimension states more items than
 * the summary table gave, a detail section of that dimension that no summary item links to, with a number the
 * dimension's items do not use, is the missing item. It is added from its section (budgets from the section's
 * text) with a review flag saying so; nothing is added where the counts agree.
 */
import type { Project, StatedTotal } from '../schema.ts';
import type { DetailSection } from './five-year.ts';
import { projectsFromSections } from './sections-only.ts';
import { why } from './reasons.ts';

export function recoverFromSections(projects: Project[], unlinked: DetailSection[], stated: StatedTotal[], years: number[]): { projects: Project[]; used: DetailSection[]; notes: string[] } {
  const notes: string[] = [];
  const usedSections: DetailSection[] = [];
  let out = [...projects];
  for (const d of [1, 2, 3, 4]) {
    const claim = stated.find((s) => s.measure === 'projects' && s.dimension === d && s.mission === null);
    const items = out.filter((p) => p.dimension === d);
    if (!claim || claim.value <= items.length) continue;
    const used = new Set(items.map((p) => p.number));
    const candidates = unlinked.filter((s) => s.dimension === d && s.number !== null && !used.has(s.number)).slice(0, claim.value - items.length);
    if (candidates.length === 0) continue;
    usedSections.push(...candidates);
    const ids = new Set(out.map((p) => p.id));
    for (const found of projectsFromSections(candidates, years)) {
      let id = found.id;
      for (let k = 2; ids.has(id); k++) id = `${found.id}-${k}`;
      ids.add(id);
      const project: Project = {
        ...found,
        id,
        review: [
          { field: 'name', ...why.recoveredFromSection(claim.value, d, claim.line), line: found.line },
          ...(Object.values(found.budgets).some((v) => v > 0) ? [{ field: 'budgets', ...why.budgetsFromDetailText(), line: found.line }] : []),
          ...(found.review ?? []),
        ],
      };
      // After the dimension's last item with a lower number (else at the dimension's start, else at the end).
      const n = Number(project.number);
      let at = -1;
      out.forEach((p, i) => {
        if (p.dimension === d && (Number(p.number) < n || Number.isNaN(Number(p.number)))) at = i;
      });
      if (at < 0) at = out.findIndex((p) => p.dimension >= d) - 1;
      out = [...out.slice(0, at + 1), project, ...out.slice(at + 1)];
      notes.push(`line ${found.line ?? '?'}: item ${project.number} "${project.name}" read from its detail section: มิติที่ ${d} states ${claim.value} items, the summary table gave ${items.length}`);
    }
  }
  return { projects: out.map((p, i) => ({ ...p, seq: i + 1 })), used: usedSections, notes };
}
