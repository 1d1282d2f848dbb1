/**
 * Money. Computations run in IEEE doubles on euros and are rounded once, at the end, to the
 * cent, half-up. Legal amounts have at most 7 decimals (5-decimal rates × cents) and an
 * average of three of them is a multiple of 1/3 × 10⁻⁷ €: a true value is never closer than
 * 3·10⁻⁸ € to a half-cent unless it is one, while binary noise stays below 10⁻¹⁰ €. Adding
 * 10⁻⁶ cent before flooring therefore rounds every exact half-cent up and nothing else.
 */
export function roundCents(x: number): number {
  const a = Math.floor(Math.abs(x) * 100 + 0.5 + 1e-6) / 100;
  return x < 0 ? -a : a;
}

/** Truncates to the cent (used where the law or the payer truncates: ASPA monthly, CRDS). */
export function truncCents(x: number): number {
  const a = Math.floor(Math.abs(x) * 100 + 1e-6) / 100;
  return x < 0 ? -a : a;
}

/** `1 163,74 €` — the way amounts are written to citizens (digits grouped by a space). */
export function euros(x: number): string {
  const cents = Math.round(Math.abs(x) * 100);
  const int = String(Math.floor(cents / 100));
  const dec = String(cents % 100).padStart(2, '0');
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ' ';
    grouped += int[i];
  }
  return `${x < 0 && cents > 0 ? '-' : ''}${grouped},${dec} €`;
}
