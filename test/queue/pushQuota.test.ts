import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineEvent, postWebhook, textEvent, webhookBody } from '../support/app.ts';
import { startQueueApp, type QueueApp } from './harness.ts';

/**
 * Every push costs the organisation a LINE message of its monthly quota; replies are free (issue 23). Through the real
 * app: webhook events signed with the organisation's secret, the LIFF API with ID tokens, the outbox delivering to the
 * LINE sandbox, whose requests are counted here by kind.
 */
let h: QueueApp;
beforeAll(async () => {
  h = await startQueueApp();
});
afterAll(async () => {
  await h?.stop();
});

const SERVICE = 'civil-registration';
const staff = (orgId: string, rest: string) => `/api/orgs/${orgId}/staff/queue${rest}`;

/** The topics of the notifications queued for this person, sorted (their order is the sandbox's to tell). */
async function topicsTo(userId: string): Promise<string[]> {
  const snap = await h.t.rt.db.collection('outbox').where('to', '==', userId).get();
  return snap.docs.map((d) => (d.data() as { topic: string }).topic).sort();
}

async function serveAll(orgId: string, token: string, count: number) {
  for (let i = 0; i < count; i++) {
    const res = await h.call('POST', staff(orgId, `/services/${SERVICE}/call-next`), { token, body: { counterId: '1' } });
    expect(res.status).toBe(200);
  }
  // The last one at the counter is completed too: every ticket served.
  const last = await h.call('POST', staff(orgId, `/services/${SERVICE}/call-next`), { token, body: { counterId: '1' } });
  expect(last.json).toMatchObject({ called: null, completed: { state: 'done' } });
}

describe('a ticket taken in the LINE chat', () => {
  it('is answered by reply, never by push: the service choice, the ticket, and the "near" opt-in', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const resident = await h.citizen();
    const send = async (event: unknown) => {
      const res = await postWebhook(h.t, org.id, webhookBody(event), org.channelSecret);
      expect(res.status).toBe(200);
      await h.t.rt.idle();
    };

    await send(textEvent(h.t, resident.userId, 'รับบัตรคิว'));
    let sent = await h.sentTo(resident.userId);
    expect(sent.pushes).toEqual([]);
    expect(sent.replies).toHaveLength(1);
    expect(JSON.stringify(sent.replies[0]!.messages)).toContain(`action=queue-take&s=${SERVICE}`);

    await send(lineEvent(h.t, 'postback', { type: 'user', userId: resident.userId }, { postback: { data: `action=queue-take&s=${SERVICE}` } }));
    sent = await h.sentTo(resident.userId);
    expect(sent.pushes).toEqual([]);
    expect(sent.replies).toHaveLength(2);
    // One message: the ticket and its buttons in one bubble.
    expect(sent.replies[1]!.messages).toHaveLength(1);
    const answer = JSON.stringify(sent.replies[1]!.messages);
    expect(answer).toContain('รับบัตรคิวแล้ว: A001');
    const ticketId = `${SERVICE}-20261123-1`;
    expect(answer).toContain(`action=queue-near&t=${ticketId}`);
    const mine = await h.call('GET', `/api/orgs/${org.id}/tickets/mine`, { token: resident.token });
    expect(mine.json.tickets).toMatchObject([{ id: ticketId, label: 'A001', state: 'waiting', notifyNear: false }]);

    // The opt-in button: answered by reply, recorded on the ticket.
    await send(lineEvent(h.t, 'postback', { type: 'user', userId: resident.userId }, { postback: { data: `action=queue-near&t=${ticketId}` } }));
    sent = await h.sentTo(resident.userId);
    expect(sent.pushes).toEqual([]);
    expect(sent.replies).toHaveLength(3);
    expect(JSON.stringify(sent.replies[2]!.messages)).toContain('LINE จะแจ้งเตือนเมื่อเหลืออีก 3 คิว');
    expect((await h.call('GET', `/api/orgs/${org.id}/tickets/${ticketId}`, { token: resident.token })).json.notifyNear).toBe(true);

    // A second resident types the service and asks for "near" in one go; a third asks for an unknown service: not ours.
    const second = await h.citizen();
    await send(textEvent(h.t, second.userId, 'รับบัตรคิว A แจ้งเตือน'));
    const secondSent = await h.sentTo(second.userId);
    expect(secondSent.pushes).toEqual([]);
    expect(JSON.stringify(secondSent.replies[0]!.messages)).toContain('รับบัตรคิวแล้ว: A002');
    expect((await h.call('GET', `/api/orgs/${org.id}/tickets/${SERVICE}-20261123-2`, { token: second.token })).json.notifyNear).toBe(true);

    // Only later events are pushed: A001 called (one push); A002, who asked, hears it is next.
    await serveAll(org.id, await operator.token(), 2);
    expect((await h.sentTo(resident.userId)).pushes).toHaveLength(1);
    expect(await topicsTo(resident.userId)).toEqual(['queue.called']);
    expect(await topicsTo(second.userId)).toEqual(['queue.called', 'queue.near']);
    expect((await h.sentTo(second.userId)).pushes.map((e) => JSON.stringify(e.messages).includes('ใกล้ถึงคิวแล้ว'))).toEqual([true, false]);
  });
});

