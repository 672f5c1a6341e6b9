import type { Liff } from '@line/liff';
import type { LiffMockApi, LiffMockConfig, LiffMockPlugin } from '@line/liff-mock';
import type { Mode, OrgWithMode } from '../../../functions/src/contracts/orgs.ts';
import { ApiError, configureApi, request, type TokenSource } from './api.ts';

/**
 * Who is using the app, and how their LINE ID token is obtained.
 * - Inside LINE (emulator/production mode): liff.init with the organisation's LIFF id, login when needed, and
 *   liff.getIDToken(). Nothing from getProfile() is ever sent as identity.
 * - Local mode: the same LIFF SDK with @line/liff-mock, and a real token from the local issuer (POST /dev/id-token) for
 *   a tester identity kept in localStorage, so the server's verification runs exactly as in production.
 */
export type { Mode };
/** What the app keeps of GET /api/orgs/:orgId (functions/src/contracts/orgs.ts); /dev/demo may give less. */
export type Org = Pick<OrgWithMode, 'id' | 'name' | 'district' | 'province' | 'liffId' | 'mode'> & { office?: OrgWithMode['office'] };

export interface DevUser {
  sub: string;
  name: string;
}

export interface DemoStaff {
  userId: string;
  displayName: string;
  roles: string[];
  roleLabels?: string[];
}

export interface Session {
  org: Org;
  mode: Mode;
  /** Opened inside the LINE app (false in an external browser and in local mode). */
  inClient: boolean;
  /** Inside LINE: close the LIFF window and go back to the chat. */
  closeWindow?: () => void;
  /**
   * Send a text to a LINE chat the person picks (LINE's share target picker: their Keep memo, a friend, a group).
   * True when sent. Absent where LINE does not offer it (outside LINE, local mode without the mock's picker).
   */
  shareText?: (text: string) => Promise<boolean>;
  /** Local mode only: the tester identity and the demo staff to switch to. */
  dev?: {
    user: DevUser;
    /** The last citizen identity used, to come back to after trying a staff member. */
    citizen: DevUser | null;
    staff: DemoStaff[];
    switchUser(user: DevUser): Promise<void>;
  };
}

export class BootError extends Error {}

const DEV_USER_KEY = 'liff-dev-user';
const DEV_CITIZEN_KEY = 'liff-dev-citizen';

let session: Session | null = null;

export function getSession(): Session {
  if (!session) throw new Error('session not started');
  return session;
}

/** Loads the organisation, initialises LIFF (mocked in local mode) and wires the API's token source. */
export async function startSession(orgId: string): Promise<Session> {
  const opened = await openSession(orgId);
  await opened.ready;
  return opened.session;
}

export interface OpenedSession {
  /** Known as soon as the organisation is: enough to draw the page. Filled in (LINE client, sharing, tester) at `ready`. */
  session: Session;
  /** LIFF has started and the token source works. Rejects with a BootError when LIFF cannot start. */
  ready: Promise<void>;
}

/**
 * The organisation first, LIFF after (issue 16, slow networks): the page can be drawn once the organisation is known,
 * while the LIFF SDK (half of the first load's bytes) arrives and starts. Calls that need the token wait for `ready`;
 * public ones (auth 'none') go at once.
 */
export async function openSession(orgId: string): Promise<OpenedSession> {
  // The organisation and the LIFF SDK load at the same time (one round trip instead of two on a slow network); the
  // built index.html started both while it was parsed (liff-app/preloadPlugin.ts).
  const orgLoaded = loadOrg(orgId);
  // Local mode: the mock plugin, the tester's token and the demo staff list start as soon as the organisation says
  // "local", alongside the SDK, instead of one after the other once it has loaded.
  const local = orgLoaded.then(async (org) => {
    if (org.mode !== 'local') return null;
    const pre = await earlyLocal();
    const user = readDevUser();
    const token = pre?.user?.sub === user.sub && pre.user.name === user.name ? pre.token?.then((t) => t?.idToken ?? fetchDevToken(user)) : undefined;
    const demo = pre?.demo?.then((d) => (d ? staffOf(d, org.id) : loadDemoStaff(org.id)));
    return Promise.all([import('@line/liff-mock'), token ?? fetchDevToken(user), demo ?? loadDemoStaff(org.id)]);
  });
  const sdk = import('@line/liff');
  // Never left unhandled while the organisation is still on its way (a failure surfaces through `ready`).
  sdk.catch(() => undefined);
  local.catch(() => undefined);
  const org = await orgLoaded;
  const opened: Session = { org, mode: org.mode, inClient: false };
  session = opened;
  let tokens: TokenSource | null = null;
  const ready = (async () => {
    const [{ default: liff }, early] = await Promise.all([sdk, local]);
    tokens = await startLiff(opened, liff, early);
  })();
  ready.catch(() => undefined);
  configureApi(org.id, async (options) => {
    await ready;
    return tokens!(options);
  });
  return { session: opened, ready };
}

