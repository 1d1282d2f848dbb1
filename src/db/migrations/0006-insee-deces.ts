import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/** INSEE's public file of deaths: nobody is written to after their death. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `create table insee_deces (
       import_id integer not null references import_file(id) on delete cascade,
       snapshot_date date not null,
       line_no integer not null,
       nom text not null,
       prenoms text not null,
       sexe text not null,
       date_naissance text not null,
       code_lieu_naissance text,
       date_deces date not null,
       code_lieu_deces text,
       numero_acte text,
       traits_key text not null
     );
     create index insee_deces_traits on insee_deces(traits_key);`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'drop table insee_deces;');
}
