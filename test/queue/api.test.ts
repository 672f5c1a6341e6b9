import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLogEntry, listLog } from '../../functions/src/queue/store.ts';
import { newUserId } from '../support/app.ts';
import { startQueueApp, type QueueApp } from './harness.ts';

let h: QueueApp;
beforeAll(async () => {
  h = await startQueueApp();
});
afterAll(async () => {
  await h?.stop();
});

const svc = (orgId: string, rest = '') => `/api/orgs/${orgId}/services${rest}`;
const staff = (orgId: string, rest = '') => `/api/orgs/${orgId}/staff/queue${rest}`;

const serviceBody = (over: Record<string, unknown> = {}) => ({
  id: 'tax-payment',
  name: 'งานชำระภาษี',
  prefix: 'b',
  counters: [{ id: '3', name: 'ช่อง 3' }],
  hours: { days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' },
  manualIds: ['land-building-tax'],
  ...over,
});

describe('services and counters', () => {
  it('lets an admin add and change a service; lists it publicly with its id', async () => {
    const { org, admin } = await h.givenOrgWithStaff();
    const created = await h.call('POST', staff(org.id, '/services'), { token: await admin.token(), body: serviceBody() });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'tax-payment', prefix: 'B', typicalServiceMinutes: 10, active: true });
    const listed = await h.call('GET', svc(org.id));
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual([expect.objectContaining({ id: 'tax-payment', name: 'งานชำระภาษี', prefix: 'B', openNow: true, hoursText: 'วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น.' })]);
    const patched = await h.call('PATCH', staff(org.id, '/services/tax-payment'), { token: await admin.token(), body: { counters: [{ id: '3', name: 'ช่อง 3' }, { id: '4', name: 'ช่อง 4' }] } });
    expect(patched.status).toBe(200);
    expect(patched.json.counters).toHaveLength(2);
    expect(patched.json.name).toBe('งานชำระภาษี');
    expect(patched.json.hours).toEqual({ days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' }); // fields left out keep their value
    expect(patched.json.manualIds).toEqual(['land-building-tax']);
    expect((await h.call('POST', staff(org.id, '/services'), { token: await admin.token(), body: serviceBody() })).status).toBe(409);
  });

  it('refuses bad services with 400 and field issues, storing nothing', async () => {
    const { org, admin } = await h.givenOrgWithStaff();
    const bad = await h.call('POST', staff(org.id, '/services'), {
      token: await admin.token(),
      body: serviceBody({ id: 'Tax Payment', prefix: 'ภ', counters: [], hours: { days: [8], open: '16:30', close: '08:30' } }),
    });
    expect(bad.status).toBe(400);
    const paths = bad.json.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'prefix', 'counters', 'hours.days.0']));
    expect((await h.call('POST', staff(org.id, '/services'), { token: await admin.token(), raw: '{"id":' })).status).toBe(400);
    expect((await h.call('POST', staff(org.id, '/services'), { token: await admin.token(), body: serviceBody({ extra: 1 }) })).status).toBe(400);
    expect((await h.call('GET', svc(org.id))).json).toEqual([]);
    // A prefix already used by another service
    await h.givenService(org.id, { prefix: 'B' });
    const clash = await h.call('POST', staff(org.id, '/services'), { token: await admin.token(), body: serviceBody() });
    expect(clash.status).toBe(400);
    expect(clash.json.issues[0].path).toBe('prefix');
  });

  it('only admins manage services; operators read them; others are refused', async () => {
    const { org, operator, officer } = await h.givenOrgWithStaff();
    const someone = await h.citizen();
    expect((await h.call('POST', staff(org.id, '/services'), { body: serviceBody() })).status).toBe(401);
    expect((await h.call('POST', staff(org.id, '/services'), { token: someone.token, body: serviceBody() })).status).toBe(403);
    expect((await h.call('POST', staff(org.id, '/services'), { token: await officer.token(), body: serviceBody() })).status).toBe(403);
    expect((await h.call('POST', staff(org.id, '/services'), { token: await operator.token(), body: serviceBody() })).status).toBe(403);
    expect((await h.call('GET', staff(org.id, '/services'), { token: await operator.token() })).status).toBe(200);
    expect((await h.call('GET', staff(org.id, '/services'), { token: await officer.token() })).status).toBe(403);
    expect((await h.call('GET', svc('no-such-org'))).status).toBe(404);
  });
});

