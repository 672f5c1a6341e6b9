import express, { type Router } from 'express';
import type { Config } from '../config.ts';

/** `/`: where a developer starts: the dev chat, the outbox, the LIFF app and the API description. */
export function landingRouter(deps: { config: Config }): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    const dev = deps.config.devRoutes;
    res.type('html').send(`<!doctype html><html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>LINE OA คุณธรรมและบริการประชาชน</title>
<style>body{font-family:system-ui,"Noto Sans Thai",sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem;line-height:1.6}
a{color:#047a34;font-weight:600}li{margin:.4rem 0}code{background:#f3f3f3;padding:1px 4px}</style></head><body>
<h1>LINE OA คุณธรรมและความโปร่งใส</h1>
<p>บริการ LINE สำหรับองค์กรปกครองส่วนท้องถิ่น: ตอบคำถามเรื่องโครงการตามแผนป้องกันการทุจริตและคู่มือประชาชน
รับเรื่องร้องเรียน บัตรคิว และประเมินความพึงพอใจ · mode: <code>${deps.config.mode}</code></p>
<ul>
${dev ? `<li><a href="/dev/chat">แชตทดลอง (dev chat)</a> — คุยกับบอทของแต่ละหน่วยงานผ่าน webhook จริง</li>
<li><a href="/dev/line/outbox">Outbox</a> — ข้อความทุกข้อความที่บอทส่ง (reply/push) ใน LINE sandbox</li>
<li><a href="/dev/demo">Demo</a> — หน่วยงานตัวอย่าง เจ้าหน้าที่ และที่อยู่ Firestore emulator</li>` : ''}
<li><a href="/liff/">LIFF mini-app</a> — แบบฟอร์มร้องเรียน บัตรคิว ประเมินความพึงพอใจ</li>
<li><a href="/api">API</a> — คำอธิบาย API</li>
<li><a href="/healthz">/healthz</a></li>
</ul></body></html>`);
  });
  router.get('/api', (_req, res) => {
    res.json({
      webhook: 'POST /line/webhook/:orgId (LINE Messaging API webhook, x-line-signature required)',
      health: 'GET /healthz',
      ...(deps.config.devRoutes
        ? {
            dev: {
              chat: 'POST /dev/chat/:orgId { userId, text } | { events: [...] }',
              outbox: 'GET /dev/line/outbox?to=  ·  DELETE /dev/line/outbox',
              idToken: 'POST /dev/id-token { sub, name }',
              jwks: 'GET /dev/issuer/jwks.json',
              demo: 'GET /dev/demo',
            },
          }
        : {}),
    });
  });
  return router;
}
