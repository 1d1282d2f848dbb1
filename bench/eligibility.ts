import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFilesIn, runEligibilities } from '../src/pipeline.ts';
import { importFile } from '../src/sources/import.ts';
import { benchArgs, generateInChild, peakRssMb } from './args.ts';
import { benchDatabase } from './database.ts';

/**
 * Eligibility speed and memory: `npm run bench -- eligibility --households N [--dialect pg|pglite]`.
 * Generates and imports N households (timed: importSeconds), then evaluates every household for
 * every right and records the decisions (evaluateSeconds), as a first full run does.
 */
export async function main(argv: string[]) {
  const a = benchArgs(argv);
  const households = Number(a.households ?? 10_000);
  const dialect = a.dialect ?? 'pglite';
  const asOf = a['as-of'] ?? '2025-09-01';
  const dir = mkdtempSync(join(tmpdir(), 'proactif-bench-elig-'));
  const { db, dispose } = await benchDatabase(dialect);
  try {
    generateInChild(households, asOf, dir);
    const i0 = performance.now();
    for (const f of await extractFilesIn(dir)) await importFile(db, f, { maxRejectRate: 1 });
    const importSeconds = (performance.now() - i0) / 1000;
    const perRight: Record<string, { households: number; eligible: number }> = {};
    const e0 = performance.now();
    const results = await runEligibilities(db, { asOf, rights: ['rsa', 'ppa', 'c2s', 'aspa', 'ars'], full: true });
    let evaluated = 0;
    for (const r of results) {
      evaluated = r.funnel.households;
      perRight[r.right] = { households: r.funnel.households, eligible: r.funnel.eligible };
      process.stdout.write(`${r.right.padEnd(5)} ${r.funnel.households} foyers, ${r.funnel.eligible} éligibles\n`);
    }
    const evaluateSeconds = (performance.now() - e0) / 1000;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'eligibility',
        dialect,
        households: evaluated,
        rights: Object.keys(perRight).length,
        importSeconds: Math.round(importSeconds * 1000) / 1000,
        evaluateSeconds: Math.round(evaluateSeconds * 1000) / 1000,
        householdsPerSecond: Math.round((evaluated * Object.keys(perRight).length) / evaluateSeconds),
        peakRssMb: peakRssMb(),
        perRight,
      })}\n`,
    );
  } finally {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
