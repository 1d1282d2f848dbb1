/**
 * Paramètres du passage du brut au net des revenus de remplacement (allocations d'assurance chômage) : taux de CSG
 * et de CRDS, abattement d'assiette, seuils de revenu fiscal de référence (RFR) de l'année N-2 qui ouvrent
 * l'exonération ou le taux réduit, plancher du SMIC. Les droits lisent des ressources nettes (montant net social) ;
 * ces taux servent quand une source ne donne que le brut. Valeurs recoupées avec les barèmes IPP repris par
 * OpenFisca-France (`prelevements_sociaux.contributions_sociales.csg.remplacement.*`). Séries ouvertes au 2015-01-01,
 * date des seuils de RFR en vigueur (LFSS 2015) : avant, l'exonération dépendait aussi de l'impôt dû.
 * Seuils de 2026 (RFR 2024, +1,8 %) non repris faute de texte officiel lu : l'Assurance retraite et la presse donnent
 * pour une part l'exonération jusqu'à 13 048 € (+ 3 484 € par demi-part) et le taux médian à partir de 17 058 €,
 * mais ni la majoration par demi-part du second seuil ni la lettre ministérielle n'ont été trouvées ; d'ici là, une
 * date de 2026 lit les seuils de 2025.
 */
import { series } from './series.ts';

const LFSS_2015 = 'CSS art. L136-8 III (loi 2014-1554 du 22 décembre 2014, LFSS 2015, art. 7)';

/** The text that set each year's thresholds: the four threshold series below share them. */
const SEUILS_REF = {
  2016: 'CSS art. L136-8 III (loi 2015-1702 du 21 décembre 2015, LFSS 2016, art. 24)',
  2017: 'CSS art. L136-8 III (loi 2016-1827 du 23 décembre 2016, LFSS 2017, art. 20)',
  2018: 'CSS art. L136-8 III ; circulaire CNAV 2017/34 du 20 octobre 2017',
  2019: 'CSS art. L136-8 III (loi 2018-1213 du 24 décembre 2018, art. 3)',
  2020: 'CSS art. L136-8 III ; lettre ministérielle D-2019-025051 du 7 novembre 2019',
  2021: 'CSS art. L136-8 III ; lettre ministérielle D-20-021991 du 4 décembre 2020',
  2022: 'CSS art. L136-8 III ; lettre ministérielle D-21-028198 du 20 décembre 2021',
  2023: 'CSS art. L136-8 III ; lettre ministérielle D-22-024221 du 12 décembre 2022',
  2024: 'CSS art. L136-8 III ; lettre ministérielle D23-022880 du 23 novembre 2023',
  2025: 'CSS art. L136-8 III ; lettre ministérielle D-24-019252 du 4 décembre 2024',
} as const;

/**
 * Seuil de RFR de l'année N-2, pour la première part de quotient familial, jusqu'auquel les revenus de
 * remplacement sont exonérés de CSG et de CRDS (CSS art. L136-8 III 1°, revalorisé chaque 1er janvier).
 */
export const seuilRfrExoneration = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.seuils.seuil_rfr1',
  [
    { from: '2015-01-01', value: 10633, ref: LFSS_2015 },
    {
      from: '2016-01-01',
      value: 10676,
      ref: SEUILS_REF[2016],
    },
    {
      from: '2017-01-01',
      value: 10996,
      ref: SEUILS_REF[2017],
    },
    { from: '2018-01-01', value: 11018, ref: SEUILS_REF[2018] },
    { from: '2019-01-01', value: 11128, ref: SEUILS_REF[2019] },
    {
      from: '2020-01-01',
      value: 11306,
      ref: SEUILS_REF[2020],
    },
    {
      from: '2021-01-01',
      value: 11408,
      ref: SEUILS_REF[2021],
    },
    {
      from: '2022-01-01',
      value: 11431,
      ref: SEUILS_REF[2022],
    },
    {
      from: '2023-01-01',
      value: 11614,
      ref: SEUILS_REF[2023],
    },
    {
      from: '2024-01-01',
      value: 12230,
      ref: SEUILS_REF[2024],
    },
    {
      from: '2025-01-01',
      value: 12817,
      ref: SEUILS_REF[2025],
    },
  ],
);

/** Majoration du seuil d'exonération par demi-part de quotient familial supplémentaire. */
export const seuilRfrExonerationDemiPart = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.seuils.demi_part_suppl_rfr1',
  [
    { from: '2015-01-01', value: 2839, ref: LFSS_2015 },
    { from: '2016-01-01', value: 2850, ref: SEUILS_REF[2016] },
    { from: '2017-01-01', value: 2936, ref: SEUILS_REF[2017] },
    { from: '2018-01-01', value: 2942, ref: SEUILS_REF[2018] },
    { from: '2019-01-01', value: 2971, ref: SEUILS_REF[2019] },
    {
      from: '2020-01-01',
      value: 3019,
      ref: SEUILS_REF[2020],
    },
    {
      from: '2021-01-01',
      value: 3046,
      ref: SEUILS_REF[2021],
    },
    {
      from: '2022-01-01',
      value: 3052,
      ref: SEUILS_REF[2022],
    },
    {
      from: '2023-01-01',
      value: 3101,
      ref: SEUILS_REF[2023],
    },
    {
      from: '2024-01-01',
      value: 3265,
      ref: SEUILS_REF[2024],
    },
    {
      from: '2025-01-01',
      value: 3422,
      ref: SEUILS_REF[2025],
    },
  ],
);

