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

/**
 * COPY text rows written as UTF-8 straight into shared chunks of bytes, each row a view on its
 * chunk. A row's values are not joined into one string first: for a decision (an explanation
 * of about a kilobyte of JSON) the joined line and its flattening before encoding tripled what
 * the garbage collector had to sweep. A chunk is freed once no row of it is held any more.
 */
export class CopyRowWriter {
  private chunk: Buffer;
  private at = 0;

  constructor(private readonly chunkSize = 1 << 20) {
    this.chunk = Buffer.allocUnsafeSlow(chunkSize);
  }

  /** One row as a COPY text line (its values as `copyValue` encodes them). */
  row(values: readonly unknown[]): Uint8Array {
    const texts = values.map(copyValue);
    // At most three bytes of UTF-8 per UTF-16 unit, a separator each, the line's end.
    let max = 1;
    for (const t of texts) max += t.length * 3 + 1;
    if (this.at + max > this.chunk.length) {
      this.chunk = Buffer.allocUnsafeSlow(Math.max(this.chunkSize, max));
      this.at = 0;
    }
    const chunk = this.chunk;
    const start = this.at;
    let at = start;
    for (let i = 0; i < texts.length; i++) {
      if (i > 0) chunk[at++] = 9; // tab
      at += chunk.write(texts[i] as string, at);
    }
    chunk[at++] = 10; // line feed
    this.at = at;
    return chunk.subarray(start, at);
  }
}
