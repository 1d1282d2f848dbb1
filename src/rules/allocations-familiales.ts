import { addMonths, ageAt, endOfMonth, latestBirth } from './dates.ts';
import { roundCents } from './money.ts';
import { af } from './parameters/af.ts';
import { common } from './parameters/common.ts';
import { entryAt, valueAt } from './parameters/series.ts';

/**
 * Allocations familiales brutes d'un mois (CSS L521-1, D521-1, D521-2), en métropole : 32 % de la BMAF pour deux
 * enfants à charge, 41 % par enfant en plus, majoration de 16 % par enfant de 14 ans ou plus (sauf l'aîné d'une
 * famille de deux enfants) ; un enfant compte du mois qui suit sa naissance au mois qui précède ses 20 ans, la
 * majoration à partir du mois qui suit ses 14 ans (L552-1). Depuis juillet 2015, montant plein si les ressources de
 * N-2 ne dépassent pas le plafond de la première tranche (D521-1 I 1°) ; `ressourcesN2` peut en être un majorant.
 * `null` quand les données ne suffisent pas : ressources au-dessus de ce plafond ou plafond de l'année non décrit
 * (tranches 2 et 3 non décrites), enfant de 20 ans d'une famille de trois enfants (allocation forfaitaire).
 */
export function allocationsFamiliales({
  month,
  naissances,
  ressourcesN2,
}: {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Dates de naissance des enfants du foyer (ISO, éventuellement partielles). */
  readonly naissances: readonly string[];
  /** Ressources de l'année N-2 (revenu net catégoriel), ou un majorant. */
  readonly ressourcesN2: number;
}): number | null {
  const d = `${month}-01`;
  const limite = valueAt(af.ageLimite, d);
  const born = naissances.filter((b) => latestBirth(b) < d);
  const aCharge = born.filter((b) => ageAt(b, endOfMonth(month)) < limite);
  const vingtAns = born.filter((b) => {
    const a = ageAt(b, endOfMonth(month));
    return a >= limite && a < limite + 1;
  });
  if (vingtAns.length > 0 && aCharge.length + vingtAns.length >= 3) return null;
  const n = aCharge.length;
  if (n < 2) return 0;
  const finMoisPrecedent = endOfMonth(addMonths(month, -1));
  const ageMaj = valueAt(common.ageMajorationAf, d);
  const aines = [...aCharge].sort();
  const majorables = aCharge.filter((b) => ageAt(b, finMoisPrecedent) >= ageMaj && !(n === 2 && b === aines[0]));
  const taux =
    valueAt(af.tauxDeuxEnfants, d) +
    (n - 2) * valueAt(af.tauxEnfantSupplementaire, d) +
    majorables.length * valueAt(af.tauxMajorationAge, d);
  if (valueAt(af.modulation, d) === 1 && ressourcesN2 > 0) {
    // Ceilings are set for one calendar year: a value of another year tells nothing.
    let plafond: number;
    try {
      const base = entryAt(af.plafondTranche1Base, d);
      if (base.from.slice(0, 4) !== month.slice(0, 4)) return null;
      plafond = base.value + n * valueAt(af.majorationPlafondParEnfant, d);
    } catch {
      return null;
    }
    if (ressourcesN2 > plafond) return null;
  }
  return roundCents(taux * valueAt(common.bmaf, d));
}
