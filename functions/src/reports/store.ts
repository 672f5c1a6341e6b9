/** The only module of reports that touches Firestore: the editable text of a report (problems, suggestions). */
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import type { Period } from './build.ts';

export const REPORT_COLLECTIONS = { texts: 'reportTexts' } as const;

export interface ReportText {
  problems: string;
  suggestions: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

const texts = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId).collection(REPORT_COLLECTIONS.texts);
const textId = (year: number, period: Period) => `${year}_${period}`;

export async function getReportText(db: Firestore, orgId: string, year: number, period: Period): Promise<ReportText> {
  const snap = await texts(db, orgId).doc(textId(year, period)).get();
  const d = snap.exists ? (snap.data() as Partial<ReportText>) : {};
  return { problems: d.problems ?? '', suggestions: d.suggestions ?? '', updatedAt: d.updatedAt ?? null, updatedBy: d.updatedBy ?? null };
}

export async function saveReportText(db: Firestore, orgId: string, year: number, period: Period, text: ReportText): Promise<void> {
  await texts(db, orgId).doc(textId(year, period)).set(text);
}
