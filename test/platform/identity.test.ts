import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdTokenVerifier, localKeys } from '../../functions/src/auth/idToken.ts';
import { createLocalIssuer, type LocalIssuer } from '../../functions/src/auth/localIssuer.ts';
import { UnauthenticatedError } from '../../functions/src/errors.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const AUD = '1234567890';
const USER = 'U0123456789abcdef0123456789abcdef';
const now = new Date('2026-11-22T03:00:00Z');

describe('ID token verification', () => {
  let issuer: LocalIssuer;
  let verify: (token: string, aud?: string, at?: Date) => Promise<unknown>;
  beforeAll(async () => {
    issuer = await createLocalIssuer();
    verify = (token, aud = AUD, at = now) =>
      createIdTokenVerifier({ issuer: issuer.issuer, keys: localKeys(issuer.jwks()), now: () => at }).verify(token, aud);
  });

  it('accepts a valid token and takes the user id from its subject', async () => {
    const token = await issuer.sign({ sub: USER, name: 'สมชาย', aud: AUD, now });
    await expect(verify(token)).resolves.toEqual({ userId: USER, name: 'สมชาย' });
  });

  it('rejects a token signed by another key with the same kid and claims', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const kid = (issuer.jwks().keys[0] as { kid: string }).kid;
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer.issuer)
      .setSubject(USER)
      .setAudience(AUD)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
      .sign(privateKey);
    await expect(verify(forged)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects an expired token with a Thai message to open the page again', async () => {
    const token = await issuer.sign({ sub: USER, aud: AUD, now, expiresInSeconds: 60 });
    const later = new Date(now.getTime() + 10 * 60_000);
    await expect(verify(token, AUD, later)).rejects.toMatchObject({ publicMessage: expect.stringMatching(/หมดอายุ/) });
  });

  it('rejects a token for another audience (another LINE Login channel)', async () => {
    const token = await issuer.sign({ sub: USER, aud: '999', now });
    await expect(verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a token from another issuer', async () => {
    const other = await createLocalIssuer('https://evil.example');
    const token = await other.sign({ sub: USER, aud: AUD, now });
    await expect(verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects an unsigned token and garbage', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ iss: issuer.issuer, sub: USER, aud: AUD, exp: 9e9, iat: 1 })).toString('base64url');
    await expect(verify(`${header}.${payload}.`)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(verify('id_token')).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('local issuer routes', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => t.stop());

  it('issues a token from POST /dev/id-token that the server verifies, with keys at the JWKS', async () => {
    const res = await fetch(`${t.rt.baseUrl}/dev/id-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: USER, name: 'ทดสอบ' }),
    });
    expect(res.status).toBe(200);
    const { idToken } = (await res.json()) as { idToken: string };
    const jwks = (await (await fetch(`${t.rt.baseUrl}/dev/issuer/jwks.json`)).json()) as { keys: object[] };
    const verifier = createIdTokenVerifier({ issuer: t.rt.issuer!.issuer, keys: localKeys(jwks), now: () => t.clock.now() });
    await expect(verifier.verify(idToken, AUD)).resolves.toMatchObject({ userId: USER });
  });

  it('refuses a token request without a subject', async () => {
    const res = await fetch(`${t.rt.baseUrl}/dev/id-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('sub');
  });
});
