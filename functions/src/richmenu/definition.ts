import type { messagingApi } from '@line/bot-sdk';
import { liffUrl } from '../line/liff.ts';
import type { Org } from '../orgs/schema.ts';

/**
 * The rich menu every organisation gets: six tiles, two rows of three, on one image of LINE's full size. The same
 * list drives the image generator (scripts/richmenu-image.ts: icon, label, hint) and the menu sent to the Messaging API
 * (areas and actions), so the picture and the tap targets cannot drift apart.
 */
export const RICH_MENU_SIZE = { width: 2500, height: 1686 } as const;
export const RICH_MENU_ROWS = 2;
export const RICH_MENU_COLUMNS = 3;
/** Shown on the chat bar under the keyboard; LINE allows 14 characters. */
export const CHAT_BAR_TEXT = 'เมนูบริการ';
/** Menus this tool creates are named `integrity-oa:{orgId}:{ISO time}`; only those are ever replaced or deleted. */
export const RICH_MENU_NAME_PREFIX = 'integrity-oa';

export type MenuItemKey = 'ask' | 'manuals' | 'complain' | 'track' | 'queue' | 'rate';

export interface MenuItem {
  key: MenuItemKey;
  /** Printed large on the tile, and the action's label (read by screen readers; LINE allows 20 characters). */
  label: string;
  /** The label as printed, when it needs two lines on the tile to stay large. */
  lines?: readonly string[];
  /** A short line under the label on the tile (none under a two-line label). */
  hint?: string;
  /** What the tile does: open a LIFF page, or send a chat message that the chat engine answers. */
  target: { liffPath: string; fallbackText: string } | { text: string };
}

/** In reading order: left to right, top row first. */
export const MENU_ITEMS: readonly MenuItem[] = [
  { key: 'ask', label: 'ถามข้อมูล', hint: 'โครงการ งบประมาณ', target: { text: 'วิธีใช้' } },
  { key: 'manuals', label: 'คู่มือประชาชน', hint: 'ขั้นตอน เอกสาร', target: { text: 'มีคู่มือบริการอะไรบ้าง' } },
  { key: 'complain', label: 'ร้องเรียน', hint: 'แจ้งเรื่อง เบาะแสทุจริต', target: { liffPath: 'complaints/new', fallbackText: 'ร้องเรียน' } },
  { key: 'track', label: 'ติดตามเรื่อง', hint: 'สถานะเรื่องร้องเรียน', target: { liffPath: 'complaints/track', fallbackText: 'ติดตามเรื่องร้องเรียน' } },
  { key: 'queue', label: 'รับบัตรคิว', hint: 'คิวรับบริการที่สำนักงาน', target: { liffPath: 'queue', fallbackText: 'รับบัตรคิว' } },
  { key: 'rate', label: 'ประเมินความพึงพอใจ', lines: ['ประเมิน', 'ความพึงพอใจ'], target: { liffPath: 'ratings/new', fallbackText: 'ประเมินความพึงพอใจ' } },
];

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Splits the image into rows × columns tiles that cover it exactly (the last tile of a row takes any remainder). */
export function gridBounds(size: { width: number; height: number }, rows: number, columns: number): Bounds[] {
  const cut = (total: number, parts: number) => Array.from({ length: parts + 1 }, (_, i) => Math.round((total * i) / parts));
  const xs = cut(size.width, columns);
  const ys = cut(size.height, rows);
  const out: Bounds[] = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const x = xs[c]!;
      const y = ys[r]!;
      out.push({ x, y, width: xs[c + 1]! - x, height: ys[r + 1]! - y });
    }
  }
  return out;
}

/** The tiles with their bounds, in the order of MENU_ITEMS. */
export function menuTiles(): Array<MenuItem & { bounds: Bounds }> {
  const bounds = gridBounds(RICH_MENU_SIZE, RICH_MENU_ROWS, RICH_MENU_COLUMNS);
  return MENU_ITEMS.map((item, i) => ({ ...item, bounds: bounds[i]! }));
}

export function richMenuName(orgId: string, createdAt: Date): string {
  return `${RICH_MENU_NAME_PREFIX}:${orgId}:${createdAt.toISOString()}`;
}

/** Whether a rich menu on the channel was made by this tool for this organisation (and so may be replaced). */
export function isToolMenuOf(orgId: string, name: string): boolean {
  return name.startsWith(`${RICH_MENU_NAME_PREFIX}:${orgId}:`);
}

/** A rich menu request with every field present (the SDK's type leaves them all optional). */
export interface RichMenuDefinition extends messagingApi.RichMenuRequest {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: Array<{ bounds: Bounds; action: messagingApi.Action }>;
}

export interface BuildOptions {
  /** Local mode: LIFF pages on this server (see liffUrl) instead of https://liff.line.me links. */
  liffLocalBase?: string;
  createdAt: Date;
}

/**
 * The rich menu of an organisation. Tiles that open a LIFF page use the organisation's permanent LIFF links; when it
 * has no LIFF app yet (and no local base), they send a chat message instead, which the chat engine answers with the
 * same service in chat form, so every tile always does something.
 */
export function buildRichMenu(org: Pick<Org, 'id' | 'line'>, options: BuildOptions): RichMenuDefinition {
  const areas: RichMenuDefinition['areas'] = menuTiles().map((tile) => {
    const { target } = tile;
    const url = 'liffPath' in target ? liffUrl(org, target.liffPath, options.liffLocalBase) : undefined;
    const action: messagingApi.Action = url
      ? ({ type: 'uri', label: tile.label, uri: url } satisfies messagingApi.URIAction)
      : ({ type: 'message', label: tile.label, text: 'text' in target ? target.text : target.fallbackText } satisfies messagingApi.MessageAction);
    return { bounds: tile.bounds, action };
  });
  return {
    size: { ...RICH_MENU_SIZE },
    // Shown open when the chat opens: a first-time visitor sees what the account offers without finding the chat bar.
    selected: true,
    name: richMenuName(org.id, options.createdAt),
    chatBarText: CHAT_BAR_TEXT,
    areas,
  };
}