describe('taking a ticket', () => {
  it('answers 201 { id, number, label, position } and the page shows it to its owner and staff only', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const a = await h.citizen();
    const b = await h.citizen();
    const first = await h.takeTicket(org.id, 'civil-registration', a);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ id: 'civil-registration-20261123-1', number: 1, label: 'A001', position: 1, ahead: 0, state: 'waiting', created: true, estimatedWaitMinutes: 0 });
    expect(first.json.pageUrl).toBe(`${h.liffBase}/liff/${org.id}/tickets/civil-registration-20261123-1`);
    const second = await h.takeTicket(org.id, 'civil-registration', b);
    expect(second.json).toMatchObject({ number: 2, label: 'A002', position: 2, ahead: 1, estimatedWaitMinutes: 5 }); // 1 ahead × 10 min ÷ 2 counters

    const mine = await h.call('GET', `/api/orgs/${org.id}/tickets/${second.json.id}`, { token: b.token });
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ label: 'A002', position: 2 });
    expect(mine.headers.get('cache-control')).toContain('no-store');
    expect((await h.call('GET', `/api/orgs/${org.id}/tickets/${second.json.id}`, { token: a.token })).status).toBe(404);
    expect((await h.call('GET', `/api/orgs/${org.id}/tickets/${second.json.id}`, { token: await operator.token() })).status).toBe(200);
    expect((await h.call('GET', `/api/orgs/${org.id}/tickets/${second.json.id}`)).status).toBe(401);
    expect((await h.call('GET', `/api/orgs/${org.id}/tickets/mine`, { token: a.token })).json.tickets).toHaveLength(1);
  });

  it('gives one active ticket per person per service: asking again returns the same ticket', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const a = await h.citizen();
    const again = await Promise.all(Array.from({ length: 8 }, () => h.takeTicket(org.id, 'civil-registration', a)));
    expect(new Set(again.map((r) => r.json.id)).size).toBe(1);
    expect(again.filter((r) => r.status === 201)).toHaveLength(1);
    expect(again.filter((r) => r.status === 200)).toHaveLength(7);
    const other = await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    expect(other.json.number).toBe(2);
    // Asking again with "near" ticked: the same ticket, now with the wish recorded.
    const near = await h.takeTicket(org.id, 'civil-registration', a, { notifyNear: true });
    expect(near.status).toBe(200);
    expect(near.json).toMatchObject({ id: again[0]?.json.id, notifyNear: true, created: false });
    // After cancelling, the same person may take a new ticket (a new number at the end of the line).
    const cancelled = await h.call('POST', `/api/orgs/${org.id}/tickets/${again[0]?.json.id}/cancel`, { token: a.token, body: {} });
    expect(cancelled.json.state).toBe('cancelled');
    const fresh = await h.takeTicket(org.id, 'civil-registration', a);
    expect(fresh.status).toBe(201);
    expect(fresh.json.number).toBe(3);
  });

  it('refuses bad requests: no token 401, unknown service 404, outside opening hours 409, extra body 400 — storing nothing', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const a = await h.citizen();
    expect((await h.call('POST', svc(org.id, '/civil-registration/tickets'), { body: {} })).status).toBe(401);
    expect((await h.takeTicket(org.id, 'no-such-service', a)).status).toBe(404);
    expect((await h.call('POST', svc(org.id, '/civil-registration/tickets'), { token: a.token, body: { userId: newUserId() } })).status).toBe(400);
    expect((await h.call('POST', svc(org.id, '/BAD!/tickets'), { token: a.token, body: {} })).status).toBe(400);
    const saved = h.t.clock.now();
    h.t.clock.set('2026-11-22T03:00:00.000Z'); // Sunday
    const closed = await h.takeTicket(org.id, 'civil-registration', { token: await h.token(a.userId) });
    h.t.clock.set(saved);
    expect(closed.status).toBe(409);
    expect(closed.json.error).toContain('วันจันทร์ - วันศุกร์');
    const status = await h.call('GET', svc(org.id, '/civil-registration'));
    expect(status.json).toMatchObject({ waiting: 0, openNow: true });
    // Still the first number: nothing was claimed by the refused requests.
    expect((await h.takeTicket(org.id, 'civil-registration', a)).json.number).toBe(1);
  });
});

