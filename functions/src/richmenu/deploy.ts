import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { isToolMenuOf } from './definition.ts';
import { imageInfo } from './image.ts';

/** What the rich-menu tool needs of one channel's Messaging API (and data API, for the image). */
export interface RichMenuApi {
  list(): Promise<Array<{ richMenuId: string; name: string }>>;
  create(menu: messagingApi.RichMenuRequest): Promise<string>;
  uploadImage(richMenuId: string, image: Uint8Array): Promise<void>;
  setDefault(richMenuId: string): Promise<void>;
  getDefault(): Promise<string | null>;
  delete(richMenuId: string): Promise<void>;
  /** One user's own menu (the staff menus, richmenu/staff.ts). */
  linkUser(userId: string, richMenuId: string): Promise<void>;
  unlinkUser(userId: string): Promise<void>;
}

export interface RichMenuApiOptions {
  channelAccessToken: string;
  /** https://api.line.me, or the sandbox. */
  baseURL: string;
  /** https://api-data.line.me (the image upload host), or the sandbox. */
  dataBaseURL: string;
}

export function createRichMenuApi(options: RichMenuApiOptions): RichMenuApi {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.baseURL });
  const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: options.channelAccessToken, baseURL: options.dataBaseURL });
  return {
    async list() {
      return (await client.getRichMenuList()).richmenus.map((m) => ({ richMenuId: m.richMenuId, name: m.name }));
    },
    async create(menu) {
      return (await client.createRichMenu(menu)).richMenuId;
    },
    async uploadImage(richMenuId, image) {
      const type = imageInfo(image)?.contentType ?? 'application/octet-stream';
      await blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type }));
    },
    async setDefault(richMenuId) {
      await client.setDefaultRichMenu(richMenuId);
    },
    async getDefault() {
      try {
        return (await client.getDefaultRichMenuId()).richMenuId;
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 404) return null;
        throw err;
      }
    },
    async delete(richMenuId) {
      await client.deleteRichMenu(richMenuId);
    },
    async linkUser(userId, richMenuId) {
      await client.linkRichMenuIdToUser(userId, richMenuId);
    },
    async unlinkUser(userId) {
      try {
        await client.unlinkRichMenuIdFromUser(userId);
      } catch (err) {
        if (!(err instanceof HTTPFetchError && err.status === 404)) throw err;
      }
    },
  };
}

export interface DeployResult {
  richMenuId: string;
  /** This tool's earlier menus of the organisation, deleted once the new one was the default. */
  replaced: string[];
  /** Earlier menus that could not be deleted (left in place; the next run tries again). */
  leftOver: Array<{ richMenuId: string; error: string }>;
  /** A default menu set by someone else (another tool, LINE Official Account Manager) that this one took over from. */
  previousForeignDefault: string | null;
}

/**
 * Creates the menu, uploads its image, makes it the default, then deletes this tool's earlier menus of the
 * organisation. The new menu is the default before any old one goes, so followers never lose their menu; if the
 * upload or the switch fails, the half-made menu is deleted again and the old default stays. Menus not made by this tool
 * (other names) are never touched. Rich menu creation is limited to 100 an hour: this runs at setup, never per request.
 */
export async function deployRichMenu(
  api: RichMenuApi,
  orgId: string,
  menu: messagingApi.RichMenuRequest,
  image: Uint8Array,
  log: (line: string) => void = () => {},
): Promise<DeployResult> {
  const existing = await api.list();
  const previous = existing.filter((m) => isToolMenuOf(orgId, m.name)).map((m) => m.richMenuId);
  const currentDefault = await api.getDefault();

  const richMenuId = await api.create(menu);
  log(`created ${richMenuId}`);
  try {
    await api.uploadImage(richMenuId, image);
    log(`uploaded the image (${image.byteLength} bytes)`);
    await api.setDefault(richMenuId);
    log('set as the default rich menu of every follower');
  } catch (err) {
    await api.delete(richMenuId).catch(() => {});
    throw err;
  }

  const replaced: string[] = [];
  const leftOver: DeployResult['leftOver'] = [];
  for (const id of previous) {
    try {
      await api.delete(id);
      replaced.push(id);
      log(`deleted the earlier menu ${id}`);
    } catch (err) {
      leftOver.push({ richMenuId: id, error: describeLineError(err) });
    }
  }
  const previousForeignDefault = currentDefault && !previous.includes(currentDefault) && currentDefault !== richMenuId ? currentDefault : null;
  return { richMenuId, replaced, leftOver, previousForeignDefault };
}

/** A LINE API failure in one line: status and LINE's own message and details. */
export function describeLineError(err: unknown): string {
  if (err instanceof HTTPFetchError) {
    let detail = err.body;
    try {
      const parsed = JSON.parse(err.body) as { message?: string; details?: Array<{ property?: string; message?: string }> };
      detail = [parsed.message, ...(parsed.details ?? []).map((d) => `${d.property ?? ''}: ${d.message ?? ''}`)].filter(Boolean).join('; ');
    } catch {
      // not JSON: keep the raw body
    }
    return `LINE answered ${err.status}${detail ? `: ${detail}` : ''}`;
  }
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return [e.message ?? String(err), e.cause?.code ?? e.cause?.message].filter(Boolean).join(' — ');
}
