/**
 * Tables written in other markups, as the importer's tab-separated rows, keeping every line where it was.
 *
 * Markdown (Word converted to markdown): `| a | b |` rows become `a⇥b`, the `|---|---|` rule a blank line, and a
 * heading's `#` marks are dropped.
 */
export function markdownTablesToTabs(text: string): string {
  if (!/^\s*\|.*\|\s*$/m.test(text) && !/^#{1,6}\s/m.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (/^#{1,6}\s+/.test(t)) return t.replace(/^#{1,6}\s+/, '');
      if (!/^\|.*\|$/.test(t)) return line;
      if (/^\|(?:\s*:?-+:?\s*\|)+$/.test(t)) return '';
      return t
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim())
        .join('\t');
    })
    .join('\n');
}

/**
 * HTML tables inside a text conversion (`<table><tr><td>…</td></tr>`, as Word-to-HTML converters print them) become
 * the importer's tab-separated rows: one row per `<tr>`, on the line where the row starts (blank lines keep the
 * document's line numbers), `colspan` as empty cells after the cell, `rowspan` as empty cells in the rows below,
 * `<br>`/`<p>` inside a cell as spaces.
 */

const ROW = /<tr\b[^>]*>([\s\S]*?)(?:<\/tr>|(?=<tr\b)|(?=<\/table>))/gi;
const CELL = /<t([dh])\b([^>]*)>([\s\S]*?)(?:<\/t\1>|(?=<t[dh]\b)|$)/gi;

function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/?p\b[^>]*>|<\/?div\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const attr = (attrs: string, name: string) => Number(attrs.match(new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i'))?.[1] ?? 1);

export function htmlTablesToTabs(text: string): string {
  if (!/<t[dr]\b/i.test(text)) return text;
  return text.replace(/<table\b[^>]*>[\s\S]*?(?:<\/table>|$)/gi, (table) => {
    // rowspan carry-over: column index → rows still covered
    let carry = new Map<number, number>();
    return table.replace(ROW, (row, inner: string) => {
      const cells: string[] = [];
      const next = new Map<number, number>();
      let col = 0;
      const skipCarried = () => {
        while ((carry.get(col) ?? 0) > 0) {
          next.set(col, (carry.get(col) ?? 0) - 1);
          cells.push('');
          col++;
        }
      };
      for (const m of inner.matchAll(CELL)) {
        skipCarried();
        const attrs = m[2] ?? '';
        const span = attr(attrs, 'colspan');
        const rows = attr(attrs, 'rowspan');
        cells.push(cellText(m[3] ?? ''));
        for (let k = 1; k < span; k++) cells.push('');
        if (rows > 1) for (let k = 0; k < span; k++) next.set(col + k, rows - 1);
        col += span;
      }
      skipCarried();
      carry = next;
      const newlines = (row.match(/\n/g) ?? []).length;
      return `\n${cells.join('\t')}${'\n'.repeat(newlines)}`.replace(/^\n/, '');
    });
  });
}

/**
 * An HTML conversion whose blocks share lines (a whole document on one line, a heading and its table on one line, rows
 * run together, tags broken across lines as Word's "Save as HTML" prints them) gets one block per line: each
 * paragraph, heading, table row and table boundary starts a line. Text that already has one block per line, and
 * anything inside a table cell, is left as it is, so the line numbers of such documents do not move. `<head>`,
 * `<style>`, `<script>` and comments are dropped.
 */
const BLOCK_START = /^<(?:p|h[1-6]|div|table|tr|li|ul|ol|thead|tbody|\/table|\/tbody|\/thead|br)\b/i;

export function htmlBlocksToLines(text: string): string {
  if (!/<(?:p|table|tr|h[1-6]|div)\b/i.test(text)) return text;
  let out = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, '')
    // a tag broken across lines: one line
    .replace(/<[a-zA-Z/][^<>]*>/g, (tag) => (tag.includes('\n') ? tag.replace(/\s*\n\s*/g, ' ') : tag));
  // Walk the tags; a block that starts after other text on its line (outside a table cell) starts a new line.
  let cellDepth = 0;
  let result = '';
  let last = 0;
  for (const m of out.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g)) {
    const tag = m[0];
    const name = (m[1] ?? '').toLowerCase();
    const closing = tag.startsWith('</');
    const at = m.index ?? 0;
    result += out.slice(last, at);
    last = at + tag.length;
    const lineSoFar = result.slice(result.lastIndexOf('\n') + 1);
    const lineEnd = out.indexOf('\n', at);
    const sourceLineHasTab = lineSoFar.includes('\t') || out.slice(at, lineEnd < 0 ? undefined : lineEnd).includes('\t');
    const rowLevel = name === 'tr' || name === 'table' || name === 'tbody' || name === 'thead';
    const startsLine = (rowLevel || (cellDepth === 0 && BLOCK_START.test(tag) && name !== 'br')) && !(closing && name !== 'table');
    if (startsLine && lineSoFar.trim() !== '' && !sourceLineHasTab) result += '\n';
    if (name === 'td' || name === 'th') cellDepth = closing ? Math.max(0, cellDepth - 1) : cellDepth + 1;
    if (name === 'tr' || name === 'table') cellDepth = 0;
    result += tag;
  }
  out = result + out.slice(last);
  return out;
}

/** Every table markup the importer reads (HTML, markdown), as tab-separated rows. */
export function tablesToTabs(text: string): string {
  return markdownTablesToTabs(htmlTablesToTabs(htmlBlocksToLines(text)));
}