type EarlyLocalParts = [{ LiffMockPlugin: typeof LiffMockPlugin }, string, DemoStaff[]] | null;

/** Starts LIFF (mocked in local mode), fills in the session, and returns where the ID token comes from. */
async function startLiff(opened: Session, liff: Liff, early: EarlyLocalParts): Promise<TokenSource> {
  const { org } = opened;
  if (org.mode === 'local' && early) {
    const [{ LiffMockPlugin }, firstToken, staff] = early;
    liff.use(new LiffMockPlugin());
    const init = liff.init as (config: Parameters<typeof liff.init>[0] & LiffMockConfig) => Promise<void>;
    await init({ liffId: org.liffId ?? `local-${org.id}`, mock: true });
    const mock = (liff as unknown as { $mock: LiffMockApi }).$mock;

    let user = readDevUser();
    let token: string | null = null;
    const useToken = (idToken: string) => {
      mock.set((p) => ({
        ...p,
        isLoggedIn: true,
        getIDToken: idToken,
        getProfile: { userId: user.sub, displayName: user.name },
      }));
      token = idToken;
      return idToken;
    };
    const fetchToken = async () => useToken(await fetchDevToken(user));
    useToken(firstToken);
    Object.assign(opened, {
      dev: {
        get user() {
          return user;
        },
        citizen: readStored(DEV_CITIZEN_KEY),
        staff,
        async switchUser(next: DevUser) {
          if (!staff.some((m) => m.userId === user.sub)) localStorage.setItem(DEV_CITIZEN_KEY, JSON.stringify(user));
          user = { sub: next.sub, name: next.name.trim() || 'ผู้ทดสอบ' };
          localStorage.setItem(DEV_USER_KEY, JSON.stringify(user));
          token = null;
          await fetchToken();
        },
      },
    });
    return async ({ refresh } = {}) => (!refresh && token) || (await fetchToken());
  }

  if (!org.liffId) throw new BootError('หน่วยงานนี้ยังไม่ได้ตั้งค่า LINE LIFF กรุณาติดต่อผู้ดูแลระบบของหน่วยงาน');
  try {
    await liff.init({ liffId: org.liffId, withLoginOnExternalBrowser: true });
  } catch {
    throw new BootError('เชื่อมต่อกับ LINE ไม่สำเร็จ กรุณาปิดหน้านี้แล้วเปิดใหม่จากเมนูในแชท LINE ของหน่วยงาน');
  }
  // A fresh token: inside LINE a reload re-runs init (login is automatic there); elsewhere log in again. At most once
  // a minute, so a server that keeps refusing the token shows its error instead of looping.
  const renew = (): string | null | Promise<never> => {
    const last = Number(sessionStorage.getItem('liff-renewed-at') ?? 0);
    if (Date.now() - last < 60_000) return liff.getIDToken();
    sessionStorage.setItem('liff-renewed-at', String(Date.now()));
    if (liff.isInClient()) location.reload();
    else {
      if (liff.isLoggedIn()) liff.logout();
      liff.login({ redirectUri: location.href });
    }
    return new Promise<never>(() => {});
  };
  const inClient = liff.isInClient();
  const shareText = async (text: string) => !!(await liff.shareTargetPicker([{ type: 'text', text }], { isMultiple: false }));
  Object.assign(opened, {
    inClient,
    ...(inClient ? { closeWindow: () => liff.closeWindow() } : {}),
    ...(liff.isApiAvailable('shareTargetPicker') ? { shareText } : {}),
  });
  return async ({ refresh } = {}) => {
    if (!liff.isLoggedIn()) return renew();
    const exp = liff.getDecodedIDToken()?.exp;
    if (refresh || !exp || exp * 1000 < Date.now() + 30_000) return renew();
    return liff.getIDToken();
  };
}

