/**
 * The review of a draft's dimensions, in domain words and pure: a dimension's fields are its title and its missions'
 * titles (`title`, `missions.4.1`); the importer's doubts about them (`dimensions[].review`) are their flags. A
 * reviewer accepts a title as read or edits it, like a project's field.
 *
 * The draft's stored dimensions stay as imported until publication: their reviewed titles are the projection of the
 * append-only review record (the last edit of each field, in the record's order), so two reviewers editing two
 * dimensions at once never overwrite each other's change. Publication writes the reviewed dimensions with the version.
 */
import type { DimensionView, FieldState, FieldView, FlagView } from '../../contracts/plans.ts';
import type { Dimension, DimensionFlag, Project, ReviewFlag } from '../schema.ts';
import type { ReviewEntry } from './schema.ts';

/** A stored flag (an item's or a dimension's) as the review shows it; versions imported before the Thai have none. */
export const flagView = (f: Pick<ReviewFlag | DimensionFlag, 'reason' | 'reasonTh' | 'line'>): FlagView => ({ reason: f.reason, reasonTh: f.reasonTh ?? null, line: f.line });

/** The mission a `missions` flag names (older versions name it only in the reason: "mission 4.1 has no title…"). */
export function missionOfFlag(flag: DimensionFlag): string | null {
  if (flag.field !== 'missions') return null;
  return flag.mission ?? /\bmission ([1-4]\.\d{1,2})\b/.exec(flag.reason)?.[1] ?? null;
}

/** The fields a reviewer sees for a dimension: its title, then each mission's title. */
export function dimensionFieldsOf(dimension: Dimension): string[] {
  return ['title', ...dimension.missions.map((m) => `missions.${m.code}`)];
}

/** The flags of one field of a dimension. */
export function flagsOfField(dimension: Dimension, field: string): DimensionFlag[] {
  return (dimension.review ?? []).filter((f) => (field === 'title' ? f.field === 'title' : f.field === 'missions' && `missions.${missionOfFlag(f)}` === field));
}

/** The flagged fields of a dimension (a `missions` flag whose mission is unknown counts for none). */
function flaggedFields(dimension: Dimension): string[] {
  return dimensionFieldsOf(dimension).filter((field) => flagsOfField(dimension, field).length > 0);
}

export function dimensionValueOf(dimension: Dimension, field: string): string {
  if (field === 'title') return dimension.title;
  return dimension.missions.find((m) => `missions.${m.code}` === field)?.title ?? '';
}

const keyOf = (dimension: number, field: string) => `${dimension}|${field}`;

/** The last edit or acceptance per `dimension|field`. */
export function lastDimensionActions(log: ReviewEntry[]): Map<string, ReviewEntry> {
  const last = new Map<string, ReviewEntry>();
  for (const e of log) if (e.dimension !== undefined && e.field && e.action !== 'publish') last.set(keyOf(e.dimension, e.field), e);
  return last;
}

/** The dimensions as reviewed: each title and mission title the record's last edit gave it, the rest as imported. */
export function reviewedDimensions(dimensions: Dimension[], log: ReviewEntry[]): Dimension[] {
  const edits = new Map<string, string>();
  for (const e of log) if (e.action === 'edit' && e.dimension !== undefined && e.field && typeof e.after === 'string') edits.set(keyOf(e.dimension, e.field), e.after);
  return dimensions.map((d) => ({
    ...d,
    title: edits.get(keyOf(d.number, 'title')) ?? d.title,
    missions: d.missions.map((m) => ({ ...m, title: edits.get(keyOf(d.number, `missions.${m.code}`)) ?? m.title })),
  }));
}

/** How many flagged dimension fields no one has accepted or edited yet. */
export function openDimensionFlags(dimensions: Dimension[], log: ReviewEntry[]): number {
  const last = lastDimensionActions(log);
  return dimensions.reduce((n, d) => n + flaggedFields(d).filter((field) => !last.has(keyOf(d.number, field))).length, 0);
}

const neighbours = (line: number) => [line - 1, line, line + 1].filter((l) => l >= 1);

