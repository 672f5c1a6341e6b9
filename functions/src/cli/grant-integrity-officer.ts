/**
 * `npm run grant-integrity-officer -- --org ID --user Uxxxxxxxx --name "ชื่อ" [--reason "…"]`
 *
 * The operator's setup of an organisation's first integrity officer (the only role that can learn who reported
 * corruption). Later officers are invited by an admin and approved in the LIFF app by an existing integrity officer;
 * this command refuses while active officers exist unless a --reason is given (recovery, e.g. every officer left), and
 * then every existing officer is told in LINE. Every use is written to the organisation's integrity audit log, which
 * the officers read in the LIFF app.
 *
 * Firestore: FIRESTORE_EMULATOR_HOST if set, else application default credentials. LINE messages go to the outbox and
 * are delivered by the running server (or the deliverOutbox trigger in production).
 * Exit codes: 0 done, 2 refused (officers exist, no reason), 3 unknown organisation, 64 usage.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemClock } from '../clock.ts';
import { grantByOperator } from '../integrity/service.ts';
import { reasonSchema } from '../integrity/schema.ts';
import type { Notifier } from '../notify/notifier.ts';
import { enqueueNotification } from '../notify/outboxStore.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { openFirestore } from '../store/firestore.ts';
import { safeText } from '../text/clean.ts';
import { exitCodeFor, firestoreTarget, runAsMain } from './common.ts';

const USAGE = 'usage: npm run grant-integrity-officer -- --org ID --user Uxxxxxxxx --name NAME [--reason TEXT]';

const argsSchema = z.object({
  org: orgIdSchema,
  user: z.string().regex(/^U[0-9a-f]{32}$/, 'a LINE user id: U followed by 32 hex digits'),
  name: safeText({ min: 1, max: 100, tooShort: 'the officer\'s name is required' }),
  reason: reasonSchema.optional(),
});

export async function run(argv: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options: { org: { type: 'string' }, user: { type: 'string' }, name: { type: 'string' }, reason: { type: 'string' } }, strict: true }).values;
  } catch (err) {
    out(`error: ${(err as Error).message}`);
    out(USAGE);
    return 64;
  }
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    for (const i of args.error.issues) out(`error: --${i.path.join('.')}: ${i.message}`);
    out(USAGE);
    return 64;
  }
  const db = openFirestore(firestoreTarget(process.env));
  try {
    const org = await getOrg(db, args.data.org);
    if (!org) {
      out(`error: no organisation "${args.data.org}"`);
      return 3;
    }
    const notifier: Notifier = { notify: async (n) => void (await enqueueNotification(db, n, systemClock.now())) };
    const operator = `operator CLI (${userInfo().username})`;
    try {
      const { entry, member } = await grantByOperator({ db, notifier, clock: systemClock }, org, {
        userId: args.data.user,
        displayName: args.data.name,
        operator,
        reason: args.data.reason,
      });
      out(`${org.id}: integrity officer granted to ${member.displayName} (roles: ${member.roles.join(', ')}); audit entry #${entry.seq}`);
      return 0;
    } catch (err) {
      return exitCodeFor(err, out);
    }
  } finally {
    await db.terminate();
  }
}

runAsMain(import.meta, run);
