/**
 * Deadline work for a scheduler (Cloud Scheduler / onSchedule, e.g. hourly, Asia/Bangkok): staff are reminded from the
 * start of the Bangkok day 3 days before a case is due, and when it is overdue; at the deadline the complainant gets an
 * explanation. Staff reminders are grouped: one digest per staff group (general cases) and one content-free notice per
 * integrity officer (corruption reports) for all the cases a run finds, not one push per case — every push counts
 * against the organisation's monthly LINE quota. Idempotent: a digest's key names the cases and kinds it covers (a
 * rerun after a crash builds the same key, and the notifier delivers a key once), and each case records which reminders
 * went out so later runs skip it.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { listOrgs } from '../orgs/store.ts';
import { listStaffGroupIds } from '../staff/groupsStore.ts';
import { listStaffWithRole } from '../staff/store.ts';
import { deadlineExplanation, integrityReminderDigest, staffReminderDigest, type ReminderLine } from './messages.ts';
import type { Complaint } from './schema.ts';
import { complainantUserId, links, type ComplaintDeps } from './service.ts';
import type { Firestore } from '../store/firestore.ts';
import { categoryTitles, listComplaints, markReminderSent } from './store.ts';
import { remindAtFor, STATUSES, isOpen } from './workflow.ts';

export interface DeadlineDeps {
  db: Firestore;
  notifier: Notifier;
  clock?: Clock | undefined;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** Only these organisations (default: all). */
  orgIds?: string[] | undefined;
}

export interface DeadlineRun {
  checked: number;
  dueSoon: number;
  overdue: number;
  explained: number;
}

const OPEN = STATUSES.filter(isOpen);

type Kind = 'dueSoon' | 'overdue';

export async function runComplaintDeadlines(deps: DeadlineDeps, now: Date): Promise<DeadlineRun> {
  const service: ComplaintDeps = { db: deps.db, notifier: deps.notifier, clock: deps.clock ?? { now: () => now }, liffLocalBase: deps.liffLocalBase, log: deps.log };
  const run: DeadlineRun = { checked: 0, dueSoon: 0, overdue: 0, explained: 0 };
  const orgs = (await listOrgs(deps.db)).filter((o) => !deps.orgIds || deps.orgIds.includes(o.id));
  for (const org of orgs) {
    try {
      await remindOrg(service, org, now, run);
    } catch (err) {
      deps.log?.warn({ orgId: org.id, err: err instanceof Error ? err.message : String(err) }, 'complaint reminders failed; next run retries');
    }
  }
  return run;
}

/** What is due for one case now: a reminder kind, or nothing. */
function reminderDue(c: Complaint, now: Date): Kind | null {
  const due = new Date(c.dueAt);
  if (now.getTime() > due.getTime()) return c.reminders.overdue ? null : 'overdue';
  return now.getTime() >= remindAtFor(due).getTime() && !c.reminders.dueSoon ? 'dueSoon' : null;
}

async function remindOrg(deps: ComplaintDeps, org: Org, now: Date, run: DeadlineRun): Promise<void> {
  const open = await listComplaints(deps.db, org.id, { statuses: [...OPEN] });
  run.checked += open.length;
  const due = open.flatMap((c) => {
    const kind = reminderDue(c, now);
    return kind ? [{ c, kind }] : [];
  });
  if (due.length === 0) return;
  const titles = await categoryTitles(deps.db, org.id);
  const general = due.filter((d) => d.c.kind === 'general');
  const corruption = due.filter((d) => d.c.kind === 'corruption');
  // Staff first (one message per recipient for the whole run), then the complainants, then the marks.
  if (general.length > 0) {
    const lines: ReminderLine[] = general.map(({ c, kind }) => ({ kind, trackingCode: c.trackingCode, title: c.title, categoryTitle: titles.get(c.category) ?? c.category, dueAt: c.dueAt, status: c.status }));
    const card = staffReminderDigest(lines, links.staffInbox(deps, org, 'general'));
    const key = batchKey(general);
    for (const groupId of await listStaffGroupIds(deps.db, org.id)) {
      await deps.notifier.notify({ orgId: org.id, to: groupId, messages: [card], key: `complaints:reminders:${key}:${groupId}`, topic: 'complaint.reminder.digest' });
    }
  }
  if (corruption.length > 0) {
    const count = (k: Kind) => corruption.filter((d) => d.kind === k).length;
    const notice = integrityReminderDigest(count('dueSoon'), count('overdue'), links.staffInbox(deps, org, 'corruption'));
    const key = batchKey(corruption);
    for (const officer of await listStaffWithRole(deps.db, org.id, 'integrity_officer')) {
      await deps.notifier.notify({ orgId: org.id, to: officer.userId, messages: [notice], key: `complaints:reminders:${key}:${officer.userId}`, topic: 'complaint.corruption.reminder' });
    }
  }
  for (const { c, kind } of due) {
    try {
      if (kind === 'overdue' && (await explainToComplainant(deps, org, c, now))) run.explained++;
      await markReminderSent(deps.db, org.id, c.id, kind, now);
      run[kind]++;
    } catch (err) {
      deps.log?.warn({ orgId: org.id, complaintId: c.id, err: err instanceof Error ? err.message : String(err) }, 'complaint reminder failed; next run retries');
    }
  }
}

/** The same cases and kinds make the same key, so a rerun after a crash is delivered once. */
function batchKey(items: { c: Complaint; kind: Kind }[]): string {
  const what = items.map(({ c, kind }) => `${c.id}:${kind}`).sort().join(',');
  return createHash('sha256').update(what).digest('base64url').slice(0, 22);
}

/** At the deadline the complainant (if reachable in LINE) is told why the case is not finished yet. */
async function explainToComplainant(deps: ComplaintDeps, org: Org, c: Complaint, now: Date): Promise<boolean> {
  const userId = await complainantUserId(deps, c);
  if (!userId) return false;
  await deps.notifier.notify({
    orgId: org.id,
    to: userId,
    messages: deadlineExplanation(org, c, now, links.track(deps, org, c.trackingCode)),
    key: `complaint:${c.id}:deadline-explanation`,
    topic: 'complaint.deadline.explanation',
  });
  return true;
}
