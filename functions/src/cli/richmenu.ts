/**
 * npm run richmenu -- --org ID [--dry-run] [--image PATH] [--liff-base URL]
 *
 * Creates the organisation's rich menu through the Messaging API, uploads its image (data/richmenu/richmenu.png,
 * made by `npm run richmenu:image`), makes it the default for every follower, then deletes the menus this tool made
 * for the organisation before. Run it at setup or after changing the menu: LINE allows 100 rich menu creations an hour.
 *
 * --dry-run     reads the organisation, its credentials and the channel's menus, prints what would happen, changes nothing
 * --image PATH  another PNG/JPEG of the same size (2500×1686) and layout, e.g. an organisation's own artwork
 * --liff-base   local mode: tiles open the LIFF pages on this server (e.g. http://localhost:3000) instead of liff.line.me
 * --staff       the staff menus instead (richmenu/staff.ts): one per tool set, images data/richmenu/staff-{variant}.png,
 *               linked to every active staff member's own LINE account; earlier staff menus deleted afterwards. From
 *               then on the app relinks a person whenever their roles change. Needs the organisation's LIFF app.
 *
 * Environment:
 *   FIRESTORE_EMULATOR_HOST  the emulator to read the organisation (and its orgSecrets) from; else Cloud Firestore (ADC)
 *   GCLOUD_PROJECT           project id (or FIREBASE_PROJECT_ID), default "demo-integrity"
 *   LINE_CHANNELS            production: {"<orgId>": {"channelSecret", "channelAccessToken"}}; else orgSecrets/{orgId}
 *   LINE_API_BASE_URL        default https://api.line.me (the local sandbox: lineApiBaseUrl of GET /dev/demo)
 *   LINE_DATA_API_BASE_URL   default https://api-data.line.me, or LINE_API_BASE_URL when that points elsewhere (the sandbox
 *                            serves both)
 *
 * Exit codes: 0 done (or dry run), 1 LINE refused or failed (the previous menu stays), 3 unknown organisation,
 * 4 no channel credentials, 64 usage, 65 the image breaks LINE's rules, 66 unreadable image.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { firestoreCredentials, secretCredentials, type ChannelCredentials } from '../line/credentials.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { buildRichMenu, isToolMenuOf, menuTiles } from '../richmenu/definition.ts';
import { createRichMenuApi, deployRichMenu, describeLineError, type RichMenuApi } from '../richmenu/deploy.ts';
import { richMenuImageProblems } from '../richmenu/image.ts';
import { openFirestore } from '../store/firestore.ts';
import { firestoreTarget, runAsMain } from './common.ts';
import { runStaffMenus } from './richmenuStaff.ts';

const USAGE = 'usage: npm run richmenu -- --org ID [--staff] [--dry-run] [--image PATH] [--liff-base URL]';
export const DEFAULT_IMAGE = fileURLToPath(new URL('../../../data/richmenu/richmenu.png', import.meta.url));
const LINE_API = 'https://api.line.me';
const LINE_DATA_API = 'https://api-data.line.me';

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `${what} must be an http(s) URL` }).transform((u) => u.replace(/\/+$/, ''));

const argsSchema = z
  .object({
    org: orgIdSchema,
    'dry-run': z.boolean().default(false),
    staff: z.boolean().default(false),
    image: z.string().min(1).default(DEFAULT_IMAGE),
    'liff-base': httpUrl('--liff-base').optional(),
  })
  .strict();

const envSchema = z.object({
  LINE_API_BASE_URL: httpUrl('LINE_API_BASE_URL').optional(),
  LINE_DATA_API_BASE_URL: httpUrl('LINE_DATA_API_BASE_URL').optional(),
  LINE_CHANNELS: z.string().min(1).optional(),
  FIRESTORE_EMULATOR_HOST: z.string().min(1).optional(),
});

export interface RichMenuIo {
  out?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** An open database (tests); otherwise one is opened from the environment and closed at the end. */
  db?: Firestore;
  now?: Date;
  /** Replaces the Messaging API client (tests of failures). */
  api?: (options: { channelAccessToken: string; baseURL: string; dataBaseURL: string }) => RichMenuApi;
}

