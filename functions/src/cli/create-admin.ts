import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemClock } from '../clock.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { grantRoles } from '../staff/store.ts';
import { openFirestore } from '../store/firestore.ts';
import { safeText } from '../text/clean.ts';

/**
 * `npm run create-admin -- --org ID --user Uxxxxxxxx [--name "ชื่อ"]`: makes a LINE user the organisation's first admin
 * (who then invites the other staff from the LIFF staff pages). Firestore: FIRESTORE_EMULATOR_HOST if set, else
 * application default credentials.
 */
const argsSchema = z.object({
  org: orgIdSchema,
  user: z.string().regex(/^U[0-9a-f]{32}$/, 'a LINE user id: U followed by 32 hex digits'),
  name: safeText({ max: 100 }).optional(),
});

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { org: { type: 'string' }, user: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    process.stderr.write(`create-admin: ${args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\nusage: npm run create-admin -- --org ID --user Uxxxxxxxx [--name NAME]\n`);
    return 64;
  }
  const db = openFirestore({
    projectId: process.env.PROJECT_ID ?? process.env.GCLOUD_PROJECT ?? 'demo-integrity',
    emulatorHost: process.env.FIRESTORE_EMULATOR_HOST,
  });
  try {
    if (!(await getOrg(db, args.data.org))) {
      process.stderr.write(`create-admin: no organisation "${args.data.org}" (import its plan first: npm run import)\n`);
      return 66;
    }
    const member = await grantRoles(db, args.data.org, { userId: args.data.user, roles: ['admin'], ...(args.data.name ? { displayName: args.data.name } : {}) }, systemClock.now());
    process.stdout.write(`${args.data.org}: admin granted (roles: ${member.roles.join(', ')})\n`);
    return 0;
  } finally {
    await db.terminate();
  }
}

process.exitCode = await main();
