/**
 * Scoring the importer against hand-written answer keys (test/fixtures/plans/variants/<name>.key.json): accuracy of
 * names, dimensions and budgets, flag recall (share of wrong or ambiguous fields that carry a review flag) and the
 * share of projects flagged. Pure: the CLI (`npm run import:score`) and the variants test feed it.
 *
 * Rules: names compare with all whitespace removed (the keys' convention); budgets compare as whole objects (a year
 * left out ≠ 0). Items are paired in document order by name (then number and dimension), so one missed or extra item
 * does not shift the rest. An unpaired key item is wrong in every field and unflagged; an extra parsed item counts as
 * one wrong name (flagged if it carries any flag). A field the key marks ambiguous counts as right when flagged (a
 * person settles it) and as a missed flag when not.
 */
import { z } from 'zod';
import { matchKey, similarity } from './normalize.ts';
import type { Project, StatedTotal } from './schema.ts';

const keyTotalSchema = z.object({
  measure: z.string(),
  dimension: z.number().int().nullable().optional(),
  mission: z.string().nullable().optional(),
  year: z.union([z.string(), z.number()]).nullable().optional(),
  value: z.number(),
  line: z.number().int().optional(),
});

export const answerKeySchema = z.object({
  /** Dimension titles as printed ("1": "การสร้าง…"); scored as read (whitespace aside) or flagged. */
  dimensions: z.record(z.string(), z.string()).optional(),
  /** The totals the document prints about itself (counts, budgets per dimension and year). */
  statedTotals: z.array(keyTotalSchema).optional(),
  projects: z.array(
    z.object({
      number: z.string().nullable().optional(),
      name: z.string(),
      dimension: z.number().int().nullable(),
      mission: z.string().nullable().optional(),
      budgets: z.record(z.string(), z.number()),
      responsibleUnit: z.string().nullable().optional(),
      ambiguous: z.array(z.string()).optional(),
    }),
  ),
});
export type AnswerKey = z.infer<typeof answerKeySchema>;
type KeyProject = AnswerKey['projects'][number];

export interface FieldScore {
  right: number;
  total: number;
}

export interface VariantScore {
  keyProjects: number;
  parsedProjects: number;
  unpaired: number;
  extra: number;
  names: FieldScore;
  dimensions: FieldScore;
  budgets: FieldScore;
  /** Responsible units, over the key items that give one (a key without units scores 100). */
  units: FieldScore;
  /** Mission codes, over the key items that give one (null = the document places the item in no mission). */
  missions: FieldScore;
  /** Dimension titles of the key: read (whitespace aside), or flagged on the dimension when not read. */
  dimensionTitles: FieldScore;
  /** Wrong or ambiguous fields (name, dimension, budgets) and how many of them carry a flag. */
  flags: { wrong: number; flagged: number };
  projectsFlagged: number;
  /** Flagged projects other than those the key marks ambiguous (a flag there is asked for). */
  projectsFlaggedBeyondAmbiguous: number;
  /** Fields wrong and unflagged, for reading. */
  misses: string[];
}

const squash = (s: string) => s.replace(/\s+/g, '');
const sameBudgets = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
};
type ScoredField = 'name' | 'dimension' | 'budgets' | 'responsibleUnit' | 'mission';
/** Units compare as the same unit when one holds the other ("สำนักปลัด" / "สำนักปลัดเทศบาล"), spaces and punctuation aside. */
const sameUnit = (a: string | null, b: string | null) => {
  const x = matchKey(a ?? '');
  const y = matchKey(b ?? '');
  return x === y || (x !== '' && y !== '' && (x.includes(y) || y.includes(x)));
};
const flaggedField = (p: Project, field: ScoredField) =>
  (p.review ?? []).some((f) => (field === 'budgets' ? f.field.startsWith('budgets') : f.field === field));

/** Pairs key items with parsed items in order (dynamic programming on name similarity). */
function pair(key: KeyProject[], parsed: Project[]): [number, number][] {
  const n = key.length;
  const m = parsed.length;
  const score = (i: number, j: number) => {
    const k = key[i] as KeyProject;
    const p = parsed[j] as Project;
    let s = similarity(matchKey(k.name), matchKey(p.name));
    if (k.number && k.number === p.number) s += 0.3;
    return s >= 0.45 ? s : -1;
  };
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      const row = best[i] as number[];
      row[j] = Math.max((best[i + 1] as number[])[j] ?? 0, row[j + 1] ?? 0, s > 0 ? s + ((best[i + 1] as number[])[j + 1] ?? 0) : 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = (best[i] as number[])[j] ?? 0;
    const s = score(i, j);
    if (s > 0 && Math.abs(here - (s + ((best[i + 1] as number[])[j + 1] ?? 0))) < 1e-9) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (Math.abs(here - ((best[i + 1] as number[])[j] ?? 0)) < 1e-9) i++;
    else j++;
  }
  return pairs;
}

const valueOf = (p: Project, field: ScoredField) => (field === 'name' ? p.name : field === 'dimension' ? p.dimension : field === 'budgets' ? p.budgets : field === 'mission' ? p.mission : p.responsibleUnit);
const keyValueOf = (k: KeyProject, field: ScoredField) => (field === 'name' ? k.name : field === 'dimension' ? k.dimension : field === 'budgets' ? k.budgets : field === 'mission' ? k.mission : k.responsibleUnit);

/** A dimension as parsed: its title and the flags on it (an empty title the importer could not read is flagged). */
export interface ParsedDimension {
  number: number;
  title: string;
  review?: { field: string }[];
}

