import { roundCents } from './money.ts';
import { common } from './parameters/common.ts';
import { salaire } from './parameters/salaire.ts';
import { valueAt } from './parameters/series.ts';

/**
 * Salaire net d'un salarié du secteur privé non cadre à partir de son salaire brut du mois : cotisations
 * salariales (vieillesse, maladie et chômage tant qu'elles existaient, retraite complémentaire), CSG et CRDS sur
 * 98,25 % du brut (abattement pour frais professionnels dans la limite de 4 plafonds). Chaque ligne est arrondie
 * au centime, comme sur un bulletin de paie. Sans heures supplémentaires, primes ni complémentaire santé
 * d'entreprise ; régime local d'Alsace-Moselle et cadres non décrits.
 */
export interface SalaireNet {
  readonly brut: number;
  /** Cotisations salariales (positives). */
  readonly cotisations: number;
  readonly csgDeductible: number;
  readonly csgNonDeductible: number;
  readonly crds: number;
  readonly net: number;
}

export interface SalaireBrutMois {
  /** Salaire brut du mois (€). */
  readonly brut: number;
  /** Mois (`YYYY-MM`) ou date du versement. */
  readonly date: string;
  /**
   * Part d'un temps plein (heures rémunérées / 151,67 h) pour un temps partiel : le plafond de la sécurité
   * sociale est proratisé (CSS R242-7). 1 pour un temps plein.
   */
  readonly quotite?: number;
}

/** Salaire net du mois ; erreur `UnknownParameterError` pour une date ou une tranche de salaire non décrite. */
export function salaireNetDepuisBrut({ brut, date, quotite = 1 }: SalaireBrutMois): SalaireNet {
  const d = date.length === 7 ? `${date}-01` : date;
  const pss = valueAt(salaire.plafondSecuriteSocialeMensuel, d) * Math.min(1, quotite);
  const t1 = Math.min(brut, pss);
  const aboveT1 = Math.max(0, brut - pss);
  const lines: number[] = [
    valueAt(salaire.vieillessePlafonneeSalarie, d) * t1,
    valueAt(salaire.vieillesseDeplafonneeSalarie, d) * brut,
    valueAt(salaire.maladieSalarie, d) * brut,
    valueAt(salaire.chomageSalarie, d) * Math.min(brut, valueAt(salaire.chomagePlafondEnPss, d) * pss),
    valueAt(salaire.retraiteComplementaireT1Salarie, d) * t1,
    valueAt(salaire.cegT1Salarie, d) * t1,
  ];
  if (aboveT1 > 0) {
    // Tranche 2 (1 à 8 plafonds) : décrite depuis la fusion AGIRC-ARRCO seulement.
    const plafond = valueAt(salaire.retraiteComplementairePlafondEnPss, d) * pss;
    const t2 = Math.min(brut, plafond) - pss;
    lines.push(valueAt(salaire.retraiteComplementaireT2Salarie, d) * t2, valueAt(salaire.cegT2Salarie, d) * t2);
    lines.push(valueAt(salaire.cetSalarie, d) * Math.min(brut, plafond));
  }
  const cotisations = lines.reduce((t, x) => t + roundCents(x), 0);
  const abattement = valueAt(salaire.csgAbattementSalaire, d);
  const assiette = brut - abattement * Math.min(brut, valueAt(salaire.csgAbattementPlafondEnPss, d) * pss);
  const csgDeductible = roundCents(valueAt(salaire.csgActiviteDeductible, d) * assiette);
  const csgNonDeductible = roundCents(valueAt(salaire.csgActiviteNonDeductible, d) * assiette);
  const crds = roundCents(valueAt(common.tauxCrds, d) * assiette);
  const total = roundCents(cotisations);
  return {
    brut,
    cotisations: total,
    csgDeductible,
    csgNonDeductible,
    crds,
    net: roundCents(brut - total - csgDeductible - csgNonDeductible - crds),
  };
}
