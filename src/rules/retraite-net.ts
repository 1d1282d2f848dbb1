import { tauxCsgChomage } from './chomage-net.ts';

/**
 * Pension de retraite nette à partir de la brute, quand le foyer est exonéré de CSG, de CRDS et de CASA sur ses
 * revenus de remplacement : revenu fiscal de référence (RFR) de l'année N-2 au plus égal au seuil d'exonération
 * (CSS art. L136-8 III 1°, mêmes seuils que pour les allocations de chômage ; CRDS : ordonnance 96-50 art. 14 ;
 * CASA : CASF L14-10-4 2°). Le net vaut alors le brut. Les autres taux (réduit, médian, plein) ne sont pas décrits
 * ici : le résultat est `null`, le net reste inconnu.
 */
export function retraiteNetDepuisBrut({
  brut,
  date,
  rfr,
  parts,
}: {
  readonly brut: number;
  readonly date: string;
  /** RFR de l'année N-2, ou un majorant (un foyer sous le seuil avec un majorant l'est aussi avec son RFR). */
  readonly rfr: number;
  readonly parts: number;
}): number | null {
  return tauxCsgChomage({ date, rfr, parts }) === 'exonere' ? brut : null;
}
