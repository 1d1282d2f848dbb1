import { spawnSync } from 'node:child_process';

/** Reads `--name value` options of a benchmark. */
export function benchArgs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out[a.slice(2)] = next;
        i++;
      } else out[a.slice(2)] = 'true';
    }
  }
  return out;
}

/** Peak resident set size of this process, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * The highest RSS seen while a stage runs, sampled every 50 ms (a shorter spike can be missed):
 * `peakRssMb` is the process's maximum since it started, and on PGlite that is often the
 * creation of the database (initdb in WebAssembly: about 900 MB, then freed), not the stage.
 */
export function sampleRss(): { stop: () => number } {
  let max = process.memoryUsage.rss();
  const timer = setInterval(() => {
    max = Math.max(max, process.memoryUsage.rss());
  }, 50);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(max, process.memoryUsage.rss()) / 1048576);
    },
  };
}

/**
 * Generates the extracts of N households in a child process, so that the generator's memory
 * does not count in the peak RSS the benchmark reports for the stage it measures.
 */
export function generateInChild(households: number, asOf: string, outDir: string): number {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      new URL('../bin/proactif.js', import.meta.url).pathname,
      'fixtures',
      'generate',
      '--households',
      String(households),
      '--seed',
      'bench',
      '--as-of',
      asOf,
      '--out',
      outDir,
      '--json',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
  );
  if (r.status !== 0) throw new Error(`génération des extraits : code ${r.status}`);
  return (performance.now() - started) / 1000;
}
