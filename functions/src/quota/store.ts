import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import {
  emptyUsage,
  QUOTA_COLLECTIONS,
  quotaSettingsSchema,
  pushUsageSchema,
  SETTINGS_DOC,
  type AlertKind,
  type PushUsage,
  type QuotaSettings,
} from './schema.ts';

/** The only Firestore code of the quota feature. The per-delivery counts are written by notify/outboxStore.ts. */
const org = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);
const usageRef = (db: Firestore, orgId: string, month: string) => org(db, orgId).collection(QUOTA_COLLECTIONS.usage).doc(month);
const settingsRef = (db: Firestore, orgId: string) => org(db, orgId).collection(QUOTA_COLLECTIONS.settings).doc(SETTINGS_DOC);

/** The month's usage and the cap, in one round trip (every delivery asks, so it stays one call). */
export async function getQuotaState(db: Firestore, orgId: string, month: string): Promise<{ usage: PushUsage; settings: QuotaSettings | null }> {
  const [usage, settings] = await db.getAll(usageRef(db, orgId, month), settingsRef(db, orgId));
  return {
    usage: usage?.exists ? pushUsageSchema.parse({ month, ...usage.data() }) : emptyUsage(month),
    settings: settings?.exists ? quotaSettingsSchema.parse(settings.data()) : null,
  };
}

export async function setQuotaSettings(db: Firestore, orgId: string, settings: QuotaSettings): Promise<void> {
  await settingsRef(db, orgId).set(settings);
}

/** LINE's quota and consumption as just read, with our push count at that moment. */
export async function recordLineReading(
  db: Firestore,
  orgId: string,
  month: string,
  line: { limit: number | null; consumption: number; readAt: string; pushesAtRead: number },
): Promise<void> {
  await usageRef(db, orgId, month).set({ month, line }, { merge: true });
}

/** True for the first caller in the month for this kind of alert (create-if-absent), false for every later one. */
export async function claimQuotaAlert(db: Firestore, orgId: string, month: string, kind: AlertKind, at: Date): Promise<boolean> {
  return createIfAbsent(() =>
    org(db, orgId)
      .collection(QUOTA_COLLECTIONS.alerts)
      .doc(`${month}-${kind}`)
      .create({ month, kind, at: at.toISOString(), expireAt: new Date(at.getTime() + 400 * 86_400_000) }),
  );
}
