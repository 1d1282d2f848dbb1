import { type Period, periodMonths } from './period.ts';
import { toNumber } from './values.ts';

/** One value of a variable for one period, as written in a test. */
export interface Entry {
  readonly period: Period;
  readonly value: unknown;
}
export type Series = readonly Entry[];

export class SeriesError extends Error {}

const WEIGHT = { month: 200, year: 300, eternity: 400 } as const;

/**
 * OpenFisca sets inputs smallest periods first (months before years), so that a yearly value
 * is spread over the months not already given.
 */
function bySize(series: Series): Entry[] {
  return [...series].sort((a, b) => WEIGHT[a.period.unit] - WEIGHT[b.period.unit] || a.period.size - b.period.size);
}

/**
 * A monthly amount variable (`salaire_net`, `aide_logement`…): a month value applies to that
 * month; a value for a longer period is divided among its months not already given (the
 * remainder after the given months, as OpenFisca's `set_input_divide_by_period`).
 */
export function monthlyAmounts(series: Series, variable: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of bySize(series)) {
    if (e.period.unit === 'eternity') throw new SeriesError(`${variable} : période « eternity » inattendue`);
    const v = toNumber(e.value);
    if (v === null) throw new SeriesError(`${variable} : montant illisible « ${String(e.value)} »`);
    const months = periodMonths(e.period);
    let remaining = v;
    const unknown: string[] = [];
    for (const m of months) {
      const known = out.get(m);
      if (known === undefined) unknown.push(m);
      else remaining -= known;
    }
    for (const m of unknown) out.set(m, remaining / unknown.length);
  }
  return out;
}

/**
 * A monthly flag or enum (`enceinte`, `statut_occupation_logement`…): a value for a longer
 * period is copied to each of its months not already given (`set_input_dispatch_by_period`).
 */
export function monthlyValues(series: Series, variable: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of bySize(series)) {
    if (e.period.unit === 'eternity') throw new SeriesError(`${variable} : période « eternity » inattendue`);
    for (const m of periodMonths(e.period)) if (!out.has(m)) out.set(m, e.value);
  }
  return out;
}

/** A yearly variable (`rfr`): one value per calendar year. */
export function yearlyValues(series: Series, variable: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of series) {
    const p = e.period;
    if (p.unit !== 'year' || p.size !== 1 || !p.start.endsWith('-01'))
      throw new SeriesError(`${variable} : variable annuelle donnée pour une période non annuelle`);
    out.set(p.start.slice(0, 4), e.value);
  }
  return out;
}

/** A timeless variable (`date_naissance`): the value, whatever period it is written for. */
export function eternalValue(series: Series): unknown {
  return series[0]?.value;
}

/** The months of the series' periods (for "is this month given?"). */
export function coveredMonths(series: Series): Set<string> {
  const out = new Set<string>();
  for (const e of series) for (const m of periodMonths(e.period)) out.add(m);
  return out;
}