export async function runRichMenu(argv: string[], io: RichMenuIo = {}): Promise<number> {
  const out = io.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const env = io.env ?? process.env;
  const now = io.now ?? new Date();
  const usage = (message: string) => {
    out(`error: ${message}\n${USAGE}`);
    return 64;
  };

  let args: z.infer<typeof argsSchema>;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' }, staff: { type: 'boolean' }, image: { type: 'string' }, 'liff-base': { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length) return usage(`unexpected argument "${positionals[0]}"`);
    const parsed = argsSchema.safeParse(values);
    if (!parsed.success) return usage(parsed.error.issues.map((i) => `--${i.path.join('.') || '?'}: ${i.message}`).join('; '));
    args = parsed.data;
  } catch (err) {
    return usage((err as Error).message);
  }
  const envParsed = envSchema.safeParse({
    LINE_API_BASE_URL: env.LINE_API_BASE_URL || undefined,
    LINE_DATA_API_BASE_URL: env.LINE_DATA_API_BASE_URL || undefined,
    LINE_CHANNELS: env.LINE_CHANNELS || undefined,
    FIRESTORE_EMULATOR_HOST: env.FIRESTORE_EMULATOR_HOST || undefined,
  });
  if (!envParsed.success) return usage(envParsed.error.issues.map((i) => i.message).join('; '));
  const e = envParsed.data;
  const baseURL = e.LINE_API_BASE_URL ?? LINE_API;
  // The sandbox serves the data API too; real LINE has its own data host.
  const dataBaseURL = e.LINE_DATA_API_BASE_URL ?? (new URL(baseURL).origin === LINE_API ? LINE_DATA_API : baseURL);

  if (args.staff) return runStaffMenus(args, { out, env, now, baseURL, dataBaseURL, emulatorHost: e.FIRESTORE_EMULATOR_HOST, channelsJson: e.LINE_CHANNELS, io });

  let image: Buffer;
  try {
    image = await readFile(args.image);
  } catch (err) {
    out(`error: cannot read the image ${args.image}: ${(err as Error).message}`);
    if (args.image === DEFAULT_IMAGE) out('make it with: npm run richmenu:image');
    return 66;
  }

  const { projectId } = firestoreTarget(env);
  const db = io.db ?? openFirestore({ projectId, emulatorHost: e.FIRESTORE_EMULATOR_HOST });
  try {
    if (!io.db) out(`Firestore ${e.FIRESTORE_EMULATOR_HOST ? `emulator ${e.FIRESTORE_EMULATOR_HOST}` : '(application default credentials)'}, project ${projectId}`);
    const org = await getOrg(db, args.org);
    if (!org) {
      out(`error: organisation "${args.org}" does not exist`);
      return 3;
    }
    const menu = buildRichMenu(org, { createdAt: now, ...(args['liff-base'] ? { liffLocalBase: args['liff-base'] } : {}) });
    const problems = richMenuImageProblems(image, menu.size);
    if (problems.length) {
      out(`error: ${args.image}: ${problems.join('; ')}`);
      return 65;
    }

    let credentials: ChannelCredentials;
    try {
      credentials = e.LINE_CHANNELS ? secretCredentials(e.LINE_CHANNELS) : firestoreCredentials(db);
    } catch {
      return usage('LINE_CHANNELS must be JSON {"<orgId>": {"channelSecret": "...", "channelAccessToken": "..."}}');
    }
    const secrets = await credentials.get(org.id);
    if (!secrets) {
      out(`error: no channel access token for "${org.id}" (${e.LINE_CHANNELS ? 'not in LINE_CHANNELS' : `orgSecrets/${org.id} is missing`})`);
      return 4;
    }

    out(`${org.name} (${org.id}): rich menu "${menu.chatBarText}", ${menu.size.width}×${menu.size.height}, image ${args.image} (${image.byteLength} bytes)`);
    menuTiles().forEach((tile, i) => {
      const action = menu.areas[i]!.action;
      const does = action.type === 'uri' ? `opens ${(action as { uri: string }).uri}` : `sends "${(action as { text: string }).text}"`;
      out(`  ${tile.label.padEnd(20)} ${does}`);
    });
    if (!org.line.liffId && !args['liff-base']) out('  (no LIFF app registered for this organisation: the service tiles send chat messages instead)');
    out(`Messaging API ${baseURL}, data API ${dataBaseURL}`);

    const api = (io.api ?? createRichMenuApi)({ channelAccessToken: secrets.channelAccessToken, baseURL, dataBaseURL });
    try {
      if (args['dry-run']) {
        const ours = (await api.list()).filter((m) => isToolMenuOf(org.id, m.name));
        out(`dry run: would create the menu, upload the image, make it the default and delete ${ours.length} earlier menu(s)${ours.length ? `: ${ours.map((m) => m.richMenuId).join(', ')}` : ''}`);
        out('nothing changed');
        return 0;
      }
      const result = await deployRichMenu(api, org.id, menu, image, (l) => out(`  ${l}`));
      for (const l of result.leftOver) out(`warning: could not delete the earlier menu ${l.richMenuId}: ${l.error} (the next run tries again)`);
      if (result.previousForeignDefault) {
        out(`note: replaced the default menu ${result.previousForeignDefault}, which this tool did not make (it was left in place, no longer default)`);
      }
      out(`done: ${result.richMenuId} is the default rich menu of ${org.id}${result.replaced.length ? `; replaced ${result.replaced.length} earlier menu(s)` : ''}`);
      return 0;
    } catch (err) {
      out(`error: ${describeLineError(err)}`);
      out('the previous rich menu (if any) is unchanged');
      return 1;
    }
  } finally {
    if (!io.db) await db.terminate();
  }
}

runAsMain(import.meta, runRichMenu);
