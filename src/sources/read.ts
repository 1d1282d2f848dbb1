import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';

/** One record as read from a file: its line number, its fields (strings), its raw text. */
export interface RawRecord {
  readonly line: number;
  readonly fields: Record<string, unknown> | null;
  readonly raw: string;
  /** Set when the line itself cannot be read (bad JSON, wrong number of fields). */
  readonly error?: { code: string; reason: string };
}

/**
 * Records of a file as text, not yet cut into fields: what the reading thread hands to the
 * threads that parse and validate. `lines[i]` is the line number of `texts[i]` (for a CSV
 * record spanning several lines, its last line).
 */
export interface TextBatch {
  readonly texts: string[];
  readonly lines: number[];
}

/** How a record's text is cut into fields: CSV (`;`, header), one JSON object, fixed width. */
export type RecordFormat =
  | { readonly kind: 'csv'; readonly header: readonly string[] }
  | { readonly kind: 'jsonl' }
  | { readonly kind: 'fixed'; readonly layout: Readonly<Record<string, readonly [number, number]>> };

/**
 * A defect that makes the whole file unreadable (a quote never closed): the importer refuses
 * the file with a SourceFormatError naming it (this one may come from a worker thread, as text).
 */
export class UnreadableFileError extends Error {}

/** SHA-256 of a file's bytes, read as a stream (1 MB reads, off the JS heap: 40 % faster than 64 kB). */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: HASH_CHUNK })) h.update(chunk as Buffer);
  return h.digest('hex');
}

const HASH_CHUNK = 1024 * 1024;

// Text chunks stay under V8's large-object size: they die young instead of piling up in the
// large-object space until a full collection (peak RSS).
const READ_CHUNK = 64 * 1024;

// Text decoded from UTF-8 or windows-1252 is cut into pieces of at most 32 kB: one character
// beyond Latin-1 (’, œ, €) makes V8 store a string with two bytes per character, and 64 K of
// them went to the large-object space (DGFiP's notices at a million households: 86 MB of dead
// text there at once; 228 → 21 MB of large objects for 1.5 million lines read). ASCII text
// (GIP-MDS, caf_droits) keeps its 64 kB chunks.
const TEXT_PIECE = 32 * 1024;

/**
 * Decodes bytes to text, deciding the encoding at the first byte that is not ASCII (ASCII reads
 * the same in every candidate, however far into the file that byte comes): valid UTF-8 → UTF-8
 * (BOM stripped), otherwise windows-1252 (what "Latin-1" exports from Windows really are: € is
 * 0x80, ’ is 0x92). A file that turns invalid after being recognised as UTF-8 mixes encodings:
 * it is refused rather than stored with replacement characters. Emits strings.
 */
function decoder(): Transform {
  let mode: 'ascii' | 'utf8' | 'cp1252' = 'ascii';
  let first = true;
  // Bytes of a character cut by the end of a chunk, kept for the next one.
  let tail: Buffer | null = null;
  const utf8 = new TextDecoder('utf-8');
  const decodeComplete = (bytes: Buffer): string => {
    if (!isUtf8(bytes)) throw new Error('utf8');
    return utf8.decode(bytes);
  };
  const decodeUtf8 = (bytes: Buffer, push: (text: string) => void): void => {
    let start = 0;
    while (bytes.length - start > TEXT_PIECE) {
      const end = start + completeUtf8End(bytes.subarray(start, start + TEXT_PIECE));
      push(decodeComplete(bytes.subarray(start, end)));
      start = end;
    }
    const rest = bytes.subarray(start);
    const end = completeUtf8End(rest);
    tail = end < rest.length ? Buffer.from(rest.subarray(end)) : null;
    push(decodeComplete(rest.subarray(0, end)));
  };
  return new Transform({
    readableObjectMode: true,
    // One decoded piece ahead of the reader, not sixteen: text waiting for the reader while COPY
    // was held back outlived young collections, and went to the old generation (at a million
    // households, 20 MB/s of it while caf_droits was loaded).
    readableHighWaterMark: 1,
    transform(chunk: Buffer, _enc, done) {
      let bytes = tail ? Buffer.concat([tail, chunk]) : chunk;
      tail = null;
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
          bytes = bytes.subarray(3);
          mode = 'utf8';
        }
      }
      try {
        if (mode === 'ascii') {
          if (isAscii(bytes)) return done(null, bytes.toString('latin1'));
          let i = 0;
          while ((bytes[i] as number) < 0x80) i++;
          mode = isUtf8(bytes.subarray(i, completeUtf8End(bytes))) ? 'utf8' : 'cp1252';
        }
        if (mode === 'utf8') decodeUtf8(bytes, (text) => text && this.push(text));
        else
          for (let start = 0; start < bytes.length; start += TEXT_PIECE)
            this.push(iconv.decode(bytes.subarray(start, start + TEXT_PIECE), 'win1252'));
        return done();
      } catch {
        return done(new Error('encodage incohérent : le fichier mêle de l’UTF-8 et un autre encodage'));
      }
    },
    flush(done) {
      if (tail) done(new Error('fichier UTF-8 tronqué au milieu d’un caractère'));
      else done();
    },
  });
}

