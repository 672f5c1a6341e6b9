/**
 * Issue 13, F2: text attached to a corruption case (the reporter's rating comment, its low-score alert) follows the
 * case's access rule everywhere: only integrity officers. Through the real app over HTTP, real complaints and ratings
 * features, embedded Firestore, LINE sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { api, givenOrg, grantStaffRoles, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const SECRET_COMMENT = 'ผมคือคนที่เห็นปลัดรับซองที่ร้านกาแฟหน้าอำเภอ โทรหาผมได้ที่เบอร์เดิม';
const GENERAL_COMMENT = 'ไฟถนนซ่อมเร็วดีมาก ขอบคุณค่ะ';
const scores = (n: number) => ({ process: n, staff: n, facilities: n, quality: n, overall: n });

async function staff(orgId: string, roles: Parameters<typeof grantStaffRoles>[2]['roles']) {
  const userId = newUserId();
  await grantStaffRoles(t, orgId, { userId, roles, displayName: `เจ้าหน้าที่ ${roles.join('+')}` });
  return { userId, token: () => idTokenFor(t, userId) };
}

async function fileResolveAndRate(orgId: string, kind: 'general' | 'corruption', handler: { token: () => Promise<string> }, comment: string, score: number) {
  const reporter = newUserId();
  const token = await idTokenFor(t, reporter);
  const body = kind === 'corruption'
    ? { kind, category: 'bribery', title: 'เรียกรับเงินใต้โต๊ะ', description: 'เจ้าหน้าที่เรียกเงินเพื่อเร่งใบอนุญาตก่อสร้าง', consent: true }
    : { kind, category: 'street-light', title: 'ไฟถนนดับ', description: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามวันแล้ว', consent: true };
  const filed = await api(t, 'POST', `/api/orgs/${orgId}/complaints`, { token, body });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  const done = await api(t, 'POST', `/api/orgs/${orgId}/staff/complaints/${id}/status`, { token: await handler.token(), body: { to: 'resolved', note: 'ดำเนินการตรวจสอบแล้ว' } });
  expect(done.status).toBe(200);
  const rated = await api(t, 'POST', `/api/orgs/${orgId}/ratings`, { token, body: { complaintId: id, scores: scores(score), comment } });
  expect(rated.status).toBe(201);
  return id;
}

describe('text attached to a corruption case follows the case', () => {
  it('a corruption reporter\'s rating comment reaches integrity officers only; a general one stays with staff', async () => {
    const org = await givenOrg(t);
    const integrity = await staff(org.id, ['integrity_officer']);
    const officer = await staff(org.id, ['officer']);
    const admin = await staff(org.id, ['admin']);
    const queue = await staff(org.id, ['queue_operator']);
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, admin.userId, t.clock.now());

    const corruptionId = await fileResolveAndRate(org.id, 'corruption', integrity, SECRET_COMMENT, 1);
    await fileResolveAndRate(org.id, 'general', officer, GENERAL_COMMENT, 5);

    for (const who of [officer, admin, queue]) {
      const list = await api(t, 'GET', `/api/orgs/${org.id}/staff/ratings/comments`, { token: await who.token() });
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(SECRET_COMMENT);
      expect(JSON.stringify(list.body)).toContain(GENERAL_COMMENT);
    }

    // The low-score alert: not to the staff group; a content-free notice to the integrity officer.
    await t.rt.idle();
    const outbox = async (to: string) => JSON.stringify(await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${to}`)).json());
    const group = await outbox(groupId);
    expect(group).not.toContain(SECRET_COMMENT);
    expect(group).not.toContain('การจัดการเรื่องร้องเรียน/ร้องทุกข์');
    const notice = await outbox(integrity.userId);
    expect(notice).toContain('ผลประเมินความพึงพอใจต่ำของการจัดการเรื่องแจ้งเบาะแส');
    expect(notice).not.toContain(SECRET_COMMENT);

    // The integrity officer reads the rating with the case.
    const detail = await api(t, 'GET', `/api/orgs/${org.id}/staff/complaints/${corruptionId}`, { token: await integrity.token() });
    expect(detail.body.rating).toMatchObject({ comment: SECRET_COMMENT, scores: scores(1) });
  });

  it('a corruption case\'s comment stored among ordinary comments (before this rule) is still left out of staff listings', async () => {
    const org = await givenOrg(t);
    const integrity = await staff(org.id, ['integrity_officer']);
    const admin = await staff(org.id, ['admin']);
    const id = await fileResolveAndRate(org.id, 'corruption', integrity, 'ไม่มีอะไรเพิ่มเติม', 4);
    // As the old code stored it: in ratingComments with the rest.
    await t.rt.db.collection('orgs').doc(org.id).collection('ratingComments').doc(`complaint:${id}`).set({
      ratingId: `complaint:${id}`, serviceId: 'complaint-process', serviceTitle: 'การจัดการเรื่องร้องเรียน/ร้องทุกข์', source: 'complaint', scores: scores(4), comment: SECRET_COMMENT, createdAt: t.clock.now().toISOString(),
    });
    const list = await api(t, 'GET', `/api/orgs/${org.id}/staff/ratings/comments`, { token: await admin.token() });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(SECRET_COMMENT);
  });
});
