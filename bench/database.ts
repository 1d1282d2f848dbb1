import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, openDatabase } from '../src/db/open.ts';
import { startThrowawayPostgres } from '../test/support/postgres-global-setup.ts';

/**
 * A fresh database for a benchmark: `--dialect pg` uses DATABASE_URL (a new database on it) or
 * starts its own throwaway PostgreSQL; `--dialect pglite` (default) a PGlite folder in /tmp.
 */
export async function benchDatabase(dialect: string): Promise<{ db: Db; url?: string; dispose: () => Promise<void> }> {
  if (dialect === 'pg') {
    const cluster = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
    const admin = process.env.DATABASE_URL ?? (cluster?.url as string);
    const name = `bench_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const url = admin.replace(/^(postgres(?:ql)?:\/\/[^/?#]*)\/[^?#]*/, `$1/${name}`);
    const db = await openDatabase({ url });
    return {
      db,
      url,
      dispose: async () => {
        await db.close();
        if (cluster) cluster.stop();
        else {
          const d = new pg.Client({ connectionString: admin });
          await d.connect();
          await d.query(`drop database ${name}`);
          await d.end();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'proactif-bench-'));
  const db = await openDatabase({ dataDir: join(dir, 'db') });
  return {
    db,
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
