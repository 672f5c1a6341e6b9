import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStaffMember } from '../../functions/src/staff/store.ts';
import { api, givenOrg, givenStaff, idTokenFor, lineEvent, newUserId, postWebhook, startTestApp, webhookBody, type TestApp } from '../support/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
let admin: { userId: string; token: string };
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t);
  admin = await givenStaff(t, org.id, ['admin']);
});
afterAll(async () => t.stop());

describe('staff invitations', () => {
  it('lets an admin invite a person who then becomes staff with the roles, once', async () => {
    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: admin.token, body: { roles: ['officer'], displayName: 'สุดา' } });
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const person = newUserId();
    const accepted = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, person), body: { code: invite.body.code.toLowerCase() } });
    expect(accepted.status).toBe(200);
    expect((await getStaffMember(t.rt.db, org.id, person))?.roles).toEqual(['officer']);
    const me = await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await idTokenFor(t, person) });
    expect(me.body.staff.roles).toEqual(['officer']);

    const someoneElse = newUserId();
    const reused = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, someoneElse), body: { code: invite.body.code } });
    expect(reused.status).toBe(409);
    expect(await getStaffMember(t.rt.db, org.id, someoneElse)).toBeNull();
  });

  it('gives a single winner when two people redeem one code at the same moment', async () => {
    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: admin.token, body: { roles: ['queue_operator'] } });
    const people = Array.from({ length: 8 }, () => newUserId());
    const results = await Promise.all(
      people.map(async (p) => api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, p), body: { code: invite.body.code } })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('refuses invitations from staff who are not admins, and from nobody', async () => {
    const officer = await givenStaff(t, org.id, ['officer']);
    expect((await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: officer.token, body: { roles: ['admin'] } })).status).toBe(403);
    expect((await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { body: { roles: ['admin'] } })).status).toBe(401);
  });

  it('rejects an invitation without roles or with an unknown role, with field messages', async () => {
    const res = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: admin.token, body: { roles: ['mayor'] } });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('roles.0');
  });

  it('rejects an expired invitation', async () => {
    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: admin.token, body: { roles: ['officer'] } });
    t.clock.advance(73 * 3600_000);
    const res = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, newUserId()), body: { code: invite.body.code } });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/หมดอายุ/);
  });
});

describe('staff group registration', () => {
  const groupText = (groupId: string, text: string) =>
    lineEvent(t, 'message', { type: 'group', groupId, userId: admin.userId }, { message: { id: '9', type: 'text', text, quoteToken: 'q' } });

  it('registers a group when the one-time code is typed in it, and only once', async () => {
    // A fresh token: earlier tests moved the shared clock past the first one's expiry.
    const issued = await api(t, 'POST', `/api/orgs/${org.id}/staff/group-codes`, { token: await idTokenFor(t, admin.userId) });
    expect(issued.status).toBe(201);
    const groupId = `C${newUserId().slice(1)}`;
    await postWebhook(t, org.id, webhookBody(groupText(groupId, `ลงทะเบียนกลุ่ม ${issued.body.code}`)), org.channelSecret);
    await t.rt.idle();
    expect(JSON.stringify(t.rt.sandbox!.outbox({ to: groupId }))).toMatch(/เรียบร้อยแล้ว/);
    expect((await t.rt.db.doc(`orgs/${org.id}/groups/${groupId}`).get()).get('staffGroup')).toBe(true);

    const otherGroup = `C${newUserId().slice(1)}`;
    await postWebhook(t, org.id, webhookBody(groupText(otherGroup, `ลงทะเบียนกลุ่ม ${issued.body.code}`)), org.channelSecret);
    await t.rt.idle();
    expect(JSON.stringify(t.rt.sandbox!.outbox({ to: otherGroup }))).toMatch(/ถูกใช้ไปแล้ว/);
    expect((await t.rt.db.doc(`orgs/${org.id}/groups/${otherGroup}`).get()).exists).toBe(false);
  });

  it('tells the group when the code is wrong', async () => {
    const groupId = `C${newUserId().slice(1)}`;
    await postWebhook(t, org.id, webhookBody(groupText(groupId, 'ลงทะเบียนกลุ่ม ABCD-EFGH')), org.channelSecret);
    await t.rt.idle();
    expect(JSON.stringify(t.rt.sandbox!.outbox({ to: groupId }))).toMatch(/รหัสไม่ถูกต้อง/);
  });
});

describe('create-admin CLI', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ['functions/src/cli/create-admin.ts', ...args], { env: { ...process.env, FIRESTORE_EMULATOR_HOST: t.emulator.host, GCLOUD_PROJECT: t.rt.config.projectId } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('makes a LINE user the first admin of an organisation', async () => {
    const user = newUserId();
    const result = await cli(['--org', org.id, '--user', user, '--name', 'ปลัด']);
    expect(result.code).toBe(0);
    expect((await getStaffMember(t.rt.db, org.id, user))?.roles).toContain('admin');
  });

  it('refuses a user id that is not a LINE user id, changing nothing', async () => {
    const result = await cli(['--org', org.id, '--user', 'bob']);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/--user: a LINE user id/);
  });
});
