/**
 * Server-rendered HTML of the ratings feature: the printable QR poster for a service point, and a plain public results
 * page with inline SVG bars (for the organisation's website and for ITA evidence, readable without LINE). No script.
 */
import type { RatingSummary } from './aggregate.ts';
import { pct } from './messages.ts';
import { ITEM_LABELS, ITEMS } from './schema.ts';
import { formatThaiDate } from '../time/bangkok.ts';
import { formatNumber } from '../text/numbers.ts';

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, style: string, body: string) => `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:"Sarabun","Noto Sans Thai",Tahoma,sans-serif;color:#111827;margin:0;padding:24px;line-height:1.5}
h1{font-size:1.6rem;margin:.2em 0}h2{font-size:1.2rem;margin:1.2em 0 .4em}.muted{color:#6B7280}
${style}
</style></head><body>
${body}
</body></html>`;

export interface PosterInput {
  orgName: string;
  serviceTitle: string | null;
  /** The link the QR code encodes; null when the organisation has no LIFF app yet. */
  url: string | null;
  /** An inline SVG of the QR code, when a QR encoder is wired; otherwise a placeholder box is printed. */
  qrSvg?: string | undefined;
}

/** An A4 poster: what to do, the QR code (or its placeholder) and the link as text, so it works without a scanner. */
export function posterHtml(p: PosterInput): string {
  const style = `
@page{size:A4;margin:15mm}
.poster{max-width:180mm;margin:0 auto;text-align:center;border:3px solid #06C755;border-radius:16px;padding:12mm}
.org{font-size:1.2rem;color:#374151}.service{font-size:1.4rem;font-weight:bold;margin:.3em 0}
.qr{width:90mm;height:90mm;margin:8mm auto;display:flex;align-items:center;justify-content:center}
.qr.placeholder{border:3px dashed #9CA3AF;border-radius:8px;color:#6B7280;font-size:1rem;padding:4mm}
.qr svg{width:100%;height:100%}
.url{font-family:monospace;font-size:.95rem;word-break:break-all;background:#F3F4F6;padding:3mm;border-radius:6px}
.steps{text-align:left;display:inline-block;font-size:1.05rem}
@media print{body{padding:0}.noprint{display:none}}`;
  const qr = p.url
    ? p.qrSvg
      ? `<div class="qr">${p.qrSvg}</div>`
      : `<div class="qr placeholder" data-qr-url="${esc(p.url)}">พื้นที่สำหรับ QR Code<br>(สร้างจากลิงก์ด้านล่าง)</div>`
    : `<div class="qr placeholder">ยังไม่ได้ตั้งค่า LINE LIFF ของหน่วยงาน จึงยังสร้างลิงก์แบบประเมินไม่ได้</div>`;
  const body = `<main class="poster">
<div class="org">${esc(p.orgName)}</div>
<h1>ประเมินความพึงพอใจการให้บริการ</h1>
${p.serviceTitle ? `<div class="service">${esc(p.serviceTitle)}</div>` : ''}
${qr}
<ol class="steps">
<li>สแกน QR Code ด้วยกล้องโทรศัพท์หรือแอป LINE</li>
<li>ให้คะแนน 5 ด้าน (1 = น้อยที่สุด, 5 = มากที่สุด) ใช้เวลาไม่ถึง 1 นาที</li>
<li>ผลการประเมินเผยแพร่ต่อสาธารณะ ความคิดเห็นของท่านเจ้าหน้าที่เท่านั้นที่อ่านได้</li>
</ol>
${p.url ? `<p class="url">${esc(p.url)}</p>` : ''}
<p class="muted">ประเมินได้ 1 ครั้งต่อบริการต่อวัน ขอบคุณที่ช่วยให้เราปรับปรุงการให้บริการ</p>
</main>
<p class="noprint muted" style="text-align:center">พิมพ์หน้านี้ (Ctrl+P) เพื่อติดที่จุดให้บริการ</p>`;
  return page(`ประเมินความพึงพอใจ - ${p.serviceTitle ?? p.orgName}`, style, body);
}

/** Horizontal SVG bars of percentages with a target line. Pure SVG, no script. */
export function barsSvg(rows: Array<{ label: string; value: number | null }>, target: number, title: string): string {
  const rowH = 28;
  const labelW = 260;
  const barW = 360;
  const h = rows.length * rowH + 30;
  const x = (v: number) => labelW + (Math.max(0, Math.min(100, v)) / 100) * barW;
  const bars = rows
    .map((r, i) => {
      const y = 10 + i * rowH;
      const v = r.value ?? 0;
      const color = r.value !== null && r.value >= target ? '#16A34A' : '#F59E0B';
      return `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end" font-size="13">${esc(r.label)}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${barW}" height="18" fill="#E5E7EB" rx="3"/>` +
        (r.value === null ? '' : `<rect x="${labelW}" y="${y + 2}" width="${x(v) - labelW}" height="18" fill="${color}" rx="3"/>`) +
        `<text x="${labelW + barW + 8}" y="${y + 15}" font-size="13">${esc(pct(r.value))}</text>`;
    })
    .join('');
  const tx = x(target);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 70} ${h}" width="100%" role="img" aria-label="${esc(title)}">` +
    `<title>${esc(title)}</title>${bars}` +
    `<line x1="${tx}" y1="4" x2="${tx}" y2="${h - 18}" stroke="#1D4ED8" stroke-dasharray="4 3"/>` +
    `<text x="${tx}" y="${h - 4}" text-anchor="middle" font-size="11" fill="#1D4ED8">เป้าหมาย ${target}%</text></svg>`;
}