describe('pushes per ticket served', () => {
  it('a resident who did not ask for "near" gets exactly one push per ticket: "called", text and buttons in one bubble', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const people = [];
    for (let i = 0; i < 5; i++) {
      const c = await h.citizen();
      const res = await h.takeTicket(org.id, SERVICE, c);
      expect(res.json).toMatchObject({ notifyNear: false });
      people.push(c);
    }
    await serveAll(org.id, await operator.token(), 5);
    for (const [i, p] of people.entries()) {
      const { pushes } = await h.sentTo(p.userId);
      expect(pushes).toHaveLength(1);
      expect(pushes[0]!.messages).toHaveLength(1);
      const text = JSON.stringify(pushes[0]!.messages);
      expect(text).toContain(`A00${i + 1}`);
      expect(text).toContain('ถึงคิวของคุณแล้ว');
      expect(text).toContain('ratings/new?ticket='); // the satisfaction form comes with the call, not in a push of its own
      expect(await topicsTo(p.userId)).toEqual(['queue.called']);
    }
  });

  it('a resident who asked for "near" gets "near" then "called"; the first in line, never waiting behind anyone, only "called"', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    const people = [];
    for (let i = 0; i < 5; i++) {
      const c = await h.citizen();
      await h.takeTicket(org.id, SERVICE, c, { notifyNear: true });
      people.push(c);
    }
    await serveAll(org.id, await operator.token(), 5);
    expect(await topicsTo(people[0]!.userId)).toEqual(['queue.called']);
    for (const p of people.slice(1)) {
      expect(await topicsTo(p.userId)).toEqual(['queue.called', 'queue.near']);
      const { pushes } = await h.sentTo(p.userId);
      expect(pushes.map((e) => e.messages.length)).toEqual([1, 1]);
      expect(JSON.stringify(pushes[0]!.messages)).toContain('ใกล้ถึงคิวแล้ว');
      expect(JSON.stringify(pushes[1]!.messages)).toContain('ถึงคิวของคุณแล้ว');
    }
  });
});

describe('when LINE refuses a push for the monthly limit', () => {
  it('the ticket page says the call was not delivered by LINE, and only on the ticket of the person called', async () => {
    const { org, operator } = await h.givenOrgWithStaff();
    await h.givenService(org.id);
    h.t.rt.sandbox!.quota.setMonthlyQuota(org.id, 0);
    const resident = await h.citizen();
    const taken = await h.takeTicket(org.id, SERVICE, resident);
    const before = await h.call('GET', `/api/orgs/${org.id}/tickets/${taken.json.id}`, { token: resident.token });
    expect(before.json.callNotDelivered).toBeUndefined();

    const called = await h.call('POST', staff(org.id, `/services/${SERVICE}/call-next`), { token: await operator.token(), body: { counterId: '1' } });
    expect(called.status).toBe(200);
    await h.t.rt.idle();
    expect((await h.sentTo(resident.userId)).pushes).toEqual([]);
    const page = await h.call('GET', `/api/orgs/${org.id}/tickets/${taken.json.id}`, { token: resident.token });
    expect(page.json).toMatchObject({ state: 'called', callNotDelivered: { status: 'quota' } });
    expect(page.json.callNotDelivered.label).toContain('หมดโควตา');
  });
});