/**
 * Seuil de RFR de l'année N-2, pour la première part, jusqu'auquel les allocations de chômage sont soumises au taux
 * réduit de CSG (au-delà : taux plein) – CSS art. L136-8 III 2°.
 */
export const seuilRfrTauxReduit = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.seuils.seuil_rfr2',
  [
    { from: '2015-01-01', value: 13900, ref: LFSS_2015 },
    { from: '2016-01-01', value: 13956, ref: SEUILS_REF[2016] },
    { from: '2017-01-01', value: 14375, ref: SEUILS_REF[2017] },
    { from: '2018-01-01', value: 14404, ref: SEUILS_REF[2018] },
    { from: '2019-01-01', value: 14548, ref: SEUILS_REF[2019] },
    {
      from: '2020-01-01',
      value: 14781,
      ref: SEUILS_REF[2020],
    },
    {
      from: '2021-01-01',
      value: 14914,
      ref: SEUILS_REF[2021],
    },
    {
      from: '2022-01-01',
      value: 14944,
      ref: SEUILS_REF[2022],
    },
    {
      from: '2023-01-01',
      value: 15183,
      ref: SEUILS_REF[2023],
    },
    {
      from: '2024-01-01',
      value: 15988,
      ref: SEUILS_REF[2024],
    },
    {
      from: '2025-01-01',
      value: 16755,
      ref: SEUILS_REF[2025],
    },
  ],
);

/** Majoration du seuil du taux réduit par demi-part de quotient familial supplémentaire. */
export const seuilRfrTauxReduitDemiPart = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.seuils.demi_part_suppl_rfr2',
  [
    { from: '2015-01-01', value: 3711, ref: LFSS_2015 },
    { from: '2016-01-01', value: 3726, ref: SEUILS_REF[2016] },
    { from: '2017-01-01', value: 3838, ref: SEUILS_REF[2017] },
    { from: '2018-01-01', value: 3846, ref: SEUILS_REF[2018] },
    { from: '2019-01-01', value: 3884, ref: SEUILS_REF[2019] },
    {
      from: '2020-01-01',
      value: 3946,
      ref: SEUILS_REF[2020],
    },
    {
      from: '2021-01-01',
      value: 3982,
      ref: SEUILS_REF[2021],
    },
    {
      from: '2022-01-01',
      value: 3990,
      ref: SEUILS_REF[2022],
    },
    {
      from: '2023-01-01',
      value: 4054,
      ref: SEUILS_REF[2023],
    },
    {
      from: '2024-01-01',
      value: 4269,
      ref: SEUILS_REF[2024],
    },
    {
      from: '2025-01-01',
      value: 4474,
      ref: SEUILS_REF[2025],
    },
  ],
);

/** Taux plein de CSG sur les allocations de chômage (part déductible 3,8 % + part imposable 2,4 %). */
export const csgChomageTauxPlein = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.taux_plein',
  [{ from: '2015-01-01', value: 0.062, ref: 'CSS art. L136-8 II 1° (loi 2004-810 du 13 août 2004, art. 72)' }],
);

/** Taux réduit de CSG sur les allocations de chômage (entièrement déductible). */
export const csgChomageTauxReduit = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.taux_reduit',
  [{ from: '2015-01-01', value: 0.038, ref: 'CSS art. L136-8 III 2° (loi 2014-1554, LFSS 2015, art. 7)' }],
);

/** Abattement pour frais professionnels sur l'assiette de la CSG et de la CRDS des allocations de chômage. */
export const csgChomageAbattement = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.abattement',
  [
    {
      from: '2015-01-01',
      value: 0.0175,
      ref: 'CSS art. L136-2 I (réduction de 1,75 % sous quatre plafonds, étendue aux allocations de chômage) ; taux de 1,75 % : loi 2011-1906 du 21 décembre 2011 (LFSS 2012), art. 17',
    },
  ],
);

/**
 * Plancher des allocations de chômage nettes, en SMIC mensuel brut : la CSG et la CRDS ne peuvent les réduire
 * en deçà du SMIC brut (CSS art. L136-8 III, dernier alinéa ; ordonnance 96-50 art. 14 pour la CRDS).
 */
export const chomagePlancherNetEnSmic = series(
  'prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.min_exo',
  [
    {
      from: '2015-01-01',
      value: 1,
      ref: 'CSS art. L136-8 III (plancher du SMIC brut) ; ordonnance 96-50 du 24 janvier 1996, art. 14',
    },
  ],
);

/** Paramètres des revenus de remplacement nets, par nom juridique. */
export const remplacement = {
  seuilRfrExoneration,
  seuilRfrExonerationDemiPart,
  seuilRfrTauxReduit,
  seuilRfrTauxReduitDemiPart,
  csgChomageTauxPlein,
  csgChomageTauxReduit,
  csgChomageAbattement,
  chomagePlancherNetEnSmic,
} as const;
