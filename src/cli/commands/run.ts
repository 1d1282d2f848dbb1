import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../../pipeline.ts';
import { EXIT } from '../exit-codes.ts';
import { parseAsOf, parseRate } from '../options.ts';
import type { Output } from '../output.ts';

export const DEMO_FIXTURES = resolve(import.meta.dirname, '../../../fixtures/demo');

function printSummary(out: Output, s: RunSummary) {
  out.line(`proactif run — RSA, droits au ${s.asOf}`);
  const imported = s.imports.filter((i) => i.status === 'imported').length;
  out.line(`  fichiers importés          ${imported} (${s.imports.length - imported} déjà importés)`);
  out.line(`  lignes rejetées            ${s.rejectedRows}`);
  out.line(`  foyers lus                 ${s.households}`);
  out.line(`  éligibles                  ${s.eligible}`);
  out.line(`    exclus : déjà bénéficiaires      ${s.excluded.deja_beneficiaire}`);
  out.line(`    exclus : aucun moyen de contact  ${s.excluded.sans_canal_de_contact} (suivi manuel)`);
  out.line(`  non éligibles              ${s.notEligible}`);
  out.line(`  indéterminés               ${s.undetermined}`);
  out.line(`  décisions enregistrées     ${s.decisionsRecorded}`);
  out.line(`  notifications en attente   ${s.notificationsQueued}`);
  out.line(`  dossiers pré-remplis       ${s.dossiersWritten}`);
}

export function registerRun(program: Command, out: Output) {
  program
    .command('run')
    .description(
      'importe les extraits, calcule le RSA, met en file les notifications et écrit les dossiers pré-remplis',
    )
    .requiredOption('--as-of <date>', 'date de référence (AAAA-MM-JJ) : le mois de la demande', parseAsOf)
    .option(
      '--inbox <dossier>',
      'dossier des extraits à importer (par défaut : les données de démonstration)',
      DEMO_FIXTURES,
    )
    .option('--out <dossier>', 'dossier de sortie des dossiers pré-remplis', 'out')
    .option('--max-reject-rate <pourcent>', 'au-delà, un fichier est refusé en entier', parseRate, 0.01)
    .option('--json', 'résumé en une ligne JSON')
    .action(async (o: { asOf: string; inbox: string; out: string; maxRejectRate: number; json?: boolean }) => {
      const db = await openDatabase(dbConfigFromEnv());
      try {
        const files = await extractFilesIn(o.inbox);
        const summary = await runPipeline(db, {
          asOf: o.asOf,
          files,
          outDir: o.out,
          maxRejectRate: o.maxRejectRate,
          log: o.json ? () => {} : (l) => out.info(l),
        });
        const excluded = summary.excluded.deja_beneficiaire + summary.excluded.sans_canal_de_contact;
        if (o.json) out.json({ ...summary, excluded, excludedByReason: summary.excluded });
        else printSummary(out, summary);
        if (summary.rejectedRows > 0) out.setExitCode(EXIT.rejectedRows);
      } finally {
        await db.close();
      }
    });
}
