import type { Firestore } from '../store/firestore.ts';
import type { Logger } from '../log.ts';
import { CLAIM_LEASE_MS, listUnfinishedEvents } from './eventStore.ts';

/** Events older than this are not chased any more (their reply is long overdue; LINE's own redelivery has ended). */
const LOOK_BACK_MS = 24 * 3_600_000;
/** At most this many stuck events per organisation per sweep (a minute), so one sweep's work is bounded. */
const PER_ORG = 50;

export interface SweepDeps {
  db: Firestore;
  now(): Date;
  log: Logger;
  listOrgIds(): Promise<string[]>;
  process(orgId: string, eventId: string): Promise<void>;
}

/**
 * No lost events: every minute (the scheduled jobs), each organisation's webhook events still `received` a lease after
 * they were recorded are processed again — their processor died between recording and replying (an instance stopped,
 * a crash, a trigger that never ran). `processStoredEvent` claims the event's current lease, so a sweep racing a live
 * processor or another sweep still processes each event once per lease. Logs how many events were not done after a
 * minute (the metric to alert on: `webhook events overdue`, field `overdue`).
 */
export async function sweepWebhookEvents(deps: SweepDeps): Promise<{ overdue: number }> {
  const now = deps.now();
  const before = new Date(now.getTime() - CLAIM_LEASE_MS);
  const since = new Date(now.getTime() - LOOK_BACK_MS);
  let overdue = 0;
  for (const orgId of await deps.listOrgIds()) {
    const stuck = await listUnfinishedEvents(deps.db, orgId, since, before, PER_ORG);
    overdue += stuck.length;
    for (const e of stuck) {
      try {
        await deps.process(orgId, e.id);
      } catch (err) {
        deps.log.error({ orgId, eventId: e.id, err: err instanceof Error ? err.message : String(err) }, 'sweep could not process event');
      }
    }
  }
  if (overdue > 0) deps.log.warn({ overdue }, 'webhook events overdue: not done a minute after they were recorded');
  return { overdue };
}
