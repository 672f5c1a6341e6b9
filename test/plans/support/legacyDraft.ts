/**
 * A draft as versions imported before the importer wrote its reasons in Thai stored it: the same document, every
 * flag with its English `reason` only (no `reasonTh`).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readDocumentFile } from '../../../functions/src/plans/forms.ts';
import { importPlanDocument } from '../../../functions/src/plans/store.ts';
import type { Firestore } from '../../../functions/src/store/firestore.ts';

const englishOnly = <F extends { reasonTh?: string }>({ reasonTh: _th, ...flag }: F) => flag;

export async function importDraftWithEnglishReasonsOnly(db: Firestore, orgId: string, file: string, now = new Date()): Promise<string> {
  const text = readFileSync(file, 'utf8');
  const doc = readDocumentFile(text, basename(file));
  const legacy = {
    ...doc,
    status: 'draft' as const,
    projects: doc.projects.map((p) => ({ ...p, ...(p.review ? { review: p.review.map(englishOnly) } : {}) })),
    dimensions: doc.dimensions.map((d) => ({ ...d, ...(d.review ? { review: d.review.map(englishOnly) } : {}) })),
  };
  return (await importPlanDocument(db, orgId, legacy, now, { sourceText: text })).planId;
}
