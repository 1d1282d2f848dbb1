import { roundCents } from './money.ts';
import { common } from './parameters/common.ts';
import { remplacement } from './parameters/remplacement.ts';
import { valueAt } from './parameters/series.ts';

/**
 * Allocation d'assurance chômage nette à partir de son montant brut du mois (après la participation au financement
 * des retraites complémentaires, que seul l'organisme payeur connaît) : CSG et CRDS sur 98,25 % du brut, au taux
 * que fixe le revenu fiscal de référence (RFR) de l'année N-2 du foyer (CSS art. L136-8 III), sans que les
 * prélèvements puissent ramener l'allocation sous le SMIC brut du mois. Chaque ligne est arrondie au centime.
 */
export type TauxCsgRemplacement = 'exonere' | 'reduit' | 'plein';

export interface ChomageNet {
  readonly brut: number;
  readonly taux: TauxCsgRemplacement | null;
  readonly csg: number;
  readonly crds: number;
  readonly net: number;
}

/**
 * Taux de CSG des allocations de chômage d'un foyer selon son RFR de l'année N-2 et son nombre de parts de
 * quotient familial cette année-là (les seuils croissent par demi-part supplémentaire). `date` : mois du versement.
 */
export function tauxCsgChomage({
  date,
  rfr,
  parts,
}: {
  readonly date: string;
  readonly rfr: number;
  readonly parts: number;
}): TauxCsgRemplacement {
  const d = date.length === 7 ? `${date}-01` : date;
  const demiParts = Math.max(0, (parts - 1) * 2);
  const exoneration =
    valueAt(remplacement.seuilRfrExoneration, d) + demiParts * valueAt(remplacement.seuilRfrExonerationDemiPart, d);
  if (rfr <= exoneration) return 'exonere';
  const reduit =
    valueAt(remplacement.seuilRfrTauxReduit, d) + demiParts * valueAt(remplacement.seuilRfrTauxReduitDemiPart, d);
  return rfr <= reduit ? 'reduit' : 'plein';
}

/** Le SMIC brut du mois, sous lequel la CSG et la CRDS ne peuvent ramener l'allocation (CSS art. L136-8 III). */
export function plancherChomageNet(date: string): number {
  const d = date.length === 7 ? `${date}-01` : date;
  return roundCents(
    valueAt(remplacement.chomagePlancherNetEnSmic, d) *
      valueAt(common.smicBrutHoraire, d) *
      valueAt(common.nombreHeuresTravailMensuel, d),
  );
}

/**
 * Allocation nette du mois. Un taux inconnu (`null` : RFR ou parts de N-2 inconnus) ne donne un montant que si le
 * brut est sous le plancher du SMIC, où rien n'est prélevé quel que soit le taux ; sinon le résultat est `null`.
 * Erreur `UnknownParameterError` avant 2015 (seuils de RFR non décrits).
 */
export function chomageNetDepuisBrut({
  brut,
  date,
  taux,
}: {
  readonly brut: number;
  readonly date: string;
  readonly taux: TauxCsgRemplacement | null;
}): ChomageNet | null {
  const d = date.length === 7 ? `${date}-01` : date;
  const plancher = plancherChomageNet(d);
  // Read even when the floor decides, so that a date without thresholds is an error, not a silent exemption.
  valueAt(remplacement.seuilRfrExoneration, d);
  if (brut <= plancher) return { brut, taux, csg: 0, crds: 0, net: brut };
  if (taux === null) return null;
  if (taux === 'exonere') return { brut, taux, csg: 0, crds: 0, net: brut };
  const assiette = brut * (1 - valueAt(remplacement.csgChomageAbattement, d));
  const tauxCsg = valueAt(taux === 'plein' ? remplacement.csgChomageTauxPlein : remplacement.csgChomageTauxReduit, d);
  let csg = roundCents(tauxCsg * assiette);
  let crds = roundCents(valueAt(common.tauxCrds, d) * assiette);
  // The levies stop at the floor: the CSG first, then the CRDS.
  const marge = roundCents(brut - plancher);
  if (csg + crds > marge) {
    csg = Math.min(csg, marge);
    crds = roundCents(marge - csg);
  }
  return { brut, taux, csg, crds, net: roundCents(brut - csg - crds) };
}