describe('days the office is closed', () => {
  it('an admin closes a day: citizens cannot take a ticket that day (told why), staff can still issue walk-ins, the next day is open', async () => {
    const { org, admin, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const a = await h.citizen();
    const close = (day: string, body: unknown, token?: string) => h.call('PUT', staff(org.id, `/closed-days/${day}`), { ...(token ? { token } : {}), body });

    expect((await close('2026-11-23', { name: 'วันหยุดพิเศษ' }, await operator.token())).status).toBe(403);
    expect((await close('2026-11-23', { name: 'วันหยุดพิเศษ' })).status).toBe(401);
    const bad = await close('2026-13-01', { name: '' }, await admin.token());
    expect(bad.status).toBe(400);
    expect((await close('2026-11-23', { name: '', extra: 1 }, await admin.token())).json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['', 'name']);
    expect((await h.call('GET', `/api/orgs/${org.id}/queue/closed-days`)).json).toEqual([]);

    const ok = await close('๒๐๒๖-๑๑-๒๓', { name: 'วันหยุดชดเชยวันลอยกระทง' }, await admin.token());
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ day: '2026-11-23', name: 'วันหยุดชดเชยวันลอยกระทง' });
    expect((await h.call('GET', `/api/orgs/${org.id}/queue/closed-days`)).json).toEqual([{ day: '2026-11-23', name: 'วันหยุดชดเชยวันลอยกระทง' }]);

    const refused = await h.takeTicket(org.id, 'civil-registration', a);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe('วันนี้ (23 พฤศจิกายน 2569) เป็นวันหยุด: วันหยุดชดเชยวันลอยกระทง สำนักงานปิดทำการ ไม่รับบัตรคิว');
    const shown = await h.call('GET', svc(org.id, '/civil-registration'));
    expect(shown.json).toMatchObject({ openNow: false, closedToday: { name: 'วันหยุดชดเชยวันลอยกระทง' } });
    expect((await h.call('GET', svc(org.id))).json[0]).toMatchObject({ openNow: false, closedToday: { name: 'วันหยุดชดเชยวันลอยกระทง' } });
    const walkIn = await h.call('POST', staff(org.id, '/services/civil-registration/walk-in'), { token: await operator.token(), body: {} });
    expect(walkIn.status).toBe(201);
    expect(walkIn.json.number).toBe(1);

    const saved = h.t.clock.now();
    h.t.clock.set('2026-11-24T03:00:00.000Z'); // Tuesday 10:00: open again
    const next = await h.takeTicket(org.id, 'civil-registration', { token: await h.token(a.userId) });
    h.t.clock.set(saved);
    expect(next.status).toBe(201);
    expect(next.json.number).toBe(1);

    expect((await h.call('DELETE', staff(org.id, '/closed-days/2026-11-23'), { token: await admin.token() })).status).toBe(204);
    expect((await h.call('DELETE', staff(org.id, '/closed-days/2026-11-23'), { token: await admin.token() })).status).toBe(404);
    expect((await h.takeTicket(org.id, 'civil-registration', a)).status).toBe(201);
  });
});

