import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../../clock.ts';
import { imageInfo } from '../../richmenu/image.ts';
import { createSandboxQuota, MONTHLY_LIMIT_BODY, RATE_LIMIT_BODY, type SandboxQuota } from './quota.ts';
import { lineErrorBody, sendRequestProblems, type SendKind } from './requestRules.ts';

/**
 * A local fake of the LINE Messaging API (local mode and tests only): the real SDK client is pointed at it, and it
 * records every reply and push in an outbox instead of reaching LINE. It keeps LINE's rules that matter to us: a bearer
 * token of a known channel, reply tokens valid once, push retry keys answered 409 when repeated, and every message
 * checked against LINE's published schema and documented limits (requestRules.ts): what LINE would refuse is refused
 * here too, with LINE's 400 body, and kept in `refusals()`. Pushes and multicasts are charged against the channel's
 * monthly quota as LINE charges them (quota.ts): past it, 429 with LINE's body and nothing delivered.
 */
export interface OutboxEntry {
  id: string;
  at: string;
  kind: 'reply' | 'push' | 'multicast';
  orgId: string;
  /** Recipient chat id(s): a user, group or room. */
  to: string[];
  replyToken?: string;
  retryKey?: string;
  messages: unknown[];
}

/** A send LINE would refuse: answered 400 with LINE's error body, nothing delivered. */
export interface Refusal {
  id: string;
  at: string;
  kind: SendKind;
  orgId: string;
  to: string[];
  messages: unknown[];
  error: { message: string; details: Array<{ message: string; property: string }> };
}

/** A rich menu created on the sandbox, as tests and /dev inspect it. */
export interface SandboxRichMenu {
  richMenuId: string;
  /** The organisation whose channel created it. */
  orgId: string;
  createdAt: string;
  /** The request body as created (size, selected, name, chatBarText, areas). */
  menu: RichMenuBody;
  image?: { contentType: string; bytes: number; width: number; height: number; data: Buffer };
  /** Whether it is the channel's default rich menu. */
  isDefault: boolean;
  /** How many users have it as their own menu (per-user link: the staff menus). */
  linkedUsers: number;
}

interface RichMenuBody {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: Array<{ bounds: { x: number; y: number; width: number; height: number }; action: Record<string, unknown> }>;
}

export interface LineSandbox {
  router: Router;
  registerChannel(orgId: string, accessToken: string): void;
  /** Makes a reply token valid for one reply to `to`, as LINE does when it delivers an event. */
  issueReplyToken(to: string, token?: string): string;
  /** What was delivered (refused sends are not in it). */
  outbox(filter?: { to?: string; orgId?: string }): OutboxEntry[];
  clearOutbox(): void;
  /** Calls `listener` with each reply or push as it is delivered (benches time the reply's arrival); returns an unsubscribe. */
  onDelivered(listener: (entry: OutboxEntry) => void): () => void;
  /** Sends refused as LINE would refuse them (schema or documented limits), oldest first. */
  refusals(filter?: { orgId?: string }): Refusal[];
  /** Returns the refusals so far and forgets them (a test that provokes one takes it, so none goes unnoticed). */
  takeRefusals(): Refusal[];
  /** The channel's monthly message quota, its consumption and the quota endpoints (quota.ts). */
  quota: SandboxQuota;
  /** Makes the next `count` send calls fail with `status` (tests of retries; a 429 is LINE's rate-limit answer). */
  failNext(count: number, status?: number): void;
  /** Calls answered with an injected failure, for assertions. */
  failedCalls(): number;
  /** The rich menus that exist now (deleted ones are gone), oldest first. */
  richMenus(filter?: { orgId?: string }): SandboxRichMenu[];
  /** The rich menu linked to one user of the channel (LINE's per-user menu), or null: they see the default. */
  userRichMenu(orgId: string, userId: string): string | null;
  /**
   * Media a user "sent" (an image in /dev/chat or a test): served at GET /v2/bot/message/{id}/content (and
   * /content/preview when a preview is given) to the channel of `orgId`, as LINE's data API serves it.
   */
  putContent(orgId: string, messageId: string, content: SandboxContent): void;
}

export interface SandboxContent {
  contentType: string;
  bytes: Buffer;
  /** LINE's smaller rendition of an image; without it /content/preview is 404. */
  preview?: Buffer;
}

const MAX_ENTRIES = 5000;

