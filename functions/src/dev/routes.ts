import express, { type Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { z } from 'zod';
import { parseInput } from '../http/validate.ts';
import type { LocalIssuer } from '../auth/localIssuer.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import type { LineGateway } from '../line/credentials.ts';
import type { InProcessProcessor } from '../line/processor.ts';
import type { LineSandbox } from '../line/sandbox/fakeLineApi.ts';
import { ensureLocalChannel } from './localChannel.ts';
import { signBody } from '../line/sign.ts';
import { ulid } from '../line/ulid.ts';
import type { Logger } from '../log.ts';
import { LOCAL_LOGIN_CHANNEL_ID } from '../demo/orgs.ts';
import { listStaffGroupIds } from '../staff/groupsStore.ts';
import { ROLE_LABELS } from '../staff/schema.ts';
import { listStaff } from '../staff/store.ts';
import { orgIdSchema, publicOrg } from '../orgs/schema.ts';
import { getOrg, listOrgs } from '../orgs/store.ts';
import { devChatPage } from './chatPage.ts';
import { sampleImage } from './sampleImage.ts';

export interface DevDeps {
  db: Firestore;
  clock: Clock;
  log: Logger;
  line: LineGateway;
  sandbox: LineSandbox;
  issuer: LocalIssuer;
  processor: InProcessProcessor;
  firestoreEmulatorHost: string | undefined;
  lineApiBaseUrl: string;
}

const chatIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a LINE id: letters, digits, _ or -');

/** Media bytes as the sandbox's data API will serve them (GET /v2/bot/message/{id}/content). */
const contentSchema = z.object({
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i).max(60),
  data: z.base64().max(8_000_000),
});

const chatBodySchema = z.union([
  z.object({
    userId: chatIdSchema,
    text: z.string().min(1).max(5000),
    groupId: chatIdSchema.optional(),
  }),
  // A photo: its bytes (base64), or "sample" (a JPEG with an EXIF GPS marker, dev/sampleImage.ts).
  z.object({ userId: chatIdSchema, image: z.union([z.literal('sample'), contentSchema]), groupId: chatIdSchema.optional() }),
  z.object({
    userId: chatIdSchema,
    location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), title: z.string().max(100).optional(), address: z.string().max(200).optional() }),
    groupId: chatIdSchema.optional(),
  }),
  // Raw events; `contents` gives the bytes of their media messages, by message id.
  z.object({ events: z.array(z.record(z.string(), z.unknown())).min(1).max(100), contents: z.record(z.string().max(100), contentSchema).optional() }),
]);

/** The message of a one-message /dev/chat body (text, image or location), as LINE would deliver it. */
function messageOf(body: Exclude<z.infer<typeof chatBodySchema>, { events: unknown }>, id: string, quoteToken: string): Record<string, unknown> {
  if ('text' in body) return { id, type: 'text', text: body.text, quoteToken };
  if ('image' in body) return { id, type: 'image', quoteToken, contentProvider: { type: 'line' } };
  return { id, type: 'location', ...body.location };
}

const idTokenBodySchema = z.object({
  sub: z.string().min(1).max(100),
  name: z.string().max(100).optional(),
  aud: z.string().min(1).max(100).default(LOCAL_LOGIN_CHANNEL_ID),
  expiresInSeconds: z.number().int().min(-86_400).max(86_400).default(3600),
});


/**
 * Local mode's developer surface: the LINE sandbox (fake Messaging API, outbox, chat through the real webhook), the
 * local ID-token issuer, and what the demo holds. Mounted only when config.devRoutes (never in production).
 */
let messageCounter = 0;

