import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { PassThrough, pipeline, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import iconv from 'iconv-lite';

/** One record as read from a file: its line number, its fields (strings), its raw text. */
export interface RawRecord {
  readonly line: number;
  readonly fields: Record<string, unknown> | null;
  readonly raw: string;
  /** Set when the line itself cannot be read (bad JSON, wrong number of fields). */
  readonly error?: { code: string; reason: string };
}

/** SHA-256 of a file's bytes, read as a stream. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Decodes bytes to text, deciding the encoding at the first byte that is not ASCII (ASCII reads
 * the same in every candidate, however far into the file that byte comes): valid UTF-8 → UTF-8
 * (BOM stripped), otherwise windows-1252 (what "Latin-1" exports from Windows really are: € is
 * 0x80, ’ is 0x92). A file that turns invalid after being recognised as UTF-8 mixes encodings:
 * it is refused rather than stored with replacement characters.
 */
function decoder(): Transform {
  let mode: 'ascii' | 'utf8' | 'cp1252' = 'ascii';
  let first = true;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      let bytes = chunk;
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
          bytes = bytes.subarray(3);
          mode = 'utf8';
        }
      }
      try {
        if (mode === 'ascii') {
          const i = bytes.findIndex((b) => b >= 0x80);
          if (i < 0) return done(null, bytes.toString('latin1'));
          try {
            // The chunk may end inside a character: leave up to 3 bytes to the next one.
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, Math.max(i, bytes.length - 3)));
            mode = 'utf8';
          } catch {
            mode = 'cp1252';
          }
        }
        if (mode === 'utf8') return done(null, utf8.decode(bytes, { stream: true }));
        return done(null, iconv.decode(bytes, 'win1252'));
      } catch {
        return done(new Error('encodage incohérent : le fichier mêle de l’UTF-8 et un autre encodage'));
      }
    },
    flush(done) {
      try {
        const rest = mode === 'utf8' ? utf8.decode() : '';
        done(null, rest);
      } catch {
        done(new Error('fichier UTF-8 tronqué au milieu d’un caractère'));
      }
    },
  });
}

/**
 * The file's text as a stream: bytes → (gunzip) → decoded text → `then`. One pipeline, so that
 * an error anywhere (a truncated gzip) ends the consumer's iteration with that error.
 */
function openText<T extends NodeJS.ReadWriteStream>(path: string, gzip: boolean, then: T, bytes?: ByteCount): T {
  const file = createReadStream(path);
  if (bytes) file.on('data', (c) => (bytes.n += (c as Buffer).length));
  const stages: NodeJS.ReadWriteStream[] = gzip ? [createGunzip(), decoder()] : [decoder()];
  // The callback only swallows the error here: it reaches the consumer through `then`.
  return pipeline(file, ...(stages as [Transform]), then, () => {}) as unknown as T;
}

/** Bytes of the file read so far (for progress and ETA). */
export interface ByteCount {
  n: number;
}

/** The header of a CSV as read (names trimmed), or null for an empty file. */
export type HeaderCheck = (header: string[]) => void;

/**
 * Streams the records of a `;`-separated CSV. `onHeader` sees the header before any row
 * is read and may throw to refuse the file. Quoted fields may hold `;` and line breaks.
 */
export async function* readCsv(
  path: string,
  gzip: boolean,
  onHeader: HeaderCheck,
  bytes?: ByteCount,
): AsyncGenerator<RawRecord> {
  let header: string[] | null = null;
  const parser = openText(
    path,
    gzip,
    parseCsv({
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // CRLF, LF, or both mixed in one file (concatenated exports).
      record_delimiter: ['\r\n', '\n'],
      info: true,
      raw: true,
    }),
    bytes,
  );
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    const raw = item.raw.replace(/\r?\n$/, '');
    if (!header) {
      header = item.record.map((h) => h.trim());
      // A trailing `;` on every line (some exports) is an empty last column, not a column.
      while (header.length > 1 && header[header.length - 1] === '') header.pop();
      onHeader(header);
      continue;
    }
    const rec = item.record;
    while (rec.length > header.length && rec[rec.length - 1]?.trim() === '') rec.pop();
    if (rec.length === 1 && rec[0]?.trim() === '') continue;
    if (rec.length !== header.length) {
      yield {
        line: item.info.lines,
        fields: null,
        raw,
        error: {
          code: 'LIGNE_INCOMPLETE',
          reason: `${rec.length} champs au lieu de ${header.length} (ligne tronquée ou séparateur en trop)`,
        },
      };
      continue;
    }
    if (rec.every((v, i) => v.trim() === header?.[i])) {
      yield {
        line: item.info.lines,
        fields: null,
        raw,
        error: { code: 'ENTETE_REPETEE', reason: 'en-tête répété au milieu du fichier' },
      };
      continue;
    }
    const fields: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) fields[header[i] as string] = rec[i] as string;
    yield { line: item.info.lines, fields, raw };
  }
  if (!header) onHeader([]);
}

/** Streams the lines of a JSONL file, one JSON object per line. */
export async function* readJsonl(path: string, gzip: boolean, bytes?: ByteCount): AsyncGenerator<RawRecord> {
  const text = openText(path, gzip, new PassThrough({ encoding: 'utf8' }), bytes);
  let n = 0;
  for await (const line of splitLines(text)) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield {
        line: n,
        fields: null,
        raw: line,
        error: { code: 'JSON_INVALIDE', reason: 'ligne JSON illisible (tronquée ?)' },
      };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield {
        line: n,
        fields: null,
        raw: line,
        error: { code: 'JSON_INVALIDE', reason: 'un objet JSON est attendu par ligne' },
      };
      continue;
    }
    yield { line: n, fields: value as Record<string, unknown>, raw: line };
  }
}

/** Lines of a text stream (LF or CRLF); a stream error ends the iteration with that error. */
async function* splitLines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of text) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) yield p.endsWith('\r') ? p.slice(0, -1) : p;
  }
  if (rest !== '') yield rest;
}

/** Streams a fixed-width text file: each line cut into the layout's fields (positions 0-based, end excluded). */
export async function* readFixedWidth(
  path: string,
  gzip: boolean,
  layout: Readonly<Record<string, readonly [number, number]>>,
  bytes?: ByteCount,
): AsyncGenerator<RawRecord> {
  const text = openText(path, gzip, new PassThrough({ encoding: 'utf8' }), bytes);
  const width = Math.max(...Object.values(layout).map(([, end]) => end));
  let n = 0;
  for await (const line of splitLines(text)) {
    n++;
    if (line.trim() === '') continue;
    if (line.length < width - 9) {
      yield {
        line: n,
        fields: null,
        raw: line,
        error: { code: 'LIGNE_INCOMPLETE', reason: `${line.length} caractères au lieu de ${width} (ligne tronquée)` },
      };
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [k, [start, end]] of Object.entries(layout)) fields[k] = line.slice(start, end).padEnd(end - start);
    yield { line: n, fields, raw: line };
  }
}
