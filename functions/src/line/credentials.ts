import type { Firestore } from '../store/firestore.ts';
import { lineChannelsSchema } from '../config.ts';
import { getOrgSecrets } from '../orgs/store.ts';
import type { OrgSecrets } from '../orgs/schema.ts';
import { ttlCache } from '../store/ttlCache.ts';
import { createLineApi, type LineApi } from './client.ts';

/** Where each organisation's channel secret and access token come from. */
export interface ChannelCredentials {
  get(orgId: string): Promise<OrgSecrets | null>;
}

/** Production: one Firebase secret (LINE_CHANNELS) holding every organisation's credentials as JSON. */
export function secretCredentials(channelsJson: string): ChannelCredentials {
  const channels = lineChannelsSchema.parse(JSON.parse(channelsJson));
  return { get: async (orgId) => channels[orgId] ?? null };
}

/** Local and emulator modes (and an option in production): the `orgSecrets` collection, which no API reads. */
export function firestoreCredentials(db: Firestore): ChannelCredentials {
  return { get: (orgId) => getOrgSecrets(db, orgId) };
}

/** Gives the Messaging API client of an organisation's channel. */
export interface LineGateway {
  channelSecret(orgId: string): Promise<string | null>;
  /**
   * The channel secret read again now, past the cache (at most once per 10 s per organisation): after a signature
   * mismatch, a secret rotated within the cache's minute is picked up at once instead of refusing LINE for that minute.
   */
  freshChannelSecret(orgId: string): Promise<string | null>;
  api(orgId: string): Promise<LineApi | null>;
}

/**
 * Credentials are read at most once a minute per organisation (the webhook checks every event's signature with them;
 * reading them per event would double its storage reads). What the cache means for security (docs/security.md): a
 * new secret is used at once (a mismatch re-reads it, `freshChannelSecret`), but a revoked one is still accepted until
 * its cached copy is a minute old — rotate on LINE first, then here, and expect up to a minute of overlap.
 */
const CREDENTIALS_TTL_MS = 60_000;

/** `dataBaseURL`: the data API host (message content); by default derived from the Messaging API base (dataApiBaseFor). */
export function createLineGateway(credentials: ChannelCredentials, baseURL: () => string, dataBaseURL?: () => string): LineGateway {
  const get = ttlCache((orgId) => credentials.get(orgId), CREDENTIALS_TTL_MS);
  // One Messaging API client per access token (and base URL), not one per reply.
  const clients = new Map<string, LineApi>();
  return {
    async channelSecret(orgId) {
      return (await get(orgId))?.channelSecret ?? null;
    },
    async freshChannelSecret(orgId) {
      return (await get.reload(orgId))?.channelSecret ?? null;
    },
    async api(orgId) {
      const creds = await get(orgId);
      if (!creds) return null;
      const base = baseURL();
      const data = dataBaseURL?.();
      const key = `${base} ${data ?? ''} ${creds.channelAccessToken}`;
      let api = clients.get(key);
      if (!api) {
        if (clients.size > 1000) clients.clear();
        api = createLineApi({ channelAccessToken: creds.channelAccessToken, baseURL: base, ...(data ? { dataBaseURL: data } : {}) });
        clients.set(key, api);
      }
      return api;
    },
  };
}
