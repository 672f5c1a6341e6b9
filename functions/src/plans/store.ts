/**
 * Plan storage: `orgs/{orgId}/plans/{planId}` (one document per imported version, with totals shaped for chat and
 * the LIFF plan pages) and its items in `orgs/{orgId}/plans/{planId}/projects/{projectId}`.
 *
 * A (re-)import writes the whole new version under a new planId, marks it complete, and only then switches
 * `orgs/{orgId}.currentPlanId` (one document write). Readers follow currentPlanId, so they see the old version or
 * the new one, never a mix, even on an emulator whose batches are not atomic. Earlier versions are kept.
 *
 * A draft (imported without --publish) is written the same way but does not become current: currentPlanId only
 * ever names a published version, and staff publish a draft after review (plans/drafts/). The draft keeps the
 * imported document's text (`sourceLines`) so reviewers see the lines its flags point at.
 */
import { randomUUID } from 'node:crypto';
import type { Firestore, FirestoreDataConverter } from 'firebase-admin/firestore';
import { z } from 'zod';
import { createOrganisation } from '../orgs/service.ts';
import { getOrg, setCurrentPlan } from '../orgs/store.ts';
import { COLLECTIONS } from '../store/collections.ts';
import { satisfactionTargetOf } from './satisfactionTarget.ts';
import { dimensionSchema, fidelitySchema, planStatusSchema, projectSchema, reportSchema, statedTotalSchema, type ParsedDocument, type Project } from './schema.ts';

export const planSummarySchema = z.object({
  projects: z.number().int(),
  budgetTotal: z.number(),
  byYear: z.record(z.string(), z.number()),
  byDimension: z.array(
    z.object({ dimension: z.number().int(), title: z.string(), projects: z.number().int(), budgetTotal: z.number(), byYear: z.record(z.string(), z.number()) }),
  ),
  byResponsibleUnit: z.array(z.object({ unit: z.string(), projects: z.number().int(), projectIds: z.array(z.string()), budgetTotal: z.number() })),
  /** Residents' satisfaction target the plan states (ratings compare with it); null when it states none. */
  satisfactionTarget: z
    .object({ percent: z.number(), statements: z.number().int(), projectId: z.string(), projectName: z.string(), text: z.string() })
    .nullable()
    .default(null),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const storedPlanSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  status: z.enum(['writing', 'complete']),
  /**
   * Draft (imported without --publish, for staff review) or published. Only published versions are served (chat,
   * public plan API); versions stored before it existed have none and count as published.
   */
  publication: planStatusSchema.optional(),
  /** When and by whom a reviewed draft was published (absent for versions published at import). */
  publishedAt: z.string().optional(),
  publishedBy: z.object({ userId: z.string(), displayName: z.string() }).optional(),
  kind: z.enum(['plan', 'report']),
  template: z.string(),
  title: z.string(),
  org: z.object({ name: z.string(), district: z.string(), province: z.string() }),
  fiscalYears: z.array(z.number().int()),
  dimensions: z.array(dimensionSchema),
  report: reportSchema.nullable(),
  summary: planSummarySchema,
  fidelity: fidelitySchema,
  /** The figures the document states about itself, with their lines: the answering engine answers totals from them. */
  stated: z.array(statedTotalSchema).default([]),
  projectCount: z.number().int(),
  source: z.object({ file: z.string(), lines: z.number().int(), sha256: z.string() }),
  importedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type StoredPlan = z.infer<typeof storedPlanSchema>;

const planConverter: FirestoreDataConverter<StoredPlan> = {
  toFirestore: (p) => p,
  fromFirestore: (snap) => storedPlanSchema.parse({ ...snap.data(), id: snap.id }),
};
const projectConverter: FirestoreDataConverter<Project> = {
  toFirestore: (p) => p,
  fromFirestore: (snap) => projectSchema.parse({ ...snap.data(), id: snap.id }),
};

const plansCol = (db: Firestore, orgId: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.plans).withConverter(planConverter);
const projectsCol = (db: Firestore, orgId: string, planId: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.plans).doc(planId).collection(COLLECTIONS.projects).withConverter(projectConverter);

const total = (b: Record<string, number>) => Object.values(b).reduce((a, v) => a + v, 0);

/** Totals chat and the LIFF need: by year, by dimension, by responsible unit. */
export function summarizePlan(doc: Pick<ParsedDocument, 'fiscalYears' | 'dimensions' | 'projects'>): PlanSummary {
  const byYear: Record<string, number> = {};
  for (const y of doc.fiscalYears) byYear[String(y)] = 0;
  for (const p of doc.projects) for (const [y, v] of Object.entries(p.budgets)) byYear[y] = (byYear[y] ?? 0) + v;
  const byDimension = [1, 2, 3, 4]
    .map((d) => {
      const ps = doc.projects.filter((p) => p.dimension === d);
      const years: Record<string, number> = {};
      for (const p of ps) for (const [y, v] of Object.entries(p.budgets)) years[y] = (years[y] ?? 0) + v;
      return { dimension: d, title: doc.dimensions.find((x) => x.number === d)?.title ?? '', projects: ps.length, budgetTotal: total(years), byYear: years };
    })
    .filter((d) => d.projects > 0 || d.title !== '');
  const units = new Map<string, Project[]>();
  for (const p of doc.projects) {
    const unit = p.responsibleUnit ?? 'ไม่ระบุ';
    units.set(unit, [...(units.get(unit) ?? []), p]);
  }
  return {
    projects: doc.projects.length,
    budgetTotal: total(byYear),
    byYear,
    byDimension,
    byResponsibleUnit: [...units].map(([unit, ps]) => ({ unit, projects: ps.length, projectIds: ps.map((p) => p.id), budgetTotal: ps.reduce((a, p) => a + total(p.budgets), 0) })),
    satisfactionTarget: satisfactionTargetOf(doc.projects),
  };
}

/** Plan version id: fiscal years + time + random suffix, so versions sort by import time and never collide. */
export function newPlanId(doc: ParsedDocument, now: Date): string {
  const years = doc.fiscalYears.length > 1 ? `${doc.fiscalYears[0]}-${doc.fiscalYears.at(-1)}` : String(doc.fiscalYears[0]);
  return `${doc.kind}-${years}-${now.toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}-${randomUUID().slice(0, 8)}`;
}

/** Lines of the imported text per `sourceLines` document (Thai text: well under Firestore's 1 MiB per document). */
export const SOURCE_CHUNK_LINES = 500;

/**
 * Writes a plan version (status "writing", then every project and the source text when given, then "complete").
 * Does not make it current.
 */
export async function writePlanVersion(db: Firestore, orgId: string, planId: string, doc: ParsedDocument, now: Date, sourceText?: string): Promise<StoredPlan> {
  const plan: StoredPlan = {
    id: planId,
    orgId,
    status: 'writing',
    publication: doc.status ?? 'published',
    kind: doc.kind,
    template: doc.template,
    title: doc.title,
    org: doc.org,
    fiscalYears: doc.fiscalYears,
    dimensions: doc.dimensions,
    report: doc.report,
    summary: summarizePlan(doc),
    fidelity: doc.fidelity,
    stated: doc.stated,
    projectCount: doc.projects.length,
    source: doc.source,
    importedAt: now.toISOString(),
    completedAt: null,
  };
  await plansCol(db, orgId).doc(planId).create(plan);
  const col = projectsCol(db, orgId, planId);
  for (let i = 0; i < doc.projects.length; i += 400) {
    const batch = db.batch();
    for (const p of doc.projects.slice(i, i + 400)) batch.set(col.doc(p.id), p);
    await batch.commit();
  }
  if (sourceText !== undefined) {
    const lines = sourceText.split(/\r?\n/);
    const src = db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.plans).doc(planId).collection(COLLECTIONS.sourceLines);
    for (let i = 0; i < lines.length; i += SOURCE_CHUNK_LINES) {
      await src.doc(String(i / SOURCE_CHUNK_LINES).padStart(4, '0')).set({ from: i + 1, lines: lines.slice(i, i + SOURCE_CHUNK_LINES) });
    }
  }
  const completedAt = new Date().toISOString();
  await db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.plans).doc(planId).update({ status: 'complete', completedAt });
  return { ...plan, status: 'complete', completedAt };
}

