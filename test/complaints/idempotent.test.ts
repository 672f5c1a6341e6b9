import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { generalBody } from './harness.ts';

/** Issue 13 F5: a double-tapped or retried complaint status change is made once (the real app over HTTP). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const changeStatus = (orgId: string, id: string, token: string, body: unknown, key: string) =>
  fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/staff/complaints/${id}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });

describe('complaint status changes with a request id', () => {
  it('two concurrent "in progress" updates with one Idempotency-Key add one update and tell the complainant once', async () => {
    const org = await givenOrg(t);
    const officer = await givenStaff(t, org.id, ['officer']);
    const citizen = newUserId();
    // Asked for every update: a progress note is pushed to them (by default it shows in LIFF tracking only).
    const filed = await api(t, 'POST', `/api/orgs/${org.id}/complaints`, { token: await idTokenFor(t, citizen), body: generalBody({ updates: 'all' }) });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    await changeStatus(org.id, id, officer.token, { to: 'in_progress' }, `first-${id}`);
    const updatesBefore = (await t.rt.db.collection('orgs').doc(org.id).collection('complaints').doc(id).collection('updates').get()).size;

    const key = `progress-note-${id}`;
    const body = { to: 'in_progress', note: 'ช่างจะเข้าไปเปลี่ยนหลอดไฟพรุ่งนี้' };
    const [a, b] = await Promise.all([changeStatus(org.id, id, officer.token, body, key), changeStatus(org.id, id, officer.token, body, key)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await b.json()).toEqual(await a.json());
    const updates = await t.rt.db.collection('orgs').doc(org.id).collection('complaints').doc(id).collection('updates').get();
    expect(updates.size).toBe(updatesBefore + 1);
    // The complainant is told once the undo window has passed (the scheduled jobs sweep the outbox).
    t.clock.advance(6 * 60_000);
    await t.rt.runScheduledJobs();
    await t.rt.idle();
    const told = t.rt.sandbox!.outbox({ to: citizen }).filter((e) => JSON.stringify(e.messages).includes('ช่างจะเข้าไปเปลี่ยนหลอดไฟพรุ่งนี้'));
    expect(told).toHaveLength(1);
  });
});
