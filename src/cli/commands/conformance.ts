import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { loadCorpus } from '../../rules/conformance/loader.ts';
import { RIGHT_IDS, type RightId } from '../../rules/conformance/mapper.ts';
import { readBaseline, regressions, summarize, textReport, writeBaseline } from '../../rules/conformance/report.ts';
import { type RunFilters, runTests } from '../../rules/conformance/runner.ts';
import { EXIT } from '../exit-codes.ts';
import type { Output } from '../output.ts';

/** The OpenFisca test corpus next to the repository, when present. */
export const DEFAULT_CONFORMANCE_DIR = resolve(import.meta.dirname, '../../../../shared/conformance/openfisca');

function parseRight(value: string): RightId {
  if (!(RIGHT_IDS as readonly string[]).includes(value))
    throw new UsageError(`--right « ${value} » : droit attendu parmi ${RIGHT_IDS.join(', ')}`);
  return value as RightId;
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--since « ${value} » : année attendue (par exemple 2022)`);
  return Number(value);
}

interface ConformanceOptions {
  right?: RightId;
  since?: number;
  baseline?: string;
  writeBaseline?: string;
  details?: boolean;
  json?: boolean;
}

export function registerConformance(program: Command, out: Output) {
  program
    .command('conformance')
    .description(
      "compare les droits calculés aux cas de test d'OpenFisca-France (fichiers YAML lus dans le dossier, jamais copiés)",
    )
    .argument('[dossier]', 'dossier des tests YAML OpenFisca', DEFAULT_CONFORMANCE_DIR)
    .option('--right <droit>', `un seul droit : ${RIGHT_IDS.join(', ')}`, parseRight)
    .option('--since <année>', 'seulement les périodes à partir de cette année', parseYear)
    .option(
      '--baseline <fichier>',
      "code de sortie 1 si un cas réussi dans cette référence échoue ou n'est plus exécuté",
    )
    .option('--write-baseline <fichier>', 'écrit la liste des cas réussis (référence pour --baseline)')
    .option('--details', 'liste aussi chaque test ignoré et son motif')
    .option('--json', 'rapport en une ligne JSON')
    .action(async (dirArg: string, o: ConformanceOptions) => {
      const given = resolve(dirArg);
      if (!existsSync(given) || !statSync(given).isDirectory())
        throw new UsageError(`dossier de tests OpenFisca introuvable : ${given}`);
      // The shared folder holds the tests under openfisca/ next to the parameter files
      // (parameters/, not tests): given the folder itself, read its tests only.
      const tests = join(given, 'openfisca');
      const dir =
        existsSync(join(given, 'parameters')) && existsSync(tests) && statSync(tests).isDirectory() ? tests : given;
      const filters: RunFilters = {
        ...(o.right ? { right: o.right } : {}),
        ...(o.since !== undefined ? { since: o.since } : {}),
      };
      const corpus = loadCorpus(dir);
      const checks = await runTests(corpus.tests, undefined, filters);
      const baseline = o.baseline ? readBaseline(resolve(o.baseline)) : null;
      const lost = baseline ? regressions(baseline, checks, filters) : [];

      if (o.json) out.json(summarize(checks));
      else
        for (const l of textReport({
          dir,
          files: corpus.files,
          tests: corpus.tests.length,
          problems: corpus.problems,
          checks,
          filters,
          details: o.details === true,
        }))
          out.line(l);

      const say = o.json ? (s: string) => out.info(s) : (s: string) => out.line(s);
      if (baseline && o.baseline) {
        say('');
        say(
          `Référence ${o.baseline} : ${baseline.passing.length} cas réussis attendus, ${lost.length} régression${lost.length > 1 ? 's' : ''}.`,
        );
        for (const r of lost) say(`  ${r.id} : ${r.detail}`);
        if (lost.length > 0) out.setExitCode(EXIT.failure);
      }
      if (o.writeBaseline) {
        const n = writeBaseline(resolve(o.writeBaseline), checks);
        say('');
        say(`Référence écrite : ${o.writeBaseline} (${n} cas réussis).`);
      }
    });
}
