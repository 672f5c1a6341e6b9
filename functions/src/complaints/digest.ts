/**
 * The weekly digest of open complaints to each staff group, for the scheduler: from Monday 08:00 Bangkok (or any later
 * call that ISO week), once per organisation per week. A run marker (`complaintDigests/{week}`) spares later calls the
 * work, and the notification keys (`complaints:digest:{org}:{week}:{groupId}`) stop a second delivery if two runs race.
 *
 * Staff groups are not integrity officers: corruption reports appear as one number, never with any content, code or
 * date. Only general complaints are listed.
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { listOrgs } from '../orgs/store.ts';
import { listStaffGroupIds } from '../staff/groupsStore.ts';
import { weeklyDigestCard, type DigestCounts, type DigestOverdue } from './messages.ts';
import type { Complaint } from './schema.ts';
import { links, type ComplaintDeps } from './service.ts';
import type { Firestore } from '../store/firestore.ts';
import { isDigestDone, listComplaints, markDigestDone } from './store.ts';
import { addDays, bangkokDate, daysSince, endOfBangkokDay, isOpen, isOverdue, isoWeek, mondayOf, remindAtFor, STATUSES } from './workflow.ts';

export interface DigestDeps {
  db: Firestore;
  notifier: Notifier;
  clock?: Clock | undefined;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** Only these organisations (default: all). */
  orgIds?: string[] | undefined;
}

export type DigestOutcome =
  | { orgId: string; week: string; outcome: 'sent'; open: number; groups: number }
  | { orgId: string; week: string; outcome: 'not-yet' | 'already-done' | 'no-staff-group' | 'nothing-open' | 'failed' };

/** How many of the oldest overdue general complaints the card lists. */
export const DIGEST_OLDEST = 5;
const DIGEST_HOUR = 8;
const OPEN = STATUSES.filter(isOpen);

/** The ISO week of `now` (Bangkok) and whether its digest may go out yet (from Monday 08:00 Bangkok). */
export function digestWeek(now: Date): { week: string; due: boolean } {
  const today = bangkokDate(now);
  const monday = mondayOf(today);
  const startOfMonday = endOfBangkokDay(addDays(monday, -1)).getTime() + 1;
  return { week: isoWeek(today), due: now.getTime() >= startOfMonday + DIGEST_HOUR * 3_600_000 };
}

/** The card's numbers and list, from the organisation's open complaints. Pure. */
export function digestOf(open: Complaint[], now: Date): { counts: DigestCounts; oldest: DigestOverdue[] } {
  const general = open.filter((c) => c.kind === 'general' && isOpen(c.status));
  const counts: DigestCounts = {
    received: general.filter((c) => c.status === 'received').length,
    acknowledged: general.filter((c) => c.status === 'acknowledged').length,
    in_progress: general.filter((c) => c.status === 'in_progress').length,
    overdue: general.filter((c) => isOverdue(c, now)).length,
    dueSoon: general.filter((c) => !isOverdue(c, now) && now.getTime() >= remindAtFor(new Date(c.dueAt)).getTime()).length,
    corruptionOpen: open.filter((c) => c.kind === 'corruption' && isOpen(c.status)).length,
  };
  const oldest = general
    .filter((c) => isOverdue(c, now))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.receivedAt.localeCompare(b.receivedAt))
    .slice(0, DIGEST_OLDEST)
    .map((c) => ({ title: c.title, trackingCode: c.trackingCode, daysOverdue: Math.max(1, daysSince(new Date(c.dueAt), now)) }));
  return { counts, oldest };
}

export async function runWeeklyComplaintDigest(deps: DigestDeps, now: Date): Promise<DigestOutcome[]> {
  const { week, due } = digestWeek(now);
  const orgs = (await listOrgs(deps.db)).filter((o) => !deps.orgIds || deps.orgIds.includes(o.id));
  const out: DigestOutcome[] = [];
  for (const org of orgs) {
    if (!due) {
      out.push({ orgId: org.id, week, outcome: 'not-yet' });
      continue;
    }
    try {
      out.push(await digestFor(deps, org, week, now));
    } catch (err) {
      deps.log?.error({ orgId: org.id, week, err: err instanceof Error ? err.message : String(err) }, 'weekly complaint digest failed; next run retries');
      out.push({ orgId: org.id, week, outcome: 'failed' });
    }
  }
  return out;
}

async function digestFor(deps: DigestDeps, org: Org, week: string, now: Date): Promise<DigestOutcome> {
  if (await isDigestDone(deps.db, org.id, week)) return { orgId: org.id, week, outcome: 'already-done' };
  // Not marked: a group registered later in the week still gets this week's digest.
  const groups = await listStaffGroupIds(deps.db, org.id);
  if (groups.length === 0) return { orgId: org.id, week, outcome: 'no-staff-group' };
  const open = await listComplaints(deps.db, org.id, { statuses: [...OPEN] });
  if (open.length === 0) {
    await markDigestDone(deps.db, org.id, week, { open: 0, groups: 0 }, now);
    return { orgId: org.id, week, outcome: 'nothing-open' };
  }
  const { counts, oldest } = digestOf(open, now);
  const service: ComplaintDeps = { db: deps.db, notifier: deps.notifier, clock: deps.clock ?? { now: () => now }, liffLocalBase: deps.liffLocalBase, log: deps.log };
  const card = weeklyDigestCard(week, counts, oldest, links.staffInbox(service, org, 'general'));
  for (const groupId of groups) {
    await deps.notifier.notify({ orgId: org.id, to: groupId, messages: [card], key: `complaints:digest:${org.id}:${week}:${groupId}`, topic: 'complaint.digest' });
  }
  await markDigestDone(deps.db, org.id, week, { open: open.length, groups: groups.length }, now);
  deps.log?.info({ orgId: org.id, week, open: open.length, groups: groups.length }, 'weekly complaint digest queued');
  return { orgId: org.id, week, outcome: 'sent', open: open.length, groups: groups.length };
}
