import type { Firestore } from '../store/firestore.ts';
import { getManualsVersion, listManuals } from '../manuals/store.ts';
import { getOrg } from '../orgs/store.ts';
import type { ParsedDocument } from '../plans/schema.ts';
import { getCurrentPlan, type StoredPlan } from '../plans/store.ts';
import type { Corpus, CorpusManual, CorpusProvider } from './corpus.ts';
import { manualToCorpus } from './manuals.ts';

/** The stored plan and its projects in the parsed-document shape the engine reads. */
export function documentFromStored(plan: StoredPlan, projects: ParsedDocument['projects']): ParsedDocument {
  return {
    schemaVersion: 1,
    kind: plan.kind,
    template: plan.template as ParsedDocument['template'],
    org: plan.org,
    title: plan.title,
    fiscalYears: plan.fiscalYears,
    dimensions: plan.dimensions,
    projects: [...projects].sort((a, b) => a.seq - b.seq),
    report: plan.report,
    // Stated totals (kept with the plan since the answering engine answers totals as stated; [] for older versions).
    stated: plan.stated,
    fidelity: plan.fidelity,
    source: plan.source,
  };
}

/**
 * Corpora from the stored organisation, plan and manuals, read through their stores (orgs/store.ts, plans/store.ts,
 * manuals/store.ts): this provider holds no Firestore code of its own. The version is one organisation read (its
 * currentPlanId and updatedAt) plus the newest manual's updatedAt and the manual count: a plan import switches
 * currentPlanId, a manual edit changes updatedAt.
 */
export class FirestoreCorpusProvider implements CorpusProvider {
  private readonly db: Firestore;
  constructor(db: Firestore) {
    this.db = db;
  }

  async version(orgId: string): Promise<string | null> {
    const [org, manuals] = await Promise.all([getOrg(this.db, orgId), getManualsVersion(this.db, orgId)]);
    if (!org) return null;
    return [org.currentPlanId ?? 'none', org.updatedAt, manuals].join('|');
  }

  async load(orgId: string): Promise<Corpus | null> {
    const [org, current, stored, version] = await Promise.all([
      getOrg(this.db, orgId),
      getCurrentPlan(this.db, orgId),
      listManuals(this.db, orgId),
      this.version(orgId),
    ]);
    if (!org || version === null) return null;
    const manuals: CorpusManual[] = stored.map(manualToCorpus);
    manuals.sort((a, b) => a.title.localeCompare(b.title, 'th'));
    return {
      org: { id: org.id, name: org.name, line: org.line, office: org.office },
      version,
      document: current ? documentFromStored(current.plan, current.projects) : null,
      manuals,
      ...(current ? { planId: current.plan.id } : {}),
    };
  }
}
