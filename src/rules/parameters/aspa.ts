/**
 * Paramètres de l'allocation de solidarité aux personnes âgées (ASPA) — CSS L815-1 s., R815-1 s.
 * Source : OpenFisca-France `prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa.*`
 * (noms abrégés en `aspa.…`), recoupé avec RULES.md §4. Montants et plafonds en euros par an.
 * Les montants mensuels publiés sont le montant annuel / 12 tronqué au centime.
 */
import { series } from './series.ts';

/** Montant maximal annuel, personne seule (€/an). */
export const montantMaximumAnnuelPersonneSeule = series('aspa.montant_maximum_annuel.personnes_seules', [
  { from: '2006-01-01', value: 7323.48, ref: 'Décret 2007-57 du 12/01/2007, art. 1' },
  { from: '2007-01-01', value: 7455.3, ref: 'Arrêté du 19/12/2006, art. 1' },
  { from: '2008-01-01', value: 7537.3, ref: 'Arrêté du 21/12/2007, art. 1' },
  { from: '2008-09-01', value: 7597.59, ref: 'Circulaire CNAV 2008/45 du 12/08/2008' },
  { from: '2009-04-01', value: 8125.59, ref: 'Décret 2009-473 du 28/04/2009, art. 1' },
  { from: '2010-04-01', value: 8507.49, ref: 'Circulaire CNAV 2010/43 du 23/04/2010' },
  { from: '2011-04-01', value: 8907.34, ref: 'Circulaire CNAV 2011/30 du 14/04/2011' },
  { from: '2012-04-01', value: 9325.98, ref: 'Circulaire CNAV 2012/35 du 17/04/2012' },
  { from: '2013-04-01', value: 9447.21, ref: 'Circulaire CNAV 2013/29 du 18/04/2013' },
  { from: '2014-04-01', value: 9503.89, ref: 'Circulaire Cnav 2014/28 du 09/04/2014' },
  { from: '2014-10-01', value: 9600, ref: 'Décret 2014-1215 du 20/10/2014' },
  { from: '2016-04-01', value: 9609.6, ref: 'Circulaire CNAV 2016/18 du 29/03/2016' },
  { from: '2017-04-01', value: 9638.42, ref: 'Circulaire CNAV 2017/13 du 04/04/2017' },
  {
    from: '2018-04-01',
    value: 9998.4,
    ref: 'Article D815-1 du Code de la sécurité sociale (pour 2018, 2019 et 2020) ; Décret 2018-227 du 30/04/2018',
  },
  { from: '2019-01-01', value: 10418.4, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2020-01-01', value: 10838.4, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2021-01-01', value: 10881.75, ref: 'Circulaire CNAV 2021/1 du 11/01/2021' },
  { from: '2022-01-01', value: 11001.44, ref: 'Circulaire CNAV 2022/3 du 11/01/2022, page 8' },
  { from: '2022-07-01', value: 11441.5, ref: 'LOI n° 2022-1158 du 16/08/2022, art. 9' },
  { from: '2023-01-01', value: 11533.02, ref: 'Circulaire Cnav 2023/3 du 09/01/2023' },
  { from: '2024-01-01', value: 12144.27, ref: 'Circulaire Cnav 2023-34 du 29/12/2023 (page 10).' },
  { from: '2025-01-01', value: 12411.44, ref: 'Circulaire Cnav 2024-39 du 23/12/2024 (page 9)' },
  { from: '2026-01-01', value: 12523.14, ref: 'Circulaire Cnav 2025-29 du 22/12/2025 (page 8)' },
]);

