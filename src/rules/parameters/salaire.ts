/**
 * Paramètres du passage du salaire brut au salaire net d'un salarié du secteur privé non cadre : plafond de la
 * sécurité sociale, cotisations salariales (régime général et retraite complémentaire), CSG et CRDS sur les
 * revenus d'activité. Les droits lisent des ressources nettes (montant net social) ; ces taux servent quand une
 * source ne donne que le brut. Valeurs recoupées avec les barèmes IPP repris par OpenFisca-France
 * (`prelevements_sociaux.cotisations_sociales.*`, `prelevements_sociaux.contributions_sociales.csg.activite.*`).
 * Séries ouvertes au 2012-01-01 (abattement d'assiette CSG de 1,75 %) ; la retraite complémentaire des
 * salariés non cadres au-delà du plafond n'est décrite qu'à partir de la fusion AGIRC-ARRCO (2019-01-01).
 */
import { series } from './series.ts';

/** Plafond mensuel de la sécurité sociale (€/mois), fixé chaque année par arrêté (CSS art. L241-3, D242-17). */
export const plafondSecuriteSocialeMensuel = series('prelevements_sociaux.pss.plafond_securite_sociale_mensuel', [
  {
    from: '2012-01-01',
    value: 3031,
    ref: 'Arrêté du 30 décembre 2011 portant fixation du plafond de la sécurité sociale pour 2012',
  },
  {
    from: '2013-01-01',
    value: 3086,
    ref: 'Arrêté du 12 décembre 2012 portant fixation du plafond de la sécurité sociale pour 2013',
  },
  {
    from: '2014-01-01',
    value: 3129,
    ref: 'Arrêté du 7 novembre 2013 portant fixation du plafond de la sécurité sociale pour 2014',
  },
  {
    from: '2015-01-01',
    value: 3170,
    ref: 'Arrêté du 26 décembre 2014 portant fixation du plafond de la sécurité sociale pour 2015',
  },
  {
    from: '2016-01-01',
    value: 3218,
    ref: 'Arrêté du 17 décembre 2015 portant fixation du plafond de la sécurité sociale pour 2016',
  },
  {
    from: '2017-01-01',
    value: 3269,
    ref: 'Arrêté du 5 décembre 2016 portant fixation du plafond de la sécurité sociale pour 2017',
  },
  {
    from: '2018-01-01',
    value: 3311,
    ref: 'Arrêté du 5 décembre 2017 portant fixation du plafond de la sécurité sociale pour 2018',
  },
  {
    from: '2019-01-01',
    value: 3377,
    ref: 'Arrêté du 11 décembre 2018 portant fixation du plafond de la sécurité sociale pour 2019',
  },
  {
    from: '2020-01-01',
    value: 3428,
    ref: 'Arrêté du 2 décembre 2019 (plafond pour 2020) ; inchangé en 2021 (arrêté du 22 décembre 2020) et en 2022',
  },
  {
    from: '2023-01-01',
    value: 3666,
    ref: 'Arrêté du 9 décembre 2022 portant fixation du plafond de la sécurité sociale pour 2023',
  },
  { from: '2024-01-01', value: 3864, ref: 'Arrêté portant fixation du plafond de la sécurité sociale pour 2024' },
  { from: '2025-01-01', value: 3925, ref: 'Arrêté portant fixation du plafond de la sécurité sociale pour 2025' },
  {
    from: '2026-01-01',
    value: 4005,
    ref: 'Arrêté du 22 décembre 2025 portant fixation du plafond de la sécurité sociale pour 2026 (JO du 23 décembre 2025) ; communiqué BOSS du 21 octobre 2025',
  },
]);

/** Cotisation salariale d'assurance vieillesse plafonnée (part du salaire sous le plafond) – CSS art. D242-4. */
export const vieillessePlafonneeSalarie = series(
  'prelevements_sociaux.cotisations_sociales.vieillesse_plafonnee.salarie',
  [
    { from: '2012-01-01', value: 0.0665, ref: 'CSS art. D242-4 (taux en vigueur depuis le 1er janvier 2006)' },
    { from: '2012-11-01', value: 0.0675, ref: 'CSS art. D242-4 (décret 2012-847 du 2 juillet 2012)' },
    { from: '2014-01-01', value: 0.068, ref: 'CSS art. D242-4 (décret 2013-1290 du 27 décembre 2013)' },
    { from: '2015-01-01', value: 0.0685, ref: 'CSS art. D242-4 (décret 2013-1290 du 27 décembre 2013)' },
    { from: '2016-01-01', value: 0.069, ref: 'CSS art. D242-4 (décret 2013-1290 du 27 décembre 2013)' },
  ],
);

