import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStaffMember } from '../../functions/src/staff/store.ts';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

/** The members API behind the admin's members page: list, pending invitations, revoking one, removing a role. */
let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
let admin: { userId: string; token: string };
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t);
  admin = await givenStaff(t, org.id, ['admin'], 'ผู้ดูแลคนเดียว');
});
afterAll(async () => t.stop());

const path = (p: string) => `/api/orgs/${org.id}/staff${p}`;
/** The member's staff reference, as the members page has it (the API never names anyone by LINE user id). */
async function refOf(displayName: string): Promise<string> {
  const listed = await api(t, 'GET', path('/members'), { token: admin.token });
  const found = (listed.body.members as Array<{ ref: string; displayName: string }>).find((m) => m.displayName === displayName);
  expect(found, displayName).toBeDefined();
  return found!.ref;
}

describe('members and invitations API', () => {
  it('lists pending invitations without their codes, and a revoked one can no longer be redeemed', async () => {
    const issued = await api(t, 'POST', path('/invites'), { token: admin.token, body: { roles: ['officer'], displayName: 'นิดา' } });
    expect(issued.status).toBe(201);
    const listed = await api(t, 'GET', path('/invites'), { token: admin.token });
    const mine = listed.body.invites.find((i: { id: string }) => i.id === issued.body.id);
    expect(mine).toMatchObject({ displayName: 'นิดา', roles: ['officer'], roleLabels: ['เจ้าหน้าที่รับเรื่อง'] });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.code);

    expect((await api(t, 'POST', path(`/invites/${issued.body.id}/revoke`), { token: admin.token, body: {} })).status).toBe(200);
    const again = await api(t, 'POST', path(`/invites/${issued.body.id}/revoke`), { token: admin.token, body: {} });
    expect(again.status).toBe(404);
    const person = newUserId();
    const redeemed = await api(t, 'POST', path('/invites/accept'), { token: await idTokenFor(t, person), body: { code: issued.body.code } });
    expect(redeemed.status).toBe(409);
    expect(await getStaffMember(t.rt.db, org.id, person)).toBeNull();
    expect((await api(t, 'GET', path('/invites'), { token: admin.token })).body.invites.some((i: { id: string }) => i.id === issued.body.id)).toBe(false);
  });

  it('removes an ordinary role, keeps the others, and never removes the last admin', async () => {
    const both = await givenStaff(t, org.id, ['officer', 'queue_operator'], 'สองบทบาท');
    const bothRef = await refOf('สองบทบาท');
    const removed = await api(t, 'DELETE', path(`/members/${bothRef}/roles/officer`), { token: admin.token });
    expect(removed.status).toBe(200);
    expect(removed.body.member).toMatchObject({ ref: bothRef, roles: ['queue_operator'], active: true });
    expect((await getStaffMember(t.rt.db, org.id, both.userId))?.roles).toEqual(['queue_operator']);
    expect((await api(t, 'DELETE', path(`/members/${bothRef}/roles/officer`), { token: admin.token })).status).toBe(404);

    const adminRef = await refOf('ผู้ดูแลคนเดียว');
    const last = await api(t, 'DELETE', path(`/members/${adminRef}/roles/admin`), { token: admin.token });
    expect(last.status).toBe(409);
    expect(last.body.error).toContain('ผู้ดูแลระบบคนสุดท้าย');
    expect((await getStaffMember(t.rt.db, org.id, admin.userId))?.roles).toEqual(['admin']);

    const members = await api(t, 'GET', path('/members'), { token: admin.token });
    expect(members.body.members.map((m: { displayName: string }) => m.displayName)).toEqual(expect.arrayContaining(['ผู้ดูแลคนเดียว', 'สองบทบาท']));
  });

  it('refuses the integrity role here (it needs a reason, through integrity/), bad ids, and callers who are not admins', async () => {
    const officer = await givenStaff(t, org.id, ['officer'], 'เจ้าหน้าที่รับเรื่องทดสอบ');
    const officerRef = await refOf('เจ้าหน้าที่รับเรื่องทดสอบ');
    const integrity = await api(t, 'DELETE', path(`/members/${officerRef}/roles/integrity_officer`), { token: admin.token });
    expect(integrity.status).toBe(400);
    expect(integrity.body.issues[0].path).toBe('role');
    expect((await api(t, 'DELETE', path('/members/not-a-user/roles/officer'), { token: admin.token })).status).toBe(400);
    // A LINE user id is not a staff reference: refused as malformed, nothing changed.
    const byLineId = await api(t, 'DELETE', path(`/members/${officer.userId}/roles/officer`), { token: admin.token });
    expect(byLineId.status).toBe(400);
    expect(byLineId.body.issues[0].path).toBe('ref');
    // A well-formed reference nobody has: not found.
    expect((await api(t, 'DELETE', path(`/members/${'A'.repeat(22)}/roles/officer`), { token: admin.token })).status).toBe(404);
    expect((await getStaffMember(t.rt.db, org.id, officer.userId))?.roles).toEqual(['officer']);
    expect((await api(t, 'POST', path('/invites/zz/revoke'), { token: admin.token, body: {} })).status).toBe(400);
    expect((await api(t, 'GET', path('/members'), { token: officer.token })).status).toBe(403);
    expect((await api(t, 'GET', path('/invites'), { token: officer.token })).status).toBe(403);
    expect((await api(t, 'DELETE', path(`/members/${officerRef}/roles/officer`), { token: officer.token })).status).toBe(403);
    expect((await api(t, 'GET', path('/invites'))).status).toBe(401);
  });
});