/** Montant maximal annuel, couple (marié, pacsé ou concubin) dont les deux membres sont allocataires (€/an). */
export const montantMaximumAnnuelCouple = series('aspa.montant_maximum_annuel.couples', [
  { from: '2006-01-01', value: 13137.69, ref: 'Décret 2007-57 du 12/01/2007, art. 1' },
  { from: '2007-01-01', value: 13374.17, ref: 'Arrêté du 19/12/2006, art. 1' },
  { from: '2008-01-01', value: 13521.28, ref: 'Arrêté du 21/12/2007, art. 1' },
  { from: '2008-09-01', value: 13629.44, ref: 'Circulaire CNAV 2008/45 du 12/08/2008' },
  { from: '2009-04-01', value: 13765.73, ref: 'Décret 2009-473 du 28/04/2009, art. 1' },
  { from: '2010-04-01', value: 13889.62, ref: 'Circulaire CNAV 2010/43 du 23/04/2010' },
  { from: '2011-04-01', value: 14181.3, ref: 'Circulaire CNAV 2011/30 du 14/04/2011' },
  { from: '2012-04-01', value: 14479.1, ref: 'Circulaire CNAV 2012/35 du 17/04/2012' },
  { from: '2013-04-01', value: 14667.32, ref: 'Circulaire CNAV 2013/29 du 18/04/2013' },
  { from: '2014-04-01', value: 14755.32, ref: 'Circulaire Cnav 2014/28 du 09/04/2014' },
  { from: '2014-10-01', value: 14904, ref: 'Décret 2014-1215 du 20/10/2014' },
  { from: '2016-04-01', value: 14918.9, ref: 'Circulaire CNAV 2016/18 du 29/03/2016' },
  { from: '2017-04-01', value: 14963.65, ref: 'Circulaire CNAV 2017/13 du 04/04/2017' },
  {
    from: '2018-04-01',
    value: 15522.54,
    ref: 'Article D815-1 du Code de la sécurité sociale (pour 2018, 2019 et 2020) ; Décret 2018-227 du 30/04/2018',
  },
  { from: '2019-01-01', value: 16174.59, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2020-01-01', value: 16826.64, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2021-01-01', value: 16893.94, ref: 'Circulaire CNAV 2021/1 du 11/01/2021' },
  { from: '2022-01-01', value: 17079.77, ref: 'Circulaire CNAV 2022/3 du 11/01/2022, page 8' },
  { from: '2022-07-01', value: 17762.96, ref: 'LOI n° 2022-1158 du 16/08/2022, art. 9' },
  { from: '2023-01-01', value: 17905.06, ref: 'Circulaire Cnav 2023/3 du 09/01/2023' },
  { from: '2024-01-01', value: 18854.02, ref: 'Circulaire Cnav 2023-34 du 29/12/2023 (page 10).' },
  { from: '2025-01-01', value: 19268.8, ref: 'Circulaire Cnav 2024-39 du 23/12/2024 (page 9)' },
  { from: '2026-01-01', value: 19442.21, ref: 'Circulaire Cnav 2025-29 du 22/12/2025 (page 8)' },
]);

/** Plafond annuel de ressources, personne seule (€/an). Valeurs 2002-2005 : minimum vieillesse avant l'ASPA. */
export const plafondRessourcesPersonneSeule = series('aspa.plafond_ressources.personnes_seules', [
  {
    from: '2002-01-01',
    value: 6997.60267,
    ref: 'OpenFisca-France aspa.plafond_ressources.personnes_seules (sans référence datée)',
  },
  {
    from: '2003-01-01',
    value: 7102.56671,
    ref: 'OpenFisca-France aspa.plafond_ressources.personnes_seules (sans référence datée)',
  },
  {
    from: '2004-01-01',
    value: 7223.45,
    ref: 'OpenFisca-France aspa.plafond_ressources.personnes_seules (sans référence datée)',
  },
  {
    from: '2005-01-01',
    value: 7367.78688,
    ref: 'OpenFisca-France aspa.plafond_ressources.personnes_seules (sans référence datée)',
  },
  { from: '2006-01-01', value: 7500.53, ref: 'Décret 2007-57 du 12/01/2007, art. 1' },
  { from: '2007-01-01', value: 7635.53, ref: 'Arrêté du 19/12/2006, art. 1' },
  { from: '2008-01-01', value: 7719.52, ref: 'Arrêté du 21/12/2007, art. 1' },
  { from: '2008-09-01', value: 7781.27, ref: 'Circulaire CNAV 2008/45 du 12/08/2008' },
  { from: '2009-04-01', value: 8309.27, ref: 'Décret 2009-473 du 28/04/2009, art. 1' },
  { from: '2010-04-01', value: 8507.49, ref: 'Circulaire CNAV 2010/43 du 23/04/2010' },
  { from: '2011-04-01', value: 8907.34, ref: 'Circulaire CNAV 2011/30 du 14/04/2011' },
  { from: '2012-04-01', value: 9325.98, ref: 'Circulaire CNAV 2012/35 du 17/04/2012' },
  { from: '2013-04-01', value: 9447.21, ref: 'Circulaire CNAV 2013/29 du 18/04/2013' },
  { from: '2014-04-01', value: 9503.89, ref: 'Circulaire Cnav 2014/28 du 09/04/2014' },
  { from: '2014-10-01', value: 9600, ref: 'Décret 2014-1215 du 20/10/2014' },
  { from: '2016-04-01', value: 9609.6, ref: 'Circulaire CNAV 2016/18 du 29/03/2016' },
  { from: '2017-04-01', value: 9638.42, ref: 'Circulaire CNAV 2017/13 du 04/04/2017' },
  {
    from: '2018-04-01',
    value: 9998.4,
    ref: 'Article D815-1 du Code de la sécurité sociale (pour 2018, 2019 et 2020) ; Décret 2018-227 du 30/04/2018',
  },
  { from: '2019-01-01', value: 10418.4, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2020-01-01', value: 10838.4, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2021-01-01', value: 10881.75, ref: 'Circulaire CNAV 2021/1 du 11/01/2021' },
  { from: '2022-01-01', value: 11001.44, ref: 'Circulaire CNAV 2022/3 du 11/01/2022, page 8' },
  { from: '2022-07-01', value: 11441.5, ref: 'LOI n° 2022-1158 du 16/08/2022, art. 9' },
  { from: '2023-01-01', value: 11533.02, ref: 'Circulaire Cnav 2023/3 du 09/01/2023' },
  { from: '2024-01-01', value: 12144.27, ref: 'Circulaire Cnav 2023-34 du 29/12/2023 (page 10).' },
  { from: '2025-01-01', value: 12411.44, ref: 'Circulaire Cnav 2024-39 du 23/12/2024 (page 10)' },
  { from: '2026-01-01', value: 12523.14, ref: 'Circulaire Cnav 2025-29 du 22/12/2025 (page 9)' },
]);