export function scoreVariant(key: AnswerKey, parsed: Project[], dimensions: ParsedDimension[] = []): VariantScore {
  const pairs = pair(key.projects, parsed);
  const byKey = new Map(pairs);
  const pairedParsed = new Set(pairs.map(([, j]) => j));
  const out: VariantScore = {
    keyProjects: key.projects.length,
    parsedProjects: parsed.length,
    unpaired: key.projects.length - pairs.length,
    extra: parsed.length - pairs.length,
    names: { right: 0, total: 0 },
    dimensions: { right: 0, total: 0 },
    budgets: { right: 0, total: 0 },
    units: { right: 0, total: 0 },
    missions: { right: 0, total: 0 },
    dimensionTitles: { right: 0, total: 0 },
    flags: { wrong: 0, flagged: 0 },
    projectsFlagged: parsed.filter((p) => (p.review ?? []).length > 0).length,
    projectsFlaggedBeyondAmbiguous: 0,
    misses: [],
  };
  const ambiguousParsed = new Set<number>();
  key.projects.forEach((k, i) => {
    const j = byKey.get(i);
    const p = j === undefined ? undefined : parsed[j];
    if (j !== undefined && (k.ambiguous ?? []).length > 0) ambiguousParsed.add(j);
    const fields: [ScoredField, FieldScore, boolean][] = [
      ['name', out.names, p !== undefined && squash(p.name) === squash(k.name)],
      ['dimension', out.dimensions, p !== undefined && p.dimension === k.dimension],
      ['budgets', out.budgets, p !== undefined && sameBudgets(p.budgets, k.budgets)],
    ];
    // A unit is scored where the key gives one (null = the document gives none).
    if (k.responsibleUnit !== undefined) fields.push(['responsibleUnit', out.units, p !== undefined && sameUnit(p.responsibleUnit, k.responsibleUnit)]);
    // A mission is scored where the key gives one (null = the document places the item in none).
    if (k.mission !== undefined) fields.push(['mission', out.missions, p !== undefined && p.mission === k.mission]);
    for (const [field, score, right] of fields) {
      const ambiguous = (k.ambiguous ?? []).includes(field);
      const flagged = p !== undefined && flaggedField(p, field);
      score.total++;
      if (right || (ambiguous && flagged)) score.right++;
      if (!right || ambiguous) {
        out.flags.wrong++;
        if (flagged) out.flags.flagged++;
        else out.misses.push(`${k.number ?? '?'} ${field}: ${p ? `got ${JSON.stringify(valueOf(p, field))}` : 'not found'}, key ${JSON.stringify(keyValueOf(k, field))}${ambiguous ? ' (ambiguous)' : ''}`);
      }
    }
  });
  for (const [n, title] of Object.entries(key.dimensions ?? {})) {
    const d = dimensions.find((x) => x.number === Number(n));
    out.dimensionTitles.total++;
    // A title the document gives must be read; an empty one (given or not) must carry a flag.
    if (d && d.title !== '' && squash(d.title) === squash(title)) out.dimensionTitles.right++;
    else if (d && d.title === '' && (d.review ?? []).some((f) => f.field === 'title')) out.dimensionTitles.right++;
    else out.misses.push(`dimension ${n} title: got ${JSON.stringify(d?.title ?? null)}, key ${JSON.stringify(title)}${d?.title === '' ? ' (empty, not flagged)' : ''}`);
  }
  out.projectsFlaggedBeyondAmbiguous = parsed.filter((p, j) => (p.review ?? []).length > 0 && !ambiguousParsed.has(j)).length;
  parsed.forEach((p, j) => {
    if (pairedParsed.has(j)) return;
    out.flags.wrong++;
    if ((p.review ?? []).length > 0) out.flags.flagged++;
    else out.misses.push(`extra item ${p.number} "${p.name.slice(0, 60)}" (line ${p.line ?? '?'})`);
  });
  return out;
}

export const pct = (s: FieldScore) => (s.total === 0 ? 100 : (100 * s.right) / s.total);
export const flagRecall = (s: VariantScore) => (s.flags.wrong === 0 ? 100 : (100 * s.flags.flagged) / s.flags.wrong);
export const flaggedShare = (s: VariantScore) => (s.parsedProjects === 0 ? 0 : (100 * s.projectsFlagged) / s.parsedProjects);
/** Share of projects flagged, not counting those the key itself marks ambiguous (the threshold applies to this). */
export const flaggedShareBeyondAmbiguous = (s: VariantScore) => (s.parsedProjects === 0 ? 0 : (100 * s.projectsFlaggedBeyondAmbiguous) / s.parsedProjects);

/**
 * The key's stated totals found among the parsed ones (same measure, dimension, mission, year and value), and the
 * parsed ones the key does not list. A key without `statedTotals` scores 0 of 0.
 */
export function scoreStated(key: AnswerKey, stated: StatedTotal[]): { found: number; total: number; extra: number; missed: string[] } {
  const keyTotals = key.statedTotals ?? [];
  const same = (k: (typeof keyTotals)[number], s: StatedTotal) =>
    k.measure === s.measure && (k.dimension ?? null) === s.dimension && (k.mission ?? null) === s.mission && String(k.year ?? '') === String(s.year ?? '') && k.value === s.value;
  const missed = keyTotals.filter((k) => !stated.some((s) => same(k, s)));
  const extra = key.statedTotals ? stated.filter((s) => s.mission === null && !keyTotals.some((k) => same(k, s))).length : 0;
  return { found: keyTotals.length - missed.length, total: keyTotals.length, extra, missed: missed.map((k) => `${k.measure} ${k.dimension ?? 'all'} ${k.year ?? ''} = ${k.value} (line ${k.line ?? '?'})`) };
}
