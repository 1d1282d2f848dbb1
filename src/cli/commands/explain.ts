import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { explainDecision, type StoredDecision } from '../../eligibility/explain.ts';
import { UsageError } from '../../errors.ts';
import { loadPseudonymizer } from '../../pseudonym.ts';
import { monthOf } from '../../rules/dates.ts';
import { parseAsOf } from '../options.ts';
import type { Output } from '../output.ts';

export function registerExplain(program: Command, out: Output) {
  program
    .command('explain')
    .description(
      "explique en français les décisions d'un foyer : montants, conditions, données utilisées et leur provenance",
    )
    .argument('<foyer>', 'identifiant pseudonyme du foyer (F-…), tel qu’il figure dans les listes et les dossiers')
    .option('--right <droit>', 'seulement ce droit')
    .option('--as-of <date>', 'seulement la période de cette date', parseAsOf)
    .option('--identite', "affiche les noms des personnes (accès aux données d'identité : à justifier)")
    .option('--json', 'décisions en une ligne JSON')
    .action(async (id: string, o: { right?: string; asOf?: string; identite?: boolean; json?: boolean }) => {
      if (!/^F-[A-Za-z0-9_-]{12}$/.test(id))
        throw new UsageError(`« ${id} » n'est pas un identifiant de foyer (F- suivi de 12 caractères)`);
      const db = await openDatabase(dbConfigFromEnv());
      try {
        let q = db.kysely
          .selectFrom('decision')
          .leftJoin('situation_snapshot', 'situation_snapshot.hash', 'decision.situation_hash')
          .select([
            'pseudonym',
            'household_key',
            'right_id',
            'period',
            'status',
            'exclusion',
            'amount',
            'explanation',
            // Older decisions carry their inputs; newer ones share a stored situation.
            (eb) => eb.fn.coalesce('decision.inputs', 'situation_snapshot.inputs').as('inputs'),
            'decided_at',
            'rules_version',
            'inputs_hash',
          ])
          .where('pseudonym', '=', id)
          .where('superseded_at', 'is', null);
        if (o.right) q = q.where('right_id', '=', o.right.toLowerCase());
        if (o.asOf) q = q.where('period', '=', monthOf(o.asOf));
        const rows = await q.orderBy('period', 'desc').orderBy('right_id').execute();
        if (rows.length === 0)
          throw new UsageError(`aucune décision pour le foyer ${id}${o.right ? ` et le droit ${o.right}` : ''}`);
        let identity: Map<string, string> | undefined;
        if (o.identite) {
          const pseudo = await loadPseudonymizer(db.kysely);
          const key = rows[0]?.household_key ?? '';
          const m = /^caf:(\w+)-(\w+)$/.exec(key);
          const members = m
            ? await db.kysely
                .selectFrom('caf_membre')
                .select(['nir', 'nom_naissance', 'prenoms', 'date_naissance'])
                .where('code_organisme', '=', m[1] as string)
                .where('numero_allocataire', '=', m[2] as string)
                .execute()
            : [];
          identity = new Map(
            members.map((p) => [
              pseudo('P', p.nir ?? `${p.nom_naissance}|${p.prenoms}|${p.date_naissance}`),
              `${p.prenoms} ${p.nom_naissance}`,
            ]),
          );
          out.info(`Accès aux données d'identité du foyer ${id} (à justifier).`);
        }
        if (o.json) out.json(rows.map(({ household_key: _k, ...r }) => r));
        else for (const r of rows) for (const l of explainDecision(r as StoredDecision, identity)) out.line(l);
      } finally {
        await db.close();
      }
    });
}
