import { UsageError } from '../errors.ts';

/** `--as-of AAAA-MM-JJ`: a real calendar date. */
export function parseAsOf(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new UsageError(`--as-of « ${value} » : date attendue au format AAAA-MM-JJ (par exemple 2025-09-01)`);
  return value;
}

export function parseRate(value: string): number {
  const v = Number(value.replace(',', '.').replace(/%$/, ''));
  if (!Number.isFinite(v) || v < 0 || v > 100)
    throw new UsageError(`--max-reject-rate « ${value} » : pourcentage attendu entre 0 et 100`);
  return v / 100;
}
