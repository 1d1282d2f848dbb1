import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sql } from 'kysely';
import { STAGING_INDEXES } from '../db/migrations/0011-staging-partitions.ts';
import type { Db } from '../db/open.ts';
import { ProactifError, SourceFormatError } from '../errors.ts';
import type { ExtractSpec } from './extract.ts';
import { parseExtractFileName } from './file-name.ts';
import { INSEE_LAYOUT } from './insee/schema.ts';
import {
  hashFile,
  type RecordFormat,
  readCsvTexts,
  readLineTexts,
  type TextBatch,
  UnreadableFileError,
} from './read.ts';
import { RowSpill } from './spill.ts';
import { checkHeader } from './validate.ts';
import type { BatchResult } from './validate-batch.ts';
import { inlineValidator, type Validator, workerValidator } from './validate-pool.ts';

export interface ImportOptions {
  /** Above this share of rejected records the whole file is refused, nothing applied (default 0.01). */
  maxRejectRate?: number;
  /** Worker threads cutting and validating the records (default: see `defaultWorkers`). */
  workers?: number;
  /** Today (ISO), to refuse an extraction date in the future; default: the system clock. */
  today?: string;
  /** Called every thousand records or so with the progress through the file. */
  onProgress?: (p: ImportProgress) => void;
  /** Quarantined lines and warnings kept in memory before they go to a temporary file (default 20 000). */
  spillRows?: number;
  /** The file's SHA-256 when the caller has already computed it (`importFiles` does). */
  sha256?: string;
  /**
   * Taken for the time of the COPY, released before the server's work on the loaded rows, so
   * that files imported at once (`importFiles`) read and validate one at a time, each while the
   * server finishes the previous one. Given, the server's work on this file uses no parallel workers.
   */
  loadTurn?: () => Promise<LoadTurn>;
}

/** A file's turn to read and COPY (see `ImportOptions.loadTurn`). */
export interface LoadTurn {
  /** Gives the turn to the next file; called once this file's COPY is over. */
  readonly release: () => void;
  /** No other file's server work is in flight as the turn begins: the server would idle during this COPY. */
  readonly serverIdle: boolean;
}

