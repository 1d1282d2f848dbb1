import { copyLine, copyValue } from '../db/copy-format.ts';
import type { ExtractSpec } from './extract.ts';
import { compactJsonReader } from './fast-parse.ts';
import { parseRecord, type RawRecord, type RecordFormat, type TextBatch } from './read.ts';
import { validateRecord } from './validate.ts';

/** What validating a batch of records gives: COPY text for the accepted rows, and what was set aside. */
export interface BatchResult {
  /** The accepted rows as COPY text, UTF-8 encoded (outside the JS heap, and transferable). */
  readonly copy: Buffer;
  readonly accepted: number;
  readonly rejects: unknown[][];
  readonly warns: unknown[][];
  readonly rejectedByCode: Record<string, number>;
  readonly warningsByCode: Record<string, number>;
}

export interface BatchContext {
  readonly importId: number;
  readonly file: string;
  readonly extractedOn: string;
  readonly format: RecordFormat;
}

const RAW_MAX = 2000;
const PENDING_CHARS = 16 * 1024;

/**
 * Cuts records into fields, validates them and encodes the accepted ones as COPY lines (with
 * their provenance columns import_id, snapshot_date, line_no first). Pure: the same in the main
 * thread and in a worker. Throws UnreadableFileError when a record makes the file unreadable.
 */
export function validateBatch(spec: ExtractSpec<never>, c: BatchContext, batch: TextBatch): BatchResult {
  const copy = new ByteWriter(batch.texts.length * 256);
  let accepted = 0;
  const rejects: unknown[][] = [];
  const warns: unknown[][] = [];
  const rejectedByCode: Record<string, number> = {};
  const warningsByCode: Record<string, number> = {};
  const ctx = { extractedOn: c.extractedOn };
  const prefix = `${c.importId}\t${c.extractedOn}\t`;
  const { texts, lines } = batch;
  // JSON lines in the compact form exports write are read without JSON.parse (same objects).
  const compact = c.format.kind === 'jsonl' ? compactJsonReader(spec.schema) : null;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    const fields = compact?.(text);
    const rec: RawRecord = fields
      ? { line: lines[i] as number, fields, raw: text }
      : parseRecord(c.format, text, lines[i] as number);
    const v = validateRecord(spec, rec, ctx);
    if (v.ok) {
      accepted++;
      for (const w of v.warnings) {
        warningsByCode[w.code] = (warningsByCode[w.code] ?? 0) + 1;
        warns.push([
          c.importId,
          c.file,
          rec.line,
          w.field,
          w.code,
          detach(w.field ? `${w.field} : ${w.reason}` : w.reason),
        ]);
      }
      // A record whose text holds no backslash, tab or line break gives strings that hold none
      // either (see ExtractSpec.toRows): they go to COPY as they are, without a test per value.
      const plain = fields ? true : !NEEDS_ESCAPE.test(text);
      for (const row of v.rows) copy.write(`${prefix}${rec.line}\t${plain ? plainCopyLine(row) : copyLine(row)}`);
    } else {
      for (const i of v.issues) rejectedByCode[i.code] = (rejectedByCode[i.code] ?? 0) + 1;
      const first = v.issues[0];
      rejects.push([
        c.importId,
        c.file,
        rec.line,
        v.issues.map((i) => i.field ?? '').join(',') || null,
        first?.code,
        detach(v.issues.map((i) => (i.field ? `${i.field} : ${i.reason}` : i.reason)).join(' ; ')),
        detach(rec.raw.slice(0, RAW_MAX)),
      ]);
    }
  }
  return { copy: copy.bytes(), accepted, rejects, warns, rejectedByCode, warningsByCode };
}

/**
 * A copy of `s` that holds on to nothing else. A record's text is a slice of the piece of file
 * it was read in (V8 keeps the whole piece for it), and quarantined lines and warnings wait for
 * the end of the file: a million households' caf_membres with 0.9 % of lines rejected (under the
 * 1 % allowed) kept 437 MB alive at the end of its COPY (RSS 700 MB), 16 MB with copies.
 */
function detach(s: string): string {
  return ` ${s}`.slice(1);
}

/** What COPY's text format escapes. */
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** `copyLine` for a row whose strings hold nothing to escape. */
function plainCopyLine(row: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    line += (i === 0 ? '' : '\t') + (typeof v === 'string' ? v : copyValue(v));
  }
  return `${line}\n`;
}

/**
 * Strings written one after another as UTF-8 into a growing buffer. They are joined a few
 * kilobytes at a time before being encoded: one encoding call per row cost more than the row.
 */
class ByteWriter {
  private buf: Buffer;
  private size = 0;
  private pending = '';
  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(capacity, 4096));
  }
  write(s: string): void {
    this.pending += s;
    if (this.pending.length >= PENDING_CHARS) this.flush();
  }
  private flush(): void {
    const s = this.pending;
    this.pending = '';
    if (this.size + 3 * s.length > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.size + 3 * s.length));
      this.buf.copy(bigger, 0, 0, this.size);
      this.buf = bigger;
    }
    this.size += this.buf.write(s, this.size);
  }
  bytes(): Buffer {
    this.flush();
    return this.buf.subarray(0, this.size);
  }
}
