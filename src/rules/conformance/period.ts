import { addMonths } from '../dates.ts';

/**
 * OpenFisca periods as they appear in the YAML tests: `2024` (a year, also as a YAML number),
 * `2018-05` (a month), `month:2014-11`, `year:2014`, and the sized forms `year:2012:3` (three
 * years from January 2012), `year:2015-01` (twelve months from January 2015),
 * `month:2021-01:36` (thirty-six months). `eternity` is the period of timeless variables.
 */
export interface Period {
  readonly unit: 'month' | 'year' | 'eternity';
  /** First month `YYYY-MM` (empty for eternity). */
  readonly start: string;
  /** Number of units. */
  readonly size: number;
}

export class PeriodError extends Error {}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

function startOf(s: string, raw: string): string {
  if (YEAR.test(s)) return `${s}-01`;
  if (MONTH.test(s)) return s;
  throw new PeriodError(`période illisible « ${raw} »`);
}

export function parsePeriod(raw: string | number): Period {
  const text = String(raw).trim();
  if (/^eternity$/i.test(text)) return { unit: 'eternity', start: '', size: 1 };
  if (YEAR.test(text)) return { unit: 'year', start: `${text}-01`, size: 1 };
  if (MONTH.test(text)) return { unit: 'month', start: text, size: 1 };
  const m = /^(month|year):([0-9-]+)(?::(\d+))?$/.exec(text);
  if (!m) throw new PeriodError(`période illisible « ${text} »`);
  const unit = m[1] as 'month' | 'year';
  const size = m[3] === undefined ? 1 : Number(m[3]);
  if (size < 1) throw new PeriodError(`période illisible « ${text} »`);
  const start = startOf(m[2] as string, text);
  // `month:2014` is not a period OpenFisca accepts.
  if (unit === 'month' && YEAR.test(m[2] as string)) throw new PeriodError(`période illisible « ${text} »`);
  return { unit, start, size };
}

/** How many months a period covers (0 for eternity). */
export function monthCount(p: Period): number {
  if (p.unit === 'eternity') return 0;
  return p.unit === 'year' ? 12 * p.size : p.size;
}

/** The months `YYYY-MM` a period covers, in order. */
export function periodMonths(p: Period): string[] {
  return Array.from({ length: monthCount(p) }, (_, i) => addMonths(p.start, i));
}

/** A calendar year (`year:2024`, or `2024`). */
export function isCalendarYear(p: Period): boolean {
  return p.unit === 'year' && p.size === 1 && p.start.endsWith('-01');
}

export function isSingleMonth(p: Period): boolean {
  return p.unit === 'month' && p.size === 1;
}

/** The shortest text for a period: `2024`, `2024-05`, else the explicit form. */
export function formatPeriod(p: Period): string {
  if (p.unit === 'eternity') return 'eternity';
  if (isCalendarYear(p)) return p.start.slice(0, 4);
  if (isSingleMonth(p)) return p.start;
  return `${p.unit}:${p.start}:${p.size}`;
}

/** First year of a period (eternity: 0). */
export function yearOf(p: Period): number {
  return p.unit === 'eternity' ? 0 : Number(p.start.slice(0, 4));
}
