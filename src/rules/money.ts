/**
 * Money. Computations run in IEEE doubles on euros and are rounded once, at the end, to the
 * cent, half-up, after normalising to 12 significant digits: legal amounts have at most 7
 * decimals (5-decimal rates × cents), so the normalisation removes binary noise
 * (1163.7359999… → 1163.736) without ever touching a real digit.
 */
export function roundCents(x: number): number {
  const n = Number((x * 100).toPrecision(12));
  return (Math.sign(n) * Math.round(Math.abs(n))) / 100;
}

/** Truncates to the cent (used where the law or the payer truncates: ASPA monthly, CRDS). */
export function truncCents(x: number): number {
  const n = Number((x * 100).toPrecision(12));
  return Math.trunc(n) / 100;
}

const fmt = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1 163,74 €` — the way amounts are written to citizens. */
export function euros(x: number): string {
  return `${fmt.format(x).replace(/\u202f|\u00a0/g, ' ')} €`;
}
