import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, dbConfigFromEnv, openDatabase } from '../src/db/open.ts';
import { extractFilesIn, runEligibilities } from '../src/pipeline.ts';
import { importFiles } from '../src/sources/inbox.ts';
import { benchArgs, generateInChild, peakRssMb } from './args.ts';
import { benchDatabase } from './database.ts';

/**
 * Eligibility speed and memory: `npm run bench -- eligibility --households N [--dialect pg|pglite]`.
 * Generates and imports N households (timed: importSeconds), then evaluates every household for
 * every right and records the decisions (evaluateSeconds), as a first full run does.
 *
 * The import runs in a child process (as `proactif import` would, before `proactif eligibility`),
 * so that `peakRssMb` is the evaluation's own peak; the import's is `importPeakRssMb`.
 */
export async function main(argv: string[]) {
  const a = benchArgs(argv);
  if (a.phase === 'import') return importPhase(a.dir as string);
  const households = Number(a.households ?? 10_000);
  const dialect = a.dialect ?? 'pglite';
  const asOf = a['as-of'] ?? '2025-09-01';
  const dir = mkdtempSync(join(tmpdir(), 'proactif-bench-elig-'));
  const target = await benchTarget(dialect, dir);
  try {
    generateInChild(households, asOf, join(dir, 'extraits'));
    const child = spawnSync(
      process.execPath,
      [
        new URL('../bin/bench.js', import.meta.url).pathname,
        'eligibility',
        '--phase',
        'import',
        '--dir',
        join(dir, 'extraits'),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...target.env } },
    );
    if (child.status !== 0) throw new Error(`import : code ${child.status}`);
    const imported = JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as {
      importSeconds: number;
      peakRssMb: number;
      rows: number;
    };
    rmSync(join(dir, 'extraits'), { recursive: true, force: true });
    const db = await target.open();
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
        rows: imported.rows,
        importSeconds: imported.importSeconds,
        importPeakRssMb: imported.peakRssMb,
        evaluateSeconds: Math.round(evaluateSeconds * 1000) / 1000,
        householdsPerSecond: Math.round(evaluated / evaluateSeconds),
        evaluationsPerSecond: Math.round((evaluated * Object.keys(perRight).length) / evaluateSeconds),
        peakRssMb: peakRssMb(),
        perRight,
      })}\n`,
    );
  } finally {
    await target.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's database, for this process (`open`) and for the import child (`env`). */
async function benchTarget(dialect: string, dir: string) {
  if (dialect === 'pg') {
    const { db, url, dispose } = await benchDatabase('pg');
    return { env: { DATABASE_URL: url as string }, open: async () => db, dispose };
  }
  // PGlite: one process at a time on a folder; the child imports, then this process opens it.
  const dataDir = join(dir, 'db');
  let db: Db | null = null;
  return {
    env: { DATABASE_URL: '', PROACTIF_DATA_DIR: dataDir },
    open: async () => {
      db = await openDatabase({ dataDir });
      return db;
    },
    dispose: async () => {
      await db?.close();
    },
  };
}

/** The child: imports every extract of `dir` into the database of the environment. */
async function importPhase(dir: string) {
  const db = await openDatabase(dbConfigFromEnv());
  try {
    const i0 = performance.now();
    let rows = 0;
    // As `proactif import` does (on PostgreSQL, files of different extracts overlap).
    for (const r of await importFiles(db, await extractFilesIn(dir), { maxRejectRate: 1 }))
      if (r.status === 'imported') rows += r.read;
    const importSeconds = Math.round(((performance.now() - i0) / 1000) * 1000) / 1000;
    process.stdout.write(`${JSON.stringify({ importSeconds, rows, peakRssMb: peakRssMb() })}\n`);
  } finally {
    await db.close();
  }
}
