import type { NewService } from '../../functions/src/queue/schema.ts';
import { addService, type QueueDeps } from '../../functions/src/queue/service.ts';
import type { Role } from '../../functions/src/staff/schema.ts';
import { markStaffGroup } from '../../functions/src/staff/groupsStore.ts';
import { givenOrg, newUserId, startTestApp, type TestApp, grantStaffRoles } from '../support/app.ts';

export const AUD = '1234567890';
/** Monday 23 November 2026, 10:00 in Bangkok: inside the demo opening hours. */
export const MONDAY_10AM = '2026-11-23T03:00:00.000Z';

/**
 * The real test server (local mode, embedded Firestore over gRPC, LINE sandbox, fixed clock) with the queue router as
 * app.ts mounts it. Pushes
 * go through the runtime's real notifier (the Firestore outbox, delivered to the sandbox), so tests read the sandbox
 * outbox.
 */
export async function startQueueApp(options: { at?: string } = {}) {
  const t: TestApp = await startTestApp({ at: options.at ?? MONDAY_10AM });
  const issuer = t.rt.issuer;
  if (!issuer) throw new Error('local issuer expected in local mode');
  const base = t.rt.baseUrl.replace('localhost', '127.0.0.1');
  // The queue the app wires (app.ts): its router and LINE handlers share these deps, and so does the test.
  const deps: QueueDeps = t.rt.queue;

  const token = (sub: string) => issuer.sign({ sub, aud: AUD, now: t.clock.now() });

  async function call(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}) {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    // Keep a byte-order mark visible (res.text() strips it): CSV downloads must start with one.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      /* HTML or CSV */
    }
    return { status: res.status, headers: res.headers, text, json: json as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert the shape field by field
  }

  /** An organisation with a registered staff group and staff of each role (tokens made on demand: the clock moves). */
  async function givenOrgWithStaff() {
    const org = await givenOrg(t);
    const now = t.clock.now();
    const mk = async (displayName: string, roles: Role[]) => {
      const userId = newUserId();
      await grantStaffRoles(t, org.id, { userId, displayName, roles });
      return { userId, displayName, token: () => token(userId) };
    };
    const admin = await mk('ผู้ดูแล ระบบ', ['admin']);
    const operator = await mk('สมศรี เรียกคิว', ['queue_operator']);
    const officer = await mk('เจ้าหน้าที่ รับเรื่อง', ['officer']);
    const groupId = `C${newUserId().slice(1)}`;
    await markStaffGroup(t.rt.db, org.id, groupId, admin.userId, now);
    return { org, admin, operator, officer, groupId };
  }

  async function givenService(orgId: string, over: Partial<NewService> = {}) {
    return addService(deps, orgId, {
      id: 'civil-registration',
      name: 'งานทะเบียนราษฎร',
      prefix: 'A',
      counters: [{ id: '1', name: 'ช่อง 1' }, { id: '2', name: 'ช่อง 2' }],
      hours: { days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' },
      location: 'ชั้น 1',
      ...over,
    });
  }

  /** A citizen with a LINE id and a token. */
  const citizen = async () => {
    const userId = newUserId();
    return { userId, token: await token(userId) };
  };

  /** Takes a ticket from the LIFF page; `notifyNear`: the citizen ticks "tell me when my turn is near". */
  async function takeTicket(orgId: string, serviceId: string, who: { token: string }, options: { notifyNear?: boolean } = {}) {
    return call('POST', `/api/orgs/${orgId}/services/${serviceId}/tickets`, { token: who.token, body: options.notifyNear ? { notifyNear: true } : {} });
  }

  /** Every request the sandbox took for this user (replies and pushes), as JSON text. */
  const pushesTo = async (userId: string) => {
    await t.rt.idle();
    return (t.rt.sandbox?.outbox({ to: userId }) ?? []).map((e) => JSON.stringify(e));
  };
  /** The LINE sandbox's requests to this user, by kind: what costs a message of the quota is `push`. */
  const sentTo = async (userId: string) => {
    await t.rt.idle();
    const all = t.rt.sandbox?.outbox({ to: userId }) ?? [];
    return { pushes: all.filter((e) => e.kind === 'push'), replies: all.filter((e) => e.kind === 'reply') };
  };

  return {
    t,
    base,
    /** Where local-mode LIFF links point: this server. */
    liffBase: t.rt.baseUrl,
    deps,
    token,
    call,
    citizen,
    takeTicket,
    pushesTo,
    sentTo,
    givenOrgWithStaff,
    givenService,
    async stop() {
      await t.stop();
    },
  };
}

export type QueueApp = Awaited<ReturnType<typeof startQueueApp>>;
