/**
 * What each citizen-facing operation costs in LINE messages (issue 23): replies are free, every push spends one
 * message per recipient of LINE's monthly quota. Counted from the push requests the LINE sandbox received, on the real
 * server in local mode with the demo organisation (its staff group registered, so staff cards go out as in use),
 * through the same HTTP routes the LIFF app and staff use, with the clock moved past each undo window so delayed
 * notices go out:
 *   complaint lifecycle — a resident files a general complaint, an officer accepts it, later resolves it;
 *   queue ticket served — five residents take tickets, the operator calls and completes each (per ticket);
 *   rating             — a resident rates a service (a good rating; a low one alerts staff, reported apart).
 * A push to a group is LINE-counted once per member: reported as requests to users and to groups, and as messages
 * for a staff group of `STAFF_GROUP_MEMBERS` members. The baseline is the count stated in issue 23 before this work
 * (5 push requests / 6 messages per complaint lifecycle; 13 pushes per 5 tickets served). `npm run bench -- messages`.
 */
import { fixedClock } from '../functions/src/clock.ts';
import { loadConfig } from '../functions/src/config.ts';
import { createLogger } from '../functions/src/log.ts';
import { startRuntime, type Runtime } from '../functions/src/runtime.ts';

const ORG = 'maesot';
/** Monday 10:00 in Bangkok: the demo's queue services are open. */
const MONDAY_10AM = '2026-11-23T03:00:00.000Z';
/** A staff LINE group of a small municipality's complaint desk, for the message figure (LINE counts each member). */
const STAFF_GROUP_MEMBERS = 5;
const BASELINE_ISSUE_23 = { complaintLifecyclePushes: 5, complaintLifecycleMessages: 6, queueTicketServedPushes: 13 / 5 };

interface Count {
  pushRequests: number;
  toUsers: number;
  toGroups: number;
  /** LINE's count as the sandbox charged it: one per user, one per member of the staff group (STAFF_GROUP_MEMBERS). */
  messages: number;
  /** Message objects in the push requests, a group counted once: how issue 23 counted its "6 messages". */
  messageObjects: number;
}

