import { createReadStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ConfigurationError, DatabaseError } from '../errors.ts';
import { copyLine } from './copy-format.ts';
import type { Database, Kdb } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Dialect = 'pg' | 'pglite';
export type Row = readonly unknown[];
export type Rows = Iterable<Row> | AsyncIterable<Row>;

/** The database as the stages see it: kysely for queries, `copyRows` for bulk writes. */
export interface Db {
  readonly dialect: Dialect;
  readonly kysely: Kdb;
  /** Bulk-loads rows (values in `columns` order) with COPY; returns the number of rows. */
  copyRows(table: string, columns: readonly string[], rows: Rows): Promise<number>;
  /** Bulk-loads text already in COPY text format (tab-separated lines, UTF-8 bytes or strings), chunk by chunk. */
  copyText(table: string, columns: readonly string[], chunks: AsyncIterable<string | Uint8Array>): Promise<void>;
  /**
   * COPY a file as it is into a table (`options`: the COPY options, e.g. `format csv, header true`).
   * For measuring the floor of an import and for bulk loads of already-clean files.
   */
  copyFile(table: string, columns: readonly string[], path: string, options: string): Promise<void>;
  /** Runs `fn` in one transaction: everything it writes, COPY included, lands or nothing does. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbConfig {
  /** `postgres://…`: a PostgreSQL server. Absent: the embedded PGlite database. */
  url?: string | undefined;
  /** PGlite data folder, or `memory` for an in-memory database. */
  dataDir?: string | undefined;
  /** Apply the migrations on open (default true). */
  migrate?: boolean;
}

/** Reads the database settings from the environment (DATABASE_URL, PROACTIF_DATA_DIR). */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return { url: env.DATABASE_URL || undefined, dataDir: env.PROACTIF_DATA_DIR || '.proactif/db' };
}

/** Opens the database (PostgreSQL when a URL is given, else PGlite) and brings its schema up to date. */
export async function openDatabase(config: DbConfig): Promise<Db> {
  let db: Db;
  try {
    db = config.url ? openPostgres(config.url) : await openPGlite(config.dataDir ?? '.proactif/db');
  } catch (e) {
    throw new DatabaseError(`Impossible d'ouvrir la base de données : ${(e as Error).message}`, { cause: e });
  }
  if (config.migrate !== false) {
    try {
      await migrateToLatest(db.kysely as unknown as Kysely<unknown>);
    } catch (e) {
      await db.close().catch(() => {});
      throw e;
    }
  }
  return db;
}

const BATCH_ROWS = 20_000;
const CHUNK_CHARS = 4_000_000;

/**
 * COPY text lines gathered into chunks for `copyText`. Rows are small on import, large for
 * decisions (explanations, situations): a chunk ends at a number of rows or of characters,
 * whichever comes first, to bound the memory it takes.
 */