export interface ImportProgress {
  readonly file: string;
  readonly records: number;
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

export type ImportReport =
  | { file: string; status: 'skipped'; reason: string }
  | {
      file: string;
      status: 'imported';
      agency: string;
      extract: string;
      extractedOn: string;
      read: number;
      accepted: number;
      rejected: number;
      duplicates: number;
      rejectedByCode: Record<string, number>;
      /** Rows kept with a doubt (SOURCES.md §8 "W"), listed in the import_warning table. */
      warnings: number;
      warningsByCode: Record<string, number>;
    };

/** A file refused as a whole: too many rejected rows. Nothing of it was applied. */
export class RejectRateExceededError extends ProactifError {
  constructor(file: string, rejected: number, read: number, byCode: Record<string, number>, max: number) {
    const codes = Object.entries(byCode)
      .map(([c, n]) => `${c} ×${n}`)
      .join(', ');
    super(
      'source_format',
      `${file} : ${rejected} lignes rejetées sur ${read} (${((100 * rejected) / Math.max(1, read)).toFixed(1)} %), au-delà du maximum de ${(100 * max).toFixed(1)} % ; fichier refusé, rien n'a été importé (${codes})`,
    );
  }
}

/**
 * Records per validation batch (in this thread: smaller, so that fewer records outlive a young
 * garbage collection, GIP-MDS about 10 % faster; for workers: larger, fewer messages), batches
 * in flight to workers, and the file size above which workers validate.
 */
const BATCH_RECORDS = 5000;
const INLINE_BATCH_RECORDS = 1000;
const MAX_INFLIGHT = 4;
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

/**
 * Worker threads for a file. PostgreSQL: none; this thread cuts, validates and encodes while
 * the server process ingests on the other core (measured on 2 cores: a worker thread saved
 * about 8 % of the time and cost about 110 MB, over the 400 MB goal). PGlite runs in this
 * thread: one worker for files over 4 MB.
 */
function defaultWorkers(db: Db, bytes: number): number {
  return db.dialect === 'pglite' && bytes > WORKER_THRESHOLD_BYTES ? 1 : 0;
}

/**
 * Imports one extract file in one transaction: its valid rows land in the staging table,
 * its rejected rows in the quarantine table with line, field and reason; or nothing lands.
 * A file whose content was already imported (same SHA-256) is skipped.
 */
export async function importFile(db: Db, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const file = basename(path);
  const name = parseExtractFileName(file);
  if ('error' in name) throw new SourceFormatError(file, name.error);
  const { spec, extractedOn, gzip } = name;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (extractedOn > today)
    throw new SourceFormatError(file, `date d'extraction ${extractedOn} dans le futur (nom de fichier erroné ?)`);
  const sha256 = options.sha256 ?? (await hashFile(path));
  const already = await db.kysely
    .selectFrom('import_file')
    .select(['file_name', 'imported_at'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (already) {
    return { file, status: 'skipped', reason: `contenu déjà importé (fichier ${already.file_name})` };
  }
  const max = options.maxRejectRate ?? 0.01;
  const bytes = { n: 0 };
  const bytesTotal = (await stat(path)).size;
  let format: RecordFormat | null =
    spec.format === 'jsonl'
      ? { kind: 'jsonl' }
      : spec.format === 'fixed'
        ? { kind: 'fixed', layout: INSEE_LAYOUT }
        : null;
  const checkCsvHeader = (header: string[]) => {
    const problems = checkHeader(spec.columns, header);
    if (problems.length)
      throw new SourceFormatError(file, `en-tête refusé, aucune ligne importée : ${problems.join(' ; ')}`);
    format = { kind: 'csv', header };
  };
  const workers = options.workers ?? defaultWorkers(db, bytesTotal);
  const batchRecords = workers > 0 ? BATCH_RECORDS : INLINE_BATCH_RECORDS;
  const batches: AsyncIterable<TextBatch> =
    spec.format === 'csv'
      ? readCsvTexts(path, gzip, checkCsvHeader, batchRecords, bytes)
      : readLineTexts(path, gzip, batchRecords, bytes);

  return db.transaction(async (tx) => {
    const { id } = await tx.kysely
      .insertInto('import_file')
      .values({
        agency: spec.agency,
        extract: spec.extract,
        file_name: file,
        sha256,
        extracted_on: extractedOn,
        rows_read: 0,
        rows_accepted: 0,
        rows_rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let read = 0;
    let accepted = 0;
    // Quarantined lines and warnings wait for the end of the file (the connection is busy with
    // COPY); past a few thousand they wait on disk, so that a bad file does not fill memory.
    const rejects = new RowSpill(options.spillRows);
    const warns = new RowSpill(options.spillRows);
    try {
      const warningsByCode: Record<string, number> = {};
      const byCode: Record<string, number> = {};
      let validator: Validator | null = null;
      const take = (r: BatchResult) => {
        accepted += r.accepted;
        for (const row of r.rejects) rejects.push(row as unknown[]);
        for (const row of r.warns) warns.push(row as unknown[]);
        for (const [c, n] of Object.entries(r.rejectedByCode)) byCode[c] = (byCode[c] ?? 0) + n;
        for (const [c, n] of Object.entries(r.warningsByCode)) warningsByCode[c] = (warningsByCode[c] ?? 0) + n;
        return r.copy;
      };
      // The reading thread cuts the file into records and feeds COPY; the records are cut into
      // fields and validated in batches, in worker threads for large files; in file order.
      async function* copyChunks(): AsyncGenerator<Uint8Array> {
        const inflight: Promise<BatchResult>[] = [];
        // Validated in this thread, a batch is done when submitted: queued behind three others,
        // its COPY bytes outlived young collections and waited for a full one (a million
        // households on PostgreSQL: up to 70 MB of dead COPY buffers at once; 5 MB with none queued).
        const depth = workers > 0 ? MAX_INFLIGHT : 1;
        try {
          for await (const batch of batches) {
            validator ??= makeValidator(format as RecordFormat);
            read += batch.texts.length;
            if (options.onProgress) options.onProgress({ file, records: read, bytesRead: bytes.n, bytesTotal });
            const p = validator.submit(batch);
            p.catch(() => {});
            inflight.push(p);
            if (inflight.length >= depth) yield take(await (inflight.shift() as Promise<BatchResult>));
          }
          while (inflight.length) yield take(await (inflight.shift() as Promise<BatchResult>));
        } catch (e) {
          if (e instanceof ProactifError) throw e;
          if (e instanceof UnreadableFileError)
            throw new SourceFormatError(file, `${e.message} : fichier refusé, rien importé`, { cause: e });
          const msg = (e as Error).message ?? String(e);
          const gz = /unexpected end of file|incorrect header check|invalid/i.test(msg) && gzip;
          throw new SourceFormatError(
            file,
            gz ? 'archive gzip tronquée ou corrompue : fichier refusé, rien importé' : `lecture impossible : ${msg}`,
            { cause: e },
          );
        }
      }
      const makeValidator = (f: RecordFormat): Validator => {
        const bctx = { importId: id, file, extractedOn, format: f };
        return workers > 0 ? workerValidator(spec, bctx, workers) : inlineValidator(spec, bctx);
      };
      // The file's rows land in a table of their own, attached to the staging table once loaded:
      // its indexes are built then, in one sorted pass (migration 0011), and serve the checks.
      const part = `${spec.table}_f${id}`;
      await sql`set local work_mem = '64MB'`.execute(tx.kysely);
      if (options.loadTurn) {
        // Files overlap: each file's server work keeps to one core, the other being this thread's
        // (parallel workers for the index build and the checks slowed the next file's read more
        // than they sped this one up: 100 000 households, 15.8 → 14.7–15.2 s, server CPU −10 %).
        await sql`set local max_parallel_workers_per_gather = 0`.execute(tx.kysely);
        await sql`set local max_parallel_maintenance_workers = 0`.execute(tx.kysely);
      }
      await sql
        .raw(`create table ${part} (like ${spec.table} including defaults, check (import_id = ${Number(id)}))`)
        .execute(tx.kysely);
      const turn: LoadTurn = (await options.loadTurn?.()) ?? { release: () => {}, serverIdle: false };
      try {
        // This thread is the slower side of a COPY: with no other file's work to do, the server
        // would idle through it. Its indexes are then kept up as rows arrive, which costs the server
        // more CPU than one sorted build after the load (and leaves the index about 30 % larger), but
        // no time; ATTACH adopts them. Built after the load, they held up the files read meanwhile (a
        // million households, the GIP-MDS index: 21 s of the server's core after its COPY; import
        // 149 → 139 s on average over four runs each, one of the four pairs the other way).
        if (turn.serverIdle) await createIndexesBeforeLoad(tx, spec.table, part);
        await tx.copyText(part, ['import_id', 'snapshot_date', 'line_no', ...spec.tableColumns], copyChunks());
      } finally {
        turn.release();
      }
      await sql
        .raw(`alter table ${spec.table} attach partition ${part} for values in (${Number(id)})`)
        .execute(tx.kysely);
      // Repeats and contradictions are found in the database, set-based, so memory stays constant.
      const duplicates = await removeExactDuplicates(tx, spec, part);
      const contradictions = await quarantineContradictions(tx, spec, part, id, file);
      accepted -= contradictions.lines;
      for (const [code, n] of Object.entries(contradictions.byCode)) byCode[code] = (byCode[code] ?? 0) + n;
      const rejected = rejects.count + contradictions.lines;
      if (read === 0 && spec.format !== 'csv') throw new SourceFormatError(file, 'fichier vide : rien à importer');
      if (rejected > 0 && rejected / read > max) throw new RejectRateExceededError(file, rejected, read, byCode, max);
      accepted -= duplicates.lines;
      await rejects.copyInto(tx, 'rejected_row', [
        'import_id',
        'file_name',
        'line_no',
        'field',
        'code',
        'reason',
        'raw',
      ]);
      let afterLoad = 0;
      for (const [code, n] of Object.entries((await spec.warnAfterLoad?.(tx.kysely, id, file)) ?? {})) {
        warningsByCode[code] = (warningsByCode[code] ?? 0) + n;
        afterLoad += n;
      }
      await warns.copyInto(tx, 'import_warning', ['import_id', 'file_name', 'line_no', 'field', 'code', 'reason']);
      await tx.kysely
        .updateTable('import_file')
        .set({ rows_read: read, rows_accepted: accepted, rows_rejected: rejected })
        .where('id', '=', id)
        .execute();
      return {
        file,
        status: 'imported',
        agency: spec.agency,
        extract: spec.extract,
        extractedOn,
        read,
        accepted,
        rejected,
        duplicates: duplicates.rows,
        rejectedByCode: byCode,
        warnings: warns.count + afterLoad,
        warningsByCode,
      };
    } finally {
      rejects.dispose();
      warns.dispose();
    }
  });
}

/**
 * The staging table's indexes on a partition not yet attached, each named after the staging
 * index (`caf_membre_nir` → `caf_membre_f12_nir`); ATTACH then adopts them rather than building
 * its own.
 */
async function createIndexesBeforeLoad(tx: Db, table: string, part: string): Promise<void> {
  for (const index of STAGING_INDEXES[table] ?? []) {
    const m = /^(\S+) on \S+?(\(.*\))$/.exec(index);
    if (!m?.[1]?.startsWith(table) || !m[2]) throw new Error(`index de staging illisible : ${index}`);
    await sql.raw(`create index ${part}${m[1].slice(table.length)} on ${part} ${m[2]}`).execute(tx.kysely);
  }
}

/**
 * An exact repeat of a line (same values) is kept once and counted (SOURCES.md §8 #11).
 * Returns the rows removed, and the lines all of whose rows were repeats.
 */
async function removeExactDuplicates(
  tx: Db,
  spec: ExtractSpec<never>,
  part: string,
): Promise<{ rows: number; lines: number }> {
  // The columns of the table's first index first: rows come presorted by that index.
  const lead = /\(([^)]*)\)/.exec(STAGING_INDEXES[spec.table]?.[0] ?? '')?.[1]?.split(/,\s*/) ?? [];
  const order = [
    ...lead.filter((c) => spec.tableColumns.includes(c)),
    ...spec.tableColumns.filter((c) => !lead.includes(c)),
  ];
  const cols = sql.raw(order.join(', '));
  const table = sql.table(part);
  // Most files hold no repeat: a read-only pass says so, cheaper than the numbering below (a
  // grouping over the presorted rows, stopping at the first repeat; −30 % on GIP-MDS).
  const any = await sql`select 1 from ${table} group by ${cols} having count(*) > 1 limit 1`.execute(tx.kysely);
  if (any.rows.length === 0) return { rows: 0, lines: 0 };
  // Each repeated row goes, its first copy stays. A GIP-MDS line holds several payments: rows
  // are deleted one by one (ctid), never by line, so that a line repeating one payment and
  // bringing a new one keeps the new one; a line counts as a duplicate only when all its rows were.
  const r = await sql<{ rows: number; lines: number }>`
    with ranked as (
      select ctid as row_id, line_no, row_number() over (partition by ${cols} order by line_no, ctid) as rn
      from ${table}),
    per_line as (select count(*) filter (where rn > 1) = count(*) as repeated from ranked group by line_no),
    removed as (delete from ${table} where ctid in (select row_id from ranked where rn > 1) returning 1)
    select (select count(*) from removed)::int as rows,
           (select count(*) from per_line where repeated)::int as lines`.execute(tx.kysely);
  const row = r.rows[0];
  return { rows: Number(row?.rows ?? 0), lines: Number(row?.lines ?? 0) };
}

/**
 * Two lines with the same key and different values cannot both be right: both go to the
 * quarantine with code DOUBLON_CONTRADICTOIRE (SOURCES.md §8 #12), nothing is chosen silently.
 */
async function quarantineContradictions(
  tx: Db,
  spec: ExtractSpec<never>,
  part: string,
  importId: number,
  file: string,
): Promise<{ lines: number; byCode: Record<string, number> }> {
  if (!spec.key) return { lines: 0, byCode: {} };
  const table = sql.table(part);
  const key = sql.raw(spec.key.join(', '));
  const notNull = sql.raw(spec.key.map((k) => `${k} is not null`).join(' and '));
  const reason = `même identifiant (${spec.key.join(', ')}) sur plusieurs lignes aux valeurs différentes : aucune n'est retenue, à faire corriger par l'organisme`;
  // Lines apart: min and max rather than count(distinct line_no), which sorted each key's rows
  // again (caf_membre at 100 000 households: 0.20 → 0.10 s). The rows move to the quarantine in
  // the server, one per line (a GIP-MDS line's first payment): read back here, every
  // contradictory row was held in memory at once, and each line looked for among all of them.
  const r = await sql<{ lines: number }>`
    with moved as (
      delete from ${table} where (${key}) in (
        select ${key} from ${table} where ${notNull}
        group by ${key} having min(line_no) <> max(line_no))
      returning ctid as row_id, line_no, ${sql.raw(`row_to_json(${part})::text`)} as raw),
    quarantined as (
      insert into rejected_row (import_id, file_name, line_no, field, code, reason, raw)
      select distinct on (line_no) ${importId}::int, ${file}::text, line_no, ${spec.key.join(',')}::text,
        'DOUBLON_CONTRADICTOIRE', ${reason}::text, raw
      from moved order by line_no, row_id
      returning 1)
    select count(*)::int as lines from quarantined`.execute(tx.kysely);
  const lines = Number(r.rows[0]?.lines ?? 0);
  return lines ? { lines, byCode: { DOUBLON_CONTRADICTOIRE: lines } } : { lines: 0, byCode: {} };
}
