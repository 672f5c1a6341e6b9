import type { Firestore } from '../store/firestore.ts';
import type { LineGateway } from '../line/credentials.ts';
import type { Logger } from '../log.ts';
import { hasRole } from '../staff/schema.ts';
import { getStaffMember } from '../staff/store.ts';
import { staffVariantOf } from './staff.ts';
import { getStaffMenus } from './store.ts';

/** Keeps one person's LINE rich menu in step with their roles; called after every role change. */
export interface StaffMenuLinker {
  sync(orgId: string, userId: string): Promise<StaffMenuOutcome>;
}
export type StaffMenuOutcome = 'linked' | 'unlinked' | 'no-menus' | 'no-channel' | 'failed';

/**
 * Links the staff menu of the person's tools (richmenu/staff.ts), or unlinks it when they hold no active role. Reads
 * the member as stored now, so calls in any order end in the right menu. A LINE failure is logged and never undoes
 * the role change: the next change, or `npm run richmenu -- --staff` (which relinks every member), puts it right.
 */
export function staffMenuLinker(deps: { db: Firestore; line: LineGateway; log?: Logger | undefined }): StaffMenuLinker {
  return {
    async sync(orgId, userId) {
      const member = await getStaffMember(deps.db, orgId, userId);
      const roles = member && hasRole(member, ...member.roles) ? member.roles : [];
      const variant = staffVariantOf(roles);
      const menus = await getStaffMenus(deps.db, orgId);
      if (!menus && variant) return 'no-menus';
      const api = await deps.line.api(orgId);
      if (!api) return 'no-channel';
      const menuId = variant ? menus?.variants[variant] : undefined;
      try {
        if (menuId) {
          await api.linkRichMenu(userId, menuId);
          deps.log?.info({ event: 'staff-menu-linked', orgId, variant }, 'staff rich menu linked');
          return 'linked';
        }
        await api.unlinkRichMenu(userId);
        deps.log?.info({ event: 'staff-menu-unlinked', orgId }, 'staff rich menu unlinked');
        return 'unlinked';
      } catch (err) {
        deps.log?.warn({ event: 'staff-menu-failed', orgId, err: (err as Error).message }, 'staff rich menu not changed');
        return 'failed';
      }
    },
  };
}
