import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../functions/src/errors.ts';
import { createNumberClaimer } from '../../functions/src/queue/numbering.ts';
import { HOLDER_STALE_MS, issueTicket, type QueueDeps } from '../../functions/src/queue/service.ts';
import { createHolderIfAbsent, listDayTickets } from '../../functions/src/queue/store.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { newUserId } from '../support/app.ts';
import { startQueueApp, type QueueApp } from './harness.ts';

let h: QueueApp;
beforeAll(async () => {
  h = await startQueueApp();
});
afterAll(async () => {
  await h?.stop();
});

const gapless = (numbers: number[]) => [...numbers].sort((a, b) => a - b).every((n, i) => n === i + 1);

describe('ticket numbers under concurrency (embedded Firestore over gRPC)', () => {
  it('200 concurrent requests from 200 people over HTTP get 200 distinct, gapless numbers', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const people = await Promise.all(Array.from({ length: 200 }, () => h.citizen()));
    const answers = await Promise.all(people.map((p) => h.takeTicket(org.id, 'civil-registration', p)));
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
    const numbers = answers.map((a) => a.json.number as number);
    expect(new Set(numbers).size).toBe(200);
    expect(gapless(numbers)).toBe(true);
    // Stored: exactly 200 tickets, one per person, and positions are a permutation of 1..200 at issue time order.
    const stored = await listDayTickets(h.t.rt.db, org.id, 'civil-registration', '2026-11-23');
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((t) => t.userId)).size).toBe(200);
  }, 120_000);

  it('stays gapless when several instances (each with its own claimer and cache) race for the same numbers', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const o = await getOrg(h.t.rt.db, org.id);
    if (!o) throw new Error('org');
    // Four "instances" of the backend: separate claimers (no shared memory), same Firestore.
    const instances: QueueDeps[] = Array.from({ length: 4 }, () => ({ ...h.deps, claimer: createNumberClaimer() }));
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => issueTicket(instances[i % 4]!, o, 'civil-registration', newUserId())),
    );
    const numbers = results.map((r) => r.ticket.number);
    expect(new Set(numbers).size).toBe(120);
    expect(gapless(numbers)).toBe(true);
  }, 120_000);

  it('an instance that is behind finds its number taken and recovers by re-reading the highest', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const o = await getOrg(h.t.rt.db, org.id);
    if (!o) throw new Error('org');
    const [a, b] = Array.from({ length: 2 }, (): QueueDeps => ({ ...h.deps, claimer: createNumberClaimer() }));
    // A takes 1 and remembers it; B (another instance) takes 2; A, still believing 1 is the highest, tries 2: taken.
    const first = await issueTicket(a!, o, 'civil-registration', newUserId());
    const second = await issueTicket(b!, o, 'civil-registration', newUserId());
    const third = await issueTicket(a!, o, 'civil-registration', newUserId());
    expect([first, second, third].map((r) => r.ticket.number)).toEqual([1, 2, 3]);
    expect(a!.claimer.stats()).toEqual({ attempts: 3, conflicts: 1 });
    expect(b!.claimer.stats()).toEqual({ attempts: 1, conflicts: 0 });
  });

  it('one person sending 20 requests at once gets one ticket', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const p = await h.citizen();
    const answers = await Promise.all(Array.from({ length: 20 }, () => h.takeTicket(org.id, 'civil-registration', p)));
    // The first creates it (201); the others, arriving while it is under way, join it and get the same ticket (200).
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(19);
    expect(await listDayTickets(h.t.rt.db, org.id, 'civil-registration', '2026-11-23')).toHaveLength(1);
  }, 60_000);
});

describe("a person's request under way in another instance", () => {
  it('is answered at once with "being issued, try again", and its holder counts as dead after 60 s', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const o = await getOrg(h.t.rt.db, org.id);
    if (!o) throw new Error('org');
    const userId = newUserId();
    // What another instance leaves mid-request: the person's first holder, no ticket yet.
    const now = h.t.clock.now();
    await createHolderIfAbsent(h.t.rt.db, org.id, 'civil-registration', '2026-11-23', {
      id: `${userId}~1`, userId, k: 1, createdAt: now.toISOString(), ticketNumber: null, abandoned: false,
    });
    await expect(issueTicket(h.deps, o, 'civil-registration', userId)).rejects.toBeInstanceOf(ConflictError);
    expect(await listDayTickets(h.t.rt.db, org.id, 'civil-registration', '2026-11-23')).toHaveLength(0);
    const saved = h.t.clock.now();
    try {
      h.t.clock.set(new Date(now.getTime() + HOLDER_STALE_MS + 1000).toISOString());
      const later = await issueTicket(h.deps, o, 'civil-registration', userId);
      expect(later).toMatchObject({ created: true, ticket: { number: 1 } });
    } finally {
      h.t.clock.set(saved);
    }
  });
});

describe('the Bangkok day', () => {
  it('turns over at midnight Bangkok time: numbers restart at 1 and a person may take a new ticket', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id, { hours: null });
    const saved = h.t.clock.now();
    try {
      h.t.clock.set('2026-11-23T16:59:58.000Z'); // 23:59:58 Monday in Bangkok
      const a = await h.citizen();
      const b = await h.citizen();
      const late = await h.takeTicket(org.id, 'civil-registration', a);
      const later = await h.takeTicket(org.id, 'civil-registration', b);
      expect(late.json).toMatchObject({ day: '2026-11-23', number: 1 });
      expect(later.json).toMatchObject({ day: '2026-11-23', number: 2 });
      h.t.clock.set('2026-11-23T17:00:00.000Z'); // 00:00:00 Tuesday in Bangkok (still Monday in UTC)
      const a2 = await h.takeTicket(org.id, 'civil-registration', { token: await h.token(a.userId) });
      expect(a2.status).toBe(201); // yesterday's ticket does not count against today
      expect(a2.json).toMatchObject({ day: '2026-11-24', number: 1, label: 'A001', id: 'civil-registration-20261124-1', position: 1 });
      // Yesterday's ticket is still readable on its page.
      const old = await h.call('GET', `/api/orgs/${org.id}/tickets/${late.json.id}`, { token: await h.token(a.userId) });
      expect(old.json).toMatchObject({ day: '2026-11-23', number: 1 });
    } finally {
      h.t.clock.set(saved);
    }
  });
});
