import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/** Purged snapshots keep their import record (and hash) so the same file is never imported again. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'alter table import_file add column purged_at timestamptz;');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'alter table import_file drop column purged_at;');
}
