import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventContext } from '../../functions/src/bot/dispatcher.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { queuePostbackHandlers, queueTextHandlers } from '../../functions/src/queue/line.ts';
import { listLog } from '../../functions/src/queue/store.ts';
import { newUserId } from '../support/app.ts';
import { startQueueApp, type QueueApp } from './harness.ts';

let h: QueueApp;
beforeAll(async () => {
  h = await startQueueApp();
});
afterAll(async () => {
  await h?.stop();
});

async function setup() {
  const s = await h.givenOrgWithStaff();
  await h.givenService(s.org.id);
  await h.givenService(s.org.id, { id: 'tax-payment', name: 'งานชำระภาษี', prefix: 'B', counters: [{ id: '3', name: 'ช่อง 3' }] });
  const org = await getOrg(h.t.rt.db, s.org.id);
  if (!org) throw new Error('org');
  const ctx = (userId: string | undefined, chat: EventContext['chat']): EventContext =>
    ({ org, userId, chat, now: h.t.clock.now(), event: {} as EventContext['event'] });
  return { ...s, orgFull: org, ctx };
}

const text = (messages: unknown) => JSON.stringify(messages);
const handler = () => queueTextHandlers(h.deps)[0]!;

describe('staff-group queue commands', () => {
  it('"คิวถัดไป A ช่อง 2" calls the next number in a registered staff group and pushes to the citizen', async () => {
    const { org, operator, groupId, ctx } = await setup();
    const c = await h.citizen();
    await h.takeTicket(org.id, 'civil-registration', c);
    const reply = await handler().handle(ctx(operator.userId, { type: 'group', id: groupId }), 'คิวถัดไป A ช่อง ๒');
    expect(text(reply)).toContain('สมศรี เรียกคิว เรียก A001 ที่ ช่อง 2');
    expect(text(reply)).toContain('action=queue-recall&t=civil-registration-20261123-1');
    expect((await h.pushesTo(c.userId)).join()).toContain('ช่อง 2');
    const log = await listLog(h.t.rt.db, org.id, 'civil-registration', '2026-11-23');
    expect(log[0]).toMatchObject({ action: 'call', via: 'group', counterId: '2', by: { userId: operator.userId } });
    // By name, default counter.
    await h.takeTicket(org.id, 'tax-payment', c);
    expect(text(await handler().handle(ctx(operator.userId, { type: 'group', id: groupId }), 'เรียกคิว ภาษี'))).toContain('B001 ที่ ช่อง 3');
  });

  it('recall / skip / done by label, and the quick-reply postbacks', async () => {
    const { org, operator, groupId, ctx } = await setup();
    await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    const group = ctx(operator.userId, { type: 'group', id: groupId });
    await handler().handle(group, 'คิวถัดไป A');
    expect(text(await handler().handle(group, 'เรียกซ้ำ A001'))).toContain('A001');
    expect(text(await handler().handle(group, 'ข้าม a1'))).toContain('ไม่มาเมื่อถูกเรียก');
    expect(text(await handler().handle(group, 'เสร็จ A001'))).toContain('ทำรายการนี้ไม่ได้');
    const next = queuePostbackHandlers(h.deps).find((p) => p.action === 'queue-next')!;
    expect(text(await next.handle(group, new URLSearchParams('action=queue-next&s=civil-registration&c=1')))).toContain('A002');
    const done = queuePostbackHandlers(h.deps).find((p) => p.action === 'queue-complete')!;
    expect(text(await done.handle(group, new URLSearchParams('action=queue-complete&t=civil-registration-20261123-2')))).toContain('รับบริการเสร็จแล้ว');
    expect(text(await handler().handle(group, 'สถานะคิว'))).toContain('A งานทะเบียนราษฎร: รอ 0 คิว');
  });

  it('is silent outside staff groups and refuses members without the role', async () => {
    const { org, officer, operator, groupId, ctx } = await setup();
    await h.takeTicket(org.id, 'civil-registration', await h.citizen());
    expect(await handler().handle(ctx(operator.userId, { type: 'group', id: 'Cnotregistered' }), 'คิวถัดไป A')).toBeNull();
    expect(await handler().handle(ctx(operator.userId, { type: 'group', id: groupId }), 'สวัสดีครับ')).toBeNull();
    expect(text(await handler().handle(ctx(officer.userId, { type: 'group', id: groupId }), 'คิวถัดไป A'))).toContain('เฉพาะเจ้าหน้าที่เรียกคิว');
    expect(text(await handler().handle(ctx(newUserId(), { type: 'group', id: groupId }), 'คิวถัดไป A'))).toContain('เฉพาะเจ้าหน้าที่เรียกคิว');
    const skip = queuePostbackHandlers(h.deps).find((p) => p.action === 'queue-skip')!;
    expect(text(await skip.handle(ctx(officer.userId, { type: 'group', id: groupId }), new URLSearchParams('t=civil-registration-20261123-1')))).toContain('เฉพาะเจ้าหน้าที่เรียกคิว');
    expect(await listLog(h.t.rt.db, org.id, 'civil-registration', '2026-11-23')).toEqual([]);
    expect(text(await handler().handle(ctx(operator.userId, { type: 'group', id: groupId }), 'คิวถัดไป Z'))).toContain('ไม่พบบริการ');
  });
});
