import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * Decisions are written once and read rarely (`proactif explain`, letters): their result and the
 * situation they were made on are stored as `json` (checked, kept as written) rather than `jsonb`
 * (taken apart on every insert), and the French explanation is no longer stored a second time in
 * `message` — it is the result's `explanation` field. A first run over a million households writes
 * five million decisions: this halves what the server does for each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table decision alter column explanation type json using explanation::json;
     alter table decision alter column inputs type json using inputs::json;
     alter table decision drop column message;
     alter table situation_snapshot alter column inputs type json using inputs::json;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table situation_snapshot alter column inputs type jsonb using inputs::jsonb;
     alter table decision add column message text;
     update decision set message = coalesce(explanation->>'explanation', '');
     alter table decision alter column message set not null;
     alter table decision alter column inputs type jsonb using inputs::jsonb;
     alter table decision alter column explanation type jsonb using explanation::jsonb;`,
  );
}
