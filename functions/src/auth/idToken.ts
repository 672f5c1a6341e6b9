import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../errors.ts';
import { cleanText } from '../text/clean.ts';

/** Who a verified ID token says the caller is. Nothing else about identity is ever taken from a client. */
export interface VerifiedIdentity {
  userId: string;
  name: string | undefined;
}

export interface IdTokenVerifier {
  verify(token: string, audience: string): Promise<VerifiedIdentity>;
}

/**
 * Verifies a LINE ID token: ES256 signature against the issuer's keys, issuer, audience (the organisation's LINE
 * Login channel id) and expiry, against the injected clock. The same code checks tokens from LINE and from the local
 * issuer; only the key set and issuer differ.
 */
export function createIdTokenVerifier(options: { issuer: string; keys: JWTVerifyGetKey; now: () => Date }): IdTokenVerifier {
  return {
    async verify(token, audience) {
      try {
        const { payload } = await jwtVerify(token, options.keys, {
          issuer: options.issuer,
          audience,
          algorithms: ['ES256'],
          currentDate: options.now(),
          clockTolerance: 5,
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 100) {
          throw new UnauthenticatedError('token subject is not a LINE user id');
        }
        // The LINE display name is chosen by the user: cleaned of control and bidi characters, capped (text/clean.ts).
        const name = typeof payload.name === 'string' ? cleanText(payload.name).slice(0, 100) || undefined : undefined;
        return { userId: payload.sub, name };
      } catch (err) {
        if (err instanceof UnauthenticatedError) throw err;
        if (err instanceof errors.JWTExpired) throw new UnauthenticatedError('token expired', 'การเข้าสู่ระบบหมดอายุ กรุณาเปิดหน้านี้ใหม่จาก LINE');
        if (err instanceof errors.JOSEError) throw new UnauthenticatedError(`token rejected (${err.code})`);
        throw err;
      }
    },
  };
}

export const LINE_ISSUER = 'https://access.line.me';

export function lineKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl));
}

export function localKeys(jwks: { keys: object[] }): JWTVerifyGetKey {
  // jose's JSONWebKeySet type wants its own JWK shape; the keys come from our own issuer's exportJWK.
  return createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
}
