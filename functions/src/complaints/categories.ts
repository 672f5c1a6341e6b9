import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS } from '../store/collections.ts';
import { COMPLAINT_COLLECTIONS } from './collections.ts';

export const KINDS = ['general', 'corruption'] as const;
export type ComplaintKind = (typeof KINDS)[number];

export const categorySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  title: z.string().min(1).max(80),
  kind: z.enum(KINDS),
  order: z.number().int().default(0),
  active: z.boolean().default(true),
});
export type Category = z.infer<typeof categorySchema>;

const general = (id: string, title: string, order: number): Category => ({ id, title, kind: 'general', order, active: true });
const corruption = (id: string, title: string, order: number): Category => ({ id, title, kind: 'corruption', order, active: true });

/** Every organisation starts with these; an organisation may replace them (setCategories). */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  general('road', 'ถนน/ทางเท้า', 1),
  general('street-light', 'ไฟฟ้าส่องสว่าง', 2),
  general('garbage', 'ขยะ/ความสะอาด', 3),
  general('water', 'น้ำประปา', 4),
  general('drainage', 'ท่อระบายน้ำ/น้ำท่วม', 5),
  general('noise', 'เสียงรบกวน/เหตุรำคาญ', 6),
  general('animals', 'สัตว์จรจัด', 7),
  general('staff-conduct', 'พฤติกรรมเจ้าหน้าที่', 8),
  general('other', 'อื่น ๆ', 99),
  corruption('bribery', 'เรียกรับเงินหรือผลประโยชน์', 101),
  corruption('procurement', 'การจัดซื้อจัดจ้างไม่โปร่งใส', 102),
  corruption('abuse-of-power', 'ใช้อำนาจหน้าที่โดยมิชอบ', 103),
  corruption('corruption-other', 'ทุจริตหรือประพฤติมิชอบอื่น ๆ', 199),
];

const categoriesOf = (db: Firestore, orgId: string) =>
  db.collection(COLLECTIONS.orgs).doc(orgId).collection(COMPLAINT_COLLECTIONS.categories);

/** The organisation's active categories, in display order; the defaults when it has configured none. */
export async function listCategories(db: Firestore, orgId: string): Promise<Category[]> {
  const snap = await categoriesOf(db, orgId).get();
  const configured = snap.docs.map((d) => categorySchema.parse({ ...d.data(), id: d.id }));
  const all = configured.length > 0 ? configured : [...DEFAULT_CATEGORIES];
  return all.filter((c) => c.active).sort((a, b) => a.order - b.order);
}

/**
 * Replaces the organisation's categories. Categories are never deleted (old complaints keep their titles): ones left
 * out are marked inactive.
 */
export async function setCategories(db: Firestore, orgId: string, categories: Category[]): Promise<void> {
  const parsed = categories.map((c) => categorySchema.parse(c));
  const existing = await categoriesOf(db, orgId).get();
  const keep = new Set(parsed.map((c) => c.id));
  for (const d of existing.docs) if (!keep.has(d.id)) await d.ref.set({ active: false }, { merge: true });
  for (const c of parsed) await categoriesOf(db, orgId).doc(c.id).set(c);
}

/** Title of a category id, including inactive and default ones (for old complaints and statistics). */
export async function categoryTitles(db: Firestore, orgId: string): Promise<Map<string, string>> {
  const snap = await categoriesOf(db, orgId).get();
  const titles = new Map(DEFAULT_CATEGORIES.map((c) => [c.id, c.title] as const));
  for (const d of snap.docs) {
    const title = d.get('title');
    if (typeof title === 'string') titles.set(d.id, title);
  }
  return titles;
}
