import { type Kysely, sql } from 'kysely';

/**
 * Runs a script of SQL statements one by one: PGlite's extended protocol takes one
 * statement per query. Statements end with `;` at the end of a line.
 */
export async function execScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script.split(/;\s*$/m)) {
    if (statement.trim() !== '') await sql.raw(statement).execute(db);
  }
}
