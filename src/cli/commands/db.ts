import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { migrateToLatest } from '../../db/migrate.ts';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import type { Output } from '../output.ts';

export function registerDb(program: Command, out: Output) {
  const db = program.command('db').description('base de données');
  db.command('migrate')
    .description('applique les migrations manquantes (sans effet si la base est à jour)')
    .option('--json', 'résultat en une ligne JSON')
    .action(async (o: { json?: boolean }) => {
      const conn = await openDatabase({ ...dbConfigFromEnv(), migrate: false });
      try {
        const applied = await migrateToLatest(conn.kysely as unknown as Kysely<unknown>);
        if (o.json) out.json({ dialect: conn.dialect, applied });
        else
          out.line(
            applied.length
              ? `Migrations appliquées (${conn.dialect}) : ${applied.join(', ')}`
              : `Base à jour (${conn.dialect}) : aucune migration à appliquer`,
          );
      } finally {
        await conn.close();
      }
    });
}
