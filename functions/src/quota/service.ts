import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { isNotDelivered, type DeliveryState, type DeliveryStatus, type QuotaView } from '../contracts/quota.ts';
import type { LineGateway } from '../line/credentials.ts';
import type { Logger } from '../log.ts';
import type { PushBudget } from '../notify/delivery.ts';
import { getDeliveryStatuses } from '../notify/outboxStore.ts';
import { admits, priorityOf, SKIP_FROM, WARN_FROM } from '../notify/priorities.ts';
import { DELIVERY_LABELS, quotaNotice } from './messages.ts';
import { bangkokDate, bangkokMonth } from '../time/bangkok.ts';
import type { PushUsage, QuotaSettings } from './schema.ts';
import { claimQuotaAlert, getQuotaState, recordLineReading, setQuotaSettings } from './store.ts';

/**
 * The push quota, in domain words: how many messages this month has spent (our count of delivered pushes, and LINE's
 * own count read daily), the limit in force (the admin's cap or LINE's quota, whichever is smaller), whether a push
 * of a given priority may still go, and what the staff home shows. docs/decisions/110-push-quota-and-priorities.md.
 */
export interface QuotaDeps {
  db: Firestore;
  line: LineGateway;
  clock: Clock;
  log: Logger;
}

/**
 * Messages spent this month, best estimate: LINE's last reading plus the pushes we delivered since (LINE counts a
 * group push once per member, and other tools such as broadcasts from LINE Official Account Manager spend the same
 * quota), or our own count when that is larger.
 */
export function usedEstimate(usage: PushUsage): number {
  if (!usage.line) return usage.pushes;
  return Math.max(usage.pushes, usage.line.consumption + Math.max(0, usage.pushes - usage.line.pushesAtRead));
}

/** The limit in force: the smaller of the admin's cap and LINE's quota; null when neither is set. */
export function limitOf(usage: PushUsage, settings: QuotaSettings | null): number | null {
  const limits = [settings?.monthlyCap ?? null, usage.line?.limit ?? null].filter((x): x is number => x !== null);
  return limits.length ? Math.min(...limits) : null;
}

export function quotaView(usage: PushUsage, settings: QuotaSettings | null): QuotaView {
  const used = usedEstimate(usage);
  const limit = limitOf(usage, settings);
  const ratio = limit === null ? null : limit === 0 ? 1 : used / limit;
  const percent = ratio === null ? null : Math.floor(ratio * 100);
  const warning = ratio !== null && ratio >= WARN_FROM;
  const lowPrioritySkipped = ratio !== null && ratio >= SKIP_FROM.low;
  const lineLimitReachedAt = usage.lineLimitReachedAt ?? null;
  return {
    month: usage.month,
    pushes: usage.pushes,
    byPriority: usage.byPriority,
    capped: usage.capped,
    notDelivered: usage.notDelivered,
    line: usage.line ? { limit: usage.line.limit, consumption: usage.line.consumption, readAt: usage.line.readAt } : null,
    cap: settings?.monthlyCap ?? null,
    limit,
    used,
    percent,
    warning: warning || lineLimitReachedAt !== null,
    lowPrioritySkipped,
    lineLimitReachedAt,
    notice: quotaNotice({ limitReached: lineLimitReachedAt !== null, percent, used, limit, lowSkipped: lowPrioritySkipped, warning }),
  };
}

/** Reads LINE's quota and consumption for the organisation's channel and keeps them on the month's usage. */
export async function readLineQuota(deps: QuotaDeps, orgId: string, usage: PushUsage): Promise<PushUsage> {
  const api = await deps.line.api(orgId);
  if (!api) return usage;
  const [quota, consumption] = await Promise.all([api.quota(), api.consumption()]);
  const line = { limit: quota.limit, consumption, readAt: deps.clock.now().toISOString(), pushesAtRead: usage.pushes };
  await recordLineReading(deps.db, orgId, usage.month, line);
  return { ...usage, line };
}

const readDays = new WeakMap<Firestore, Map<string, string>>();
const readToday = (usage: PushUsage, now: Date) => usage.line !== undefined && bangkokDate(new Date(usage.line.readAt)) === bangkokDate(now);

/**
 * The daily reading (scheduled jobs): each organisation's LINE quota and consumption, once per Bangkok day (a new
 * month's usage has no reading yet, so the first run of a month reads too). A channel LINE will not answer for is
 * logged and skipped; the others go on.
 */
