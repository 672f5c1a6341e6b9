import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CorpusManual } from '../search/corpus.ts';
import { corporaFromPlanFiles } from '../search/fileCorpus.ts';
import { StaticCorpusProvider } from '../search/knowledgeBase.ts';
import { manualToCorpus } from '../search/manuals.ts';
import type { ManualContent } from '../manuals/schema.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The manuals module's standard set for an organisation, when that module provides one (`standardManuals(org)` in
 * functions/src/manuals/standard.ts); otherwise none. Loaded by path so the engine builds before that module lands.
 */
export async function loadStandardManuals(): Promise<((orgId: string, orgName: string) => CorpusManual[]) | null> {
  const file = path.join(REPO_ROOT, 'functions/src/manuals/standard.ts');
  if (!existsSync(file)) return null;
  // The module's exact signature is the manuals module's; read it loosely.
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = mod.standardManuals;
  if (typeof fn !== 'function') return null;
  return (orgId, orgName) => {
    const list = (fn as (org: { id: string; name: string }) => ManualContent[])({ id: orgId, name: orgName });
    return list.map(manualToCorpus);
  };
}

/** Demo organisations from data/plans with the standard manuals: the CLI, eval and bench use it without a database. */
export async function demoProvider(plansDir = path.join(REPO_ROOT, 'data/plans')): Promise<StaticCorpusProvider> {
  const manuals = await loadStandardManuals();
  return new StaticCorpusProvider(corporaFromPlanFiles(plansDir, manuals ?? undefined));
}
