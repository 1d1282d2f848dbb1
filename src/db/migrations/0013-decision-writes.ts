import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.ts';

/**
 * Cheaper writes for a first run, which records a decision per household and right and a
 * situation per household (five million and a million rows for a million households):
 * - `decision_current` goes: the unique key (household, right, period, inputs hash, rules
 *   version) starts with the same three columns and answers the same lookups, so every decision
 *   paid for two indexes on them;
 * - the foreign key from a decision to its situation goes: it ran a lookup and a row lock per
 *   decision. The store writes a batch's new situations before its decisions in the same
 *   transaction, and the purge deletes a situation only when no decision refers to it, under the
 *   same advisory lock as the store (`lockDecisions`): a situation cannot go while a decision
 *   about to refer to it is being written;
 * - situations are stored as written, without compression: at about 2 kB each, PostgreSQL's
 *   default threshold (2 kB) had every one compressed on insert, which cost the server more than
 *   the rest of the row; the table is larger by about half.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop index decision_current;
     alter table decision drop constraint decision_situation_hash_fkey;
     alter table situation_snapshot set (toast_tuple_target = 8160);`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table situation_snapshot reset (toast_tuple_target);
     alter table decision add foreign key (situation_hash) references situation_snapshot(hash);
     create index decision_current on decision(household_key, right_id, period) where superseded_at is null;`,
  );
}
