import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/** Households that asked not to be contacted (for one right, or all: right_id = '*'). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `create table opposition (
       household_key text not null,
       right_id text not null,
       since date not null,
       recorded_at timestamptz not null default now(),
       primary key (household_key, right_id)
     );`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'drop table opposition;');
}
