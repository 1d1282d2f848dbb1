import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * The birth place as a matching key (`birthPlaceKey`: the commune the COG names today, through
 * its history), next to `traits_key`: two persons with the same names and birth date but born
 * in Lyon and in Marseille are two persons. Rows imported before this migration have no key
 * and match on their other traits, as they did. Persons without NIR made before keep their values
 * (older snapshots' too) and no place: a row that knows its place no longer joins them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table caf_membre add column lieu_naissance_cle text;
     alter table dgfip_personne add column lieu_naissance_cle text;
     alter table beneficiaire add column lieu_naissance_cle text;
     alter table insee_deces add column lieu_naissance_cle text;
     alter table person add column lieu_naissance_cle text;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table person drop column lieu_naissance_cle;
     alter table insee_deces drop column lieu_naissance_cle;
     alter table beneficiaire drop column lieu_naissance_cle;
     alter table dgfip_personne drop column lieu_naissance_cle;
     alter table caf_membre drop column lieu_naissance_cle;`,
  );
}
