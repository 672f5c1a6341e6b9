/**
 * Issue 20: a photo or a place sent in a one-to-one chat starts a complaint report in the chat itself. Everything goes
 * through the real webhook (signed), the event processor, the LINE sandbox (which serves the photo's content and
 * refuses what LINE would refuse) and the embedded Firestore.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCategories } from '../../functions/src/complaints/store.ts';
import { CONSENT_SENTENCE } from '../../functions/src/complaints/chatReport/messages.ts';
import { draftIdFor } from '../../functions/src/complaints/chatReport/schema.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { api, givenOrg, idTokenFor, lineEvent, newUserId, postWebhook, startTestApp, textEvent, webhookBody, type TestApp } from '../support/app.ts';
import { generalBody, jpegWithExif } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

type Msg = { type: string; text?: string; quickReply?: { items: Array<{ action: { type: string; label?: string; data?: string; uri?: string } }> }; template?: { actions: Array<{ uri?: string }> } };

async function givenOrgWithGroup() {
  const org = await givenOrg(t);
  const groupId = `C${newUserId().slice(1)}`;
  await markStaffGroup(t.rt.db, org.id, groupId, newUserId(), t.clock.now());
  return { org, groupId };
}

/** Sends events through the signed webhook, waits for processing, and returns what was replied to these events. */
async function send(org: { id: string; channelSecret: string }, ...events: Array<Record<string, unknown>>): Promise<Msg[]> {
  const res = await postWebhook(t, org.id, webhookBody(...events), org.channelSecret);
  expect(res.status).toBe(200);
  await t.rt.idle();
  const tokens = new Set(events.map((e) => e.replyToken));
  return t.rt.sandbox!.outbox({ orgId: org.id }).filter((e) => e.kind === 'reply' && tokens.has(e.replyToken)).flatMap((e) => e.messages as Msg[]);
}

