import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createIdTokenVerifier, localKeys } from '../../functions/src/auth/idToken.ts';
import { complaintsRouter } from '../../functions/src/complaints/routes.ts';
import { errorHandler } from '../../functions/src/http/errors.ts';
import { queueRouter } from '../../functions/src/queue/routes.ts';
import { newServiceSchema } from '../../functions/src/queue/schema.ts';
import { createService } from '../../functions/src/queue/store.ts';
import type { ComplaintLookup, TicketForRating, TicketLookup } from '../../functions/src/ratings/lookups.ts';
import { ratingsRouter } from '../../functions/src/ratings/routes.ts';
import { RATING_COLLECTIONS } from '../../functions/src/ratings/store.ts';
import type { Role } from '../../functions/src/staff/schema.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { lineCheckedNotifier } from '../support/lineRules.ts';

export const AUD = '1234567890';
export const LIFF_BASE = 'http://liff.test';

/**
 * The real test server (local mode, embedded Firestore over gRPC, LINE sandbox, fixed clock) plus the ratings router
 * mounted on its own port as app.ts will mount it (JSON body parser, the router, the platform's error handler), with
 * a recording notifier and in-memory ticket and complaint lookups (the queue and complaints features' side).
 */
export async function startRatingsApp(options: { at?: string; ratingLimit?: { limit: number; windowMs: number }; withFeatures?: boolean } = {}) {
  const t: TestApp = await startTestApp(options.at ? { at: options.at } : {});
  const issuer = t.rt.issuer;
  if (!issuer) throw new Error('local issuer expected in local mode');
  const idTokens = createIdTokenVerifier({ issuer: issuer.issuer, keys: localKeys(issuer.jwks()), now: () => t.clock.now() });
  // Records what would be sent, and checks each message against LINE's rules as the sandbox would.
  const notifier = lineCheckedNotifier();
  const ticketMap = new Map<string, TicketForRating>();
  const complaintMap = new Map<string, { userId: string; finished: boolean; kind?: 'general' | 'corruption' }>();
  const tickets: TicketLookup = { getTicket: async (orgId, id) => ticketMap.get(`${orgId}/${id}`) ?? null };
  const complaints: ComplaintLookup = {
    complaintForRating: async (orgId, id, userId) => {
      const c = complaintMap.get(`${orgId}/${id}`);
      return c && c.userId === userId && c.finished ? { complaintId: id, kind: c.kind ?? 'general' } : null;
    },
    complaintKind: async (orgId, id) => {
      const c = complaintMap.get(`${orgId}/${id}`);
      return c ? (c.kind ?? 'general') : null;
    },
  };
  const app = express();
  app.set('trust proxy', true);
  app.use(express.json({ limit: '1mb' }));
  if (options.withFeatures) {
    // The real queue and complaints features, and ratings with its default lookups into them.
    app.use(queueRouter({ db: t.rt.db, idTokens, notifier, clock: t.clock, liffLocalBase: LIFF_BASE, log: t.rt.log }));
    app.use(complaintsRouter({ db: t.rt.db, idTokens, notifier, clock: t.clock, liffLocalBase: LIFF_BASE, log: t.rt.log }));
  }
  app.use(ratingsRouter({
    db: t.rt.db,
    idTokens,
    notifier,
    clock: t.clock,
    ...(options.withFeatures ? {} : { tickets, complaints }),
    liffLocalBase: LIFF_BASE,
    log: t.rt.log,
    ratingLimit: options.ratingLimit ?? { limit: 1000, windowMs: 1000 },
  }));
  app.use((_req, res) => void res.status(404).json({ error: 'ไม่พบหน้าที่ต้องการ' }));
  app.use(errorHandler(t.rt.log));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const token = (sub: string, extra: { aud?: string; expiresInSeconds?: number } = {}) =>
    issuer.sign({ sub, aud: extra.aud ?? AUD, now: t.clock.now(), ...(extra.expiresInSeconds ? { expiresInSeconds: extra.expiresInSeconds } : {}) });

  async function call(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}) {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    // Keep a byte-order mark (res.text() drops it): CSV answers must start with one.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      /* HTML or CSV */
    }
    // Tests read the JSON shape they expect; the assertions check it.
    return { status: res.status, headers: res.headers, text, json: json as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  /** An organisation with two services, a registered staff group and staff of each role. */
  async function givenOrgWithServices() {
    const org = await givenOrg(t);
    const now = t.clock.now();
    const service = async (id: string, name: string, prefix: string, active = true) => {
      const fields = newServiceSchema.parse({ id, name, prefix, counters: [{ id: 'c1', name: 'ช่อง 1' }], active });
      await createService(t.rt.db, org.id, { ...fields, createdAt: now.toISOString(), updatedAt: now.toISOString() });
    };
    await service('civil-registration', 'งานทะเบียนราษฎร', 'A');
    await service('tax', 'งานจัดเก็บภาษี', 'B');
    await service('closed-service', 'บริการที่ปิดแล้ว', 'C', false);
    const mk = async (roles: Role[]) => {
      const userId = newUserId();
      await grantStaffRoles(t, org.id, { userId, displayName: 'เจ้าหน้าที่', roles });
      return { userId, token: () => token(userId) };
    };
    const officer = await mk(['officer']);
    const admin = await mk(['admin']);
    const queueOperator = await mk(['queue_operator']);
    const integrity = await mk(['integrity_officer']);
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, admin.userId, now);
    return { org, officer, admin, queueOperator, integrity, groupId };
  }

  async function countStored(orgId: string) {
    const o = t.rt.db.collection('orgs').doc(orgId);
    const n = async (c: string) => (await o.collection(c).count().get()).data().count;
    return {
      keys: await n(RATING_COLLECTIONS.keys),
      ratings: await n(RATING_COLLECTIONS.ratings),
      comments: await n(RATING_COLLECTIONS.comments),
      aggregates: await n(RATING_COLLECTIONS.aggregates),
    };
  }

  return {
    t,
    base,
    notifier,
    token,
    call,
    givenOrgWithServices,
    countStored,
    addTicket: (orgId: string, ticket: TicketForRating) => void ticketMap.set(`${orgId}/${ticket.id}`, ticket),
    addComplaint: (orgId: string, id: string, userId: string, finished = true) => void complaintMap.set(`${orgId}/${id}`, { userId, finished }),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.stop();
      notifier.assertAccepted();
    },
  };
}

export type RatingsApp = Awaited<ReturnType<typeof startRatingsApp>>;

export const scores = (process: number, staff: number, facilities: number, quality: number, overall: number) => ({ process, staff, facilities, quality, overall });
export const allScores = (s: number) => scores(s, s, s, s, s);
