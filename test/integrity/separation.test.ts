/**
 * Issue 13, F1: no single account can make itself (or anyone) able to read who reported corruption. Through the real
 * app over HTTP, on the embedded Firestore, with the LINE sandbox recording every push.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as grantCli } from '../../functions/src/cli/grant-integrity-officer.ts';
import { auditHash, listWholeAudit } from '../../functions/src/integrity/store.ts';
import type { AuditEntryView } from '../../functions/src/contracts/integrity.ts';
import { api, givenOrg, grantStaffRoles, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const REPORTER = { name: 'ผู้แจ้งลับ นามสมมุติ', phone: '0899999999' };

async function staff(orgId: string, roles: Parameters<typeof grantStaffRoles>[2]['roles'], displayName: string) {
  const userId = newUserId();
  await grantStaffRoles(t, orgId, { userId, roles, displayName });
  return { userId, displayName, token: () => idTokenFor(t, userId) };
}

async function fileCorruption(orgId: string) {
  const reporter = newUserId();
  const filed = await api(t, 'POST', `/api/orgs/${orgId}/complaints`, {
    token: await idTokenFor(t, reporter),
    body: {
      kind: 'corruption',
      category: 'bribery',
      title: 'ถูกเรียกเงินเพื่อให้ใบอนุญาตเร็วขึ้น',
      description: 'เจ้าหน้าที่กองช่างเรียกเงินสามพันบาทเพื่อเร่งใบอนุญาตก่อสร้าง',
      contact: { method: 'phone', ...REPORTER },
      consent: true,
    },
  });
  expect(filed.status).toBe(201);
  return filed.body.id as string;
}

async function pushesTo(userId: string): Promise<string> {
  await t.rt.idle();
  return JSON.stringify(await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${userId}`)).json());
}

async function audit(orgId: string, token: string): Promise<AuditEntryView[]> {
  const r = await api(t, 'GET', `/api/orgs/${orgId}/staff/integrity/audit`, { token });
  expect(r.status).toBe(200);
  return r.body.entries as AuditEntryView[];
}

describe('separation of duties for the integrity-officer role', () => {
  it('an admin who invites themselves as integrity officer gets a pending grant, not the role, and cannot see the reporter', async () => {
    const org = await givenOrg(t);
    const officer = await staff(org.id, ['integrity_officer'], 'วิชัย ศูนย์ฯ');
    const admin = await staff(org.id, ['admin'], 'สมชาย แอดมิน');
    const id = await fileCorruption(org.id);

    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: await admin.token(), body: { roles: ['integrity_officer'] } });
    expect(invite.status).toBe(201);
    const accepted = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await admin.token(), body: { code: invite.body.code } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.pendingGrant).toMatchObject({ role: 'integrity_officer' });

    // Still not an integrity officer: the case does not exist for them, the reveal is refused, roles unchanged.
    expect((await api(t, 'GET', `/api/orgs/${org.id}/staff/complaints/${id}`, { token: await admin.token() })).status).toBe(404);
    const reveal = await api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${id}/reporter`, { token: await admin.token(), body: { reason: 'อยากรู้ว่าใครแจ้ง' } });
    expect(reveal.status).toBe(403);
    expect(JSON.stringify(reveal.body)).not.toContain(REPORTER.phone);
    const me = await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await admin.token() });
    expect(me.body.staff.roles).toEqual(['admin']);

    // An admin cannot approve (not an integrity officer), and the existing officer was told in LINE.
    const grantId = accepted.body.pendingGrant.id as string;
    expect((await api(t, 'POST', `/api/orgs/${org.id}/staff/integrity/grants/${grantId}/approve`, { token: await admin.token(), body: {} })).status).toBe(403);
    const told = await pushesTo(officer.userId);
    expect(told).toContain('สมชาย แอดมิน');
    expect(told).toContain('ผู้ขอแต่งตั้งตนเอง');

    const entries = await audit(org.id, await officer.token());
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['invite-issued', 'grant-requested']));
  });

  it('a grant is approved only by another integrity officer, never by the requester or the grantee; officers are told', async () => {
    const org = await givenOrg(t);
    const first = await staff(org.id, ['integrity_officer'], 'หนึ่ง ศูนย์ฯ');
    // An admin who is also an integrity officer requests a grant for a new person.
    const adminOfficer = await staff(org.id, ['admin', 'integrity_officer'], 'สอง แอดมินและศูนย์ฯ');
    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: await adminOfficer.token(), body: { roles: ['integrity_officer', 'officer'], displayName: 'สาม ผู้ได้รับเชิญ' } });
    const grantee = newUserId();
    const accepted = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, grantee), body: { code: invite.body.code } });
    expect(accepted.body.staff.roles).toEqual(['officer']);
    const grantId = accepted.body.pendingGrant.id as string;

    const approve = (token: string) => api(t, 'POST', `/api/orgs/${org.id}/staff/integrity/grants/${grantId}/approve`, { token, body: {} });
    expect((await approve(await adminOfficer.token())).status).toBe(403); // the requester
    expect((await approve(await idTokenFor(t, grantee))).status).toBe(403); // the grantee (not an officer yet)
    const list = await api(t, 'GET', `/api/orgs/${org.id}/staff/integrity/grants`, { token: await first.token() });
    expect(list.body.grants.find((g: { id: string }) => g.id === grantId)).toMatchObject({ status: 'pending', canDecide: true });

    const ok = await approve(await first.token());
    expect(ok.status).toBe(200);
    expect(ok.body.grant).toMatchObject({ status: 'approved' });
    // Pressed again by the same officer: the same answer, nothing decided or logged again.
    const again = await approve(await first.token());
    expect(again.status).toBe(200);
    expect(again.body.grant).toEqual(ok.body.grant);
    const me = await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await idTokenFor(t, grantee) });
    expect(me.body.staff.roles.sort()).toEqual(['integrity_officer', 'officer']);

    // Both existing officers heard of the request and of the grant.
    for (const o of [first, adminOfficer]) {
      const pushes = await pushesTo(o.userId);
      expect(pushes).toContain('มีคำขอแต่งตั้ง');
      expect(pushes).toContain('ได้รับการแต่งตั้งเป็นเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตแล้ว');
    }
    const actions = (await audit(org.id, await first.token())).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['grant-approved', 'grant-requested', 'invite-issued']);
  });

  it('reporter identity is an explicit, logged request with a reason; the case details never carry it', async () => {
    const org = await givenOrg(t);
    const officer = await staff(org.id, ['integrity_officer'], 'วิชัย ศูนย์ฯ');
    const id = await fileCorruption(org.id);

    const detail = await api(t, 'GET', `/api/orgs/${org.id}/staff/complaints/${id}`, { token: await officer.token() });
    expect(detail.status).toBe(200);
    expect(detail.body.reporter).toMatchObject({ concealed: true, anonymous: false });
    expect(JSON.stringify(detail.body)).not.toContain(REPORTER.phone);
    expect(JSON.stringify(detail.body)).not.toContain(REPORTER.name);

    const before = (await audit(org.id, await officer.token())).length;
    const noReason = await api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${id}/reporter`, { token: await officer.token(), body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues[0].path).toBe('reason');
    expect((await audit(org.id, await officer.token())).length).toBe(before);

    const revealed = await api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${id}/reporter`, { token: await officer.token(), body: { reason: 'ต้องโทรสอบถามข้อเท็จจริงเพิ่มเติม' } });
    expect(revealed.status).toBe(200);
    expect(revealed.body.reporter).toMatchObject({ name: REPORTER.name, phone: REPORTER.phone });
    const [last] = await audit(org.id, await officer.token());
    expect(last).toMatchObject({ action: 'reporter-revealed', complaintId: id, reason: 'ต้องโทรสอบถามข้อเท็จจริงเพิ่มเติม', actor: { type: 'staff', displayName: officer.displayName } });
    expect(JSON.stringify(last)).not.toContain(REPORTER.phone);
    expect(JSON.stringify(last)).not.toContain(officer.userId);
  });

  it('the audit log is for integrity officers only, chained by hash, and has no way to change or delete it', async () => {
    const org = await givenOrg(t);
    const officer = await staff(org.id, ['integrity_officer'], 'วิชัย ศูนย์ฯ');
    const admin = await staff(org.id, ['admin', 'officer', 'queue_operator'], 'สมชาย แอดมิน');
    await fileCorruption(org.id);
    for (const who of [admin]) expect((await api(t, 'GET', `/api/orgs/${org.id}/staff/integrity/audit`, { token: await who.token() })).status).toBe(403);
    for (const method of ['DELETE', 'PUT', 'PATCH']) {
      const r = await api(t, method, `/api/orgs/${org.id}/staff/integrity/audit`, { token: await officer.token(), body: {} });
      expect(r.status).toBe(404);
    }
    const entries = (await audit(org.id, await officer.token())).reverse();
    expect(entries.length).toBeGreaterThan(0);
    // The stored entries (with the LINE user ids the API never shows) hash to the chain the officers read.
    const stored = await listWholeAudit(t.rt.db, org.id);
    expect(stored.map((e) => e.seq)).toEqual(entries.map((e) => e.seq));
    entries.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      const { hash, ...rest } = stored[i]!;
      expect(auditHash(rest)).toBe(hash);
      expect(e.hash).toBe(hash);
      if (i > 0) expect(e.prevHash).toBe(entries[i - 1]!.hash);
    });
  });

  it('concurrent reveals each get their own entry: numbers 1..n without gaps, one unbroken chain', async () => {
    const org = await givenOrg(t);
    const officers = await Promise.all([0, 1, 2].map((i) => staff(org.id, ['integrity_officer'], `เจ้าหน้าที่ศูนย์ฯ ${i}`)));
    const id = await fileCorruption(org.id);
    const tokens = await Promise.all(officers.map((o) => o.token()));
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) =>
      api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${id}/reporter`, { token: tokens[i % 3]!, body: { reason: `ตรวจสอบครั้งที่ ${i + 1} เพื่อสอบข้อเท็จจริง` } })));
    expect(answers.map((a) => a.status)).toEqual(Array(24).fill(200));
    const entries = (await audit(org.id, tokens[0]!)).reverse();
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.filter((e) => e.action === 'reporter-revealed')).toHaveLength(24);
    expect(new Set(answers.map((a) => a.body.auditSeq)).size).toBe(24);
    entries.forEach((e, i) => { if (i > 0) expect(e.prevHash).toBe(entries[i - 1]!.hash); });
  });

  it('an approval that stopped after claiming its decision is finished by the same officer, once; others still get 409', async () => {
    const org = await givenOrg(t);
    const a = await staff(org.id, ['integrity_officer'], 'หนึ่ง ศูนย์ฯ');
    const b = await staff(org.id, ['integrity_officer'], 'สอง ศูนย์ฯ');
    const admin = await staff(org.id, ['admin'], 'สมชาย แอดมิน');
    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: await admin.token(), body: { roles: ['integrity_officer'] } });
    const grantee = newUserId();
    const accepted = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, grantee), body: { code: invite.body.code } });
    const grantId = accepted.body.pendingGrant.id as string;
    // The crash: the decision was claimed by officer a, nothing else happened.
    await t.rt.db.collection('orgs').doc(org.id).collection('integrityGrants').doc(grantId).collection('decision').doc('only')
      .create({ status: 'approved', by: a.userId, at: t.clock.now().toISOString() });
    const approve = (token: string) => api(t, 'POST', `/api/orgs/${org.id}/staff/integrity/grants/${grantId}/approve`, { token, body: {} });
    expect((await approve(await b.token())).status).toBe(409);
    const finished = await approve(await a.token());
    expect(finished.status).toBe(200);
    expect((await approve(await a.token())).body.grant).toEqual(finished.body.grant);
    expect((await approve(await b.token())).status).toBe(409);
    expect((await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await idTokenFor(t, grantee) })).body.staff.roles).toEqual(['integrity_officer']);
    const approvals = (await audit(org.id, await a.token())).filter((e) => e.action === 'grant-approved');
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ grantId, actor: { displayName: a.displayName } });
  });

  it('revoking the role is logged and told; a later ordinary invitation does not bring it back', async () => {
    const org = await givenOrg(t);
    const a = await staff(org.id, ['integrity_officer'], 'หนึ่ง ศูนย์ฯ');
    const b = await staff(org.id, ['integrity_officer'], 'สอง ศูนย์ฯ');
    const admin = await staff(org.id, ['admin'], 'สมชาย แอดมิน');
    // The admin names the officer by the staff reference the members page shows, not by LINE user id.
    const members = await api(t, 'GET', `/api/orgs/${org.id}/staff/members`, { token: await admin.token() });
    const ref = (members.body.members as Array<{ ref: string; displayName: string }>).find((m) => m.displayName === b.displayName)!.ref;
    const revoke = await api(t, 'POST', `/api/orgs/${org.id}/staff/integrity/officers/${ref}/revoke`, { token: await admin.token(), body: { reason: 'ย้ายไปสังกัดอื่น' } });
    expect(revoke.status).toBe(200);
    expect((await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await b.token() })).body.staff).toBeNull();
    const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: await admin.token(), body: { roles: ['officer'] } });
    await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await b.token(), body: { code: invite.body.code } });
    expect((await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await b.token() })).body.staff.roles).toEqual(['officer']);
    expect(await pushesTo(a.userId)).toContain('ถูกถอนจากบทบาท');
    expect((await audit(org.id, await a.token()))[0]).toMatchObject({ action: 'role-revoked', subject: { displayName: b.displayName, ref }, reason: 'ย้ายไปสังกัดอื่น' });
  });

  it('the operator CLI makes the first officer; with officers present it needs a reason, and they are told', async () => {
    const org = await givenOrg(t);
    process.env.FIRESTORE_EMULATOR_HOST = t.proxy.host;
    process.env.GCLOUD_PROJECT = t.rt.config.projectId;
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    const first = newUserId();
    expect(await grantCli(['--org', org.id, '--user', first, '--name', 'หนึ่ง ศูนย์ฯ'], out)).toBe(0);
    const second = newUserId();
    expect(await grantCli(['--org', org.id, '--user', second, '--name', 'สอง ศูนย์ฯ'], out)).toBe(2);
    expect(lines.join('\n')).toContain('--reason');
    expect(await grantCli(['--org', org.id, '--user', second, '--name', 'สอง ศูนย์ฯ', '--reason', 'เจ้าหน้าที่คนเดิมลาคลอด ต้องมีผู้รับเรื่องแทน'], out)).toBe(0);
    const entries = await audit(org.id, await idTokenFor(t, first));
    expect(entries.filter((e) => e.action === 'grant-by-operator').map((e) => e.subject?.displayName)).toEqual(['สอง ศูนย์ฯ', 'หนึ่ง ศูนย์ฯ']);
    // The outbox holds the message to the first officer (the running server's sweep delivers it).
    const queued = await t.rt.db.collection('outbox').where('orgId', '==', org.id).where('to', '==', first).get();
    expect(queued.docs.map((d) => String(d.get('messages'))).join('\n')).toContain('สอง ศูนย์ฯ');
  });
  describe('a double tap on approve or reject', () => {
    async function pendingGrant() {
      const org = await givenOrg(t);
      const a = await staff(org.id, ['integrity_officer'], 'หนึ่ง ศูนย์ฯ');
      const b = await staff(org.id, ['integrity_officer'], 'สอง ศูนย์ฯ');
      const admin = await staff(org.id, ['admin'], 'สมชาย แอดมิน');
      const ask = async () => {
        const invite = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites`, { token: await admin.token(), body: { roles: ['integrity_officer'] } });
        const grantee = newUserId();
        const accepted = await api(t, 'POST', `/api/orgs/${org.id}/staff/invites/accept`, { token: await idTokenFor(t, grantee), body: { code: invite.body.code } });
        return { grantee, grantId: accepted.body.pendingGrant.id as string };
      };
      return { org, a, b, ask };
    }
    const decide = (orgId: string, grantId: string, verb: 'approve' | 'reject', token: string, body: unknown = {}) =>
      api(t, 'POST', `/api/orgs/${orgId}/staff/integrity/grants/${grantId}/${verb}`, { token, body });
    const times = (haystack: string, needle: string) => haystack.split(needle).length - 1;

    it('two concurrent approvals by the same officer log one entry, tell each officer once, and answer alike', async () => {
      const { org, a, b, ask } = await pendingGrant();
      const { grantee, grantId } = await ask();
      const token = await a.token();
      const [x, y, z] = await Promise.all([decide(org.id, grantId, 'approve', token), decide(org.id, grantId, 'approve', token), decide(org.id, grantId, 'approve', token)]);
      expect([x.status, y.status, z.status]).toEqual([200, 200, 200]);
      expect(y.body.grant).toEqual(x.body.grant);
      expect(z.body.grant).toEqual(x.body.grant);
      expect(x.body.grant).toMatchObject({ status: 'approved', decidedBy: { displayName: a.displayName } });
      const entries = await audit(org.id, token);
      expect(entries.filter((e) => e.action === 'grant-approved' && e.grantId === grantId)).toHaveLength(1);
      entries.forEach((e, i) => { if (i + 1 < entries.length) expect(e.prevHash).toBe(entries[i + 1]!.hash); });
      expect(times(await pushesTo(b.userId), 'ได้รับการแต่งตั้งเป็นเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตแล้ว')).toBe(1);
      expect((await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await idTokenFor(t, grantee) })).body.staff.roles).toEqual(['integrity_officer']);

      // A later, deliberate decision on another grant is its own decision, logged.
      const next = await ask();
      const later = await decide(org.id, next.grantId, 'approve', token);
      expect(later.status).toBe(200);
      expect((await audit(org.id, token)).filter((e) => e.action === 'grant-approved').map((e) => e.grantId)).toEqual([next.grantId, grantId]);
    });

    it('two concurrent rejections by the same officer log one entry with the first reason; the other officer cannot overturn it', async () => {
      const { org, a, b, ask } = await pendingGrant();
      const { grantee, grantId } = await ask();
      const token = await a.token();
      const [x, y] = await Promise.all([decide(org.id, grantId, 'reject', token, { reason: 'ไม่ได้ผ่านการตรวจสอบ' }), decide(org.id, grantId, 'reject', token, { reason: 'ไม่ได้ผ่านการตรวจสอบ' })]);
      expect([x.status, y.status]).toEqual([200, 200]);
      expect(y.body.grant).toEqual(x.body.grant);
      expect(x.body.grant).toMatchObject({ status: 'rejected', reason: 'ไม่ได้ผ่านการตรวจสอบ' });
      const rejections = (await audit(org.id, token)).filter((e) => e.action === 'grant-rejected');
      expect(rejections).toHaveLength(1);
      expect(rejections[0]).toMatchObject({ grantId, reason: 'ไม่ได้ผ่านการตรวจสอบ', actor: { displayName: a.displayName } });
      // The same officer changing their mind, or the other officer, is refused: one decision.
      expect((await decide(org.id, grantId, 'approve', token)).status).toBe(409);
      expect((await decide(org.id, grantId, 'reject', await b.token())).status).toBe(409);
      expect((await api(t, 'GET', `/api/orgs/${org.id}/staff/me`, { token: await idTokenFor(t, grantee) })).body.staff).toBeNull();
    });
  });
});
