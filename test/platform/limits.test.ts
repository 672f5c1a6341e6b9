import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from '../../functions/src/http/body.ts';
import { signBody } from '../../functions/src/line/sign.ts';
import { api, countEvents, givenOrg, newUserId, postWebhook, startTestApp, textEvent, webhookBody, type TestApp } from '../support/app.ts';

/** Issue 13 F3: bounded work before authentication. */
let t: TestApp;
let org: Awaited<ReturnType<typeof givenOrg>>;

beforeAll(async () => {
  t = await startTestApp();
  org = await givenOrg(t);
});
afterAll(async () => t.stop());

const deep = (depth: number) => `{"text":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/**
 * POSTs raw bytes with node's http client and resolves on the response, even if the server closes the connection
 * before the whole body was sent (which is what it should do with an oversized body).
 */
function postRaw(path: string, body: string, options: { chunked?: boolean } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, t.rt.baseUrl);
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!options.chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    if (options.chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

describe('request bodies are bounded per route before parsing', () => {
  it('refuses a 5.8 MB deeply nested body to /ask with 413, on its declared length, without parsing it', async () => {
    const res = await postRaw(`/api/orgs/${org.id}/ask`, deep(Math.floor((5.8 * 1024 * 1024) / 2)));
    expect(res.status).toBe(413);
    // Refused for its size, not as bad JSON or too deep: the parser never saw it.
    expect(JSON.parse(res.body).issues).toEqual([{ path: '', message: 'body too large' }]);
  });

  it('stops reading a chunked body with no declared length at the route limit', async () => {
    const res = await postRaw(`/api/orgs/${org.id}/ask`, deep(300_000), { chunked: true });
    expect(res.status).toBe(413);
  });

  it('refuses a body over the small LIFF limit on a staff route before authentication', async () => {
    const res = await postRaw(`/api/orgs/${org.id}/staff/services/s1/call-next`, JSON.stringify({ counterId: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
  });

  it('refuses a small but deeply nested body with 400 and stores nothing', async () => {
    const categories = (await api(t, 'GET', `/api/orgs/${org.id}/complaints/categories`)).body as unknown as { id: string; kind: string }[];
    const category = categories.find((c) => c.kind === 'corruption')!.id;
    const nested = `{"kind":"corruption","category":"${category}","title":"เรื่องทดสอบ","description":"รายละเอียดเรื่องทดสอบ","place":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await postRaw(`/api/orgs/${org.id}/complaints`, nested);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).issues).toEqual([{ path: '', message: 'body is nested too deeply' }]);
    const stored = await t.rt.db.collection('orgs').doc(org.id).collection('complaints').count().get();
    expect(stored.data().count).toBe(0);
  });

  it('counts nesting only outside strings: brackets and escaped quotes inside text are not depth', async () => {
    const text = `ถาม ${'['.repeat(100)} \\" ${'{'.repeat(100)} จบ`;
    const res = await postRaw(`/api/orgs/${org.id}/ask`, JSON.stringify({ text }));
    expect(res.status).toBe(200);
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ a: [{ b: text }] })), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ a: [{ b: [text] }] })), 3)).toBe(true);
  });

  it('gives complaint filing (photos) its own larger limit, and refuses beyond it', async () => {
    const big = JSON.stringify({ kind: 'corruption', category: 'x', title: 'เรื่อง', description: 'x'.repeat(2 * 1024 * 1024) });
    expect((await postRaw(`/api/orgs/${org.id}/complaints`, big)).status).toBe(413);
    const fits = JSON.stringify({ kind: 'corruption', category: 'x', title: 'เรื่อง', description: 'x'.repeat(900 * 1024) });
    // Within the filing limit the body is read and validated: a field error, not a size error.
    expect((await postRaw(`/api/orgs/${org.id}/complaints`, fits)).status).toBe(400);
  });
});

describe('the webhook acknowledges what it cannot parse, but only when signed', () => {
  it('answers 200 to a signed event with a 200,000-deep field, records nothing and logs the drop', async () => {
    const event = textEvent(t, newUserId(), 'สวัสดี');
    const raw = JSON.stringify(webhookBody(event)).replace('"text":"สวัสดี"', `"text":${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const before = await countEvents(t, org.id);
    const res = await postWebhook(t, org.id, undefined, org.channelSecret, { raw, signature: signBody(raw, org.channelSecret) });
    expect(res.status).toBe(200);
    expect(await countEvents(t, org.id)).toBe(before);
    expect(t.logs()).toContain('webhook body dropped: cannot be parsed');
  });

  it('still refuses the same deep body with a wrong signature (401)', async () => {
    const raw = `{"destination":"U1","events":[${'['.repeat(200_000)}${']'.repeat(200_000)}]}`;
    const res = await postWebhook(t, org.id, undefined, org.channelSecret, { raw, signature: signBody(raw, 'not-the-secret') });
    expect(res.status).toBe(401);
  });

  it('drops only the unreadable event of a body and answers the others', async () => {
    const userId = newUserId();
    const good = textEvent(t, userId, 'สวัสดี');
    const res = await postWebhook(t, org.id, webhookBody({ type: 'message' }, good), org.channelSecret);
    expect(res.status).toBe(200);
    await t.rt.processor.drain();
    expect(t.rt.sandbox!.outbox({ to: userId })).toHaveLength(1);
    expect(t.logs()).toContain('webhook event dropped: cannot be parsed');
  });
});
