/**
 * Staff pages name people, never their LINE user ids (decision 114). Through the real app over HTTP on the embedded
 * Firestore: the integrity audit trail, the grants and the members list carry display names and opaque staff
 * references; revoking the integrity role and removing a role work by reference; the LINE ids this test made appear
 * in no answer, no LINE message text and no server log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList, GrantList } from '../../functions/src/contracts/integrity.ts';
import type { MembersResponse } from '../../functions/src/contracts/staff.ts';
import { api, givenOrg, grantStaffRoles, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

/** Every LINE user id this file makes: none may reach an answer, a message text or a log line. */
const made: string[] = [];
const lineId = () => {
  const id = newUserId();
  made.push(id);
  return id;
};

async function staff(orgId: string, roles: Parameters<typeof grantStaffRoles>[2]['roles'], displayName: string) {
  const userId = lineId();
  await grantStaffRoles(t, orgId, { userId, roles, displayName });
  return { userId, displayName, token: () => idTokenFor(t, userId) };
}

/** The LINE ids of `ids` that occur in `text`. */
const leaked = (text: string, ids: readonly string[] = made) => ids.filter((id) => text.includes(id));

describe('staff lists without LINE user ids', () => {
  it('the audit trail, the grants and the members list name people and carry references, not LINE ids; acting by reference works', async () => {
    const org = await givenOrg(t);
    const path = (p: string) => `/api/orgs/${org.id}/staff${p}`;
    const a = await staff(org.id, ['integrity_officer'], 'หนึ่ง ศูนย์ฯ');
    const b = await staff(org.id, ['integrity_officer'], 'สอง ศูนย์ฯ');
    const admin = await staff(org.id, ['admin'], 'สมชาย แอดมิน');
    const clerk = await staff(org.id, ['officer', 'queue_operator'], 'สุดา รับเรื่อง');
    const answers: unknown[] = [];
    const keep = <T extends { status: number; body: unknown }>(r: T): T => {
      answers.push(r.body);
      return r;
    };

    // An admin invites someone with the integrity role, and invites themselves: two pending grants.
    const invite = keep(await api(t, 'POST', path('/invites'), { token: await admin.token(), body: { roles: ['integrity_officer'], displayName: 'มานี ผู้ได้รับเชิญ' } }));
    const grantee = lineId();
    const accepted = keep(await api(t, 'POST', path('/invites/accept'), { token: await idTokenFor(t, grantee), body: { code: invite.body.code } }));
    const selfInvite = keep(await api(t, 'POST', path('/invites'), { token: await admin.token(), body: { roles: ['integrity_officer'] } }));
    const selfAccepted = keep(await api(t, 'POST', path('/invites/accept'), { token: await admin.token(), body: { code: selfInvite.body.code } }));

    const grants = keep(await api(t, 'GET', path('/integrity/grants'), { token: await a.token() })).body as GrantList;
    const pending = grants.grants.find((g) => g.id === accepted.body.pendingGrant.id)!;
    const selfGrant = grants.grants.find((g) => g.id === selfAccepted.body.pendingGrant.id)!;
    expect(pending).toMatchObject({ status: 'pending', grantee: { displayName: 'มานี ผู้ได้รับเชิญ' }, requestedBy: { displayName: admin.displayName }, canDecide: true, selfRequested: false });
    // Named as the staff member they already are (the invitation had no name, the LINE token none either).
    expect(selfGrant).toMatchObject({ selfRequested: true, grantee: { displayName: admin.displayName } });
    // The self-request shows as such by reference: requester and grantee are one person.
    expect(selfGrant.grantee.ref).toBe(selfGrant.requestedBy.ref);
    expect(pending.grantee.ref).not.toBe(pending.requestedBy.ref);

    const approved = keep(await api(t, 'POST', path(`/integrity/grants/${pending.id}/approve`), { token: await a.token(), body: { reason: 'ได้รับคำสั่งแต่งตั้งแล้ว' } }));
    expect(approved.status).toBe(200);
    expect(approved.body.grant).toMatchObject({ status: 'approved', decidedBy: { displayName: a.displayName }, canDecide: false });
    const rejected = keep(await api(t, 'POST', path(`/integrity/grants/${selfGrant.id}/reject`), { token: await b.token(), body: { reason: 'ขอแต่งตั้งตนเองไม่ได้' } }));
    expect(rejected.status).toBe(200);

    // A look at a corruption reporter, logged.
    const reporter = lineId();
    const filed = await api(t, 'POST', `/api/orgs/${org.id}/complaints`, {
      token: await idTokenFor(t, reporter),
      body: { kind: 'corruption', category: 'bribery', title: 'เรียกรับเงิน', description: 'เจ้าหน้าที่เรียกเงินเพื่อเร่งใบอนุญาต', contact: { method: 'phone', name: 'ผู้แจ้ง ลับ', phone: '0899999999' }, consent: true },
    });
    expect(filed.status).toBe(201);
    expect((await api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${filed.body.id}/reporter`, { token: await a.token(), body: { reason: 'ต้องโทรสอบถามข้อเท็จจริง' } })).status).toBe(200);

    // The members list: a reference per member, the same person's reference wherever they appear.
    const members = keep(await api(t, 'GET', path('/members'), { token: await admin.token() })).body as MembersResponse;
    const refOf = (name: string) => members.members.find((m) => m.displayName === name)!.ref;
    expect(members.members.map((m) => m.displayName).sort()).toEqual([a.displayName, b.displayName, 'มานี ผู้ได้รับเชิญ', admin.displayName, clerk.displayName].sort());
    expect(new Set(members.members.map((m) => m.ref)).size).toBe(members.members.length);
    for (const m of members.members) expect(m.ref).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(pending.grantee.ref).toBe(refOf('มานี ผู้ได้รับเชิญ'));
    expect(pending.requestedBy.ref).toBe(refOf(admin.displayName));

    // Revoking the new officer and removing the clerk's role, by reference.
    const revoked = keep(await api(t, 'POST', path(`/integrity/officers/${refOf('มานี ผู้ได้รับเชิญ')}/revoke`), { token: await admin.token(), body: { reason: 'ย้ายไปสังกัดอื่น' } }));
    expect(revoked.status).toBe(200);
    expect((await api(t, 'GET', path('/me'), { token: await idTokenFor(t, grantee) })).body.staff).toBeNull();
    const removed = keep(await api(t, 'DELETE', path(`/members/${refOf(clerk.displayName)}/roles/officer`), { token: await admin.token() }));
    expect(removed.status).toBe(200);
    expect(removed.body.member).toMatchObject({ ref: refOf(clerk.displayName), displayName: clerk.displayName, roles: ['queue_operator'] });

    const audit = keep(await api(t, 'GET', path('/integrity/audit'), { token: await a.token() })).body as AuditList;
    const byAction = (action: string) => audit.entries.filter((e) => e.action === action);
    expect(audit.entries.map((e) => e.action)).toEqual([
      'role-revoked', 'reporter-revealed', 'grant-rejected', 'grant-approved', 'grant-requested', 'invite-issued', 'grant-requested', 'invite-issued',
      'grant-by-operator', 'grant-by-operator',
    ]);
    expect(byAction('role-revoked')[0]).toMatchObject({ actor: { type: 'staff', displayName: admin.displayName, ref: refOf(admin.displayName) }, subject: { displayName: 'มานี ผู้ได้รับเชิญ', ref: refOf('มานี ผู้ได้รับเชิญ') } });
    expect(byAction('reporter-revealed')[0]).toMatchObject({ actor: { displayName: a.displayName, ref: refOf(a.displayName) }, subject: null, trackingCode: filed.body.trackingCode });
    expect(byAction('grant-approved')[0]).toMatchObject({ actor: { ref: refOf(a.displayName) }, subject: { ref: refOf('มานี ผู้ได้รับเชิญ') } });
    // The admin's own request: actor and subject are one reference; an invitation not yet redeemed has nobody to name.
    const selfRequest = byAction('grant-requested').find((e) => e.grantId === selfGrant.id)!;
    expect(selfRequest.subject?.ref).toBe(selfRequest.actor.ref);
    expect(byAction('invite-issued').map((e) => e.subject?.ref ?? null)).toEqual([null, null]);
    for (const e of audit.entries) expect(Object.keys(e.actor).sort()).toEqual(['displayName', 'ref', 'type']);

    // Not one LINE id this test made in any answer.
    expect(answers.length).toBeGreaterThan(8);
    expect(leaked(JSON.stringify(answers))).toEqual([]);
    expect(JSON.stringify(answers)).not.toMatch(/U[0-9a-f]{32}/);

    // LINE messages to the officers name people: their text carries no LINE id (the recipient is LINE's `to`).
    await t.rt.idle();
    const sent = t.rt.sandbox!.outbox({ orgId: org.id });
    expect(sent.some((m) => m.to.includes(a.userId) && JSON.stringify(m.messages).includes('มานี ผู้ได้รับเชิญ'))).toBe(true);
    expect(leaked(JSON.stringify(sent.map((m) => m.messages)))).toEqual([]);
  });

  it('refuses a LINE id where a reference belongs, and a reference of someone who is not an officer, logging neither', async () => {
    const org = await givenOrg(t);
    const path = (p: string) => `/api/orgs/${org.id}/staff${p}`;
    const officer = await staff(org.id, ['integrity_officer'], 'วิชัย ศูนย์ฯ');
    const clerk = await staff(org.id, ['officer'], 'สมศรี รับเรื่อง');
    const members = (await api(t, 'GET', path('/members'), { token: await officer.token() }));
    expect(members.status).toBe(403);

    const admin = await staff(org.id, ['admin'], 'สมชาย แอดมิน');
    const listed = (await api(t, 'GET', path('/members'), { token: await admin.token() })).body as MembersResponse;
    const clerkRef = listed.members.find((m) => m.displayName === clerk.displayName)!.ref;

    const byLineId = await api(t, 'POST', path(`/integrity/officers/${officer.userId}/revoke`), { token: await admin.token(), body: { reason: 'ย้ายไปสังกัดอื่น' } });
    expect(byLineId.status).toBe(400);
    expect(byLineId.body.issues[0].path).toBe('ref');
    const notOfficer = await api(t, 'POST', path(`/integrity/officers/${clerkRef}/revoke`), { token: await admin.token(), body: { reason: 'ย้ายไปสังกัดอื่น' } });
    expect(notOfficer.status).toBe(404);
    expect(notOfficer.body.error).toBe('ผู้ใช้นี้ไม่ได้เป็นเจ้าหน้าที่ศูนย์ฯ');
    expect((await api(t, 'GET', path('/me'), { token: await officer.token() })).body.staff.roles).toEqual(['integrity_officer']);
    const audit = (await api(t, 'GET', path('/integrity/audit'), { token: await officer.token() })).body as AuditList;
    expect(audit.entries.filter((e) => e.action === 'role-revoked')).toEqual([]);
  });

  it('one person has a different reference in each organisation', async () => {
    const [one, two] = [await givenOrg(t), await givenOrg(t)];
    const person = lineId();
    const refIn = async (orgId: string) => {
      const admin = await staff(orgId, ['admin'], 'ผู้ดูแล');
      await grantStaffRoles(t, orgId, { userId: person, roles: ['officer'], displayName: 'คนเดียวกัน' });
      const listed = (await api(t, 'GET', `/api/orgs/${orgId}/staff/members`, { token: await admin.token() })).body as MembersResponse;
      return listed.members.find((m) => m.displayName === 'คนเดียวกัน')!.ref;
    };
    const [inOne, inTwo] = [await refIn(one.id), await refIn(two.id)];
    expect(inOne).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(inTwo).not.toBe(inOne);
    // Stable within an organisation: asked again, the same.
    expect(await refIn(one.id)).toBe(inOne);
  });

  it('no LINE id this file made reached a server log line', () => {
    expect(made.length).toBeGreaterThan(10);
    expect(t.logs().length).toBeGreaterThan(0);
    expect(leaked(t.logs())).toEqual([]);
  });
});
