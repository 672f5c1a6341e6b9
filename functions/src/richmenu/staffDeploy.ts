import type { messagingApi } from '@line/bot-sdk';
import type { RichMenuApi } from './deploy.ts';
import { isStaffMenuOf, type StaffVariant } from './staff.ts';

export interface StaffMenuToDeploy {
  variant: StaffVariant;
  menu: messagingApi.RichMenuRequest;
  image: Uint8Array;
}

export interface StaffDeployResult {
  variants: Partial<Record<StaffVariant, string>>;
  /** This tool's earlier staff menus of the organisation, deleted once the new ones were linked. */
  replaced: string[];
}

/**
 * Creates every staff menu and uploads its image; if any step fails, the menus made so far are deleted again and the
 * earlier ones stay (with their links). Deleting the earlier menus is left to `retireStaffMenus`, called once every
 * member has been relinked to a new one, so nobody is left without a menu in between.
 */
export async function createStaffMenus(api: RichMenuApi, menus: StaffMenuToDeploy[], log: (line: string) => void = () => {}): Promise<Partial<Record<StaffVariant, string>>> {
  const made: Partial<Record<StaffVariant, string>> = {};
  try {
    for (const m of menus) {
      const id = await api.create(m.menu);
      made[m.variant] = id;
      await api.uploadImage(id, m.image);
      log(`created ${id} (${m.variant}) and uploaded its image (${m.image.byteLength} bytes)`);
    }
  } catch (err) {
    for (const id of Object.values(made)) await api.delete(id).catch(() => {});
    throw err;
  }
  return made;
}

/** Deletes this tool's staff menus of the organisation other than `keep`; returns what went. */
export async function retireStaffMenus(api: RichMenuApi, orgId: string, keep: string[], log: (line: string) => void = () => {}): Promise<string[]> {
  const old = (await api.list()).filter((m) => isStaffMenuOf(orgId, m.name) && !keep.includes(m.richMenuId));
  const gone: string[] = [];
  for (const m of old) {
    try {
      await api.delete(m.richMenuId);
      gone.push(m.richMenuId);
      log(`deleted the earlier staff menu ${m.richMenuId}`);
    } catch {
      log(`could not delete the earlier staff menu ${m.richMenuId} (the next run tries again)`);
    }
  }
  return gone;
}
