import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUserId } from '../support/app.ts';
import { allScores, scores, startRatingsApp, type RatingsApp } from './harness.ts';

let h: RatingsApp;
beforeAll(async () => {
  h = await startRatingsApp();
});
afterAll(async () => {
  await h?.stop();
});

const path = (orgId: string, rest = '') => `/api/orgs/${orgId}/ratings${rest}`;

describe('submitting a walk-in rating', () => {
  it('answers 201, stores it once, and the summary shows it with both definitions', async () => {
    const { org } = await h.givenOrgWithServices();
    const token = await h.token(newUserId());
    const res = await h.call('POST', path(org.id), { token, body: { serviceId: 'civil-registration', scores: scores(5, 4, 3, 5, 4), comment: 'ดีมาก', ageGroup: '30-39' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ serviceId: 'civil-registration', serviceTitle: 'งานทะเบียนราษฎร', source: 'walkin' });
    expect(await h.countStored(org.id)).toEqual({ keys: 1, ratings: 1, comments: 1, aggregates: 1 });
    const sum = await h.call('GET', path(org.id, '/summary'));
    expect(sum.status).toBe(200);
    expect(sum.json.total.ratings).toBe(1);
    expect(sum.json.total.allItems).toMatchObject({ answers: 5, mean: 4.2, meanPercent: 84, satisfiedPercent: 80 });
  });
});