/** Where the last complete UTF-8 character of `bytes` ends (a character cut at the end is left out). */
function completeUtf8End(bytes: Buffer): number {
  const n = bytes.length;
  for (let j = n - 1; j >= 0 && j >= n - 4; j--) {
    const b = bytes[j] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return j + size > n ? j : n;
    }
  }
  return n;
}

/**
 * The file's text as a stream of strings: bytes → (gunzip) → decoded text. One pipeline, so
 * that an error anywhere (a truncated gzip) ends the consumer's iteration with that error.
 */
function openText(path: string, gzip: boolean, bytes?: ByteCount): AsyncIterable<string> {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  if (bytes) file.on('data', (c) => (bytes.n += (c as Buffer).length));
  const stages: Transform[] = gzip ? [createGunzip(), decoder()] : [decoder()];
  // The callback only swallows the error here: it reaches the consumer through the last stage.
  return pipeline(file, ...(stages as [Transform]), () => {}) as unknown as AsyncIterable<string>;
}

/** Bytes of the file read so far (for progress and ETA). */
export interface ByteCount {
  n: number;
}

/** The header of a CSV as read (names trimmed), or null for an empty file. */
export type HeaderCheck = (header: string[]) => void;

/** Lines of a text, in order: `lines[i]` is line number `first + i`. */
interface LineRun {
  readonly lines: string[];
  readonly first: number;
}

/**
 * Lines of a text stream split at LF (a CR before it kept), numbered from 1, a chunk's worth at
 * a time: one turn of the async iteration per chunk rather than per line (GIP-MDS, 1.9 million
 * lines at 100 000 households: 0.71–0.76 → 0.51–0.60 s of CPU to read them).
 */
async function* lineRuns(text: AsyncIterable<string>): AsyncGenerator<LineRun> {
  let rest = '';
  let n = 0;
  for await (const chunk of text) {
    const s = rest + chunk;
    const lines: string[] = [];
    const first = n + 1;
    let start = 0;
    let i = s.indexOf('\n');
    while (i >= 0) {
      lines.push(s.slice(start, i));
      start = i + 1;
      i = s.indexOf('\n', start);
    }
    n += lines.length;
    rest = s.slice(start);
    // A file without line breaks (or with CR alone) would otherwise be held whole, as one line.
    if (rest.length > MAX_RECORD_CHARS)
      throw new UnreadableFileError(
        `ligne ${n + 1} : plus de ${MAX_RECORD_CHARS} caractères sans fin de ligne (retours à la ligne absents ?)`,
      );
    if (lines.length) yield { lines, first };
  }
  if (rest !== '') yield { lines: [rest], first: n + 1 };
}

const isBlank = (s: string) => s === '' || s.trim() === '';
const dropCr = (s: string) => (s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s);

/**
 * Streams the records of a `;`-separated CSV as text, in batches, and its header (cut into
 * names, trimmed) to `onHeader` before any record: it may throw to refuse the file. Quoted
 * fields may hold `;` and line breaks (a record ends at a line break outside quotes); CRLF, LF
 * or both; empty and blank lines are skipped. A quote never closed refuses the file.
 */