describe('calling', () => {
  it('calls in order, pushes "called" with the counter and "near" when 3 or fewer are ahead to those who asked for it', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const people = [];
    for (let i = 0; i < 6; i++) {
      const c = await h.citizen();
      people.push({ ...c, ticket: (await h.takeTicket(org.id, 'civil-registration', c, { notifyNear: true })).json });
    }
    expect(people[1]!.ticket).toMatchObject({ notifyNear: true });
    // At issue nobody is pushed (they see their position on the page).
    expect(await h.pushesTo(people[1]!.userId)).toEqual([]);
    const res = await h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: await operator.token(), body: { counterId: '2' } });
    expect(res.status).toBe(200);
    expect(res.json.called).toMatchObject({ label: 'A001', state: 'called', counter: { id: '2', name: 'ช่อง 2' } });
    expect(res.json.waiting).toBe(5);

    const called = await h.pushesTo(people[0]!.userId);
    expect(called).toHaveLength(1);
    expect(called[0]).toContain('A001');
    expect(called[0]).toContain('ช่อง 2');
    // A002..A005 have 0..3 ahead: told once; A006 (4 ahead) is not.
    for (const p of people.slice(1, 5)) expect((await h.pushesTo(p.userId)).join()).toContain('ใกล้ถึงคิวแล้ว');
    expect((await h.pushesTo(people[4]!.userId)).join()).toContain('อีก 3 คิว');
    expect(await h.pushesTo(people[5]!.userId)).toEqual([]);

    // The next call completes A001 at that counter and calls A002; A006 now has 3 ahead.
    const next = await h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: await operator.token(), body: { counterId: '2' } });
    expect(next.json.completed).toMatchObject({ label: 'A001', state: 'done' });
    expect(next.json.called.label).toBe('A002');
    expect((await h.pushesTo(people[5]!.userId)).join()).toContain('อีก 3 คิว');
    expect((await h.pushesTo(people[2]!.userId)).filter((m) => m.includes('ใกล้ถึงคิว'))).toHaveLength(1); // near only once
    // A001, completed: the satisfaction form for this visit came with its call; nothing more is pushed.
    const done = await h.pushesTo(people[0]!.userId);
    expect(done).toHaveLength(1);
    expect(done.join()).toContain(`ratings/new?ticket=${people[0]!.ticket.id}`);

    // Recall pushes again (a new call number), citizen's page shows the counter.
    await h.call('POST', staff(org.id, `/tickets/${next.json.called.id}/recall`), { token: await operator.token(), body: {} });
    expect((await h.pushesTo(people[1]!.userId)).filter((m) => m.includes('ถึงคิวของคุณแล้ว'))).toHaveLength(2);
    const page = await h.call('GET', `/api/orgs/${org.id}/tickets/${next.json.called.id}`, { token: people[1]!.token });
    expect(page.json).toMatchObject({ state: 'called', counter: { name: 'ช่อง 2' }, position: null });
  });

  it('two counters pressing "next" at once call two different tickets', async () => {
    const { org, operator, admin } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    for (let i = 0; i < 4; i++) await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    const [x, y] = await Promise.all([
      h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: await operator.token(), body: { counterId: '1' } }),
      h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: await admin.token(), body: { counterId: '2' } }),
    ]);
    expect(x.status).toBe(200);
    expect(y.status).toBe(200);
    expect(new Set([x.json.called.label, y.json.called.label])).toEqual(new Set(['A001', 'A002']));
  });

  it('serving out of order needs a reason (400, nothing changed); with one it is logged as out of order', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const tickets = [];
    for (let i = 0; i < 3; i++) tickets.push((await h.takeTicket(org.id, 'civil-registration', await h.citizen())).json);
    const third = tickets[2]!.id;
    const refused = await h.call('POST', staff(org.id, `/tickets/${third}/call`), { token: await operator.token(), body: { counterId: '1' } });
    expect(refused.status).toBe(400);
    expect(refused.json.issues[0]).toMatchObject({ path: 'reason' });
    expect(refused.json.issues[0].message).toContain('A001');
    expect(await listLog(h.t.rt.db, org.id, 'civil-registration', '2026-11-23')).toEqual([]);
    const tooShort = await h.call('POST', staff(org.id, `/tickets/${third}/call`), { token: await operator.token(), body: { counterId: '1', reason: 'x' } });
    expect(tooShort.status).toBe(400);

    const ok = await h.call('POST', staff(org.id, `/tickets/${third}/call`), { token: await operator.token(), body: { counterId: '1', reason: 'ผู้พิการ นั่งรถเข็น' } });
    expect(ok.status).toBe(200);
    expect(ok.json.called.label).toBe('A003');
    const log = await h.call('GET', staff(org.id, '/services/civil-registration/log'), { token: await operator.token() });
    expect(log.json.entries).toEqual([
      expect.objectContaining({ action: 'call', label: 'A003', counterId: '1', counterName: 'ช่อง 1', outOfOrder: true, firstWaiting: 1, reason: 'ผู้พิการ นั่งรถเข็น', by: { name: 'สมศรี เรียกคิว', kind: 'staff' } }),
    ]);
    // The operator is named; no LINE user id (theirs or a citizen's) is in the log staff read.
    expect(JSON.stringify(log.json)).not.toMatch(/U[0-9a-f]{32}/);
    // Calling the first waiting ticket directly needs no reason.
    expect((await h.call('POST', staff(org.id, `/tickets/${tickets[0]!.id}/call`), { token: await operator.token(), body: { counterId: '2' } })).status).toBe(200);
  });

  it('skip, reinstate (with a reason), complete; wrong steps are 409; the log records every step in order', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const a = await h.citizen();
    const t = (await h.takeTicket(org.id, 'civil-registration', a)).json;
    const tok = await operator.token();
    expect((await h.call('POST', staff(org.id, `/tickets/${t.id}/complete`), { token: tok, body: {} })).status).toBe(409);
    await h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: tok, body: { counterId: '1' } });
    expect((await h.call('POST', staff(org.id, `/tickets/${t.id}/skip`), { token: tok, body: {} })).json.state).toBe('no_show');
    expect((await h.pushesTo(a.userId)).join()).toContain('ถูกข้าม');
    expect((await h.call('POST', staff(org.id, `/tickets/${t.id}/reinstate`), { token: tok, body: {} })).status).toBe(400);
    expect((await h.call('POST', staff(org.id, `/tickets/${t.id}/reinstate`), { token: tok, body: { reason: 'มาช้า 5 นาที' } })).json.state).toBe('waiting');
    await h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: tok, body: { counterId: '1' } });
    expect((await h.call('POST', staff(org.id, `/tickets/${t.id}/start`), { token: tok, body: {} })).json.state).toBe('serving');
    expect((await h.call('POST', staff(org.id, `/tickets/${t.id}/complete`), { token: tok, body: {} })).json.state).toBe('done');
    expect((await h.call('POST', staff(org.id, `/tickets/${t.id}/complete`), { token: tok, body: {} })).status).toBe(409);
    const log = await h.call('GET', staff(org.id, '/services/civil-registration/log'), { token: tok });
    expect(log.json.entries.map((e: { action: string; seq: number }) => `${e.seq}:${e.action}`)).toEqual(['1:call', '2:skip', '3:reinstate', '4:call', '5:start', '6:complete']);
  });

  it('keeps the call log append-only: no route changes it, and a second write of an entry is refused', async () => {
    const { org, operator, admin } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    await h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: await operator.token(), body: { counterId: '1' } });
    const before = await listLog(h.t.rt.db, org.id, 'civil-registration', '2026-11-23');
    expect(before).toHaveLength(1);
    const entry = before[0]!;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const path of [`/services/civil-registration/log`, `/services/civil-registration/log/${entry.id}`]) {
        const r = await h.call(method, staff(org.id, path), { token: await admin.token(), body: { reason: 'แก้ไข' } });
        expect(r.status).toBe(404);
      }
    }
    expect(await appendLogEntry(h.t.rt.db, org.id, { ...entry, counterName: 'ช่อง 9', reason: 'แก้ย้อนหลัง' })).toBe(false);
    expect(await listLog(h.t.rt.db, org.id, 'civil-registration', '2026-11-23')).toEqual(before);
    // And only staff read it.
    expect((await h.call('GET', staff(org.id, '/services/civil-registration/log'), { token: (await h.citizen()).token })).status).toBe(403);
  });

  it('walk-in tickets (no LINE) take the next number and are logged with the staff member who issued them', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    const w = await h.call('POST', staff(org.id, '/services/civil-registration/walk-in'), { token: await operator.token(), body: { note: 'ผู้สูงอายุ ไม่มี LINE' } });
    expect(w.status).toBe(201);
    expect(w.json).toMatchObject({ number: 2, label: 'A002', walkIn: true, position: 2 });
    const log = await listLog(h.t.rt.db, org.id, 'civil-registration', '2026-11-23');
    expect(log[0]).toMatchObject({ action: 'issue', label: 'A002', by: { userId: operator.userId, kind: 'staff' }, reason: 'ผู้สูงอายุ ไม่มี LINE' });
    expect((await h.call('POST', staff(org.id, '/services/civil-registration/walk-in'), { token: (await h.citizen()).token, body: {} })).status).toBe(403);
    expect((await h.call('POST', staff(org.id, '/services/civil-registration/walk-in'), { token: await operator.token(), body: { note: 'x'.repeat(61) } })).status).toBe(400);
  });

  it('refuses calls without the role or with a bad counter', async () => {
    const { org, officer, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const path = staff(org.id, '/services/civil-registration/call-next');
    expect((await h.call('POST', path, { body: { counterId: '1' } })).status).toBe(401);
    expect((await h.call('POST', path, { token: await officer.token(), body: { counterId: '1' } })).status).toBe(403);
    const bad = await h.call('POST', path, { token: await operator.token(), body: { counterId: '9' } });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('counterId');
    expect((await h.call('POST', path, { token: await operator.token(), body: {} })).status).toBe(400);
    const empty = await h.call('POST', path, { token: await operator.token(), body: { counterId: '1' } });
    expect(empty.json).toMatchObject({ called: null, waiting: 0 });
  });
});

