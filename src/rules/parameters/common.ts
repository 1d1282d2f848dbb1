/**
 * Paramètres communs à plusieurs droits : Smic, BMAF, CRDS, âge légal de retraite, plafond de revenu des
 * personnes à charge, taux du livret A. Source : OpenFisca-France (chemins complets en nom de série),
 * recoupé avec RULES.md. Séries monétaires ouvertes au 2002-01-01 (passage à l'euro).
 */
import { series } from './series.ts';

/** Smic horaire brut, métropole (€/heure), revalorisations en cours d'année comprises. */
export const smicBrutHoraire = series('marche_travail.salaire_minimum.smic.smic_b_horaire', [
  { from: '2002-01-01', value: 6.67, ref: 'Décret 2001-554 du 28/06/2001' },
  { from: '2002-07-01', value: 6.83, ref: 'Décret 2002-941 du 25/06/2002' },
  { from: '2003-07-01', value: 7.19, ref: 'Décret 2003-564 du 27/06/2003' },
  { from: '2004-07-01', value: 7.61, ref: 'Décret 2004-633 du 01/07/2004' },
  { from: '2005-07-01', value: 8.03, ref: 'Décret 2005-719 du 29/06/2005' },
  { from: '2006-07-01', value: 8.27, ref: 'Décret 2006-751 du 29/06/2006' },
  { from: '2007-07-01', value: 8.44, ref: 'Décret 2007-1052 du 28/06/2007' },
  { from: '2008-05-01', value: 8.63, ref: 'Arrêté du 25/04/2008' },
  { from: '2008-07-01', value: 8.71, ref: 'Décret 2008-617 du 27/06/2008' },
  { from: '2009-07-01', value: 8.82, ref: 'Décret 2009-800 du 24/06/2009' },
  { from: '2010-01-01', value: 8.86, ref: 'Décret 2009-1584 du 17/12/2009' },
  { from: '2011-01-01', value: 9, ref: 'Décret 2010-1584 du 17/12/2010' },
  { from: '2011-12-01', value: 9.19, ref: 'Arrêté du 29/11/2011' },
  { from: '2012-01-01', value: 9.22, ref: 'Décret 2011-1926 du 22/12/2011' },
  { from: '2012-07-01', value: 9.4, ref: 'Décret 2012-828 du 28/06/2012' },
  { from: '2013-01-01', value: 9.43, ref: 'Décret 2013-123 du 07/02/2013' },
  { from: '2014-01-01', value: 9.53, ref: 'Décret 2013-1190 du 19/12/2013' },
  { from: '2015-01-01', value: 9.61, ref: 'Décret 2014-1569 du 22/12/2014' },
  { from: '2016-01-01', value: 9.67, ref: 'Décret 2015-1688 du 17/12/2015' },
  { from: '2017-01-01', value: 9.76, ref: 'Décret 2016-1818 du 22/12/2016' },
  { from: '2018-01-01', value: 9.88, ref: 'Décret 2017-1719 du 20/12/2017' },
  { from: '2019-01-01', value: 10.03, ref: 'Décret 2018-1173 du 19/12/2018' },
  { from: '2020-01-01', value: 10.15, ref: 'Décret 2019-1387 du 18/12/2019' },
  { from: '2021-01-01', value: 10.25, ref: 'Décret 2020-1598 du 16/12/2020' },
  { from: '2021-10-01', value: 10.48, ref: 'Arrêté du 27/09/2021' },
  { from: '2022-01-01', value: 10.57, ref: 'Décret 2021-1741 du 22/12/2021' },
  { from: '2022-05-01', value: 10.85, ref: 'Arrêté du 19/05/2022' },
  { from: '2022-08-01', value: 11.07, ref: 'Arrêté du 29/07/2022' },
  { from: '2023-01-01', value: 11.27, ref: 'Décret 2022-1608 du 22/12/2022' },
  { from: '2023-05-01', value: 11.52, ref: 'Arrêté du 26/04/2023' },
  { from: '2024-01-01', value: 11.65, ref: 'Décret du 20/12/2023' },
  { from: '2024-11-01', value: 11.88, ref: 'Décret n° 2024-951 23/10/2024' },
  {
    from: '2026-01-01',
    value: 12.02,
    ref: 'Décret n° 2025-1228 du 17/12/2025 portant relèvement du salaire minimum de croissance',
  },
  {
    from: '2026-06-01',
    value: 12.31,
    ref: 'Arrêté du 22 mai 2026 relatif au relèvement du salaire minimum de croissance — OpenFisca-France uniquement, à confirmer',
  },
]);

