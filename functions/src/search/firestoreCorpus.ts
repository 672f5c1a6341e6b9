import type { Firestore } from 'firebase-admin/firestore';
import { manualSchema } from '../manuals/schema.ts';
import { getOrg } from '../orgs/store.ts';
import type { ParsedDocument } from '../plans/schema.ts';
import { getCurrentPlan, type StoredPlan } from '../plans/store.ts';
import { COLLECTIONS } from '../store/collections.ts';
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
 * Corpora from Firestore. The version is one organisation read (its currentPlanId and updatedAt) plus the newest
 * manual's updatedAt and the manual count: a plan import switches currentPlanId, a manual edit changes updatedAt.
 */
export class FirestoreCorpusProvider implements CorpusProvider {
  private readonly db: Firestore;
  constructor(db: Firestore) {
    this.db = db;
  }

  private manuals(orgId: string) {
    return this.db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.manuals);
  }

  async version(orgId: string): Promise<string | null> {
    const [org, newest, count] = await Promise.all([
      getOrg(this.db, orgId),
      this.manuals(orgId).orderBy('updatedAt', 'desc').limit(1).select('updatedAt').get(),
      this.manuals(orgId).count().get(),
    ]);
    if (!org) return null;
    const last = newest.docs[0]?.get('updatedAt') as string | undefined;
    return [org.currentPlanId ?? 'none', org.updatedAt, last ?? 'none', count.data().count].join('|');
  }

  async load(orgId: string): Promise<Corpus | null> {
    const [org, current, manualSnap, version] = await Promise.all([
      getOrg(this.db, orgId),
      getCurrentPlan(this.db, orgId),
      this.manuals(orgId).get(),
      this.version(orgId),
    ]);
    if (!org || version === null) return null;
    const manuals: CorpusManual[] = [];
    for (const d of manualSnap.docs) {
      const parsed = manualSchema.safeParse({ ...d.data(), id: d.id });
      if (parsed.success) manuals.push(manualToCorpus(parsed.data));
    }
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
