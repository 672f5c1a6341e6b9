import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintRatingContext } from '../../functions/src/complaints/service.ts';
import { getPhoto } from '../../functions/src/complaints/store.ts';
import { newUserId } from '../support/app.ts';
import { AUD, corruptionBody, dataUrl, generalBody, jpegWithExif, LIFF_BASE, startComplaintsApp, type ComplaintsApp } from './harness.ts';

let h: ComplaintsApp;
beforeAll(async () => {
  h = await startComplaintsApp();
});
afterAll(async () => {
  await h?.stop();
});

const path = (orgId: string, rest = '') => `/api/orgs/${orgId}/complaints${rest}`;
const staffPath = (orgId: string, rest = '') => `/api/orgs/${orgId}/staff/complaints${rest}`;

describe('categories', () => {
  it('lists the default categories of both kinds, publicly', async () => {
    const { org } = await h.givenOrgWithStaff();
    const res = await h.call('GET', path(org.id, '/categories'));
    expect(res.status).toBe(200);
    expect(res.json).toContainEqual({ id: 'street-light', title: 'ไฟฟ้าส่องสว่าง', kind: 'general' });
    expect(res.json).toContainEqual({ id: 'other', title: 'อื่น ๆ', kind: 'general' });
    expect(res.json.filter((c: { kind: string }) => c.kind === 'general')).toHaveLength(9);
    expect(res.json.some((c: { kind: string }) => c.kind === 'corruption')).toBe(true);
    expect((await h.call('GET', path('no-such-org', '/categories'))).status).toBe(404);
  });
});

