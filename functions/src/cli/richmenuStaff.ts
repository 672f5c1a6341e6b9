import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { firestoreCredentials, secretCredentials, type ChannelCredentials } from '../line/credentials.ts';
import { getOrg } from '../orgs/store.ts';
import { createRichMenuApi, describeLineError, type RichMenuApi } from '../richmenu/deploy.ts';
import { richMenuImageProblems } from '../richmenu/image.ts';
import { buildStaffMenu, STAFF_MENU_SIZE, STAFF_VARIANTS, staffTiles, staffVariantOf, type StaffVariant } from '../richmenu/staff.ts';
import { createStaffMenus, retireStaffMenus, type StaffMenuToDeploy } from '../richmenu/staffDeploy.ts';
import { saveStaffMenus } from '../richmenu/store.ts';
import { hasRole } from '../staff/schema.ts';
import { listStaff } from '../staff/store.ts';
import { openFirestore } from '../store/firestore.ts';
import { firestoreTarget } from './common.ts';
import type { Firestore } from '../store/firestore.ts';

/** The committed image of one staff menu (npm run richmenu:image -- --staff). */
export const staffImagePath = (variant: StaffVariant) => fileURLToPath(new URL(`../../../data/richmenu/staff-${variant}.png`, import.meta.url));

export interface StaffRun {
  out: (line: string) => void;
  env: NodeJS.ProcessEnv;
  now: Date;
  baseURL: string;
  dataBaseURL: string;
  emulatorHost: string | undefined;
  channelsJson: string | undefined;
  /** The open database and the API factory of cli/richmenu.ts's RichMenuIo (tests). */
  io: { db?: Firestore | undefined; api?: ((options: { channelAccessToken: string; baseURL: string; dataBaseURL: string }) => RichMenuApi) | undefined };
}

/**
 * `npm run richmenu -- --org ID --staff`: creates the staff menus (one per tool set), records their ids where the app
 * reads them when roles change (richmenu/store.ts), links every active staff member to the menu of their tools, then
 * deletes the earlier staff menus. Exit codes as the citizens' menu (cli/richmenu.ts).
 */
export async function runStaffMenus(args: { org: string; 'dry-run': boolean; 'liff-base'?: string | undefined }, run: StaffRun): Promise<number> {
  const { out } = run;
  const images = new Map<StaffVariant, Buffer>();
  for (const variant of STAFF_VARIANTS) {
    const path = staffImagePath(variant);
    try {
      images.set(variant, await readFile(path));
    } catch (err) {
      out(`error: cannot read the image ${path}: ${(err as Error).message}\nmake it with: npm run richmenu:image -- --staff`);
      return 66;
    }
    const problems = richMenuImageProblems(images.get(variant)!, STAFF_MENU_SIZE);
    if (problems.length) {
      out(`error: ${path}: ${problems.join('; ')}`);
      return 65;
    }
  }
  const { projectId } = firestoreTarget(run.env);
  const db = run.io.db ?? openFirestore({ projectId, emulatorHost: run.emulatorHost });
  try {
    const org = await getOrg(db, args.org);
    if (!org) {
      out(`error: organisation "${args.org}" does not exist`);
      return 3;
    }
    const menus: StaffMenuToDeploy[] = [];
    for (const variant of STAFF_VARIANTS) {
      const menu = buildStaffMenu(org, variant, { createdAt: run.now, ...(args['liff-base'] ? { liffLocalBase: args['liff-base'] } : {}) });
      if (!menu) {
        out(`error: ${org.id} has no LIFF app (line.liffId): every staff tile opens a LIFF page (locally: --liff-base URL)`);
        return 64;
      }
      menus.push({ variant, menu, image: images.get(variant)! });
    }
    let credentials: ChannelCredentials;
    try {
      credentials = run.channelsJson ? secretCredentials(run.channelsJson) : firestoreCredentials(db);
    } catch {
      out('error: LINE_CHANNELS must be JSON {"<orgId>": {"channelSecret": "...", "channelAccessToken": "..."}}');
      return 64;
    }
    const secrets = await credentials.get(org.id);
    if (!secrets) {
      out(`error: no channel access token for "${org.id}"`);
      return 4;
    }
    out(`${org.name} (${org.id}): staff menus`);
    for (const variant of STAFF_VARIANTS) out(`  ${variant.padEnd(22)} ${staffTiles(variant).map((t) => t.label).join(' · ')}`);
    const staff = (await listStaff(db, org.id)).filter((m) => hasRole(m, ...m.roles));
    if (args['dry-run']) {
      out(`dry run: would create ${menus.length} staff menus and link ${staff.length} staff member(s); nothing changed`);
      return 0;
    }
    const api: RichMenuApi = (run.io.api ?? createRichMenuApi)({ channelAccessToken: secrets.channelAccessToken, baseURL: run.baseURL, dataBaseURL: run.dataBaseURL });
    try {
      const variants = await createStaffMenus(api, menus, (l) => out(`  ${l}`));
      await saveStaffMenus(db, org.id, { variants, deployedAt: run.now.toISOString() });
      let linked = 0;
      for (const member of staff) {
        const variant = staffVariantOf(member.roles);
        const id = variant ? variants[variant] : undefined;
        if (!id) continue;
        try {
          await api.linkUser(member.userId, id);
          linked += 1;
        } catch (err) {
          out(`warning: could not link a staff member's menu: ${describeLineError(err)}`);
        }
      }
      const gone = await retireStaffMenus(api, org.id, Object.values(variants), (l) => out(`  ${l}`));
      out(`done: ${Object.keys(variants).length} staff menus, ${linked} staff member(s) linked${gone.length ? `, ${gone.length} earlier menu(s) deleted` : ''}`);
      return 0;
    } catch (err) {
      out(`error: ${describeLineError(err)}`);
      out('the earlier staff menus (if any) are unchanged');
      return 1;
    }
  } finally {
    if (!run.io.db) await db.terminate();
  }
}
