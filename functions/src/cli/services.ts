/**
 * Queue services of an organisation (docs/queue.md):
 *   node functions/src/cli/services.ts list   --org ID
 *   node functions/src/cli/services.ts add    --org ID --file services.json [--dry-run]
 *   node functions/src/cli/services.ts update --org ID --file changes.json [--dry-run]
 *
 * `add` takes one service or an array (each with `id`, `name`, `prefix`, `counters`, …) and creates them; `update`
 * takes `{ "id": "...", ...fields }` (or an array) and changes only the fields given. Every entry is validated (zod)
 * before anything is written: any problem prints every issue, writes nothing, exit code 2.
 *
 * Firestore: FIRESTORE_EMULATOR_HOST if set, else application default credentials; project id from GCLOUD_PROJECT
 * (or FIREBASE_PROJECT_ID), default "demo-integrity".
 * Exit codes: 0 done, 2 invalid input (nothing written), 3 unknown organisation or service, 64 usage, 66 unreadable file.
 */
import { parseArgs } from 'node:util';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { systemClock } from '../clock.ts';
import { recordingNotifier } from '../notify/notifier.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { formatHours } from '../queue/day.ts';
import { newServiceSchema, serviceIdSchema, serviceUpdateSchema, type ServiceUpdate } from '../queue/schema.ts';
import { addService, createQueueDeps, updateService } from '../queue/service.ts';
import { getService, listServices } from '../queue/store.ts';
import { openFirestore } from '../store/firestore.ts';
import { exitCodeFor, firestoreTarget, readJsonInput, runAsMain } from './common.ts';

const USAGE = 'usage: services <list|add|update> --org ID [--file PATH] [--dry-run]';

const argsSchema = z.object({
  command: z.enum(['list', 'add', 'update'], { error: 'command must be list, add or update' }),
  org: orgIdSchema,
  file: z.string().min(1).optional(),
  'dry-run': z.boolean().default(false),
});

/** `{ id, ...changes }`: the id picks the service, the rest is a partial update. */
const updateEntry = z
  .looseObject({ id: serviceIdSchema })
  .transform((v, ctx) => {
    const { id, ...rest } = v;
    const r = serviceUpdateSchema.safeParse(rest);
    if (!r.success) {
      for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
      return z.NEVER;
    }
    return { id, changes: r.data };
  });

export interface ServicesCliIo {
  out?: (line: string) => void;
  db?: Firestore;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

const asList = (input: unknown): unknown[] => (Array.isArray(input) ? input : input && typeof input === 'object' && Array.isArray((input as { services?: unknown }).services) ? (input as { services: unknown[] }).services : [input]);

export async function runServicesCli(argv: string[], io: ServicesCliIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const env = io.env ?? process.env;
  let args: z.infer<typeof argsSchema>;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { org: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true });
    const parsed = argsSchema.safeParse({ ...values, command: positionals[0] });
    if (!parsed.success || positionals.length !== 1) {
      out(`error: ${parsed.success ? 'exactly one command' : parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; ')}\n${USAGE}`);
      return 64;
    }
    args = parsed.data;
    if (args.command !== 'list' && !args.file) {
      out(`error: --file PATH is required for ${args.command}\n${USAGE}`);
      return 64;
    }
  } catch (err) {
    out(`error: ${(err as Error).message}\n${USAGE}`);
    return 64;
  }

  let input: unknown = null;
  if (args.file) {
    const read = await readJsonInput(args.file, out);
    if ('exit' in read) return read.exit;
    input = read.value;
  }

  const db = io.db ?? openFirestore(firestoreTarget(env));
  const clock = io.now ? { now: () => io.now as Date } : systemClock;
  try {
    const org = await getOrg(db, args.org);
    if (!org) {
      out(`error: organisation "${args.org}" does not exist`);
      return 3;
    }
    if (args.command === 'list') {
      const services = await listServices(db, org.id);
      out(`${org.name} (${org.id}): ${services.length} service(s)`);
      for (const s of services) {
        out(`  ${s.prefix.padEnd(2)} ${s.id} — ${s.name}${s.active ? '' : ' (inactive)'}`);
        out(`     counters: ${s.counters.map((c) => `${c.id}=${c.name}`).join(', ')}; ${formatHours(s.hours)}${s.manualIds.length ? `; manuals: ${s.manualIds.join(', ')}` : ''}`);
      }
      return 0;
    }

    // Validate every entry before writing anything.
    const entries = asList(input);
    const issues: string[] = [];
    const valid: { id: string; name?: string | undefined; add?: z.infer<typeof newServiceSchema>; changes?: ServiceUpdate }[] = [];
    entries.forEach((e, i) => {
      const r = args.command === 'add' ? newServiceSchema.safeParse(e) : updateEntry.safeParse(e);
      if (!r.success) for (const issue of r.error.issues) issues.push(`  [${i}] ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      else if ('changes' in r.data) valid.push({ id: r.data.id, name: r.data.changes.name, changes: r.data.changes });
      else valid.push({ id: r.data.id, name: r.data.name, add: r.data });
    });
    const ids = valid.map((v) => v.id);
    ids.forEach((id, i) => ids.indexOf(id) !== i && issues.push(`  [${i}] id: ${id} appears twice`));
    if (args.command === 'add') {
      const prefixes = valid.map((v) => v.add?.prefix);
      prefixes.forEach((p, i) => prefixes.indexOf(p) !== i && issues.push(`  [${i}] prefix: ${p} appears twice`));
      for (const [i, v] of valid.entries()) if (await getService(db, org.id, v.id)) issues.push(`  [${i}] id: service ${v.id} exists (use update)`);
    } else {
      for (const [i, v] of valid.entries()) if (!(await getService(db, org.id, v.id))) issues.push(`  [${i}] id: no service ${v.id} (use add)`);
    }
    if (issues.length) {
      out(`error: ${args.file} has ${issues.length} problem(s):`);
      for (const l of issues) out(l);
      out('nothing was written');
      return 2;
    }
    for (const v of valid) out(`  ${args.command.padEnd(6)} ${v.id}${v.name ? ` — ${v.name}` : ''}`);
    if (args['dry-run']) {
      out('dry run: nothing written');
      return 0;
    }
    const deps = createQueueDeps({ db, notifier: recordingNotifier(), clock });
    for (const v of valid) {
      if (v.add) await addService(deps, org.id, v.add);
      else if (v.changes) await updateService(deps, org.id, v.id, v.changes);
    }
    out(`wrote ${valid.length} service(s)`);
    return 0;
  } catch (err) {
    return exitCodeFor(err, out);
  } finally {
    if (!io.db) await db.terminate();
  }
}

runAsMain(import.meta, runServicesCli);