export async function benchMessages(): Promise<Record<string, unknown>> {
  const clock = fixedClock(MONDAY_10AM);
  const rt = await startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', LOCAL_DATA_DIR: 'none' }), {
    clock,
    log: createLogger({ level: 'silent' }),
    scheduleEveryMs: 0,
  });
  const sandbox = rt.sandbox;
  if (!sandbox) throw new Error('local mode without the LINE sandbox');
  const api = client(rt);
  const count = async (work: () => Promise<unknown>): Promise<Count> => {
    await rt.idle();
    const before = sandbox.outbox({ orgId: ORG }).length;
    const consumedBefore = sandbox.quota.consumption(ORG);
    await work();
    await rt.idle();
    await rt.runScheduledJobs();
    await rt.idle();
    const pushes = sandbox.outbox({ orgId: ORG }).slice(before).filter((e) => e.kind === 'push');
    const toGroups = pushes.filter((p) => /^[CR]/.test(p.to[0] ?? '')).length;
    const messageObjects = pushes.reduce((n, p) => n + p.messages.length, 0);
    return { pushRequests: pushes.length, toUsers: pushes.length - toGroups, toGroups, messages: sandbox.quota.consumption(ORG) - consumedBefore, messageObjects };
  };
  const per = (c: Count, n: number): Count => ({
    pushRequests: c.pushRequests / n,
    toUsers: c.toUsers / n,
    toGroups: c.toGroups / n,
    messages: c.messages / n,
    messageObjects: c.messageObjects / n,
  });
  // Past a staff change's undo window (the complainant hears of it only then), and the sweep that delivers it.
  const pastUndo = async () => {
    clock.advance(6 * 60_000);
    await rt.runScheduledJobs();
  };

  try {
    const demo = (await api.get('/dev/demo')) as { orgs: { id: string; staff: { userId: string; roles: string[] }[]; staffGroup: { groupId: string } | null }[] };
    const demoOrg = demo.orgs.find((o) => o.id === ORG);
    const staff = demoOrg?.staff ?? [];
    if (demoOrg?.staffGroup) sandbox.quota.setChatMembers(demoOrg.staffGroup.groupId, STAFF_GROUP_MEMBERS);
    const officer = staff.find((s) => s.roles.includes('officer'));
    const operator = staff.find((s) => s.roles.includes('queue_operator') || s.roles.includes('admin'));
    if (!officer || !operator) throw new Error('demo organisation has no officer or queue operator');
    const officerToken = await api.token(officer.userId);
    const operatorToken = await api.token(operator.userId);
    let users = 0;
    const newUser = () => `U${(++users).toString(16).padStart(32, 'b')}`;

    const lifecycle = async () => {
      const token = await api.token(newUser());
      const body = { kind: 'general', category: 'street-light', title: 'ไฟถนนดับ', description: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามคืนแล้ว', place: { text: 'ซอย 3' }, consent: true };
      const { id } = (await api.call('POST', `/api/orgs/${ORG}/complaints`, body, token, 201)) as { id: string };
      await api.call('POST', `/api/orgs/${ORG}/staff/complaints/${id}/status`, { to: 'acknowledged' }, officerToken, 200);
      await pastUndo();
      await api.call('POST', `/api/orgs/${ORG}/staff/complaints/${id}/status`, { to: 'resolved', note: 'เปลี่ยนหลอดไฟแล้ว' }, officerToken, 200);
      await pastUndo();
    };
    const served = async (n: number) => {
      for (let i = 0; i < n; i++) await api.call('POST', `/api/orgs/${ORG}/services/civil-registration/tickets`, {}, await api.token(newUser()), 201);
      for (let i = 0; i < n; i++) {
        const called = (await api.call('POST', `/api/orgs/${ORG}/staff/queue/services/civil-registration/call-next`, { counterId: '1' }, operatorToken, 200)) as { called: { id: string } | null };
        if (!called.called) throw new Error('no ticket to call');
        await api.call('POST', `/api/orgs/${ORG}/staff/queue/tickets/${called.called.id}/complete`, {}, operatorToken, 200);
      }
    };
    const rating = (overall: number) => async () =>
      api.call('POST', `/api/orgs/${ORG}/ratings`, { serviceId: 'civil-registration', scores: { process: overall, staff: overall, facilities: overall, quality: overall, overall } }, await api.token(newUser()), 201);

    await lifecycle(); // warm-up
    const complaintLifecycle = await count(lifecycle);
    const tickets = 5;
    const queueTicketServed = per(await count(() => served(tickets)), tickets);
    const ratingGood = await count(rating(5));
    const ratingLow = await count(rating(1));
    return {
      staffGroupMembersAssumed: STAFF_GROUP_MEMBERS,
      complaintLifecycle,
      queueTicketServed,
      rating: ratingGood,
      lowRating: ratingLow,
      baselineIssue23: BASELINE_ISSUE_23,
      ratioToBaseline: {
        complaintLifecyclePushes: round(complaintLifecycle.pushRequests / BASELINE_ISSUE_23.complaintLifecyclePushes),
        complaintLifecycleMessageObjects: round(complaintLifecycle.messageObjects / BASELINE_ISSUE_23.complaintLifecycleMessages),
        queueTicketServedPushes: round(queueTicketServed.pushRequests / BASELINE_ISSUE_23.queueTicketServedPushes),
      },
    };
  } finally {
    await rt.stop();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

function client(rt: Runtime) {
  const call = async (method: string, p: string, body?: unknown, token?: string, expected?: number) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${rt.baseUrl}${p}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const json: unknown = await res.json();
    if (expected !== undefined && res.status !== expected) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  return {
    call,
    get: (p: string) => call('GET', p),
    token: async (sub: string) => ((await call('POST', '/dev/id-token', { sub, name: 'ผู้ทดสอบ' }, undefined, 200)) as { idToken: string }).idToken,
  };
}
