import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { UsageError } from '../../errors.ts';
import { RIGHTS } from '../../rules/registry.ts';
import { parseAsOf } from '../options.ts';
import type { Output } from '../output.ts';

export function registerOpposition(program: Command, out: Output) {
  program
    .command('opposition')
    .description("enregistre qu'un foyer ne souhaite plus être contacté (pour un droit, ou pour tous)")
    .argument('<foyer>', 'identifiant pseudonyme du foyer (F-…), tel qu’il figure dans le message reçu')
    .option('--right <droit>', 'seulement ce droit (par défaut : tous)')
    .option('--since <date>', 'depuis quand (AAAA-MM-JJ), par défaut aujourd’hui', parseAsOf)
    .option('--json', 'résultat en une ligne JSON')
    .action(async (id: string, o: { right?: string; since?: string; json?: boolean }) => {
      if (!/^F-[A-Za-z0-9_-]{12}$/.test(id))
        throw new UsageError(`« ${id} » n'est pas un identifiant de foyer (F- suivi de 12 caractères)`);
      const right = o.right?.toLowerCase() ?? '*';
      if (right !== '*' && !(right in RIGHTS))
        throw new UsageError(`--right « ${o.right} » : droits connus ${Object.keys(RIGHTS).join(', ')}`);
      const db = await openDatabase(dbConfigFromEnv());
      try {
        const d = await db.kysely
          .selectFrom('decision')
          .select('household_key')
          .where('pseudonym', '=', id)
          .executeTakeFirst();
        if (!d) throw new UsageError(`aucun foyer ${id} connu (il doit avoir été évalué au moins une fois)`);
        const since = o.since ?? new Date().toISOString().slice(0, 10);
        const r = await db.kysely
          .insertInto('opposition')
          .values({ household_key: d.household_key, right_id: right, since })
          .onConflict((oc) => oc.columns(['household_key', 'right_id']).doNothing())
          .executeTakeFirst();
        const recorded = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
        if (o.json) out.json({ foyer: id, right, since, recorded });
        else
          out.line(
            recorded
              ? `Opposition enregistrée : le foyer ${id} ne sera plus contacté ${right === '*' ? 'pour aucun droit' : `pour le droit ${right}`} à partir du ${since}.`
              : `Opposition déjà enregistrée pour le foyer ${id}.`,
          );
      } finally {
        await db.close();
      }
    });
}
