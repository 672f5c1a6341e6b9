/** What operators see at their desk and what the office TV board shows. Shapes: contracts/queue.ts. */
import type { BoardData, OperatorView } from '../contracts/queue.ts';
import type { Org } from '../orgs/schema.ts';
import { closedDayOn } from './closedDays.ts';
import { bangkokDate } from '../time/bangkok.ts';
import type { QueueDeps } from './deps.ts';
import { counterName, estimateFor, requireService } from './lookups.ts';
import type { Counter, Ticket } from './schema.ts';
import { waitingInOrder } from './stats.ts';
import { publicService } from './views.ts';
import { isActive } from './workflow.ts';

export type { BoardData, OperatorView };

export async function operatorView(deps: QueueDeps, org: Org, serviceId: string, day?: string): Promise<OperatorView> {
  const service = await requireService(deps, org.id, serviceId);
  const d = day ?? bangkokDate(deps.clock.now());
  const tickets = await deps.store.listDayTickets(org.id, service.id, d);
  const waiting = waitingInOrder(tickets);
  const brief = (t: Ticket) => ({ id: t.id, label: t.label, number: t.number, state: t.state, walkIn: t.walkIn, issuedAt: t.issuedAt, calledAt: t.calledAt, calls: t.calls, counterId: t.counterId });
  return {
    service: publicService(service, deps.clock.now(), await closedDayOn(deps, org.id, d)),
    day: d,
    counters: service.counters.map((c) => {
      const here = tickets.filter((t) => (t.state === 'called' || t.state === 'serving') && t.counterId === c.id);
      return { ...c, current: here.map(brief) };
    }),
    waiting: waiting.map((t, i) => ({ ...brief(t), ahead: i })),
    finished: tickets.filter((t) => !isActive(t.state)).sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '')).slice(0, 20).map(brief),
    counts: { issued: tickets.length, waiting: waiting.length, done: tickets.filter((t) => t.state === 'done').length, noShow: tickets.filter((t) => t.state === 'no_show').length },
    estimatedWaitMinutes: await estimateFor(deps, org.id, service, d, waiting.length),
  };
}

/** What the TV board shows: per service, the number at each counter and the next ones. Cached 1 s per process. */
export async function boardData(deps: QueueDeps, org: Org, serviceIds?: string[]): Promise<BoardData> {
  const key = `board:${org.id}:${(serviceIds ?? []).join(',')}`;
  return deps.cache.get(key, 1_000, async () => {
    const now = deps.clock.now();
    const day = bangkokDate(now);
    const services = (await deps.store.listServices(org.id)).filter((s) => s.active && (!serviceIds?.length || serviceIds.includes(s.id)));
    const calls: BoardData['calls'] = [];
    const out: BoardData['services'] = [];
    const lists = await Promise.all(services.map((s) => deps.store.listActiveTickets(org.id, s.id, day)));
    services.forEach((s, i) => {
      const active = lists[i] ?? [];
      const atCounter = (c: Counter) =>
        active.filter((t) => (t.state === 'called' || t.state === 'serving') && t.counterId === c.id).sort((a, b) => (b.lastCalledAt ?? '').localeCompare(a.lastCalledAt ?? ''))[0];
      const waiting = waitingInOrder(active);
      out.push({
        id: s.id,
        name: s.name,
        prefix: s.prefix,
        location: s.location,
        counters: s.counters.map((c) => {
          const t = atCounter(c);
          return { id: c.id, name: c.name, current: t ? { label: t.label, state: t.state, calls: t.calls } : null };
        }),
        next: waiting.slice(0, 5).map((t) => t.label),
        waiting: waiting.length,
      });
      for (const t of active) {
        if (t.state === 'called' && t.lastCalledAt) calls.push({ key: `${t.id}:${t.calls}`, label: t.label, counter: counterName(s, t.counterId), service: s.name, at: t.lastCalledAt });
      }
    });
    calls.sort((a, b) => b.at.localeCompare(a.at));
    return { org: { id: org.id, name: org.name }, day, generatedAt: now.toISOString(), services: out, calls: calls.slice(0, 8) };
  });
}
