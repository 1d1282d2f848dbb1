import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/support/dialects.ts';
import type { Db } from '../db/open.ts';
import { importFile } from '../sources/import.ts';
import { ensurePlannerStatistics } from './batch.ts';

const reltuples = async (db: Db, table: string) =>
  Number(
    (await sql<{ n: number }>`select reltuples as n from pg_class where relname = ${table}`.execute(db.kysely)).rows[0]
      ?.n,
  );

describe.each(DIALECTS)('planner statistics of the staging tables (%s)', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'stats'));
  });
  afterAll(() => cleanup());

  it('analyses the partitioned tables never analysed, then none', async () => {
    // A new database: PostgreSQL marks a table never analysed with reltuples -1.
    expect(await reltuples(db, 'dgfip_personne')).toBe(-1);
    const first = await ensurePlannerStatistics(db.kysely);
    expect([...first].sort()).toEqual([
      'beneficiaire',
      'caf_droit',
      'caf_foyer',
      'caf_membre',
      'dgfip_personne',
      'gipmds_ressource',
    ]);
    expect(await reltuples(db, 'dgfip_personne')).toBe(0);
    expect(await ensurePlannerStatistics(db.kysely)).toEqual([]);
  });

  it('analyses again a table a file was imported into since, and only that one; a dry run does not record it', async () => {
    expect(await ensurePlannerStatistics(db.kysely)).toEqual([]);
    const r = await importFile(
      db,
      fileURLToPath(new URL('../../fixtures/demo/caf_foyers_20250831.csv', import.meta.url)),
    );
    expect(r.status).toBe('imported');
    // The analysis of the previous test saw an empty table.
    expect(await reltuples(db, 'caf_foyer')).toBe(0);
    expect(await ensurePlannerStatistics(db.kysely, { record: false })).toEqual(['caf_foyer']);
    expect(await reltuples(db, 'caf_foyer')).toBeGreaterThan(0);
    expect(await ensurePlannerStatistics(db.kysely)).toEqual(['caf_foyer']);
    expect(await ensurePlannerStatistics(db.kysely)).toEqual([]);
  });

  it('analyses again a table whose files were purged, even with its statistics lost', async () => {
    await sql`delete from import_file where agency = 'caf' and extract = 'foyers'`.execute(db.kysely);
    // What PostgreSQL knows of the last analysis is not what is compared (PGlite loses it at every close).
    await sql`select pg_stat_reset()`.execute(db.kysely);
    expect(await ensurePlannerStatistics(db.kysely)).toEqual(['caf_foyer']);
    expect(await ensurePlannerStatistics(db.kysely)).toEqual([]);
  });
});
