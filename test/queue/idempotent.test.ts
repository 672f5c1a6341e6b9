import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLog } from '../../functions/src/queue/store.ts';
import { lineEvent, postWebhook, webhookBody } from '../support/app.ts';
import { startQueueApp, type QueueApp } from './harness.ts';

/** Issue 13 F5: a double tap or a retry of a staff action changes state once. */
let h: QueueApp;
beforeAll(async () => {
  h = await startQueueApp();
});
afterAll(async () => {
  await h?.stop();
});

const DAY = '2026-11-23';
const SERVICE = 'civil-registration';
const staffPath = (orgId: string, p: string) => `/api/orgs/${orgId}/staff/queue${p}`;
let keyN = 0;
const newKey = () => `test-key-${process.pid}-${++keyN}-${Date.now()}`;

async function withTwoWaiting() {
  const s = await h.givenOrgWithStaff();
  await h.givenService(s.org.id);
  await h.takeTicket(s.org.id, SERVICE, await h.citizen());
  await h.takeTicket(s.org.id, SERVICE, await h.citizen());
  return s;
}

async function post(path: string, token: string, body: unknown, key?: string) {
  const res = await fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
}

const calls = async (orgId: string) => (await listLog(h.t.rt.db, orgId, SERVICE, DAY)).filter((e) => e.action === 'call');

describe('call next with a request id', () => {
  it('two concurrent call-next with the same Idempotency-Key call one person, and both get that answer', async () => {
    const { org, operator } = await withTwoWaiting();
    const token = await operator.token();
    const key = newKey();
    const path = staffPath(org.id, `/services/${SERVICE}/call-next`);
    const [a, b] = await Promise.all([post(path, token, { counterId: '1' }, key), post(path, token, { counterId: '1' }, key)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.called.label).toBe('A001');
    expect(b.json.called.label).toBe('A001');
    expect(await calls(org.id)).toHaveLength(1);
    const view = await h.call('GET', staffPath(org.id, `/services/${SERVICE}`), { token });
    expect(view.json.waiting.map((t: { label: string }) => t.label)).toEqual(['A002']);
  });

  it('a retry after the answer was lost gets the same answer, marked replayed, and calls nobody else', async () => {
    const { org, operator } = await withTwoWaiting();
    const token = await operator.token();
    const key = newKey();
    const path = staffPath(org.id, `/services/${SERVICE}/call-next`);
    const first = await post(path, token, { counterId: '1' }, key);
    const retry = await post(path, token, { counterId: '1' }, key);
    expect(retry.status).toBe(200);
    expect(retry.replayed).toBe('true');
    expect(retry.json).toEqual(first.json);
    expect(await calls(org.id)).toHaveLength(1);
    // A new press (a new key) is a new call.
    expect((await post(path, token, { counterId: '1' }, newKey())).json.called.label).toBe('A002');
  });

  it('refuses a malformed key with 400 and changes nothing', async () => {
    const { org, operator } = await withTwoWaiting();
    const res = await post(staffPath(org.id, `/services/${SERVICE}/call-next`), await operator.token(), { counterId: '1' }, 'short');
    expect(res.status).toBe(400);
    expect(await calls(org.id)).toHaveLength(0);
  });
});

describe('other state changes with a request id', () => {
  it('a double-tapped skip answers both taps alike and logs one skip', async () => {
    const { org, operator } = await withTwoWaiting();
    const token = await operator.token();
    await post(staffPath(org.id, `/services/${SERVICE}/call-next`), token, { counterId: '1' }, newKey());
    const key = newKey();
    const path = staffPath(org.id, `/tickets/${SERVICE}-20261123-1/skip`);
    const [a, b] = await Promise.all([post(path, token, {}, key), post(path, token, {}, key)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.json).toEqual(a.json);
    const skips = (await listLog(h.t.rt.db, org.id, SERVICE, DAY)).filter((e) => e.action === 'skip');
    expect(skips).toHaveLength(1);
  });
});

describe('the "next" button in the staff group', () => {
  it('a double tap on the same "คิวถัดไป" button calls one person (the button carries what the counter showed)', async () => {
    const { org, operator, groupId } = await withTwoWaiting();
    const secret = (await h.t.rt.db.collection('orgSecrets').doc(org.id).get()).get('channelSecret') as string;
    const tap = () =>
      lineEvent(h.t, 'postback', { type: 'group', groupId, userId: operator.userId }, { postback: { data: `action=queue-next&s=${SERVICE}&c=1&seen=-` } });
    // Two taps: two distinct webhook events with the same button data, delivered one after the other.
    expect((await postWebhook(h.t, org.id, webhookBody(tap()), secret)).status).toBe(200);
    await h.t.rt.idle();
    expect((await postWebhook(h.t, org.id, webhookBody(tap()), secret)).status).toBe(200);
    await h.t.rt.idle();
    expect(await calls(org.id)).toHaveLength(1);
    const replies = h.t.rt.sandbox!.outbox({ to: groupId }).map((e) => JSON.stringify(e.messages));
    expect(replies.some((r) => r.includes('ไม่ได้เรียกคิวเพิ่ม') && r.includes('A001'))).toBe(true);
  });
});
