/**
 * Printable public pages (reports, statistics, the evidence index): one A4 layout with Thai fonts, page numbers in
 * the printed footer, Buddhist-era dates, and small inline SVG bar charts beside tables. No script, every value escaped.
 */
import { formatFixed, formatNumber } from '../text/numbers.ts';

export const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export const num = (n: number | null | undefined, empty = '–') => (n === null || n === undefined ? empty : formatNumber(n, 2));
export const money2 = (n: number) => formatFixed(n, 2);

export function printablePage(o: { title: string; orgName: string; body: string; footer?: string; /** trusted HTML: links to other formats */ nav?: string }): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} · ${esc(o.orgName)}</title>
<style>
@page{size:A4;margin:18mm 15mm 20mm;@bottom-center{content:"หน้า " counter(page) " / " counter(pages);font:10pt "Sarabun","Noto Sans Thai",Tahoma,sans-serif;color:#555}}
*{box-sizing:border-box}
body{font-family:"Sarabun","TH Sarabun New","Noto Sans Thai","Leelawadee UI",Tahoma,sans-serif;color:#111827;margin:0 auto;padding:16px;max-width:210mm;line-height:1.5;font-size:15px}
h1{font-size:1.45rem;margin:.2em 0 .1em}h2{font-size:1.15rem;margin:1.2em 0 .4em;break-after:avoid}h3{font-size:1.02rem;margin:.8em 0 .2em;break-after:avoid}
.muted{color:#4B5563}.small{font-size:.85rem}
table{border-collapse:collapse;width:100%;margin:.4em 0 .8em;font-size:.9rem;break-inside:auto}
th,td{border:1px solid #9CA3AF;padding:3px 6px;vertical-align:top}th{background:#F3F4F6;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr{break-inside:avoid}
.pair{display:block}
.chart{max-width:560px;margin:.2em 0 1em}.chart svg{width:100%;height:auto}
.nw{white-space:nowrap}
.project{break-inside:avoid;border-top:1px solid #D1D5DB;padding:.3em 0}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:.85rem;background:#E5E7EB}
.ok{background:#D1FAE5}.no{background:#FEE2E2}
nav.noprint{margin-bottom:8px}
footer{margin-top:1.5em;font-size:.8rem;color:#4B5563;border-top:1px solid #D1D5DB;padding-top:.4em}
@media print{body{padding:0;max-width:none;font-size:12pt}.noprint{display:none}a{color:inherit;text-decoration:none}}
</style></head><body>
<nav class="noprint small muted">พิมพ์หน้านี้ได้ด้วยคำสั่งพิมพ์ของเบราว์เซอร์ (Ctrl+P) บนกระดาษ A4${o.nav ? ` · ${o.nav}` : ''}</nav>
${o.body}
${o.footer ? `<footer>${o.footer}</footer>` : ''}
</body></html>`;
}

export interface Bar {
  label: string;
  value: number;
  /** A second value drawn as a thin marker (e.g. planned, or a target). */
  mark?: number | null;
}

/**
 * A horizontal bar chart as inline SVG with its own text alternative: bars scaled to the largest value (or `max`),
 * the value printed at the end of each bar, an optional marker (target or plan) per bar.
 */
export function barChart(o: { title: string; bars: Bar[]; max?: number; unit?: string; markLabel?: string }): string {
  const rowH = 26;
  const labelW = 150;
  const barW = 220;
  const width = labelW + barW + 80;
  const height = Math.max(1, o.bars.length) * rowH + 24;
  const max = o.max ?? Math.max(1, ...o.bars.map((b) => Math.max(b.value, b.mark ?? 0)));
  const unit = o.unit ?? '';
  const rows = o.bars
    .map((b, i) => {
      const y = 20 + i * rowH;
      const w = max > 0 ? Math.round((Math.max(0, b.value) / max) * barW) : 0;
      const label = b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label;
      const mark = b.mark !== undefined && b.mark !== null && max > 0 ? Math.round((b.mark / max) * barW) : null;
      return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(label)}</text>
<rect x="${labelW}" y="${y + 3}" width="${w}" height="16" fill="#2563EB"/>
${mark !== null ? `<rect x="${labelW + mark - 1}" y="${y}" width="3" height="22" fill="#DC2626"/>` : ''}
<text x="${labelW + w + 6}" y="${y + 15}" font-size="12">${esc(num(b.value))}${esc(unit)}</text>`;
    })
    .join('\n');
  const empty = o.bars.length === 0 ? `<text x="0" y="36" font-size="12" fill="#6B7280">ไม่มีข้อมูล</text>` : '';
  const alt = `${o.title}: ${o.bars.map((b) => `${b.label} ${num(b.value)}${unit}${b.mark !== undefined && b.mark !== null ? ` (${o.markLabel ?? 'เป้า'} ${num(b.mark)}${unit})` : ''}`).join(', ') || 'ไม่มีข้อมูล'}`;
  return `<figure class="chart" style="margin:0"><svg role="img" aria-label="${esc(alt)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title>${esc(alt)}</title>
<text x="0" y="13" font-size="12" font-weight="bold">${esc(o.title)}</text>
${rows}${empty}
</svg>${o.markLabel ? `<figcaption class="small muted">เส้นสีแดง = ${esc(o.markLabel)}</figcaption>` : ''}</figure>`;
}
