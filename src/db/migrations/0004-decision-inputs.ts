import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/** The inputs a decision was made on (pseudonymised situation), so that an operator can explain it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'alter table decision add column inputs jsonb;');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, 'alter table decision drop column inputs;');
}
