import { newServiceSchema } from '../../functions/src/queue/schema.ts';
import { createService } from '../../functions/src/queue/store.ts';
import type { ComplaintLookup, TicketForRating, TicketLookup } from '../../functions/src/ratings/lookups.ts';
import { RATING_COLLECTIONS } from '../../functions/src/ratings/store.ts';
import type { Role } from '../../functions/src/staff/schema.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';
import { lineCheckedNotifier } from '../support/lineRules.ts';

export const AUD = '1234567890';
export const LIFF_BASE = 'http://liff.test';

/**
 * The real test app (local mode, embedded Firestore over gRPC, LINE sandbox, fixed clock) built by `createApp` as
 * production builds it, with a recording notifier in front of its outbox and a rating limit high enough for a file's
 * tests (a test of the limit sets its own). Ratings ask in-memory ticket and complaint lookups (the queue and
 * complaints features' side) unless `withFeatures`: then the real queue and complaints features answer. Links point at
 * LIFF_BASE (PUBLIC_BASE_URL).
 */
export async function startRatingsApp(options: { at?: string; ratingLimit?: { limit: number; windowMs: number }; withFeatures?: boolean } = {}) {
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
  const t: TestApp = await startTestApp({
    ...(options.at ? { at: options.at } : {}),
    env: { PUBLIC_BASE_URL: LIFF_BASE },
    app: {
      notifier: notifier.passingTo,
      ratingLimit: options.ratingLimit ?? { limit: 1000, windowMs: 1000 },
      ...(options.withFeatures ? {} : { ratingLookups: { tickets, complaints } }),
    },
  });
  const issuer = t.rt.issuer;
  if (!issuer) throw new Error('local issuer expected in local mode');
  const base = t.rt.baseUrl.replace('localhost', '127.0.0.1');

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
      await t.stop();
      notifier.assertAccepted();
    },
  };
}

export type RatingsApp = Awaited<ReturnType<typeof startRatingsApp>>;

export const scores = (process: number, staff: number, facilities: number, quality: number, overall: number) => ({ process, staff, facilities, quality, overall });
export const allScores = (s: number) => scores(s, s, s, s, s);
