import { createHash } from 'node:crypto';
import type { Firestore } from '../store/firestore.ts';
import { listStaffGroupIds, markStaffGroup } from '../staff/groupsStore.ts';
import type { Role } from '../staff/schema.ts';
import { getStaffMember } from '../staff/store.ts';
import { setUpStaffMember, silentNotifier } from '../integrity/setup.ts';
import { recordGroupJoined } from '../bot/store.ts';

/** Demo staff of each demo organisation: fixed LINE-shaped ids so a tester can sign in as them (/dev/demo). */
const DEMO_STAFF: { key: string; displayName: string; roles: Role[] }[] = [
  { key: 'admin', displayName: 'สมชาย ผู้ดูแลระบบ', roles: ['admin', 'officer'] },
  { key: 'officer', displayName: 'สมหญิง เจ้าหน้าที่รับเรื่อง', roles: ['officer'] },
  { key: 'integrity', displayName: 'วิชัย ศูนย์ต่อต้านการทุจริต', roles: ['integrity_officer'] },
  { key: 'queue', displayName: 'มาลี เจ้าหน้าที่เรียกคิว', roles: ['queue_operator'] },
];

const lineId = (prefix: 'U' | 'C', seed: string) => prefix + createHash('sha256').update(seed).digest('hex').slice(0, 32);

export function demoStaffGroupId(orgId: string): string {
  return lineId('C', `demo-staff-group:${orgId}`);
}

export function demoStaff(orgId: string) {
  return DEMO_STAFF.map((s) => ({ userId: lineId('U', `demo-staff:${orgId}:${s.key}`), displayName: s.displayName, roles: s.roles }));
}

/** Creates the demo staff and registers the demo staff group, unless already there. */
export async function seedDemoStaff(db: Firestore, orgId: string, now: Date): Promise<void> {
  for (const member of demoStaff(orgId)) {
    // The demo's integrity officer is made the way an operator makes the first one (logged in the audit log).
    if (!(await getStaffMember(db, orgId, member.userId))) await setUpStaffMember({ db, clock: { now: () => now }, notifier: silentNotifier }, { id: orgId, line: {} }, member, 'demo seed');
  }
  const groupId = demoStaffGroupId(orgId);
  if (!(await listStaffGroupIds(db, orgId)).includes(groupId)) {
    await recordGroupJoined(db, orgId, groupId, 'group', now);
    await markStaffGroup(db, orgId, groupId, 'demo seed', now);
  }
}
