import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from './database.ts';

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL de test', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase('support_a'), createTestDatabase('Support-B!')]);
  });

  afterAll(async () => {
    await Promise.all([first, second].filter(Boolean).map((url) => dropTestDatabase(url)));
  });

  it('is PostgreSQL 15', async () => {
    const [row] = await query<{ version: string }>(first, 'SELECT version()');
    expect(row?.version).toMatch(/^PostgreSQL 15\./);
  });

  it('gives each caller its own database', async () => {
    expect(first).not.toBe(second);
    const [a] = await query<{ db: string }>(first, 'SELECT current_database() AS db');
    const [b] = await query<{ db: string }>(second, 'SELECT current_database() AS db');
    expect(a?.db).toMatch(/^support_a_[0-9a-f]{10}$/);
    expect(b?.db).toMatch(/^support_b_[0-9a-f]{10}$/);

    await query(first, 'CREATE TABLE only_here (id int)');
    const visible = (url: string) =>
      query<{ t: string | null }>(url, "SELECT to_regclass('public.only_here')::text AS t");
    expect((await visible(first))[0]?.t).toBe('only_here');
    expect((await visible(second))[0]?.t).toBeNull();
  });

  it('drops a database, even with an open connection, and dropping twice is harmless', async () => {
    const url = await createTestDatabase('support_drop');
    const open = new pg.Client({ connectionString: url });
    await open.connect();
    open.on('error', () => {}); // terminated by dropTestDatabase
    await dropTestDatabase(url);
    await dropTestDatabase(url);
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/does not exist/);
    await open.end().catch(() => {});
  });

  it('refuses to drop a database it did not create', async () => {
    await expect(dropTestDatabase(inject('pgAdminUrl'))).rejects.toThrow(/createTestDatabase/);
  });
});