const user = (userId: string) => ({ type: 'user' as const, userId });
let messageSeq = 0;
function photo(orgId: string, userId: string, bytes = jpegWithExif(), extra: Record<string, unknown> = {}) {
  const id = `7${String(++messageSeq).padStart(12, '0')}`;
  t.rt.sandbox!.putContent(orgId, id, { contentType: 'image/jpeg', bytes });
  return lineEvent(t, 'message', user(userId), { message: { id, type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q', ...extra } });
}
const place = (userId: string) =>
  lineEvent(t, 'message', user(userId), { message: { id: `8${++messageSeq}`, type: 'location', title: 'หน้าตลาดสด', address: 'ถนนอินทรคีรี', latitude: 16.71372, longitude: 98.57461 } });
const press = (userId: string, data: string) => lineEvent(t, 'postback', user(userId), { postback: { data } });

const all = (messages: Msg[]) => messages.map((m) => m.text ?? '').join('\n');
const quick = (messages: Msg[]) => messages.at(-1)?.quickReply?.items.map((i) => i.action) ?? [];
const button = (messages: Msg[], label: string) => {
  const found = quick(messages).find((a) => a.label === label);
  if (!found?.data) throw new Error(`no quick reply "${label}" in ${JSON.stringify(quick(messages).map((a) => a.label))}`);
  return found.data;
};

async function stored(orgId: string, collection: string) {
  return (await t.rt.db.collection('orgs').doc(orgId).collection(collection).get()).docs;
}

describe('a report made in chat', () => {
  it('photo → location → confirm → category → description → consent files one complaint with the photo and the place', async () => {
    const { org, groupId } = await givenOrgWithGroup();
    const userId = newUserId();

    const offered = await send(org, photo(org.id, userId));
    expect(all(offered)).toContain('แจ้งปัญหานี้ไหมคะ');
    expect(quick(offered).map((a) => a.label)).toEqual(['แจ้งปัญหา', 'ไม่ใช่']);
    // Nothing is fetched from LINE before the resident says yes.
    expect((await stored(org.id, 'complaintChatDraftPhotos')).map((d) => d.get('state'))).toEqual(['pending']);

    const located = await send(org, place(userId));
    expect(all(located)).toContain('ได้รับตำแหน่งแล้ว');

    const asked = await send(org, press(userId, button(located, 'แจ้งปัญหา')));
    expect(all(asked)).toContain('ปัญหาด้านใด');
    const labels = quick(asked).map((a) => a.label);
    expect(labels).toContain('ถนน/ทางเท้า');
    expect(labels).not.toContain('เรียกรับเงินหรือผลประโยชน์'); // corruption reports stay on the form
    expect(labels.slice(-2)).toEqual(['แก้ไขในแบบฟอร์ม', 'ยกเลิก']);
    const form = quick(asked).find((a) => a.label === 'แก้ไขในแบบฟอร์ม');
    expect(form?.uri).toContain(`/liff/${org.id}/complaints/new/general?draft=${draftIdFor(org.id, userId)}`);

    const described = await send(org, press(userId, button(asked, 'ถนน/ทางเท้า')));
    expect(all(described)).toContain('เล่าปัญหาสั้น ๆ');

    const consent = await send(org, textEvent(t, userId, 'ถนนเป็นหลุมลึกหน้าตลาด รถจักรยานยนต์ล้มบ่อย'));
    // The place came with the location: not asked again. The form's consent sentence and the draft's lifetime are said.
    expect(all(consent)).toContain(CONSENT_SENTENCE);
    expect(all(consent)).toContain('24 ชั่วโมง');
    expect(all(consent)).toContain('รูปภาพ: 1 รูป');

    const consentEvent = press(userId, button(consent, 'ยินยอมและส่งเรื่อง'));
    const filed = await send(org, consentEvent);
    const code = /RT-[0-9A-Z]{6}/.exec(all(filed))?.[0];
    expect(code).toBeDefined();
    const trackLink = filed.find((m) => m.type === 'template')?.template?.actions[0]?.uri;
    expect(trackLink).toContain(`/complaints/track?code=${code}`);

    const complaints = await stored(org.id, 'complaints');
    expect(complaints).toHaveLength(1);
    const c = complaints[0]!.data();
    expect(c).toMatchObject({ kind: 'general', category: 'road', trackingCode: code, photoCount: 1, status: 'received', description: 'ถนนเป็นหลุมลึกหน้าตลาด รถจักรยานยนต์ล้มบ่อย' });
    expect(c.place).toEqual({ lat: 16.71372, lng: 98.57461, text: 'หน้าตลาดสด ถนนอินทรคีรี' });
    const reporter = (await t.rt.db.doc(`orgs/${org.id}/complaintReporters/${c.id}`).get()).data();
    expect(reporter).toMatchObject({ userId, consent: true });
    const photoDoc = (await t.rt.db.doc(`orgs/${org.id}/complaintPhotos/${c.id}-1`).get()).data();
    const bytes = Buffer.from(photoDoc!.bytes as Uint8Array);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytes.includes('GPS-SECRET')).toBe(false);
    expect(bytes.includes('camera owner')).toBe(false);

    // Staff group told once; the receipt was the reply (free), not a push to the resident.
    expect(t.rt.sandbox!.outbox({ to: groupId })).toHaveLength(1);
    expect(t.rt.sandbox!.outbox({ to: userId }).filter((e) => e.kind === 'push')).toHaveLength(0);
    // The draft and its photos are gone.
    expect(await stored(org.id, 'complaintChatDrafts')).toHaveLength(0);
    expect(await stored(org.id, 'complaintChatDraftPhotos')).toHaveLength(0);

    // LINE redelivers the consent event: processed once, nothing filed twice.
    await send(org, { ...consentEvent, deliveryContext: { isRedelivery: true } });
    // The resident presses the old button again: told the code, nothing filed twice.
    const again = await send(org, press(userId, button(consent, 'ยินยอมและส่งเรื่อง')));
    expect(all(again)).toContain(code);
    expect(await stored(org.id, 'complaints')).toHaveLength(1);
    expect(t.rt.sandbox!.outbox({ to: groupId })).toHaveLength(1);
  });

  it('two presses of "send" processed at the same time file one complaint; a photo that came during "แจ้งปัญหา" is filed too', async () => {
    const { org, groupId } = await givenOrgWithGroup();
    const userId = newUserId();
    const offered = await send(org, photo(org.id, userId), place(userId));
    const asked = await send(org, press(userId, button(offered, 'แจ้งปัญหา')));
    // As if a photo had been read as "still offered" while the button was processed: recorded, not fetched.
    const late = '9900000001';
    t.rt.sandbox!.putContent(org.id, late, { contentType: 'image/jpeg', bytes: jpegWithExif() });
    const draft = (await stored(org.id, 'complaintChatDrafts'))[0]!;
    await t.rt.db.doc(`orgs/${org.id}/complaintChatDraftPhotos/${draft.id}-${late}`).create({
      draftId: draft.id, nonce: draft.get('nonce'), messageId: late, sentAt: Date.now(), state: 'pending', contentType: null, bytes: null, problem: null, expireAt: draft.get('expireAt'),
    });
    await send(org, press(userId, button(asked, 'ถนน/ทางเท้า')));
    const consent = await send(org, textEvent(t, userId, 'ถนนเป็นหลุมลึกหน้าตลาด รถล้มบ่อย'));
    const data = button(consent, 'ยินยอมและส่งเรื่อง');
    const replies = await send(org, press(userId, data), press(userId, data));
    const codes = new Set(all(replies).match(/RT-[0-9A-Z]{6}/g));
    expect(codes.size).toBe(1);
    const complaints = await stored(org.id, 'complaints');
    expect(complaints).toHaveLength(1);
    expect(complaints[0]!.get('photoCount')).toBe(2);
    expect(t.rt.sandbox!.outbox({ to: groupId })).toHaveLength(1);
  });

  it('asks for the place with LINE location action when none came, takes a category typed, and holds the form’s description rule', async () => {
    const { org } = await givenOrgWithGroup();
    const userId = newUserId();
    const offered = await send(org, photo(org.id, userId));
    const asked = await send(org, press(userId, button(offered, 'แจ้งปัญหา')));
    const typed = await send(org, textEvent(t, userId, 'ไฟฟ้าส่องสว่าง'));
    expect(all(typed)).toContain('เล่าปัญหาสั้น ๆ');
    expect(asked).toBeDefined();
    const short = await send(org, textEvent(t, userId, 'ไฟดับ'));
    expect(all(short)).toContain('รายละเอียดต้องยาวอย่างน้อย 10 ตัวอักษร');
    const where = await send(org, textEvent(t, userId, 'ไฟถนนดับทั้งซอยมาสามคืนแล้ว'));
    expect(quick(where)[0]).toMatchObject({ type: 'location', label: 'ส่งตำแหน่ง' });
    const consent = await send(org, textEvent(t, userId, 'ซอยเทศบาล 5 ข้างวัด'));
    expect(all(consent)).toContain('สถานที่: ซอยเทศบาล 5 ข้างวัด');
    await send(org, press(userId, button(consent, 'ยินยอมและส่งเรื่อง')));
    const [c] = await stored(org.id, 'complaints');
    expect(c!.data()).toMatchObject({ category: 'street-light', place: { text: 'ซอยเทศบาล 5 ข้างวัด' }, photoCount: 1 });
  });

  it('"ไม่ใช่" keeps nothing, and cancel at a later step deletes the fetched photos', async () => {
    const { org } = await givenOrgWithGroup();
    const userId = newUserId();
    const offered = await send(org, photo(org.id, userId));
    const no = await send(org, press(userId, button(offered, 'ไม่ใช่')));
    expect(all(no)).toContain('ไม่ได้เก็บรูป');
    expect(await stored(org.id, 'complaintChatDrafts')).toHaveLength(0);
    expect(await stored(org.id, 'complaintChatDraftPhotos')).toHaveLength(0);

    const again = await send(org, photo(org.id, userId));
    const asked = await send(org, press(userId, button(again, 'แจ้งปัญหา')));
    expect((await stored(org.id, 'complaintChatDraftPhotos')).map((d) => d.get('state'))).toEqual(['ready']);
    const cancelled = await send(org, press(userId, button(asked, 'ยกเลิก')));
    expect(all(cancelled)).toContain('ยกเลิกการแจ้งปัญหาแล้ว');
    expect(await stored(org.id, 'complaintChatDrafts')).toHaveLength(0);
    expect(await stored(org.id, 'complaintChatDraftPhotos')).toHaveLength(0);
    expect(await stored(org.id, 'complaints')).toHaveLength(0);
  });

  it('keeps at most the form’s 3 photos and asks once for photos sent together', async () => {
    const { org } = await givenOrgWithGroup();
    const userId = newUserId();
    const set = (index: number) => ({ imageSet: { id: 'set1', index, total: 4 } });
    const replies = await send(org, ...[1, 2, 3, 4].map((i) => photo(org.id, userId, jpegWithExif(), set(i))));
    expect(replies.filter((m) => (m.text ?? '').includes('แจ้งปัญหานี้ไหมคะ'))).toHaveLength(1);
    const asked = await send(org, press(userId, button(replies, 'แจ้งปัญหา')));
    expect(all(asked)).toContain('แนบรูปได้ไม่เกิน 3 รูป');
    const states = (await stored(org.id, 'complaintChatDraftPhotos')).map((d) => d.get('state')).sort();
    expect(states).toEqual(['ready', 'ready', 'ready', 'refused']);
  });

  it('shares the form’s filing rate limit: after 5 filings through the form, the chat says to wait and files nothing', async () => {
    const { org } = await givenOrgWithGroup();
    const userId = newUserId();
    const token = await idTokenFor(t, userId);
    for (let i = 0; i < 5; i++) expect((await api(t, 'POST', `/api/orgs/${org.id}/complaints`, { token, body: generalBody() })).status).toBe(201);
    const offered = await send(org, photo(org.id, userId), place(userId));
    const asked = await send(org, press(userId, button(offered, 'แจ้งปัญหา')));
    await send(org, press(userId, button(asked, 'ถนน/ทางเท้า')));
    const consent = await send(org, textEvent(t, userId, 'ถนนเป็นหลุมลึกหน้าตลาด รถล้มบ่อย'));
    const limited = await send(org, press(userId, button(consent, 'ยินยอมและส่งเรื่อง')));
    expect(all(limited)).toContain('ส่งเรื่องถี่เกินไป');
    expect(await stored(org.id, 'complaints')).toHaveLength(5);
    expect(await stored(org.id, 'complaintChatDrafts')).toHaveLength(1);
  });

  it('with more categories than quick replies hold, lists them all in the text and takes one typed', async () => {
    const { org } = await givenOrgWithGroup();
    const many = Array.from({ length: 14 }, (_, i) => ({ id: `cat-${i + 1}`, title: `หมวดทดสอบที่ ${i + 1}`, kind: 'general' as const, order: i, active: true }));
    await setCategories(t.rt.db, org.id, [...many, { id: 'bribery', title: 'เรียกรับเงิน', kind: 'corruption', order: 100, active: true }]);
    const userId = newUserId();
    const offered = await send(org, photo(org.id, userId));
    const asked = await send(org, press(userId, button(offered, 'แจ้งปัญหา')));
    expect(quick(asked)).toHaveLength(13);
    expect(all(asked)).toContain('• หมวดทดสอบที่ 14');
    const typed = await send(org, textEvent(t, userId, 'หมวดทดสอบที่ 14'));
    expect(all(typed)).toContain('เล่าปัญหาสั้น ๆ');
    expect((await stored(org.id, 'complaintChatDrafts'))[0]!.get('category')).toBe('cat-14');
  });

  it('holds photos to the form’s type and size rules: an oversized photo is replaced by LINE’s preview, a non-image is refused with the form’s message', async () => {
    const { org } = await givenOrgWithGroup();
    const userId = newUserId();
    const big = Buffer.concat([jpegWithExif(), Buffer.alloc(400 * 1024)]);
    const oversized = photo(org.id, userId, big);
    const id = (oversized as unknown as { message: { id: string } }).message.id;
    t.rt.sandbox!.putContent(org.id, id, { contentType: 'image/jpeg', bytes: big, preview: jpegWithExif() });
    const notImage = lineEvent(t, 'message', user(userId), { message: { id: '6000001', type: 'image', contentProvider: { type: 'line' } } });
    t.rt.sandbox!.putContent(org.id, '6000001', { contentType: 'text/plain', bytes: Buffer.from('not a photo') });
    const offered = await send(org, oversized, notImage);
    const asked = await send(org, press(userId, button(offered, 'แจ้งปัญหา')));
    expect(all(asked)).toContain('รูปนี้ใช้ไม่ได้: รูปภาพต้องเป็นไฟล์ JPEG, PNG หรือ WebP');
    const photos = (await stored(org.id, 'complaintChatDraftPhotos')).map((d) => d.data());
    const kept = photos.find((p) => p.state === 'ready')!;
    expect(Buffer.from(kept.bytes as Uint8Array).length).toBeLessThan(300 * 1024);
    expect(Buffer.from(kept.bytes as Uint8Array).includes('GPS-SECRET')).toBe(false);
    expect(photos.filter((p) => p.state === 'refused')).toHaveLength(1);
  });

  it('a photo in a group or a staff group never starts a report', async () => {
    const { org, groupId } = await givenOrgWithGroup();
    const userId = newUserId();
    const inStaffGroup = lineEvent(t, 'message', { type: 'group', groupId, userId }, { message: { id: '91', type: 'image', contentProvider: { type: 'line' } } });
    const otherGroup = `C${newUserId().slice(1)}`;
    const inGroup = lineEvent(t, 'message', { type: 'group', groupId: otherGroup, userId }, { message: { id: '92', type: 'image', contentProvider: { type: 'line' } } });
    expect(await send(org, inStaffGroup, inGroup)).toEqual([]);
    expect(await stored(org.id, 'complaintChatDrafts')).toHaveLength(0);
    expect(await stored(org.id, 'complaintChatDraftPhotos')).toHaveLength(0);
  });

  it('an expired draft leaves nothing behind: the sweep deletes it with its photos, and its buttons no longer work', async () => {
    const { org } = await givenOrgWithGroup();
    const userId = newUserId();
    const offered = await send(org, photo(org.id, userId));
    const asked = await send(org, press(userId, button(offered, 'แจ้งปัญหา')));
    const cat = await send(org, press(userId, button(asked, 'ขยะ/ความสะอาด')));
    expect(all(cat)).toContain('เล่าปัญหา');
    expect(await stored(org.id, 'complaintChatDraftPhotos')).toHaveLength(1);
    const draft = (await stored(org.id, 'complaintChatDrafts'))[0]!;
    expect(draft.get('expireAt').toDate().getTime() - t.clock.now().getTime()).toBe(24 * 3600_000);

    t.clock.advance(24 * 3600_000 + 60_000);
    await t.rt.runScheduledJobs();
    expect(await stored(org.id, 'complaintChatDrafts')).toHaveLength(0);
    expect(await stored(org.id, 'complaintChatDraftPhotos')).toHaveLength(0);

    // A text after expiry is an ordinary question again; an old button says the draft is gone.
    const gone = await send(org, press(userId, button(asked, 'ยกเลิก')));
    expect(all(gone)).toContain('หมดอายุหรือถูกยกเลิก');
    expect(await stored(org.id, 'complaints')).toHaveLength(0);
  });
});

describe('the consent asked in chat', () => {
  it('is the form’s consent sentence word for word (one shared sentence, contracts/tables/complaints.ts)', () => {
    const form = readFileSync(new URL('../../liff-app/src/pages/complaintFormSteps.tsx', import.meta.url), 'utf8');
    expect(form).toContain('{CONSENT_SENTENCE}');
    expect(form).toMatch(/import \{[^}]*\bCONSENT_SENTENCE\b[^}]*\} from '\.\.\/\.\.\/\.\.\/functions\/src\/contracts\/tables\/complaints\.ts'/);
    expect(CONSENT_SENTENCE).toBe('ฉันอ่านและยินยอมให้หน่วยงานเก็บและใช้ข้อมูลนี้เพื่อดำเนินการเรื่องนี้');
  });
});

