import express, { type RequestHandler } from 'express';

/**
 * Bounded work before authentication: every JSON body is read with its route's own byte limit (checked against
 * Content-Length before a byte is parsed; a chunked body stops at the limit) and its nesting depth is checked on the
 * raw bytes, in one linear pass, before `JSON.parse` builds anything. Routes with no entry get the small default.
 */
export const BODY_LIMITS = {
  /** LIFF JSON APIs: ids, a few short fields, a reason. */
  default: 32 * 1024,
  /** `POST /api/orgs/:orgId/ask`: one question (the schema allows 1,000 characters). */
  ask: 16 * 1024,
  /** Complaint filing carries up to 3 photos of 300 KB each as base64 (about 400 KB each) plus its text. */
  complaintFiling: 1536 * 1024,
} as const;

/** No body we accept nests deeper than this (the deepest, a complaint with a photo object, is 3). */
export const MAX_JSON_DEPTH = 16;

interface RouteLimit {
  method: string;
  path: RegExp;
  bytes: number;
}

const ROUTES: RouteLimit[] = [
  { method: 'POST', path: /^\/api\/orgs\/[^/]+\/ask\/?$/, bytes: BODY_LIMITS.ask },
  { method: 'POST', path: /^\/api\/orgs\/[^/]+\/complaints\/?$/, bytes: BODY_LIMITS.complaintFiling },
];

export function bodyLimitFor(method: string, path: string): number {
  return ROUTES.find((r) => r.method === method && r.path.test(path))?.bytes ?? BODY_LIMITS.default;
}

/** Shaped like body-parser's own 413, so it is mapped with it. */
class BodyTooLargeError extends Error {
  readonly type = 'entity.too.large';
  readonly status = 413;
  constructor(limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** An error shaped like body-parser's, so http/errors.ts maps it with theirs (a 400 with one issue). */
class BodyTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  }
}

/**
 * The deepest nesting of `[`/`{` in JSON text, counted outside strings; stops counting (returns early) as soon as
 * `max` is passed. Linear in the bytes, allocates nothing.
 */
export function jsonDepthExceeds(buf: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** One JSON parser per limit, chosen by the route; bodies that are not JSON are left unread. */
export function jsonBodies(): RequestHandler {
  const parsers = new Map<number, RequestHandler>();
  const parserFor = (bytes: number): RequestHandler => {
    let p = parsers.get(bytes);
    if (!p) {
      p = express.json({
        limit: bytes,
        verify: (_req, _res, buf) => {
          if (jsonDepthExceeds(buf, MAX_JSON_DEPTH)) throw new BodyTooDeepError();
        },
      });
      parsers.set(bytes, p);
    }
    return p;
  };
  return (req, res, next) => {
    const bytes = bodyLimitFor(req.method, req.path);
    // A declared length over the limit is refused before a byte is read, and the connection is closed rather than
    // drained: an attacker's megabytes cost neither parsing nor reading.
    if (Number(req.get('content-length') ?? 0) > bytes) {
      res.set('Connection', 'close');
      res.on('finish', () => req.socket.destroySoon());
      return next(new BodyTooLargeError(bytes));
    }
    return parserFor(bytes)(req, res, next);
  };
}
