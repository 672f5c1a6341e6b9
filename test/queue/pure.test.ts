import { describe, expect, it } from 'vitest';
import { bangkokClock, formatHours, isOpenAt } from '../../functions/src/queue/day.ts';
import { bangkokDate as bangkokDay, isValidDate as isValidDay } from '../../functions/src/time/bangkok.ts';
import { createNumberClaimer } from '../../functions/src/queue/numbering.ts';
import type { LogEntry, Ticket } from '../../functions/src/queue/schema.ts';
import { estimateWaitMinutes, percentile } from '../../functions/src/queue/stats.ts';
import { ACTIONS, applyEntry, canApply, needsReason, parseTicketId, STATES, ticketId, ticketLabel } from '../../functions/src/queue/workflow.ts';

describe('Bangkok days and hours', () => {
  it('turns the day over at 17:00 UTC', () => {
    expect(bangkokDay(new Date('2026-11-23T16:59:59.999Z'))).toBe('2026-11-23');
    expect(bangkokDay(new Date('2026-11-23T17:00:00.000Z'))).toBe('2026-11-24');
    expect(bangkokDay(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
  });
  it('knows weekdays and opening hours in Bangkok', () => {
    const hours = { days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' };
    expect(bangkokClock(new Date('2026-11-22T17:30:00.000Z'))).toEqual({ weekday: 1, minutes: 30 }); // Monday 00:30
    expect(isOpenAt(hours, new Date('2026-11-23T01:29:00.000Z'))).toBe(false); // 08:29
    expect(isOpenAt(hours, new Date('2026-11-23T01:30:00.000Z'))).toBe(true); // 08:30
    expect(isOpenAt(hours, new Date('2026-11-23T09:30:00.000Z'))).toBe(false); // 16:30
    expect(isOpenAt(hours, new Date('2026-11-22T03:00:00.000Z'))).toBe(false); // Sunday
    expect(isOpenAt(null, new Date('2026-11-22T20:00:00.000Z'))).toBe(true);
    expect(formatHours(hours)).toBe('วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น.');
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
    expect(isValidDay('2026-02-28')).toBe(true);
  });
});

describe('the ticket workflow table', () => {
  it('allows only the listed moves', () => {
    const allowed = STATES.flatMap((s) => (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).filter((a) => canApply(a, s)).map((a) => `${s}:${a}`));
    expect(allowed.sort()).toEqual(
      ['waiting:call', 'waiting:cancel', 'called:recall', 'called:start', 'called:complete', 'called:skip', 'called:cancel', 'serving:complete', 'no_show:reinstate'].sort(),
    );
  });
  it('asks a reason for out-of-order calls, reinstating, and staff cancelling', () => {
    expect(needsReason('call', { by: 'staff', ticketNumber: 3, firstWaiting: 1 })).toBe(true);
    expect(needsReason('call', { by: 'staff', ticketNumber: 1, firstWaiting: 1 })).toBe(false);
    expect(needsReason('reinstate', { by: 'staff', ticketNumber: 1, firstWaiting: null })).toBe(true);
    expect(needsReason('cancel', { by: 'staff', ticketNumber: 1, firstWaiting: null })).toBe(true);
    expect(needsReason('cancel', { by: 'citizen', ticketNumber: 1, firstWaiting: null })).toBe(false);
  });
  it('folds log entries into the ticket once, in order', () => {
    const t: Ticket = { id: 'x-20261123-7', orgId: 'o', serviceId: 'x', day: '2026-11-23', number: 7, label: 'A007', state: 'waiting', userId: null, holder: null, walkIn: true, issuedAt: '2026-11-23T03:00:00.000Z', issuedBy: null, calledAt: null, lastCalledAt: null, servingAt: null, finishedAt: null, counterId: null, calls: 0, seq: 0 };
    const e = (seq: number, action: LogEntry['action'], to: LogEntry['to'], at: string) => ({ seq, action, to, at, counterId: '1' }) as LogEntry;
    const called = applyEntry(t, e(1, 'call', 'called', '2026-11-23T03:10:00.000Z'));
    const again = applyEntry(called, e(1, 'call', 'called', '2026-11-23T03:11:00.000Z'));
    expect(again).toBe(called); // an entry already applied changes nothing
    const recalled = applyEntry(called, e(2, 'recall', 'called', '2026-11-23T03:12:00.000Z'));
    expect(recalled).toMatchObject({ calledAt: '2026-11-23T03:10:00.000Z', lastCalledAt: '2026-11-23T03:12:00.000Z', calls: 2, seq: 2 });
    expect(applyEntry(recalled, e(3, 'complete', 'done', '2026-11-23T03:20:00.000Z'))).toMatchObject({ state: 'done', finishedAt: '2026-11-23T03:20:00.000Z' });
  });
  it('builds and parses ticket ids and labels', () => {
    expect(ticketLabel('A', 7)).toBe('A007');
    expect(ticketLabel('AB', 1234)).toBe('AB1234');
    expect(ticketId('move-in-2', '2026-11-23', 12)).toBe('move-in-2-20261123-12');
    expect(parseTicketId('move-in-2-20261123-12')).toEqual({ serviceId: 'move-in-2', day: '2026-11-23', number: 12 });
    expect(parseTicketId('x-20261123-0')).toBeNull();
    expect(parseTicketId('../x-20261123-1')).toBeNull();
  });
});

describe('statistics arithmetic', () => {
  it('percentiles interpolate like PERCENTILE.INC', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([10, 20, 30, 40], 90)).toBeCloseTo(37);
    expect(percentile([5], 90)).toBe(5);
  });
  it('estimates the wait from recent service times, else the configured minutes', () => {
    expect(estimateWaitMinutes(0, [], 2, 10)).toBe(0);
    expect(estimateWaitMinutes(3, [], 1, 10)).toBe(30);
    expect(estimateWaitMinutes(3, [4, 6, 5], 2, 10)).toBe(8); // 3 × 5 ÷ 2 = 7.5 → 8
  });
});

describe('number claiming', () => {
  /** An in-memory "Firestore": create-if-absent is atomic per number, with a little latency. */
  function memorySource() {
    const taken = new Set<number>();
    const tick = () => new Promise((r) => setTimeout(r, Math.random() * 2));
    return {
      taken,
      source: {
        highest: async () => (await tick(), taken.size ? Math.max(...taken) : 0),
        tryCreate: async (n: number) => {
          await tick();
          if (taken.has(n)) return false;
          taken.add(n);
          return true;
        },
      },
    };
  }
  it('is gapless and unique across racing claimers, serialised or not', async () => {
    for (const serialize of [true, false]) {
      const { taken, source } = memorySource();
      const claimers = Array.from({ length: 3 }, () => createNumberClaimer({ serialize }));
      const claims = await Promise.all(Array.from({ length: 90 }, (_, i) => claimers[i % 3]!.claim('k', source)));
      const numbers = claims.map((c) => c.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
      expect(taken.size).toBe(90);
    }
  });
  it('makes one attempt per claim inside one process', async () => {
    const { source } = memorySource();
    const claimer = createNumberClaimer();
    await Promise.all(Array.from({ length: 50 }, () => claimer.claim('k', source)));
    expect(claimer.stats()).toEqual({ attempts: 50, conflicts: 0 });
  });
});
