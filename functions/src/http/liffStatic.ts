import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import express, { type Request, type Response, type Router } from 'express';

export const LIFF_DIST = path.resolve(import.meta.dirname, '../../../liff-app/dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};
/** Files worth compressing (text); images and fonts are already compressed. */
const COMPRESSIBLE = new Set(Object.keys(TYPES));
/** Vite names every built asset by its content hash: the bytes at such a URL never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip' | 'identity';
interface Cached {
  mtimeMs: number;
  bodies: Partial<Record<Encoding, Buffer>>;
}

/** Picks brotli, then gzip, from the request's Accept-Encoding (q=0 refuses). */
export function pickEncoding(accept: string | undefined): Encoding {
  const offered = new Map(
    (accept ?? '').split(',').map((part) => {
      const [name = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [name, q ? Number(q.slice(2)) : 1] as const;
    }),
  );
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
}

/**
 * Serves a built text file compressed (brotli or gzip, by Accept-Encoding), compressing each file once per build and
 * keeping the result in memory (the dist folder is small: about 200 KB). Hashed assets get a year of caching.
 */
function compressedFileServer() {
  const cache = new Map<string, Cached>();
  return (file: string, req: Request, res: Response, cacheControl: string): boolean => {
    const ext = path.extname(file);
    if (!COMPRESSIBLE.has(ext) || !existsSync(file)) return false;
    const mtimeMs = statSync(file).mtimeMs;
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      entry = { mtimeMs, bodies: { identity: readFileSync(file) } };
      cache.set(file, entry);
    }
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const raw = entry.bodies.identity as Buffer;
    const body =
      (entry.bodies[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw);
    res.set('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.set('Vary', 'Accept-Encoding');
    res.set('Cache-Control', cacheControl);
    if (encoding !== 'identity') res.set('Content-Encoding', encoding);
    res.set('Content-Length', String(body.length));
    res.status(200).send(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/**
 * Serves the built LIFF app at /liff/ in local and emulator modes (Firebase Hosting serves it in production, with the
 * same caching headers from firebase.json and its own compression). Text files go out brotli- or gzip-compressed;
 * hashed assets (`/liff/assets/…`) are cached for a year, index.html is revalidated every time. Every page path under
 * /liff/{orgId}/... gets index.html: the app routes on the client.
 */
export function liffStaticRouter(dist = LIFF_DIST): Router {
  const router = express.Router();
  const index = path.join(dist, 'index.html');
  const serve = compressedFileServer();
  router.get(/^\/liff\/assets\/[^/]+$/, (req, res, next) => {
    const file = path.join(dist, 'assets', path.basename(req.path));
    if (!serve(file, req, res, IMMUTABLE)) next();
  });
  router.use('/liff/assets', express.static(path.join(dist, 'assets'), { index: false, maxAge: '365d', immutable: true, fallthrough: true }));
  router.use('/liff', express.static(dist, { index: false, maxAge: '1h', fallthrough: true }));
  router.get(/^\/liff(\/.*)?$/, (req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('html').send('<!doctype html><meta charset="utf-8"><p lang="th">ยังไม่ได้สร้างแอป LIFF: รัน <code>npm run build -w liff-app</code></p>');
      return;
    }
    if (!serve(index, req, res, 'no-cache')) res.sendFile(index, { maxAge: 0 });
  });
  return router;
}
