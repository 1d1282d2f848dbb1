import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { dbConfigFromEnv, openDatabase } from '../../db/open.ts';
import { EXCLUSION_LABELS } from '../../eligibility/evaluate.ts';
import { UsageError } from '../../errors.ts';
import type { ExclusionReason } from '../../model.ts';
import { extractFilesIn, type RunSummary, runPipeline } from '../../pipeline.ts';
import { RIGHTS } from '../../rules/registry.ts';
import type { RightDefinition } from '../../rules/right.ts';
import { inboxFiles } from '../../sources/inbox.ts';
import { EXIT } from '../exit-codes.ts';
import { parseAsOf, parseRate } from '../options.ts';
import type { Output } from '../output.ts';

type RightId = RightDefinition['id'];

/** `--right rsa,ppa` or `--right all`. */
export function parseRights(v: string): RightId[] {
  const ids = v === 'all' ? Object.keys(RIGHTS) : v.split(',').map((x) => x.trim().toLowerCase());
  for (const id of ids)
    if (!(id in RIGHTS))
      throw new UsageError(`--right « ${id} » : droits connus ${Object.keys(RIGHTS).join(', ')} (ou all)`);
  return ids as RightId[];
}

export const DEMO_FIXTURES = resolve(import.meta.dirname, '../../../fixtures/demo');

function printSummary(out: Output, s: RunSummary) {
  out.line(`proactif run — ${s.rights.map((r) => r.toUpperCase()).join(', ')}, droits au ${s.asOf}`);
  const imported = s.imports.filter((i) => i.status === 'imported').length;
  out.line(`  fichiers importés          ${imported} (${s.imports.length - imported} déjà importés)`);
  out.line(`  lignes rejetées            ${s.rejectedRows}`);
  for (const r of s.imports) if (r.status === 'refused') out.line(`  FICHIER REFUSÉ : ${r.reason}`);
  out.line(`  foyers connus              ${s.households}`);
  out.line(`  événements de vie          ${s.lifeEvents} (${s.lifeEventsNew} nouveaux)`);
  out.line(
    `  foyers évalués             ${s.evaluated}${Object.values(s.byRight).every((r) => r.full) ? ' (tous)' : ' (ceux touchés par un événement depuis la dernière exécution ; --full pour tous)'}`,
  );
  out.line(`  éligibles                  ${s.eligible}`);
  for (const [k, n] of Object.entries(s.excluded) as [ExclusionReason, number][])
    if (k !== 'decede') out.line(`    exclus : ${EXCLUSION_LABELS[k].padEnd(38)} ${n}`);
  out.line(`  exclus : ${EXCLUSION_LABELS.decede.padEnd(40)} ${s.excluded.decede}`);
  out.line(`  non éligibles              ${s.notEligible}`);
  out.line(`  indéterminés               ${s.undetermined}`);
  out.line(`  décisions enregistrées     ${s.decisionsRecorded}`);
  out.line(`  notifications en attente   ${s.notificationsQueued}`);
  out.line(`  dossiers pré-remplis       ${s.dossiersWritten}`);
  if (s.rights.length > 1)
    for (const [id, r] of Object.entries(s.byRight))
      out.line(
        `  ${id.toUpperCase().padEnd(5)} éligibles ${r.eligible}, déjà bénéficiaires ${r.excluded.deja_beneficiaire}, sans contact ${r.excluded.sans_canal_de_contact}, non éligibles ${r.notEligible}, indéterminés ${r.undetermined}, notifications ${r.notificationsQueued}`,
      );
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
    .option(
      '--right <droits>',
      'droits à évaluer : rsa, ppa, c2s, aspa, ars, séparés par des virgules, ou all',
      parseRights,
      ['rsa'],
    )
    .option(
      '--full',
      'évalue tous les foyers, pas seulement ceux touchés par un événement de vie depuis la dernière exécution',
    )
    .option('--json', 'résumé en une ligne JSON')
    .action(
      async (o: {
        asOf: string;
        inbox: string;
        out: string;
        maxRejectRate: number;
        right: RightId[];
        full?: boolean;
        json?: boolean;
      }) => {
        const db = await openDatabase(dbConfigFromEnv());
        try {
          const files = await extractFilesIn(o.inbox);
          const others = (await inboxFiles(o.inbox)).filter((f) => !files.includes(f)).map((f) => basename(f));
          if (others.length && !o.json)
            out.info(`fichiers ignorés, nom non reconnu comme extrait : ${others.join(', ')}`);
          const summary = await runPipeline(db, {
            asOf: o.asOf,
            files,
            outDir: o.out,
            maxRejectRate: o.maxRejectRate,
            rights: o.right,
            full: Boolean(o.full),
            log: o.json ? () => {} : (l) => out.info(l),
          });
          const excluded = Object.values(summary.excluded).reduce((t, n) => t + n, 0);
          if (o.json) out.json({ ...summary, excluded, excludedByReason: summary.excluded });
          else printSummary(out, summary);
          if (summary.refusedFiles > 0) out.setExitCode(EXIT.failure);
          else if (summary.rejectedRows > 0) out.setExitCode(EXIT.rejectedRows);
        } finally {
          await db.close();
        }
      },
    );
}
