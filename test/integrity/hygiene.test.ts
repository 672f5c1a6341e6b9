/**
 * Issue 13, input hygiene: control and bidirectional-override characters never get stored or echoed into staff
 * messages (Thai, Burmese and emoji are kept), and a complaint photo ends at its JPEG end-of-image marker. Through the
 * real app over HTTP on the embedded Firestore, plus the shared cleaner itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../functions/src/text/clean.ts';
import { dataUrl, jpegWithExif } from '../complaints/harness.ts';
import { api, givenOrg, grantStaffRoles, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

// NUL, BEL, ESC, DEL, a C1 control, LRM/RLM, LRE..RLO, isolates, BOM.
const NASTY = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'];
/** Every string inside a JSON value (JSON text escapes some controls, so look at the values themselves). */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
const hasNasty = (v: unknown) => strings(v).some((s) => NASTY.some((c) => s.includes(c)));

describe('the shared cleaner', () => {
  it('drops control and bidi characters and keeps Thai, Burmese, emoji (with joiners) and, in multi-line text, newlines', () => {
    const thai = 'ไฟถนนดับ ซอย ๓';
    const burmese = 'မြန်မာစာ';
    const family = '👨‍👩‍👧 🙏🏽';
    expect(cleanText(`\u202e${thai}\u202c ${burmese}\u0000 ${family}`)).toBe(`${thai} ${burmese} ${family}`);
    expect(cleanText('บรรทัดหนึ่ง\r\nบรรทัดสอง\tแท็บ', { multiline: true })).toBe('บรรทัดหนึ่ง\nบรรทัดสอง\tแท็บ');
    expect(cleanText('บรรทัดหนึ่ง\nบรรทัดสอง')).toBe('บรรทัดหนึ่ง บรรทัดสอง');
    for (const c of NASTY) expect(cleanText(`ก${c}ข`, { multiline: true })).toBe('กข');
  });
});

describe('free text over the API', () => {
  it('a complaint with control and bidi-override characters is stored and shown to staff clean', async () => {
    const org = await givenOrg(t);
    const officer = await (async () => {
      const userId = newUserId();
      await grantStaffRoles(t, org.id, { userId, roles: ['officer'], displayName: 'สมศรี' });
      return { userId, token: () => idTokenFor(t, userId) };
    })();
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, officer.userId, t.clock.now());

    const filed = await api(t, 'POST', `/api/orgs/${org.id}/complaints`, {
      token: await idTokenFor(t, newUserId()),
      body: {
        kind: 'general',
        category: 'street-light',
        title: `ไฟดับ\u202e\u0000 မြန်မာ 💡`,
        description: `ไฟถนนหน้าบ้านดับ\u0007มาสามวัน\u2067แล้ว\nบรรทัดที่สอง 🙏`,
        place: { text: `ซอย\u202d 5` },
        contact: { method: 'phone', name: `\u202eสมชาย ใจดี\u202c`, phone: '0812345678' },
        consent: true,
      },
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;

    const stored = (await t.rt.db.collection('orgs').doc(org.id).collection('complaints').doc(id).get()).data() ?? {};
    expect(stored.title).toBe('ไฟดับ မြန်မာ 💡');
    expect(stored.description).toBe('ไฟถนนหน้าบ้านดับมาสามวันแล้ว\nบรรทัดที่สอง 🙏');
    expect(stored.place.text).toBe('ซอย 5');
    const reporter = (await t.rt.db.collection('orgs').doc(org.id).collection('complaintReporters').doc(id).get()).data() ?? {};
    expect(reporter.name).toBe('สมชาย ใจดี');

    const detail = await api(t, 'GET', `/api/orgs/${org.id}/staff/complaints/${id}`, { token: await officer.token() });
    expect(hasNasty(detail.body)).toBe(false);
    await t.rt.idle();
    const card: unknown = await (await fetch(`${t.rt.baseUrl}/dev/line/outbox?to=${groupId}`)).json();
    expect(JSON.stringify(card)).toContain('ไฟดับ');
    expect(hasNasty(card)).toBe(false);

    // A staff note with an override is cleaned too (it reaches the complainant in LINE).
    const moved = await api(t, 'POST', `/api/orgs/${org.id}/staff/complaints/${id}/status`, { token: await officer.token(), body: { to: 'acknowledged', note: `รับเรื่องแล้ว\u202e ค่ะ` } });
    expect(moved.status).toBe(200);
    expect(moved.body.history.at(-1).note).toBe('รับเรื่องแล้ว ค่ะ');
  });

  it('a name made only of invisible characters counts as empty; an over-long title is refused with nothing stored', async () => {
    const org = await givenOrg(t);
    const token = await idTokenFor(t, newUserId());
    const empty = await api(t, 'POST', `/api/orgs/${org.id}/complaints`, {
      token,
      body: { kind: 'general', category: 'street-light', title: '\u202e\u202e\u0000', description: 'ไฟถนนหน้าบ้านดับมาสามวันแล้ว', consent: true },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.issues.map((i: { path: string }) => i.path)).toContain('title');
    const long = await api(t, 'POST', `/api/orgs/${org.id}/complaints`, {
      token,
      body: { kind: 'general', category: 'street-light', title: 'ก'.repeat(5000), description: 'ไฟถนนหน้าบ้านดับมาสามวันแล้ว', consent: true },
    });
    expect(long.status).toBe(400);
    expect((await t.rt.db.collection('orgs').doc(org.id).collection('complaints').get()).size).toBe(0);
  });

  it('a complaint photo keeps nothing after the JPEG end-of-image marker', async () => {
    const org = await givenOrg(t);
    const userId = newUserId();
    await grantStaffRoles(t, org.id, { userId, roles: ['officer'] });
    const trailer = Buffer.concat([Buffer.from('PK\u0003\u0004 hidden.zip GPS 16.7137N 98.5746E'), Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x04, 0x41, 0x42])]);
    const photo = Buffer.concat([jpegWithExif(), trailer]);
    const filed = await api(t, 'POST', `/api/orgs/${org.id}/complaints`, {
      token: await idTokenFor(t, newUserId()),
      body: { kind: 'general', category: 'street-light', title: 'ไฟถนนดับ', description: 'ไฟถนนหน้าบ้านดับมาสามวันแล้ว', photos: [dataUrl('image/jpeg', photo)], consent: true },
    });
    expect(filed.status).toBe(201);
    const res = await fetch(`${t.rt.baseUrl}/api/orgs/${org.id}/staff/complaints/${filed.body.id}/photos/1`, { headers: { authorization: `Bearer ${await idTokenFor(t, userId)}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    expect(bytes.includes('hidden.zip')).toBe(false);
    expect(bytes.includes('GPS')).toBe(false);
    expect(bytes.length).toBeLessThan(jpegWithExif().length);
  });
});
