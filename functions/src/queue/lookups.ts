/**
 * Reads every use case starts from: a service (404 when unknown), a counter of it, a ticket by its public id, and
 * today's active tickets and waiting estimate, cached for a second (or half a minute) per process. `changed` drops
 * what this process changed.
 */
import { NotFoundError, ValidationError } from '../errors.ts';
import { dayKey, type QueueDeps } from './deps.ts';
import type { Counter, QueueService, Ticket } from './schema.ts';
import { estimateWaitMinutes, recentServiceTimes } from './stats.ts';
import { parseTicketId } from './workflow.ts';

export async function requireService(deps: QueueDeps, orgId: string, serviceId: string, options: { active?: boolean } = {}): Promise<QueueService> {
  const service = await deps.store.getService(orgId, serviceId);
  if (!service || (options.active && !service.active)) throw new NotFoundError(`queue service ${serviceId}`, 'ไม่พบบริการนี้');
  return service;
}

export function requireCounter(service: QueueService, counterId: string): Counter {
  const counter = service.counters.find((c) => c.id === counterId);
  if (!counter) throw new ValidationError([{ path: 'counterId', message: `ไม่มีช่องบริการ ${counterId} ในบริการ${service.name}` }]);
  return counter;
}

export const counterName = (service: QueueService, counterId: string | null) => service.counters.find((c) => c.id === counterId)?.name ?? counterId ?? '';

export async function loadTicket(deps: QueueDeps, orgId: string, id: string): Promise<{ ticket: Ticket; service: QueueService }> {
  const ref = parseTicketId(id);
  const ticket = ref ? await deps.store.getTicket(orgId, ref.serviceId, ref.day, ref.number) : null;
  if (!ticket || !ref) throw new NotFoundError(`ticket ${id}`, 'ไม่พบบัตรคิวนี้');
  return { ticket, service: await requireService(deps, orgId, ref.serviceId) };
}

/** Waiting, called and serving tickets of the service-day; `fresh` reads past the cache (before acting on them). */
export function activeTickets(deps: QueueDeps, orgId: string, serviceId: string, day: string, fresh = false): Promise<Ticket[]> {
  const key = `active:${dayKey(orgId, serviceId, day)}`;
  if (fresh) deps.cache.drop(key);
  return deps.cache.get(key, 1_000, () => deps.store.listActiveTickets(orgId, serviceId, day));
}

export async function estimateFor(deps: QueueDeps, orgId: string, service: QueueService, day: string, ahead: number): Promise<number> {
  const recent = await deps.cache.get(`recent:${dayKey(orgId, service.id, day)}`, 30_000, async () =>
    recentServiceTimes(await deps.store.listRecentlyFinished(orgId, service.id, day, 20)),
  );
  return estimateWaitMinutes(ahead, recent, service.counters.length, service.typicalServiceMinutes);
}

/** This process changed the service-day's tickets: its cached lists and boards are dropped. */
export function changed(deps: QueueDeps, orgId: string, serviceId: string, day: string) {
  deps.cache.drop(`active:${dayKey(orgId, serviceId, day)}`);
  deps.cache.drop(`board:${orgId}`);
}
