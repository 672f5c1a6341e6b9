/**
 * Days the office is closed (public and special holidays). Opening hours say which weekdays a service takes tickets;
 * a closed day overrides them for the whole organisation, so nobody takes a ticket from LINE for an office that is shut.
 * Staff can still issue walk-in tickets (an office that opens after all is not blocked by its own calendar).
 */
import { NotFoundError } from '../errors.ts';
import { addDays, bangkokDate } from '../time/bangkok.ts';
import type { ClosedDay } from './schema.ts';
import type { QueueDeps } from './deps.ts';

const cacheKey = (orgId: string, day: string) => `closed:${orgId}/${day}`;

/** The closed day of that Bangkok day, or null; cached briefly, since every ticket page asks. */
export function closedDayOn(deps: QueueDeps, orgId: string, day: string): Promise<ClosedDay | null> {
  return deps.cache.get(cacheKey(orgId, day), 30_000, () => deps.store.getClosedDay(orgId, day));
}

/** Closed days from today for about a year, for the public page and the admins' list. */
export async function upcomingClosedDays(deps: QueueDeps, orgId: string): Promise<ClosedDay[]> {
  const today = bangkokDate(deps.clock.now());
  return (await deps.store.listClosedDays(orgId, today, 100)).filter((c) => c.day <= addDays(today, 400));
}

export async function closeDay(deps: QueueDeps, orgId: string, input: { day: string; name: string }, by: string): Promise<ClosedDay> {
  const closed: ClosedDay = { day: input.day, name: input.name, setBy: by, setAt: deps.clock.now().toISOString() };
  await deps.store.saveClosedDay(orgId, closed);
  deps.cache.drop(cacheKey(orgId, input.day));
  return closed;
}

export async function reopenDay(deps: QueueDeps, orgId: string, day: string): Promise<void> {
  const removed = await deps.store.deleteClosedDay(orgId, day);
  deps.cache.drop(cacheKey(orgId, day));
  if (!removed) throw new NotFoundError(`closed day ${day}`, `วันที่ ${day} ไม่ได้ตั้งเป็นวันหยุดไว้`);
}
