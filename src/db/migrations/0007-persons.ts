import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * One person across agencies: the NIR is the pivot; without it, normalised civil-status traits.
 * Every value keeps its agency and extract date; conflicts are recorded, never merged silently.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table caf_membre add column traits_key text;
     alter table dgfip_personne add column traits_key text;
     alter table beneficiaire add column traits_key text;
     create index caf_membre_traits on caf_membre(traits_key);
     create table person (
       id bigserial primary key,
       nir text unique,
       traits_key text not null,
       built_on date not null
     );
     create index person_traits on person(traits_key);
     create table person_value (
       person_id bigint not null references person(id) on delete cascade,
       field text not null,
       value text,
       agency text not null,
       extract text not null,
       extracted_on date not null,
       unique (person_id, field, agency, extract, extracted_on)
     );
     create table identity_conflict (
       id bigserial primary key,
       kind text not null,
       -- '' when the conflict is not about a NIR (or traits): part of the unique key.
       nir text not null,
       traits_key text not null,
       detail jsonb not null,
       detected_on date not null,
       unique (kind, nir, traits_key)
     );`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop table identity_conflict;
     drop table person_value;
     drop table person;
     alter table beneficiaire drop column traits_key;
     alter table dgfip_personne drop column traits_key;
     alter table caf_membre drop column traits_key;`,
  );
}
