/**
 * Local mode: every organisation gets a sandbox LINE channel like the demo ones, not only the demo organisations.
 * An organisation created by `npm run import` (or any other way) has no channel credentials and no LINE Login
 * channel; here it gets random credentials in `orgSecrets` (create-if-absent: safe to repeat and to race), the local
 * LINE Login channel id (so the LIFF app's tokens from the local issuer verify), and its access token registered with
 * the sandbox, so `/dev/chat/:orgId` and the webhook work for it. Runs at start for every organisation, and lazily on
 * `/dev/chat/:orgId` and `/dev/demo` for organisations created while the server runs. Never used outside local mode.
 */
import { randomBytes } from 'node:crypto';
import type { Firestore } from '../store/firestore.ts';
import { LOCAL_LOGIN_CHANNEL_ID } from '../demo/orgs.ts';
import type { LineSandbox } from '../line/sandbox/fakeLineApi.ts';
import type { Org } from '../orgs/schema.ts';
import { getOrg, getOrgSecrets, setOrgSecretsIfAbsent, updateOrg } from '../orgs/store.ts';

export interface LocalChannelDeps {
  db: Firestore;
  sandbox: Pick<LineSandbox, 'registerChannel'>;
  clock: { now(): Date };
}

/** Gives `org` (or the organisation `orgId`) a sandbox channel; false when there is no such organisation. */
export async function ensureLocalChannel(deps: LocalChannelDeps, orgOrId: Org | string): Promise<boolean> {
  const org = typeof orgOrId === 'string' ? await getOrg(deps.db, orgOrId) : orgOrId;
  if (!org) return false;
  await setOrgSecretsIfAbsent(deps.db, org.id, {
    channelSecret: randomBytes(16).toString('hex'),
    channelAccessToken: randomBytes(32).toString('base64url'),
  });
  const secrets = await getOrgSecrets(deps.db, org.id);
  if (secrets) deps.sandbox.registerChannel(org.id, secrets.channelAccessToken);
  if (!org.line.loginChannelId) {
    await updateOrg(deps.db, org.id, { line: { ...org.line, loginChannelId: LOCAL_LOGIN_CHANNEL_ID, liffId: org.line.liffId ?? `${LOCAL_LOGIN_CHANNEL_ID}-${org.id}` } }, deps.clock.now());
  }
  return true;
}
