import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlanDocument } from '../plans/parse/index.ts';
import type { ParsedDocument } from '../plans/schema.ts';
import type { Corpus, CorpusManual, CorpusOrg } from './corpus.ts';
import { StaticCorpusProvider } from './knowledgeBase.ts';

/** The organisation id of a demo file: "maesot-plan-2566-2570.txt" → "maesot". */
export function orgIdOfFile(file: string): string {
  return path.basename(file).split('-')[0] ?? file;
}

export function corpusFromDocument(orgId: string, doc: ParsedDocument | null, manuals: CorpusManual[], org: Partial<CorpusOrg> = {}): Corpus {
  return {
    org: { id: orgId, name: org.name ?? doc?.org.name ?? orgId, line: org.line ?? {}, office: org.office ?? { address: '', phone: '', hours: '' } },
    version: `${doc?.source.sha256 ?? 'none'}:${manuals.length}`,
    document: doc,
    manuals,
  };
}

/**
 * Corpora straight from plan files (tests, the CLI without a database, the bench): every `*.txt` of `dir` parsed
 * with the importer's parser, each given the same manuals.
 */
export function corporaFromPlanFiles(dir: string, manualsFor: (orgId: string, orgName: string) => CorpusManual[] = () => []): Corpus[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const doc = parsePlanDocument(readFileSync(path.join(dir, f), 'utf8'), { file: f });
      const id = orgIdOfFile(f);
      return corpusFromDocument(id, doc, manualsFor(id, doc.org.name));
    });
}

export function providerFromPlanFiles(dir: string, manualsFor?: (orgId: string, orgName: string) => CorpusManual[]): StaticCorpusProvider {
  return new StaticCorpusProvider(corporaFromPlanFiles(dir, manualsFor));
}
