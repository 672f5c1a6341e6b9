/**
 * npm run import:score -- DIR [--verbose]
 *
 * Imports every document of DIR that has an answer key beside it (`<name>.txt|.docx|.pdf` + `<name>.key.json`),
 * as `npm run import -- --dry-run --json` would, and scores it against the key: names, dimensions, budgets, flag
 * recall (wrong or ambiguous fields that carry a review flag) and the share of projects flagged. Exit 1 when a
 * variant is under the thresholds (95 % per field, 90 % flag recall, at most 30 % flagged).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocumentBytes } from '../plans/sources/index.ts';
import type { Project, StatedTotal } from '../plans/schema.ts';
import { answerKeySchema, flaggedShare, flaggedShareBeyondAmbiguous, flagRecall, pct, scoreStated, scoreVariant, type ParsedDimension, type VariantScore } from '../plans/score.ts';
import { runAsMain } from './common.ts';

export const THRESHOLDS = { field: 95, flagRecall: 90, flaggedShare: 30 } as const;

export function meetsThresholds(s: VariantScore): boolean {
  return (
    pct(s.names) >= THRESHOLDS.field &&
    pct(s.dimensions) >= THRESHOLDS.field &&
    pct(s.budgets) >= THRESHOLDS.field &&
    pct(s.units) >= THRESHOLDS.field &&
    pct(s.missions) >= THRESHOLDS.field &&
    pct(s.dimensionTitles) >= THRESHOLDS.field &&
    flagRecall(s) >= THRESHOLDS.flagRecall &&
    flaggedShareBeyondAmbiguous(s) <= THRESHOLDS.flaggedShare
  );
}

/** Scores every keyed document of a folder. */
export interface VariantResult {
  name: string;
  score: VariantScore;
  /** The document's own totals (key `statedTotals`) read as stored fields. */
  stated: ReturnType<typeof scoreStated>;
  /** Why the document could not be imported (then every field is wrong). */
  error?: string;
}

export async function scoreFolder(dir: string): Promise<VariantResult[]> {
  const files = (await readdir(dir)).sort();
  const out: VariantResult[] = [];
  for (const keyFile of files.filter((f) => f.endsWith('.key.json'))) {
    const name = keyFile.replace(/\.key\.json$/, '');
    const doc = files.find((f) => f !== keyFile && f.startsWith(`${name}.`) && /\.(?:txt|docx|pdf)$/i.test(f));
    if (!doc) continue;
    const key = answerKeySchema.parse(JSON.parse(await readFile(join(dir, keyFile), 'utf8')));
    let projects: Project[] = [];
    let stated: StatedTotal[] = [];
    let dimensions: ParsedDimension[] = [];
    let error: string | undefined;
    try {
      ({ projects, stated, dimensions } = await readDocumentBytes(await readFile(join(dir, doc)), doc));
    } catch (err) {
      error = (err as Error).message;
    }
    out.push({ name, score: scoreVariant(key, projects, dimensions), stated: scoreStated(key, stated), ...(error ? { error } : {}) });
  }
  return out;
}

const f1 = (n: number) => n.toFixed(1).padStart(5);

export async function runScore(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    out('usage: npm run import:score -- DIR [--verbose]');
    return 64;
  }
  const verbose = argv.includes('--verbose');
  const results = await scoreFolder(dir);
  out('variant                                      items(key/parsed)  names  dims  budgets  units  missions  dim-titles  flag-recall  flagged (not asked)  totals  ok');
  let allOk = true;
  for (const { name, score, stated, error } of results) {
    if (error) out(`${name}: not imported: ${error}`);
    const ok = meetsThresholds(score);
    allOk &&= ok;
    out(
      `${name.padEnd(45)} ${`${score.keyProjects}/${score.parsedProjects}`.padStart(8)}        ${f1(pct(score.names))}  ${f1(pct(score.dimensions))}  ${f1(pct(score.budgets))}  ${f1(pct(score.units))}  ${f1(pct(score.missions))}     ${f1(pct(score.dimensionTitles))}    ${f1(flagRecall(score))}      ${f1(flaggedShare(score))} (${f1(flaggedShareBeyondAmbiguous(score))})  ${`${stated.found}/${stated.total}`.padStart(6)}  ${ok ? 'yes' : 'NO'}`,
    );
    if (verbose) for (const m of score.misses) out(`    unflagged: ${m}`);
    if (verbose) for (const m of stated.missed) out(`    stated total not read: ${m}`);
  }
  out(`${results.length} variants scored; thresholds: fields ≥ ${THRESHOLDS.field} %, flag recall ≥ ${THRESHOLDS.flagRecall} %, flagged ≤ ${THRESHOLDS.flaggedShare} % (not counting items the key marks ambiguous)`);
  return allOk ? 0 : 1;
}

runAsMain(import.meta, runScore);