/** The row of the dimension's first item: a summary table prints the dimension's title in that row's first cell. */
const firstRowOf = (n: number, projects: Project[]) => projects.find((p) => p.dimension === n)?.line ?? null;

/** The source lines a dimension's review shows: each flag's line with its neighbours, and its first item's row. */
export function dimensionLinesWanted(dimensions: Dimension[], projects: Project[]): number[] {
  return dimensions.flatMap((d) => [...(d.review ?? []).flatMap((f) => (f.line ? neighbours(f.line) : [])), ...(d.review?.length ? [firstRowOf(d.number, projects) ?? 0] : [])]);
}

/**
 * The dimensions as the review page shows them: reviewed values, each field's flags, state, last action and source
 * lines; flagged fields first, dimensions with unchecked flags first.
 */
export function dimensionViews(dimensions: Dimension[], log: ReviewEntry[], projects: Project[], text: Map<number, string>): DimensionView[] {
  const last = lastDimensionActions(log);
  const reviewed = reviewedDimensions(dimensions, log);
  const views = reviewed.map((d): DimensionView => {
    const fields = dimensionFieldsOf(d).map((field): FieldView => {
      const own = flagsOfField(d, field);
      const action = last.get(keyOf(d.number, field));
      const state: FieldState = own.length === 0 ? 'unflagged' : action ? (action.action === 'edit' ? 'edited' : 'accepted') : 'open';
      const row = own.length ? firstRowOf(d.number, projects) : null;
      const lines = [...new Set([...own.flatMap((f) => (f.line ? neighbours(f.line) : [])), ...(row ? [row] : [])])].sort((a, b) => a - b);
      return {
        field,
        label: field === 'title' ? `ชื่อมิติที่ ${d.number}` : `ชื่อภารกิจ ${field.slice('missions.'.length)}`,
        value: dimensionValueOf(d, field),
        flags: own.map(flagView),
        state,
        last: action && action.action !== 'publish' ? { action: action.action, by: action.by.displayName, at: action.at } : null,
        source: lines.flatMap((line) => (text.has(line) ? [{ line, text: text.get(line) ?? '' }] : [])),
      };
    });
    const rank = (f: FieldView) => (f.state === 'open' ? 0 : f.state === 'unflagged' ? 2 : 1);
    fields.sort((a, b) => rank(a) - rank(b));
    const openFlags = fields.filter((f) => f.state === 'open').length;
    return { number: d.number, title: d.title, openFlags, flagged: fields.some((f) => f.state !== 'unflagged'), fields };
  });
  const rank = (v: DimensionView) => (v.openFlags > 0 ? 0 : v.flagged ? 1 : 2);
  return views.sort((a, b) => rank(a) - rank(b) || a.number - b.number);
}

/** A number as a pattern that takes Arabic or Thai digits: "4.2" → [4๔]\.[2๒]. */
const digitsPattern = (code: string) => [...code].map((c) => (/\d/.test(c) ? `[${c}${String.fromCharCode(0x0e50 + Number(c))}]` : '\\.')).join('');

/**
 * A title as the reviewer typed it, without the number of what it names (the chat says "มิติที่ N <title>" and
 * "ภารกิจ 4.2 <title>" itself): a leading "มิติที่ 4" on a dimension's title, "ภารกิจที่ 4.2" or "4.2" on that mission's;
 * null when nothing is left.
 */
export function withoutOwnNumber(title: string, field: string, dimension: number): string | null {
  const mission = field.startsWith('missions.') ? field.slice('missions.'.length) : null;
  const prefix = mission ? `(?:(?:ภารกิจ|พันธกิจ)(?:ที่)?\\s*)?${digitsPattern(mission)}` : `(?:มิติ(?:ที่)?|ด้านที่)\\s*${digitsPattern(String(dimension))}`;
  const rest = title
    .trim()
    .replace(new RegExp(`^${prefix}(?![0-9\u0E50-\u0E59]|\\.[0-9\u0E50-\u0E59])\\s*[:.\\-–]?\\s*`, 'u'), '')
    .trim();
  return rest === '' ? null : rest;
}