describe('configuring categories', () => {
  it('lets an admin replace them; filing then uses the new list; others get 403', async () => {
    const { org, admin, officer } = await h.givenOrgWithStaff();
    const body = { categories: [
      { id: 'market', title: 'ตลาดสด', kind: 'general', order: 1 },
      { id: 'road', title: 'ถนนและสะพาน', kind: 'general', order: 2 },
      { id: 'bribery', title: 'เรียกรับสินบน', kind: 'corruption', order: 3 },
    ] };
    expect((await h.call('PUT', staffPath(org.id, '/categories'), { token: await officer.token(), body })).status).toBe(403);
    const bad = await h.call('PUT', staffPath(org.id, '/categories'), { token: await admin.token(), body: { categories: [{ id: 'x', title: 'x', kind: 'general' }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('categories');
    const ok = await h.call('PUT', staffPath(org.id, '/categories'), { token: await admin.token(), body });
    expect(ok.status).toBe(200);
    expect(ok.json.map((c: { id: string }) => c.id)).toEqual(['market', 'road', 'bribery']);
    const listed = await h.call('GET', path(org.id, '/categories'));
    expect(listed.json).toEqual(ok.json);
    const token = await h.token(newUserId());
    expect((await h.call('POST', path(org.id), { token, body: generalBody() })).status).toBe(400); // street-light is gone
    expect((await h.call('POST', path(org.id), { token, body: generalBody({ category: 'market' }) })).status).toBe(201);
  });
});

describe('filing a general complaint', () => {
  it('answers 201 with a tracking code and due date, stores it, posts the staff card; the answer is the receipt (no push)', async () => {
    const { org, groupId } = await h.givenOrgWithStaff();
    const citizen = newUserId();
    const photo = dataUrl('image/jpeg', jpegWithExif());
    const res = await h.call('POST', path(org.id), { token: await h.token(citizen, { name: 'สมชาย LINE' }), body: generalBody({ photos: [photo, { contentType: 'image/jpeg', data: jpegWithExif().toString('base64') }] }) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ kind: 'general', status: 'received', category: 'street-light', anonymous: false, contactPreference: 'line' });
    expect(res.json.trackingCode).toMatch(/^RT-[2-9A-HJ-NP-Z]{6}$/);
    expect(res.json.trackingSecret).toBeUndefined();
    // Filed 22 Nov 10:00 Bangkok: due at the end of 7 Dec, Bangkok.
    expect(res.json.dueAt).toBe('2026-12-07T16:59:59.999Z');

    const stored = await h.countStored(org.id);
    expect(stored).toMatchObject({ complaints: 1, tracking: 1, reporters: 1, photos: 2 });
    const photoDoc = await getPhoto(h.t.rt.db, org.id, res.json.id, 1);
    expect(photoDoc?.bytes.includes('GPS-SECRET')).toBe(false);

    const card = h.notifier.sent.find((n) => n.to === groupId && n.key.includes(res.json.id));
    expect(card?.topic).toBe('complaint.new');
    const cardJson = JSON.stringify(card?.messages);
    expect(cardJson).toContain(`action=complaint-status&id=${res.json.id}&to=acknowledged`);
    expect(cardJson).toContain('to=in_progress');
    expect(cardJson).toContain('to=resolved');
    expect(cardJson).toContain(res.json.trackingCode);
    expect(cardJson).not.toContain('สมชาย');
    expect(cardJson).not.toContain('081');
    expect(cardJson).not.toContain(citizen);
    for (const m of card?.messages ?? []) if (m.type === 'flex') expect(m.altText.length).toBeLessThanOrEqual(1500);
    expect(JSON.stringify(card?.messages).length).toBeLessThan(30_000);

    // The form's answer (tracking code, due date) is the receipt: pushing it too would cost a message of the quota.
    expect(h.notifier.sent.filter((n) => n.to === citizen)).toEqual([]);
  });

  it('pushes the receipt and every change to a complainant who asked for every update', async () => {
    const { org, officer } = await h.givenOrgWithStaff();
    const citizen = newUserId();
    const res = await h.call('POST', path(org.id), { token: await h.token(citizen), body: generalBody({ updates: 'all' }) });
    expect(res.status).toBe(201);
    const receipt = h.notifier.sent.find((n) => n.to === citizen);
    expect(receipt?.key).toBe(`complaint:${res.json.id}:update:1`);
    expect(JSON.stringify(receipt?.messages)).toContain(res.json.trackingCode);
    expect(JSON.stringify(receipt?.messages)).toContain(`${LIFF_BASE}/liff/${org.id}/complaints/track?code=${res.json.trackingCode}`);
    const status = async (body: unknown) => h.call('POST', `/api/orgs/${org.id}/staff/complaints/${res.json.id}/status`, { token: await officer.token(), body });
    expect((await status({ to: 'in_progress' })).status).toBe(200);
    expect((await status({ to: 'in_progress', note: 'สั่งหลอดไฟแล้ว รอของสองวัน' })).status).toBe(200);
    expect(h.notifier.sent.filter((n) => n.to === citizen).map((n) => n.key)).toEqual([1, 2, 3].map((s) => `complaint:${res.json.id}:update:${s}`));
    expect((await h.call('POST', path(org.id), { token: await h.token(citizen), body: generalBody({ updates: 'some' }) })).status).toBe(400);
  });

  it('needs a LINE login (401) and refuses forged, expired and wrong-audience tokens', async () => {
    const { org } = await h.givenOrgWithStaff();
    const user = newUserId();
    expect((await h.call('POST', path(org.id), { body: generalBody() })).status).toBe(401);
    const expired = await h.t.rt.issuer!.sign({ sub: user, aud: AUD, now: new Date(h.t.clock.now().getTime() - 2 * 3600_000), expiresInSeconds: 3600 });
    const wrongAud = await h.token(user, { aud: '999999' });
    const { privateKey } = await generateKeyPair('ES256');
    const kid = (h.t.rt.issuer!.jwks().keys[0] as { kid: string }).kid;
    const nowS = Math.floor(h.t.clock.now().getTime() / 1000);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid }).setIssuer(h.t.rt.issuer!.issuer).setSubject(user).setAudience(AUD).setIssuedAt(nowS).setExpirationTime(nowS + 600).sign(privateKey);
    for (const token of [expired, wrongAud, forged, 'garbage']) {
      const res = await h.call('POST', path(org.id), { token, body: generalBody() });
      expect(res.status).toBe(401);
      expect(res.json.error).toBeTruthy();
    }
    // Even a corruption report, which may come without a token, is refused with a bad one.
    expect((await h.call('POST', path(org.id), { token: forged, body: corruptionBody() })).status).toBe(401);
    expect((await h.call('GET', path(org.id, '/mine'), { token: expired })).status).toBe(401);
    expect(await h.countStored(org.id)).toEqual({ complaints: 0, tracking: 0, reporters: 0, photos: 0 });
  });

  it.each([
    ['not an object', [1, 2], ''],
    ['unknown kind', { kind: 'other' }, 'kind'],
    ['missing title', generalBody({ title: undefined }), 'title'],
    ['title too short', generalBody({ title: 'ab' }), 'title'],
    ['description too long', generalBody({ description: 'ก'.repeat(4001) }), 'description'],
    ['unknown category', generalBody({ category: 'spaceships' }), 'category'],
    ['a corruption category in a general complaint', generalBody({ category: 'bribery' }), 'category'],
    ['no consent with personal data', generalBody({ consent: false }), 'consent'],
    ['latitude without longitude', generalBody({ place: { lat: 16.7 } }), 'place.lng'],
    ['latitude out of range', generalBody({ place: { lat: 123, lng: 98 } }), 'place.lat'],
    ['an empty place', generalBody({ place: {} }), 'place'],
    ['four photos', generalBody({ photos: ['a', 'b', 'c', 'd'] }), 'photos'],
    ['a GIF', generalBody({ photos: ['data:image/gif;base64,R0lGODlhAQABAAAAACw='] }), 'photos.0'],
    ['a PNG that is really a JPEG', generalBody({ photos: [dataUrl('image/png', jpegWithExif())] }), 'photos.0'],
    ['a bad phone number', generalBody({ contact: { method: 'phone', phone: '12345' } }), 'contact.phone'],
    ['phone contact without a number', generalBody({ contact: { method: 'phone' } }), 'contact.phone'],
    ['anonymous general complaint', generalBody({ anonymous: true, contact: undefined }), 'anonymous'],
    ['an unknown field', generalBody({ userId: 'Uforged' }), ''],
  ])('refuses %s with 400 and a field message, storing nothing', async (_what, body, field) => {
    const { org } = await h.givenOrgWithStaff();
    const before = h.notifier.sent.length;
    const res = await h.call('POST', path(org.id), { token: await h.token(newUserId()), body });
    expect(res.status).toBe(400);
    expect(res.json.error).toBeTruthy();
    expect(res.json.issues.length).toBeGreaterThan(0);
    expect(res.json.issues.some((i: { path: string; message: string }) => i.path === field && /[\u0E00-\u0E7F]/.test(i.message))).toBe(true);
    expect(await h.countStored(org.id)).toEqual({ complaints: 0, tracking: 0, reporters: 0, photos: 0 });
    expect(h.notifier.sent.length).toBe(before);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const { org } = await h.givenOrgWithStaff();
    const res = await h.call('POST', path(org.id), { token: await h.token(newUserId()), raw: '{"kind":' });
    expect(res.status).toBe(400);
    expect(await h.countStored(org.id)).toEqual({ complaints: 0, tracking: 0, reporters: 0, photos: 0 });
  });

  it('accepts Thai digits in the phone number', async () => {
    const { org } = await h.givenOrgWithStaff();
    const res = await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: generalBody({ contact: { method: 'phone', phone: '๐๘๑-๒๓๔-๕๖๗๘' } }) });
    expect(res.status).toBe(201);
    expect(res.json.contactPreference).toBe('phone');
  });
});

