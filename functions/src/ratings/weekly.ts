/**
 * The weekly summary card to each staff group, for the scheduler: Monday 08:00 Bangkok (or any later call that week).
 * Idempotent per organisation per ISO week: a run marker (`ratingRuns/weekly-{week}`) spares the work of later calls,
 * and the notification keys (`ratings:weekly:{org}:{week}:{groupId}`) stop a second delivery even if two runs race.
 */
import type { Firestore } from '../store/firestore.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { getOrg, listOrgs } from '../orgs/store.ts';
import { listStaffGroupIds } from '../staff/groupsStore.ts';
import { summarise, TARGET_LABELS } from './aggregate.ts';
import { weeklySummaryCard } from './messages.ts';
import { ITEMS } from './schema.ts';
import { links } from './service.ts';
import { getRatingSettings, isWeeklyRunDone, listMonthAggregates, markWeeklyRunDone } from './store.ts';
import { addDays, bangkokDate, isoWeek, mondayOf, startOfBangkokDay, weekRange } from '../time/bangkok.ts';

export interface WeeklyDeps {
  db: Firestore;
  notifier: Notifier;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** Only these organisations (default: every organisation). */
  orgIds?: string[] | undefined;
}

export type WeeklyOutcome =
  | { orgId: string; week: string; outcome: 'sent'; ratings: number; groups: number }
  | { orgId: string; week: string; outcome: 'already-done' | 'no-ratings' | 'no-staff-group' | 'not-yet' };

/** Summaries go out from Monday 08:00 Bangkok. */
export const SEND_HOUR_BANGKOK = 8;

/** The ISO week a run at `now` summarises (the last full Monday-Sunday week, Bangkok), or null before Monday 08:00. */
export function weekToSummarise(now: Date): string | null {
  const monday = mondayOf(bangkokDate(now));
  const sendFrom = startOfBangkokDay(monday).getTime() + SEND_HOUR_BANGKOK * 3_600_000;
  if (now.getTime() < sendFrom) return null;
  return isoWeek(addDays(monday, -7));
}

/** Weeks this process already finished, per database: a scheduler calling every minute costs no reads after the first. */
const finished = new WeakMap<Firestore, Set<string>>();

export async function runWeeklyRatingSummary(deps: WeeklyDeps, now: Date): Promise<WeeklyOutcome[]> {
  const orgs: Org[] = deps.orgIds
    ? (await Promise.all(deps.orgIds.map((id) => getOrg(deps.db, id)))).filter((o): o is Org => o !== null)
    : await listOrgs(deps.db);
  const week = weekToSummarise(now);
  const out: WeeklyOutcome[] = [];
  for (const org of orgs) {
    if (!week) {
      out.push({ orgId: org.id, week: isoWeek(addDays(mondayOf(bangkokDate(now)), -7)), outcome: 'not-yet' });
      continue;
    }
    const done = finished.get(deps.db) ?? new Set<string>();
    finished.set(deps.db, done);
    if (done.has(`${org.id}|${week}`)) {
      out.push({ orgId: org.id, week, outcome: 'already-done' });
      continue;
    }
    try {
      const outcome = await summariseWeekFor(deps, org, week, now);
      done.add(`${org.id}|${week}`);
      out.push(outcome);
    } catch (err) {
      deps.log?.error({ orgId: org.id, week, err: err instanceof Error ? err.message : String(err) }, 'weekly rating summary failed');
    }
  }
  return out;
}

async function summariseWeekFor(deps: WeeklyDeps, org: Org, week: string, now: Date): Promise<WeeklyOutcome> {
  if (await isWeeklyRunDone(deps.db, org.id, week)) return { orgId: org.id, week, outcome: 'already-done' };
  const { from, to } = weekRange(week);
  const prevFrom = addDays(from, -7);
  const [aggregates, settings, groups] = await Promise.all([
    listMonthAggregates(deps.db, org.id, prevFrom.slice(0, 7), to.slice(0, 7)),
    getRatingSettings(deps.db, org.id),
    listStaffGroupIds(deps.db, org.id),
  ]);
  const current = summarise(aggregates, { from, to, settings });
  const previous = summarise(aggregates, { from: prevFrom, to: addDays(from, -1), settings });
  if (current.total.ratings === 0) {
    await markWeeklyRunDone(deps.db, org.id, week, { ratings: 0, groups: 0 }, now);
    return { orgId: org.id, week, outcome: 'no-ratings' };
  }
  if (groups.length === 0) {
    await markWeeklyRunDone(deps.db, org.id, week, { ratings: current.total.ratings, groups: 0 }, now);
    return { orgId: org.id, week, outcome: 'no-staff-group' };
  }
  const card = weeklySummaryCard(
    {
      orgName: org.name,
      week,
      group: current.total,
      previous: previous.total.ratings > 0 ? previous.total : null,
      services: current.byService.map((s) => ({
        title: s.title,
        ratings: s.ratings,
        meanPercent: s.allItems.meanPercent,
        satisfiedPercent: s.allItems.satisfiedPercent,
        lowAnswers: ITEMS.reduce((n, i) => n + s.items[i].distribution['1'] + s.items[i].distribution['2'], 0),
      })),
      target: { percent: settings.targetPercent, basis: settings.targetBasis, label: TARGET_LABELS[settings.origin] },
    },
    { results: links.results(deps, org), staff: links.staff(deps, org) },
  );
  for (const to of groups) {
    await deps.notifier.notify({ orgId: org.id, to, messages: [card], key: `ratings:weekly:${org.id}:${week}:${to}`, topic: 'rating.weekly' });
  }
  await markWeeklyRunDone(deps.db, org.id, week, { ratings: current.total.ratings, groups: groups.length }, now);
  return { orgId: org.id, week, outcome: 'sent', ratings: current.total.ratings, groups: groups.length };
}
