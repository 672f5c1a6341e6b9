import { describe, expect, it } from 'vitest';
import { statsCsv } from '../../functions/src/complaints/csv.ts';
import { decodePhoto, stripPng, stripWebp } from '../../functions/src/complaints/photos.ts';
import type { Complaint } from '../../functions/src/complaints/schema.ts';
import { computeStats, median } from '../../functions/src/complaints/stats.ts';
import { CODE_ALPHABET, findTrackingCode, newTrackingCode, parseTrackingCode } from '../../functions/src/complaints/trackingCode.ts';
import { allowedTransitions, bangkokMonth, canTransition, dueAtFor, isoWeek, isOverdue, remindAtFor, STATUSES, TRANSITIONS, windowEndFor } from '../../functions/src/complaints/workflow.ts';
import { dataUrl, jpegWithExif } from './harness.ts';

describe('tracking codes', () => {
  it('are RT- and six characters a person can read out (no 0, O, 1, I)', () => {
    for (let i = 0; i < 500; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^RT-[2-9A-HJ-NP-Z]{6}$/);
      expect(code.slice(3)).not.toMatch(/[01OI]/);
      expect(parseTrackingCode(code)).toBe(code);
    }
  });

  it('are read as people type them and a mistyped character is caught by the check character', () => {
    const code = newTrackingCode(() => 5);
    const body = code.slice(3);
    expect(parseTrackingCode(` rt ${body.toLowerCase()} `)).toBe(code);
    expect(parseTrackingCode(`RT${body}`)).toBe(code);
    const first = body[0] ?? '';
    const other = CODE_ALPHABET[(CODE_ALPHABET.indexOf(first) + 1) % CODE_ALPHABET.length] ?? '';
    expect(parseTrackingCode(`RT-${other}${body.slice(1)}`)).toBeNull();
    expect(parseTrackingCode('RT-0O1I23')).toBeNull();
    expect(findTrackingCode(`ติดตามเรื่อง ${code.toLowerCase()} ค่ะ`)).toBe(code);
    expect(findTrackingCode('ไม่มีรหัส')).toBeNull();
    const spaced = `RT ${body.slice(0, 3)} ${body.slice(3)}`;
    expect(findTrackingCode(spaced)).toBe(code);
    expect(findTrackingCode(`ติดตาม rt-${body.slice(0, 3).toLowerCase()}-${body.slice(3).toLowerCase()} ครับ`)).toBe(code);
    expect(findTrackingCode(`ART ${body}`)).toBeNull();
  });

  it('accept Thai digits', () => {
    const code = newTrackingCode(() => 0); // "RT-22222" + check
    const thai = code.replace(/2/g, '๒');
    expect(parseTrackingCode(thai)).toBe(code);
  });
});