export async function* readCsvTexts(
  path: string,
  gzip: boolean,
  onHeader: HeaderCheck,
  batchSize: number,
  bytes?: ByteCount,
): AsyncGenerator<TextBatch> {
  let header: string[] | null = null;
  let texts: string[] = [];
  let lines: number[] = [];
  let pending: string | null = null;
  let quotes = 0;
  let pendingLine = 0;
  for await (const run of lineRuns(openText(path, gzip, bytes)))
    for (let k = 0; k < run.lines.length; k++) {
      const rawLine = run.lines[k] as string;
      const n = run.first + k;
      let record: string;
      if (pending === null) {
        const line = dropCr(rawLine);
        if (line === '') continue;
        const q = line.indexOf('"');
        if (q >= 0 && countQuotes(line, q) % 2 === 1) {
          pending = rawLine;
          pendingLine = n;
          quotes = 1;
          continue;
        }
        record = line;
      } else {
        // Inside a quoted field: the line break belongs to the value (CRLF kept as read).
        pending += `\n${rawLine}`;
        const q = rawLine.indexOf('"');
        if (q >= 0) quotes += countQuotes(rawLine, q);
        if (quotes % 2 === 1) {
          // No real field is that long: a stray quote, found without holding the file in memory.
          if (pending.length > MAX_RECORD_CHARS) unclosedQuote(pending, pendingLine);
          continue;
        }
        record = dropCr(pending);
        pending = null;
      }
      if (!header) {
        header = splitCsvRecord(record, n).map((h) => h.trim());
        // A trailing `;` on every line (some exports) is an empty last column, not a column.
        while (header.length > 1 && header[header.length - 1] === '') header.pop();
        onHeader(header);
        continue;
      }
      // A blank line (or one blank field) is no record.
      if (isBlank(record) || (record.indexOf(';') < 0 && isBlank(splitCsvRecord(record, n)[0] ?? ''))) continue;
      texts.push(record);
      lines.push(n);
      if (texts.length === batchSize) {
        yield { texts, lines };
        texts = [];
        lines = [];
      }
    }
  if (pending !== null) unclosedQuote(pending, pendingLine);
  if (!header) onHeader([]);
  if (texts.length) yield { texts, lines };
}

const MAX_RECORD_CHARS = 1 << 20;

function unclosedQuote(pending: string, line: number): never {
  // A stray quote in an unquoted field reads as an opening one: name it when it is the cause.
  splitCsvRecord(pending.slice(0, pending.indexOf('\n')), line);
  throw new UnreadableFileError(`ligne ${line} : guillemet ouvert jamais fermé`);
}