/** Cotisation salariale d'assurance vieillesse déplafonnée (sur tout le salaire) – CSS art. D242-4. */
export const vieillesseDeplafonneeSalarie = series(
  'prelevements_sociaux.cotisations_sociales.vieillesse_deplafonnee.salarie',
  [
    { from: '2012-01-01', value: 0.001, ref: 'CSS art. D242-4 (taux en vigueur depuis le 1er juillet 2004)' },
    { from: '2014-01-01', value: 0.0025, ref: 'CSS art. D242-4 (décret 2013-1290 du 27 décembre 2013)' },
    { from: '2015-01-01', value: 0.003, ref: 'CSS art. D242-4 (décret 2013-1290 du 27 décembre 2013)' },
    { from: '2016-01-01', value: 0.0035, ref: 'CSS art. D242-4 (décret 2013-1290 du 27 décembre 2013)' },
    { from: '2017-01-01', value: 0.004, ref: 'CSS art. D242-4 (décret 2013-1290 du 27 décembre 2013)' },
  ],
);

/** Cotisation salariale d'assurance maladie, maternité, invalidité, décès (supprimée au 1er janvier 2018). */
export const maladieSalarie = series('prelevements_sociaux.cotisations_sociales.mmid.salarie', [
  { from: '2012-01-01', value: 0.0075, ref: 'CSS art. D242-3 (taux en vigueur depuis le 1er janvier 1998)' },
  { from: '2018-01-01', value: 0, ref: 'Loi 2017-1836 du 30 décembre 2017 (LFSS 2018), art. 8' },
]);

/**
 * Contribution salariale d'assurance chômage, sur le salaire dans la limite de 4 plafonds (réduite puis
 * supprimée en 2018, remplacée par la hausse de la CSG).
 */
export const chomageSalarie = series('prelevements_sociaux.cotisations_sociales.chomage.salarie', [
  { from: '2012-01-01', value: 0.024, ref: "Convention d'assurance chômage du 6 mai 2011, règlement général art. 48" },
  { from: '2018-01-01', value: 0.0095, ref: 'Loi 2017-1836 du 30 décembre 2017 (LFSS 2018), art. 8' },
  { from: '2018-10-01', value: 0, ref: 'Loi 2017-1836 du 30 décembre 2017 (LFSS 2018), art. 8' },
]);

/** Plafond de l'assiette de la contribution chômage, en nombre de plafonds de la sécurité sociale. */
export const chomagePlafondEnPss = series('hors_openfisca.cotisations_sociales.chomage.plafond_en_pss', [
  { from: '2012-01-01', value: 4, ref: "Convention d'assurance chômage du 6 mai 2011, règlement général art. 49" },
]);

/**
 * Retraite complémentaire, part salariale sur la tranche 1 (jusqu'au plafond) : ARRCO + AGFF (0,80 %) jusqu'en
 * 2018, puis AGIRC-ARRCO (6,20 % × taux d'appel 127 % = 7,87 %, dont 40 % à la charge du salarié).
 */
export const retraiteComplementaireT1Salarie = series(
  'hors_openfisca.cotisations_sociales.retraite_complementaire.t1_salarie',
  [
    {
      from: '2012-01-01',
      value: 0.038,
      ref: 'ARRCO 3,00 % + AGFF 0,80 % : accord ARRCO du 8 décembre 1961 modifié ; accord AGFF du 10 février 2001',
    },
    {
      from: '2014-01-01',
      value: 0.0385,
      ref: 'ARRCO 3,05 % + AGFF 0,80 % : accord ARRCO du 13 mars 2013, art. 6 ; accord AGFF du 10 février 2001',
    },
    {
      from: '2015-01-01',
      value: 0.039,
      ref: 'ARRCO 3,10 % + AGFF 0,80 % : accord ARRCO du 13 mars 2013, art. 6 ; accord AGFF du 10 février 2001',
    },
    {
      from: '2019-01-01',
      value: 0.0315,
      ref: 'Accord national interprofessionnel AGIRC-ARRCO du 17 novembre 2017, art. 36 et 38',
    },
  ],
);

/**
 * Retraite complémentaire AGIRC-ARRCO, part salariale sur la tranche 2 (de 1 à 8 plafonds) : 17 % × 127 %
 * = 21,59 %, dont 40 % au salarié. Avant 2019 (ARRCO tranche 2 et AGFF), non décrite ici.
 */
export const retraiteComplementaireT2Salarie = series(
  'hors_openfisca.cotisations_sociales.retraite_complementaire.t2_salarie',
  [
    {
      from: '2019-01-01',
      value: 0.0864,
      ref: 'Accord national interprofessionnel AGIRC-ARRCO du 17 novembre 2017, art. 36 et 38',
    },
  ],
);

