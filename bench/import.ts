import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../src/db/open.ts';
import { extractFilesIn } from '../src/pipeline.ts';
import { importFiles } from '../src/sources/inbox.ts';
import { benchArgs, generateInChild, peakRssMb, sampleRss } from './args.ts';
import { benchDatabase } from './database.ts';

/**
 * Import speed and memory: `npm run bench -- import --households N [--dialect pg|pglite]`.
 * Generates the extracts of N households, imports them with proactif (parse, validate, COPY,
 * dedupe, one transaction per file), then, in the same run, COPYs the same files raw into
 * untyped tables: the floor no importer can beat.
 */
export async function main(argv: string[]) {
  const a = benchArgs(argv);
  const households = Number(a.households ?? 10_000);
  const dialect = a.dialect ?? 'pglite';
  const asOf = a['as-of'] ?? '2025-09-01';
  // `--fixtures DIR` keeps the generated extracts there and reuses them on the next run (a
  // million households take minutes to generate); the files are only read.
  const cached = a.fixtures;
  const dir = cached ?? mkdtempSync(join(tmpdir(), 'proactif-bench-import-'));
  const complete = join(dir, '.complete');
  const { db, dispose } = await benchDatabase(dialect);
  try {
    let generateSeconds = 0;
    if (!cached || !existsSync(complete)) {
      if (cached) mkdirSync(dir, { recursive: true });
      generateSeconds = generateInChild(households, asOf, dir);
      if (cached) writeFileSync(complete, `${households} ${asOf}\n`);
    }
    const files = await extractFilesIn(dir);
    const perExtract: Record<string, { rows: number; seconds: number; rowsPerSecond: number }> = {};
    let rows = 0;
    const setupPeakRssMb = peakRssMb();
    const sampler = sampleRss();
    const t0 = performance.now();
    // As `proactif import` does: files of different extracts overlap (seconds per file overlap too).
    const outcomes = await importFiles(db, files, {
      maxRejectRate: 1,
      onFileDone: (r, seconds) => {
        const n = r.status === 'imported' ? r.read : 0;
        rows += n;
        // One entry per extract; files of the same extract (this year's and last year's DGFiP
        // notices) add up, rather than the last one hiding the others.
        const key = r.file.replace(/_\d{8}.*$/, '');
        const prev = perExtract[key] ?? { rows: 0, seconds: 0, rowsPerSecond: 0 };
        const total = { rows: prev.rows + n, seconds: prev.seconds + seconds };
        perExtract[key] = {
          rows: total.rows,
          seconds: round(total.seconds),
          rowsPerSecond: Math.round(total.rows / total.seconds),
        };
        process.stdout.write(
          `${r.file.padEnd(40)} ${String(n).padStart(9)} lignes ${seconds.toFixed(2).padStart(8)} s ${String(Math.round(n / seconds)).padStart(9)} lignes/s\n`,
        );
      },
    });
    for (const r of outcomes) if (r.status !== 'imported') throw new Error(`${r.file} : ${r.status}, ${r.reason}`);
    const importSeconds = (performance.now() - t0) / 1000;
    const importPeakRssMb = sampler.stop();
    const rssAfterImport = peakRssMb();
    const r0 = performance.now();
    for (const f of files) await rawCopy(db, f);
    const rawCopySeconds = (performance.now() - r0) / 1000;
    process.stdout.write(
      `import ${importSeconds.toFixed(2)} s, COPY brut ${rawCopySeconds.toFixed(2)} s (×${(importSeconds / rawCopySeconds).toFixed(2)}), pic mémoire ${rssAfterImport} Mo (avant l'import ${setupPeakRssMb} Mo, pendant l'import ${importPeakRssMb} Mo)\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        bench: 'import',
        dialect,
        households,
        rows,
        generateSeconds: round(generateSeconds),
        importSeconds: round(importSeconds),
        rowsPerSecond: Math.round(rows / importSeconds),
        rawCopySeconds: round(rawCopySeconds),
        ratioToRawCopy: round(importSeconds / rawCopySeconds),
        peakRssMb: rssAfterImport,
        setupPeakRssMb,
        importPeakRssMb,
        perExtract,
      })}\n`,
    );
  } finally {
    await dispose();
    if (!cached) rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** COPY of a file's lines, untouched, into a one-column untyped table (CSV header skipped). */
async function rawCopy(db: Db, file: string) {
  const table = `raw_${basename(file)
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()}`.slice(0, 60);
  await sql.raw(`create unlogged table if not exists ${table} (line text)`).execute(db.kysely);
  // A delimiter and quote that never occur: each line lands whole in the one column.
  await db.copyFile(
    table,
    ['line'],
    file,
    `format csv, delimiter E'\\x01', quote E'\\x02'${file.endsWith('.csv') ? ', header true' : ''}`,
  );
}
