/**
 * Days the office is closed (docs/queue.md): no queue tickets from LINE on those days.
 *   npm run closed-days -- list   --org ID
 *   npm run closed-days -- add    --org ID --file days.json [--dry-run]
 *   npm run closed-days -- remove --org ID --day YYYY-MM-DD
 *
 * `add` takes `[{ "day": "2027-04-13", "name": "วันสงกรานต์" }, …]` (or `{ "closedDays": [...] }`), e.g. the year's
 * holidays from the cabinet's announcement; a day already closed gets the new name. Every entry is validated before
 * anything is written: any problem prints every issue, writes nothing, exit code 2.
 *
 * Firestore: FIRESTORE_EMULATOR_HOST if set, else application default credentials; project id from GCLOUD_PROJECT
 * (or FIREBASE_PROJECT_ID), default "demo-integrity".
 * Exit codes: 0 done, 2 invalid input (nothing written), 3 unknown organisation or day, 64 usage, 66 unreadable file.
 */
import { parseArgs } from 'node:util';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { systemClock } from '../clock.ts';
import { recordingNotifier } from '../notify/notifier.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { closeDay, reopenDay, upcomingClosedDays } from '../queue/closedDays.ts';
import { formatThaiDay } from '../queue/day.ts';
import { closedDaySchema, dayParam } from '../queue/schema.ts';
import { createQueueDeps } from '../queue/service.ts';
import { openFirestore } from '../store/firestore.ts';
import { exitCodeFor, firestoreTarget, readJsonInput, runAsMain } from './common.ts';

const USAGE = 'usage: closed-days <list|add|remove> --org ID [--file PATH] [--day YYYY-MM-DD] [--dry-run]';

const argsSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('list'), org: orgIdSchema }),
  z.object({ command: z.literal('add'), org: orgIdSchema, file: z.string().min(1, { error: '--file is required' }), 'dry-run': z.boolean().default(false) }),
  z.object({ command: z.literal('remove'), org: orgIdSchema, day: dayParam }),
]);

export interface ClosedDaysCliIo {
  out?: (line: string) => void;
  db?: Firestore;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

const asList = (input: unknown): unknown[] =>
  Array.isArray(input) ? input : input && typeof input === 'object' && Array.isArray((input as { closedDays?: unknown }).closedDays) ? (input as { closedDays: unknown[] }).closedDays : [input];

export async function runClosedDaysCli(argv: string[], io: ClosedDaysCliIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const env = io.env ?? process.env;
  let args: z.infer<typeof argsSchema>;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { org: { type: 'string' }, file: { type: 'string' }, day: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const parsed = argsSchema.safeParse({ ...values, command: positionals[0] });
    if (!parsed.success || positionals.length !== 1) {
      out(`error: ${parsed.success ? 'exactly one command' : parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; ')}\n${USAGE}`);
      return 64;
    }
    args = parsed.data;
  } catch (err) {
    out(`error: ${(err as Error).message}\n${USAGE}`);
    return 64;
  }

  let entries: Array<z.infer<typeof closedDaySchema>> = [];
  if (args.command === 'add') {
    const input = await readJsonInput(args.file, out);
    if ('exit' in input) return input.exit;
    const issues: string[] = [];
    for (const [i, e] of asList(input.value).entries()) {
      const r = closedDaySchema.safeParse(e);
      if (!r.success) for (const issue of r.error.issues) issues.push(`  [${i}] ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      else if (entries.some((x) => x.day === r.data.day)) issues.push(`  [${i}] day: ${r.data.day} appears twice`);
      else entries.push(r.data);
    }
    if (issues.length) {
      out(`error: ${args.file} has ${issues.length} problem(s):`);
      for (const l of issues) out(l);
      out('nothing was written');
      return 2;
    }
    entries = entries.sort((a, b) => a.day.localeCompare(b.day));
  }

  const db = io.db ?? openFirestore(firestoreTarget(env));
  const clock = io.now ? { now: () => io.now as Date } : systemClock;
  const deps = createQueueDeps({ db, notifier: recordingNotifier(), clock });
  try {
    const org = await getOrg(db, args.org);
    if (!org) {
      out(`error: organisation "${args.org}" does not exist`);
      return 3;
    }
    if (args.command === 'list') {
      const days = await upcomingClosedDays(deps, org.id);
      out(`${org.name} (${org.id}): ${days.length} closed day(s) from today`);
      for (const d of days) out(`  ${d.day}  ${formatThaiDay(d.day)}  ${d.name}`);
      return 0;
    }
    if (args.command === 'add') {
      for (const e of entries) out(`  close ${e.day}  ${e.name}`);
      if (args['dry-run']) {
        out('dry run: nothing written');
        return 0;
      }
      for (const e of entries) await closeDay(deps, org.id, e, 'cli');
      out(`wrote ${entries.length} closed day(s)`);
      return 0;
    }
    await reopenDay(deps, org.id, args.day);
    out(`${args.day} is a working day again`);
    return 0;
  } catch (err) {
    return exitCodeFor(err, out);
  } finally {
    if (!io.db) await db.terminate();
  }
}

runAsMain(import.meta, runClosedDaysCli);
