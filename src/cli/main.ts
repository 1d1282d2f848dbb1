import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerConformance } from './commands/conformance.ts';
import { registerDb } from './commands/db.ts';
import { registerEligibility } from './commands/eligibility.ts';
import { registerExplain } from './commands/explain.ts';
import { registerFixtures } from './commands/fixtures.ts';
import { registerImport } from './commands/import.ts';
import { registerOpposition } from './commands/opposition.ts';
import { registerPersons } from './commands/persons.ts';
import { registerPurge } from './commands/purge.ts';
import { registerRun } from './commands/run.ts';
import { describeError, EXIT } from './exit-codes.ts';
import { type Output, processOutput } from './output.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Builds the `proactif` command line (messages in French, for operators). */
export function buildProgram(out: Output): Command {
  const program = new Command('proactif')
    .description(
      'Administration proactive : repérer les droits non demandés, prévenir les personnes, pré-remplir leur demande.',
    )
    .version(pkg.version, '-V, --version', 'affiche la version')
    .helpOption('-h, --help', "affiche l'aide")
    .exitOverride()
    .configureOutput({ writeErr: (s) => out.error(s.trimEnd()) });
  registerDb(program, out);
  registerImport(program, out);
  registerRun(program, out);
  registerFixtures(program, out);
  registerEligibility(program, out);
  registerExplain(program, out);
  registerOpposition(program, out);
  registerPersons(program, out);
  registerPurge(program, out);
  registerConformance(program, out);
  program.commands.forEach((c) => {
    c.exitOverride();
  });
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const out = processOutput();
  try {
    await buildProgram(out).parseAsync(argv, { from: 'user' });
    return out.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { code, message } = describeError(e);
    if (message) out.error(`proactif : ${message}`);
    if (process.env.PROACTIF_DEBUG) out.error(String((e as Error).stack));
    return code;
  }
}
