import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * The pseudonymised situation a decision was made on, stored once however many rights and
 * reruns use it (decisions point to it by hash) instead of once per decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `create table situation_snapshot (
       hash text primary key,
       inputs jsonb not null,
       created_at timestamptz not null default now()
     );
     alter table decision add column situation_hash text references situation_snapshot(hash);`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'alter table decision drop column situation_hash;\ndrop table situation_snapshot;');
}
