// Number formatting and Markdown tables.

/** 12345.6 → "12,346"; small numbers keep 1–2 decimals. */
export function num(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio as "×12.3". */
export function ratio(a, b) {
  if (!a || !b) return '—';
  return `×${num(a / b)}`;
}

/** Bytes as "123,456 B (120.6 KB)". */
export function bytes(v) {
  if (v === null || v === undefined) return '—';
  return `${v.toLocaleString('en-US')} (${num(v / 1024)} KB)`;
}

/** Bytes as "12.3 MB". */
export function mega(v) {
  if (v === null || v === undefined) return '—';
  return `${num(v / 1048576)} MB`;
}

/** A Markdown table. `align` is a string of l/r per column. */
export function table(head, rows, align = '') {
  const a = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [head, a, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
