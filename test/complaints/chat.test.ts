import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleEvent, type BotDeps } from '../../functions/src/bot/dispatcher.ts';
import { complaintPostbackHandlers, complaintTextHandlers } from '../../functions/src/complaints/line.ts';
import { statusPostbackData } from '../../functions/src/complaints/messages.ts';
import { STATUS_LABELS } from '../../functions/src/complaints/workflow.ts';
import type { LineEvent } from '../../functions/src/line/events.ts';
import type { Org } from '../../functions/src/orgs/schema.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { lineEvent, newUserId } from '../support/app.ts';
import { expectLineAccepts } from '../support/lineRules.ts';
import { corruptionBody, generalBody, startComplaintsApp, type ComplaintsApp } from './harness.ts';

let h: ComplaintsApp;
let bot: BotDeps;
beforeAll(async () => {
  h = await startComplaintsApp();
  bot = { db: h.t.rt.db, textHandlers: complaintTextHandlers(h.deps), postbackHandlers: complaintPostbackHandlers(h.deps), liffLocalBase: 'http://liff.test' };
});
afterAll(async () => {
  await h?.stop();
});

const text = (r: { messages: unknown[] }) => JSON.stringify(r.messages);

async function orgOf(id: string): Promise<Org> {
  const org = await getOrg(h.t.rt.db, id);
  if (!org) throw new Error('org');
  return org;
}

/** The real dispatcher, as the webhook processor calls it, with the complaints handlers registered. */
async function press(org: Org, groupId: string, userId: string | undefined, data: string) {
  const source = userId ? { type: 'group' as const, groupId, userId } : { type: 'group' as const, groupId };
  const event = lineEvent(h.t, 'postback', source, { postback: { data } }, false) as unknown as LineEvent;
  return expectLineAccepts(await handleEvent(bot, org, event, h.t.clock.now()));
}

async function sayInGroup(org: Org, groupId: string, userId: string, message: string) {
  const event = lineEvent(h.t, 'message', { type: 'group', groupId, userId }, { message: { id: '1', type: 'text', text: message, quoteToken: 'q' } }, false) as unknown as LineEvent;
  return expectLineAccepts(await handleEvent(bot, org, event, h.t.clock.now()));
}

async function say(org: Org, userId: string, message: string) {
  const event = lineEvent(h.t, 'message', { type: 'user', userId }, { message: { id: '1', type: 'text', text: message, quoteToken: 'q' } }, false) as unknown as LineEvent;
  return expectLineAccepts(await handleEvent(bot, org, event, h.t.clock.now()));
}

