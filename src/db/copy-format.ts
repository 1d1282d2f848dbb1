/** Encodes one value for PostgreSQL's COPY text format (tab-separated, `\N` for null). */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v !== 'string') {
    // JSON text holds no raw tab or line break (JSON escapes them): only backslashes to double.
    const json = JSON.stringify(v);
    return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
  }
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, escapeChar) : v;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    default:
      return '\\r';
  }
}

/** One row as a COPY text line. */
export function copyLine(row: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyValue(row[i]);
  return `${line}\n`;
}
