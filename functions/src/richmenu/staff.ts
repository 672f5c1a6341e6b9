import type { messagingApi } from '@line/bot-sdk';
import { liffUrl } from '../line/liff.ts';
import type { Org } from '../orgs/schema.ts';
import type { Role } from '../staff/schema.ts';
import { gridBounds, type Bounds, type RichMenuDefinition } from './definition.ts';

/**
 * The staff rich menu (issue 16: "staff cannot find their tools"). Linked to each staff member's own LINE account
 * (LINE's per-user rich menu, which wins over the organisation's default), so staff open their tools from the chat:
 * the staff home, and the places their roles work. A menu per set of tools, so each role sees only what it can use:
 *
 * | roles                                   | tools                                   |
 * |-----------------------------------------|-----------------------------------------|
 * | integrity officer                       | home · complaints                       |
 * | officer (with or without integrity)     | home · complaints · comments            |
 * | queue operator                          | home · queue desk · comments            |
 * | admin, or officer/integrity + queue     | home · complaints · queue desk · comments |
 *
 * Linked when a person gets a role, relinked when roles change, unlinked (back to the citizens' menu) when they
 * leave. Images: data/richmenu/staff-{variant}.png (npm run richmenu:image -- --staff); deployed with
 * `npm run richmenu -- --org ID --staff`.
 */
export const STAFF_MENU_SIZE = { width: 2500, height: 843 } as const;
/** LINE allows 14 characters. */
export const STAFF_CHAT_BAR_TEXT = 'เจ้าหน้าที่';
/** Staff menus are named `integrity-oa-staff:{orgId}:{variant}:{ISO time}`: never matched by the citizens' menu prefix. */
export const STAFF_MENU_NAME_PREFIX = 'integrity-oa-staff';

export type StaffToolKey = 'home' | 'inbox' | 'queue' | 'comments';
export interface StaffTool {
  key: StaffToolKey;
  label: string;
  hint: string;
  liffPath: string;
  /** Who can use the page the tile opens (the API decides; this only keeps a tile off a menu where it would refuse). */
  roles: readonly Role[];
}

export const STAFF_TOOLS: readonly StaffTool[] = [
  { key: 'home', label: 'หน้าเจ้าหน้าที่', hint: 'งานทั้งหมดของฉัน', liffPath: 'staff', roles: ['admin', 'officer', 'integrity_officer', 'queue_operator'] },
  { key: 'inbox', label: 'เรื่องร้องเรียน', hint: 'รับเรื่อง อัปเดต ปิดเรื่อง', liffPath: 'staff/complaints', roles: ['admin', 'officer', 'integrity_officer'] },
  { key: 'queue', label: 'เรียกคิว', hint: 'โต๊ะเรียกคิว', liffPath: 'staff/queue', roles: ['admin', 'queue_operator'] },
  { key: 'comments', label: 'ความคิดเห็น', hint: 'ผลประเมินความพึงพอใจ', liffPath: 'staff/ratings', roles: ['admin', 'officer', 'queue_operator'] },
];

/** Every tool set a combination of roles can give (see the table above), named by its tools after the home tile. */
export const STAFF_VARIANTS = ['inbox', 'inbox-comments', 'queue-comments', 'inbox-queue-comments'] as const;
export type StaffVariant = (typeof STAFF_VARIANTS)[number];

/** The tools of these roles; null for no role (a person who is not, or no longer, staff). */
export function staffVariantOf(roles: readonly Role[]): StaffVariant | null {
  const keys = STAFF_TOOLS.filter((t) => t.key !== 'home' && t.roles.some((r) => roles.includes(r))).map((t) => t.key);
  if (!keys.length) return null;
  const variant = keys.join('-');
  if (!(STAFF_VARIANTS as readonly string[]).includes(variant)) throw new Error(`no staff menu for the tools ${variant}`);
  return variant as StaffVariant;
}

export function staffVariantTools(variant: StaffVariant): StaffTool[] {
  const keys = ['home', ...variant.split('-')];
  return STAFF_TOOLS.filter((t) => keys.includes(t.key));
}

/** One row of tiles over the compact menu, left to right. */
export function staffTiles(variant: StaffVariant): Array<StaffTool & { bounds: Bounds }> {
  const tools = staffVariantTools(variant);
  const bounds = gridBounds(STAFF_MENU_SIZE, 1, tools.length);
  return tools.map((t, i) => ({ ...t, bounds: bounds[i]! }));
}

export function staffMenuName(orgId: string, variant: StaffVariant, createdAt: Date): string {
  return `${STAFF_MENU_NAME_PREFIX}:${orgId}:${variant}:${createdAt.toISOString()}`;
}

export function isStaffMenuOf(orgId: string, name: string): boolean {
  return name.startsWith(`${STAFF_MENU_NAME_PREFIX}:${orgId}:`);
}

/**
 * The staff menu of one tool set. Every tile opens a LIFF page, so the organisation needs a LIFF app (or, locally,
 * the local base): without one there is no staff menu (null).
 */
export function buildStaffMenu(org: Pick<Org, 'id' | 'line'>, variant: StaffVariant, options: { liffLocalBase?: string; createdAt: Date }): RichMenuDefinition | null {
  const areas: RichMenuDefinition['areas'] = [];
  for (const tile of staffTiles(variant)) {
    const uri = liffUrl(org, tile.liffPath, options.liffLocalBase);
    if (!uri) return null;
    areas.push({ bounds: tile.bounds, action: { type: 'uri', label: tile.label, uri } satisfies messagingApi.URIAction });
  }
  return {
    size: { ...STAFF_MENU_SIZE },
    selected: true,
    name: staffMenuName(org.id, variant, options.createdAt),
    chatBarText: STAFF_CHAT_BAR_TEXT,
    areas,
  };
}
