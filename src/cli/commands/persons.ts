import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { loadPseudonymizer } from '../../pseudonym.ts';
import { resolvePersons } from '../../sources/persons.ts';
import { parseAsOf } from '../options.ts';
import type { Output } from '../output.ts';

const KINDS: Record<string, string> = {
  NIR_DATES_NAISSANCE_DIFFERENTES: 'même NIR, dates de naissance différentes selon les organismes',
  NIR_LIEUX_NAISSANCE_DIFFERENTS: 'même NIR, lieux de naissance différents selon les organismes',
  TRAITS_PLUSIEURS_NIR: 'même état civil et même lieu de naissance, plusieurs NIR',
};

export function registerPersons(program: Command, out: Output) {
  program
    .command('persons')
    .description(
      "rapproche les personnes entre organismes (NIR, sinon état civil) et liste les conflits d'identité à faire vérifier",
    )
    .option('--as-of <date>', 'instantanés à prendre (AAAA-MM-JJ), par défaut aujourd’hui', parseAsOf)
    .option('--json', 'résultat en une ligne JSON')
    .action(async (o: { asOf?: string; json?: boolean }) => {
      const db = await openDatabase(dbConfigFromEnv());
      try {
        const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
        const r = await resolvePersons(db, asOf);
        const pseudo = await loadPseudonymizer(db.kysely);
        const conflicts = await db.kysely
          .selectFrom('identity_conflict')
          .select(['kind', 'nir', 'traits_key', 'detail', 'detected_on'])
          .orderBy('detected_on')
          .execute();
        // Conflicts name persons by pseudonym only; the NIR stays in the database for the agent who resolves it.
        const listed = conflicts.map((c) => ({
          kind: c.kind,
          person: pseudo('P', c.nir || c.traits_key),
          organismes:
            (c.detail as { dates?: { organisme: string }[]; organismes?: string[] }).dates?.map((d) => d.organisme) ??
            (c.detail as { organismes?: string[] }).organismes ??
            [],
          detectedOn: c.detected_on,
        }));
        if (o.json) out.json({ ...r, list: listed });
        else {
          out.line(
            `${r.persons} personnes (${r.withNir} avec NIR, ${r.traitsOnly} sur l'état civil seul), ${r.values} valeurs nouvelles`,
          );
          out.line(`${listed.length} conflit(s) d'identité, dont ${r.newConflicts} nouveau(x) :`);
          for (const c of listed)
            out.line(
              `  ${c.person} : ${KINDS[c.kind] ?? c.kind} (${[...new Set(c.organismes)].join(', ')}), vu le ${c.detectedOn}`,
            );
        }
      } finally {
        await db.close();
      }
    });
}
