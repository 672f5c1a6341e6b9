/**
 * npm run import-manuals -- --org ID --file PATH [--dry-run]
 *
 * Imports service manuals an organisation edited (JSON: one manual, an array, or { "manuals": [...] }). Each entry is
 * merged over the organisation's current manual (see functions/src/manuals/import.ts and docs/manuals.md), validated,
 * and written as the organisation's own. The organisation is first given any standard manual it lacks, so an import
 * never leaves it with a partial set. Any invalid entry: every issue is printed, nothing is written, exit code 2.
 *
 * Firestore: FIRESTORE_EMULATOR_HOST if set, else application default credentials; project id from GCLOUD_PROJECT
 * (or FIREBASE_PROJECT_ID), default "demo-integrity".
 *
 * Exit codes: 0 done (or dry run), 2 invalid input (nothing written), 3 unknown organisation, 64 usage, 66 unreadable file.
 */
import { parseArgs } from 'node:util';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { planManualImport } from '../manuals/import.ts';
import { listManuals, saveManuals, seedStandardManuals } from '../manuals/store.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { openFirestore } from '../store/firestore.ts';
import { firestoreTarget, readJsonInput, runAsMain } from './common.ts';

const USAGE = 'usage: npm run import-manuals -- --org ID --file PATH [--dry-run]';

const argsSchema = z.object({
  org: orgIdSchema,
  file: z.string().min(1, '--file PATH is required'),
  'dry-run': z.boolean().default(false),
});

export interface ImportManualsIo {
  out?: (line: string) => void;
  /** An open database (tests); otherwise one is opened from the environment and closed at the end. */
  db?: Firestore;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

export async function runImportManuals(argv: string[], io: ImportManualsIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const env = io.env ?? process.env;
  const now = io.now ?? new Date();

  let args: z.infer<typeof argsSchema>;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { org: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      strict: true,
    });
    const parsed = argsSchema.safeParse(values);
    if (!parsed.success) {
      out(`error: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
      return 64;
    }
    args = parsed.data;
  } catch (err) {
    out(`error: ${(err as Error).message}\n${USAGE}`);
    return 64;
  }

  const read = await readJsonInput(args.file, out);
  if ('exit' in read) return read.exit;
  const input = read.value;

  const { projectId, emulatorHost } = firestoreTarget(env);
  const db = io.db ?? openFirestore({ projectId, emulatorHost });
  try {
    if (!io.db) out(`Firestore ${emulatorHost ? `emulator ${emulatorHost}` : '(application default credentials)'}, project ${projectId}`);
    const org = await getOrg(db, args.org);
    if (!org) {
      out(`error: organisation "${args.org}" does not exist (import its plan or create it first)`);
      out('nothing was written');
      return 3;
    }
    const current = await listManuals(db, org.id);
    const plan = planManualImport(org, current, input, now);
    if (plan.issues.length > 0) {
      out(`error: ${args.file} has ${plan.issues.length} problem(s):`);
      for (const i of plan.issues) out(`  ${i.path || '(file)'}: ${i.message}`);
      out('nothing was written');
      return 2;
    }

    out(`${org.name} (${org.id}): ${plan.changes.length} manual(s) in ${args.file}`);
    for (const c of plan.changes) {
      const detail = c.action === 'update' ? `: ${c.fields.join(', ')}` : '';
      out(`  ${c.action.padEnd(9)} ${c.id} — ${c.title}${detail}`);
    }
    if (args['dry-run']) {
      out('dry run: nothing written');
      return 0;
    }
    const seeded = await seedStandardManuals(db, org, now);
    if (seeded.created.length) out(`added ${seeded.created.length} missing standard manual(s) first`);
    const toWrite = plan.manuals.filter((m) => plan.changes.find((c) => c.id === m.id)?.action !== 'unchanged');
    await saveManuals(db, org.id, toWrite, now);
    out(`wrote ${toWrite.length} manual(s)`);
    return 0;
  } finally {
    if (!io.db) await db.terminate();
  }
}

runAsMain(import.meta, runImportManuals);
