/**
 * Server-rendered pages that need no LINE login: the full-screen display board for the office TV (polls the board
 * JSON every second, so a call shows within 2 seconds without a reload) and the printable A4 poster of a service.
 * Every value is escaped; the one inline script carries a per-response nonce allowed by the page's CSP.
 */
import { qrSvg } from '../http/qr.ts';
import { randomBytes } from 'node:crypto';
import type { Org } from '../orgs/schema.ts';
import { formatHours } from './day.ts';
import type { QueueService } from './schema.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** JSON inside a <script>: no "</script>" or HTML comment can end the script early. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const nonce = () => randomBytes(16).toString('base64');

export function boardPage(org: Org, serviceIds: string[]): { html: string; nonce: string } {
  const n = nonce();
  const api = `/api/orgs/${encodeURIComponent(org.id)}/queue/board${serviceIds.length ? `?services=${serviceIds.map(encodeURIComponent).join(',')}` : ''}`;
  const html = `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>กระดานเรียกคิว · ${escapeHtml(org.name)}</title>
<style>
  :root { color-scheme: dark; }
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; background: #0b1220; color: #f8fafc; font-family: "Sarabun", "Noto Sans Thai", "Leelawadee UI", Tahoma, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { display: flex; justify-content: space-between; align-items: center; padding: 1.2vh 2vw; background: #111c33; font-size: 3.2vh; }
  header .clock { font-variant-numeric: tabular-nums; font-size: 4vh; font-weight: 700; }
  main { flex: 1; display: grid; grid-template-columns: 2fr 1fr; gap: 1.5vw; padding: 1.5vh 1.5vw; min-height: 0; }
  #services { display: grid; grid-template-columns: repeat(auto-fit, minmax(30vw, 1fr)); gap: 1.5vh 1.5vw; align-content: start; overflow: hidden; }
  .svc { background: #15213d; border-radius: 1.2vh; padding: 1.2vh 1.2vw; }
  .svc h2 { margin: 0 0 .8vh; font-size: 3.4vh; color: #fde68a; }
  .counter { display: flex; justify-content: space-between; align-items: baseline; border-top: 1px solid #24345c; padding: .6vh 0; }
  .counter .name { font-size: 3.2vh; color: #cbd5e1; }
  .counter .num { font-size: 8vh; font-weight: 800; letter-spacing: .05em; font-variant-numeric: tabular-nums; }
  .counter .num.idle { color: #475569; font-size: 5vh; }
  .next { font-size: 3vh; color: #93c5fd; margin-top: .6vh; }
  aside { background: #15213d; border-radius: 1.2vh; padding: 1.2vh 1.2vw; display: flex; flex-direction: column; min-height: 0; }
  aside h2 { margin: 0 0 1vh; font-size: 3.6vh; color: #fde68a; }
  #latest { font-size: 12vh; font-weight: 900; text-align: center; line-height: 1.1; font-variant-numeric: tabular-nums; }
  #latestWhere { font-size: 4.5vh; text-align: center; color: #fef3c7; margin-bottom: 2vh; }
  #calls { list-style: none; margin: 0; padding: 0; font-size: 3.6vh; overflow: hidden; }
  #calls li { display: flex; justify-content: space-between; padding: .7vh 0; border-top: 1px solid #24345c; }
  .flash { animation: flash 1s ease-in-out 4; }
  @keyframes flash { 50% { background: #facc15; color: #0b1220; } }
  footer { padding: .8vh 2vw; font-size: 2.2vh; color: #94a3b8; display: flex; justify-content: space-between; }
  button { font: inherit; font-size: 2.2vh; background: #1e3a8a; color: #fff; border: 0; border-radius: .8vh; padding: .5vh 1vw; cursor: pointer; }
  .stale { color: #f87171; }
</style>
</head>
<body>
<header><div><strong>${escapeHtml(org.name)}</strong> · กระดานเรียกคิว</div><div class="clock" id="clock"></div></header>
<main>
  <section id="services" aria-live="polite"></section>
  <aside>
    <h2>เรียกล่าสุด</h2>
    <div id="latest">-</div>
    <div id="latestWhere"></div>
    <ul id="calls"></ul>
  </aside>
</main>
<footer><span id="status">กำลังโหลด…</span><button id="sound" type="button">เปิดเสียงเรียกคิว</button></footer>
<script nonce="${n}">
(() => {
  const API = ${scriptJson(api)};
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  let seen = null, sound = false, lastOk = 0;
  const voice = (c) => {
    if (!sound || !('speechSynthesis' in window)) return;
    const spoken = c.label.replace(/^([A-Z]+)0*(\\d+)$/, (_, p, d) => p.split('').join(' ') + ' ' + d.split('').join(' '));
    const u = new SpeechSynthesisUtterance('ขอเชิญหมายเลข ' + spoken + ' ที่ ' + c.counter);
    u.lang = 'th-TH'; u.rate = 0.9;
    speechSynthesis.speak(u);
  };
  $('sound').addEventListener('click', () => { sound = !sound; $('sound').textContent = sound ? 'ปิดเสียงเรียกคิว' : 'เปิดเสียงเรียกคิว'; });
  const tick = () => { $('clock').textContent = new Date().toLocaleTimeString('th-TH', { timeZone: 'Asia/Bangkok', hour12: false }); };
  setInterval(tick, 1000); tick();
  function render(b) {
    const root = $('services'); root.replaceChildren();
    for (const s of b.services) {
      const box = el('div', 'svc'); box.append(el('h2', '', s.prefix + ' · ' + s.name));
      for (const c of s.counters) {
        const row = el('div', 'counter'); row.append(el('span', 'name', c.name));
        row.append(el('span', c.current ? 'num' : 'num idle', c.current ? c.current.label : '—'));
        box.append(row);
      }
      box.append(el('div', 'next', s.next.length ? 'คิวถัดไป: ' + s.next.join('  ') + (s.waiting > s.next.length ? '  (รอทั้งหมด ' + s.waiting + ')' : '') : 'ไม่มีคิวรอ'));
      root.append(box);
    }
    const list = $('calls'); list.replaceChildren();
    for (const c of b.calls.slice(1)) { const li = el('li'); li.append(el('span', '', c.label), el('span', '', c.counter)); list.append(li); }
    const top = b.calls[0];
    $('latest').textContent = top ? top.label : '-';
    $('latestWhere').textContent = top ? 'เชิญที่ ' + top.counter : '';
    const keys = new Set(b.calls.map((c) => c.key));
    if (seen) {
      const fresh = b.calls.filter((c) => !seen.has(c.key)).reverse();
      if (fresh.length) { $('latest').classList.remove('flash'); void $('latest').offsetWidth; $('latest').classList.add('flash'); }
      fresh.forEach(voice);
    }
    seen = keys;
  }
  async function poll() {
    try {
      const res = await fetch(API, { cache: 'no-store' });
      if (res.ok) { render(await res.json()); lastOk = Date.now(); }
    } catch (e) { /* network blip: keep the last board */ }
    const stale = Date.now() - lastOk > 5000;
    $('status').textContent = stale ? 'ขาดการเชื่อมต่อ กำลังลองใหม่…' : 'อัปเดตอัตโนมัติทุก 1 วินาที';
    $('status').className = stale ? 'stale' : '';
    setTimeout(poll, 1000);
  }
  poll();
})();
</script>
</body>
</html>`;
  return { html, nonce: n };
}

