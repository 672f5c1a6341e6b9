import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTrackingSecret, newTrackingSecret, normalizeTrackingSecret, trackingSecretMatches } from '../../functions/src/complaints/secret.ts';
import { corruptionBody, startComplaintsApp, type ComplaintsApp } from './harness.ts';

describe('tracking secrets people can keep', () => {
  it('are 16 Crockford base32 characters in groups of four, without letters that read as digits', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = newTrackingSecret();
      expect(s).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      seen.add(s);
    }
    expect(seen.size).toBe(200);
  });

  it('match however they are typed: lower case, spaces, no dashes, O for 0 and l/I for 1', () => {
    const hash = hashTrackingSecret('7K2M-9QXD-4HPA-1R0E');
    for (const typed of ['7k2m 9qxd 4hpa 1r0e', '7K2M9QXD4HPA1R0E', ' 7k2m-9qxd-4hpa-lroe ', '7K2M 9QXD 4HPA IRoE']) expect(trackingSecretMatches(typed, hash)).toBe(true);
    expect(trackingSecretMatches('7K2M-9QXD-4HPA-1R0F', hash)).toBe(false);
    expect(trackingSecretMatches('', hash)).toBe(false);
    expect(normalizeTrackingSecret('too short')).toBeNull();
  });

  it('keeps secrets issued before working, exactly as issued (case-sensitive)', () => {
    const old = 'aB3_x-Yz09QwErTyUiOpAsDf';
    const hash = createHash('sha256').update(old).digest('hex');
    expect(trackingSecretMatches(old, hash)).toBe(true);
    expect(trackingSecretMatches(old.toLowerCase(), hash)).toBe(false);
  });
});

describe('tracking an anonymous report with its secret', () => {
  let h: ComplaintsApp;
  beforeAll(async () => {
    h = await startComplaintsApp();
  });
  afterAll(async () => h?.stop());

  it('accepts the secret typed in lower case with spaces', async () => {
    const { org } = await h.givenOrgWithStaff();
    const filed = (await h.call('POST', `/api/orgs/${org.id}/complaints`, { body: corruptionBody({ anonymous: true, contact: undefined }) })).json;
    expect(filed.trackingSecret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const typed = filed.trackingSecret.toLowerCase().replaceAll('-', ' ');
    const res = await h.call('GET', `/api/orgs/${org.id}/complaints/track/${filed.trackingCode}?secret=${encodeURIComponent(typed)}`);
    expect(res.status).toBe(200);
    expect(res.json.access).toBe('owner');
    const wrong = await h.call('GET', `/api/orgs/${org.id}/complaints/track/${filed.trackingCode}?secret=${encodeURIComponent('0000 0000 0000 0000')}`);
    expect(wrong.status).toBe(404);
  });
});