function countQuotes(s: string, from: number): number {
  let n = 0;
  for (let i = from; i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * Cuts one CSV record into its fields: `;` separated, `"` quoted with `""` for a quote. A quote
 * inside an unquoted field, or text after a closing quote, makes the file unreadable (as
 * spreadsheet exports never produce it, the columns cannot be trusted).
 */
export function splitCsvRecord(record: string, line: number): string[] {
  if (record.indexOf('"') < 0) return record.split(';');
  const out: string[] = [];
  const len = record.length;
  let i = 0;
  for (;;) {
    if (record.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = record.indexOf('"', from);
        if (q < 0) throw new UnreadableFileError(`ligne ${line} : guillemet ouvert jamais fermé`);
        if (record.charCodeAt(q + 1) === 34) {
          value += record.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += record.slice(from, q);
        i = q + 1;
        break;
      }
      out.push(value);
      if (i === len) return out;
      if (record.charCodeAt(i) !== 59)
        throw new UnreadableFileError(
          `ligne ${line}, champ ${out.length} : texte après un guillemet fermant (séparateur « ; » attendu)`,
        );
      i++;
    } else {
      const semi = record.indexOf(';', i);
      const end = semi < 0 ? len : semi;
      const value = record.slice(i, end);
      if (value.indexOf('"') >= 0)
        throw new UnreadableFileError(
          `ligne ${line}, champ ${out.length + 1} : guillemet au milieu d'un champ non entouré de guillemets`,
        );
      out.push(value);
      if (semi < 0) return out;
      i = semi + 1;
    }
  }
}

/**
 * Streams the non-blank lines of a text file (JSONL, fixed width) in batches, with their numbers.
 */
export async function* readLineTexts(
  path: string,
  gzip: boolean,
  batchSize: number,
  bytes?: ByteCount,
): AsyncGenerator<TextBatch> {
  let texts: string[] = [];
  let lines: number[] = [];
  for await (const run of lineRuns(openText(path, gzip, bytes)))
    for (let k = 0; k < run.lines.length; k++) {
      const line = dropCr(run.lines[k] as string);
      if (isBlank(line)) continue;
      texts.push(line);
      lines.push(run.first + k);
      if (texts.length === batchSize) {
        yield { texts, lines };
        texts = [];
        lines = [];
      }
    }
  if (texts.length) yield { texts, lines };
}

/**
 * One record's text cut into fields (pure): CSV columns named after the header, a JSON object,
 * or the fields of a fixed-width layout. A record that cannot be cut carries its `error`.
 */
export function parseRecord(format: RecordFormat, raw: string, line: number): RawRecord {
  switch (format.kind) {
    case 'csv':
      return parseCsvRecord(format.header, raw, line);
    case 'jsonl':
      return parseJsonRecord(raw, line);
    default:
      return parseFixedRecord(format.layout, raw, line);
  }
}

function parseCsvRecord(header: readonly string[], raw: string, line: number): RawRecord {
  const rec = splitCsvRecord(raw, line);
  while (rec.length > header.length && rec[rec.length - 1]?.trim() === '') rec.pop();
  if (rec.length !== header.length)
    return {
      line,
      fields: null,
      raw,
      error: {
        code: 'LIGNE_INCOMPLETE',
        reason: `${rec.length} champs au lieu de ${header.length} (ligne tronquée ou séparateur en trop)`,
      },
    };
  if (rec.every((v, i) => v.trim() === header[i]))
    return {
      line,
      fields: null,
      raw,
      error: { code: 'ENTETE_REPETEE', reason: 'en-tête répété au milieu du fichier' },
    };
  return { line, fields: recordMaker(header)(rec), raw };
}

type RecordMaker = (values: readonly string[]) => Record<string, string>;
const makers = new WeakMap<readonly string[], RecordMaker>();

/**
 * A function building a record from its values for one header, generated with the column names
 * written out: an object literal keeps V8's fast properties, where one key after another
 * (30-odd columns) turned each record into a slow dictionary. The names are written as JSON
 * string literals; a repeated name keeps its last value, as assignments did (a header with a
 * repeated or unknown column is refused before any record is read anyway).
 */
function recordMaker(header: readonly string[]): RecordMaker {
  let make = makers.get(header);
  if (!make) {
    if (header.includes('__proto__')) {
      // In a literal, this name would set the prototype rather than a property.
      make = (v) => {
        const r: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) r[header[i] as string] = v[i] as string;
        return r;
      };
    } else {
      const props = header.map((h, i) => `${JSON.stringify(h)}: v[${i}]`).join(', ');
      make = new Function('v', `return { ${props} };`) as RecordMaker;
    }
    makers.set(header, make);
  }
  return make;
}

function parseJsonRecord(raw: string, line: number): RawRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { line, fields: null, raw, error: { code: 'JSON_INVALIDE', reason: 'ligne JSON illisible (tronquée ?)' } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { line, fields: null, raw, error: { code: 'JSON_INVALIDE', reason: 'un objet JSON est attendu par ligne' } };
  return { line, fields: value as Record<string, unknown>, raw };
}

function parseFixedRecord(
  layout: Readonly<Record<string, readonly [number, number]>>,
  raw: string,
  line: number,
): RawRecord {
  const width = Math.max(...Object.values(layout).map(([, end]) => end));
  if (raw.length < width - 9)
    return {
      line,
      fields: null,
      raw,
      error: { code: 'LIGNE_INCOMPLETE', reason: `${raw.length} caractères au lieu de ${width} (ligne tronquée)` },
    };
  const fields: Record<string, string> = {};
  for (const [k, [start, end]] of Object.entries(layout)) fields[k] = raw.slice(start, end).padEnd(end - start);
  return { line, fields, raw };
}
