import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/support/dialects.ts';
import { migrateToLatest } from './migrate.ts';
import { copyByteChunks, type Db } from './open.ts';

describe.each(DIALECTS)('database layer on %s', (dialect) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb(dialect, 'dblayer'));
  });
  afterAll(() => cleanup());

  it('applies the migrations once: a second migration run applies nothing', async () => {
    expect(await migrateToLatest(db.kysely as unknown as Kysely<unknown>)).toEqual([]);
    const tables = await db.kysely.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['decision', 'caf_membre', 'notification']));
  });

  it('bulk-loads rows with COPY, keeping tabs, backslashes, line breaks, nulls and accents', async () => {
    const file = await db.kysely
      .insertInto('import_file')
      .values({
        agency: 'caf',
        extract: 'foyers',
        file_name: 'f.csv',
        sha256: `h-${dialect}`,
        extracted_on: '2025-08-31',
        rows_read: 0,
        rows_accepted: 0,
        rows_rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const n = await db.copyRows(
      'rejected_row',
      ['import_id', 'file_name', 'line_no', 'field', 'code', 'reason', 'raw'],
      [
        [file.id, 'f.csv', 2, null, 'X', 'tab\there', 'a\\b'],
        [file.id, 'f.csv', 3, 'nom', 'Y', 'line\nbreak\r\n', 'Élodie;"ROUX"'],
      ],
    );
    expect(n).toBe(2);
    const rows = await db.kysely
      .selectFrom('rejected_row')
      .select(['line_no', 'field', 'reason', 'raw'])
      .orderBy('line_no')
      .execute();
    expect(rows).toEqual([
      { line_no: 2, field: null, reason: 'tab\there', raw: 'a\\b' },
      { line_no: 3, field: 'nom', reason: 'line\nbreak\r\n', raw: 'Élodie;"ROUX"' },
    ]);
  });

  it('loads lines given in pieces (an id, then bytes) in chunks that never cut a line', async () => {
    await db.kysely.schema.createTable('t_chunks').addColumn('id', 'integer').addColumn('v', 'text').execute();
    const lines = Array.from({ length: 40 }, (_, i) => [`${i + 1}\t`, Buffer.from(`ligne n° ${i + 1} — é\n`)] as const);
    // 64 bytes a chunk: about three lines each, so most lines would straddle two chunks if cut.
    const chunks: Uint8Array[] = [];
    for await (const c of copyByteChunks(lines, 64)) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(Buffer.from(c).toString('utf8').endsWith('\n')).toBe(true);
    await db.copyText('t_chunks', ['id', 'v'], copyByteChunks(lines, 64));
    const { rows } = await sql<{ id: number; v: string }>`select id, v from t_chunks order by id`.execute(db.kysely);
    expect(rows).toHaveLength(40);
    expect(rows[39]).toEqual({ id: 40, v: 'ligne n° 40 — é' });
  });

  it('returns dates as ISO strings and amounts as numbers', async () => {
    const r = await db.kysely.selectFrom('import_file').select(['extracted_on']).executeTakeFirstOrThrow();
    expect(r.extracted_on).toBe('2025-08-31');
    await db.transaction(async (tx) => {
      const { id } = await tx.kysely.selectFrom('import_file').select('id').executeTakeFirstOrThrow();
      await tx.copyRows(
        'caf_droit',
        [
          'import_id',
          'snapshot_date',
          'line_no',
          'code_organisme',
          'numero_allocataire',
          'mois',
          'prestation',
          'montant',
          'statut',
        ],
        [[id, '2025-08-31', 2, '441', '0412873', '2025-07', 'AF', -35.2, 'EN_COURS']],
      );
    });
    const d = await db.kysely.selectFrom('caf_droit').select(['montant', 'snapshot_date']).executeTakeFirstOrThrow();
    expect(d).toEqual({ montant: -35.2, snapshot_date: '2025-08-31' });
  });

  it('rolls back everything a failed transaction wrote, COPY included', async () => {
    const before = await db.kysely
      .selectFrom('rejected_row')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.copyRows(
          'rejected_row',
          ['file_name', 'line_no', 'code', 'reason', 'raw'],
          [['g.csv', 9, 'Z', 'r', 'x']],
        );
        await tx.kysely.insertInto('setting').values({ key: 'k', value: 'v' }).execute();
        throw new Error('échec simulé');
      }),
    ).rejects.toThrow('échec simulé');
    const after = await db.kysely
      .selectFrom('rejected_row')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await db.kysely.selectFrom('setting').selectAll().where('key', '=', 'k').execute()).toEqual([]);
  });
});