describe('board, poster, statistics', () => {
  it('the board JSON shows the number at each counter and the next ones; the board page polls it', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    for (let i = 0; i < 4; i++) await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    await h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: await operator.token(), body: { counterId: '2' } });
    const board = await h.call('GET', `/api/orgs/${org.id}/queue/board`);
    expect(board.status).toBe(200);
    const s = board.json.services[0];
    expect(s.counters).toEqual([
      { id: '1', name: 'ช่อง 1', current: null },
      { id: '2', name: 'ช่อง 2', current: { label: 'A001', state: 'called', calls: 1 } },
    ]);
    expect(s.next).toEqual(['A002', 'A003', 'A004']);
    expect(board.json.calls[0]).toMatchObject({ label: 'A001', counter: 'ช่อง 2', key: `civil-registration-20261123-1:1` });
    expect(JSON.stringify(board.json)).not.toMatch(/U[0-9a-f]{32}/); // no LINE ids on a public board

    const page = await h.call('GET', `/orgs/${org.id}/queue/board`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    expect(page.text).toContain(`/api/orgs/${org.id}/queue/board`);
    expect(page.text).toContain('setTimeout(poll, 1000)');
    expect((await h.call('GET', `/orgs/no-such-org/queue/board`)).status).toBe(404);
  });

  it('the poster is a printable A4 page with the service, its LIFF link and Thai steps', async () => {
    const { org } = await h.givenOrgWithStaff();
    await h.givenService(org.id, { name: 'งานทะเบียน <script>' });
    const page = await h.call('GET', `/orgs/${org.id}/queue/civil-registration/poster`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('size: A4');
    expect(page.text).toContain('งานทะเบียน &lt;script&gt;');
    expect(page.text).toContain(`${h.liffBase}/liff/${org.id}/queue/civil-registration`);
    expect(page.text).toContain('สแกน QR code');
    expect((await h.call('GET', `/orgs/${org.id}/queue/nothing/poster`)).status).toBe(404);
  });

  it('statistics per day and service: issued, served, no-shows, median and p90 waiting and service time; CSV with BOM', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id, { counters: [{ id: '1', name: 'ช่อง 1' }] });
    const start = h.t.clock.now();
    const tok = await operator.token();
    for (let i = 0; i < 4; i++) await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    // Each call 10 minutes after the last; the previous ticket completes on the next call.
    for (let i = 0; i < 4; i++) {
      h.t.clock.advance(10 * 60_000);
      const r = await h.call('POST', staff(org.id, '/services/civil-registration/call-next'), { token: tok, body: { counterId: '1' } });
      if (i === 3) await h.call('POST', staff(org.id, `/tickets/${r.json.called.id}/skip`), { token: tok, body: {} });
    }
    const stats = await h.call('GET', `/api/orgs/${org.id}/queue/stats?from=2026-11-23&to=2026-11-23`);
    expect(stats.status).toBe(200);
    expect(stats.json.rows).toEqual([
      expect.objectContaining({ day: '2026-11-23', serviceId: 'civil-registration', issued: 4, served: 3, noShows: 1, waitMedianMinutes: 25, waitP90Minutes: 37, serviceMedianMinutes: 10, serviceP90Minutes: 10, issuedByHour: { '10': 4 } }),
    ]);
    expect(stats.json.totals).toMatchObject({ issued: 4, served: 3 });
    const csv = await h.call('GET', `/api/orgs/${org.id}/queue/stats.csv?from=2026-11-23`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('เวลารอ มัธยฐาน (นาที)');
    expect(csv.text).toContain('2026-11-23,23 พฤศจิกายน 2569,civil-registration,งานทะเบียนราษฎร,4,0,3,1,0,0,25,37,10,10,0');
    const logCsv = await h.call('GET', staff(org.id, '/services/civil-registration/log.csv'), { token: tok });
    expect(logCsv.text.charCodeAt(0)).toBe(0xfeff);
    expect(logCsv.text).toContain('สมศรี เรียกคิว');
    expect((await h.call('GET', `/api/orgs/${org.id}/queue/stats?from=2026-13-01`)).status).toBe(400);
    expect((await h.call('GET', `/api/orgs/${org.id}/queue/stats?from=2026-01-01&to=2026-12-31`)).status).toBe(400);
    h.t.clock.set(start);
  });
});