export async function readLineQuotas(deps: QuotaDeps, orgIds: string[]): Promise<number> {
  const now = deps.clock.now();
  const today = bangkokDate(now);
  // What this process already read today: a scheduler calling every minute costs no storage reads after the first.
  let done = readDays.get(deps.db);
  if (!done) readDays.set(deps.db, (done = new Map()));
  let read = 0;
  for (const orgId of orgIds) {
    if (done.get(orgId) === today) continue;
    try {
      const { usage, settings } = await getQuotaState(deps.db, orgId, bangkokMonth(now));
      if (readToday(usage, now)) {
        done.set(orgId, today);
        continue;
      }
      const fresh = await readLineQuota(deps, orgId, usage);
      read += 1;
      done.set(orgId, today);
      const view = quotaView(fresh, settings);
      // Once a month, for whoever watches the logs; the staff home shows the same warning to staff every day.
      if (view.warning && (await claimQuotaAlert(deps.db, orgId, usage.month, 'warning', now))) {
        deps.log.warn({ orgId, month: usage.month, used: view.used, limit: view.limit }, 'push quota at 80 %');
      }
    } catch (err) {
      deps.log.warn({ orgId, err: err instanceof Error ? err.message : String(err) }, 'LINE quota not read');
    }
  }
  return read;
}

/** The staff home's figures; LINE is read first when it has not been today (so a new deployment shows them at once). */
export async function getQuotaView(deps: QuotaDeps, orgId: string): Promise<QuotaView> {
  const now = deps.clock.now();
  const state = await getQuotaState(deps.db, orgId, bangkokMonth(now));
  let usage = state.usage;
  if (!readToday(usage, now)) {
    try {
      usage = await readLineQuota(deps, orgId, usage);
    } catch (err) {
      deps.log.warn({ orgId, err: err instanceof Error ? err.message : String(err) }, 'LINE quota not read');
    }
  }
  return quotaView(usage, state.settings);
}

export async function setMonthlyCap(deps: QuotaDeps, orgId: string, monthlyCap: number | null, by: string): Promise<QuotaView> {
  await setQuotaSettings(deps.db, orgId, { monthlyCap, updatedAt: deps.clock.now().toISOString(), updatedBy: by });
  deps.log.info({ orgId, monthlyCap }, 'push cap set');
  return getQuotaView(deps, orgId);
}

/**
 * What the outbox delivery asks before each push (notify/delivery.ts): whether a push of this topic may go, given the
 * month's spending against the limit in force, and what to do when LINE says the month's quota is used up.
 */
export function createPushBudget(deps: QuotaDeps): PushBudget {
  return {
    async admit(orgId, topic, now) {
      const month = bangkokMonth(now);
      const priority = priorityOf(topic);
      const { usage, settings } = await getQuotaState(deps.db, orgId, month);
      const used = usedEstimate(usage);
      const lineLimit = usage.line?.limit ?? null;
      return {
        admitted: admits(priority, used, limitOf(usage, settings)),
        // Not sent because LINE's own quota is spent (LINE would refuse it): the same news as LINE's 429, `quota`.
        lineQuotaSpent: lineLimit !== null && used >= lineLimit,
        usage: { orgId, month, topic, priority },
      };
    },
    async onMonthlyLimit(orgId, now) {
      const month = bangkokMonth(now);
      // Told once a month: the staff home shows it from the usage record (a push to the admins could not be paid for).
      if (!(await claimQuotaAlert(deps.db, orgId, month, 'line-limit', now))) return;
      deps.log.error({ orgId, month }, 'LINE monthly message limit reached: pushes are not delivered until the plan or month changes');
      try {
        await readLineQuota(deps, orgId, (await getQuotaState(deps.db, orgId, month)).usage);
      } catch (err) {
        deps.log.warn({ orgId, err: err instanceof Error ? err.message : String(err) }, 'LINE quota not read');
      }
    },
  };
}

/**
 * Delivery state of notifications by key, for tracking pages (a complaint's updates, a ticket's calls): keys with no
 * notification are left out. See docs/architecture.md "Pushes: the outbox" for how the pages read it.
 */
export async function deliveryStates(db: Firestore, orgId: string, keys: string[]): Promise<Record<string, DeliveryState>> {
  const found = await getDeliveryStatuses(db, orgId, keys);
  return Object.fromEntries([...found].map(([key, s]) => [key, { status: s.status, label: DELIVERY_LABELS[s.status], at: s.at }]));
}

/** Of `keys`, the notifications that did not reach their person (quota spent, cap, refused, given up): by key. */
export async function undeliveredNotices(db: Firestore, orgId: string, keys: string[]): Promise<Map<string, DeliveryState>> {
  return undeliveredOf(await getDeliveryStatuses(db, orgId, keys));
}

/** The same, from statuses a feature's store has read (`getDeliveryStatuses`). */
export function undeliveredOf(found: ReadonlyMap<string, { status: DeliveryStatus; at: string | null }>): Map<string, DeliveryState> {
  const out = new Map<string, DeliveryState>();
  for (const [key, s] of found) {
    const state = { status: s.status, label: DELIVERY_LABELS[s.status], at: s.at };
    if (isNotDelivered(state)) out.set(key, state);
  }
  return out;
}