export function createLineSandbox(clock: Clock): LineSandbox {
  const channels = new Map<string, string>();
  /** LINE takes a reply token once, within about a minute; after that only a push reaches the user. */
  const REPLY_TOKEN_MS = 60_000;
  const replyTokens = new Map<string, { to: string; used: boolean; issuedAt: number }>();
  const retryKeys = new Set<string>();
  let entries: OutboxEntry[] = [];
  let refusals: Refusal[] = [];
  let faults = { remaining: 0, status: 500 };
  let failed = 0;
  const listeners = new Set<(entry: OutboxEntry) => void>();
  const quota = createSandboxQuota(clock);

  const orgOf = (req: Request) => channels.get((req.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));

  const record = (entry: Omit<OutboxEntry, 'id' | 'at'>) => {
    const full = { id: randomUUID(), at: clock.now().toISOString(), ...entry };
    entries.push(full);
    for (const listener of listeners) listener(full);
    if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
  };

  const router = express.Router();
  router.use(express.json({ limit: '2mb' }));
  router.use((req, res, next) => {
    if (!orgOf(req)) {
      res.status(401).json({ message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' });
      return;
    }
    if (faults.remaining > 0 && req.method === 'POST') {
      faults.remaining -= 1;
      failed += 1;
      res.status(faults.status).json(faults.status === 429 ? RATE_LIMIT_BODY : { message: 'Injected failure (sandbox)' });
      return;
    }
    next();
  });

  /**
   * LINE checks the whole body before it sends anything: the published schema and the documented limits
   * (requestRules.ts). A refused call is answered 400 in LINE's shape, sends nothing, leaves the reply token unused
   * and is kept in `refusals()`.
   */
  const refused = (req: Request, kind: SendKind, to: string[]): boolean => {
    const problems = sendRequestProblems(kind, req.body);
    if (problems.length === 0) return false;
    const error = lineErrorBody(problems);
    const messages = (req.body as { messages?: unknown }).messages;
    refusals.push({ id: randomUUID(), at: clock.now().toISOString(), kind, orgId: orgOf(req) ?? '', to, messages: Array.isArray(messages) ? messages : [], error });
    if (refusals.length > MAX_ENTRIES) refusals = refusals.slice(-MAX_ENTRIES);
    return true;
  };
  const refuse = (res: Response) => void res.status(400).json(refusals[refusals.length - 1]!.error);

  router.post('/v2/bot/message/reply', (req, res) => {
    const { replyToken, messages } = req.body as { replyToken?: string; messages?: unknown };
    const token = replyToken ? replyTokens.get(replyToken) : undefined;
    if (refused(req, 'reply', token ? [token.to] : [])) return refuse(res);
    if (!token || token.used || clock.now().getTime() - token.issuedAt > REPLY_TOKEN_MS) return void res.status(400).json({ message: 'Invalid reply token' });
    token.used = true;
    record({ kind: 'reply', orgId: orgOf(req) ?? '', to: [token.to], replyToken, messages: messages as unknown[] });
    res.status(200).json({ sentMessages: [] });
  });

  router.post('/v2/bot/message/push', (req, res) => {
    const { to, messages } = req.body as { to?: string; messages?: unknown };
    if (refused(req, 'push', typeof to === 'string' ? [to] : [])) return refuse(res);
    if (!to) return void res.status(400).json({ message: "The property, 'to', in the request body is invalid" });
    const retryKey = req.get('x-line-retry-key');
    if (retryKey) {
      if (retryKeys.has(retryKey)) return void res.status(409).json({ message: 'The retry key is already accepted' });
    }
    // Past the month's quota nothing is sent, and the retry key stays unused (the same push may go next month).
    if (!quota.charge(orgOf(req) ?? '', [to])) return void res.status(429).json(MONTHLY_LIMIT_BODY);
    if (retryKey) retryKeys.add(retryKey);
    record({ kind: 'push', orgId: orgOf(req) ?? '', to: [to], ...(retryKey ? { retryKey } : {}), messages: messages as unknown[] });
    res.status(200).json({ sentMessages: [] });
  });

  router.post('/v2/bot/message/multicast', (req, res) => {
    const { to, messages } = req.body as { to?: unknown; messages?: unknown };
    if (refused(req, 'multicast', Array.isArray(to) ? to.map(String) : [])) return refuse(res);
    if (!quota.charge(orgOf(req) ?? '', (to as unknown[]).map(String))) return void res.status(429).json(MONTHLY_LIMIT_BODY);
    record({ kind: 'multicast', orgId: orgOf(req) ?? '', to: to as string[], messages: messages as unknown[] });
    res.status(200).json({});
  });

  // Data API host: content of messages users sent (images), per channel; unknown ids are 404 as at LINE.
  const contents = new Map<string, SandboxContent>(); // `${orgId}|${messageId}`
  router.get('/v2/bot/message/:messageId/content', (req, res) => {
    const c = contents.get(`${orgOf(req)}|${String(req.params.messageId)}`);
    if (!c) return void res.status(404).json({ message: 'Not found' });
    res.type(c.contentType).send(c.bytes);
  });
  router.get('/v2/bot/message/:messageId/content/preview', (req, res) => {
    const c = contents.get(`${orgOf(req)}|${String(req.params.messageId)}`);
    if (!c?.preview) return void res.status(404).json({ message: 'Not found' });
    res.type('image/jpeg').send(c.preview);
  });

  quota.mount(router, orgOf);

  router.post('/v2/bot/chat/loading/start', (_req, res) => void res.status(202).json({}));

  // Rich menus, per channel. The data API (image upload) is served here too: point the SDK's MessagingApiBlobClient
  // at the sandbox as well (LINE_DATA_API_BASE_URL).
  const richMenus = new Map<string, Omit<SandboxRichMenu, 'isDefault' | 'linkedUsers'>>();
  const defaultMenu = new Map<string, string>(); // orgId → richMenuId
  const creations = new Map<string, number[]>(); // orgId → creation times (ms), for the 100-per-hour limit
  const menuOf = (req: Request) => {
    const menu = richMenus.get(String(req.params.richMenuId));
    return menu && menu.orgId === orgOf(req) ? menu : undefined;
  };
  const menuJson = (m: Omit<SandboxRichMenu, 'isDefault' | 'linkedUsers'>) => ({ richMenuId: m.richMenuId, ...m.menu });
  const notFound = { message: 'Not found' };

  router.post('/v2/bot/richmenu', (req, res) => {
    const orgId = orgOf(req) ?? '';
    const details = richMenuProblems(req.body);
    if (details.length) return void res.status(400).json({ message: `The request body has ${details.length} error(s)`, details });
    const now = clock.now().getTime();
    const recent = (creations.get(orgId) ?? []).filter((t) => now - t < RICH_MENU_CREATE_WINDOW_MS);
    if (recent.length >= RICH_MENU_CREATES_PER_HOUR) return void res.status(429).json({ message: 'The API rate limit has been exceeded. Try again later.' });
    if ([...richMenus.values()].filter((m) => m.orgId === orgId).length >= RICH_MENUS_PER_CHANNEL) {
      return void res.status(400).json({ message: `A channel can have at most ${RICH_MENUS_PER_CHANNEL} rich menus` });
    }
    creations.set(orgId, [...recent, now]);
    const richMenuId = `richmenu-${randomUUID().replace(/-/g, '')}`;
    richMenus.set(richMenuId, { richMenuId, orgId, createdAt: clock.now().toISOString(), menu: structuredClone(req.body as RichMenuBody) });
    res.status(200).json({ richMenuId });
  });

  router.get('/v2/bot/richmenu/list', (req, res) => {
    const orgId = orgOf(req);
    res.json({ richmenus: [...richMenus.values()].filter((m) => m.orgId === orgId).map(menuJson) });
  });

  router.get('/v2/bot/richmenu/:richMenuId', (req, res) => {
    const menu = menuOf(req);
    if (!menu) return void res.status(404).json(notFound);
    res.json(menuJson(menu));
  });

  router.delete('/v2/bot/richmenu/:richMenuId', (req, res) => {
    const menu = menuOf(req);
    if (!menu) return void res.status(404).json(notFound);
    richMenus.delete(menu.richMenuId);
    if (defaultMenu.get(menu.orgId) === menu.richMenuId) defaultMenu.delete(menu.orgId);
    res.status(200).json({});
  });

  // Data API host: the image.
  router.post(
    '/v2/bot/richmenu/:richMenuId/content',
    express.raw({ type: () => true, limit: '4mb' }),
    (req, res) => {
      const menu = menuOf(req);
      if (!menu) return void res.status(404).json(notFound);
      const contentType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (contentType !== 'image/png' && contentType !== 'image/jpeg') {
        return void res.status(415).json({ message: `Unsupported content type "${contentType}": image/png or image/jpeg` });
      }
      const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (data.length > RICH_MENU_IMAGE_LIMIT) return void res.status(413).json({ message: `The image is ${data.length} bytes; the limit is 1 MB` });
      const info = imageInfo(data);
      if (!info || info.contentType !== contentType) return void res.status(400).json({ message: `The body is not a valid ${contentType} image` });
      if (info.width !== menu.menu.size.width || info.height !== menu.menu.size.height) {
        return void res.status(400).json({
          message: `The image is ${info.width}x${info.height}; the rich menu is ${menu.menu.size.width}x${menu.menu.size.height}`,
        });
      }
      if (menu.image) return void res.status(400).json({ message: 'An image has already been uploaded to the richmenu' });
      menu.image = { contentType, bytes: data.length, width: info.width, height: info.height, data };
      res.status(200).json({});
    },
  );

  router.get('/v2/bot/richmenu/:richMenuId/content', (req, res) => {
    const menu = menuOf(req);
    if (!menu?.image) return void res.status(404).json(notFound);
    res.type(menu.image.contentType).send(menu.image.data);
  });

  router.get('/v2/bot/user/all/richmenu', (req, res) => {
    const id = defaultMenu.get(orgOf(req) ?? '');
    if (!id) return void res.status(404).json({ message: 'no default richmenu' });
    res.json({ richMenuId: id });
  });

  router.post('/v2/bot/user/all/richmenu/:richMenuId', (req, res) => {
    const menu = menuOf(req);
    if (!menu) return void res.status(404).json(notFound);
    if (!menu.image) return void res.status(400).json({ message: 'must upload richmenu image before applying it to user' });
    defaultMenu.set(menu.orgId, menu.richMenuId);
    res.status(200).json({});
  });

  router.delete('/v2/bot/user/all/richmenu', (req, res) => {
    defaultMenu.delete(orgOf(req) ?? '');
    res.status(200).json({});
  });

  // Per-user menus (link rich menu to user): they win over the default for that user.
  const userMenus = new Map<string, string>(); // `${orgId}|${userId}` → richMenuId
  const USER_ID = /^U[0-9a-f]{32}$/;
  router.post('/v2/bot/user/:userId/richmenu/:richMenuId', (req, res) => {
    const userId = String(req.params.userId);
    if (!USER_ID.test(userId)) return void res.status(400).json({ message: 'The value for the \'userId\' parameter is invalid' });
    const menu = menuOf(req);
    if (!menu) return void res.status(404).json(notFound);
    if (!menu.image) return void res.status(400).json({ message: 'must upload richmenu image before applying it to user' });
    userMenus.set(`${menu.orgId}|${userId}`, menu.richMenuId);
    res.status(200).json({});
  });
  router.get('/v2/bot/user/:userId/richmenu', (req, res) => {
    const id = userMenus.get(`${orgOf(req) ?? ''}|${String(req.params.userId)}`);
    if (!id) return void res.status(404).json({ message: 'the user has no richmenu' });
    res.json({ richMenuId: id });
  });
  router.delete('/v2/bot/user/:userId/richmenu', (req, res) => {
    userMenus.delete(`${orgOf(req) ?? ''}|${String(req.params.userId)}`);
    res.status(200).json({});
  });

  return {
    router,
    putContent(orgId, messageId, content) {
      contents.set(`${orgId}|${messageId}`, content);
      while (contents.size > MAX_ENTRIES) contents.delete(contents.keys().next().value!);
    },
    registerChannel: (orgId, accessToken) => void channels.set(accessToken, orgId),
    issueReplyToken(to, token = randomUUID().replace(/-/g, '')) {
      replyTokens.set(token, { to, used: false, issuedAt: clock.now().getTime() });
      return token;
    },
    outbox: (filter = {}) =>
      entries.filter((e) => (!filter.to || e.to.includes(filter.to)) && (!filter.orgId || e.orgId === filter.orgId)),
    clearOutbox: () => void (entries = []),
    onDelivered(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    refusals: (filter = {}) => refusals.filter((r) => !filter.orgId || r.orgId === filter.orgId),
    takeRefusals() {
      const taken = refusals;
      refusals = [];
      return taken;
    },
    quota,
    failNext: (count, status = 500) => void (faults = { remaining: count, status }),
    failedCalls: () => failed,
    userRichMenu: (orgId, userId) => {
      const id = userMenus.get(`${orgId}|${userId}`);
      // A deleted menu is no longer linked (LINE drops the link with the menu).
      return id && richMenus.has(id) ? id : null;
    },
    richMenus: (filter = {}) =>
      [...richMenus.values()]
        .filter((m) => !filter.orgId || m.orgId === filter.orgId)
        .map((m) => ({
          ...m,
          menu: structuredClone(m.menu),
          ...(m.image ? { image: { ...m.image } } : {}),
          isDefault: defaultMenu.get(m.orgId) === m.richMenuId,
          linkedUsers: [...userMenus.values()].filter((id) => id === m.richMenuId).length,
        })),
  };
}

const RICH_MENU_CREATES_PER_HOUR = 100;
const RICH_MENU_CREATE_WINDOW_MS = 3_600_000;
const RICH_MENUS_PER_CHANNEL = 1000;
const RICH_MENU_IMAGE_LIMIT = 1024 * 1024;
const URI_SCHEMES = /^(https?|line|tel):/i;

/** LINE's checks of a rich menu object, with errors shaped as LINE gives them ({ message, property }). */
function richMenuProblems(body: unknown): Array<{ message: string; property: string }> {
  const problems: Array<{ message: string; property: string }> = [];
  const bad = (property: string, message: string) => void problems.push({ property, message });
  const b = (body ?? {}) as Partial<Record<keyof RichMenuBody, unknown>>;
  const size = b.size as { width?: unknown; height?: unknown } | undefined;
  const width = typeof size?.width === 'number' ? size.width : NaN;
  const height = typeof size?.height === 'number' ? size.height : NaN;
  if (!(Number.isInteger(width) && width >= 800 && width <= 2500)) bad('size.width', 'must be an integer between 800 and 2500');
  if (!(Number.isInteger(height) && height >= 250)) bad('size.height', 'must be an integer of at least 250');
  if (width / height < 1.45) bad('size', 'width/height must be at least 1.45');
  if (typeof b.selected !== 'boolean') bad('selected', 'must be a boolean');
  if (typeof b.name !== 'string' || b.name.length < 1 || b.name.length > 300) bad('name', 'must be 1-300 characters');
  if (typeof b.chatBarText !== 'string' || b.chatBarText.length < 1 || b.chatBarText.length > 14) bad('chatBarText', 'must be 1-14 characters');
  if (!Array.isArray(b.areas) || b.areas.length < 1 || b.areas.length > 20) {
    bad('areas', 'must be 1-20 areas');
    return problems;
  }
  b.areas.forEach((area: unknown, i: number) => {
    const a = (area ?? {}) as { bounds?: Record<string, unknown>; action?: Record<string, unknown> };
    const [x, y, w, h] = (['x', 'y', 'width', 'height'] as const).map((k) => a.bounds?.[k]);
    const ints = [x, y, w, h].every((v) => Number.isInteger(v));
    if (!ints || (x as number) < 0 || (y as number) < 0 || (w as number) < 1 || (h as number) < 1) {
      bad(`areas[${i}].bounds`, 'must have integer x, y ≥ 0 and width, height ≥ 1');
    } else if ((x as number) + (w as number) > width || (y as number) + (h as number) > height) {
      bad(`areas[${i}].bounds`, 'must lie inside the rich menu size');
    }
    const action = a.action;
    const label = action?.label;
    if (label !== undefined && (typeof label !== 'string' || label.length > 20)) bad(`areas[${i}].action.label`, 'must be at most 20 characters');
    switch (action?.type) {
      case 'message':
        if (typeof action.text !== 'string' || action.text.length < 1 || action.text.length > 300) bad(`areas[${i}].action.text`, 'must be 1-300 characters');
        break;
      case 'uri':
        if (typeof action.uri !== 'string' || action.uri.length > 1000 || !URI_SCHEMES.test(action.uri)) {
          bad(`areas[${i}].action.uri`, 'must be an http, https, line or tel URI of at most 1000 characters');
        }
        break;
      case 'postback':
        if (typeof action.data !== 'string' || action.data.length < 1 || action.data.length > 300) bad(`areas[${i}].action.data`, 'must be 1-300 characters');
        break;
      case 'datetimepicker':
      case 'richmenuswitch':
      case 'clipboard':
        break;
      default:
        bad(`areas[${i}].action.type`, 'must be message, uri, postback, datetimepicker, richmenuswitch or clipboard');
    }
  });
  return problems;
}
