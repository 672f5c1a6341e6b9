import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { createOrganisation } from '../orgs/service.ts';
import { getOrgSecrets, setOrgSecretsIfAbsent } from '../orgs/store.ts';

/** The demo organisations of local mode, from data/demo-orgs.json (their plans come from data/plans/). */
const demoOrgsSchema = z.array(
  z.object({
    id: orgIdSchema,
    name: z.string().min(2),
    district: z.string(),
    province: z.string(),
    phone: z.string().optional(),
    planFile: z.string(),
  }),
);
export type DemoOrg = z.infer<typeof demoOrgsSchema>[number];

export const DATA_DIR = path.resolve(import.meta.dirname, '../../../data');

/** The LINE Login channel id the local issuer signs for: every demo organisation's LIFF audience in local mode. */
export const LOCAL_LOGIN_CHANNEL_ID = '1234567890';

export async function loadDemoOrgs(dataDir = DATA_DIR): Promise<DemoOrg[]> {
  return demoOrgsSchema.parse(JSON.parse(await readFile(path.join(dataDir, 'demo-orgs.json'), 'utf8')));
}

/**
 * Creates each demo organisation (with its standard manuals) and its sandbox channel credentials if absent: a restart (or a second server on the
 * same emulator) duplicates nothing and keeps what is there. Credentials are random per emulator, never in the repo.
 * Returns each organisation's access token so the sandbox can recognise it.
 */
export async function seedDemoOrgs(db: Firestore, demos: DemoOrg[], now: Date, log: Logger): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const demo of demos) {
    const created = await createOrganisation(db, {
      id: demo.id,
      name: demo.name,
      district: demo.district,
      province: demo.province,
      office: {
        address: `สำนักงาน${demo.name} อำเภอ${demo.district} จังหวัด${demo.province}`,
        phone: demo.phone ?? '',
        hours: 'วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)',
      },
      line: { liffId: `${LOCAL_LOGIN_CHANNEL_ID}-${demo.id}`, loginChannelId: LOCAL_LOGIN_CHANNEL_ID },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }, now);
    await setOrgSecretsIfAbsent(db, demo.id, {
      channelSecret: randomBytes(16).toString('hex'),
      channelAccessToken: randomBytes(32).toString('base64url'),
    });
    const secrets = await getOrgSecrets(db, demo.id);
    if (secrets) tokens.set(demo.id, secrets.channelAccessToken);
    log.info({ orgId: demo.id, created }, 'demo organisation ready');
  }
  return tokens;
}