export function devRouter(deps: DevDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: '12mb' }));

  router.get('/line/outbox', (req, res) => {
    const to = typeof req.query.to === 'string' ? req.query.to : undefined;
    const orgId = typeof req.query.orgId === 'string' ? req.query.orgId : undefined;
    res.json(deps.sandbox.outbox({ ...(to ? { to } : {}), ...(orgId ? { orgId } : {}) }));
  });
  router.delete('/line/outbox', (_req, res) => {
    deps.sandbox.clearOutbox();
    res.status(204).end();
  });
  // Sends LINE would have refused (400: schema or documented limits), with LINE's error body: each is a bug to fix.
  router.get('/line/refusals', (req, res) => {
    const orgId = typeof req.query.orgId === 'string' ? req.query.orgId : undefined;
    res.json(deps.sandbox.refusals(orgId ? { orgId } : {}));
  });

  // Rich menus made with `npm run richmenu` against the sandbox: their definition, and the uploaded image.
  router.get('/line/richmenus', (req, res) => {
    const orgId = typeof req.query.orgId === 'string' ? req.query.orgId : undefined;
    res.json(deps.sandbox.richMenus(orgId ? { orgId } : {}).map(({ image, ...menu }) => ({ ...menu, image: image ? { contentType: image.contentType, bytes: image.bytes, width: image.width, height: image.height, url: `/dev/line/richmenus/${menu.richMenuId}/image` } : null })));
  });
  router.get('/line/richmenus/:id/image', (req, res) => {
    const image = deps.sandbox.richMenus().find((m) => m.richMenuId === req.params.id)?.image;
    if (!image) throw new NotFoundError('rich menu image');
    res.type(image.contentType).send(image.data);
  });

  router.get('/chat', (_req, res) => void res.type('html').send(devChatPage()));

  router.post('/chat/:orgId', async (req, res) => {
    const orgId = parseInput(orgIdSchema, req.params.orgId);
    const body = parseInput(chatBodySchema, req.body);
    const org = await getOrg(deps.db, orgId);
    // An organisation created while the server runs (npm run import) gets its sandbox channel on first use.
    if (org) await ensureLocalChannel(deps, org);
    const secret = await deps.line.channelSecret(orgId);
    if (!org || !secret) throw new NotFoundError('organisation');

    const now = deps.clock.now().getTime();
    // Message ids must be unique per channel: the content of an image is fetched by it.
    const messageId = `${now}${String(++messageCounter).padStart(6, '0')}`;
    if ('image' in body) {
      const content = body.image === 'sample' ? { contentType: 'image/jpeg', bytes: sampleImage() } : { contentType: body.image.contentType, bytes: Buffer.from(body.image.data, 'base64') };
      deps.sandbox.putContent(orgId, messageId, content);
    }
    if ('contents' in body && body.contents) {
      for (const [id, c] of Object.entries(body.contents)) deps.sandbox.putContent(orgId, id, { contentType: c.contentType, bytes: Buffer.from(c.data, 'base64') });
    }
    const events: Record<string, unknown>[] =
      'events' in body
        ? body.events
        : [
            {
              type: 'message',
              mode: 'active',
              timestamp: now,
              webhookEventId: ulid(now),
              deliveryContext: { isRedelivery: false },
              source: body.groupId ? { type: 'group', groupId: body.groupId, userId: body.userId } : { type: 'user', userId: body.userId },
              replyToken: 'pending',
              message: messageOf(body, messageId, ulid(now)),
            },
          ];
    // Each reply token is valid once, for the chat the event came from, as LINE issues them.
    const tokens: string[] = [];
    for (const event of events) {
      const chat = chatOf(event.source);
      if (!chat) continue;
      // A raw event without a reply token (unfollow, leave, standby) gets none; "pending" asks the sandbox for one.
      if (typeof event.replyToken !== 'string') continue;
      const given = event.replyToken !== 'pending' ? event.replyToken : undefined;
      const token = deps.sandbox.issueReplyToken(chat, given);
      event.replyToken = token;
      tokens.push(token);
    }

    const before = new Set(deps.sandbox.outbox().map((e) => e.id));
    const refusedBefore = new Set(deps.sandbox.refusals().map((r) => r.id));
    const payload = JSON.stringify({ destination: 'Udevsandbox', events });
    const port = req.socket.localPort;
    const response = await fetch(`http://127.0.0.1:${port}/line/webhook/${orgId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signBody(payload, secret) },
      body: payload,
    });
    await deps.processor.drain();
    const sent = deps.sandbox.outbox({ orgId }).filter((e) => !before.has(e.id));
    const replies = sent.filter((e) => e.kind === 'reply' && e.replyToken && tokens.includes(e.replyToken));
    res.json({
      webhookStatus: response.status,
      replies: replies.map((e) => ({ to: e.to[0], messages: e.messages })),
      messages: replies.flatMap((e) => e.messages),
      pushes: sent.filter((e) => e.kind !== 'reply'),
      // What LINE would have refused in this exchange (nothing reached the chat): LINE's error body per request.
      refused: deps.sandbox.refusals({ orgId }).filter((r) => !refusedBefore.has(r.id)).map((r) => ({ kind: r.kind, to: r.to, error: r.error })),
    });
  });

  router.post('/id-token', async (req, res) => {
    const body = parseInput(idTokenBodySchema, req.body);
    const idToken = await deps.issuer.sign({
      sub: body.sub,
      aud: body.aud,
      expiresInSeconds: body.expiresInSeconds,
      now: deps.clock.now(),
      ...(body.name ? { name: body.name } : {}),
    });
    res.json({ idToken });
  });
  router.get('/issuer/jwks.json', (_req, res) => void res.json(deps.issuer.jwks()));

  router.get('/demo', async (_req, res) => {
    const orgs = await listOrgs(deps.db);
    // The LIFF app's tester bar reads this: organisations imported while the server runs get their local channel.
    for (const org of orgs) if (!org.line.loginChannelId) await ensureLocalChannel(deps, org);
    res.json({
      firestoreEmulatorHost: deps.firestoreEmulatorHost ?? null,
      lineApiBaseUrl: deps.lineApiBaseUrl,
      loginChannelId: LOCAL_LOGIN_CHANNEL_ID,
      orgs: await Promise.all(
        orgs.map(async (org) => {
          const [staff, groups] = await Promise.all([listStaff(deps.db, org.id), listStaffGroupIds(deps.db, org.id)]);
          return {
            ...publicOrg(org),
            staff: staff.map((m) => ({ userId: m.userId, displayName: m.displayName, roles: m.roles, roleLabels: m.roles.map((r) => ROLE_LABELS[r]) })),
            staffGroup: groups[0] ? { groupId: groups[0] } : null,
          };
        }),
      ),
    });
  });
  return router;
}

function chatOf(source: unknown): string | undefined {
  const s = source as { type?: string; userId?: string; groupId?: string; roomId?: string } | undefined;
  if (s?.type === 'user') return s.userId;
  if (s?.type === 'group') return s.groupId;
  if (s?.type === 'room') return s.roomId;
  return undefined;
}
