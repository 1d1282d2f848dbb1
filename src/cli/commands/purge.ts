import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { applyEligibilityPurge, countEligibilityPurge, eligibilityPurgeLimits } from '../../eligibility/purge.ts';
import { UsageError } from '../../errors.ts';
import { applyPurge, DEFAULT_PURGE, planPurge } from '../../sources/purge.ts';
import { parseAsOf } from '../options.ts';
import type { Output } from '../output.ts';

function positive(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} « ${v} » : nombre entier positif attendu`);
    return n;
  };
}

export function registerPurge(program: Command, out: Output) {
  program
    .command('purge')
    .description(
      'supprime les extraits, décisions et événements de vie plus anciens que la durée de conservation (données personnelles)',
    )
    .option(
      '--keep-snapshots <n>',
      'instantanés gardés par extrait, quel que soit leur âge',
      positive('--keep-snapshots'),
      DEFAULT_PURGE.keepSnapshots,
    )
    .option(
      '--retention-months <n>',
      'au-delà, les autres instantanés sont supprimés',
      positive('--retention-months'),
      DEFAULT_PURGE.retentionMonths,
    )
    .option(
      '--decisions-months <n>',
      "au-delà, les décisions (sauf celles d'un courrier ou d'un dossier), leurs situations et les événements de vie sont supprimés",
      positive('--decisions-months'),
      DEFAULT_PURGE.retentionMonths,
    )
    .option(
      '--quarantine-months <n>',
      'au-delà, les lignes brutes en quarantaine sont effacées',
      positive('--quarantine-months'),
      DEFAULT_PURGE.quarantineMonths,
    )
    .option('--today <date>', "date du jour (AAAA-MM-JJ), par défaut aujourd'hui", parseAsOf)
    .option('--dry-run', 'affiche ce qui serait supprimé, sans rien supprimer')
    .option('--json', 'résultat en une ligne JSON')
    .action(
      async (o: {
        keepSnapshots: number;
        retentionMonths: number;
        quarantineMonths: number;
        decisionsMonths: number;
        today?: string;
        dryRun?: boolean;
        json?: boolean;
      }) => {
        const db = await openDatabase(dbConfigFromEnv());
        try {
          const today = o.today ?? new Date().toISOString().slice(0, 10);
          const plan = await planPurge(
            db,
            {
              keepSnapshots: o.keepSnapshots,
              retentionMonths: o.retentionMonths,
              quarantineMonths: o.quarantineMonths,
            },
            today,
          );
          const done = o.dryRun ? null : await applyPurge(db, plan);
          const limits = eligibilityPurgeLimits(today, o.decisionsMonths);
          const eligibility = o.dryRun
            ? await countEligibilityPurge(db.kysely, limits)
            : await applyEligibilityPurge(db, limits);
          if (o.json)
            out.json({
              dryRun: Boolean(o.dryRun),
              files: plan.files.map((f) => f.fileName),
              ...(done ?? {}),
              ...eligibility,
            });
          else {
            for (const f of plan.files)
              out.line(`${o.dryRun ? 'à supprimer' : 'supprimé'} : ${f.fileName} (extrait du ${f.extractedOn})`);
            out.line(
              done
                ? `${done.files} instantané(s) supprimé(s), ${done.rows} ligne(s) ; ${done.persons} personne(s) et ${done.personValues} valeur(s) d'état civil qui n'en venaient que d'eux, ${done.identityConflicts} conflit(s) d'identité ; ${done.quarantineBlanked} ligne(s) brute(s) de quarantaine effacée(s)`
                : `${plan.files.length} instantané(s) seraient supprimés (--dry-run : rien n'a été supprimé)`,
            );
            out.line(
              `${eligibility.decisions} décision(s), ${eligibility.situations} situation(s) et ${eligibility.lifeEvents} événement(s) de vie ${o.dryRun ? 'seraient supprimés' : 'supprimés'} (avant ${limits.beforePeriod})`,
            );
          }
        } finally {
          await db.close();
        }
      },
    );
}
