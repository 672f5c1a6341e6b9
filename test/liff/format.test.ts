import { describe, expect, it } from 'vitest';
import { bangkokDaysBetween, buddhistYear, codeGroups, fiscalYears, codeSpoken, formatDate, formatMonth, normalizeCode, normalizeDigits } from '../../liff-app/src/lib/format.ts';
import { parseLocation, pageHref } from '../../liff-app/src/lib/location.ts';
import { validateComplaint, type ComplaintDraft } from '../../liff-app/src/pages/complaintRules.ts';

describe('Thai formatting in the LIFF app', () => {
  it('writes dates in the Buddhist era, in Bangkok time, without adding 543 by hand', () => {
    expect(formatDate('2026-11-22T03:00:00Z')).toBe('22 พฤศจิกายน 2569');
    // 23:30 UTC on 31 December is already 1 January in Bangkok.
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1 มกราคม 2570');
    expect(formatMonth('2026-11')).toBe('พ.ย. 2569');
  });

  it('names Thai fiscal years (October to September) by the Buddhist-era year they end in', () => {
    expect(buddhistYear(new Date('2026-11-22T03:00:00Z'))).toBe('2569');
    expect(fiscalYears(new Date('2026-11-22T03:00:00Z'), 2)).toEqual([
      { from: '2026-10', to: '2027-09', label: '2570' },
      { from: '2025-10', to: '2026-09', label: '2569' },
    ]);
    // 18:00 UTC on 30 September is already 1 October in Bangkok: the new fiscal year.
    expect(fiscalYears(new Date('2026-09-30T18:00:00Z'), 1)[0]!.label).toBe('2570');
    expect(fiscalYears(new Date('2026-09-30T16:00:00Z'), 1)[0]!.label).toBe('2569');
  });

  it('counts days passed by Bangkok calendar days', () => {
    expect(bangkokDaysBetween('2026-11-22T03:00:00Z', '2026-11-22T16:59:00Z')).toBe(0);
    expect(bangkokDaysBetween('2026-11-22T03:00:00Z', '2026-11-22T17:00:00Z')).toBe(1);
    expect(bangkokDaysBetween('2026-11-01T03:00:00Z', '2026-11-16T03:00:00Z')).toBe(15);
  });

  it('groups tracking codes to read out, spells them for screen readers, and reads what people type', () => {
    expect(codeGroups('RT-7K4M2Q')).toEqual(['RT', '7K4', 'M2Q']);
    expect(codeSpoken('RT-7K4M2Q')).toBe('R T, 7 K 4, M 2 Q');
    expect(codeGroups('Px2kthR0fXTjUSt2', 4)).toEqual(['Px2k', 'thR0', 'fXTj', 'USt2']);
    expect(normalizeCode(' rt-๗k4 m2q ')).toBe('RT-7K4M2Q');
    expect(normalizeDigits('๐๘๑-๒๓๔-๕๖๗๘')).toBe('081-234-5678');
  });

  it('reads the organisation and page from /liff/{orgId}/{page}', () => {
    expect(parseLocation('/liff/maesot/complaints/new')).toEqual({ orgId: 'maesot', page: 'complaints/new' });
    expect(parseLocation('/liff/maesot/')).toEqual({ orgId: 'maesot', page: '' });
    expect(parseLocation('/liff/')).toEqual({ orgId: null, page: '' });
    expect(parseLocation('/liff/Bad_Org/x').orgId).toBeNull();
    expect(pageHref('maesot', '/complaints/track?code=RT-7K4M2Q')).toBe('/liff/maesot/complaints/track?code=RT-7K4M2Q');
  });
});

describe('complaint form checks mirror the server', () => {
  const draft = (over: Partial<ComplaintDraft> = {}): ComplaintDraft => ({
    kind: 'general',
    category: 'road',
    title: 'ถนนเป็นหลุม',
    description: 'ถนนหน้าตลาดเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย',
    placeText: '',
    location: null,
    contact: 'line',
    phone: '',
    email: '',
    contactName: '',
    consent: true,
    anonymous: false,
    updates: 'important',
    ...over,
  });

  it('accepts a complete complaint and names each missing or wrong field', () => {
    expect(Object.values(validateComplaint(draft(), 0)).filter(Boolean)).toEqual([]);
    const e = validateComplaint(draft({ category: '', title: 'ab', description: 'สั้น', consent: false, contact: 'phone', phone: '12345' }), 4);
    expect(Object.keys(e).sort()).toEqual(['category', 'consent', 'description', 'phone', 'photos', 'title']);
  });

  it('takes phone numbers with Thai digits and dashes; an anonymous report needs no consent', () => {
    expect(validateComplaint(draft({ contact: 'phone', phone: '๐๘๑-๒๓๔-๕๖๗๘' }), 0).phone).toBeUndefined();
    expect(validateComplaint(draft({ contact: 'phone', phone: '+66812345678' }), 0).phone).toBeUndefined();
    expect(validateComplaint(draft({ contact: 'email', email: 'somchai@example' }), 0).email).toBeDefined();
    expect(validateComplaint(draft({ contact: 'email', email: 'somchai@example.com' }), 0).email).toBeUndefined();
    expect(validateComplaint(draft({ kind: 'corruption', anonymous: true, consent: false }), 0).consent).toBeUndefined();
    expect(validateComplaint(draft({ kind: 'general', anonymous: true, consent: false }), 0).consent).toBeDefined();
  });
});
