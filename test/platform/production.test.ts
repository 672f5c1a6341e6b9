import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgIfAbsent } from '../../functions/src/orgs/store.ts';
import { startProductionApp, type ProductionTestApp } from '../support/app.ts';

describe('production mode', () => {
  let app: ProductionTestApp;
  let base: string;

  beforeAll(async () => {
    // Even handed every dev piece, the app must not mount them: the configuration decides.
    app = await startProductionApp({ channels: ['demo'], withDevPieces: true });
    base = app.baseUrl;
  });
  afterAll(async () => app.stop());

  it.each([
    ['GET', '/dev/chat'],
    ['POST', '/dev/chat/demo'],
    ['GET', '/dev/line/outbox'],
    ['DELETE', '/dev/line/outbox'],
    ['POST', '/dev/id-token'],
    ['GET', '/dev/issuer/jwks.json'],
    ['GET', '/dev/demo'],
  ])('has no %s %s', async (method, path) => {
    const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"sub":"U1","userId":"U1","text":"x"}' } : {}) });
    expect(res.status).toBe(404);
  });

  it('still serves the health check (ok once the organisations it serves exist) and the webhook', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    const now = new Date().toISOString();
    await createOrgIfAbsent(app.db, { id: 'demo', name: 'เทศบาลตำบลทดสอบ', district: 'เมือง', province: 'ทดสอบ', line: { loginChannelId: '1234567890' }, createdAt: now, updatedAt: now });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/line/webhook/unknown-org`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
