import type { Firestore } from 'firebase-admin/firestore';
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
  api(orgId: string): Promise<LineApi | null>;
}

/** Credentials are read at most once a minute per organisation: a rotated secret takes effect within that minute. */
const CREDENTIALS_TTL_MS = 60_000;

/** `dataBaseURL`: the data API host (message content); by default derived from the Messaging API base (dataApiBaseFor). */
export function createLineGateway(credentials: ChannelCredentials, baseURL: () => string, dataBaseURL?: () => string): LineGateway {
  const get = ttlCache((orgId) => credentials.get(orgId), CREDENTIALS_TTL_MS);
  return {
    async channelSecret(orgId) {
      return (await get(orgId))?.channelSecret ?? null;
    },
    async api(orgId) {
      const creds = await get(orgId);
      return creds ? createLineApi({ channelAccessToken: creds.channelAccessToken, baseURL: baseURL(), ...(dataBaseURL ? { dataBaseURL: dataBaseURL() } : {}) }) : null;
    },
  };
}
