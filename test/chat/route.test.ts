import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import { askRouter } from '../../functions/src/chat/route.ts';
import { mapRouteError } from '../../functions/src/http/errors.ts';
import { demoKb } from './fixtures.ts';

describe('POST /api/orgs/:orgId/ask over HTTP', () => {
  let base = '';
  let close: () => void = () => {};
  beforeAll(async () => {
    const app = express();
    const kb = demoKb();
    app.use(askRouter({ respond: (orgId, text) => answer(kb, orgId, text, null) }));
    app.use(((err, _req, res, _next) => {
      const m = mapRouteError(err);
      res.status(m.status).json(m.body);
    }) as express.ErrorRequestHandler);
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const post = (org: string, body: unknown) =>
    fetch(`${base}/api/orgs/${org}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers with intent, results and the LINE messages', async () => {
    const res = await post('maesot', { text: 'มาตรการ NO Gift Policy คืออะไร' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { intent: string; results: Array<{ type: string; id: string; title: string; score: number }>; messages: unknown[] };
    expect(body.intent).toBe('project');
    expect(body.results[0]).toMatchObject({ type: 'project', title: 'มาตรการ NO Gift Policy' });
    expect(typeof body.results[0]?.score).toBe('number');
    expect(body.messages.length).toBeGreaterThan(0);
  });

  it('refuses empty text with a field issue', async () => {
    const res = await post('maesot', { text: '   ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: Array<{ path: string }> };
    expect(body.issues[0]?.path).toBe('text');
  });

  it('refuses a missing text and a text over 1,000 characters', async () => {
    expect((await post('maesot', {})).status).toBe(400);
    const huge = await post('maesot', { text: 'ก'.repeat(1001) });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBe('text');
  });

  it('answers emoji-only text helpfully', async () => {
    const res = await post('maesot', { text: '🙏🙏' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { intent: string }).intent).toBe('help');
  });

  it('refuses "today" outside local mode (the router was not allowed it)', async () => {
    const res = await post('maesot', { text: 'ปีนี้มีโครงการอะไรบ้าง', today: '2026-12-02' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBe('today');
  });

  it('answers 404 for an unknown organisation and 400 for a malformed id', async () => {
    expect((await post('nowhere', { text: 'สวัสดี' })).status).toBe(404);
    expect((await post('BAD_ID!', { text: 'สวัสดี' })).status).toBe(400);
  });
});
