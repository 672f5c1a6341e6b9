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

/** Every table markup the importer reads (HTML, markdown), as tab-separated rows. */
export function tablesToTabs(text: string): string {
  return markdownTablesToTabs(htmlTablesToTabs(text));
}