/** Plafond annuel de ressources du couple (€/an), y compris quand un seul membre est allocataire. */
export const plafondRessourcesCouple = series('aspa.plafond_ressources.couples', [
  { from: '2006-01-01', value: 13137.69, ref: 'Décret 2007-57 du 12/01/2007, art. 1' },
  { from: '2007-01-01', value: 13374.16, ref: 'Arrêté du 19/12/2006, art. 1' },
  { from: '2008-01-01', value: 13521.27, ref: 'Arrêté du 21/12/2007, art. 1' },
  { from: '2008-09-01', value: 13629.44, ref: 'Circulaire CNAV 2008/45 du 12/08/2008' },
  { from: '2009-04-01', value: 13765.73, ref: 'Décret 2009-473 du 28/04/2009, art. 1' },
  { from: '2010-04-01', value: 13889.62, ref: 'Circulaire CNAV 2010/43 du 23/04/2010' },
  { from: '2011-04-01', value: 14181.3, ref: 'Circulaire CNAV 2011/30 du 14/04/2011' },
  { from: '2012-04-01', value: 14479.1, ref: 'Circulaire CNAV 2012/35 du 17/04/2012' },
  { from: '2013-04-01', value: 14667.32, ref: 'Circulaire CNAV 2013/29 du 18/04/2013' },
  { from: '2014-04-01', value: 14755.32, ref: 'Circulaire Cnav 2014/28 du 09/04/2014' },
  { from: '2014-10-01', value: 14904, ref: 'Décret 2014-1215 du 20/10/2014' },
  { from: '2016-04-01', value: 14918.9, ref: 'Circulaire CNAV 2016/18 du 29/03/2016' },
  { from: '2017-04-01', value: 14963.65, ref: 'Circulaire CNAV 2017/13 du 04/04/2017' },
  {
    from: '2018-04-01',
    value: 15522.54,
    ref: 'Article D815-1 du Code de la sécurité sociale (pour 2018, 2019 et 2020) ; Décret 2018-227 du 30/04/2018',
  },
  { from: '2019-01-01', value: 16174.59, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2020-01-01', value: 16826.64, ref: 'Décret 2018-227 du 30/04/2018' },
  { from: '2021-01-01', value: 16893.94, ref: 'Circulaire CNAV 2021/1 du 11/01/2021' },
  { from: '2022-01-01', value: 17079.77, ref: 'Circulaire CNAV 2022/3 du 11/01/2022, page 8' },
  { from: '2022-07-01', value: 17762.96, ref: 'LOI n° 2022-1158 du 16/08/2022, art. 9' },
  { from: '2023-01-01', value: 17905.06, ref: 'Circulaire Cnav 2023/3 du 09/01/2023' },
  { from: '2024-01-01', value: 18854.02, ref: 'Circulaire Cnav 2023-34 du 29/12/2023 (page 10).' },
  { from: '2025-01-01', value: 19268.8, ref: 'Circulaire Cnav 2024-39 du 23/12/2024 (page 10)' },
  { from: '2026-01-01', value: 19442.21, ref: 'Circulaire Cnav 2025-29 du 22/12/2025 (page 9)' },
]);

/** Âge minimal (années) ; plus tôt, dès l'âge légal de retraite, en cas d'inaptitude ou d'incapacité (voir common.ageLegalRetraite). */
export const ageMinimum = series('aspa.age_min', [
  { from: '2002-01-01', value: 65, ref: 'Article R815-1 du Code de la sécurité sociale' },
]);

/** Taux d'incapacité permanente ouvrant l'ASPA dès l'âge légal de retraite (fraction, 0.5 = 50 %). */
export const tauxIncapaciteAnticipe = series('aspa.taux_incapacite_aspa_anticipe', [
  { from: '2002-01-01', value: 0.5, ref: 'Article R351-21 du Code de la sécurité sociale' },
]);

/** Abattement sur les revenus d'activité du trimestre, personne seule, en multiple du Smic mensuel brut (0 avant 2015). */
export const abattementForfaitairePersonneSeule = series('aspa.abattement_forfaitaire.personnes_seules', [
  { from: '2002-01-01', value: 0, ref: 'Article R815-29 du Code de la sécurité sociale' },
  {
    from: '2015-01-01',
    value: 0.9,
    ref: 'Article R815-29 du Code de la sécurité sociale (OpenFisca-France aspa.abattement_forfaitaire.personnes_seules, valeur au 2015-01-01 sans référence datée)',
  },
]);

/** Abattement sur les revenus d'activité du trimestre, couple, en multiple du Smic mensuel brut (0 avant 2015). */
export const abattementForfaitaireCouple = series('aspa.abattement_forfaitaire.couples', [
  { from: '2002-01-01', value: 0, ref: 'Article R815-29 du Code de la sécurité sociale' },
  {
    from: '2015-01-01',
    value: 1.5,
    ref: 'Article R815-29 du Code de la sécurité sociale (OpenFisca-France aspa.abattement_forfaitaire.couples, valeur au 2015-01-01 sans référence datée)',
  },
]);

/** Étranger hors EEE/Suisse : ancienneté minimale du titre de séjour autorisant à travailler (années). */
export const dureeTitreSejour = series('aspa.duree_min_titre_sejour', [
  { from: '2002-01-01', value: 10, ref: 'Article L816-1 du Code de la sécurité sociale' },
]);

/**
 * Durées de référence des ressources (mois civils précédant la date d'effet) : d'abord les 3 mois, comparés au quart
 * du plafond annuel ; s'ils le dépassent, les 12 mois, comparés au plafond annuel (R815-29).
 */
export const moisReferenceRessources = series('hors_openfisca.aspa.mois_reference_ressources', [
  { from: '2007-01-13', value: 3, ref: 'Article R815-29 du Code de la sécurité sociale (trois mois civils)' },
]);

/** Durée de référence de repli, quand les ressources des 3 mois dépassent le quart du plafond (R815-29). */
export const moisReferenceRessourcesRepli = series('hors_openfisca.aspa.mois_reference_ressources_repli', [
  { from: '2007-01-13', value: 12, ref: 'Article R815-29 du Code de la sécurité sociale (douze mois)' },
]);

/** Âge légal de départ à la retraite d'une génération : nés à partir de `nesAPartirDu` (ISO), `ans` ans et `mois` mois. */
export interface AgeLegalGeneration {
  readonly nesAPartirDu: string;
  readonly ans: number;
  readonly mois: number;
}

const GENERATIONS_LOI_2010: readonly AgeLegalGeneration[] = [
  { nesAPartirDu: '0001-01-01', ans: 60, mois: 0 },
  { nesAPartirDu: '1951-07-01', ans: 60, mois: 4 },
  { nesAPartirDu: '1952-01-01', ans: 60, mois: 9 },
  { nesAPartirDu: '1953-01-01', ans: 61, mois: 2 },
  { nesAPartirDu: '1954-01-01', ans: 61, mois: 7 },
  { nesAPartirDu: '1955-01-01', ans: 62, mois: 0 },
];

/**
 * Âge légal de départ à la retraite PAR GÉNÉRATION (CSS L161-17-2, D161-2-1-9), qui ouvre l'ASPA avant 65 ans aux
 * personnes inaptes au travail ou ayant une incapacité d'au moins 50 % (L815-1, R815-2). La date de la série est la
 * date d'effet de l'allocation (version de la loi applicable) ; la valeur est la table des générations. Contrairement
 * à `common.ageLegalRetraite` (valeur par date civile, comme OpenFisca), l'âge dépend ici de la date de naissance.
 */
export const ageLegalRetraiteParGeneration = series<readonly AgeLegalGeneration[]>(
  'hors_openfisca.aspa.age_legal_retraite_par_generation',
  [
    {
      from: '2011-07-01',
      value: GENERATIONS_LOI_2010,
      ref: 'Article L161-17-2 du CSS (loi n° 2010-1330 du 9 novembre 2010, calendrier accéléré par la loi n° 2011-1906 du 21 décembre 2011, art. 88) ; article D161-2-1-9',
    },
    {
      from: '2023-09-01',
      value: [
        ...GENERATIONS_LOI_2010,
        { nesAPartirDu: '1961-09-01', ans: 62, mois: 3 },
        { nesAPartirDu: '1962-01-01', ans: 62, mois: 6 },
        { nesAPartirDu: '1963-01-01', ans: 62, mois: 9 },
        { nesAPartirDu: '1964-01-01', ans: 63, mois: 0 },
        { nesAPartirDu: '1965-01-01', ans: 63, mois: 3 },
        { nesAPartirDu: '1966-01-01', ans: 63, mois: 6 },
        { nesAPartirDu: '1967-01-01', ans: 63, mois: 9 },
        { nesAPartirDu: '1968-01-01', ans: 64, mois: 0 },
      ],
      ref: 'Article L161-17-2 du CSS ; loi n° 2023-270 du 14 avril 2023 de financement rectificative de la sécurité sociale pour 2023, art. 10',
    },
    {
      from: '2026-09-01',
      value: [
        ...GENERATIONS_LOI_2010,
        { nesAPartirDu: '1961-09-01', ans: 62, mois: 3 },
        { nesAPartirDu: '1962-01-01', ans: 62, mois: 6 },
        { nesAPartirDu: '1963-01-01', ans: 62, mois: 9 },
        { nesAPartirDu: '1965-04-01', ans: 63, mois: 0 },
        { nesAPartirDu: '1966-01-01', ans: 63, mois: 3 },
        { nesAPartirDu: '1967-01-01', ans: 63, mois: 6 },
        { nesAPartirDu: '1968-01-01', ans: 63, mois: 9 },
        { nesAPartirDu: '1969-01-01', ans: 64, mois: 0 },
      ],
      ref: 'CSS art. L161-17-2 modifié par la loi de financement de la sécurité sociale pour 2026 (suspension du relèvement, pensions prenant effet à compter du 1er septembre 2026) : 62 ans 9 mois pour les assurés nés du 1er janvier 1963 au 31 mars 1965, 63 ans d’avril à décembre 1965, 64 ans à partir de 1969 (amendement du Gouvernement n° 2686 au PLFSS 2026, adopté par l’Assemblée nationale le 12 novembre 2025 ; Le Media social sur la loi promulguée)',
    },
  ],
);

/** Paramètres de l'ASPA, par nom juridique. */
export const aspa = {
  montantMaximumAnnuelPersonneSeule,
  montantMaximumAnnuelCouple,
  plafondRessourcesPersonneSeule,
  plafondRessourcesCouple,
  ageMinimum,
  tauxIncapaciteAnticipe,
  abattementForfaitairePersonneSeule,
  abattementForfaitaireCouple,
  dureeTitreSejour,
  moisReferenceRessources,
  moisReferenceRessourcesRepli,
  ageLegalRetraiteParGeneration,
} as const;
