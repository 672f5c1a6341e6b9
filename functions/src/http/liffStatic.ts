import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export const LIFF_DIST = path.resolve(import.meta.dirname, '../../../liff-app/dist');

/**
 * Serves the built LIFF app at /liff/ in local and emulator modes (Firebase Hosting serves it in production). Every
 * page path under /liff/{orgId}/... gets index.html: the app routes on the client.
 */
export function liffStaticRouter(dist = LIFF_DIST): Router {
  const router = express.Router();
  const index = path.join(dist, 'index.html');
  router.use('/liff', express.static(dist, { index: false, maxAge: '1h', fallthrough: true }));
  router.get(/^\/liff(\/.*)?$/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('html').send('<!doctype html><meta charset="utf-8"><p lang="th">ยังไม่ได้สร้างแอป LIFF: รัน <code>npm run build -w liff-app</code></p>');
      return;
    }
    res.sendFile(index, { maxAge: 0 });
  });
  return router;
}
