/** Month arithmetic on `YYYY-MM` strings and ages on ISO dates, without time zones. */

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** Last day of a month, ISO. */
export function endOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

/**
 * Age in whole years on `date`. A partial birth date (`00` day or month) is read as the
 * latest possible date, so that an age threshold is never granted on a guess.
 */
export function ageAt(birth: string, date: string): number {
  const y = Number(birth.slice(0, 4));
  let m = Number(birth.slice(5, 7));
  let d = Number(birth.slice(8, 10));
  if (m === 0) {
    m = 12;
    d = 31;
  } else if (d === 0) {
    d = Number(endOfMonth(birth.slice(0, 7)).slice(8, 10));
  }
  const ty = Number(date.slice(0, 4));
  const tm = Number(date.slice(5, 7));
  const td = Number(date.slice(8, 10));
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age--;
  return age;
}

/** The birth date read as the latest possible day (for comparisons with a date). */
export function latestBirth(birth: string): string {
  if (birth.slice(5, 7) === '00') return `${birth.slice(0, 4)}-12-31`;
  if (birth.slice(8, 10) === '00') return endOfMonth(birth.slice(0, 7));
  return birth;
}

/** French month name and year: `mai 2025`. */
export function frenchMonth(month: string): string {
  const names = [
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
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
