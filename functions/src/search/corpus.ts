import type { Org } from '../orgs/schema.ts';
import type { ParsedDocument, Project } from '../plans/schema.ts';
import { normalizeText } from './normalize.ts';
import type { SearchDoc } from './index.ts';
import { MANUAL_SITUATIONS } from './situations.ts';

/**
 * What the answering engine knows about one organisation: its current plan (or progress report) as the importer
 * parsed it, and its service manuals reduced to the text the engine shows and searches.
 */

export interface ManualStep {
  text: string;
  /** e.g. "15 นาที" */
  duration: string;
}

export interface CorpusManual {
  id: string;
  title: string;
  /** Other names people use: "แจ้งตาย", "ย้ายเข้า". */
  aliases: string[];
  /** One or two sentences: what the service is for. */
  summary: string;
  unit: string;
  where: string;
  hours: string;
  totalTime: string;
  steps: ManualStep[];
  documents: string[];
  fees: string[];
  /** Everything else worth searching (eligibility, legal basis, remarks). */
  details: string;
  /** The manuals module's own object, handed back to its card builder. */
  source?: unknown;
}

export type CorpusOrg = Pick<Org, 'id' | 'name' | 'line' | 'office'>;

export interface Corpus {
  org: CorpusOrg;
  /** Changes whenever anything below changes (e.g. current plan id + manuals' last update). */
  version: string;
  document: ParsedDocument | null;
  manuals: CorpusManual[];
  /** Id of the stored plan version the document is (figures' sources name it); absent for files. */
  planId?: string;
}

/** Where corpora come from: tests build them from parsed files, production from Firestore. */
export interface CorpusProvider {
  /** A cheap fingerprint of the organisation's data; null when the organisation does not exist. */
  version(orgId: string): Promise<string | null>;
  load(orgId: string): Promise<Corpus | null>;
}

const join = (parts: Array<string | null | undefined>) => parts.filter((p): p is string => !!p && p.trim() !== '').join('\n');

export function missionTitle(doc: ParsedDocument | null, code: string | null): string {
  if (!doc || !code) return '';
  for (const d of doc.dimensions) for (const m of d.missions) if (m.code === code) return m.title;
  return '';
}

export function dimensionTitle(doc: ParsedDocument | null, n: number): string {
  return doc?.dimensions.find((d) => d.number === n)?.title ?? '';
}

export function projectSearchDoc(p: Project, doc: ParsedDocument | null): SearchDoc {
  const d = p.detail;
  const names = [p.name];
  if (d && normalizeText(d.name) !== normalizeText(p.name)) names.push(d.name);
  return {
    id: p.id,
    type: 'project',
    title: p.name,
    names,
    fields: {
      name: p.name,
      aliases: names.slice(1).join('\n'),
      summary: join([p.yearPlan?.outcome, p.yearPlan?.kpi]),
      objectives: join(d?.objectives ?? []),
      target: join([d?.targetGroup, p.yearPlan?.quantity]),
      unit: join([p.responsibleUnit, d?.responsibleUnit, p.yearPlan?.unit]),
      mission: join([missionTitle(doc, p.mission)]),
      method: join(d?.method ?? []),
      rationale: d?.rationale ?? '',
      results: join([...(p.activity?.steps ?? []), ...(p.activity?.results ?? []), ...(d?.outputs ?? []), ...(d?.outcomes ?? [])]),
      details: join([...(d?.kpis ?? []), d?.period]),
    },
  };
}

export function manualSearchDoc(m: CorpusManual): SearchDoc {
  return {
    id: m.id,
    type: 'manual',
    title: m.title,
    names: [m.title, ...m.aliases],
    fields: {
      name: m.title,
      aliases: [...m.aliases, ...(MANUAL_SITUATIONS[m.id] ?? [])].join('\n'),
      summary: m.summary,
      unit: m.unit,
      method: m.steps.map((s) => s.text).join('\n'),
      target: m.documents.join('\n'),
      details: join([m.details, ...m.fees, m.where]),
    },
  };
}

export function corpusSearchDocs(corpus: Corpus): SearchDoc[] {
  const projects = corpus.document?.projects ?? [];
  return [...projects.map((p) => projectSearchDoc(p, corpus.document)), ...corpus.manuals.map(manualSearchDoc)];
}
