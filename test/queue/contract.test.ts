import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  boardDataSchema,
  callLogResponseSchema,
  callResultSchema,
  closedDaysResponseSchema,
  myTicketsSchema,
  operatorViewSchema,
  publicServiceSchema,
  queueServiceSchema,
  queueStatsSchema,
  serviceStatusSchema,
  takeTicketResponseSchema,
  ticketViewSchema,
} from '../../functions/src/contracts/queue.ts';
import { startQueueApp, type QueueApp } from './harness.ts';

/**
 * The queue API answers exactly what its contract (functions/src/contracts/queue.ts) says — the types the LIFF pages
 * are written against. Each answer is parsed with the contract's schema made strict at the top level, so a field the
 * server adds or drops without the contract fails here.
 */
let h: QueueApp;
beforeAll(async () => {
  h = await startQueueApp();
});
afterAll(async () => {
  await h?.stop();
});

function exactly<T extends z.ZodObject>(schema: T, value: unknown) {
  const r = schema.strict().safeParse(value);
  expect(r.error?.issues ?? []).toEqual([]);
}

describe('the queue API keeps its contract', () => {
  it('for citizens, operators, the board and the statistics', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const api = `/api/orgs/${org.id}`;
    const c = await h.citizen();

    const taken = await h.takeTicket(org.id, 'civil-registration', c, { notifyNear: true });
    expect(taken.status).toBe(201);
    exactly(takeTicketResponseSchema, taken.json);
    await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    exactly(ticketViewSchema, (await h.call('GET', `${api}/tickets/${taken.json.id}`, { token: c.token })).json);
    exactly(myTicketsSchema, (await h.call('GET', `${api}/tickets/mine`, { token: c.token })).json);
    for (const s of (await h.call('GET', `${api}/services`)).json) exactly(publicServiceSchema, s);
    exactly(serviceStatusSchema, (await h.call('GET', `${api}/services/civil-registration`)).json);
    expect(closedDaysResponseSchema.safeParse((await h.call('GET', `${api}/queue/closed-days`)).json).success).toBe(true);

    const token = await operator.token();
    const called = await h.call('POST', `${api}/staff/queue/services/civil-registration/call-next`, { token, body: { counterId: '1' } });
    exactly(callResultSchema, called.json);
    exactly(ticketViewSchema, called.json.called);
    exactly(operatorViewSchema, (await h.call('GET', `${api}/staff/queue/services/civil-registration`, { token })).json);
    const services = (await h.call('GET', `${api}/staff/queue/services`, { token })).json;
    expect(services).toHaveLength(1);
    for (const s of services) exactly(queueServiceSchema, s);
    const log = (await h.call('GET', `${api}/staff/queue/services/civil-registration/log`, { token })).json;
    exactly(callLogResponseSchema, log);
    expect(log.entries).toHaveLength(1);
    exactly(boardDataSchema, (await h.call('GET', `${api}/queue/board`)).json);
    exactly(queueStatsSchema, (await h.call('GET', `${api}/queue/stats`)).json);
  });
});
