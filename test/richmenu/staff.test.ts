import { describe, expect, it } from 'vitest';
import { buildStaffMenu, STAFF_CHAT_BAR_TEXT, STAFF_MENU_SIZE, STAFF_VARIANTS, staffTiles, staffVariantOf } from '../../functions/src/richmenu/staff.ts';
import { richMenuImageProblems } from '../../functions/src/richmenu/image.ts';
import { staffImagePath } from '../../functions/src/cli/richmenuStaff.ts';
import { ROLES, type Role } from '../../functions/src/contracts/tables/roles.ts';
import { readFile } from 'node:fs/promises';

/** Every combination of roles a person can hold. */
const combinations: Role[][] = Array.from({ length: 2 ** ROLES.length }, (_, mask) => ROLES.filter((_, i) => mask & (1 << i)));

describe('the staff rich menus', () => {
  it('give every combination of roles a menu of exactly the tools those roles can use, and nobody a menu without roles', () => {
    expect(staffVariantOf([])).toBeNull();
    for (const roles of combinations.filter((r) => r.length)) {
      const variant = staffVariantOf(roles);
      expect(variant, roles.join()).not.toBeNull();
      for (const tile of staffTiles(variant!)) expect(tile.roles.some((r) => roles.includes(r)), `${roles.join()} → ${tile.key}`).toBe(true);
    }
    expect(staffVariantOf(['integrity_officer'])).toBe('inbox');
    expect(staffVariantOf(['officer'])).toBe('inbox-comments');
    expect(staffVariantOf(['queue_operator'])).toBe('queue-comments');
    expect(staffVariantOf(['admin'])).toBe('inbox-queue-comments');
  });

  it("keep within LINE's limits: the chat bar text, action labels, and tiles covering the image exactly", () => {
    expect([...STAFF_CHAT_BAR_TEXT].length).toBeLessThanOrEqual(14);
    for (const variant of STAFF_VARIANTS) {
      const tiles = staffTiles(variant);
      expect(tiles[0]?.key).toBe('home');
      for (const t of tiles) expect([...t.label].length).toBeLessThanOrEqual(20);
      expect(tiles.reduce((sum, t) => sum + t.bounds.width * t.bounds.height, 0)).toBe(STAFF_MENU_SIZE.width * STAFF_MENU_SIZE.height);
    }
  });

  it('open LIFF pages only, and exist only for an organisation with a LIFF app (or locally)', () => {
    const at = new Date('2026-11-22T03:00:00Z');
    expect(buildStaffMenu({ id: 'x', line: {} }, 'inbox', { createdAt: at })).toBeNull();
    const menu = buildStaffMenu({ id: 'x', line: { liffId: '123-abc' } }, 'queue-comments', { createdAt: at });
    expect(menu?.areas.map((a) => (a.action as { uri: string }).uri)).toEqual([
      'https://liff.line.me/123-abc/staff',
      'https://liff.line.me/123-abc/staff/queue',
      'https://liff.line.me/123-abc/staff/ratings',
    ]);
    expect(menu?.name).toBe('integrity-oa-staff:x:queue-comments:2026-11-22T03:00:00.000Z');
    // The citizens' menu tool never takes a staff menu for one of its own.
    expect(menu?.name.startsWith('integrity-oa:x:')).toBe(false);
  });

  it('have committed images of the declared size within LINE’s rules', async () => {
    for (const variant of STAFF_VARIANTS) expect(richMenuImageProblems(await readFile(staffImagePath(variant)), STAFF_MENU_SIZE), variant).toEqual([]);
  });
});
