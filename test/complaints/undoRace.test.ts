import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeComplaintStatus, type ComplaintDeps } from '../../functions/src/complaints/service.ts';
import { undoComplaintStatus } from '../../functions/src/complaints/undo.ts';
import { getComplaint } from '../../functions/src/complaints/store.ts';
import { complainantMessageAt, undoDeadline } from '../../functions/src/complaints/workflow.ts';
import { ConflictError } from '../../functions/src/errors.ts';
import type { Notifier } from '../../functions/src/notify/notifier.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { getStaffMember } from '../../functions/src/staff/store.ts';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { generalBody } from './harness.ts';

/**
 * The race between an undo and the outbox (issue 16): the complainant's message for a staff change waits in the real
 * outbox; whatever the timing, a change that was taken back never reaches them (complaints/undo.ts explains why).
 * Real app, real outbox and sandbox, fixed clock.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

async function sweepAt(at: Date) {
  t.clock.set(at.toISOString());
  await t.rt.runScheduledJobs();
  await t.rt.idle();
}

async function setUp() {
  const org = await givenOrg(t);
  const officer = await givenStaff(t, org.id, ['officer'], 'สมศรี เจ้าหน้าที่');
  const citizen = newUserId();
  const filed = await api(t, 'POST', `/api/orgs/${org.id}/complaints`, { token: await idTokenFor(t, citizen), body: generalBody() });
  expect(filed.status).toBe(201);
  const o = (await getOrg(t.rt.db, org.id))!;
  const actor = { userId: officer.userId, staff: await getStaffMember(t.rt.db, org.id, officer.userId) };
  const deps = (notifier: Notifier): ComplaintDeps => ({ db: t.rt.db, notifier, clock: t.clock, log: t.rt.log });
  const toCitizen = () => t.rt.sandbox!.outbox({ to: citizen }).filter((e) => e.kind === 'push');
  return { org, o, officer, citizen, id: filed.body.id as string, actor, deps, toCitizen };
}

describe('undo against the outbox', () => {
  it('an undo in the last instant of its window holds: the message was not due yet and never goes out', async () => {
    const { org, officer, id, toCitizen } = await setUp();
    const changed = await api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${id}/status`, { token: officer.token, body: { to: 'resolved', note: 'เปลี่ยนหลอดไฟแล้ว' } });
    expect(changed.status).toBe(200);
    const at = changed.body.history.at(-1).at as string;
    // The outbox is swept at the very end of the window: nothing is due before complainantMessageAt.
    await sweepAt(undoDeadline(at));
    expect(complainantMessageAt(at).getTime() - undoDeadline(at).getTime()).toBe(60_000);
    expect(toCitizen()).toHaveLength(0);
    const token = await idTokenFor(t, officer.userId);
    const undone = await api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${id}/undo`, { token, body: { seq: changed.body.undo.seq } });
    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe('received');
    await sweepAt(new Date(complainantMessageAt(at).getTime() + 3_600_000));
    expect(toCitizen()).toHaveLength(0);
  });

  it('an undo whose withdrawal is written too late is refused: the change stands and the complainant is told once', async () => {
    const { o, id, actor, deps, toCitizen } = await setUp();
    const changed = await changeComplaintStatus(deps(t.rt.notifier), o, actor, id, { to: 'resolved', note: 'เปลี่ยนหลอดไฟแล้ว' });
    t.clock.set(undoDeadline(changed.update.at).toISOString());
    // A stalled instance: its check passed at the end of the window, its withdrawal is written 90 s later, when a
    // delivery could already have read the message as due.
    const stalled: Notifier = {
      notify: (n) => t.rt.notifier.notify(n),
      cancel: async (orgId, key) => {
        t.clock.advance(90_000);
        return t.rt.notifier.cancel!(orgId, key);
      },
    };
    await expect(undoComplaintStatus(deps(stalled), o, actor, id, changed.update.seq)).rejects.toBeInstanceOf(ConflictError);
    expect((await getComplaint(t.rt.db, o.id, id))?.status).toBe('resolved');
    await sweepAt(new Date(complainantMessageAt(changed.update.at).getTime() + 3_600_000));
    expect(toCitizen()).toHaveLength(1);
    expect(JSON.stringify(toCitizen()[0]!.messages)).toContain('ดำเนินการแล้วเสร็จ');
  });

  it('an undo that comes before the change has queued its message still keeps it from the complainant', async () => {
    const { o, id, actor, deps, toCitizen } = await setUp();
    // The change's request pauses between recording the change and queueing the complainant's message.
    let reached!: () => void;
    const atQueue = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const paused: Notifier = {
      notify: async (n) => {
        if (n.key.endsWith(':update:2')) {
          reached();
          await gate;
        }
        return t.rt.notifier.notify(n);
      },
      cancel: (orgId, key) => t.rt.notifier.cancel!(orgId, key),
    };
    const change = changeComplaintStatus(deps(paused), o, actor, id, { to: 'resolved', note: 'เปลี่ยนหลอดไฟแล้ว' });
    await atQueue;
    const undone = await undoComplaintStatus(deps(t.rt.notifier), o, actor, id, 2);
    expect(undone.complaint.status).toBe('received');
    release();
    const changed = await change;
    await sweepAt(new Date(complainantMessageAt(changed.update.at).getTime() + 3_600_000));
    expect(toCitizen()).toHaveLength(0);
    expect((await getComplaint(t.rt.db, o.id, id))?.status).toBe('received');
  });

  it('an undo that loses to a colleague’s change leaves the change standing, and the complainant still hears of it once', async () => {
    const { org, o, id, actor, deps, toCitizen } = await setUp();
    const colleague = await givenStaff(t, org.id, ['officer'], 'สมชาย เจ้าหน้าที่');
    const colleagueActor = { userId: colleague.userId, staff: await getStaffMember(t.rt.db, org.id, colleague.userId) };
    const changed = await changeComplaintStatus(deps(t.rt.notifier), o, actor, id, { to: 'acknowledged' });
    // While the undo withdraws the message, the colleague moves the case on (a progress step: not pushed by default).
    const racing: Notifier = {
      notify: (n) => t.rt.notifier.notify(n),
      cancel: async (orgId, key) => {
        const outcome = await t.rt.notifier.cancel!(orgId, key);
        await changeComplaintStatus(deps(t.rt.notifier), o, colleagueActor, id, { to: 'in_progress' });
        return outcome;
      },
    };
    await expect(undoComplaintStatus(deps(racing), o, actor, id, changed.update.seq)).rejects.toBeInstanceOf(ConflictError);
    expect((await getComplaint(t.rt.db, o.id, id))?.status).toBe('in_progress');
    await sweepAt(new Date(complainantMessageAt(changed.update.at).getTime() + 3_600_000));
    expect(toCitizen().map((e) => JSON.stringify(e.messages))).toEqual([expect.stringContaining('เจ้าหน้าที่รับเรื่องแล้ว')]);
  });
});