/** Contribution d'équilibre général (CEG), part salariale, tranche 1. */
export const cegT1Salarie = series('prelevements_sociaux.cotisations_sociales.ceg.salarie.tranche_1', [
  {
    from: '2012-01-01',
    value: 0,
    ref: "Sans objet avant 2019 : l'AGFF, comptée dans le taux de tranche 1, en tenait lieu",
  },
  {
    from: '2019-01-01',
    value: 0.0086,
    ref: 'Accord national interprofessionnel AGIRC-ARRCO du 17 novembre 2017, art. 37',
  },
]);

/** Contribution d'équilibre général (CEG), part salariale, tranche 2. */
export const cegT2Salarie = series('prelevements_sociaux.cotisations_sociales.ceg.salarie.tranche_2', [
  {
    from: '2019-01-01',
    value: 0.0108,
    ref: 'Accord national interprofessionnel AGIRC-ARRCO du 17 novembre 2017, art. 37',
  },
]);

/**
 * Contribution d'équilibre technique (CET), part salariale : sur tout le salaire (dans la limite de 8 plafonds)
 * quand il dépasse le plafond de la sécurité sociale.
 */
export const cetSalarie = series('prelevements_sociaux.cotisations_sociales.cet.salarie', [
  {
    from: '2019-01-01',
    value: 0.0014,
    ref: 'Accord national interprofessionnel AGIRC-ARRCO du 17 novembre 2017, art. 37',
  },
]);

/** Plafond des tranches de retraite complémentaire AGIRC-ARRCO, en nombre de plafonds de la sécurité sociale. */
export const retraiteComplementairePlafondEnPss = series(
  'hors_openfisca.cotisations_sociales.retraite_complementaire.plafond_en_pss',
  [
    {
      from: '2019-01-01',
      value: 8,
      ref: 'Accord national interprofessionnel AGIRC-ARRCO du 17 novembre 2017, art. 36',
    },
  ],
);

/** CSG sur les revenus d'activité, part déductible du revenu imposable (CGI art. 154 quinquies). */
export const csgActiviteDeductible = series(
  'prelevements_sociaux.contributions_sociales.csg.activite.deductible.taux',
  [
    { from: '2005-01-01', value: 0.051, ref: 'CGI art. 154 quinquies I (loi 2004-810 du 13 août 2004, art. 72)' },
    {
      from: '2018-01-01',
      value: 0.068,
      ref: 'CGI art. 154 quinquies I (loi 2017-1836 du 30 décembre 2017, LFSS 2018, art. 8)',
    },
  ],
);

/** CSG sur les revenus d'activité, part non déductible (taux total : CSS art. L136-8 I 1°). */
export const csgActiviteNonDeductible = series(
  'prelevements_sociaux.contributions_sociales.csg.activite.imposable.taux',
  [
    {
      from: '2005-01-01',
      value: 0.024,
      ref: 'CSS art. L136-8 I 1° (taux total 7,5 % puis 9,2 %) ; CGI art. 154 quinquies I',
    },
  ],
);

/** Abattement pour frais professionnels sur l'assiette de la CSG et de la CRDS des salaires. */
export const csgAbattementSalaire = series('prelevements_sociaux.contributions_sociales.csg.activite.abattement.taux', [
  {
    from: '2012-01-01',
    value: 0.0175,
    ref: 'CSS art. L136-2 I 1° (rédaction en vigueur depuis le 16 décembre 2020 ; avant : L136-2 I, 2e alinéa) ; taux de 1,75 % : loi 2011-1906 du 21 décembre 2011 (LFSS 2012), art. 17',
  },
]);

/** L'abattement de l'assiette CSG ne s'applique qu'à la part du salaire sous 4 plafonds de la sécurité sociale. */
export const csgAbattementPlafondEnPss = series(
  'prelevements_sociaux.contributions_sociales.csg.activite.abattement.plafond_en_pss',
  [
    {
      from: '2012-01-01',
      value: 4,
      ref: 'CSS art. L136-2 I (montant inférieur à quatre fois le plafond de L241-3) ; limite instituée par la loi 2010-1594 du 20 décembre 2010 (LFSS 2011 ; article 15 du projet de loi, numéro d’article de la loi promulguée non vérifié)',
    },
  ],
);

/** Paramètres du salaire net, par nom juridique. */
export const salaire = {
  plafondSecuriteSocialeMensuel,
  vieillessePlafonneeSalarie,
  vieillesseDeplafonneeSalarie,
  maladieSalarie,
  chomageSalarie,
  chomagePlafondEnPss,
  retraiteComplementaireT1Salarie,
  retraiteComplementaireT2Salarie,
  cegT1Salarie,
  cegT2Salarie,
  cetSalarie,
  retraiteComplementairePlafondEnPss,
  csgActiviteDeductible,
  csgActiviteNonDeductible,
  csgAbattementSalaire,
  csgAbattementPlafondEnPss,
} as const;
