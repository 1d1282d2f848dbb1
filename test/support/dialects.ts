import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { createTestDatabase, dropTestDatabase } from './database.ts';

/** A fresh database of each dialect: PostgreSQL (own database on the suite's server) and PGlite (own folder). */
export const DIALECTS = ['pg', 'pglite'] as const;

export async function freshDb(
  dialect: 'pg' | 'pglite',
  prefix: string,
): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (dialect === 'pg') {
    const url = await createTestDatabase(prefix);
    const db = await openDatabase({ url });
    return {
      db,
      cleanup: async () => {
        await db.close();
        await dropTestDatabase(url);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `proactif-${prefix}-`));
  const db = await openDatabase({ dataDir: join(dir, 'db') });
  return {
    db,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
