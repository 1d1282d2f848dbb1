import { UnknownParameterError } from '../../errors.ts';

/** One value of a legal parameter, in force from `from` (ISO date, inclusive) until the next one. */
export interface Dated<T> {
  readonly from: string;
  readonly value: T;
  /** The legal text that set this value (décret, arrêté, loi, circulaire…). */
  readonly ref: string;
}

/** A legal parameter: its name and its values sorted by effective date. */
export interface Series<T = number> {
  readonly name: string;
  readonly values: readonly Dated<T>[];
}

/** Declares a series; checks once that dates are valid ISO dates in increasing order. */
export function series<T>(name: string, values: readonly Dated<T>[]): Series<T> {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as Dated<T>;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.from)) throw new UnknownParameterError(`${name}: date « ${v.from} » invalide`);
    if (i > 0 && (values[i - 1] as Dated<T>).from >= v.from)
      throw new UnknownParameterError(`${name}: dates non croissantes autour de ${v.from}`);
  }
  return { name, values };
}

const cache = new WeakMap<Series<unknown>, Map<string, unknown>>();

/**
 * The value in force on `date` (ISO `YYYY-MM-DD`, or `YYYY-MM` meaning the 1st of the month).
 * A date before the first known value is an error, never a silent zero. Lookups are memoised
 * per series and date: rules ask the same few dates millions of times.
 */
export function valueAt<T>(s: Series<T>, date: string): T {
  let byDate = cache.get(s as Series<unknown>);
  if (byDate === undefined) {
    byDate = new Map();
    cache.set(s as Series<unknown>, byDate);
  }
  const hit = byDate.get(date);
  if (hit !== undefined || byDate.has(date)) return hit as T;
  const value = entryAt(s, date).value;
  if (byDate.size < 10_000) byDate.set(date, value);
  return value;
}

/** The dated entry (value and legal reference) in force on `date`. */
export function entryAt<T>(s: Series<T>, date: string): Dated<T> {
  const d = date.length === 7 ? `${date}-01` : date;
  for (let i = s.values.length - 1; i >= 0; i--) {
    const v = s.values[i] as Dated<T>;
    if (v.from <= d) return v;
  }
  throw new UnknownParameterError(
    `Paramètre ${s.name} : aucune valeur connue au ${d} (première valeur au ${s.values[0]?.from ?? '—'})`,
  );
}
