/**
 * The dev chat page: pick an organisation, chat through the real webhook, see replies rendered readably (text, quick
 * replies, Flex bubbles and carousels, templates). No pixel fidelity; plain DOM, no build step.
 */
export function devChatPage(): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Dev chat · LINE sandbox</title>
<style>
  body{margin:0;font-family:system-ui,"Noto Sans Thai",sans-serif;background:#8cabd9;color:#111}
  header{background:#273246;color:#fff;padding:8px 12px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
  header select,header input{font-size:15px;padding:6px;border-radius:6px;border:0}
  #log{padding:12px;display:flex;flex-direction:column;gap:10px;min-height:calc(100vh - 140px);max-width:720px;margin:0 auto}
  .me{align-self:flex-end;background:#85e249;padding:8px 12px;border-radius:14px;max-width:75%;white-space:pre-wrap}
  .bot{align-self:flex-start;max-width:92%}
  .text{background:#fff;padding:8px 12px;border-radius:14px;white-space:pre-wrap}
  .sys{align-self:center;font-size:12px;color:#223;background:#ffffff99;padding:2px 8px;border-radius:8px}
  .qr{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
  .qr button,.btn{border:1px solid #06c755;background:#fff;color:#06c755;border-radius:16px;padding:6px 10px;font-size:14px;cursor:pointer;min-height:36px}
  .carousel{display:flex;gap:8px;overflow-x:auto;padding-bottom:4px}
  .bubble{background:#fff;border-radius:12px;min-width:240px;max-width:300px;overflow:hidden;display:flex;flex-direction:column}
  .box{display:flex;gap:4px}.vertical{flex-direction:column}.horizontal,.baseline{flex-direction:row}
  .section{padding:10px}
  .ftext{white-space:pre-wrap;word-break:break-word}
  .sep{border-top:1px solid #ddd;margin:4px 0}
  img{max-width:100%}
  form{position:sticky;bottom:0;display:flex;gap:8px;padding:10px;background:#eee;max-width:720px;margin:0 auto}
  form input{flex:1;font-size:16px;padding:10px;border-radius:8px;border:1px solid #bbb}
  form button{font-size:16px;padding:10px 16px;border-radius:8px;border:0;background:#06c755;color:#fff}
  .alt{font-size:11px;color:#334;margin-top:2px}
</style></head>
<body>
<header><strong>LINE sandbox</strong>
  <label>หน่วยงาน <select id="org"></select></label>
  <label>ผู้ใช้ <input id="user" size="14"></label>
  <button class="btn" id="follow" type="button">เพิ่มเพื่อน (follow)</button>
  <button class="btn" id="photo" type="button">📷 รูปตัวอย่าง</button>
  <label class="btn">📁 ส่งรูป<input id="file" type="file" accept="image/*" hidden></label>
  <button class="btn" id="place" type="button">📍 ส่งตำแหน่ง</button>
  <a href="/dev/line/outbox" style="color:#9cf">outbox</a> <a href="/dev/line/refusals" style="color:#9cf">refusals</a> <a href="/" style="color:#9cf">หน้าแรก</a>
</header>
<main id="log" aria-live="polite"></main>
<form id="f"><input id="t" autocomplete="off" placeholder="พิมพ์ข้อความ เช่น ปี 2567 มีโครงการอะไรบ้าง" aria-label="ข้อความ"><button>ส่ง</button></form>
<script type="module">
const $ = (s) => document.querySelector(s);
const log = $('#log');
const hex = () => [...crypto.getRandomValues(new Uint8Array(16))].map(b=>b.toString(16).padStart(2,'0')).join('');
$('#user').value = localStorage.devUser || (localStorage.devUser = 'U' + hex());
$('#user').onchange = () => localStorage.devUser = $('#user').value;
const demo = await (await fetch('/dev/demo')).json();
for (const o of demo.orgs) $('#org').append(new Option(o.name + ' (' + o.id + ')', o.id));
if (localStorage.devOrg) $('#org').value = localStorage.devOrg;
$('#org').onchange = () => { localStorage.devOrg = $('#org').value; log.innerHTML=''; };
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
const say = (cls, text) => { const e = el('div', cls, text); log.append(e); e.scrollIntoView({block:'end'}); return e; };
const ulid = () => Date.now().toString(32).toUpperCase().padStart(10,'0') + hex().slice(0,16).toUpperCase();
const source = () => ({ type: 'user', userId: $('#user').value });
async function post(body) {
  const r = await fetch('/dev/chat/' + $('#org').value, { method: 'POST', headers: {'content-type':'application/json'}, body: JSON.stringify(body) });
  const data = await r.json();
  if (!r.ok) { say('sys', 'ผิดพลาด: ' + (data.error || r.status)); return; }
  if (data.webhookStatus !== 200) say('sys', 'webhook ตอบ ' + data.webhookStatus);
  for (const m of data.messages) render(m);
  for (const p of data.pushes || []) for (const m of p.messages) render(m, 'push');
  for (const r of data.refused || []) say('sys', 'LINE จะปฏิเสธ (400): ' + r.error.details.map((d) => d.property + ': ' + d.message).join('; '));
}
function event(type, extra) { return { type, mode: 'active', timestamp: Date.now(), webhookEventId: ulid(), deliveryContext: { isRedelivery: false }, source: source(), replyToken: 'pending', ...extra }; }
function sendText(text) { say('me', text); return post({ userId: $('#user').value, text }); }
function sendPostback(data, label) { say('me', label || data); return post({ events: [event('postback', { postback: { data } })] }); }
function act(a) {
  if (!a) return;
  if (a.type === 'message') sendText(a.text);
  else if (a.type === 'postback') sendPostback(a.data, a.displayText || a.label);
  else if (a.type === 'uri') window.open(a.uri, '_blank');
  else if (a.type === 'datetimepicker') sendPostback(a.data, a.label);
  else if (a.type === 'location') sendPlace();
}
// Media as LINE delivers it: the sandbox keeps the bytes and serves them at /v2/bot/message/{id}/content.
function sendPlace() { say('me', '📍 ตำแหน่ง (ตัวอย่าง)'); return post({ userId: $('#user').value, location: { latitude: 16.71372, longitude: 98.57461, title: 'หน้าตลาดเทศบาล', address: 'ถนนอินทรคีรี ต.แม่สอด' } }); }
function button(a, style) { const b = el('button', 'btn', a.label || a.text || a.uri); if (style === 'primary') { b.style.background='#06c755'; b.style.color='#fff'; } b.onclick = () => act(a); return b; }
function flex(c) {
  if (!c) return el('span');
  switch (c.type) {
    case 'bubble': { const b = el('div', 'bubble'); for (const k of ['header','hero','body','footer']) if (c[k]) { const s = el('div', 'section'); if (c.styles?.[k]?.backgroundColor) s.style.background = c.styles[k].backgroundColor; s.append(flex(c[k])); b.append(s); } return b; }
    case 'carousel': { const d = el('div', 'carousel'); for (const x of c.contents) d.append(flex(x)); return d; }
    case 'box': { const d = el('div', 'box ' + (c.layout || 'vertical')); if (c.backgroundColor) d.style.background = c.backgroundColor; if (c.paddingAll) d.style.padding = /px|%/.test(c.paddingAll) ? c.paddingAll : '6px'; for (const x of c.contents || []) d.append(flex(x)); if (c.action) { d.style.cursor='pointer'; d.onclick = () => act(c.action); } return d; }
    case 'text': { const t = el('div', 'ftext', c.text ?? (c.contents||[]).map(s=>s.text).join('')); if (c.weight === 'bold') t.style.fontWeight = 'bold'; if (c.color) t.style.color = c.color; const sz = {xxs:10,xs:11,sm:13,md:15,lg:17,xl:19,xxl:22,'3xl':26}[c.size]; if (sz) t.style.fontSize = sz + 'px'; if (c.flex != null) t.style.flex = String(c.flex); if (c.align==='end') t.style.textAlign='right'; return t; }
    case 'span': return el('span', null, c.text);
    case 'image': { const i = el('img'); i.src = c.url; i.alt = ''; return i; }
    case 'icon': return el('span');
    case 'button': return button(c.action, c.style);
    case 'separator': return el('div', 'sep');
    case 'filler': case 'spacer': return el('div');
    default: return el('div', 'ftext', '[' + c.type + ']');
  }
}
function render(m, via) {
  const wrap = el('div', 'bot');
  if (m.type === 'text') wrap.append(el('div', 'text', m.text));
  else if (m.type === 'flex') { wrap.append(flex(m.contents)); wrap.append(el('div', 'alt', 'altText: ' + m.altText)); }
  else if (m.type === 'template') {
    const t = m.template; const b = el('div', 'bubble'); const s = el('div', 'section');
    if (t.title) s.append(el('div', 'ftext', t.title));
    s.append(el('div', 'ftext', t.text || ''));
    for (const a of t.actions || []) s.append(button(a));
    b.append(s); wrap.append(b); wrap.append(el('div', 'alt', 'altText: ' + m.altText));
  }
  else if (m.type === 'image') { const i = el('img'); i.src = m.previewImageUrl; wrap.append(i); }
  else if (m.type === 'sticker') wrap.append(el('div', 'text', '[สติกเกอร์]'));
  else wrap.append(el('div', 'text', '[' + m.type + ']'));
  if (via) wrap.prepend(el('div', 'alt', via));
  if (m.quickReply) { const q = el('div', 'qr'); for (const it of m.quickReply.items) q.append(button(it.action)); wrap.append(q); }
  log.append(wrap); wrap.scrollIntoView({block:'end'});
}
$('#f').onsubmit = (e) => { e.preventDefault(); const t = $('#t').value.trim(); if (!t) return; $('#t').value=''; sendText(t); };
$('#photo').onclick = () => { say('me', '📷 รูปตัวอย่าง'); post({ userId: $('#user').value, image: 'sample' }); };
$('#place').onclick = () => sendPlace();
$('#file').onchange = async (e) => {
  const file = e.target.files[0]; e.target.value = ''; if (!file) return;
  const data = btoa(Array.from(new Uint8Array(await file.arrayBuffer()), (b) => String.fromCharCode(b)).join(''));
  say('me', '📷 ' + file.name); post({ userId: $('#user').value, image: { contentType: file.type || 'image/jpeg', data } });
};
$('#follow').onclick = () => { say('sys', 'follow'); post({ events: [event('follow', { follow: { isUnblocked: false } })] }); };
</script></body></html>`;
}
