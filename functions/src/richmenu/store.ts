import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS } from '../store/collections.ts';
import { STAFF_VARIANTS } from './staff.ts';

/** orgs/{orgId}/richMenus/staff: the staff menus the CLI deployed, one id per tool set (richmenu/staff.ts). */
const staffMenusSchema = z.object({
  variants: z.partialRecord(z.enum(STAFF_VARIANTS), z.string().min(1)),
  deployedAt: z.string(),
});
export type StaffMenus = z.infer<typeof staffMenusSchema>;

const staffDoc = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId).collection(COLLECTIONS.richMenus).doc('staff');

export async function getStaffMenus(db: Firestore, orgId: string): Promise<StaffMenus | null> {
  const snap = await staffDoc(db, orgId).get();
  return snap.exists ? staffMenusSchema.parse(snap.data()) : null;
}

export async function saveStaffMenus(db: Firestore, orgId: string, menus: StaffMenus): Promise<void> {
  await staffDoc(db, orgId).set(staffMenusSchema.parse(menus));
}