describe('filing a corruption report', () => {
  it('without a token is anonymous, returns a secret, and tells integrity officers only that one arrived', async () => {
    const { org, integrity, groupId } = await h.givenOrgWithStaff();
    const res = await h.call('POST', path(org.id), { body: corruptionBody({ anonymous: true, contact: { method: 'none' } }) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ kind: 'corruption', anonymous: true, status: 'received' });
    expect(res.json.trackingSecret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await h.countStored(org.id)).toMatchObject({ complaints: 1, reporters: 0 });
    expect(h.notifier.sent.some((n) => n.to === groupId)).toBe(false);
    const notice = h.notifier.sent.find((n) => n.to === integrity.userId && n.key.includes(res.json.id));
    expect(notice).toBeDefined();
    const text = JSON.stringify(notice?.messages);
    expect(text).not.toContain('สามพันบาท');
    expect(text).not.toContain(res.json.trackingCode);
    expect(text).not.toContain('กองช่าง');
  });

  it('refuses contact details with anonymity, and personal data without consent', async () => {
    const { org } = await h.givenOrgWithStaff();
    const a = await h.call('POST', path(org.id), { body: corruptionBody({ anonymous: true }) });
    expect(a.status).toBe(400);
    expect(a.json.issues.map((i: { path: string }) => i.path)).toContain('contact');
    const b = await h.call('POST', path(org.id), { body: corruptionBody({ consent: false }) });
    expect(b.status).toBe(400);
    expect(b.json.issues.map((i: { path: string }) => i.path)).toContain('consent');
    const c = await h.call('POST', path(org.id), { body: corruptionBody({ anonymous: false, contact: { method: 'line' } }) });
    expect(c.status).toBe(400);
    expect(c.json.issues.map((i: { path: string }) => i.path)).toContain('contact.method');
    expect(await h.countStored(org.id)).toEqual({ complaints: 0, tracking: 0, reporters: 0, photos: 0 });
  });

  it('with a token and not anonymous is the caller\'s own: in "mine", tracked by token, no secret', async () => {
    const { org } = await h.givenOrgWithStaff();
    const citizen = newUserId();
    const token = await h.token(citizen);
    const res = await h.call('POST', path(org.id), { token, body: corruptionBody({ contact: { method: 'line' } }) });
    expect(res.status).toBe(201);
    expect(res.json.trackingSecret).toBeUndefined();
    const mine = await h.call('GET', path(org.id, '/mine'), { token });
    expect(mine.json.complaints.map((c: { id: string }) => c.id)).toEqual([res.json.id]);
    const tracked = await h.call('GET', path(org.id, `/track/${res.json.trackingCode}`), { token });
    expect(tracked.status).toBe(200);
    expect(tracked.json.access).toBe('owner');
    // Anyone else: as if it did not exist.
    expect((await h.call('GET', path(org.id, `/track/${res.json.trackingCode}`))).status).toBe(404);
    expect((await h.call('GET', path(org.id, `/track/${res.json.trackingCode}`), { token: await h.token(newUserId()) })).status).toBe(404);
  });
});

