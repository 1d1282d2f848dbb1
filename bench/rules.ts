import { existsSync } from 'node:fs';
import type { RightDefinition } from '../src/rules/right.ts';
import { benchArgs, peakRssMb } from './args.ts';
import { generateSituations } from './situations.ts';

/**
 * Household evaluations per second for each right, on one core, explanations included, on
 * generated situations. `npm run bench -- rules --households 200000 [--as-of 2025-09-01]`.
 */
export async function main(argv: string[]) {
  const a = benchArgs(argv);
  const n = Number(a.households ?? 100_000);
  const asOf = a['as-of'] ?? '2025-09-01';
  const situations = generateSituations(n, asOf, Number(a.seed ?? 1));
  const figures: Record<string, { evaluationsPerSecond: number; seconds: number; eligible: number }> = {};
  for (const id of ['rsa', 'ppa', 'c2s', 'aspa', 'ars']) {
    const file = new URL(`../src/rules/rights/${id}.ts`, import.meta.url);
    if (!existsSync(file)) continue;
    const right = (await import(file.href))[`${id}Right`] as RightDefinition;
    // Warm-up so that the JIT has compiled the hot paths before timing.
    for (let i = 0; i < Math.min(2000, n); i++) right.evaluate(situations[i] as never, asOf);
    let eligible = 0;
    const t0 = process.hrtime.bigint();
    for (const s of situations) if (right.evaluate(s, asOf).status === 'eligible') eligible++;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    figures[id] = { evaluationsPerSecond: Math.round(n / seconds), seconds: Number(seconds.toFixed(3)), eligible };
    process.stdout.write(
      `${id.padEnd(5)} ${String(figures[id].evaluationsPerSecond).padStart(9)} évaluations/s  (${eligible} éligibles sur ${n})\n`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({ bench: 'rules', households: n, asOf, rights: figures, peakRssMb: peakRssMb() })}\n`,
  );
}
