import type { Command } from 'commander';
import { writeBadInputs } from '../../../fixtures/generator/bad-inputs.ts';
import { generateFixtures } from '../../../fixtures/generator/generate.ts';
import { UsageError } from '../../errors.ts';
import { parseAsOf } from '../options.ts';
import type { Output } from '../output.ts';

function parseHouseholds(value: string): number {
  const n = Number(value.replace(/[\s_]/g, ''));
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
    throw new UsageError(
      `--households « ${value} » : nombre entier de foyers attendu (1 à 10 000 000 : les numéros d'allocataire ont 7 chiffres)`,
    );
  return n;
}

/** The legal parameters the generator reads are known from 2017; the NIR century is not encoded beyond. */
function parseGeneratorAsOf(value: string): string {
  const d = parseAsOf(value);
  if (d < '2017-01-01' || d > '2099-12-31')
    throw new UsageError(`--as-of « ${value} » : date entre 2017-01-01 et 2099-12-31 attendue pour le générateur`);
  return d;
}

const mo = (bytes: number) => `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} Mo`;

export function registerFixtures(program: Command, out: Output) {
  const fixtures = program.command('fixtures').description('données fictives pour les essais et les mesures');
  fixtures
    .command('generate')
    .description(
      'génère N foyers fictifs cohérents dans les formats des extraits (CAF, DGFiP, GIP-MDS, payeurs) ; même graine, mêmes fichiers',
    )
    .requiredOption('--households <n>', 'nombre de foyers', parseHouseholds)
    .option(
      '--seed <graine>',
      'graine du tirage (même graine et même date : fichiers identiques octet pour octet)',
      '1',
    )
    .option(
      '--as-of <date>',
      'date de référence AAAA-MM-JJ ; les extraits mensuels sont datés de la veille',
      parseGeneratorAsOf,
      '2025-09-01',
    )
    .requiredOption('--out <dossier>', 'dossier où écrire les extraits')
    .option('--gzip', 'écrit des fichiers compressés (.gz)')
    .option(
      '--bad-inputs',
      'écrit aussi, dans <dossier>/bad/, un fichier par défaut connu des extraits (voir bad/README.md)',
    )
    .option('--json', 'dernière ligne de la sortie : un objet JSON (fichiers écrits et nombre de lignes)')
    .action(
      async (o: {
        households: number;
        seed: string;
        asOf: string;
        out: string;
        gzip?: boolean;
        badInputs?: boolean;
        json?: boolean;
      }) => {
        const started = Date.now();
        const result = await generateFixtures({
          households: o.households,
          seed: o.seed,
          asOf: o.asOf,
          outDir: o.out,
          gzip: o.gzip === true,
          log: (l) => out.info(l),
        });
        const bad = o.badInputs ? await writeBadInputs(o.out, { seed: o.seed, asOf: o.asOf }) : null;
        const seconds = (Date.now() - started) / 1000;
        if (o.json) {
          out.json({
            outDir: result.outDir,
            seed: result.seed,
            asOf: result.asOf,
            households: result.households,
            seconds,
            files: result.files,
            expected: result.expected,
            ...(bad ? { badInputs: bad.map((b) => ({ dir: b.dir, files: b.files, handling: b.handling })) } : {}),
          });
          return;
        }
        out.line(
          `proactif fixtures generate — ${result.households} foyers, graine « ${result.seed} », au ${result.asOf}`,
        );
        for (const f of result.files)
          out.line(`  ${f.file.padEnd(40)} ${String(f.rows).padStart(12)} lignes  ${mo(f.bytes).padStart(11)}`);
        const e = result.expected;
        out.line(`  attendu de « proactif run --as-of ${result.asOf} » (RSA) :`);
        out.line(
          `    situations ${e.households}, éligibles ${e.eligible} (dont déjà bénéficiaires ${e.excluded.deja_beneficiaire},`,
        );
        out.line(
          `    sans moyen de contact ${e.excluded.sans_canal_de_contact}), notifications ${e.notificationsQueued}, indéterminées ${e.undetermined}`,
        );
        if (bad) out.line(`  ${bad.length} cas de fichiers défectueux dans ${o.out}/bad/ (voir bad/README.md)`);
        out.line(`  durée ${seconds.toFixed(1).replace('.', ',')} s`);
      },
    );
}
