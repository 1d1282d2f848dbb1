import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, dbConfigFromEnv, openDatabase } from '../src/db/open.ts';
import { extractFilesIn, runEligibilities } from '../src/pipeline.ts';
import { addMonths, monthOf } from '../src/rules/dates.ts';
import { importFiles } from '../src/sources/inbox.ts';
import { benchArgs, generateInChild, peakRssMb } from './args.ts';
import { cpuMeter } from './cpu.ts';
import { benchDatabase } from './database.ts';

/**
 * Eligibility speed and memory: `npm run bench -- eligibility --households N [--dialect pg|pglite]`.
 * Generates and imports N households (timed: importSeconds), then evaluates every household for
 * every right and records the decisions (evaluateSeconds), as a first full run does.
 *
 * The import runs in a child process (as `proactif import` would, before `proactif eligibility`),
 * so that `peakRssMb` is the evaluation's own peak; the import's is `importPeakRssMb`.
 *
 * `--next-month`: then, as the nightly run the month after, the same households' monthly
 * extracts one month later (CAF, GIP-MDS, payers; DGFiP's are yearly and not sent again) are
 * imported and only the households touched by a life event since are evaluated (`nextMonth` in
 * the JSON line; `peakRssMb` is then the peak of both runs).
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
    const imported = importInChild(join(dir, 'extraits'), target.env);
    rmSync(join(dir, 'extraits'), { recursive: true, force: true });
    const db = await target.open();
    const first = await timedRun(db, asOf, true);
    const perRight = first.perRight;
    const evaluated = first.households;
    const evaluateSeconds = first.seconds;
    let nextMonth: Record<string, unknown> | undefined;
    if (a['next-month'] === 'true') {
      const next = `${addMonths(monthOf(asOf), 1)}-01`;
      const nextDir = join(dir, 'extraits-2');
      generateInChild(households, next, nextDir);
      for (const f of readdirSync(nextDir)) if (f.startsWith('dgfip_')) rmSync(join(nextDir, f));
      await target.release();
      const importedNext = importInChild(nextDir, target.env);
      rmSync(nextDir, { recursive: true, force: true });
      const again = await timedRun(await target.open(), next, false);
      nextMonth = {
        asOf: next,
        rows: importedNext.rows,
        importSeconds: importedNext.importSeconds,
        lifeEvents: again.lifeEvents,
        evaluateSeconds: Math.round(again.seconds * 1000) / 1000,
        ...again.cpu,
        perRight: again.perRight,
      };
    }
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
        ...first.cpu,
        perRight,
        ...(nextMonth ? { nextMonth } : {}),
      })}\n`,
    );
  } finally {
    await target.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports the extracts of `dir` in a child process (the import's memory is not this process's). */
function importInChild(dir: string, env: Record<string, string>) {
  const child = spawnSync(
    process.execPath,
    [new URL('../bin/bench.js', import.meta.url).pathname, 'eligibility', '--phase', 'import', '--dir', dir],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  );
  if (child.status !== 0) throw new Error(`import : code ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as {
    importSeconds: number;
    peakRssMb: number;
    rows: number;
  };
}

/** One run of every right (`full`: every household; else those touched by a life event), timed. */
async function timedRun(db: Db, asOf: string, full: boolean) {
  const perRight: Record<string, { households: number; eligible: number }> = {};
  const cpu = await cpuMeter(db);
  const e0 = performance.now();
  const results = await runEligibilities(db, { asOf, rights: ['rsa', 'ppa', 'c2s', 'aspa', 'ars'], full });
  const seconds = (performance.now() - e0) / 1000;
  const used = await cpu.stop();
  let households = 0;
  for (const r of results) {
    households = Math.max(households, r.funnel.households);
    perRight[r.right] = { households: r.funnel.households, eligible: r.funnel.eligible };
    process.stdout.write(
      `${asOf} ${r.right.padEnd(5)} ${r.funnel.households} foyers, ${r.funnel.eligible} éligibles\n`,
    );
  }
  // Cores kept busy on average: this process's CPU time and the server's, over the run's time.
  const coresBusy =
    used.serverCpuSeconds === null
      ? null
      : Math.round(((used.processCpuSeconds + used.serverCpuSeconds) / seconds) * 100) / 100;
  return { perRight, households, seconds, lifeEvents: results[0]?.lifeEvents ?? 0, cpu: { ...used, coresBusy } };
}

/** The bench's database, for this process (`open`) and for the import child (`env`). */
async function benchTarget(dialect: string, dir: string) {
  if (dialect === 'pg') {
    const { db, url, dispose } = await benchDatabase('pg');
    return { env: { DATABASE_URL: url as string }, open: async () => db, release: async () => {}, dispose };
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
    /** Closes this process's handle, for a child to import. */
    release: async () => {
      await db?.close();
      db = null;
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
