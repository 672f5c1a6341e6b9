import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { isMonthlyLimit, lineErrorStatus, type Message } from '../line/client.ts';
import type { LineGateway } from '../line/credentials.ts';
import { lineRefusalOf, reportRefusal, type RefusalCounter } from '../line/refusals.ts';
import { retryKeyFor } from '../line/retryKey.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from './notifier.ts';
import {
  enqueueNotification,
  getOutboxItem,
  listDueNotifications,
  markNotificationFailed,
  markNotificationNotDelivered,
  markNotificationRefused,
  markNotificationSent,
  cancelNotification,
  type UsageKey,
} from './outboxStore.ts';
import { priorityOf } from './priorities.ts';
import { bangkokMonth } from '../time/bangkok.ts';

/** After this many failed attempts (about a day of backoff: a long LINE outage) a notification is marked failed. */
export const MAX_ATTEMPTS = 56;

/** Wait before attempt n+1: 5 s, 10 s, 20 s … doubling, at most 30 minutes. Pure, so tests can reason about it. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failedAttempts - 1), 30 * 60_000);
}

/**
 * The month's message budget, asked before each push (implemented by quota/service.ts). Without one, every push goes
 * and is counted under the month of its delivery.
 */
export interface PushBudget {
  /** May a push of `topic` go now? And where it is counted. */
  admit(orgId: string, topic: string, now: Date): Promise<{ admitted: boolean; lineQuotaSpent?: boolean; usage: UsageKey }>;
  /** LINE answered its monthly-limit 429: tell whoever must know (once a month). */
  onMonthlyLimit(orgId: string, now: Date): Promise<void>;
}

const unbudgeted = (orgId: string, topic: string, now: Date): UsageKey => ({ orgId, topic, month: bangkokMonth(now), priority: priorityOf(topic) });

export interface DeliveryDeps {
  db: Firestore;
  line: LineGateway;
  clock: Clock;
  log: Logger;
  /** Counts messages LINE refused (400 with details): bugs, surfaced and never retried. */
  refusals: RefusalCounter;
  /** The monthly budget (cap and priorities); absent: no limit of ours, LINE's own still applies. */
  budget?: PushBudget;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'refused' | 'skipped' | 'quota' | 'capped';

/**
 * Attempts one queued notification. Safe to run twice at once (a sweep and a trigger, two instances): the push
 * carries a retry key derived from the outbox id, so LINE delivers it once and answers 409 to the other.
 */
export async function deliverNotification(deps: DeliveryDeps, id: string): Promise<DeliveryOutcome> {
  const item = await getOutboxItem(deps.db, id);
  const now = deps.clock.now();
  if (!item || item.status !== 'pending' || item.nextAttemptAt > now) return 'skipped';
  const attempts = item.attempts + 1;
  const messages = JSON.parse(item.messages) as Message[];
  // Near the month's limit a low-priority push is not sent, and says so on its item (never silently dropped).
  const budget = deps.budget ? await deps.budget.admit(item.orgId, item.topic, now) : { admitted: true, usage: unbudgeted(item.orgId, item.topic, now) };
  if (!budget.admitted) {
    const status = budget.lineQuotaSpent ? 'quota' : 'capped';
    const lastError = budget.lineQuotaSpent ? "not sent: LINE's monthly quota is spent" : 'not sent: monthly push cap near or reached';
    await markNotificationNotDelivered(deps.db, id, { status, attempts: item.attempts, now, usage: budget.usage, lastError });
    deps.log.info({ orgId: item.orgId, topic: item.topic, priority: budget.usage.priority, status }, 'notification not sent: month budget');
    return status;
  }
  try {
    const api = await deps.line.api(item.orgId);
    if (!api) throw new Error('no LINE channel credentials for organisation');
    const outcome = await api.push(item.to, messages, retryKeyFor(id));
    // Counted once: by the deliverer whose push LINE accepted, not by one told 409 (another deliverer sent it).
    await markNotificationSent(deps.db, id, attempts, deps.clock.now(), outcome === 'sent' ? budget.usage : undefined);
    deps.log.info({ orgId: item.orgId, topic: item.topic, attempts }, 'notification sent');
    return 'sent';
  } catch (err) {
    // LINE's monthly limit: not an outage. Retrying cannot help before the month or the plan changes, so it is final.
    if (isMonthlyLimit(err)) {
      await markNotificationNotDelivered(deps.db, id, { status: 'quota', attempts, now, usage: budget.usage, lastError: 'LINE answered 429: monthly limit' });
      deps.log.warn({ orgId: item.orgId, topic: item.topic }, 'notification not delivered: LINE monthly limit');
      await deps.budget?.onMonthlyLimit(item.orgId, now);
      return 'quota';
    }
    // LINE refused the body: a bug in the message. Recorded on the item with LINE's details, never retried.
    const refusal = lineRefusalOf(err);
    if (refusal) {
      await markNotificationRefused(deps.db, id, { attempts, refusal });
      reportRefusal(deps, 'notification', { orgId: item.orgId, topic: item.topic }, messages, refusal);
      return 'refused';
    }
    const status = lineErrorStatus(err);
    // Another 400 (a bad recipient) will never succeed either; anything else (5xx, a rate-limit 429, network) is worth
    // retrying with backoff.
    const giveUp = attempts >= MAX_ATTEMPTS || status === 400;
    const lastError = status ? `LINE answered ${status}` : err instanceof Error ? err.message.slice(0, 200) : 'failed';
    await markNotificationFailed(deps.db, id, {
      attempts,
      giveUp,
      lastError,
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
    });
    deps.log.warn({ orgId: item.orgId, topic: item.topic, attempts, giveUp, err: lastError }, 'notification not delivered');
    return giveUp ? 'failed' : 'retry';
  }
}

/** Attempts every due notification; the scheduler (local interval or Cloud Scheduler) calls this. */
export async function sweepOutbox(deps: DeliveryDeps): Promise<number> {
  const due = await listDueNotifications(deps.db, deps.clock.now());
  for (const id of due) await deliverNotification(deps, id);
  return due.length;
}

/** What services get: queue the notification in Firestore first (it survives a restart), then try it at once. */
export function createOutboxNotifier(
  deps: DeliveryDeps,
  options: { deliverNow: boolean },
): Notifier & { idle(): Promise<void> } {
  const running = new Set<Promise<unknown>>();
  return {
    async notify(n) {
      const now = deps.clock.now();
      const { id, created } = await enqueueNotification(deps.db, n, now);
      // A delayed notification waits for the sweep after its time.
      if (!created || !options.deliverNow || (n.notBefore && n.notBefore > now)) return;
      const job = deliverNotification(deps, id)
        .catch((err: unknown) => deps.log.error({ topic: n.topic, err: String(err) }, 'notification delivery crashed'))
        .finally(() => running.delete(job));
      running.add(job);
    },
    async cancel(orgId, key) {
      return cancelNotification(deps.db, orgId, key, deps.clock.now());
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
