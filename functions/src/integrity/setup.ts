/**
 * Setting up staff with any roles from the operator's side (command line, demo seeding, test fixtures): ordinary roles
 * directly, the integrity role only through `grantByOperator`, so it is logged and existing officers are told like any
 * other grant. Never reachable from an HTTP route.
 */
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { isOrdinaryRole, type Role, type StaffMember } from '../staff/schema.ts';
import { getStaffMember, grantRoles, listStaffWithRole } from '../staff/store.ts';
import { grantByOperator } from './service.ts';

/** Queues nothing: for seeding where nobody is there to tell yet. */
export const silentNotifier: Notifier = { notify: async () => undefined };

export async function setUpStaffMember(
  deps: { db: Firestore; clock: Clock; notifier: Notifier },
  org: Pick<Org, 'id' | 'line'>,
  member: { userId: string; displayName?: string | undefined; roles: Role[] },
  operator: string,
): Promise<StaffMember | null> {
  const ordinary = member.roles.filter(isOrdinaryRole);
  if (ordinary.length) await grantRoles(deps.db, org.id, { userId: member.userId, roles: ordinary, ...(member.displayName ? { displayName: member.displayName } : {}) }, deps.clock.now());
  if (member.roles.includes('integrity_officer')) {
    const existing = await listStaffWithRole(deps.db, org.id, 'integrity_officer');
    if (!existing.some((m) => m.userId === member.userId)) {
      await grantByOperator(deps, org, {
        userId: member.userId,
        displayName: member.displayName ?? '',
        operator,
        ...(existing.length ? { reason: `${operator}: another integrity officer` } : {}),
      });
    }
  }
  return getStaffMember(deps.db, org.id, member.userId);
}
