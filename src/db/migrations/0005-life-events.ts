import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * Life events and renewal triggers, each stored once (household, kind, date) with the data
 * that showed it and the rights it calls to re-check; and the eligibility runs, so that the
 * next run knows which events are new.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `create table life_event (
       id bigserial primary key,
       household_key text not null,
       pseudonym text not null,
       kind text not null,
       event_date date not null,
       subject text not null,
       detected_on date not null,
       data jsonb not null,
       rights jsonb not null,
       unique (household_key, kind, event_date, subject)
     );
     create index life_event_date on life_event(event_date);
     create table eligibility_run (
       id serial primary key,
       right_id text not null,
       as_of date not null,
       full_run boolean not null,
       households integer not null,
       ran_at timestamptz not null default now()
     );`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'drop table eligibility_run;\ndrop table life_event;');
}
