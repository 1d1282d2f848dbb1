import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/** Rows accepted with a warning (SOURCES.md §8 "W"): kept, and listed for the agency to check. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `create table import_warning (
       id bigserial primary key,
       import_id integer not null references import_file(id) on delete cascade,
       file_name text not null,
       line_no integer not null,
       field text,
       code text not null,
       reason text not null
     );
     create index import_warning_import on import_warning(import_id);`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'drop table import_warning;');
}