describe('staff card buttons (postbacks in the staff group)', () => {
  it('an officer acknowledges from the card; the group is told who did it and the complainant is told', async () => {
    const { org: o, officer, groupId } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const citizen = newUserId();
    const filed = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(citizen), body: generalBody() })).json;
    const r = await press(org, groupId, officer.userId, statusPostbackData(filed.id, 'acknowledged'));
    expect(r.outcome).toBe('postback: complaint-status');
    expect(text(r)).toContain(`${officer.displayName} เปลี่ยนสถานะเรื่อง ${filed.trackingCode} เป็น \\"เจ้าหน้าที่รับเรื่องแล้ว\\"`);
    expect(h.notifier.sent.some((n) => n.to === citizen && n.key === `complaint:${filed.id}:update:2`)).toBe(true);

    // Pressed again (or by a colleague at the same time): nothing changes twice.
    const again = await press(org, groupId, officer.userId, statusPostbackData(filed.id, 'acknowledged'));
    expect(text(again)).toContain('อยู่ในสถานะ');
  });

  it('a mis-tapped close asks for confirmation and a note, and changes nothing until confirmed', async () => {
    const { org: o, officer, groupId } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const citizen = newUserId();
    const filed = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(citizen), body: generalBody() })).json;
    const asked = await press(org, groupId, officer.userId, statusPostbackData(filed.id, 'resolved'));
    const q = JSON.stringify(asked.messages[0]);
    expect(q).toContain('ยืนยันปิดเรื่อง');
    expect(q).toContain('ยกเลิก');
    expect(q).toContain(`"fillInText":"ปิดเรื่อง ${filed.trackingCode} บันทึก: "`);
    const cancel = await press(org, groupId, officer.userId, `action=complaint-cancel&id=${filed.id}`);
    expect(text(cancel)).toContain('ยกเลิกแล้ว');
    let d = await h.call('GET', `/api/orgs/${org.id}/staff/complaints/${filed.id}`, { token: await officer.token() });
    expect(d.json.status).toBe('received');

    // Confirmed without a note: still not closed, the note is asked for again.
    const noNote = await sayInGroup(org, groupId, officer.userId, `ปิดเรื่อง ${filed.trackingCode} บันทึก: `);
    expect(text(noNote)).toContain('ยังไม่ได้ปิดเรื่อง');
    d = await h.call('GET', `/api/orgs/${org.id}/staff/complaints/${filed.id}`, { token: await officer.token() });
    expect(d.json.status).toBe('received');

    const closed = await sayInGroup(org, groupId, officer.userId, `ปิดเรื่อง ${filed.trackingCode.toLowerCase()} บันทึก: เปลี่ยนหลอดไฟแล้ว`);
    expect(closed.outcome).toBe('text: complaint-close-with-note');
    expect(text(closed)).toContain('ดำเนินการแล้วเสร็จ');
    expect(text(closed)).toContain('ย้อนกลับ');
    d = await h.call('GET', `/api/orgs/${org.id}/staff/complaints/${filed.id}`, { token: await officer.token() });
    expect(d.json.status).toBe('resolved');
    expect(d.json.history.at(-1).note).toBe('เปลี่ยนหลอดไฟแล้ว');
    // The complainant's message waits for the undo window to pass.
    // (one minute after the window, so that an undo at its last moment has settled: complaints/undo.ts).
    const msg = h.notifier.sent.find((n) => n.key === `complaint:${filed.id}:update:2`);
    expect(msg?.notBefore?.getTime()).toBe(h.t.clock.now().getTime() + 6 * 60_000);
  });

  it('tells the complainant of each status change in one message: the status name, the note and the buttons in one bubble', async () => {
    const { org: o, officer, groupId } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const citizen = newUserId();
    const filed = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(citizen), body: generalBody() })).json;
    await press(org, groupId, officer.userId, statusPostbackData(filed.id, 'acknowledged'));
    await sayInGroup(org, groupId, officer.userId, `ปิดเรื่อง ${filed.trackingCode} บันทึก: เปลี่ยนหลอดไฟใหม่แล้วเมื่อเช้านี้`);
    const toCitizen = h.notifier.sent.filter((n) => n.to === citizen);
    // No pushed receipt (the form showed it); accepted and resolved reach them.
    expect(toCitizen.map((n) => n.key)).toEqual([2, 3].map((seq) => `complaint:${filed.id}:update:${seq}`));
    for (const n of toCitizen) expect(n.messages).toHaveLength(1);
    const resolved = toCitizen[1]!.messages[0]!;
    expect(resolved.type).toBe('flex');
    const json = JSON.stringify(resolved);
    expect(json).toContain(STATUS_LABELS.resolved);
    expect(json).toContain('เปลี่ยนหลอดไฟใหม่แล้วเมื่อเช้านี้');
    for (const label of ['ดูความคืบหน้า', 'แจ้งยังไม่ได้แก้ไข', 'ประเมินความพึงพอใจ']) expect(json).toContain(label);
    expect(JSON.stringify(toCitizen[0]!.messages)).toContain(STATUS_LABELS.acknowledged);
  });

  it('the person who changed a status can undo it within 5 minutes; the complainant is never told of it', async () => {
    const { org: o, officer, admin, groupId } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const citizen = newUserId();
    const filed = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(citizen), body: generalBody() })).json;
    await sayInGroup(org, groupId, officer.userId, `ปิดเรื่อง ${filed.trackingCode} บันทึก: เก็บขยะเรียบร้อยแล้ว`);
    const undo = `action=complaint-undo&id=${filed.id}&seq=2`;
    expect(text(await press(org, groupId, admin.userId, undo))).toContain(`ย้อนกลับได้เฉพาะ ${officer.displayName}`);
    h.t.clock.advance(4 * 60_000);
    const undone = await press(org, groupId, officer.userId, undo);
    expect(text(undone)).toContain('ย้อนกลับเรื่อง');
    expect(text(undone)).toContain('รับเรื่องเข้าระบบแล้ว');
    expect(h.notifier.sent.some((n) => n.key === `complaint:${filed.id}:update:2`)).toBe(false);
    expect(h.notifier.cancelled.some((n) => n.key === `complaint:${filed.id}:update:2`)).toBe(true);
    const d = await h.call('GET', `/api/orgs/${org.id}/staff/complaints/${filed.id}`, { token: await officer.token() });
    expect(d.json.status).toBe('received');
    expect(d.json.history.map((u: { status: string; undone: boolean }) => [u.status, u.undone])).toEqual([['received', false], ['resolved', true], ['received', false]]);
    const tracked = await h.call('GET', `/api/orgs/${org.id}/complaints/track/${filed.trackingCode}`, { token: await h.token(citizen) });
    expect(tracked.json.history.map((u: { status: string }) => u.status)).toEqual(['received']);
    expect(text(await press(org, groupId, officer.userId, undo))).toContain('ย้อนกลับรายการนี้ไปแล้ว');

    // After the window an undo is refused and the change stands.
    await press(org, groupId, officer.userId, statusPostbackData(filed.id, 'acknowledged'));
    h.t.clock.advance(5 * 60_000 + 1);
    expect(text(await press(org, groupId, officer.userId, `action=complaint-undo&id=${filed.id}&seq=4`))).toContain('เลยเวลาย้อนกลับ');
  });

  it('refuses people without the officer or admin role, and unknown or corruption ids', async () => {
    const { org: o, integrity, queueOperator, groupId, admin } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const filed = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(newUserId()), body: generalBody() })).json;
    for (const who of [newUserId(), integrity.userId, queueOperator.userId]) {
      const r = await press(org, groupId, who, statusPostbackData(filed.id, 'acknowledged'));
      expect(text(r)).toContain('ขออภัย');
    }
    expect(text(await press(org, groupId, undefined, statusPostbackData(filed.id, 'acknowledged')))).toContain('ไม่ทราบว่าใครกด');
    expect(text(await press(org, groupId, admin.userId, `action=complaint-status&id=${filed.id}&to=rejected`))).toContain('ใช้ไม่ได้');
    const corruption = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    expect(text(await press(org, groupId, admin.userId, statusPostbackData(corruption.id, 'acknowledged')))).toContain('ไม่พบเรื่องนี้');
    const d = await h.call('GET', `/api/orgs/${org.id}/staff/complaints/${filed.id}`, { token: await admin.token() });
    expect(d.json.status).toBe('received');
    expect(d.json.history).toHaveLength(1);
  });

  it('keeps postback data within LINE\'s 300 characters', () => {
    expect(statusPostbackData('01KABCDEFGHJKMNPQRSTVWXYZ0', 'in_progress').length).toBeLessThanOrEqual(300);
  });
});