/**
 * The A4 poster for the service's door: name, QR code of the LIFF "take a ticket" page, and short Thai steps.
 * The QR code (uqr, SVG) opens the service's ticket page in LINE; the link is printed in full beneath it too.
 */
export function posterPage(org: Org, service: QueueService, takeUrl: string | null): { html: string; nonce: string } {
  const n = nonce();
  const qr = takeUrl
    ? `<div class="qr" data-qr-url="${escapeHtml(takeUrl)}">${qrSvg(takeUrl, 'QR code สำหรับรับบัตรคิว')}</div>`
    : `<div class="qr missing"><span>ยังไม่ได้ตั้งค่า LIFF ของหน่วยงาน</span></div>`;
  const html = `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>โปสเตอร์รับบัตรคิว · ${escapeHtml(service.name)}</title>
<style>
  @page { size: A4 portrait; margin: 14mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Sarabun", "Noto Sans Thai", "Leelawadee UI", Tahoma, sans-serif; color: #111827; background: #e5e7eb; }
  .sheet { width: 210mm; min-height: 297mm; margin: 0 auto; background: #fff; padding: 16mm 16mm 12mm; display: flex; flex-direction: column; align-items: center; text-align: center; }
  .org { font-size: 16pt; color: #374151; }
  h1 { font-size: 34pt; margin: 4mm 0 2mm; line-height: 1.2; }
  .prefix { display: inline-block; background: #1e3a8a; color: #fff; border-radius: 3mm; padding: 1mm 5mm; font-size: 22pt; margin-bottom: 6mm; }
  .qr { width: 110mm; height: 110mm; display: flex; align-items: center; justify-content: center; font-size: 20pt; color: #6b7280; margin: 2mm 0 3mm; }
  .qr.missing { border: 1.2mm dashed #111827; }
  .qr.missing { font-size: 14pt; }
  .url { font-size: 10pt; color: #374151; word-break: break-all; max-width: 160mm; }
  ol { text-align: left; font-size: 17pt; line-height: 1.6; margin: 8mm 0 4mm; padding-left: 10mm; }
  .note { font-size: 12.5pt; color: #374151; max-width: 165mm; }
  .hours { font-size: 14pt; margin-top: 4mm; }
  .print { margin: 6mm auto; display: block; font: inherit; font-size: 14pt; padding: 2mm 6mm; }
  @media print { body { background: #fff; } .sheet { margin: 0; width: auto; min-height: auto; } .print { display: none; } }
</style>
</head>
<body>
<button class="print" id="print" type="button">พิมพ์โปสเตอร์ (A4)</button>
<div class="sheet">
  <div class="org">${escapeHtml(org.name)}</div>
  <h1>รับบัตรคิว<br>${escapeHtml(service.name)}</h1>
  <div class="prefix">คิวหมายเลข ${escapeHtml(service.prefix)}</div>
  ${qr}
  ${takeUrl ? `<div class="url">${escapeHtml(takeUrl)}</div>` : ''}
  <ol>
    <li>เปิดแอป LINE แล้วสแกน QR code นี้</li>
    <li>กด "รับบัตรคิว" ระบบจะแสดงหมายเลขคิวและจำนวนคิวก่อนหน้า</li>
    <li>รอได้ตามสะดวก ระบบจะส่งข้อความ LINE เมื่อถึงคิว (และเมื่อใกล้ถึงคิว หากเลือกไว้ตอนรับบัตร)</li>
    <li>เมื่อถูกเรียก ไปที่ช่องบริการที่แจ้ง${service.location ? ` (${escapeHtml(service.location)})` : ''}</li>
  </ol>
  <p class="note">บริการตามลำดับการมาถึง ไม่มีการลัดคิว ทุกการเรียกคิวถูกบันทึกไว้ตรวจสอบได้ ผู้ที่ไม่มี LINE ขอรับบัตรคิวได้ที่เจ้าหน้าที่ เมื่อรับบริการเสร็จ ขอความกรุณาประเมินความพึงพอใจผ่านลิงก์ที่ได้รับทาง LINE</p>
  <p class="hours">เวลารับบัตรคิว: ${escapeHtml(formatHours(service.hours))}</p>
</div>
<script nonce="${n}">document.getElementById('print').addEventListener('click', () => window.print());</script>
</body>
</html>`;
  return { html, nonce: n };
}