describe('the draft for the pre-filled form', () => {
  it('is given to the person whose draft it is, with the photos stripped; to anyone else it does not exist', async () => {
    const { org } = await givenOrgWithGroup();
    const userId = newUserId();
    const offered = await send(org, photo(org.id, userId), place(userId));
    await send(org, press(userId, button(offered, 'แจ้งปัญหา')));
    const id = draftIdFor(org.id, userId);
    const path = `/api/orgs/${org.id}/complaints/chat-drafts/${id}`;

    const mine = await api(t, 'GET', path, { token: await idTokenFor(t, userId) });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id, category: null, description: '', place: { lat: 16.71372, lng: 98.57461 } });
    expect(mine.body.photos).toHaveLength(1);
    expect(Buffer.from(mine.body.photos[0].data, 'base64').includes('GPS-SECRET')).toBe(false);

    expect((await api(t, 'GET', path, { token: await idTokenFor(t, newUserId()) })).status).toBe(404);
    expect((await api(t, 'GET', path)).status).toBe(401);
    expect((await api(t, 'GET', `/api/orgs/${org.id}/complaints/chat-drafts/not-a-draft`, { token: await idTokenFor(t, userId) })).status).toBe(400);
    expect((await api(t, 'DELETE', path, { token: await idTokenFor(t, newUserId()) })).status).toBe(404);

    expect((await api(t, 'DELETE', path, { token: await idTokenFor(t, userId) })).status).toBe(204);
    expect(await stored(org.id, 'complaintChatDraftPhotos')).toHaveLength(0);
  });
});