/** Durée mensuelle de travail à temps plein au Smic (35 h × 52 / 12 = 151,67 h). */
export const nombreHeuresTravailMensuel = series('marche_travail.salaire_minimum.smic.nb_heures_travail_mensuel', [
  {
    from: '2002-01-01',
    value: 151.67,
    ref: 'Loi n° 2000-37 du 19 janvier 2000 relative à la réduction négociée du temps de travail ; Article L3121-27 du Code du Travail',
  },
]);

/** Base mensuelle de calcul des allocations familiales (€/mois). */
export const bmaf = series('prestations_sociales.prestations_familiales.bmaf.bmaf', [
  { from: '2002-01-01', value: 341.87, ref: 'Décret 2001-1241 du 21/12/2001' },
  { from: '2003-01-01', value: 347.68, ref: 'Décret 2002-1567 du 23/12/2002' },
  { from: '2004-01-01', value: 353.59, ref: 'Décret 2003-1251 du 23/12/2003' },
  { from: '2005-01-01', value: 361.37, ref: 'Décret 2004-1458 du 23/12/2004' },
  { from: '2006-01-01', value: 367.87, ref: 'Décret 2005-1769 du 30/12/2005' },
  { from: '2007-01-01', value: 374.12, ref: 'Décret 2006-1754 du 23/12/2006' },
  { from: '2008-01-01', value: 377.86, ref: 'Décret 2007-1755 du 13/12/2007' },
  { from: '2009-01-01', value: 389.2, ref: 'Décret 2008-1559 du 31/12/2008' },
  { from: '2011-01-01', value: 395.04, ref: 'Décret 2010-1766 du 30/12/2010' },
  { from: '2012-04-01', value: 399, ref: 'Loi 2011-1906 du 21/12/2011, art. 104 (modif art. L551-1 du CSS)' },
  { from: '2013-04-01', value: 403.79, ref: 'Loi 2011-1906 du 21/12/2011, art. 104 (modif art. L551-1 du CSS)' },
  { from: '2014-04-01', value: 406.21, ref: 'Loi 2013-1203 du 23/12/2013' },
  { from: '2016-04-01', value: 406.62, ref: 'Circulaire DSS/SD2B/2016/77 du 15/03/2016' },
  {
    from: '2017-04-01',
    value: 407.84,
    ref: 'Circulaire DSS/SD2B/2017/97 du 21/03/2017, Circulaire DSS/SD2B/2017/97 du 21/03/2017',
  },
  { from: '2018-04-01', value: 411.92, ref: 'Circulaire DSS/SD2B/2018/81 du 22/03/2018' },
  { from: '2019-04-01', value: 413.16, ref: 'Circulaire DSS/SD2B/2019/65 du 25/03/2019' },
  { from: '2020-04-01', value: 414.4, ref: 'Circulaire DSS/SD2B/2020/33 du 18/02/2020' },
  { from: '2021-04-01', value: 414.81, ref: 'Circulaire DSS/2B/2021/65 du 19/03/2021' },
  { from: '2022-04-01', value: 422.28, ref: 'Circulaire DSS/2B/2022/82 du 28/03/2022 page 404' },
  {
    from: '2022-07-01',
    value: 439.17,
    ref: 'Article L551-1 du Code de la sécurité sociale ; LOI n° 2022-1158 du 16/08/2022, art. 9',
  },
  { from: '2023-04-01', value: 445.93, ref: 'Instruction interministérielle DSS/2B/2023/41 du 24 mars 2023' },
  {
    from: '2024-04-01',
    value: 466.44,
    ref: 'Instruction interministérielle n° DSS/2B/2024/43 du 20 mars 2024 (p. 84)',
  },
  { from: '2025-04-01', value: 474.37, ref: 'Instruction interministérielle N° DSS/2A/2C/2025/32 du 7 mars 2025' },
  {
    from: '2026-04-01',
    value: 478.16,
    ref: 'Instruction interministérielle n° DSS/2A/2026/36 du 26 mars 2026 — OpenFisca-France uniquement, à confirmer',
  },
]);