/** The public results page: both figures named, per item, per service, per month, against the target; CSV link. */
export function resultsHtml(orgName: string, s: RatingSummary, csvUrl: string): string {
  const t = s.total;
  const items = ITEMS.map((i) => ({ label: ITEM_LABELS[i], value: t.items[i].meanPercent }));
  const services = s.byService.map((sv) => ({ label: `${sv.title} (${sv.ratings} คน)`, value: sv.allItems.meanPercent }));
  const months = s.byMonth.map((m) => ({ label: `${m.label} (${m.ratings} คน)`, value: m.allItems.meanPercent }));
  const tableRows = ITEMS.map((i) => {
    const f = t.items[i];
    return `<tr><td>${esc(ITEM_LABELS[i])}</td><td>${f.mean === null ? '-' : f.mean.toFixed(2)}</td><td>${pct(f.meanPercent)}</td><td>${pct(f.satisfiedPercent)}</td></tr>`;
  }).join('');
  const style = `main{max-width:760px;margin:0 auto}.big{font-size:2rem;font-weight:bold;color:#1D4ED8}
.cards{display:flex;gap:16px;flex-wrap:wrap}.card{flex:1 1 220px;border:1px solid #E5E7EB;border-radius:12px;padding:12px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #E5E7EB;padding:6px;text-align:left}`;
  const body = `<main>
<p class="muted">${esc(orgName)}</p>
<h1>ผลการประเมินความพึงพอใจการให้บริการ</h1>
<p>ช่วงเวลา ${esc(formatThaiDate(s.range.from))} ถึง ${esc(formatThaiDate(s.range.to))} · ผู้ประเมิน ${formatNumber(t.ratings)} คน</p>
<div class="cards">
<div class="card"><div class="muted">ร้อยละความพึงพอใจ (คะแนนเฉลี่ย ${t.allItems.mean === null ? '-' : t.allItems.mean.toFixed(2)} จาก 5)</div><div class="big">${pct(t.allItems.meanPercent)}</div><div class="muted">= คะแนนเฉลี่ย ÷ 5 × 100</div></div>
<div class="card"><div class="muted">ร้อยละผู้ที่พึงพอใจถึงพึงพอใจมาก</div><div class="big">${pct(t.allItems.satisfiedPercent)}</div><div class="muted">= ผู้ตอบระดับ 4-5 ÷ คำตอบทั้งหมด</div></div>
</div>
<p>${esc(s.target.label)}: ${esc(s.target.basisLabel)} ไม่น้อยกว่าร้อยละ ${s.target.percent}${s.target.source ? ` (${esc(s.target.source)})` : ''} — ${t.meetsTarget === null ? 'ยังไม่มีผลประเมิน' : t.meetsTarget ? 'ผ่านเป้าหมาย' : 'ต่ำกว่าเป้าหมาย'}</p>
<h2>รายด้าน</h2>
<table><thead><tr><th>ด้าน</th><th>คะแนนเฉลี่ย</th><th>ร้อยละความพึงพอใจ (เฉลี่ย)</th><th>ร้อยละผู้ที่พึงพอใจ (4-5)</th></tr></thead><tbody>${tableRows}</tbody></table>
${barsSvg(items, s.target.percent, 'ร้อยละความพึงพอใจรายด้าน')}
${services.length ? `<h2>รายบริการ (ร้อยละความพึงพอใจ จากคะแนนเฉลี่ย)</h2>${barsSvg(services, s.target.percent, 'ร้อยละความพึงพอใจรายบริการ')}` : ''}
<h2>รายเดือน (ร้อยละความพึงพอใจ จากคะแนนเฉลี่ย)</h2>
${barsSvg(months, s.target.percent, 'ร้อยละความพึงพอใจรายเดือน')}
<p><a href="${esc(csvUrl)}">ดาวน์โหลดข้อมูล (CSV)</a></p>
<p class="muted">${esc(s.definitions.meanPercent)}<br>${esc(s.definitions.satisfiedPercent)}</p>
</main>`;
  return page(`ผลการประเมินความพึงพอใจ - ${orgName}`, style, body);
}
