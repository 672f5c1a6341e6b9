import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp, type AppOverrides } from '../../functions/src/app.ts';
import { createIdTokenVerifier, localKeys } from '../../functions/src/auth/idToken.ts';
import { createLocalIssuer } from '../../functions/src/auth/localIssuer.ts';
import { fixedClock, systemClock } from '../../functions/src/clock.ts';
import { createLineGateway, secretCredentials } from '../../functions/src/line/credentials.ts';
import { createLineSandbox } from '../../functions/src/line/sandbox/fakeLineApi.ts';
import { loadConfig } from '../../functions/src/config.ts';
import { signBody } from '../../functions/src/line/sign.ts';
import { ulid } from '../../functions/src/line/ulid.ts';
import { createLogger } from '../../functions/src/log.ts';
import { createOrgIfAbsent, setOrgSecretsIfAbsent } from '../../functions/src/orgs/store.ts';
import { startRuntime, type Runtime } from '../../functions/src/runtime.ts';
import type { Role } from '../../functions/src/staff/schema.ts';
import { setUpStaffMember, silentNotifier } from '../../functions/src/integrity/setup.ts';
import { startEmbeddedFirestore, type EmbeddedFirestore } from '../../functions/src/store/embedded.ts';
import type { StorageTimings } from '../../functions/src/store/deadline.ts';
import { freshProjectId, startTestFirestore, workerFirestore, type TestFirestore } from './firestore.ts';
import { startProxy, type CuttableProxy } from './proxy.ts';

export interface TestApp {
  rt: Runtime;
  clock: ReturnType<typeof fixedClock>;
  proxy: CuttableProxy;
  /**
   * The Firestore emulator behind the proxy: the worker's shared one (this app's data under its own project id,
   * `rt.config.projectId`: pass it as GCLOUD_PROJECT with `emulator.host` to a CLI), or the app's own with
   * `ownEmulator`.
   */
  emulator: EmbeddedFirestore;
  /** Everything the server logged, as text, to check what it must never contain. */
  logs(): string;
  /**
   * Stops everything. Fails when the LINE sandbox refused a message that no test took (`sandbox.takeRefusals()`):
   * every test checks, besides its own assertions, that LINE would accept everything the product sent.
   */
  stop(): Promise<void>;
}

/**
 * The real server in local mode on a free port, with the LINE sandbox and a fixed clock, on the worker's embedded
 * Firestore (test/support/firestore.ts) under a project id of its own, reached through a cuttable proxy. No demo data:
 * each test makes its own organisations. `ownEmulator` starts an emulator for this app alone (for a test that stops
 * and restarts storage); `env` adds configuration (it cannot move the app off its proxy or project); `app` swaps the
 * few parts `createApp` allows (app.ts `AppOverrides`: a recording notifier, rate limits, ratings' lookups). Every
 * test goes through this one app, built by `createApp` as production builds it.
 */
export async function startTestApp(
  options: { at?: string; env?: Record<string, string>; storageTimings?: StorageTimings; ownEmulator?: boolean; app?: AppOverrides } = {},
): Promise<TestApp> {
  const emulator = options.ownEmulator ? await startEmbeddedFirestore() : await workerFirestore();
  const projectId = freshProjectId();
  const proxy = await startProxy(emulator.host);
  const clock = fixedClock(options.at ?? '2026-11-22T03:00:00.000Z');
  let logText = '';
  const sink = new Writable({ write(chunk, _enc, done) { logText += String(chunk); done(); } });
  const config = loadConfig({ MODE: 'local', PORT: '0', ...options.env, FIRESTORE_EMULATOR_HOST: proxy.host, PROJECT_ID: projectId });
  const rt = await startRuntime(config, { clock, log: createLogger({ level: 'debug', destination: sink }), seedDemo: false, ...(options.storageTimings ? { storageTimings: options.storageTimings } : {}), ...(options.app ? { app: options.app } : {}) });
  return {
    rt,
    clock,
    proxy,
    emulator,
    logs: () => logText,
    async stop() {
      const refused = rt.sandbox?.takeRefusals() ?? [];
      await rt.stop();
      await proxy.close();
      if (options.ownEmulator) emulator.stop();
      else emulator.dropProject(projectId);
      if (refused.length) {
        const where = refused.flatMap((r) => r.error.details.map((d) => `${r.kind} ${d.property}: ${d.message}`));
        throw new Error(`LINE would refuse ${refused.length} message request(s) the product sent:\n${where.join('\n')}`);
      }
    },
  };
}

/**
 * Storage deadlines for tests that take storage down (proxy.cut): the same 503 and shutdown paths as production's
 * `storageTimings`, reached in a fraction of a second. Only for those tests: with storage up, a deadline this short
 * could turn a slow moment of a loaded machine into a 503.
 */
export const storageDownTimings: StorageTimings = { callMs: 400, healthMs: 1500, probeMs: 300, requestCheckMs: 300, shutdownGraceMs: 10_000 };

let orgCounter = 0;