describe('workflow table', () => {
  it('allows the documented moves and refuses the rest', () => {
    expect(canTransition('received', 'acknowledged')).toBe(true);
    expect(canTransition('acknowledged', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'resolved')).toBe(true);
    expect(canTransition('in_progress', 'received')).toBe(false);
    expect(canTransition('acknowledged', 'acknowledged')).toBe(false);
    for (const from of ['resolved', 'rejected', 'forwarded'] as const) for (const to of STATUSES) expect(canTransition(from, to)).toBe(false);
    expect(TRANSITIONS.received.rejected).toEqual({ reason: true });
    expect(TRANSITIONS.acknowledged.forwarded).toEqual({ reason: true, forwardedTo: true });
  });

  it('gives the way out of "resolved" to the complainant only, with a reason, for 5 Bangkok days', () => {
    expect(TRANSITIONS.resolved.in_progress).toEqual({ actor: 'citizen', reason: true, windowDays: 5 });
    expect(canTransition('resolved', 'in_progress', 'citizen')).toBe(true);
    expect(canTransition('resolved', 'in_progress', 'staff')).toBe(false);
    expect(canTransition('rejected', 'in_progress', 'citizen')).toBe(false);
    expect(canTransition('in_progress', 'resolved', 'citizen')).toBe(false);
    expect(allowedTransitions('resolved')).toEqual([]);
    expect(allowedTransitions('resolved', 'citizen')).toEqual(['in_progress']);
    // Resolved at 23:30 on 1 Dec Bangkok (16:30 UTC): open until the end of 6 Dec Bangkok.
    expect(windowEndFor(TRANSITIONS.resolved.in_progress ?? {}, '2026-12-01T16:30:00.000Z')?.toISOString()).toBe('2026-12-06T16:59:59.999Z');
    // Resolved at 00:30 on 2 Dec Bangkok (still 1 Dec in UTC): the Bangkok date counts.
    expect(windowEndFor(TRANSITIONS.resolved.in_progress ?? {}, '2026-12-01T17:30:00.000Z')?.toISOString()).toBe('2026-12-07T16:59:59.999Z');
  });

  it('names ISO weeks', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});

describe('deadlines in Bangkok time', () => {
  it('are the end of the 15th Bangkok day after receipt, also just after Bangkok midnight', () => {
    // 22 Nov 00:30 Bangkok is still 21 Nov in UTC: the due date counts from the Bangkok date.
    expect(dueAtFor(new Date('2026-11-21T17:30:00Z')).toISOString()).toBe('2026-12-07T16:59:59.999Z');
    // 21 Nov 23:30 Bangkok: one day earlier.
    expect(dueAtFor(new Date('2026-11-21T16:30:00Z')).toISOString()).toBe('2026-12-06T16:59:59.999Z');
    // Across a month and a year end.
    expect(dueAtFor(new Date('2026-12-20T03:00:00Z')).toISOString()).toBe('2027-01-04T16:59:59.999Z');
  });

  it('remind from the start of the Bangkok day three days before the due date', () => {
    const due = new Date('2026-12-07T16:59:59.999Z');
    expect(remindAtFor(due).toISOString()).toBe('2026-12-03T17:00:00.000Z'); // 4 Dec 00:00 Bangkok
  });

  it('count a case overdue only after the due time and only while open', () => {
    const c = { status: 'in_progress' as const, dueAt: '2026-12-07T16:59:59.999Z' };
    expect(isOverdue(c, new Date('2026-12-07T16:59:59.999Z'))).toBe(false);
    expect(isOverdue(c, new Date('2026-12-07T17:00:00.000Z'))).toBe(true);
    expect(isOverdue({ ...c, status: 'resolved' }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(bangkokMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
  });
});

describe('photos', () => {
  it('strips EXIF and comments from a JPEG, keeping JFIF and the image data', () => {
    const jpeg = jpegWithExif();
    const p = decodePhoto(dataUrl('image/jpeg', jpeg));
    if ('problem' in p) throw new Error(p.problem);
    expect(jpeg.includes('GPS-SECRET')).toBe(true);
    expect(p.bytes.includes('GPS-SECRET')).toBe(false);
    expect(p.bytes.includes('camera owner')).toBe(false);
    expect(p.bytes.includes('JFIF')).toBe(true);
    expect(p.bytes.subarray(-7).equals(Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]))).toBe(true);
  });

  it('drops text and EXIF chunks from PNG and WebP', () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', Buffer.alloc(13)),
      chunk('tEXt', Buffer.from('Author\0somchai')),
      chunk('eXIf', Buffer.from('GPS')),
      chunk('IDAT', Buffer.from([1, 2, 3])),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const cleanPng = stripPng(png);
    expect(cleanPng.includes('somchai')).toBe(false);
    expect(cleanPng.includes('eXIf')).toBe(false);
    expect(cleanPng.includes('IDAT')).toBe(true);

    const riff = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32LE(data.length);
      return Buffer.concat([Buffer.from(type, 'latin1'), len, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x0c;
    const body = Buffer.concat([riff('VP8X', vp8x), riff('VP8 ', Buffer.from([9, 9, 9, 9])), riff('EXIF', Buffer.from('GPS-SECRET')), riff('XMP ', Buffer.from('<x/>'))]);
    const head = Buffer.alloc(12);
    head.write('RIFF', 0, 'latin1');
    head.writeUInt32LE(body.length + 4, 4);
    head.write('WEBP', 8, 'latin1');
    const clean = stripWebp(Buffer.concat([head, body]));
    expect(clean.includes('GPS-SECRET')).toBe(false);
    expect(clean.includes('XMP ')).toBe(false);
    expect(clean.readUInt32LE(4)).toBe(clean.length - 8);
    expect(clean[20]).toBe(0); // VP8X flags cleared
  });

  it('refuses other types, a mismatched type and oversize files', () => {
    expect(decodePhoto('data:image/gif;base64,R0lGODlh')).toHaveProperty('problem');
    expect(decodePhoto(dataUrl('image/png', jpegWithExif()))).toHaveProperty('problem');
    expect(decodePhoto(dataUrl('image/jpeg', Buffer.concat([jpegWithExif(), Buffer.alloc(310 * 1024)])))).toHaveProperty('problem');
    expect(decodePhoto('not a data url')).toHaveProperty('problem');
  });
});

const complaint = (over: Partial<Complaint>): Complaint => ({
  id: 'X',
  orgId: 'o',
  kind: 'general',
  category: 'road',
  title: 't',
  description: 'd',
  place: null,
  photoCount: 0,
  contactPreference: 'line',
  anonymous: false,
  trackingCode: 'RT-222222',
  secretHash: null,
  status: 'received',
  seq: 1,
  receivedAt: '2026-10-05T03:00:00.000Z',
  dueAt: dueAtFor(new Date(over.receivedAt ?? '2026-10-05T03:00:00.000Z')).toISOString(),
  updatedAt: '2026-10-05T03:00:00.000Z',
  finishedAt: null,
  lastNote: null,
  reminders: {},
  ...over,
});

describe('statistics', () => {
  const now = new Date('2026-11-10T03:00:00Z');
  const data: Complaint[] = [
    complaint({ category: 'road', status: 'resolved', finishedAt: '2026-10-07T03:00:00.000Z' }), // 2 days
    complaint({ category: 'road', status: 'resolved', finishedAt: '2026-10-09T03:00:00.000Z' }), // 4 days
    complaint({ category: 'garbage', status: 'rejected', finishedAt: '2026-10-15T03:00:00.000Z' }), // 10 days
    complaint({ category: 'garbage', status: 'in_progress' }), // overdue (due 20 Oct)
    // 1 Nov 00:30 Bangkok = 31 Oct UTC: counts in November.
    complaint({ category: 'road', receivedAt: '2026-10-31T17:30:00.000Z', dueAt: dueAtFor(new Date('2026-10-31T17:30:00.000Z')).toISOString(), status: 'acknowledged' }),
    complaint({ kind: 'corruption', category: 'bribery', status: 'received' }),
    complaint({ kind: 'corruption', category: 'bribery', status: 'resolved', finishedAt: '2026-10-06T03:00:00.000Z' }),
  ];
  const titles = new Map([['road', 'ถนน/ทางเท้า'], ['garbage', 'ขยะ/ความสะอาด'], ['bribery', 'เรียกรับเงิน']]);

  it('counts per month (Bangkok) and category, with the median days to finish', () => {
    const s = computeStats(data, titles, now);
    expect(s.general.totals).toMatchObject({ received: 5, finished: 3, inProgress: 2, overdue: 1, resolved: 2, rejected: 1, medianDaysToFinish: 4, finishedOnTime: 3 });
    expect(s.general.byMonth.map((m) => [m.month, m.received, m.finished, m.inProgress, m.overdue])).toEqual([
      ['2026-10', 4, 3, 1, 1],
      ['2026-11', 1, 0, 1, 0],
    ]);
    expect(s.general.byCategory.find((c) => c.category === 'road')).toMatchObject({ title: 'ถนน/ทางเท้า', received: 3, finished: 2, medianDaysToFinish: 3 });
    expect(s.corruption).toEqual({ received: 2, finished: 1, inProgress: 1, overdue: 1 });
    expect(JSON.stringify(s)).not.toContain('bribery');
    expect(median([])).toBeNull();
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('filters by month range', () => {
    expect(computeStats(data, titles, now, { from: '2026-11' }).general.totals.received).toBe(1);
    expect(computeStats(data, titles, now, { to: '2026-10' }).general.totals.received).toBe(4);
  });

  it('writes CSV in UTF-8 with a BOM and Thai headers and month names', () => {
    const csv = statsCsv(computeStats(data, titles, now));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^เดือน,ประเภท,หมวดเรื่อง,รับเรื่อง,ดำเนินการแล้วเสร็จ,อยู่ระหว่างดำเนินการ,เกินกำหนด 15 วัน/);
    expect(lines).toContain('ตุลาคม 2569,ร้องเรียนทั่วไป,ถนน/ทางเท้า,2,2,0,0,2,0,0,2,3');
    expect(lines.at(-1)).toBe('รวมทั้งหมด,แจ้งเบาะแสการทุจริต,-,2,1,1,1,,,,,');
  });
});
