import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/**
 * Local mode's stand-in for LINE Login: an ES256 key made at start-up, a JWKS, and tokens shaped like LINE's
 * (iss, sub, aud, exp, iat, name). Production configuration refuses it (config.ts).
 */
export interface LocalIssuer {
  readonly issuer: string;
  jwks(): { keys: JWK[] };
  sign(claims: { sub: string; name?: string; aud: string; expiresInSeconds?: number; now?: Date }): Promise<string>;
}

export const LOCAL_ISSUER = 'http://localhost/dev/issuer';

export async function createLocalIssuer(issuer = LOCAL_ISSUER): Promise<LocalIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    issuer,
    jwks: () => ({ keys: [publicJwk] }),
    async sign({ sub, name, aud, expiresInSeconds = 3600, now = new Date() }) {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT(name ? { name } : {})
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(sub)
        .setAudience(aud)
        .setIssuedAt(iat)
        .setExpirationTime(iat + expiresInSeconds)
        .sign(privateKey);
    },
  };
}
