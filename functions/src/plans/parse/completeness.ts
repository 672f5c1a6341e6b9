/**
 * The last pass over a parsed plan, whatever its template: a field the importer leaves empty where the document
 * gives that field for other items carries a review flag (`{ field, reason, line }`), so a person sees it before the
 * plan is published. A field the document gives for no item at all (a plan without missions, without units) is the
 * document's, not a gap, and is not flagged.
 */
import type { Project, ReviewFlag } from '../schema.ts';
import { why } from './reasons.ts';

const has = (p: Project, field: string) => (p.review ?? []).some((f) => f.field === field);
const push = (p: Project, flag: ReviewFlag) => {
  p.review = [...(p.review ?? []), flag];
};

/** An item without a mission in a dimension whose other items have one: no heading above it was read. */
export function flagMissingMissions(projects: Project[]): void {
  const withMissions = new Set(projects.filter((p) => p.mission !== null).map((p) => p.dimension));
  for (const p of projects) {
    if (p.mission !== null || !withMissions.has(p.dimension) || has(p, 'mission')) continue;
    push(p, { field: 'mission', ...why.missionNotRead(p.dimension), line: p.line });
  }
}

/**
 * An item whose detail section names no unit (and no table gave one), where most detail sections name theirs: the
 * unit was printed in a way not read, or is missing. (Units a table's unit column leaves empty are flagged where
 * the table is read, `units.ts`.)
 */
export function flagMissingUnits(projects: Project[]): void {
  const withDetail = projects.filter((p) => p.detail !== null);
  const named = withDetail.filter((p) => (p.detail?.responsibleUnit ?? '') !== '').length;
  if (withDetail.length < 2 || named < withDetail.length / 2) return;
  for (const p of withDetail) {
    if (p.responsibleUnit !== null || has(p, 'responsibleUnit')) continue;
    push(p, { field: 'responsibleUnit', ...why.detailNamesNoUnit(), line: p.detail?.line ?? p.line });
  }
}

/**
 * A summary table whose header names a responsible unit ("หน่วยงาน" / "รับผิดชอบ") in a column that was not found
 * among its columns: every item left without a unit is flagged (its cell was not read). Units a found column leaves
 * empty are flagged where the table is read (`summary.ts`, `units.ts`).
 */
export function flagUnreadTableUnits(projects: Project[], headerNamesUnit: boolean): void {
  if (!headerNamesUnit) return;
  for (const p of projects) {
    if (p.responsibleUnit !== null || has(p, 'responsibleUnit')) continue;
    push(p, { field: 'responsibleUnit', ...why.unitColumnNotFound(), line: p.line });
  }
}
