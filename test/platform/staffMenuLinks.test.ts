import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRichMenu } from '../../functions/src/cli/richmenu.ts';
import { api, givenOrg, givenStaff, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

/**
 * The staff rich menu follows the integrity role too: linked when a second officer approves the grant, unlinked when
 * the role is revoked (the LINE sandbox records per-user links as LINE would).
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t, { liffId: '1234567890-menus' });
  const code = await runRichMenu(['--org', org.id, '--staff'], {
    env: { FIRESTORE_EMULATOR_HOST: t.emulator.host, GCLOUD_PROJECT: t.rt.config.projectId, LINE_API_BASE_URL: t.rt.lineApiBaseUrl },
    out: () => {},
    db: t.rt.db,
    now: t.clock.now(),
  });
  expect(code).toBe(0);
});
afterAll(async () => t.stop());

const labelsOf = (userId: string) => {
  const id = t.rt.sandbox!.userRichMenu(org.id, userId);
  return id ? t.rt.sandbox!.richMenus({ orgId: org.id }).find((m) => m.richMenuId === id)?.menu.areas.map((a) => a.action.label) : null;
};

describe('the staff menu and the integrity role', () => {
  it('is linked when another integrity officer approves the grant, and goes when the role is revoked', async () => {
    const admin = await givenStaff(t, org.id, ['admin']);
    const officer = await givenStaff(t, org.id, ['integrity_officer']);
    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: admin.token, body: { roles: ['integrity_officer'], displayName: 'ผู้ตรวจ' } });
    const person = newUserId();
    const accepted = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, person), body: { code: invite.body.code } });
    expect(accepted.body.pendingGrant).not.toBeNull();
    // Not yet an officer: no staff menu.
    expect(labelsOf(person)).toBeNull();

    const approved = await api(t, 'POST', `/api/orgs/${org.id}/staff/integrity/grants/${accepted.body.pendingGrant.id}/approve`, { token: officer.token, body: {} });
    expect(approved.status).toBe(200);
    expect(labelsOf(person)).toEqual(['หน้าเจ้าหน้าที่', 'เรื่องร้องเรียน']);

    // The admin names the officer by the staff reference the members page shows (never the LINE user id).
    const members = await api(t, 'GET', `/api/orgs/${org.id}/staff/members`, { token: admin.token });
    const ref = (members.body.members as Array<{ ref: string; displayName: string }>).find((m) => m.displayName === 'ผู้ตรวจ')!.ref;
    const revoked = await api(t, 'POST', `/api/orgs/${org.id}/staff/integrity/officers/${ref}/revoke`, { token: admin.token, body: { reason: 'ย้ายไปหน่วยงานอื่น' } });
    expect(revoked.status).toBe(200);
    expect(labelsOf(person)).toBeNull();
  });
});
