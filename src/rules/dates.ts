/** Month arithmetic on `YYYY-MM` strings and ages on ISO dates, without time zones. */

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** Months near a month, by offset (−24…24), computed once: the rules ask for them millions of times a run. */
const NEAR = 24;
const nearMonths = new Map<string, (string | undefined)[]>();

export function addMonths(month: string, n: number): string {
  if (n < -NEAR || n > NEAR || month.length !== 7) return computeAddMonths(month, n);
  let near = nearMonths.get(month);
  if (near === undefined) {
    // Bounded: a run reads a few dozen months; a long-lived process could see more.
    if (nearMonths.size > 5_000) nearMonths.clear();
    near = new Array(2 * NEAR + 1);
    nearMonths.set(month, near);
  }
  let m = near[n + NEAR];
  if (m === undefined) {
    m = computeAddMonths(month, n);
    near[n + NEAR] = m;
  }
  return m;
}

function computeAddMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Last day of a month, ISO. */
export function endOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return `${month}-${leap ? 29 : DAYS[m - 1]}`;
}

/**
 * Age in whole years on `date`. A partial birth date (`00` day or month) is read as the
 * latest possible date, so that an age threshold is never granted on a guess.
 */
export function ageAt(birth: string, date: string): number {
  const y = num(birth, 0, 4);
  let m = num(birth, 5, 2);
  let d = num(birth, 8, 2);
  if (m === 0) {
    m = 12;
    d = 31;
  } else if (d === 0) {
    d = daysIn(y, m);
  }
  const tm = num(date, 5, 2);
  const td = num(date, 8, 2);
  let age = num(date, 0, 4) - y;
  if (tm < m || (tm === m && td < d)) age--;
  return age;
}

/** Digits of `s` from `start`, `len` long, as a number (no substring allocated: ages are computed millions of times). */
function num(s: string, start: number, len: number): number {
  let n = 0;
  for (let i = start; i < start + len; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function daysIn(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : (DAYS[m - 1] as number);
}

/** The birth date read as the latest possible day (for comparisons with a date). */
export function latestBirth(birth: string): string {
  if (birth.slice(5, 7) === '00') return `${birth.slice(0, 4)}-12-31`;
  if (birth.slice(8, 10) === '00') return endOfMonth(birth.slice(0, 7));
  return birth;
}

const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** French month name and year: `mai 2025`. */
export function frenchMonth(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** A date as written to citizens: `1er février 2026`, `15 septembre 2025`. */
export function frenchDate(iso: string): string {
  const day = Number(iso.slice(8, 10));
  return `${day === 1 ? '1er' : day} ${frenchMonth(iso.slice(0, 7))}`;
}
