import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../functions/src/http/rateLimit.ts';
import { api, givenOrg, idTokenFor, newUserId, startTestApp, type TestApp } from '../support/app.ts';

/** Issue 13 F4: limits that hold (no forged client address, tracking lookups limited, counters shared). */
let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;

beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t);
});
afterAll(async () => t.stop());

async function corruptionCategory(orgId: string): Promise<string> {
  const categories = (await api(t, 'GET', `/api/orgs/${orgId}/complaints/categories`)).body as unknown as { id: string; kind: string }[];
  return categories.find((c) => c.kind === 'corruption')!.id;
}

const fileAnonymously = (orgId: string, category: string, forwardedFor: string) =>
  fetch(`${t.rt.baseUrl}/api/orgs/${orgId}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ kind: 'corruption', category, title: 'เรียกรับเงินใต้โต๊ะ', description: 'เจ้าหน้าที่เรียกรับเงินเพื่อเร่งเรื่อง' }),
  });

describe('client addresses', () => {
  it('ignores a made-up X-Forwarded-For in local mode: the anonymous filing limit still holds', async () => {
    const o = await givenOrg(t);
    const category = await corruptionCategory(o.id);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fileAnonymously(o.id, category, `203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });
});

describe('tracking-code lookups', () => {
  it('are limited per caller, so codes cannot be enumerated', async () => {
    const o = await givenOrg(t);
    const statuses: number[] = [];
    // Every lookup counts, whether the code exists, is well formed or not, as an enumeration would try them.
    for (let i = 0; i < 32; i++) statuses.push((await api(t, 'GET', `/api/orgs/${o.id}/complaints/track/RT-AAAAAA`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
    // Another person (their own token) is not held back by the first one's lookups.
    const token = await idTokenFor(t, newUserId());
    expect((await api(t, 'GET', `/api/orgs/${o.id}/complaints/track/RT-AAAAAA`, { token })).status).not.toBe(429);
  });
});

describe('rate-limit counters', () => {
  it('are shared by every instance: two limiters on one Firestore allow the limit in total, also when racing', async () => {
    const a = createRateLimiter({ name: 'shared-test', limit: 5, windowMs: 60_000, db: t.rt.db, clock: t.clock });
    const b = createRateLimiter({ name: 'shared-test', limit: 5, windowMs: 60_000, db: t.rt.db, clock: t.clock });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).take(`${org.id}|u:1`)));
    expect(results.filter(Boolean)).toHaveLength(5);
    // A new window starts afresh.
    t.clock.advance(60_000);
    expect(await a.take(`${org.id}|u:1`)).toBe(true);
  });
});
