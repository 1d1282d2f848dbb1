import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * The snapshots the table of persons was last built from (`resolvePersons`): a run on the same
 * snapshots (every night but the few a new extract arrives) has nothing to match again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `create table person_snapshot (
       agency text not null,
       extract text not null,
       extracted_on date not null,
       -- The newest file of that date read (a corrected file may come for the same date).
       import_id integer not null,
       resolved_on date not null,
       primary key (agency, extract, extracted_on)
     );`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'drop table person_snapshot;');
}