/** Taux de la contribution au remboursement de la dette sociale (CRDS), prélevée sur la PPA et l'ARS. */
export const tauxCrds = series('prelevements_sociaux.contributions_sociales.crds', [
  {
    from: '1996-02-01',
    value: 0.005,
    ref: "Article 1600-0 J du Code général des impôts ; Article 19 de l'Ordonnance n° 96-50 du 24 janvier 1996",
  },
]);

/**
 * Âge légal de départ à la retraite (années, fractions = mois : 60.33 = 60 ans 4 mois), par date civile comme
 * OpenFisca. ⚠ Simplification : en droit l'âge légal dépend de la génération (année et mois de naissance, CSS
 * L161-17-2 : relèvement de 2010 puis de 2023 par trimestre de génération, gel annoncé par la LFSS 2026 pour
 * certaines générations — à vérifier) ; selon la loi 2023-270, la valeur 64 n'est atteinte que par les générations
 * 1968 et suivantes. Pour une décision individuelle, calculer l'âge par génération.
 */
export const ageLegalRetraite = series(
  'prestations_sociales.prestations_etat_de_sante.invalidite.aah.age_legal_retraite',
  [
    {
      from: '1983-07-01',
      value: 60,
      ref: 'Ordonnance n° 82-270 du 26 mars 1982 (retraite à 60 ans) (OpenFisca-France prestations_sociales.prestations_etat_de_sante.invalidite.aah.age_legal_retraite)',
    },
    {
      from: '2011-11-01',
      value: 60.33,
      ref: 'Loi n° 2010-1330 du 9 novembre 2010 portant réforme des retraites, relèvement par génération (OpenFisca-France prestations_sociales.prestations_etat_de_sante.invalidite.aah.age_legal_retraite, valeur par date civile)',
    },
    {
      from: '2012-10-01',
      value: 60.75,
      ref: 'Loi n° 2010-1330 du 9 novembre 2010 portant réforme des retraites, relèvement par génération (OpenFisca-France prestations_sociales.prestations_etat_de_sante.invalidite.aah.age_legal_retraite, valeur par date civile)',
    },
    {
      from: '2014-04-01',
      value: 61.167,
      ref: 'Loi n° 2010-1330 du 9 novembre 2010 portant réforme des retraites, relèvement par génération (OpenFisca-France prestations_sociales.prestations_etat_de_sante.invalidite.aah.age_legal_retraite, valeur par date civile)',
    },
    {
      from: '2015-08-01',
      value: 61.583,
      ref: 'Loi n° 2010-1330 du 9 novembre 2010 portant réforme des retraites, relèvement par génération (OpenFisca-France prestations_sociales.prestations_etat_de_sante.invalidite.aah.age_legal_retraite, valeur par date civile)',
    },
    { from: '2017-01-01', value: 62, ref: 'Article L161-17-2 du Code de la sécurité sociale' },
    {
      from: '2023-09-01',
      value: 64,
      ref: 'Code de la sécurité sociale - L161-17-2 ; Loi n°2023-270 du 14/04/2023 de financement rectificative de la sécurité sociale pour 2023',
    },
  ],
);

/** Plafond de rémunération d'une personne à charge sortie de l'obligation scolaire (et plancher des apprenants pour la PPA) : fraction du Smic mensuel brut calculé sur 169 h. */
export const revenuPlafondPacNonScolaire = series(
  'prestations_sociales.prestations_familiales.def_pac.revenu_plafond_pac_non_scolaire',
  [
    {
      from: '1985-12-22',
      value: 0.55,
      ref: 'Décret 85-1353 du 17/12/1985, art. 1 (crée art. R 512-2 du CSS) ; Article R512-2 du code de la Sécurité sociale',
    },
  ],
);

/** Nombre d'heures du Smic retenu pour le plafond des personnes à charge et le plancher des apprenants (169 h). Pas de paramètre OpenFisca (constante du code). */
export const heuresPlafondPacNonScolaire = series('hors_openfisca.prestations_familiales.def_pac.heures_smic', [
  {
    from: '1985-12-22',
    value: 169,
    ref: 'Article R512-2 du code de la Sécurité sociale (55 % du Smic calculé sur la base de 169 heures) ; RULES.md §2.1',
  },
]);

