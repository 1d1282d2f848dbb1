import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { EXCLUSION_LABELS } from '../../eligibility/evaluate.ts';
import { UsageError } from '../../errors.ts';
import type { ExclusionReason } from '../../model.ts';
import { runEligibility } from '../../pipeline.ts';
import { parseAsOf } from '../options.ts';
import type { Output } from '../output.ts';
import { parseRights } from './run.ts';

export function registerEligibility(program: Command, out: Output) {
  program
    .command('eligibility')
    .description(
      "évalue un droit pour les foyers importés et affiche l'entonnoir : considérés → éligibles → exclus → à inviter",
    )
    .requiredOption('--right <droit>', 'rsa, ppa, c2s, aspa ou ars', (v) => {
      const ids = parseRights(v);
      if (ids.length !== 1) throw new UsageError('--right : un seul droit à la fois');
      return ids[0];
    })
    .requiredOption('--as-of <date>', 'date de référence (AAAA-MM-JJ)', parseAsOf)
    .option('--departement <code>', 'seulement les foyers de ce département (ex. 93, 2A, 974)')
    .option('--limit <n>', 'seulement les N premiers foyers', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--limit « ${v} » : nombre entier positif attendu`);
      return n;
    })
    .option('--dry-run', 'calcule et affiche sans rien enregistrer')
    .option(
      '--full',
      'tous les foyers, pas seulement ceux touchés par un événement de vie depuis la dernière exécution',
    )
    .option('--json', 'résultat en une ligne JSON')
    .action(
      async (o: {
        right: 'rsa';
        asOf: string;
        departement?: string;
        limit?: number;
        full?: boolean;
        dryRun?: boolean;
        json?: boolean;
      }) => {
        const db = await openDatabase(dbConfigFromEnv());
        try {
          const r = await runEligibility(db, {
            asOf: o.asOf,
            right: o.right,
            ...(o.departement ? { departement: o.departement } : {}),
            ...(o.limit ? { limit: o.limit } : {}),
            dryRun: Boolean(o.dryRun),
            full: Boolean(o.full),
          });
          const f = r.funnel;
          const excluded = Object.values(f.excluded).reduce((t, n) => t + n, 0);
          if (o.json)
            out.json({
              right: o.right,
              asOf: o.asOf,
              dryRun: Boolean(o.dryRun),
              full: r.full,
              lifeEvents: r.lifeEvents,
              ...f,
              excluded,
              excludedByReason: f.excluded,
              recorded: r.recorded,
              superseded: r.superseded,
            });
          else {
            out.line(
              `${o.right.toUpperCase()} au ${o.asOf}${o.departement ? `, département ${o.departement}` : ''}${o.dryRun ? ' (simulation : rien enregistré)' : ''}`,
            );
            out.line(`  événements de vie détectés    ${r.lifeEvents}`);
            out.line(
              `  foyers considérés             ${f.households}${r.full ? ' (tous)' : ' (touchés par un événement depuis la dernière exécution)'}`,
            );
            out.line(`  non éligibles                 ${f.notEligible}`);
            out.line(`  indéterminés (données manquantes) ${f.undetermined}`);
            out.line(`  éligibles                     ${f.eligible}`);
            for (const [k, n] of Object.entries(f.excluded) as [ExclusionReason, number][])
              if (k !== 'decede') out.line(`    exclus : ${EXCLUSION_LABELS[k].padEnd(40)} ${n}`);
            out.line(`  exclus : ${EXCLUSION_LABELS.decede.padEnd(42)} ${f.excluded.decede}`);
            out.line(`  à inviter                     ${f.toInvite}`);
            if (!o.dryRun)
              out.line(
                `  décisions enregistrées        ${r.recorded} (dont ${r.superseded} remplaçant une décision antérieure)`,
              );
          }
        } finally {
          await db.close();
        }
      },
    );
}
