import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../functions/src/app.ts';
import { createIdTokenVerifier, localKeys } from '../../functions/src/auth/idToken.ts';
import { createLocalIssuer } from '../../functions/src/auth/localIssuer.ts';
import { systemClock } from '../../functions/src/clock.ts';
import { loadConfig } from '../../functions/src/config.ts';
import { createLineGateway, secretCredentials } from '../../functions/src/line/credentials.ts';
import { createLineSandbox } from '../../functions/src/line/sandbox/fakeLineApi.ts';
import { createLogger } from '../../functions/src/log.ts';
import { createOrgIfAbsent } from '../../functions/src/orgs/store.ts';
import { startTestFirestore } from '../support/firestore.ts';

describe('production mode', () => {
  let env: Awaited<ReturnType<typeof startTestFirestore>>;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    env = await startTestFirestore();
    const config = loadConfig({
      MODE: 'production',
      PROJECT_ID: 'prod-project',
      PORT: '0',
      LINE_CHANNELS: JSON.stringify({ demo: { channelSecret: 's', channelAccessToken: 't' } }),
    });
    const issuer = await createLocalIssuer();
    // Even handed every dev piece, the app must not mount them: the configuration decides.
    const { app } = createApp({
      config,
      db: env.db,
      clock: systemClock,
      log: createLogger({ level: 'silent' }),
      line: createLineGateway(secretCredentials(config.line.channelsJson!), () => 'https://api.line.me'),
      idTokens: createIdTokenVerifier({ issuer: 'https://access.line.me', keys: localKeys(issuer.jwks()), now: () => new Date() }),
      dev: { sandbox: createLineSandbox(systemClock), issuer, firestoreEmulatorHost: env.emulator.host, lineApiBaseUrl: 'x' },
    });
    server = await new Promise((resolve) => { const s = app.listen(0, () => resolve(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await env.stop();
  });

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
    await createOrgIfAbsent(env.db, { id: 'demo', name: 'เทศบาลตำบลทดสอบ', district: 'เมือง', province: 'ทดสอบ', line: { loginChannelId: '1234567890' }, createdAt: now, updatedAt: now });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/line/webhook/unknown-org`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