/**
 * The import use case (CLI and demo seeding): creates the organisation from the document's header if unknown,
 * writes the new version, then, unless it is a draft (`parsed.status === 'draft'`), makes it current in one write.
 * `sourceText` (the document in the importer's text form) is kept with the version for review. Returns the new plan id.
 */
export async function importPlanDocument(
  db: Firestore,
  orgId: string,
  parsed: ParsedDocument,
  now: Date,
  options: { sourceText?: string } = {},
): Promise<{ planId: string; createdOrg: boolean; published: boolean }> {
  const createdOrg = (await getOrg(db, orgId))
    ? false
    : await createOrganisation(db, {
        id: orgId,
        name: parsed.org.name,
        district: parsed.org.district,
        province: parsed.org.province,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      }, now);
  const planId = newPlanId(parsed, now);
  await writePlanVersion(db, orgId, planId, parsed, now, options.sourceText);
  const published = parsed.status !== 'draft';
  if (published) await setCurrentPlan(db, orgId, planId, now);
  return { planId, createdOrg, published };
}

export async function listPlans(db: Firestore, orgId: string): Promise<StoredPlan[]> {
  const snap = await plansCol(db, orgId).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

export async function getPlan(db: Firestore, orgId: string, planId: string): Promise<StoredPlan | null> {
  const snap = await plansCol(db, orgId).doc(planId).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

export async function listPlanProjects(db: Firestore, orgId: string, planId: string): Promise<Project[]> {
  const snap = await projectsCol(db, orgId, planId).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.seq - b.seq);
}

export async function getPlanProject(db: Firestore, orgId: string, planId: string, projectId: string): Promise<Project | null> {
  const snap = await projectsCol(db, orgId, planId).doc(projectId).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** A version residents may see: completely written and not a draft (versions without `publication` are published). */
export const isServed = (plan: StoredPlan): boolean => plan.status === 'complete' && plan.publication !== 'draft';

/** The current (published) version's plan document without its projects, or null when none was published. */
export async function getCurrentPlanHeader(db: Firestore, orgId: string): Promise<StoredPlan | null> {
  const org = await getOrg(db, orgId);
  if (!org?.currentPlanId) return null;
  const plan = await getPlan(db, orgId, org.currentPlanId);
  return plan && isServed(plan) ? plan : null;
}

/** The version readers see (orgs/{orgId}.currentPlanId) with its projects, or null when none was imported. */
export async function getCurrentPlan(db: Firestore, orgId: string): Promise<{ plan: StoredPlan; projects: Project[] } | null> {
  const plan = await getCurrentPlanHeader(db, orgId);
  return plan ? { plan, projects: await listPlanProjects(db, orgId, plan.id) } : null;
}