/** The local issuer's token for the tester (local mode only: /dev routes exist nowhere else). */
async function fetchDevToken(user: DevUser): Promise<string> {
  return (await request<{ idToken: string }>('/dev/id-token', { body: { sub: user.sub, name: user.name }, auth: 'none' })).idToken;
}

/** The organisation request index.html already started for this page, when it did (and it answered 200). */
async function earlyOrg(orgId: string): Promise<(Partial<Org> & { id: string; name: string }) | null> {
  const started = (window as { __liffOrg?: Promise<Response | null> }).__liffOrg;
  (window as { __liffOrg?: unknown }).__liffOrg = undefined;
  const res = await started?.catch(() => null);
  if (!res?.ok) return null;
  const org = (await res.json().catch(() => null)) as (Partial<Org> & { id: string; name: string }) | null;
  return org && org.id === orgId ? org : null;
}

async function loadOrg(orgId: string): Promise<Org> {
  try {
    const org = (await earlyOrg(orgId)) ?? (await request<Partial<Org> & { id: string; name: string }>(`/api/orgs/${encodeURIComponent(orgId)}`, { auth: 'none' }));
    return {
      id: org.id,
      name: org.name,
      district: org.district ?? '',
      province: org.province ?? '',
      ...(org.office ? { office: org.office } : {}),
      liffId: org.liffId ?? null,
      mode: org.mode ?? 'production',
    };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw new BootError('ไม่พบหน่วยงานนี้ กรุณาเปิดลิงก์จาก LINE ของหน่วยงานอีกครั้ง');
    // The organisation route may not exist (older server): local mode still answers /dev/demo.
    const demo = await request<{ orgs?: Array<Partial<Org> & { id: string; name: string }> }>('/dev/demo', { auth: 'none' }).catch(() => null);
    const found = demo?.orgs?.find((o) => o.id === orgId);
    if (demo) {
      return {
        id: orgId,
        name: found?.name ?? orgId,
        district: found?.district ?? '',
        province: found?.province ?? '',
        liffId: found?.liffId ?? null,
        mode: 'local',
      };
    }
    throw err instanceof ApiError ? new BootError(err.message) : err;
  }
}

type DemoAnswer = { orgs?: Array<{ id: string; staff?: DemoStaff[] }> };
const staffOf = (demo: DemoAnswer, orgId: string) => demo.orgs?.find((o) => o.id === orgId)?.staff ?? [];

async function loadDemoStaff(orgId: string): Promise<DemoStaff[]> {
  try {
    return staffOf(await request<DemoAnswer>('/dev/demo', { auth: 'none' }), orgId);
  } catch {
    return [];
  }
}

/** Local mode: what index.html started once the organisation said "local" (liff-app/preloadPlugin.ts). */
interface EarlyLocal {
  user: Partial<DevUser> | null;
  token: Promise<{ idToken: string } | null> | null;
  demo: Promise<DemoAnswer | null>;
}
async function earlyLocal(): Promise<EarlyLocal | null> {
  const started = (window as { __liffLocal?: Promise<EarlyLocal | null> }).__liffLocal;
  (window as { __liffLocal?: unknown }).__liffLocal = undefined;
  return (await started?.catch(() => null)) ?? null;
}

function readStored(key: string): DevUser | null {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<DevUser> | null;
    if (saved && typeof saved.sub === 'string' && /^U[0-9a-f]{32}$/.test(saved.sub)) {
      return { sub: saved.sub, name: typeof saved.name === 'string' && saved.name ? saved.name : 'ผู้ทดสอบ' };
    }
  } catch {
    // Unreadable: start a new tester.
  }
  return null;
}

function readDevUser(): DevUser {
  const saved = readStored(DEV_USER_KEY);
  if (saved) return saved;
  const user = { sub: newDevSub(), name: 'ผู้ทดสอบ' };
  localStorage.setItem(DEV_USER_KEY, JSON.stringify(user));
  return user;
}

export function newDevSub(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `U${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