export async function* copyTextChunks(lines: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  let inChunk = 0;
  for await (const line of lines) {
    chunk += line;
    if (++inChunk === BATCH_ROWS || chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk) yield chunk;
}

/**
 * COPY text already encoded, a line at a time (UTF-8 bytes, or pieces of a line: a short string
 * such as an id, then bytes), gathered into chunks of about `size` bytes for `copyText`. A chunk
 * ends at the end of a line: PGlite loads each chunk as a COPY of its own.
 */
export async function* copyByteChunks(
  lines: Iterable<Uint8Array | readonly (string | Uint8Array)[]>,
  size = 256 * 1024,
): AsyncGenerator<Uint8Array> {
  let chunk = Buffer.allocUnsafe(size);
  let at = 0;
  for (const line of lines) {
    const parts = line instanceof Uint8Array ? [line] : line;
    let n = 0;
    for (const part of parts) n += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
    if (at + n > chunk.length) {
      if (at > 0) yield chunk.subarray(0, at);
      chunk = Buffer.allocUnsafe(Math.max(size, n));
      at = 0;
    }
    for (const part of parts) {
      if (typeof part === 'string') at += chunk.write(part, at);
      else {
        chunk.set(part, at);
        at += part.length;
      }
    }
  }
  if (at > 0) yield chunk.subarray(0, at);
}

/** Rows encoded as COPY text lines, counted. */
async function* copyLines(rows: Rows, count: { n: number }): AsyncGenerator<string> {
  for await (const row of rows) {
    count.n++;
    yield copyLine(row);
  }
}

function copyChunks(rows: Rows, count: { n: number }): AsyncGenerator<string> {
  return copyTextChunks(copyLines(rows, count));
}

function copySql(table: string, columns: readonly string[], source: string): string {
  for (const name of [table, ...columns])
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new DatabaseError(`Nom de table ou de colonne invalide : ${name}`);
  return `copy ${table} (${columns.join(', ')}) from ${source}`;
}

// Dates as ISO strings, numeric and bigint as JS numbers (amounts fit; counts too).
const TYPE_DATE = 1082;
const TYPE_NUMERIC = 1700;
const TYPE_INT8 = 20;
const TYPE_TIMESTAMPTZ = 1184;

function openPostgres(url: string): Db {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new ConfigurationError('DATABASE_URL doit commencer par postgres:// ou postgresql://');
  const getTypeParser = ((oid: number, format?: string) => {
    if (oid === TYPE_NUMERIC || oid === TYPE_INT8) return (v: string) => Number(v);
    if (oid === TYPE_DATE || oid === TYPE_TIMESTAMPTZ) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser;
  // Six connections: a batch's reads go out at once (four extracts, then their persons' rows)
  // while the previous batch is written in its own transaction.
  // JIT compilation off: our queries are many short ones (a batch's reads, an import's checks),
  // where compiling took up to 1.6 s for a query that runs in 30 ms (seen at a million households).
  const pool = new pg.Pool({ connectionString: url, max: 6, options: '-c jit=off', types: { getTypeParser } });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  const copyWith = async (client: pg.PoolClient | pg.Client, table: string, columns: readonly string[], rows: Rows) => {
    const count = { n: 0 };
    const stream = client.query(copyFrom(copySql(table, columns, 'stdin')));
    await pipeline(Readable.from(copyChunks(rows, count)), stream);
    return count.n;
  };

  const copyTextWith = async (
    client: pg.PoolClient,
    table: string,
    columns: readonly string[],
    chunks: AsyncIterable<string | Uint8Array>,
  ) => {
    // One chunk read ahead: the producer is held back as soon as the server falls behind.
    await pipeline(
      Readable.from(chunks, { highWaterMark: 1 }),
      client.query(copyFrom(copySql(table, columns, 'stdin'))),
    );
  };

  const db: Db = {
    dialect: 'pg',
    kysely,
    async copyText(table, columns, chunks) {
      const client = await pool.connect();
      try {
        await copyTextWith(client, table, columns, chunks);
      } finally {
        client.release();
      }
    },
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      try {
        return await copyWith(client, table, columns, rows);
      } finally {
        client.release();
      }
    },
    async copyFile(table, columns, path, options) {
      const client = await pool.connect();
      try {
        await pipeline(
          createReadStream(path),
          client.query(copyFrom(`${copySql(table, columns, 'stdin')} with (${options})`)),
        );
      } finally {
        client.release();
      }
    },
    async transaction(fn) {
      const client = await pool.connect();
      // A kysely bound to this one client, so that queries and COPY share the transaction.
      const borrowed = { query: client.query.bind(client), release() {} };
      const single = { connect: async () => borrowed, end: async () => {} };
      const txKysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as never }) });
      const tx: Db = {
        dialect: 'pg',
        kysely: txKysely,
        copyRows: (table, columns, rows) => copyWith(client, table, columns, rows),
        copyText: (table, columns, chunks) => copyTextWith(client, table, columns, chunks),
        copyFile: async (table, columns, path, options) => {
          await pipeline(
            createReadStream(path),
            client.query(copyFrom(`${copySql(table, columns, 'stdin')} with (${options})`)),
          );
        },
        transaction: (inner) => inner(tx),
        close: async () => {},
      };
      try {
        await client.query('begin');
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await kysely.destroy();
    },
  };
  return db;
}

async function openPGlite(dataDir: string): Promise<Db> {
  // Loaded only when used: about 40 MB of memory a PostgreSQL run does not need.
  const { PGlite, types: pgliteTypes } = await import('@electric-sql/pglite');
  const inMemory = dataDir === 'memory' || dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const parsers = {
    [pgliteTypes.DATE]: (v: string) => v,
    [pgliteTypes.TIMESTAMPTZ]: (v: string) => v,
    [pgliteTypes.NUMERIC]: (v: string) => Number(v),
    [pgliteTypes.INT8]: (v: string) => Number(v),
  };
  const pgl = inMemory ? new PGlite({ parsers }) : new PGlite(dataDir, { parsers });
  await pgl.waitReady;
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pgl) });

  // The fastest path PGlite offers: COPY … FROM '/dev/blob', one blob per batch of rows.
  const copyRows = async (table: string, columns: readonly string[], rows: Rows) => {
    const count = { n: 0 };
    const statement = copySql(table, columns, `'/dev/blob'`);
    for await (const chunk of copyChunks(rows, count)) await pgl.query(statement, [], { blob: new Blob([chunk]) });
    return count.n;
  };

  const copyText = async (table: string, columns: readonly string[], chunks: AsyncIterable<string | Uint8Array>) => {
    const statement = copySql(table, columns, `'/dev/blob'`);
    for await (const chunk of chunks) if (chunk.length) await pgl.query(statement, [], { blob: new Blob([chunk]) });
  };
  const copyFile = async (table: string, columns: readonly string[], path: string, options: string) => {
    await pgl.query(`${copySql(table, columns, `'/dev/blob'`)} with (${options})`, [], {
      blob: new Blob([await readFile(path)]),
    });
  };
  const make = (k: Kdb, inTx: boolean): Db => ({
    dialect: 'pglite',
    kysely: k,
    copyFile: inTx ? copyFile : (...args) => kysely.connection().execute(() => copyFile(...args)),
    copyText: inTx ? copyText : (...args) => kysely.connection().execute(() => copyText(...args)),
    copyRows: inTx
      ? copyRows
      : (table, columns, rows) => kysely.connection().execute(() => copyRows(table, columns, rows)),
    transaction: inTx ? (fn) => fn(make(k, true)) : (fn) => kysely.transaction().execute((trx) => fn(make(trx, true))),
    close: () => kysely.destroy(),
  });
  return make(kysely, false);
}