describe('tracking', () => {
  it('an anonymous report only with its secret', async () => {
    const { org } = await h.givenOrgWithStaff();
    const filed = (await h.call('POST', path(org.id), { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    const code = filed.trackingCode as string;
    expect((await h.call('GET', path(org.id, `/track/${code}`))).status).toBe(404);
    expect((await h.call('GET', path(org.id, `/track/${code}?secret=wrong-secret`))).status).toBe(404);
    const ok = await h.call('GET', path(org.id, `/track/${code.toLowerCase()}?secret=${filed.trackingSecret}`));
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ trackingCode: code, status: 'received', access: 'owner', anonymous: true });
    expect(ok.json.history).toHaveLength(1);
    expect(ok.headers.get('cache-control')).toContain('no-store');
  });

  it('a general complaint: status and dates for anyone with the code, content and notes for the owner', async () => {
    const { org } = await h.givenOrgWithStaff();
    const citizen = newUserId();
    const token = await h.token(citizen);
    const filed = (await h.call('POST', path(org.id), { token, body: generalBody() })).json;
    const pub = await h.call('GET', path(org.id, `/track/${filed.trackingCode}`));
    expect(pub.status).toBe(200);
    expect(pub.json.access).toBe('public');
    expect(pub.json).not.toHaveProperty('title');
    expect(pub.text).not.toContain('สมชาย');
    expect(pub.text).not.toContain('ไฟถนนดับ');
    const own = await h.call('GET', path(org.id, `/track/${filed.trackingCode}`), { token });
    expect(own.json).toMatchObject({ access: 'owner', title: generalBody().title });
    expect((await h.call('GET', path(org.id, '/track/RT-0000'))).status).toBe(400);
    expect((await h.call('GET', path(org.id, '/track/RT-222222'))).status).toBe(404);
  });
});

describe('staff inbox and roles', () => {
  it('needs a token (401) and a complaint role (403)', async () => {
    const { org, queueOperator } = await h.givenOrgWithStaff();
    expect((await h.call('GET', staffPath(org.id))).status).toBe(401);
    expect((await h.call('GET', staffPath(org.id), { token: await h.token(newUserId()) })).status).toBe(403);
    expect((await h.call('GET', staffPath(org.id), { token: await queueOperator.token() })).status).toBe(403);
  });

  it('shows officers general complaints only, integrity officers corruption only, with filters', async () => {
    const { org, officer, integrity, admin } = await h.givenOrgWithStaff();
    const token = await h.token(newUserId());
    const g1 = (await h.call('POST', path(org.id), { token, body: generalBody() })).json;
    const g2 = (await h.call('POST', path(org.id), { token, body: generalBody({ category: 'garbage', title: 'ขยะไม่เก็บสามวัน' }) })).json;
    const c1 = (await h.call('POST', path(org.id), { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;

    const asOfficer = await h.call('GET', staffPath(org.id), { token: await officer.token() });
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.json.complaints.map((c: { id: string }) => c.id).sort()).toEqual([g1.id, g2.id].sort());
    expect((await h.call('GET', staffPath(org.id, '?kind=corruption'), { token: await officer.token() })).status).toBe(403);
    expect((await h.call('GET', staffPath(org.id, '?kind=corruption'), { token: await admin.token() })).status).toBe(403);
    const byCategory = await h.call('GET', staffPath(org.id, '?category=garbage&status=received,acknowledged&overdue=false'), { token: await officer.token() });
    expect(byCategory.json.complaints.map((c: { id: string }) => c.id)).toEqual([g2.id]);
    expect((await h.call('GET', staffPath(org.id, '?status=bogus'), { token: await officer.token() })).status).toBe(400);

    const asIntegrity = await h.call('GET', staffPath(org.id), { token: await integrity.token() });
    expect(asIntegrity.json.complaints.map((c: { id: string }) => c.id)).toEqual([c1.id]);
    // Detail of a corruption report is "not found" for an officer; a general one is forbidden to an integrity officer.
    expect((await h.call('GET', staffPath(org.id, `/${c1.id}`), { token: await officer.token() })).status).toBe(404);
    expect((await h.call('GET', staffPath(org.id, `/${g1.id}`), { token: await integrity.token() })).status).toBe(403);
    expect((await h.call('GET', staffPath(org.id, '/not-an-id'), { token: await officer.token() })).status).toBe(400);
  });

  it('shows officers the detail with history, contact and photos', async () => {
    const { org, officer } = await h.givenOrgWithStaff();
    const filed = (await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: generalBody({ photos: [dataUrl('image/jpeg', jpegWithExif())] }) })).json;
    const d = await h.call('GET', staffPath(org.id, `/${filed.id}`), { token: await officer.token() });
    expect(d.status).toBe(200);
    expect(d.json).toMatchObject({ id: filed.id, status: 'received', photoCount: 1, reporter: { anonymous: false, name: 'สมชาย ใจดี', phone: '0812345678', viaLine: true } });
    expect(d.json.allowedTransitions).toContain('acknowledged');
    expect(d.json.history).toEqual([expect.objectContaining({ seq: 1, status: 'received', by: { type: 'citizen' } })]);
    expect(d.text).not.toMatch(/"userId"/);
    const photo = await fetch(`${h.base}${d.json.photos[0].url}`, { headers: { authorization: `Bearer ${await officer.token()}` } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await photo.arrayBuffer());
    expect(bytes[0]).toBe(0xff);
    expect(bytes.includes('GPS-SECRET')).toBe(false);
    expect((await fetch(`${h.base}${d.json.photos[0].url}`)).status).toBe(401);
    expect((await h.call('GET', staffPath(org.id, `/${filed.id}/photos/2`), { token: await officer.token() })).status).toBe(404);
    expect((await h.call('GET', staffPath(org.id, `/${filed.id}/photos/9`), { token: await officer.token() })).status).toBe(400);
  });
});

describe('workflow over HTTP', () => {
  it('moves a complaint along the table, appends history, and tells the complainant when it is accepted and when it is finished', async () => {
    const { org, officer } = await h.givenOrgWithStaff();
    const citizen = newUserId();
    const filed = (await h.call('POST', path(org.id), { token: await h.token(citizen), body: generalBody() })).json;
    const to = async (body: Record<string, unknown>) => h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: await officer.token(), body });

    const ack = await to({ to: 'acknowledged', note: 'รับเรื่องแล้ว จะส่งช่างไฟฟ้าไปตรวจ' });
    expect(ack.status).toBe(200);
    expect(ack.json.status).toBe('acknowledged');
    expect((await to({ to: 'received' })).status).toBe(409);
    expect((await to({ to: 'acknowledged' })).status).toBe(409);
    expect((await to({ to: 'bogus' })).status).toBe(400);
    const noReason = await to({ to: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.issues).toContainEqual({ path: 'reason', message: expect.stringMatching(/เหตุผล/) });
    const noWhere = await to({ to: 'forwarded', reason: 'ไม่ใช่งานของเทศบาล' });
    expect(noWhere.json.issues.map((i: { path: string }) => i.path)).toEqual(['forwardedTo']);
    expect((await to({ to: 'in_progress' })).status).toBe(200);
    const noNote = await to({ to: 'resolved' });
    expect(noNote.status).toBe(400);
    h.t.clock.advance(2 * 86_400_000);
    const done = await to({ to: 'resolved', note: 'เปลี่ยนหลอดไฟใหม่แล้ว' });
    expect(done.status).toBe(200);
    expect(done.json.finishedAt).toBe(h.t.clock.now().toISOString());
    expect((await to({ to: 'in_progress' })).status).toBe(409);

    expect(done.json.history.map((u: { seq: number; from: string | null; status: string }) => [u.seq, u.from, u.status])).toEqual([
      [1, null, 'received'],
      [2, 'received', 'acknowledged'],
      [3, 'acknowledged', 'in_progress'],
      [4, 'in_progress', 'resolved'],
    ]);
    expect(done.json.history[1]).toMatchObject({ note: 'รับเรื่องแล้ว จะส่งช่างไฟฟ้าไปตรวจ', by: { type: 'staff', displayName: officer.displayName } });

    const toCitizen = h.notifier.sent.filter((n) => n.to === citizen);
    // Accepted (out of "received") and finished are pushed; the progress step in between shows in LIFF tracking only.
    expect(toCitizen.map((n) => n.key)).toEqual([2, 4].map((s) => `complaint:${filed.id}:update:${s}`));
    const last = JSON.stringify(toCitizen.at(-1)?.messages);
    expect(last).toContain('เปลี่ยนหลอดไฟใหม่แล้ว');
    expect(last).toContain(`${LIFF_BASE}/liff/${org.id}/ratings/new?complaint=${filed.id}`);

    const tracked = await h.call('GET', path(org.id, `/track/${filed.trackingCode}`));
    expect(tracked.json.history.map((u: { status: string }) => u.status)).toEqual(['received', 'acknowledged', 'in_progress', 'resolved']);
    // The rating form may ask the complainant, and only them.
    expect(await complaintRatingContext(h.deps, org.id, filed.id, citizen)).toMatchObject({ complaintId: filed.id, trackingCode: filed.trackingCode, status: 'resolved' });
    expect(await complaintRatingContext(h.deps, org.id, filed.id, newUserId())).toBeNull();
    expect(tracked.text).not.toContain('เปลี่ยนหลอดไฟ');
  });

  it('forwarding keeps whom to and why; rejection keeps the reason', async () => {
    const { org, officer } = await h.givenOrgWithStaff();
    const token = await h.token(newUserId());
    const a = (await h.call('POST', path(org.id), { token, body: generalBody() })).json;
    const fwd = await h.call('POST', staffPath(org.id, `/${a.id}/status`), { token: await officer.token(), body: { to: 'forwarded', reason: 'เป็นถนนของกรมทางหลวง', forwardedTo: 'แขวงทางหลวงตาก' } });
    expect(fwd.status).toBe(200);
    expect(fwd.json.history.at(-1)).toMatchObject({ status: 'forwarded', reason: 'เป็นถนนของกรมทางหลวง', forwardedTo: 'แขวงทางหลวงตาก' });
    const pub = await h.call('GET', path(org.id, `/track/${a.trackingCode}`));
    expect(pub.json.history.at(-1)).toMatchObject({ status: 'forwarded', forwardedTo: 'แขวงทางหลวงตาก' });
  });

  it('of two concurrent changes exactly one wins and history has no gap or duplicate', async () => {
    const { org, officer, admin } = await h.givenOrgWithStaff();
    const filed = (await h.call('POST', path(org.id), { token: await h.token(newUserId()), body: generalBody() })).json;
    const [t1, t2] = await Promise.all([officer.token(), admin.token()]);
    // Two moves that each end the case: whether the requests truly overlap (the claim on seq 2 decides) or the machine
    // happens to run them one after the other (the second finds a finished case), exactly one may win.
    const results = await Promise.all([
      h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: t1, body: { to: 'resolved', note: 'ซ่อมแล้ว' } }),
      h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: t2, body: { to: 'rejected', reason: 'ไม่อยู่ในอำนาจ' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const d = await h.call('GET', staffPath(org.id, `/${filed.id}`), { token: t1 });
    expect(d.json.history.map((u: { seq: number }) => u.seq)).toEqual([1, 2]);
    expect(d.json.status).toBe(d.json.history[1].status);
  });

  it('a corruption report can be moved by integrity officers only; an anonymous reporter gets no LINE message', async () => {
    const { org, officer, admin, integrity } = await h.givenOrgWithStaff();
    const filed = (await h.call('POST', path(org.id), { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    const before = h.notifier.sent.length;
    for (const who of [officer, admin]) expect((await h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: await who.token(), body: { to: 'acknowledged' } })).status).toBe(404);
    const ok = await h.call('POST', staffPath(org.id, `/${filed.id}/status`), { token: await integrity.token(), body: { to: 'acknowledged', note: 'รับเรื่องไว้ตรวจสอบ' } });
    expect(ok.status).toBe(200);
    expect(h.notifier.sent.length).toBe(before);
    const tracked = await h.call('GET', path(org.id, `/track/${filed.trackingCode}?secret=${filed.trackingSecret}`));
    expect(tracked.json.history.at(-1)).toMatchObject({ status: 'acknowledged', note: 'รับเรื่องไว้ตรวจสอบ', by: 'เจ้าหน้าที่' });
  });
});

describe('rate limit', () => {
  it('answers 429 after the burst, per caller', async () => {
    const limited = await startComplaintsApp({ filingLimit: { limit: 2, windowMs: 600_000 } });
    try {
      const { org } = await limited.givenOrgWithStaff();
      const token = await limited.token(newUserId());
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.call('POST', path(org.id), { token, body: generalBody() })).status);
      expect(statuses).toEqual([201, 201, 429]);
      expect((await limited.call('POST', path(org.id), { token: await limited.token(newUserId()), body: generalBody() })).status).toBe(201);
      expect((await limited.countStored(org.id)).complaints).toBe(3);
    } finally {
      await limited.stop();
    }
  });
});

describe('statistics over HTTP', () => {
  it('publishes counts without a token and a CSV with a BOM', async () => {
    const { org, officer } = await h.givenOrgWithStaff();
    const token = await h.token(newUserId());
    const a = (await h.call('POST', path(org.id), { token, body: generalBody() })).json;
    await h.call('POST', path(org.id), { token, body: generalBody({ category: 'garbage' }) });
    await h.call('POST', path(org.id), { body: corruptionBody() });
    await h.call('POST', staffPath(org.id, `/${a.id}/status`), { token: await officer.token(), body: { to: 'resolved', note: 'ซ่อมแล้ว' } });
    const s = await h.call('GET', path(org.id, '/stats'));
    expect(s.status).toBe(200);
    expect(s.json.general.totals).toMatchObject({ received: 2, finished: 1, inProgress: 1, overdue: 0 });
    expect(s.json.general.byMonth).toEqual([expect.objectContaining({ month: '2026-11', received: 2 })]);
    expect(s.json.corruption).toEqual({ received: 1, finished: 0, inProgress: 1, overdue: 0 });
    expect((await h.call('GET', path(org.id, '/stats?from=2026-13'))).status).toBe(400);
    const csv = await fetch(`${h.base}${path(org.id, '/stats.csv')}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('พฤศจิกายน 2569');
  });
});
