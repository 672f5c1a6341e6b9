/**
 * npm run import -- --org ID --file PATH [--dry-run] [--json OUT] [--publish]
 *
 * PATH may be plain text (the conversions), the JSON/CSV forms, a Word .docx or a PDF with a text layer; a scanned
 * PDF is refused (exit 2) with what to do. The fields the importer is not sure of (each project's `review`) are
 * printed after the items. `--publish` publishes the version at once (it becomes the organisation's current plan);
 * without it the version is stored as a draft, with the document's text, for staff with `admin` to review in the
 * LIFF app (staff/plans) and publish; chat and the public plan pages keep serving the published version meanwhile.
 * A published plan's answer index is built and stored here (search/indexStore.ts), so no instance has to build it.
 *
 * Parses a plan or progress report (plain text, or the structured JSON/CSV forms), prints progress and the fidelity
 * report, and unless --dry-run writes it to Firestore (FIRESTORE_EMULATOR_HOST if set, else application default
 * credentials; project id from GCLOUD_PROJECT / FIREBASE_PROJECT_ID, default "demo-integrity"). A file that is not a
 * plan or report gives a clear error, exit code 2, and nothing is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { openFirestore } from '../store/firestore.ts';
import { formatFidelity } from '../plans/fidelity.ts';
import { formatDimensionReview, formatReview } from '../plans/review.ts';
import { readDocumentFile } from '../plans/forms.ts';
import { documentText } from '../plans/sources/index.ts';
import { importPlanDocument } from '../plans/store.ts';
import { FirestoreCorpusProvider } from '../search/firestoreCorpus.ts';
import { firestoreIndexStore } from '../search/indexStore.ts';
import { KnowledgeBase } from '../search/knowledgeBase.ts';
import { firestoreTarget, runAsMain } from './common.ts';

const argsSchema = z.object({
  org: orgIdSchema,
  file: z.string().min(1, '--file PATH is required'),
  'dry-run': z.boolean().default(false),
  json: z.string().min(1).optional(),
  publish: z.boolean().default(false),
});

const USAGE = 'usage: npm run import -- --org ID --file PATH [--dry-run] [--json OUT] [--publish]';

export async function runImport(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  let parsedArgs;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { org: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'string' }, publish: { type: 'boolean' } },
      strict: true,
    });
    parsedArgs = argsSchema.safeParse(values);
  } catch (err) {
    out(`error: ${(err as Error).message}\n${USAGE}`);
    return 64;
  }
  if (!parsedArgs.success) {
    out(`error: ${parsedArgs.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
    return 64;
  }
  const args = parsedArgs.data;

  out(`reading ${args.file}`);
  let content: Uint8Array;
  try {
    content = await readFile(args.file);
  } catch (err) {
    out(`error: cannot read ${args.file}: ${(err as Error).message}`);
    return 66;
  }
  let doc;
  let text: string;
  try {
    const t0 = performance.now();
    text = await documentText(content, basename(args.file));
    doc = { ...readDocumentFile(text, basename(args.file)), status: args.publish ? ('published' as const) : ('draft' as const) };
    out(`parsed ${doc.kind} (${doc.template}) of ${doc.org.name} in ${Math.round(performance.now() - t0)} ms: ${doc.projects.length} items, fiscal years ${doc.fiscalYears.join(', ')}`);
  } catch (err) {
    if (err instanceof ValidationError) {
      out(`error: ${args.file} is not a plan or progress report that can be imported: ${err.issues.map((i) => i.message).join('; ')}`);
      out('nothing was written');
      return 2;
    }
    throw err;
  }
  for (const d of doc.dimensions) {
    out(`  มิติที่ ${d.number} ${d.title}: ${doc.projects.filter((p) => p.dimension === d.number).length} items`);
  }
  const st = doc.report?.status;
  if (st) {
    const n = (v: number | null) => (v === null ? '-' : String(v));
    out(
      `project status (line ${st.line}): ${n(st.done)} done, ${n(st.inProgress)} in progress, ${n(st.notPossible)} not possible, ${n(st.inOrdinance)} in the ordinance, of ${n(st.totalProjects)} (${n(st.baselineProjects)} at the start); ${n(st.percentImplemented)} %${st.level ? `, level ${st.level}` : ''}`,
    );
    for (const u of st.unread) out(`  not read: ${u}`);
  }
  for (const line of formatReview(doc.projects)) out(line);
  for (const line of formatDimensionReview(doc.dimensions)) out(line);

  if (args.json) {
    await writeFile(args.json, `${JSON.stringify(doc, null, 2)}\n`, 'utf8');
    out(`wrote ${args.json}`);
  }

  if (args['dry-run']) {
    out('dry run: nothing written to Firestore');
  } else {
    const { projectId, emulatorHost } = firestoreTarget(process.env);
    out(`writing to Firestore ${emulatorHost ? `emulator ${emulatorHost}` : '(application default credentials)'}, project ${projectId}`);
    const db = openFirestore({ projectId, emulatorHost });
    try {
      const { planId, createdOrg, published } = await importPlanDocument(db, args.org, doc, new Date(), { sourceText: text });
      if (createdOrg) out(`created organisation ${args.org} (${doc.org.name}) from the document header`);
      if (published) {
        out(`plan ${planId} written (${doc.projects.length} items, published) and made current for ${args.org}`);
        // The answer index of the new plan, built once here and stored: instances load it instead of building it.
        const kb = new KnowledgeBase(new FirestoreCorpusProvider(db), { persisted: firestoreIndexStore(db) });
        const knowledge = await kb.get(args.org);
        await kb.flush();
        const { stored, loads } = kb.stats();
        if (knowledge && stored > 0) out(`answer index built (${knowledge.index.size} documents, ${Math.round(knowledge.buildMs)} ms) and stored`);
        else if (knowledge && loads > 0) out('answer index of these documents already stored');
        else out('answer index not stored: instances will build it on the first question');
      } else {
        out(`plan ${planId} written (${doc.projects.length} items) as a DRAFT: residents and the chat still see the published plan`);
        out(`review and publish it in the LIFF app as an admin: /liff/${args.org}/staff/plans/${planId} (or import again with --publish)`);
      }
    } finally {
      await db.terminate();
    }
  }
  out('');
  out(formatFidelity(doc.fidelity));
  return 0;
}

runAsMain(import.meta, runImport);