/** Creates an organisation with fresh channel credentials known to the sandbox. */
export async function givenOrg(t: TestApp, overrides: { id?: string; name?: string; liffId?: string } = {}) {
  const id = overrides.id ?? `org-${process.pid}-${++orgCounter}`;
  const now = t.clock.now().toISOString();
  await createOrgIfAbsent(t.rt.db, {
    id,
    name: overrides.name ?? 'เทศบาลตำบลทดสอบ',
    district: 'เมือง',
    province: 'ทดสอบ',
    line: { loginChannelId: '1234567890', ...(overrides.liffId ? { liffId: overrides.liffId } : {}) },
    createdAt: now,
    updatedAt: now,
  });
  const secrets = { channelSecret: randomBytes(16).toString('hex'), channelAccessToken: randomBytes(24).toString('base64url') };
  await setOrgSecretsIfAbsent(t.rt.db, id, secrets);
  t.rt.sandbox?.registerChannel(id, secrets.channelAccessToken);
  return { id, ...secrets };
}

export function newUserId(): string {
  return `U${randomBytes(16).toString('hex')}`;
}

type Source = { type: 'user'; userId: string } | { type: 'group'; groupId: string; userId?: string };

/** A webhook event as LINE sends it; the reply token is issued by the sandbox so replies can be checked. */
export function lineEvent(t: TestApp, type: string, source: Source, extra: Record<string, unknown> = {}, withReplyToken = true) {
  const chat = source.type === 'user' ? source.userId : source.groupId;
  return {
    type,
    mode: 'active',
    timestamp: t.clock.now().getTime(),
    webhookEventId: ulid(t.clock.now().getTime()),
    deliveryContext: { isRedelivery: false },
    source,
    ...(withReplyToken ? { replyToken: t.rt.sandbox!.issueReplyToken(chat) } : {}),
    ...extra,
  };
}

export function textEvent(t: TestApp, userId: string, text: string) {
  return lineEvent(t, 'message', { type: 'user', userId }, { message: { id: '1', type: 'text', text, quoteToken: 'q' } });
}

/** POSTs a webhook body signed with `secret` (or with the signature given). */
export async function postWebhook(t: TestApp, orgId: string, body: unknown, secret: string, opts: { signature?: string | null; raw?: string } = {}) {
  const raw = opts.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = opts.signature === undefined ? signBody(raw, secret) : opts.signature;
  if (signature !== null) headers['x-line-signature'] = signature;
  return fetch(`${t.rt.baseUrl}/line/webhook/${orgId}`, { method: 'POST', headers, body: raw });
}

export const webhookBody = (...events: unknown[]) => ({ destination: 'Ubotdestination', events });

export async function countEvents(t: TestApp, orgId: string): Promise<number> {
  return (await t.rt.db.collection('orgs').doc(orgId).collection('webhookEvents').count().get()).data().count;
}

/**
 * Test fixture: makes `userId` staff with `roles` the way the operator does (ordinary roles directly; the integrity
 * role through the logged operator grant, integrity/setup.ts), without telling anyone.
 */
export async function grantStaffRoles(t: { rt: { db: TestApp['rt']['db'] }; clock: TestApp['clock'] }, orgId: string, member: { userId: string; roles: Role[]; displayName?: string }) {
  return setUpStaffMember({ db: t.rt.db, clock: t.clock, notifier: silentNotifier }, { id: orgId, line: {} }, member, 'test fixture');
}

/** A staff member with roles and a valid ID token for the organisation's LIFF channel. */
export async function givenStaff(t: TestApp, orgId: string, roles: Role[], displayName = 'เจ้าหน้าที่ทดสอบ') {
  const userId = newUserId();
  await grantStaffRoles(t, orgId, { userId, roles, displayName });
  return { userId, token: await idTokenFor(t, userId) };
}

export async function idTokenFor(t: TestApp, userId: string, options: { aud?: string; expiresInSeconds?: number } = {}) {
  return t.rt.issuer!.sign({ sub: userId, aud: options.aud ?? '1234567890', now: t.clock.now(), expiresInSeconds: options.expiresInSeconds ?? 3600 });
}

/** Calls the API as someone holding `token` (or nobody). */
export async function api(t: TestApp, method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.rt.baseUrl}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, body: json as Record<string, unknown> & Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience: bodies are asserted field by field
}

export interface ProductionTestApp {
  baseUrl: string;
  db: TestFirestore['db'];
  stop(): Promise<void>;
}

/**
 * The app as production builds it (`createApp`, MODE=production, LINE channels from configuration), over HTTP on a
 * project of its own on the worker's embedded Firestore; LINE is never called. For what only production's
 * configuration decides (no dev routes, no `today` on the ask API). `withDevPieces` hands it every local-mode piece
 * anyway, to show the configuration, not the wiring, keeps them out.
 */
export async function startProductionApp(options: { channels?: string[]; withDevPieces?: boolean } = {}): Promise<ProductionTestApp> {
  const store = await startTestFirestore();
  const channels = Object.fromEntries((options.channels ?? ['demo']).map((id) => [id, { channelSecret: 's', channelAccessToken: 't' }]));
  const config = loadConfig({ MODE: 'production', PROJECT_ID: 'prod-project', PORT: '0', LINE_CHANNELS: JSON.stringify(channels) });
  const issuer = await createLocalIssuer();
  const { app } = createApp({
    config,
    db: store.db,
    clock: systemClock,
    log: createLogger({ level: 'silent' }),
    line: createLineGateway(secretCredentials(config.line.channelsJson!), () => 'https://api.line.me'),
    idTokens: createIdTokenVerifier({ issuer: 'https://access.line.me', keys: localKeys(issuer.jwks()), now: () => new Date() }),
    ...(options.withDevPieces ? { dev: { sandbox: createLineSandbox(systemClock), issuer, firestoreEmulatorHost: store.emulator.host, lineApiBaseUrl: 'x' } } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db: store.db,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.stop();
    },
  };
}