describe('tracking code typed in chat', () => {
  it('shows a general complaint\'s status, without personal data', async () => {
    const { org: o } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const filed = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(newUserId()), body: generalBody() })).json;
    const r = await say(org, newUserId(), `ติดตามเรื่อง ${filed.trackingCode.toLowerCase()} ค่ะ`);
    expect(r.outcome).toBe('text: complaint-tracking-code');
    expect(text(r)).toContain('รับเรื่องเข้าระบบแล้ว');
    expect(text(r)).toContain(filed.trackingCode);
    expect(text(r)).not.toContain('สมชาย');
    expect(text(r)).not.toContain('ไฟถนนดับหน้าบ้าน');
  });

  it('shows a corruption report only to the LINE user who filed it; to anyone else it does not exist', async () => {
    const { org: o } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const owner = newUserId();
    const mine = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { token: await h.token(owner), body: corruptionBody({ contact: { method: 'line' } }) })).json;
    const anon = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    expect(text(await say(org, owner, mine.trackingCode))).toContain('รับเรื่องเข้าระบบแล้ว');
    const stranger = await say(org, newUserId(), mine.trackingCode);
    expect(text(stranger)).toContain('ไม่พบเรื่อง');
    const unknown = await say(org, newUserId(), 'RT-222222');
    expect(text(unknown)).toContain('ไม่พบเรื่อง');
    // The same answer as for a code that does not exist (only the code in the link differs).
    expect(text(stranger).replaceAll(mine.trackingCode, 'CODE')).toBe(text(unknown).replaceAll('RT-222222', 'CODE'));
    expect(text(await say(org, owner, anon.trackingCode))).toContain('ไม่พบเรื่อง');
  });

  it('says a mistyped code is wrong, and leaves other text to the next handler', async () => {
    const { org: o } = await h.givenOrgWithStaff();
    const org = await orgOf(o.id);
    const bad = await say(org, newUserId(), 'RT-0O1I00');
    expect(text(bad)).toContain('รหัสติดตามไม่ถูกต้อง');
    const other = await say(org, newUserId(), 'ไฟถนนดับ');
    expect(other.outcome).not.toBe('text: complaint-tracking-code');
  });
});
