import { COMPLAINT_COLLECTIONS } from '../../functions/src/complaints/collections.ts';
import type { ComplaintDeps } from '../../functions/src/complaints/service.ts';
import type { Role } from '../../functions/src/staff/schema.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { lineCheckedNotifier } from '../support/lineRules.ts';

export const AUD = '1234567890';
export const LIFF_BASE = 'http://liff.test';

/**
 * The real test app (local mode, embedded Firestore, LINE sandbox, fixed clock) built by `createApp` as production
 * builds it, with a recording notifier in front of its outbox so every outbound LINE message can be asserted, and
 * filing and tracking limits high enough for a file's tests (a test of the filing limit sets its own). Links point at
 * LIFF_BASE (PUBLIC_BASE_URL). Real HTTP, real token verification, real Firestore.
 */
export async function startComplaintsApp(options: { at?: string; filingLimit?: { limit: number; windowMs: number } } = {}) {
  // Records what would be sent, and checks each message against LINE's rules as the sandbox would.
  const notifier = lineCheckedNotifier();
  const t: TestApp = await startTestApp({
    ...(options.at ? { at: options.at } : {}),
    env: { PUBLIC_BASE_URL: LIFF_BASE },
    app: {
      notifier: notifier.passingTo,
      complaintFilingLimit: options.filingLimit ?? { limit: 1000, windowMs: 1000 },
      complaintTrackingLimit: { limit: 1000, windowMs: 1000 },
    },
  });
  // The app's scheduler ticks every 5 s and runs each job the first time it ticks: run them now, before any test makes
  // an organisation, so a weekly digest or reminder cannot land in the middle of a test's count of what was sent. They
  // run again only when a test moves the clock on by their interval (15 minutes).
  await t.rt.runScheduledJobs();
  const issuer = t.rt.issuer;
  if (!issuer) throw new Error('local issuer expected in local mode');
  const base = t.rt.baseUrl.replace('localhost', '127.0.0.1');
  const deps: ComplaintDeps = { db: t.rt.db, notifier, clock: t.clock, liffLocalBase: LIFF_BASE, log: t.rt.log };

  const token = (sub: string, extra: { name?: string; aud?: string; expiresInSeconds?: number } = {}) =>
    issuer.sign({ sub, aud: extra.aud ?? AUD, now: t.clock.now(), ...(extra.name ? { name: extra.name } : {}), ...(extra.expiresInSeconds ? { expiresInSeconds: extra.expiresInSeconds } : {}) });

  async function call(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}) {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON (CSV, photo) */
    }
    // Tests read the JSON shape they expect; the assertions check it.
    return { status: res.status, headers: res.headers, text, json: json as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  /** An organisation with a registered staff group, an officer, an admin, an integrity officer and a queue operator. */
  async function givenOrgWithStaff() {
    const org = await givenOrg(t);
    const now = t.clock.now();
    const mk = async (displayName: string, roles: Role[]) => {
      const userId = newUserId();
      await grantStaffRoles(t, org.id, { userId, displayName, roles });
      return { userId, displayName, token: () => token(userId) };
    };
    const officer = await mk('สมศรี เจ้าหน้าที่', ['officer']);
    const admin = await mk('ผู้ดูแล ระบบ', ['admin']);
    const integrity = await mk('ศูนย์ ต่อต้านทุจริต', ['integrity_officer']);
    const queueOperator = await mk('คนเรียก คิว', ['queue_operator']);
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, admin.userId, now);
    return { org, officer, admin, integrity, queueOperator, groupId };
  }

  async function countStored(orgId: string) {
    const o = t.rt.db.collection('orgs').doc(orgId);
    const n = async (c: string) => (await o.collection(c).count().get()).data().count;
    return {
      complaints: await n(COMPLAINT_COLLECTIONS.complaints),
      tracking: await n(COMPLAINT_COLLECTIONS.tracking),
      reporters: await n(COMPLAINT_COLLECTIONS.reporters),
      photos: await n(COMPLAINT_COLLECTIONS.photos),
    };
  }

  return {
    t,
    base,
    deps,
    notifier,
    token,
    call,
    givenOrgWithStaff,
    countStored,
    async stop() {
      await t.stop();
      notifier.assertAccepted();
    },
  };
}

export type ComplaintsApp = Awaited<ReturnType<typeof startComplaintsApp>>;

export const generalBody = (over: Record<string, unknown> = {}) => ({
  kind: 'general',
  category: 'street-light',
  title: 'ไฟถนนดับหน้าบ้านเลขที่ 12',
  description: 'ไฟถนนดับมาสามคืนแล้ว มืดมาก เด็กเดินกลับบ้านอันตราย',
  place: { lat: 16.7137, lng: 98.5746, text: 'ซอย 3 ถนนอินทรคีรี ใกล้ร้านข้าวมันไก่' },
  contact: { method: 'line', name: 'สมชาย ใจดี', phone: '081-234-5678' },
  consent: true,
  ...over,
});

export const REPORTER_NAME = 'ผู้แจ้งลับ นามสมมุติ';
export const REPORTER_PHONE = '0899999999';
export const REPORTER_LINE_NAME = 'ชื่อไลน์ผู้แจ้งเบาะแส';

export const corruptionBody = (over: Record<string, unknown> = {}) => ({
  kind: 'corruption',
  category: 'bribery',
  title: 'ถูกเรียกเงินเพื่อให้ใบอนุญาตเร็วขึ้น',
  description: 'เจ้าหน้าที่กองช่างเรียกเงินสามพันบาทเพื่อเร่งใบอนุญาตก่อสร้าง เมื่อวันที่ 10',
  contact: { method: 'phone', name: REPORTER_NAME, phone: REPORTER_PHONE },
  consent: true,
  ...over,
});

/** A tiny JPEG with an EXIF (APP1) segment carrying a GPS marker string, and a comment. */
export function jpegWithExif(): Buffer {
  const soi = Buffer.from([0xff, 0xd8]);
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const exifPayload = Buffer.concat([Buffer.from('Exif\0\0'), Buffer.from('GPS-SECRET-LOCATION 16.7137N 98.5746E')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exifPayload.length + 2), exifPayload]);
  const comPayload = Buffer.from('camera owner: somchai');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(comPayload.length + 2), comPayload]);
  const dqt = Buffer.concat([Buffer.from([0xff, 0xdb]), u16(67), Buffer.alloc(65, 1)]);
  const sos = Buffer.concat([Buffer.from([0xff, 0xda]), u16(8), Buffer.from([1, 1, 0, 0, 0x3f, 0])]);
  const scan = Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]);
  const eoi = Buffer.from([0xff, 0xd9]);
  return Buffer.concat([soi, app0, app1, com, dqt, sos, scan, eoi]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

export const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;
