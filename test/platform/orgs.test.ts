import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, givenOrg, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t, { name: 'องค์การบริหารส่วนตำบลทดสอบ', liffId: '1234567890-abcd' });
});
afterAll(async () => t.stop());

describe('public organisation API', () => {
  it('gives what the LIFF app needs, and never the channel credentials', async () => {
    const res = await api(t, 'GET', `/api/orgs/${org.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: org.id, name: 'องค์การบริหารส่วนตำบลทดสอบ', liffId: '1234567890-abcd', timeZone: 'Asia/Bangkok', mode: 'local' });
    const all = await api(t, 'GET', '/api/orgs');
    const text = JSON.stringify([res.body, all.body]);
    expect(text).not.toContain(org.channelSecret);
    expect(text).not.toContain(org.channelAccessToken);
  });

  it('answers 404 in Thai for an unknown or malformed organisation id', async () => {
    expect((await api(t, 'GET', '/api/orgs/nobody-here')).status).toBe(404);
    const bad = await api(t, 'GET', '/api/orgs/NOT_AN_ID');
    expect(bad.status).toBe(404);
    expect(bad.body.error).toMatch(/ไม่พบหน่วยงาน/);
  });

  it('describes the API and links the developer pages from the landing page', async () => {
    const landing = await fetch(`${t.rt.baseUrl}/`);
    const html = await landing.text();
    for (const link of ['/dev/chat', '/dev/line/outbox', '/liff/', '/api']) expect(html).toContain(`href="${link}"`);
    expect((await api(t, 'GET', '/api')).body.webhook).toMatch(/POST \/line\/webhook\/:orgId/);
  });
});
