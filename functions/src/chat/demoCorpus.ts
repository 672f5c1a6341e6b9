import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CorpusManual } from '../search/corpus.ts';
import { corporaFromPlanFiles } from '../search/fileCorpus.ts';
import { StaticCorpusProvider } from '../search/knowledgeBase.ts';
import { manualToCorpus } from '../search/manuals.ts';
import type { ManualContent } from '../manuals/schema.ts';
import { orgSchema, type Org } from '../orgs/schema.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The manuals module's standard set for an organisation (`instantiateStandardManuals` in
 * functions/src/manuals/standard.ts), or null while that module is absent or incomplete. Loaded by path so the
 * engine builds and runs before that module lands.
 */
export async function loadStandardManuals(): Promise<((orgId: string, orgName: string) => CorpusManual[]) | null> {
  const file = path.join(REPO_ROOT, 'functions/src/manuals/standard.ts');
  if (!existsSync(file)) return null;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch {
    return null;
  }
  const fn = mod.instantiateStandardManuals;
  if (typeof fn !== 'function') return null;
  const instantiate = fn as (org: Org, now: Date) => ManualContent[];
  return (orgId, orgName) => {
    const now = new Date().toISOString();
    const org = orgSchema.parse({ id: orgId, name: orgName, createdAt: now, updatedAt: now });
    return instantiate(org, new Date()).map(manualToCorpus);
  };
}

/** Demo organisations from data/plans with the standard manuals: the CLI, eval and bench use it without a database. */
export async function demoProvider(plansDir = path.join(REPO_ROOT, 'data/plans')): Promise<StaticCorpusProvider> {
  const manuals = await loadStandardManuals();
  return new StaticCorpusProvider(corporaFromPlanFiles(plansDir, manuals ?? undefined));
}
