/**
 * Deadline work for a scheduler (Cloud Scheduler / onSchedule, e.g. hourly, Asia/Bangkok): staff are reminded from the
 * start of the Bangkok day 3 days before a case is due, and when it is overdue; at the deadline the complainant gets an
 * explanation. Idempotent: every notification has a key per complaint and kind (the notifier delivers a key once), and
 * the case records which reminders went out so later runs skip it.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { listOrgs } from '../orgs/store.ts';
import { listStaffGroupIds } from '../staff/groups.ts';
import { listStaffWithRole } from '../staff/store.ts';
import { deadlineExplanation, integrityReminder, staffReminder } from './messages.ts';
import type { Complaint } from './schema.ts';
import { complainantUserId, links, type ComplaintDeps } from './service.ts';
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

export async function runComplaintDeadlines(deps: DeadlineDeps, now: Date): Promise<DeadlineRun> {
  const service: ComplaintDeps = { db: deps.db, notifier: deps.notifier, clock: deps.clock ?? { now: () => now }, liffLocalBase: deps.liffLocalBase, log: deps.log };
  const run: DeadlineRun = { checked: 0, dueSoon: 0, overdue: 0, explained: 0 };
  const orgs = (await listOrgs(deps.db)).filter((o) => !deps.orgIds || deps.orgIds.includes(o.id));
  for (const org of orgs) {
    const open = await listComplaints(deps.db, org.id, { statuses: [...OPEN] });
    if (open.length === 0) continue;
    const titles = await categoryTitles(deps.db, org.id);
    for (const c of open) {
      run.checked++;
      try {
        await remind(service, org, c, titles.get(c.category) ?? c.category, now, run);
      } catch (err) {
        deps.log?.warn({ orgId: org.id, complaintId: c.id, err: err instanceof Error ? err.message : String(err) }, 'complaint reminder failed; next run retries');
      }
    }
  }
  return run;
}

async function remind(deps: ComplaintDeps, org: Org, c: Complaint, categoryTitle: string, now: Date, run: DeadlineRun): Promise<void> {
  const due = new Date(c.dueAt);
  const overdue = now.getTime() > due.getTime();
  if (!overdue && now.getTime() >= remindAtFor(due).getTime() && !c.reminders.dueSoon) {
    await tellStaff(deps, org, c, categoryTitle, 'dueSoon');
    await markReminderSent(deps.db, org.id, c.id, 'dueSoon', now);
    run.dueSoon++;
  }
  if (overdue && !c.reminders.overdue) {
    await tellStaff(deps, org, c, categoryTitle, 'overdue');
    const userId = await complainantUserId(deps, c);
    if (userId) {
      await deps.notifier.notify({
        orgId: org.id,
        to: userId,
        messages: deadlineExplanation(org, c, now, links.track(deps, org, c.trackingCode)),
        key: `complaint:${c.id}:deadline-explanation`,
        topic: 'complaint.deadline.explanation',
      });
      run.explained++;
    }
    await markReminderSent(deps.db, org.id, c.id, 'overdue', now);
    run.overdue++;
  }
}

async function tellStaff(deps: ComplaintDeps, org: Org, c: Complaint, categoryTitle: string, kind: 'dueSoon' | 'overdue'): Promise<void> {
  if (c.kind === 'general') {
    const message = staffReminder(c, categoryTitle, kind, links.staffDetail(deps, org, c.id));
    for (const groupId of await listStaffGroupIds(deps.db, org.id)) {
      await deps.notifier.notify({ orgId: org.id, to: groupId, messages: [message], key: `complaint:${c.id}:reminder:${kind}:${groupId}`, topic: `complaint.reminder.${kind}` });
    }
    return;
  }
  const message = integrityReminder(kind, c.dueAt, links.staffInbox(deps, org, 'corruption'));
  for (const officer of await listStaffWithRole(deps.db, org.id, 'integrity_officer')) {
    await deps.notifier.notify({ orgId: org.id, to: officer.userId, messages: [message], key: `complaint:${c.id}:reminder:${kind}:${officer.userId}`, topic: `complaint.corruption.reminder.${kind}` });
  }
}