/** Taux d'intérêt annuel du livret A (revenu forfaitaire des sommes placées sur livret A pour le RSA et la PPA). */
export const tauxLivretA = series('taxation_capital.epargne.livret_a.taux', [
  {
    from: '2000-07-01',
    value: 0.03,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2003-08-01',
    value: 0.0225,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2005-08-01',
    value: 0.02,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2006-02-01',
    value: 0.0225,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2006-08-01',
    value: 0.0275,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2007-08-01',
    value: 0.03,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2008-02-01',
    value: 0.035,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2008-08-01',
    value: 0.04,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2009-02-01',
    value: 0.025,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2009-05-01',
    value: 0.0175,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2009-08-01',
    value: 0.0125,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2010-08-01',
    value: 0.0175,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2011-02-01',
    value: 0.02,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2011-08-01',
    value: 0.0225,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2013-02-01',
    value: 0.0175,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2013-08-01',
    value: 0.0125,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2014-08-01',
    value: 0.01,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2015-08-01',
    value: 0.0075,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  { from: '2020-02-01', value: 0.005, ref: "Avis relatif aux taux d'intérêt des produits d'épargne réglementée" },
  {
    from: '2022-02-01',
    value: 0.01,
    ref: "Arrêté du 27 janvier 2022 relatif aux taux d'intérêt des produits d'épargne réglementée",
  },
  {
    from: '2022-08-01',
    value: 0.02,
    ref: 'OpenFisca-France taxation_capital.epargne.livret_a.taux (sans référence datée)',
  },
  {
    from: '2023-02-01',
    value: 0.03,
    ref: "Arrêté du 27 janvier 2023 relatif aux taux d'intérêt des produits d'épargne réglementée",
  },
  {
    from: '2023-08-01',
    value: 0.03,
    ref: "Arrêté du 28 juillet 2023 relatif aux taux d'intérêt des produits d'épargne réglementée",
  },
  {
    from: '2025-02-01',
    value: 0.024,
    ref: "Arrêté du 28 janvier 2025 relatif aux taux d'intérêt des produits d'épargne réglementée",
  },
  {
    from: '2025-08-01',
    value: 0.017,
    ref: "Arrêté du 23 juillet 2025 relatif aux taux d'intérêt des produits d'épargne réglementée",
  },
  {
    from: '2026-02-01',
    value: 0.015,
    ref: "Arrêté du 28 janvier 2026 relatif aux taux d'intérêt des produits d'épargne réglementée",
  },
]);

/**
 * Âge à partir duquel les allocations familiales sont majorées (majoration pour âge unique à 14 ans). Sert à repérer
 * les foyers où l'AF versée dépasse sa base (RULES.md §7.3 n° 12), pas à calculer les AF.
 */
export const ageMajorationAf = series('prestations_sociales.prestations_familiales.af.af_maj.age_minimal', [
  {
    from: '2008-05-01',
    value: 14,
    ref: 'Article R521-1 du code de la sécurité sociale (décret 2008-409 du 28 avril 2008, majoration pour âge à 14 ans)',
  },
]);

/**
 * Complément familial non majoré, en fraction de la BMAF ; le complément majoré (plus élevé) existe depuis avril 2014.
 * Sert à repérer un CF majoré versé (RULES.md §7.3 n° 12 : OpenFisca ne compte que la part non majorée).
 */
export const tauxComplementFamilialNonMajore = series(
  'prestations_sociales.prestations_familiales.cf.taux_cf_non_majore',
  [
    {
      from: '2014-04-01',
      value: 0.4165,
      ref: 'Article D522-2 du code de la sécurité sociale (complément familial : 41,65 % de la BMAF ; montant majoré créé au 1er avril 2014)',
    },
  ],
);

/** Paramètres communs, par nom juridique. */
export const common = {
  smicBrutHoraire,
  nombreHeuresTravailMensuel,
  bmaf,
  tauxCrds,
  ageLegalRetraite,
  revenuPlafondPacNonScolaire,
  heuresPlafondPacNonScolaire,
  tauxLivretA,
  ageMajorationAf,
  tauxComplementFamilialNonMajore,
} as const;
